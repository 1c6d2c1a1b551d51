package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/display"
)

var batchCommand = &command{
	name:    "batch",
	args:    "[--workers N] LADDER [ASSESSMENTS.ndjson]",
	summary: "evaluate many assessments, one JSON document a line, in parallel",
	help: `Batch reads assessments, one JSON document a line (NDJSON), from the file
(standard input when there is none, or it is "-"), and writes one line for each to standard output, in
input order: the result, as "ladder eval --format json" prints it but on
one line, or an error record for a line that is not a valid assessment of
the ladder:

	{"line": 12, "problems": [{"file", "line", "column", "pointer", "message", "snippet"}]}

A bad line, broken JSON included, does not stop the batch; an empty line
gets an error record too, so that output line N is about input line N. It
evaluates --workers assessments at once and holds a bounded number of lines
in memory, whatever the input's size.

At the end it writes a summary to standard error: the lines read and
failed, and the people by level reached and by skill level. While it runs,
when standard error is a terminal, a line there shows the count, the rate
and the time elapsed.

The exit status is 1 when the ladder is invalid, any line failed, or the
input cannot be read.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		workers := fs.Int("workers", 0, "evaluate `N` assessments at once (default: one per CPU)")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if len(args) < 1 || len(args) > 2 {
				return c.usageError(stderr, "want a ladder, and the assessments' file or standard input")
			}
			if *workers < 0 || *workers > ladder.MaxWorkers {
				return c.usageError(stderr, "--workers %d: want 1 to %d, or 0 for one per CPU", *workers, ladder.MaxWorkers)
			}
			if *workers == 0 {
				*workers = runtime.NumCPU()
			}
			l, err := ladder.Load(args[0])
			if err != nil {
				return report(stderr, err)
			}
			in, name := stdin, "stdin"
			if len(args) == 2 && args[1] != "-" {
				f, err := os.Open(args[1])
				if err != nil {
					return report(stderr, err)
				}
				defer f.Close()
				in, name = f, args[1]
			}
			opt := ladder.BatchOptions{Workers: *workers, File: name}
			start := time.Now()
			var shown bool
			terminal := isTerminal(stderr)
			if terminal {
				last := start
				opt.OnProgress = func(n int) {
					if now := time.Now(); now.Sub(last) >= 200*time.Millisecond {
						last, shown = now, true
						elapsed := now.Sub(start)
						fmt.Fprintf(stderr, "\r%d assessments, %.0f/s, %s elapsed\x1b[K", n, float64(n)/elapsed.Seconds(), elapsed.Round(time.Second))
					}
				}
			}
			sum, err := l.Batch(in, stdout, opt)
			if shown {
				fmt.Fprint(stderr, "\r\x1b[K")
			}
			var elapsed time.Duration
			if terminal {
				elapsed = time.Since(start)
			}
			writeSummary(stderr, l, sum, elapsed)
			if err != nil {
				fmt.Fprintf(stderr, "ladder batch: %v\n", err)
				return exitInvalid
			}
			if sum.Failed > 0 {
				return exitInvalid
			}
			return exitOK
		}
	},
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// writeSummary writes what a batch did: its lines, and the people by
// level reached and by skill level, in the ladder's order; the time it
// took unless elapsed is 0.
func writeSummary(w io.Writer, l *ladder.Ladder, sum *ladder.BatchSummary, elapsed time.Duration) {
	results := sum.Lines - sum.Failed
	fmt.Fprintf(w, "ladder batch: %s, %s, %s", plural(sum.Lines, "line", "lines"), plural(results, "result", "results"), plural(sum.Failed, "error", "errors"))
	if elapsed > 0 && sum.Lines > 0 {
		fmt.Fprintf(w, " in %s", elapsed.Round(time.Millisecond))
	}
	fmt.Fprintln(w)
	if results == 0 {
		return
	}
	type row struct {
		name  string
		count int
	}
	rows := []row{{"none", sum.Levels[""]}}
	for _, lv := range l.Levels {
		name := display.Escape(lv.ID)
		if lv.Name != "" {
			name += " " + display.Escape(lv.Name)
		}
		if lv.Track != "" {
			name += " [" + display.Escape(lv.Track) + "]"
		}
		rows = append(rows, row{name, sum.Levels[lv.ID]})
	}
	width := 0
	for _, r := range rows {
		width = max(width, display.Width(r.name))
	}
	fmt.Fprintln(w, "\nPeople by level reached:")
	for _, r := range rows {
		fmt.Fprintf(w, "  %s  %d\n", display.Pad(r.name, width), r.count)
	}
	if len(sum.Skills) == 0 {
		return
	}
	top := 0
	for _, levels := range sum.Skills {
		for lv := range levels {
			top = max(top, lv)
		}
	}
	width = 0
	for _, s := range l.Skills {
		width = max(width, display.Width(s.Name))
	}
	fmt.Fprintln(w, "\nPeople by skill level:")
	var head strings.Builder
	for lv := 0; lv <= top; lv++ {
		fmt.Fprintf(&head, " %7d", lv)
	}
	fmt.Fprintf(w, "  %s %s\n", strings.Repeat(" ", width), head.String())
	for _, s := range l.Skills {
		fmt.Fprintf(w, "  %s ", display.Pad(s.Name, width))
		for lv := 0; lv <= top; lv++ {
			fmt.Fprintf(w, " %7d", sum.Skills[s.ID][lv])
		}
		fmt.Fprintln(w)
	}
}
