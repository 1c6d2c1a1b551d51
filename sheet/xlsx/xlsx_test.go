package xlsx_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/sheet"
	"github.com/ladderkit/ladder/sheet/xlsx"
)

var update = flag.Bool("update", false, "rewrite testdata/devops-bruno.xlsx")

const example = "../../examples/devops-technical-mastery/"

// The DevOps example and Bruno's marks, as a workbook, import to the same
// ladder and marks as the CSV sheet of package sheet; testdata holds that
// workbook.
func TestWorkbookOfTheExample(t *testing.T) {
	l, err := ladder.Load(example + "ladder.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ladder.LoadAssessment(example + "bruno-squad-expert.json")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		var buf bytes.Buffer
		if _, err := xlsx.Export(&buf, l, a); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/devops-bruno.xlsx", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open("testdata/devops-bruno.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fromWorkbook, err := xlsx.Import(f, sheet.Options{File: "devops-bruno.xlsx", Subject: "bruno"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := os.Open("../testdata/devops-bruno.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fromCSV, err := sheet.ImportCSV(c, sheet.Options{Subject: "bruno"})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(fromWorkbook)
	want, _ := json.Marshal(fromCSV)
	if string(got) != string(want) {
		t.Errorf("the workbook imports to\n%s\nthe CSV to\n%s", got, want)
	}
	if fromWorkbook.Assessment == nil || len(fromWorkbook.Assessment.Marks) == 0 {
		t.Error("the workbook's checkboxes were not read")
	}
}

func TestNotAWorkbook(t *testing.T) {
	_, err := xlsx.Import(bytes.NewReader([]byte("Level,Hard requirements\n")), sheet.Options{File: "x.xlsx"})
	if err == nil || !bytes.HasPrefix([]byte(err.Error()), []byte("x.xlsx: not an XLSX workbook: ")) {
		t.Errorf("got %v", err)
	}
}
