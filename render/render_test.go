package render_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/render"
)

var update = flag.Bool("update", false, "rewrite golden files")

// examples are the example ladders and their assessments.
var examples = map[string][]string{
	"devops-technical-mastery": {"alice-newcomer", "bruno-squad-expert", "chloe-gap"},
	"points-and-titles":        {"gus-engineer", "hana-no-track", "ivo-manager"},
	"shared-levels-two-tracks": {"dara-senior-1", "eli-manager", "fay-individual-gap"},
	"axes-and-roles":           {"ana-developer", "ben-no-track", "cleo-manager"},
}

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
		t.Errorf("%s differs from the output (run go test -update to rewrite it)", path)
	}
}

// wellFormed checks that HTML is well-formed XML, SVG included.
func wellFormed(t *testing.T, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s is not well-formed: %v", name, err)
			return
		}
	}
}

// Every example renders, as HTML and Markdown: the ladder, each report, the
// team; the HTML is well-formed and holds every requirement's text.
func TestExamples(t *testing.T) {
	for dir, people := range examples {
		l, err := ladder.Load(filepath.Join("../examples", dir, "ladder.json"))
		if err != nil {
			t.Fatal(err)
		}
		var results []*ladder.Result
		for _, p := range people {
			a, err := ladder.LoadAssessment(filepath.Join("../examples", dir, p+".json"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := l.Evaluate(a)
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, res)
		}
		for _, f := range []render.Format{render.HTML, render.Markdown} {
			var buf bytes.Buffer
			if err := render.Ladder(&buf, l, f); err != nil {
				t.Fatal(err)
			}
			name := dir + "." + f.String()
			golden(t, filepath.Join("testdata", name), buf.Bytes())
			if f == render.HTML {
				wellFormed(t, name, buf.Bytes())
				text := html(buf.String())
				for _, lv := range l.Levels {
					for _, r := range lv.Requirements {
						if !strings.Contains(text, strings.Join(strings.Fields(r.Text), " ")) {
							t.Errorf("%s: requirement %s is not shown", name, r.ID)
						}
					}
				}
			}
			for i, res := range results {
				buf.Reset()
				if err := render.Report(&buf, res, f); err != nil {
					t.Fatal(err)
				}
				name := dir + "-" + people[i] + "." + f.String()
				golden(t, filepath.Join("testdata", name), buf.Bytes())
				if f == render.HTML {
					wellFormed(t, name, buf.Bytes())
				}
			}
			buf.Reset()
			if err := render.Team(&buf, results, f); err != nil {
				t.Fatal(err)
			}
			name = dir + "-team." + f.String()
			golden(t, filepath.Join("testdata", name), buf.Bytes())
			if f == render.HTML {
				wellFormed(t, name, buf.Bytes())
			}
		}
	}
}

// html returns the text of an HTML document, with entities decoded and
// spaces collapsed, as a reader sees it.
func html(doc string) string {
	d := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if c, ok := tok.(xml.CharData); ok {
			b.Write(c)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Text from a ladder or an assessment cannot inject markup, break a
// Markdown table or make the HTML ill-formed: pipes, carriage returns,
// lines that would start a heading or a list, HTML, control characters.
func TestHostileText(t *testing.T) {
	l := &ladder.Ladder{
		ID: "h", Name: "<script>alert(1)</script> | x", Description: "Intro\n---\n- not a list\n1. nor this",
		Skills: []ladder.Skill{{ID: "s", Name: "S|kill"}},
		Levels: []ladder.Level{{ID: "1", Name: "One\r\nTwo", Description: "a\vb", Requirements: []ladder.Requirement{
			{ID: "r", Skill: "s", Kind: ladder.Hard, Text: "pipe | star * <!-- comment --> `tick`\rreturn"},
			{ID: "u", Skill: "unlisted", Kind: ladder.Hard, Text: "a skill the ladder does not list"},
		}}},
	}
	var h, m bytes.Buffer
	if err := render.Ladder(&h, l, render.HTML); err != nil {
		t.Fatal(err)
	}
	wellFormed(t, "hostile.html", h.Bytes())
	if strings.Contains(h.String(), "<script>") || strings.Contains(h.String(), "<!-- comment") {
		t.Error("the HTML carries markup from the ladder")
	}
	if !strings.Contains(html(h.String()), "a skill the ladder does not list") {
		t.Error("a requirement of an unlisted skill is not shown")
	}
	if err := render.Ladder(&m, l, render.Markdown); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(m.String(), "\n") {
		if strings.HasPrefix(line, "| **One") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 5 {
			t.Errorf("a row of the Markdown table has the wrong number of cells: %q", line)
		}
		if strings.Contains(line, "\r") || line == "---" || strings.HasPrefix(line, "- not") || strings.HasPrefix(line, "1. nor") {
			t.Errorf("the Markdown has a line that starts a block or cuts a row: %q", line)
		}
	}
}

// A report of an assessment made against another version of the ladder
// shows the marks that version lacks, with their reasons.
func TestReportOrphans(t *testing.T) {
	l, err := ladder.Load("../examples/devops-technical-mastery/ladder-v2.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ladder.LoadAssessment("../examples/devops-technical-mastery/alice-2026-05.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []render.Format{render.HTML, render.Markdown} {
		var buf bytes.Buffer
		if err := render.Report(&buf, res, f); err != nil {
			t.Fatal(err)
		}
		if f == render.HTML {
			wellFormed(t, "orphans.html", buf.Bytes())
		}
		for _, want := range []string{"Marks of what this version of the ladder does not have", "l1-devops-asks-for-help", "Asks as soon as she is blocked"} {
			if !strings.Contains(buf.String(), want) {
				t.Errorf("%s: no %q", f, want)
			}
		}
	}
}
