package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/sheet"
	"github.com/ladderkit/ladder/sheet/xlsx"
)

var importCommand = &command{
	name:    "import",
	args:    "[--assessment OUT] [--subject NAME] SHEET.csv|SHEET.xlsx",
	summary: "turn a spreadsheet (CSV or XLSX) into a ladder, and the assessment filled in it",
	help: `Import reads a spreadsheet, exported as CSV or as an Excel workbook (.xlsx,
its first worksheet), in the layout of the DevOps Technical Mastery matrix
(see package sheet), and prints the ladder it holds as JSON. When the sheet is filled in (a checkbox ticked, a reason written),
--assessment writes the assessment to OUT, for the person --subject names
(by default the sheet's file name, without its extension). A filled sheet
imported without --assessment is said so on stderr.

Problems name the sheet's cell: "sheet.csv: H44: ...". The exit status is 1
when the sheet does not fit the layout, or what it holds does not validate.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		out := fs.String("assessment", "", "write the sheet's assessment to `file`")
		subject := fs.String("subject", "", "the `name` of the person assessed (default: the sheet's file name)")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if len(args) != 1 {
				return c.usageError(stderr, "want one sheet")
			}
			path := args[0]
			ext := strings.ToLower(filepath.Ext(path))
			if ext != ".csv" && ext != ".xlsx" {
				return c.usageError(stderr, "%s: want a .csv or .xlsx sheet", path)
			}
			f, err := os.Open(path)
			if err != nil {
				return report(stderr, err)
			}
			defer f.Close()
			name := *subject
			if name == "" {
				name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
			}
			opt := sheet.Options{File: path, Subject: name}
			var im *sheet.Imported
			if ext == ".xlsx" {
				im, err = xlsx.Import(f, opt)
			} else {
				im, err = sheet.ImportCSV(f, opt)
			}
			if err != nil {
				return report(stderr, err)
			}
			if err := writeJSON(stdout, im.Ladder); err != nil {
				return report(stderr, err)
			}
			switch {
			case im.Assessment != nil && *out != "":
				var b strings.Builder
				if err := writeJSON(&b, im.Assessment); err != nil {
					return report(stderr, err)
				}
				if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
					return report(stderr, err)
				}
			case im.Assessment != nil:
				fmt.Fprintf(stderr, "ladder import: %s is filled in, with %d marks: --assessment FILE writes them\n", path, len(im.Assessment.Marks))
			case *out != "":
				fmt.Fprintf(stderr, "ladder import: %s is not filled in: no assessment written to %s\n", path, *out)
			}
			return exitOK
		}
	},
}

var exportCommand = &command{
	name:    "export",
	args:    "[--format csv|xlsx] LADDER [ASSESSMENT]",
	summary: "write a ladder, and an assessment, as a spreadsheet (CSV or XLSX)",
	help: `Export writes a ladder, with the marks and reasons of an assessment when one
is given, as a spreadsheet in the layout import reads, to stdout. What the
layout cannot carry (rules, tracks, steps, points, the order of skills, the
assessment's subject...) is listed on stderr; the rest, import gives back as
it was. A ladder whose levels are decided by steps or profiles alone exports
its levels without requirements, which import refuses.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		format := formatFlag(fs, "the sheet's `format`: csv or xlsx", "csv", "xlsx")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if code, bad := c.unknownFormat(stderr, *format, "csv", "xlsx"); bad {
				return code
			}
			if len(args) != 1 && len(args) != 2 {
				return c.usageError(stderr, "want a ladder, and an assessment or none")
			}
			l, err := ladder.Load(args[0])
			if err != nil {
				return report(stderr, err)
			}
			var a *ladder.Assessment
			if len(args) == 2 {
				if a, err = ladder.LoadAssessment(args[1]); err != nil {
					return report(stderr, err)
				}
				// An assessment of another ladder, or marking what it
				// does not have, is refused as eval refuses it.
				if _, err := l.Evaluate(a); err != nil {
					return report(stderr, err)
				}
			}
			export := sheet.ExportCSV
			if *format == "xlsx" {
				export = xlsx.Export
			}
			leftOut, err := export(stdout, l, a)
			if err != nil {
				return report(stderr, err)
			}
			if len(leftOut) > 0 {
				fmt.Fprintf(stderr, "ladder export: the sheet leaves out %s\n", strings.Join(leftOut, "; "))
			}
			return exitOK
		}
	},
}

// writeJSON writes v as indented JSON, and a newline.
func writeJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
