package laddertest

import (
	"cmp"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/hook"
	"github.com/ladderkit/ladder/internal/source"
)

// MustLoad loads the ladder at path, or fails the test with every problem
// found in it.
func MustLoad(t testing.TB, path string) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Load(path)
	if err != nil {
		t.Fatalf("MustLoad(%q):\n%v", path, err)
	}
	return l
}

// MustLoadAssessment loads the assessment at path, or fails the test with
// every problem found in it.
func MustLoadAssessment(t testing.TB, path string) *ladder.Assessment {
	t.Helper()
	a, err := ladder.LoadAssessment(path)
	if err != nil {
		t.Fatalf("MustLoadAssessment(%q):\n%v", path, err)
	}
	return a
}

// Cases is the file RunCases reads: a ladder, and assessments of it with the
// rank each must give. Paths are relative to the file's directory, or
// absolute.
//
//	{
//	  "ladder": "ladder.json",
//	  "cases": [
//	    {"assessment": "alice-newcomer.json", "rank": 1},
//	    {"assessment": "chloe-gap.json", "rank": 2, "note": "level 4 does not count over the gap at 3"}
//	  ]
//	}
//
// A case may also pin the track of its rank, the level of some skills, the
// points and named values:
//
//	{"assessment": "ivo.json", "track": "manager", "rank": 2, "skills": {"planning": 3},
//	 "points": 18, "values": {"points-to-next-title": 2}}
type Cases struct {
	Ladder string   `json:"ladder"` // the ladder's path
	Cases  []Pinned `json:"cases"`  // at least one
}

// Pinned is one case of a Cases file: an assessment and its rank, and
// optionally its track, skill levels and points.
type Pinned struct {
	// Assessment is the path of the assessment.
	Assessment string `json:"assessment"`
	// Rank is the rank the assessment must give (on Track, for a ladder
	// with tracks).
	Rank int `json:"rank"`
	// Track is the track the rank must be on, "" when it is not pinned.
	Track string `json:"track,omitempty"`
	// Skills holds the level each skill named must have, by skill ID.
	Skills map[string]int `json:"skills,omitempty"`
	// Points are the points the assessment must give, when not nil.
	Points *int `json:"points,omitempty"`
	// Values holds the number each named value must have, by value ID.
	Values map[string]float64 `json:"values,omitempty"`
	// Note says why, for the reader of the file and of a failure.
	Note string `json:"note,omitempty"`

	// where the case is written, when LoadCases read it: FILE:LINE:COLUMN.
	at string
}

func init() {
	hook.ParseCases = func(path string, data []byte) (any, error) { return parseCases(path, data) }
}

// LoadCases reads a cases file, strictly, as ladders are read: an unknown
// or duplicate field, a wrong type, a missing ladder, assessment or rank is
// an error. Its problems come as a *ladder.Error, each located.
func LoadCases(path string) (*Cases, error) {
	data, tooLarge, err := source.ReadFile(path, source.DefaultLimits.MaxBytes)
	if tooLarge != "" {
		return nil, &ladder.Error{Problems: []ladder.Problem{{File: path, Line: 1, Column: 1, Message: tooLarge}}}
	}
	if err != nil {
		return nil, err
	}
	return parseCases(path, data)
}

// parseCases reads the cases file at path from its bytes.
func parseCases(path string, data []byte) (*Cases, error) {
	doc, syntax := source.Parse(data, source.DefaultLimits)
	var problems []ladder.Problem
	add := func(off int, ptr, msg string) {
		line, col := doc.Position(off)
		problems = append(problems, ladder.Problem{File: path, Line: line, Column: col, Pointer: ptr, Message: msg})
	}
	for _, p := range syntax {
		add(p.Offset, p.Pointer, p.Message)
	}
	if len(syntax) > 0 {
		return nil, &ladder.Error{Problems: problems}
	}
	var c Cases
	// fields reads an object's members into the named fields, and reports
	// unknown and missing ones.
	fields := func(n *source.Node, ptr string, required []string, set map[string]func(*source.Node, string)) {
		if n.Kind != source.Object {
			add(n.Start, ptr, "must be an object, not "+article(n.Kind))
			return
		}
		for _, m := range n.Members {
			f, ok := set[m.Key]
			if !ok {
				add(m.KeyStart, ptr+source.Pointer(m.Key), fmt.Sprintf("unknown field %q", m.Key))
				continue
			}
			f(m.Value, ptr+source.Pointer(m.Key))
		}
		for _, name := range required {
			if n.Member(name) == nil {
				add(n.Start, ptr, fmt.Sprintf("missing required field %q", name))
			}
		}
	}
	// count reads 0 or a positive integer.
	count := func(n *source.Node, ptr, what string) (int, bool) {
		v, err := strconv.Atoi(n.Text)
		if n.Kind != source.Number || err != nil || v < 0 {
			add(n.Start, ptr, "must be "+what+": 0 or a positive integer")
			return 0, false
		}
		return v, true
	}
	// members reads the members of an object, each at its pointer.
	members := func(n *source.Node, ptr, what string, each func(m *source.Node, ptr, key string)) {
		if n.Kind != source.Object {
			add(n.Start, ptr, "must be an object of "+what)
			return
		}
		for _, m := range n.Members {
			each(m.Value, ptr+source.Pointer(m.Key), m.Key)
		}
	}
	str := func(dst *string) func(*source.Node, string) {
		return func(n *source.Node, ptr string) {
			if n.Kind != source.String || n.Text == "" {
				add(n.Start, ptr, "must be a string that is not empty")
				return
			}
			*dst = n.Text
		}
	}
	fields(doc.Root, "", []string{"ladder", "cases"}, map[string]func(*source.Node, string){
		"ladder": str(&c.Ladder),
		"cases": func(n *source.Node, ptr string) {
			if n.Kind != source.Array || len(n.Elems) == 0 {
				add(n.Start, ptr, "must be an array of at least one case")
				return
			}
			c.Cases = make([]Pinned, len(n.Elems))
			for i, e := range n.Elems {
				p := &c.Cases[i]
				line, col := doc.Position(e.Start)
				p.at = fmt.Sprintf("%s:%d:%d", path, line, col)
				fields(e, source.Pointer("cases", strconv.Itoa(i)), []string{"assessment", "rank"}, map[string]func(*source.Node, string){
					"assessment": str(&p.Assessment),
					"note":       str(&p.Note),
					"track":      str(&p.Track),
					"rank": func(n *source.Node, ptr string) {
						if rank, ok := count(n, ptr, "a rank"); ok {
							p.Rank = rank
						}
					},
					"points": func(n *source.Node, ptr string) {
						if points, ok := count(n, ptr, "a number of points"); ok {
							p.Points = &points
						}
					},
					"values": func(n *source.Node, ptr string) {
						p.Values = map[string]float64{}
						members(n, ptr, "numbers by value ID", func(m *source.Node, ptr, key string) {
							v, err := strconv.ParseFloat(m.Text, 64)
							if m.Kind != source.Number || err != nil {
								add(m.Start, ptr, "must be a number")
								return
							}
							p.Values[key] = v
						})
					},
					"skills": func(n *source.Node, ptr string) {
						p.Skills = map[string]int{}
						members(n, ptr, "skill levels by skill ID", func(m *source.Node, ptr, key string) {
							if level, ok := count(m, ptr, "a skill level"); ok {
								p.Skills[key] = level
							}
						})
					},
				})
			}
		},
	})
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b ladder.Problem) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
		})
		return nil, &ladder.Error{Problems: problems}
	}
	return &c, nil
}

func article(k source.Kind) string {
	switch k {
	case source.Object, source.Array:
		return "an " + k.String()
	case source.Null:
		return "null"
	}
	return "a " + k.String()
}

// relative returns a path of a cases file: relative to the file's
// directory, unless it is absolute.
func relative(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// Check evaluates the case's assessment, read relative to dir, against l.
// It returns an error that says what is wrong when the rank, track, skill
// levels or points are not those pinned.
func (p Pinned) Check(l *ladder.Ladder, dir string) error {
	path := relative(dir, p.Assessment)
	a, err := ladder.LoadAssessment(path)
	if err != nil {
		return err
	}
	res, err := l.Evaluate(a)
	if err != nil {
		return err
	}
	why := ""
	if p.Note != "" {
		why = " (" + p.Note + ")"
	}
	if p.Track != "" && res.Track != p.Track {
		return fmt.Errorf("%s gives track %q, not %q%s", path, res.Track, p.Track, why)
	}
	if res.Rank != p.Rank {
		return fmt.Errorf("%s gives rank %d, not %d%s%s", path, res.Rank, p.Rank, why, explain(res, p.Rank))
	}
	var wrong []string
	for _, id := range slices.Sorted(maps.Keys(p.Skills)) {
		sk := res.Skill(id)
		switch {
		case sk == nil:
			wrong = append(wrong, fmt.Sprintf("the ladder has no skill %q", id))
		case sk.Level != p.Skills[id]:
			wrong = append(wrong, fmt.Sprintf("skill %q is at level %d, not %d", id, sk.Level, p.Skills[id]))
		}
	}
	if p.Points != nil && res.Points != *p.Points {
		wrong = append(wrong, fmt.Sprintf("it gives %d points, not %d", res.Points, *p.Points))
	}
	for _, id := range slices.Sorted(maps.Keys(p.Values)) {
		i := slices.IndexFunc(res.Values, func(v ladder.ValueResult) bool { return v.ID == id })
		switch {
		case i < 0:
			wrong = append(wrong, fmt.Sprintf("the ladder has no value %q", id))
		case res.Values[i].Value != p.Values[id]:
			wrong = append(wrong, fmt.Sprintf("value %q is %g, not %g", id, res.Values[i].Value, p.Values[id]))
		}
	}
	if len(wrong) > 0 {
		return fmt.Errorf("%s: %s%s", path, strings.Join(wrong, "; "), why)
	}
	return nil
}

// RunCases reads a cases file (see Cases) and checks each assessment gives
// its rank, each in a subtest named after the assessment's file. A team
// keeps such a file next to its ladder to pin the ladder's behaviour in CI:
// a change to the ladder or its rules that moves someone fails the test,
// which says what the person now misses. The ladder command checks cases
// files too: ladder validate cases.json.
func RunCases(t *testing.T, path string) {
	t.Helper()
	c, err := LoadCases(path)
	if err != nil {
		t.Fatalf("RunCases: %v", err)
	}
	dir := filepath.Dir(path)
	l := MustLoad(t, relative(dir, c.Ladder))
	for _, p := range c.Cases {
		t.Run(strings.TrimSuffix(filepath.Base(p.Assessment), ".json"), func(t *testing.T) {
			// The failure is reported at the test's call of RunCases,
			// and says where the case is written.
			t.Helper()
			if err := p.Check(l, dir); err != nil {
				t.Errorf("%s: %v", p.at, err)
			}
		})
	}
}

// explain says what keeps the result from the rank wanted: the levels up to
// it that are not reached and what they miss, or the levels above it that
// are.
func explain(res *ladder.Result, want int) string {
	var b strings.Builder
	for _, lv := range res.Levels {
		if lv.Track != "" && lv.Track != res.Track {
			continue
		}
		switch {
		case lv.Rank <= want && !lv.Reached:
			var why []string
			for _, p := range lv.Profile {
				if !p.Met {
					why = append(why, fmt.Sprintf("the profile wants %s at level %d, not %d", p.Name, p.Want, p.Level))
				}
			}
			for _, g := range lv.Groups {
				switch {
				case g.Reached:
				case len(g.Missing) > 0:
					why = append(why, fmt.Sprintf("%s misses %s", g.Name, strings.Join(g.Missing, ", ")))
				default:
					// Every hard requirement is reached: the skill
					// rule wants more, from the soft ones.
					msg := fmt.Sprintf("%s has every hard requirement, but its rule is not met", g.Name)
					if len(g.SoftMissing) > 0 {
						msg += "; soft requirements not reached: " + strings.Join(g.SoftMissing, ", ")
					}
					why = append(why, msg)
				}
			}
			if len(why) == 0 && lv.Threshold != 0 {
				why = append(why, fmt.Sprintf("the level rule is not met (threshold %d, points %d)", lv.Threshold, res.Points))
			}
			if len(why) == 0 {
				why = append(why, "every skill is reached, but the level rule is not met")
			}
			fmt.Fprintf(&b, "\n\tlevel %s is not reached: %s", lv.ID, strings.Join(why, "; "))
		case lv.Rank == want+1 && lv.Reached:
			fmt.Fprintf(&b, "\n\tlevel %s is reached", lv.ID)
		}
	}
	return b.String()
}
