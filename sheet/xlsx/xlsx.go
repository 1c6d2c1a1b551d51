// Package xlsx reads and writes the sheets of package sheet as Excel
// workbooks (.xlsx), with github.com/xuri/excelize/v2. It is a package of
// its own so that programs that read CSV only do not depend on excelize.
package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/sheet"
)

// Import reads the first worksheet of a workbook as a sheet in the layout
// of package sheet. Booleans (checkboxes) read as TRUE and FALSE. See
// sheet.Import.
func Import(r io.Reader, opt sheet.Options) (*sheet.Imported, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, &ladder.Error{Problems: []ladder.Problem{{File: opt.File, Message: "not an XLSX workbook: " + err.Error()}}}
	}
	defer f.Close()
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, &ladder.Error{Problems: []ladder.Problem{{File: opt.File, Message: "the workbook has no worksheet"}}}
	}
	// The cells as the spreadsheet shows them (a percentage as 50%, a
	// date as a date), booleans as TRUE and FALSE, as CSV exports write
	// them.
	rows, err := f.GetRows(names[0])
	if err != nil {
		return nil, err
	}
	for r, row := range rows {
		for c := range row {
			name, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return nil, err
			}
			if t, err := f.GetCellType(names[0], name); err == nil && t == excelize.CellTypeBool {
				if row[c] == "1" || strings.EqualFold(row[c], "TRUE") {
					row[c] = "TRUE"
				} else {
					row[c] = "FALSE"
				}
			}
		}
	}
	return sheet.Import(rows, opt)
}

// Export writes a ladder, and the marks of an assessment of it when a is
// not nil, as a workbook of one worksheet in the layout of package sheet:
// checkboxes as booleans, texts wrapped. It returns what the layout leaves
// out, as sheet.Export does.
func Export(w io.Writer, l *ladder.Ladder, a *ladder.Assessment) (leftOut []string, err error) {
	rows, leftOut := sheet.Export(l, a)
	f := excelize.NewFile()
	defer f.Close()
	const name = "Ladder"
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return nil, err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	for r, row := range rows {
		cells := make([]any, len(row))
		for c, v := range row {
			switch v {
			case "TRUE":
				cells[c] = true
			case "FALSE":
				cells[c] = false
			default:
				cells[c] = v
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, r+1)
		if err != nil {
			return nil, err
		}
		if err := f.SetSheetRow(name, cell, &cells); err != nil {
			return nil, err
		}
	}
	last, err := excelize.ColumnNumberToName(max(1, len(rows[3])))
	if err != nil {
		return nil, err
	}
	if err := f.SetColStyle(name, "A:"+last, wrap); err != nil {
		return nil, err
	}
	for c, width := range map[string]float64{"B": 16, "E": 40, "H": 60, "I": 30, "L": 50, "M": 30} {
		if err := f.SetColWidth(name, c, c, width); err != nil {
			return nil, err
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return nil, fmt.Errorf("writing the workbook: %w", err)
	}
	return leftOut, nil
}
