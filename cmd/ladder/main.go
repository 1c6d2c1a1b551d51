// Command ladder checks career ladders and assessments and evaluates them.
//
// Usage:
//
//	ladder validate FILE...
//	ladder eval [--format text|json] LADDER ASSESSMENT
//	ladder lint [--tests N] [--seed S] LADDER...
//	ladder render [--format html|md] LADDER
//	ladder report [--format html|md] LADDER ASSESSMENT...
//	ladder import [--assessment OUT] [--subject NAME] SHEET.csv|SHEET.xlsx
//	ladder export [--format csv|xlsx] LADDER [ASSESSMENT]
//	ladder diff [--format text|json] OLD NEW
//	ladder migrate [--rename OLD=NEW]... [--renames FILE] LADDER ASSESSMENT
//	ladder progress [--format text|json] LADDER ASSESSMENT...
//	ladder compare [--format text|json] LADDER ASSESSMENT OTHER
//	ladder batch [--workers N] LADDER [ASSESSMENTS.ndjson]
//	ladder schema ladder|assessment
//	ladder help [COMMAND]
//
// Flags come before positional arguments. Exit status: 0 when all is well, 1
// when a document is invalid, 2 on a usage error; as diff(1) does, ladder
// diff exits 1 when the ladders differ and 2 when one is invalid.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/ladderkit/ladder"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

// command is one subcommand of ladder.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string
	help    string // what --help prints after the usage line
	flags   func(fs *flag.FlagSet) func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []*command {
	return []*command{validateCommand, evalCommand, lintCommand, renderCommand, reportCommand, importCommand, exportCommand, diffCommand, migrateCommand, progressCommand, compareCommand, batchCommand, schemaCommand}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				c.usage(stdout)
				return exitOK
			}
			fmt.Fprintf(stderr, "ladder help: unknown command %q\n", args[1])
			usage(stderr)
			return exitUsage
		}
		usage(stdout)
		return exitOK
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "ladder: unknown command %q\n", name)
		usage(stderr)
		return exitUsage
	}
	fs := flag.NewFlagSet("ladder "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	do := c.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.usage(stdout)
			return exitOK
		}
		fmt.Fprintf(stderr, "ladder %s: %v\n", c.name, err)
		c.shortUsage(stderr)
		return exitUsage
	}
	// After "--", every argument is a name, even one that starts with "-".
	rest := fs.Args()
	dashdash := len(rest) < len(args)-1 && args[len(args)-len(rest)-1] == "--"
	for _, a := range rest {
		if !dashdash && strings.HasPrefix(a, "-") && a != "-" {
			fmt.Fprintf(stderr, "ladder %s: flag %s after the arguments: flags come first\n", c.name, a)
			c.shortUsage(stderr)
			return exitUsage
		}
	}
	return do(c, fs.Args(), stdin, stdout, stderr)
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprint(w, `ladder checks career ladders and assessments, and evaluates them.

Usage:

	ladder COMMAND [FLAGS] [ARGUMENTS]

Commands:

`)
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "ladder help COMMAND" or "ladder COMMAND --help" for more about a command.
Flags come before arguments. Exit status: 0 when all is well, 1 when a document
is invalid, 2 on a usage error (ladder diff: 1 when the ladders differ, 2 when
one is invalid).
`)
}

func (c *command) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: ladder %s %s\n\n%s", c.name, c.args, c.help)
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.flags(fs)
	var n int
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// shortUsage writes the usage line, for a usage error: the whole help would
// push the error out of sight.
func (c *command) shortUsage(w io.Writer) {
	fmt.Fprintf(w, "Usage: ladder %s %s\nRun \"ladder help %s\" for more.\n", c.name, c.args, c.name)
}

// usageError reports wrong arguments and returns the usage exit status.
func (c *command) usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "ladder %s: %s\n", c.name, fmt.Sprintf(format, args...))
	c.shortUsage(stderr)
	return exitUsage
}

// report prints err to stderr: the problems of a *ladder.Error one a line,
// as FILE:LINE:COLUMN: POINTER: MESSAGE, anything else (a file that cannot
// be read) as it is. It returns the exit status of an invalid input.
func report(stderr io.Writer, err error) int {
	var le *ladder.Error
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			fmt.Fprintln(stderr, p.String())
		}
		return exitInvalid
	}
	fmt.Fprintf(stderr, "ladder: %v\n", err)
	return exitInvalid
}

// formatFlag defines --format, with its choices in usage; the first is
// the default.
func formatFlag(fs *flag.FlagSet, usage string, choices ...string) *string {
	return fs.String("format", choices[0], usage)
}

// unknownFormat reports a usage error, and returns true, unless format is
// one of choices.
func (c *command) unknownFormat(stderr io.Writer, format string, choices ...string) (int, bool) {
	if slices.Contains(choices, format) {
		return exitOK, false
	}
	return c.usageError(stderr, "unknown format %q: want %s or %s", format, choices[0], choices[1]), true
}
