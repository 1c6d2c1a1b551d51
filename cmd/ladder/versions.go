package main

import (
	"bufio"

	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/display"
)

var diffCommand = &command{
	name:    "diff",
	args:    "[--format text|json] OLD NEW",
	summary: "say what changed from one version of a ladder to another",
	help: `Diff compares two versions of a ladder, keyed by IDs: levels, skills, steps,
tracks and named values added or removed; requirements added, removed, moved
to another level, skill or step, turned from hard to soft or back, or
reworded; and rules, profiles, thresholds, points, names and orders changed.
A requirement whose ID changed is one removed and one added: "ladder migrate
--rename" carries its marks over.

The text format reads like a changelog, a change a line. The json format is
a list of changes: [{"kind", "what", "id", "field", "old", "new"}], as
ladder.Change describes them.

As diff(1) does, the exit status is 0 when the versions are the same, 1 when
they differ, and 2 when a ladder is invalid or cannot be read.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		format := formatFlag(fs, "output `format`: text or json", "text", "json")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if code, bad := c.unknownFormat(stderr, *format, "text", "json"); bad {
				return code
			}
			if len(args) != 2 {
				return c.usageError(stderr, "want two ladders, the old version and the new")
			}
			var versions [2]*ladder.Ladder
			for i, path := range args {
				l, err := ladder.Load(path)
				if err != nil {
					report(stderr, err)
					return exitUsage
				}
				versions[i] = l
			}
			changes := ladder.Diff(versions[0], versions[1])
			if *format == "json" {
				if changes == nil {
					changes = []ladder.Change{}
				}
				if err := writeJSON(stdout, changes); err != nil {
					report(stderr, err)
					return exitUsage
				}
			} else if len(changes) > 0 {
				old, new := versions[0], versions[1]
				fmt.Fprintf(stdout, "%s: %s to %s\n\n", display.Escape(new.Name), display.Escape(orUnversioned(old.Version)), display.Escape(orUnversioned(new.Version)))
				for _, ch := range changes {
					fmt.Fprintf(stdout, "- %s\n", display.Escape(ch.String()))
				}
			}
			if len(changes) > 0 {
				return exitInvalid
			}
			return exitOK
		}
	},
}

func orUnversioned(v string) string {
	if v == "" {
		return "(no version)"
	}
	return v
}

// renames is the flag --rename, repeated: old=new pairs.
type renames map[string]string

func (r renames) String() string { return "" }

func (r renames) Set(s string) error {
	old, new, ok := strings.Cut(s, "=")
	old, new = strings.TrimSpace(old), strings.TrimSpace(new)
	if !ok || old == "" || new == "" {
		return fmt.Errorf("want OLD=NEW, not %q", s)
	}
	if prev, dup := r[old]; dup && prev != new {
		return fmt.Errorf("%q renamed twice, to %q and to %q", old, prev, new)
	}
	r[old] = new
	return nil
}

var migrateCommand = &command{
	name:    "migrate",
	args:    "[--rename OLD=NEW]... [--renames FILE] LADDER ASSESSMENT",
	summary: "carry an assessment over to another version of its ladder",
	help: `Migrate prints the assessment for the ladder's version, as JSON:

  - marks are carried over by requirement ID, or by the new ID that --rename
    (or a line OLD=NEW of the --renames file) gives for a requirement whose
    ID changed;
  - the marks of requirements and levels the ladder no longer has are kept
    with their reasons under "orphaned", and come back if a later version
    has them again;
  - "ladderVersion" becomes the ladder's version.

Nothing of the assessment is lost. "ladder eval" lists the orphaned marks.
In the --renames file, blank lines and lines starting with # are skipped.
The exit status is 1 when a document is invalid, or a rename names a
requirement the ladder does not have.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		rn := renames{}
		fs.Var(rn, "rename", "carry the marks of requirement `OLD=NEW` over to NEW (repeatable)")
		file := fs.String("renames", "", "read renames from `file`, one OLD=NEW a line")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if len(args) != 2 {
				return c.usageError(stderr, "want two arguments, a ladder and an assessment")
			}
			if *file != "" {
				if code := readRenames(*file, rn, stderr); code != exitOK {
					return code
				}
			}
			l, err := ladder.Load(args[0])
			if err != nil {
				return report(stderr, err)
			}
			a, err := ladder.LoadAssessment(args[1])
			if err != nil {
				return report(stderr, err)
			}
			out, err := l.Migrate(a, rn)
			if err != nil {
				return report(stderr, err)
			}
			if err := writeJSON(stdout, out); err != nil {
				return report(stderr, err)
			}
			return exitOK
		}
	},
}

// readRenames adds the renames of a file, one OLD=NEW a line, to rn.
func readRenames(path string, rn renames, stderr io.Writer) int {
	f, err := os.Open(path)
	if err != nil {
		return report(stderr, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := rn.Set(line); err != nil {
			fmt.Fprintf(stderr, "%s:%d: %v\n", path, n, err)
			return exitInvalid
		}
	}
	if err := sc.Err(); err != nil {
		return report(stderr, err)
	}
	return exitOK
}

// writeOrphans lists the marks a result keeps of what its ladder lacks.
func writeOrphans(w io.Writer, res *ladder.Result) {
	if len(res.Orphans) == 0 {
		return
	}
	fmt.Fprintf(w, "\nOrphaned marks, of what version %s of the ladder does not have:\n", display.Escape(orUnversioned(res.Version)))
	for _, o := range res.Orphans {
		status := statusWords(o.Status)
		if o.Reason != "" {
			status += ": " + display.Escape(o.Reason)
		}
		what := o.Of
		if o.Of != "requirement" {
			what += " of level"
		}
		fmt.Fprintf(w, "  - %s %s (%s)\n", what, display.Escape(o.ID), status)
	}
}
