package sheet_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/laddertest"
	"github.com/ladderkit/ladder/sheet"
)

var update = flag.Bool("update", false, "rewrite golden files")

const example = "../examples/devops-technical-mastery/"

// load reads a ladder as its fields, without the $schema an editor uses.
func loadLadder(t *testing.T, path string) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	l.Schema = ""
	return l
}

// golden compares data with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, data []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("%s differs (run go test -update to rewrite it):\n%s", path, data)
	}
}

// The DevOps example, exported and imported again, is the same ladder and
// the same assessment: testdata/devops-bruno.csv is that sheet.
func TestRoundTripOfTheExample(t *testing.T) {
	l := loadLadder(t, example+"ladder.json")
	a, err := ladder.LoadAssessment(example + "bruno-squad-expert.json")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	leftOut, err := sheet.ExportCSV(&buf, l, a)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/devops-bruno.csv", buf.Bytes())
	wantLeftOut := []string{"the assessment's subject", "its assessor", "its date", "its marks on the expertise reach of 2 levels"}
	if !reflect.DeepEqual(leftOut, wantLeftOut) {
		t.Errorf("left out %q, want %q", leftOut, wantLeftOut)
	}
	f, err := os.Open("testdata/devops-bruno.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	im, err := sheet.ImportCSV(f, sheet.Options{File: "testdata/devops-bruno.csv", Subject: a.Subject})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(im.Ladder, stripped(t, l)) {
		got, _ := json.MarshalIndent(im.Ladder, "", " ")
		t.Errorf("imported ladder differs from the example:\n%s", got)
	}
	want := *a
	want.Schema, want.Assessor, want.Date = "", "", ""
	for id, lm := range want.Levels {
		lm.Reach = nil
		if lm.Description == nil {
			delete(want.Levels, id)
		} else {
			want.Levels[id] = lm
		}
	}
	gotA, _ := json.Marshal(im.Assessment)
	wantA, _ := json.Marshal(&want)
	if string(gotA) != string(wantA) {
		t.Errorf("imported assessment:\n%s\nwant\n%s", gotA, wantA)
	}
}

// stripped returns the ladder as a plain value, without what a parsed
// ladder keeps of its own.
func stripped(t *testing.T, l *ladder.Ladder) *ladder.Ladder {
	data, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var out ladder.Ladder
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

// A sheet in the seed's own layout, without ID columns: headings on the
// level rows, a hard and a soft requirement on one row, a cell of several
// lines, general requirements, checkboxes written TRUE, x and yes.
func TestImportSeedLayout(t *testing.T) {
	f, err := os.Open("testdata/seed-layout.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	im, err := sheet.ImportCSV(f, sheet.Options{File: "testdata/seed-layout.csv", Subject: "alice"})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.MarshalIndent(im, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/seed-layout.golden.json", append(data, '\n'))
	// The ladder and the assessment validate, and evaluate.
	l, err := ladder.New(im.Ladder)
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Evaluate(im.Assessment)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rank != 1 {
		t.Errorf("rank %d, want 1: the hard requirements of level 1 are reached (a soft one not yet does not count), those of level 2 unassessed", res.Rank)
	}
}

// Columns are found by their header names: moved, added or left out, the
// sheet still imports, to the same ladder.
func TestColumnsByName(t *testing.T) {
	rows := [][]string{
		{"Team ladder", "version: 2"},
		{"Soft requirements", "Notes", "Hard requirements", "Level", "Reasons"},
		{"", "a note", "Code:", "1", ""},
		{"- Reviews", "", "- Writes tests", "", ""},
	}
	im, err := sheet.Import(rows, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := im.Ladder
	if l.ID != "team-ladder" || l.Version != "2" || len(l.Levels) != 1 || len(l.Levels[0].Requirements) != 2 || im.Assessment != nil {
		t.Fatalf("got %+v, assessment %+v", l, im.Assessment)
	}
	got := l.Levels[0].Requirements
	if got[0].Text != "Writes tests" || got[0].Kind != ladder.Hard || got[0].Skill != "code" || got[1].Text != "Reviews" || got[1].Kind != ladder.Soft {
		t.Errorf("requirements %+v", got)
	}
}

// A sheet that does not fit the layout is refused, at the cells at fault.
func TestBrokenSheets(t *testing.T) {
	header := []string{"Level", "Expertise reach", "Reached", "Not yet", "Description", "Reached", "Not yet", "Hard requirements", "Reasons", "Reached", "Not yet", "Soft requirements", "Reasons"}
	sheetOf := func(body ...[]string) [][]string {
		return append([][]string{{"L"}, header}, body...)
	}
	for _, tt := range []struct {
		name string
		rows [][]string
		want string
	}{
		{"no header", [][]string{{"L"}, {"1", "Self"}}, `A1: no header row: the sheet needs a row naming its columns, with at least "Level" and "Hard requirements"`},
		{"both boxes ticked", sheetOf(
			[]string{"1", "Self", "", "", "", "TRUE", "TRUE", "- Writes tests"}),
			`F3: both Reached (F3) and Not yet (G3) are ticked: tick one`},
		{"not a checkbox", sheetOf(
			[]string{"1", "Self", "", "", "", "maybe", "", "- Writes tests"}),
			`F3: "maybe" is not a checkbox: write TRUE or FALSE (x, yes, or nothing, are read too), or N/A where the requirement does not apply`},
		{"N/A and a tick", sheetOf(
			[]string{"1", "Self", "", "", "", "TRUE", "N/A", "- Writes tests"}),
			`F3: Reached (F3) or Not yet (G3) ticked, and the other N/A: write N/A alone, or tick one`},
		{"a reason without a mark", sheetOf(
			[]string{"1", "Self", "", "", "", "", "", "- Writes tests", "because"}),
			`I3: a reason without a mark: tick Reached or Not yet`},
		{"a level out of order", sheetOf(
			[]string{"2", "Self", "", "", "", "", "", "- Writes tests"}),
			`A3: "2" is not the number of the next level, 1: a level starts on a row whose Level cell holds its number`},
		{"a requirement before any level", sheetOf(
			[]string{"", "", "", "", "", "", "", "- Writes tests"}),
			`H3: a requirement before the first level: a level starts on a row whose Level cell holds its number`},
		{"a mark next to a heading", sheetOf(
			[]string{"1", "Self", "", "", "", "TRUE", "", "Code:"}),
			`H3: a mark or a reason next to the heading of a sub-skill: only requirements are marked`},
		{"no level", sheetOf(), `A2: no level: a level starts on a row whose Level cell holds its number`},
		{"a checkbox pair before nothing", [][]string{{"L"}, {"Level", "Reached", "Not yet", "Hard requirements"}, {"1", "", "", "- x"}},
			``},
		{"a Reached without Not yet", [][]string{{"L"}, {"Level", "Reached", "Hard requirements"}},
			`B2: a "Reached" column must be followed by a "Not yet" column`},
		{"two Level columns", [][]string{{"L"}, {"Level", "Level", "Hard requirements"}},
			`B2: a second "Level" column (the first is A2)`},
		{"filled in, without a subject", sheetOf(
			[]string{"1", "Self", "", "", "", "TRUE", "", "- Writes tests"}),
			`the sheet is filled in: give the name of the person assessed`},
		{"an invalid ladder", [][]string{{"L"}, {"Level", "Hard requirements", "Hard requirement ID"}, {"1", "- a", "Bad ID"}},
			`/levels/0/requirements/0/id: "Bad ID" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sheet.Import(tt.rows, sheet.Options{})
			if tt.want == "" {
				if err != nil {
					t.Errorf("got %v, want none", err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// Export and Import round-trip generated ladders and assessments: the same
// ladder (requirements without a skill first in each level, as a sheet
// holds them), the same marks, and the description marks; the marks on
// expertise reach are said to be left out.
func TestRoundTripGenerated(t *testing.T) {
	params := gopter.DefaultTestParametersWithSeed(5)
	params.MinSuccessfulTests = 300
	exact := 0
	properties := gopter.NewProperties(params)
	properties.Property("export then import gives back the ladder and the marks", prop.ForAll(func(c laddertest.Case) bool {
		l, err := c.Shape.Ladder()
		if err != nil {
			t.Fatal(err)
		}
		a := c.Marks.Assessment(l)
		rows, _ := sheet.Export(l, a)
		_, leftOut := sheet.Export(l, nil) // what the ladder loses
		im, err := sheet.Import(rows, sheet.Options{Subject: a.Subject})
		if err != nil {
			t.Log(err)
			return false
		}
		want := stripped(t, l)
		if len(leftOut) == 0 {
			exact++
			// Nothing said to be left out: the very same ladder.
			if !reflect.DeepEqual(im.Ladder, want) {
				gj, _ := json.Marshal(im.Ladder)
				wj, _ := json.Marshal(want)
				t.Logf("nothing left out, but\ngot  %s\nwant %s", gj, wj)
				return false
			}
		}
		for i := range want.Levels {
			reqs := want.Levels[i].Requirements
			skilled := func(r ladder.Requirement) int {
				if r.Skill == "" {
					return 0
				}
				return 1
			}
			slices.SortStableFunc(reqs, func(a, b ladder.Requirement) int { return cmp.Compare(skilled(a), skilled(b)) })
		}
		// Skills are listed as their headings come.
		got := *im.Ladder
		got.Skills = nil
		want.Skills = nil
		if !reflect.DeepEqual(&got, want) {
			gj, _ := json.Marshal(&got)
			wj, _ := json.Marshal(want)
			t.Logf("got  %s\nwant %s", gj, wj)
			return false
		}
		wantMarks := a.Marks
		var gotMarks map[string]ladder.Mark
		if im.Assessment != nil {
			gotMarks = im.Assessment.Marks
		}
		return reflect.DeepEqual(gotMarks, wantMarks) || len(wantMarks) == 0 && len(gotMarks) == 0
	}, laddertest.GenCase()))
	properties.TestingRun(t)
	t.Logf("%d ladders of 300 had nothing left out, and came back the same", exact)
	if exact < 30 {
		t.Errorf("only %d ladders had nothing left out: the test checks too little", exact)
	}
}

// What spreadsheets write besides the exported layout: bullets of other
// kinds, a byte-order mark, semicolons, blank lines (which are rows, for the
// names of cells), skills of one name with IDs of their own.
func TestSheetVariants(t *testing.T) {
	csv := "\ufeffTeam\n\nLevel;Hard requirements;Skill ID\n1;Ops:;ops\n;-Deploys;\n;• Watches alerts;\n;Ops:;run\n;– Runs the rota;\n;* Writes runbooks\t;\n"
	im, err := sheet.ImportCSV(strings.NewReader(csv), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := im.Ladder
	if l.Name != "Team" || len(l.Skills) != 2 || l.Skills[0].ID != "ops" || l.Skills[1].ID != "run" || l.Skills[1].Name != "Ops" {
		t.Fatalf("ladder %+v", l)
	}
	var got []string
	for _, r := range l.Levels[0].Requirements {
		got = append(got, r.Skill+":"+r.Text)
	}
	want := []string{"ops:Deploys", "ops:Watches alerts", "run:Runs the rota", "run:Writes runbooks\t"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("requirements %q, want %q", got, want)
	}
	// A blank line is a row: the cell at fault is named as the sheet
	// names it.
	_, err = sheet.ImportCSV(strings.NewReader("Team\n\n\nLevel,Reached,Not yet,Hard requirements\n1,TRUE,TRUE,- x\n"), sheet.Options{})
	if err == nil || err.Error() != "B5: both Reached (B5) and Not yet (C5) are ticked: tick one" {
		t.Errorf("got %v", err)
	}
	for rows, want := range map[string]string{
		"Team\nLevel,Expertise reach,Hard requirements\n1,Self,Code:\n,Squad,- x\n":            "B4: an expertise reach on a row that starts no level: put it on the level's row, with its number",
		"Team\nLevel,Hard requirements,Soft requirements\n1,Code:,Soft ones:\n":                `C3: "Soft ones:" is not a requirement (they start with "- "), and the heading of a sub-skill goes in the Hard requirements column`,
		"Team\nLevel,Reached,Not yet,Description,Hard requirements\n1,,,,Code:\n,TRUE,,,- x\n": "B4: a mark on a description, on a row that starts no level: put it on the level's row",
		"Team\nLevel,Description,Hard requirements\n1,,Code:\n,A description,- x\n":            "B4: a description on a row that starts no level: a level's goes on its row, a sub-skill's on its heading's",
		"Team\nLevel,Hard requirements\n1,Код:\n,- x\n2,Дело:\n,- y\n":                         "",
	} {
		_, err := sheet.ImportCSV(strings.NewReader(rows), sheet.Options{})
		if want == "" && err != nil || want != "" && (err == nil || err.Error() != want) {
			t.Errorf("%q: got %v, want %s", rows, err, want)
		}
	}
}
