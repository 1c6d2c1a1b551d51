package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Paths are relative to the package directory, where tests run, so that the
// golden files read the same on any machine.
const (
	example       = "../../examples/devops-technical-mastery/"
	exampleLadder = example + "ladder.json"
	alice         = example + "alice-newcomer.json"
	bruno         = example + "bruno-squad-expert.json"
	chloe         = example + "chloe-gap.json"
	exampleCases  = example + "cases.json"
)

// goldenCase runs the command with args and compares its exit status, and
// its standard output and error with testdata/NAME.stdout and
// testdata/NAME.stderr.
type goldenCase struct {
	name string
	args []string
	want int
}

var goldenCases = []goldenCase{
	// Usage.
	{"no-args", nil, exitUsage},
	{"help", []string{"help"}, exitOK},
	{"help-flag", []string{"--help"}, exitOK},
	{"help-eval", []string{"help", "eval"}, exitOK},
	{"help-nope", []string{"help", "nope"}, exitUsage},
	{"eval-help", []string{"eval", "--help"}, exitOK},
	{"validate-h", []string{"validate", "-h"}, exitOK},
	{"unknown-command", []string{"evaluate", exampleLadder, bruno}, exitUsage},
	{"unknown-flag", []string{"validate", "--strict", exampleLadder}, exitUsage},
	{"flag-after-args", []string{"eval", exampleLadder, bruno, "--format", "json"}, exitUsage},
	{"eval-one-arg", []string{"eval", exampleLadder}, exitUsage},
	{"eval-three-args", []string{"eval", exampleLadder, bruno, alice}, exitUsage},
	{"eval-format-yaml", []string{"eval", "--format", "yaml", exampleLadder, bruno}, exitUsage},
	{"schema-no-arg", []string{"schema"}, exitUsage},
	{"schema-bad-arg", []string{"schema", "ladders"}, exitUsage},
	{"validate-no-args", []string{"validate"}, exitUsage},
	{"lint-no-args", []string{"lint"}, exitUsage},
	{"lint-tests-0", []string{"lint", "--tests", "0", exampleLadder}, exitUsage},

	// validate: the examples, alone and together.
	{"validate-example-ladder", []string{"validate", exampleLadder}, exitOK},
	{"validate-example-alice", []string{"validate", alice}, exitOK},
	{"validate-example-bruno", []string{"validate", bruno}, exitOK},
	{"validate-example-chloe", []string{"validate", chloe}, exitOK},
	{"validate-example-cases", []string{"validate", exampleCases}, exitOK},
	{"validate-examples", []string{"validate", exampleLadder, alice, bruno, chloe, exampleCases}, exitOK},
	{"validate-testdata-assessments", []string{"validate", exampleLadder, "testdata/reaches-nothing.json", "testdata/reaches-all.json"}, exitOK},
	{"validate-custom-rules", []string{"validate", "testdata/soft-half.json", "testdata/non-monotone.json", "testdata/non-monotone-level.json"}, exitOK},
	{"validate-index-rule", []string{"validate", "testdata/index-rule.json"}, exitInvalid},

	// validate: what is wrong.
	{"validate-missing-file", []string{"validate", "testdata/no-such-file.json"}, exitInvalid},
	{"validate-missing-and-valid", []string{"validate", "testdata/no-such-file.json", exampleLadder}, exitInvalid},
	{"validate-bad-ladder", []string{"validate", "testdata/bad-ladder.json"}, exitInvalid},
	{"validate-duplicate-key", []string{"validate", "testdata/duplicate-key.json"}, exitInvalid},
	{"validate-unknown-mark", []string{"validate", exampleLadder, "testdata/unknown-mark.json"}, exitInvalid},
	{"validate-unknown-mark-alone", []string{"validate", "testdata/unknown-mark.json"}, exitOK},
	{"validate-other-ladder", []string{"validate", exampleLadder, "testdata/other-ladder.json"}, exitInvalid},
	{"validate-not-json", []string{"validate", "testdata/not-json.json"}, exitInvalid},
	{"validate-empty", []string{"validate", "testdata/empty.json"}, exitInvalid},
	{"validate-wrong-rank", []string{"validate", "testdata/wrong-rank-cases.json"}, exitInvalid},
	{"validate-cases-testdata", []string{"validate", "testdata/cases-testdata.json"}, exitInvalid},
	{"validate-cases-no-cases", []string{"validate", "testdata/cases-no-cases.json"}, exitInvalid},
	{"validate-cases-missing-ladder", []string{"validate", "testdata/cases-missing-ladder.json"}, exitInvalid},
	{"validate-cases-unknown-field", []string{"validate", "testdata/cases-unknown-field.json"}, exitInvalid},
	// A name after "--" is refused as a flag; "-" is standard input (see
	// goldenStdin).
	{"validate-dashdash", []string{"validate", "--", "-x.json"}, exitInvalid},
	{"validate-dash", []string{"validate", "-"}, exitOK},
	{"validate-dash-assessment", []string{"validate", exampleLadder, "-"}, exitOK},
	{"validate-dash-invalid", []string{"validate", "-"}, exitInvalid},
	{"validate-dash-twice", []string{"validate", "-", "-"}, exitUsage},
	{"validate-misnamed-ladder", []string{"validate", exampleLadder, "testdata/misnamed-ladder.json"}, exitInvalid},
	{"validate-mixed", []string{"validate", "testdata/bad-ladder.json", exampleLadder, "testdata/empty.json", bruno}, exitInvalid},

	// eval.
	{"eval-alice", []string{"eval", exampleLadder, alice}, exitOK},
	{"eval-bruno", []string{"eval", exampleLadder, bruno}, exitOK},
	{"eval-chloe", []string{"eval", exampleLadder, chloe}, exitOK},
	{"eval-alice-json", []string{"eval", "--format", "json", exampleLadder, alice}, exitOK},
	{"eval-bruno-json", []string{"eval", "--format", "json", exampleLadder, bruno}, exitOK},
	{"eval-chloe-json", []string{"eval", "--format=json", exampleLadder, chloe}, exitOK},
	{"eval-bruno-text-explicit", []string{"eval", "-format", "text", exampleLadder, bruno}, exitOK},
	{"eval-nothing", []string{"eval", exampleLadder, "testdata/reaches-nothing.json"}, exitOK},
	{"eval-nothing-json", []string{"eval", "--format", "json", exampleLadder, "testdata/reaches-nothing.json"}, exitOK},
	{"eval-all", []string{"eval", exampleLadder, "testdata/reaches-all.json"}, exitOK},
	{"eval-all-json", []string{"eval", "--format", "json", exampleLadder, "testdata/reaches-all.json"}, exitOK},
	{"eval-soft-half-alice", []string{"eval", "testdata/soft-half.json", alice}, exitOK},
	{"eval-soft-half-bruno", []string{"eval", "testdata/soft-half.json", bruno}, exitOK},
	{"eval-soft-half-chloe", []string{"eval", "testdata/soft-half.json", chloe}, exitOK},
	{"eval-invalid-ladder", []string{"eval", "testdata/bad-ladder.json", bruno}, exitInvalid},
	{"eval-invalid-assessment", []string{"eval", exampleLadder, "testdata/empty.json"}, exitInvalid},
	{"eval-missing-assessment", []string{"eval", exampleLadder, "testdata/no-such-file.json"}, exitInvalid},
	{"eval-other-ladder", []string{"eval", exampleLadder, "testdata/other-ladder.json"}, exitInvalid},
	{"eval-unknown-mark", []string{"eval", exampleLadder, "testdata/unknown-mark.json"}, exitInvalid},
	{"eval-index-rule", []string{"eval", "testdata/index-rule.json", bruno}, exitInvalid},
	{"eval-swapped", []string{"eval", bruno, exampleLadder}, exitUsage},
	{"eval-escapes", []string{"eval", "testdata/escapes.json", "testdata/escapes-assessment.json"}, exitOK},
	{"eval-index-rule-json", []string{"eval", "--format", "json", "testdata/index-rule.json", bruno}, exitInvalid},

	// lint.
	{"lint-example", []string{"lint", exampleLadder}, exitOK},
	{"lint-soft-half", []string{"lint", "--seed", "1", "--tests", "100", "testdata/soft-half.json"}, exitOK},
	{"lint-non-monotone", []string{"lint", "--seed", "1", "testdata/non-monotone.json"}, exitInvalid},
	{"lint-non-monotone-level", []string{"lint", "--seed", "1", "testdata/non-monotone-level.json"}, exitInvalid},
	{"lint-several", []string{"lint", "--seed", "1", exampleLadder, "testdata/non-monotone.json", "testdata/bad-ladder.json"}, exitInvalid},
	{"lint-unreachable", []string{"lint", "--seed", "1", "testdata/unreachable.json"}, exitInvalid},
	{"lint-one-soft", []string{"lint", "--seed", "1", "testdata/one-soft.json"}, exitInvalid},
	{"lint-lenient", []string{"lint", "--seed", "1", "testdata/lenient.json"}, exitInvalid},
	{"lint-points", []string{"lint", "--seed", "1", "testdata/non-monotone-points.json"}, exitInvalid},
	{"lint-shapes", []string{"lint", "--seed", "1", "--tests", "100", "../../examples/points-and-titles/ladder.json", "../../examples/shared-levels-two-tracks/ladder.json", "../../examples/axes-and-roles/ladder.json"}, exitOK},
	{"diff", []string{"diff", example + "ladder.json", example + "ladder-v2.json"}, exitInvalid},
	{"diff-json", []string{"diff", "--format", "json", example + "ladder.json", example + "ladder-v2.json"}, exitInvalid},
	{"diff-same", []string{"diff", "--format", "json", example + "ladder.json", example + "ladder.json"}, exitOK},
	{"diff-invalid", []string{"diff", example + "ladder.json", example + "alice-newcomer.json"}, exitUsage},
	{"migrate", []string{"migrate", "--rename", "l2-devops-writes-good-code=l2-devops-writes-clear-tested-code", example + "ladder-v2.json", example + "alice-newcomer.json"}, exitOK},
	{"migrate-renames-file", []string{"migrate", "--renames", "testdata/renames.txt", example + "ladder-v2.json", example + "alice-newcomer.json"}, exitOK},
	{"migrate-unknown-rename", []string{"migrate", "--rename", "l2-devops-writes-good-code=l2-nope", example + "ladder-v2.json", example + "alice-newcomer.json"}, exitInvalid},
	{"migrate-bad-rename", []string{"migrate", "--rename", "l2-devops-writes-good-code", example + "ladder-v2.json", example + "alice-newcomer.json"}, exitUsage},
	{"eval-orphans", []string{"eval", example + "ladder-v2.json", example + "alice-2026-05.json"}, exitOK},
	{"progress", []string{"progress", example + "ladder.json", example + "alice-2026-05.json", example + "alice-newcomer.json"}, exitOK},
	{"progress-out-of-order", []string{"progress", example + "ladder.json", example + "alice-newcomer.json", example + "alice-2026-05.json"}, exitInvalid},
	{"progress-two-people", []string{"progress", example + "ladder.json", example + "alice-newcomer.json", example + "chloe-gap.json"}, exitInvalid},
	{"compare", []string{"compare", example + "ladder.json", example + "chloe-self.json", example + "chloe-gap.json"}, exitOK},
	{"compare-json", []string{"compare", "--format", "json", example + "ladder.json", example + "chloe-self.json", example + "chloe-gap.json"}, exitOK},
	{"compare-steps", []string{"compare", "../../examples/points-and-titles/ladder.json", "testdata/ivo-self.json", "../../examples/points-and-titles/ivo-manager.json"}, exitOK},
	{"compare-alike", []string{"compare", example + "ladder.json", example + "chloe-gap.json", example + "chloe-gap.json"}, exitOK},
	{"compare-versions", []string{"compare", example + "ladder-v2.json", example + "alice-2026-05.json", example + "alice-2026-05.json"}, exitOK},
	{"batch", []string{"batch", "--workers", "2", exampleLadder, example + "team.ndjson"}, exitOK},
	{"batch-bad-lines", []string{"batch", exampleLadder, "testdata/team-bad.ndjson"}, exitInvalid},
	{"batch-bad-workers", []string{"batch", "--workers", "-1", exampleLadder}, exitUsage},
	{"eval-points", []string{"eval", "../../examples/points-and-titles/ladder.json", "../../examples/points-and-titles/ivo-manager.json"}, exitOK},
	{"eval-tracks", []string{"eval", "../../examples/shared-levels-two-tracks/ladder.json", "../../examples/shared-levels-two-tracks/dara-senior-1.json"}, exitOK},
	{"eval-profiles", []string{"eval", "../../examples/axes-and-roles/ladder.json", "../../examples/axes-and-roles/ben-no-track.json"}, exitOK},
	{"eval-details", []string{"eval", "../../examples/shared-levels-two-tracks/ladder.json", "../../examples/shared-levels-two-tracks/fay-individual-gap.json"}, exitOK},
	{"render-md", []string{"render", "--format", "md", example + "ladder.json"}, exitOK},
	{"report-md", []string{"report", "--format", "md", example + "ladder.json", example + "chloe-gap.json"}, exitOK},
	{"report-team-md", []string{"report", "--format", "md", example + "ladder.json", example + "alice-newcomer.json", example + "bruno-squad-expert.json", example + "chloe-gap.json"}, exitOK},
	{"report-format", []string{"report", "--format", "pdf", example + "ladder.json", example + "chloe-gap.json"}, exitUsage},
	{"report-one-arg", []string{"report", example + "ladder.json"}, exitUsage},
	{"import-seed", []string{"import", "../../sheet/testdata/seed-layout.csv"}, exitOK},
	{"import-seed-assessment", []string{"import", "--subject", "alice", "--assessment", "/dev/null", "../../sheet/testdata/seed-layout.csv"}, exitOK},
	{"import-xlsx", []string{"import", "--subject", "bruno", "../../sheet/xlsx/testdata/devops-bruno.xlsx"}, exitOK},
	{"import-broken", []string{"import", "testdata/broken-sheet.csv"}, exitInvalid},
	{"import-not-csv", []string{"import", "testdata/broken-sheet.xls"}, exitUsage},
	{"export-bruno", []string{"export", example + "ladder.json", example + "bruno-squad-expert.json"}, exitOK},
	{"export-points", []string{"export", "../../examples/points-and-titles/ladder.json"}, exitOK},
	{"export-format", []string{"export", "--format", "ods", example + "ladder.json"}, exitUsage},
	{"validate-shapes", []string{"validate", "../../examples/points-and-titles/cases.json", "../../examples/shared-levels-two-tracks/cases.json", "../../examples/axes-and-roles/cases.json"}, exitOK},
	{"lint-index-rule", []string{"lint", "--seed", "1", "testdata/index-rule.json"}, exitInvalid},
	{"lint-invalid-ladder", []string{"lint", "testdata/bad-ladder.json"}, exitInvalid},
}

// goldenStdin holds what a golden case reads on standard input, by name.
var goldenStdin = map[string]string{
	"validate-dash":            readString(exampleLadder),
	"validate-dash-assessment": readString(bruno),
	"validate-dash-invalid":    `{"ladder": "devops-technical-mastery", "subject": ""`,
}

func readString(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	return string(data)
}

func TestGolden(t *testing.T) {
	seen := make(map[string]bool)
	for _, tc := range goldenCases {
		if seen[tc.name] {
			t.Fatalf("two cases named %q", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(tc.args, strings.NewReader(goldenStdin[tc.name]), &stdout, &stderr)
			if got != tc.want {
				t.Errorf("ladder %s: exit status %d, want %d\nstderr:\n%s", strings.Join(tc.args, " "), got, tc.want, stderr.String())
			}
			checkGolden(t, tc.name+".stdout", stdout.Bytes())
			checkGolden(t, tc.name+".stderr", stderr.Bytes())
		})
	}
}

// checkGolden compares got with the golden file testdata/name, or rewrites
// the file with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write the golden files)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test -update to rewrite it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestGoldenNoAbsolutePaths checks that no golden file holds a path of the
// machine that wrote it.
func TestGoldenNoAbsolutePaths(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(filepath.Dir(wd)) // the module's directory
	for _, tc := range goldenCases {
		for _, ext := range []string{".stdout", ".stderr"} {
			data, err := os.ReadFile(filepath.Join("testdata", tc.name+ext))
			if err != nil {
				if *update {
					continue
				}
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte(root)) {
				t.Errorf("testdata/%s%s holds the absolute path %s", tc.name, ext, root)
			}
		}
	}
}

// evalJSON runs eval --format json, checks its output against
// result.schema.json, and decodes it.
func evalJSON(t *testing.T, ladderPath, assessmentPath string) *ladder.Result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if s := run([]string{"eval", "--format", "json", ladderPath, assessmentPath}, nil, &stdout, &stderr); s != exitOK {
		t.Fatalf("exit status %d\n%s", s, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	// Every member present, no other, no null for a list.
	if err := schema.Result().Validate(stdout.Bytes()); err != nil {
		t.Fatalf("the output does not fit result.schema.json:\n%v\n%s", err, stdout.String())
	}
	var res ladder.Result
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	for i, lv := range res.Levels {
		if lv.Rank != i+1 {
			t.Errorf("levels[%d].rank = %d, want %d", i, lv.Rank, i+1)
		}
		if len(lv.Groups) == 0 {
			t.Errorf("levels[%d] has no groups", i)
		}
	}
	return &res
}

func TestEvalJSONShape(t *testing.T) {
	t.Run("bruno", func(t *testing.T) {
		res := evalJSON(t, exampleLadder, bruno)
		if res.Ladder != "devops-technical-mastery" || res.LadderName != "DevOps Technical Mastery" || res.Version != "1.0.0" {
			t.Errorf("ladder = %q %q %q", res.Ladder, res.LadderName, res.Version)
		}
		if res.Subject != "bruno" {
			t.Errorf("subject = %q, want bruno", res.Subject)
		}
		if lv := res.Reached(); res.Rank != 3 || lv == nil || lv.ID != "3" || lv.Name != "Level 3" {
			t.Errorf("rank = %d, level reached %+v, want 3 \"3\" \"Level 3\"", res.Rank, lv)
		}
		if n := len(res.Levels); n != 6 {
			t.Fatalf("%d levels, want 6", n)
		}
		for i, lv := range res.Levels {
			if want := i < 3; lv.Reached != want {
				t.Errorf("levels[%d].reached = %v, want %v", i, lv.Reached, want)
			}
		}
		next := res.Next()
		if next == nil || next.Rank != 4 || next.ID != "4" {
			t.Fatalf("next = %+v, want the level of rank 4", next)
		}
		// At level 4, Monitoring misses four hard requirements and Quality
		// two; DevOps has them all.
		missing := map[string]int{}
		for _, g := range next.Groups {
			missing[g.Skill] = len(g.Missing)
		}
		if want := map[string]int{"devops": 0, "monitoring": 4, "quality": 2}; !equalMaps(missing, want) {
			t.Errorf("missing at level 4 = %v, want %v", missing, want)
		}
	})
	t.Run("nothing", func(t *testing.T) {
		res := evalJSON(t, exampleLadder, "testdata/reaches-nothing.json")
		if res.Rank != 0 || res.Reached() != nil {
			t.Errorf("rank = %d, want 0", res.Rank)
		}
		if next := res.Next(); next == nil || next.Rank != 1 {
			t.Errorf("next = %+v, want the level of rank 1", next)
		}
	})
	t.Run("all", func(t *testing.T) {
		res := evalJSON(t, exampleLadder, "testdata/reaches-all.json")
		if lv := res.Reached(); res.Rank != 6 || lv == nil || lv.ID != "6" {
			t.Errorf("rank = %d, level reached %+v, want 6 \"6\"", res.Rank, lv)
		}
		if next := res.Next(); next != nil {
			t.Errorf("next = %+v, want none", next)
		}
		for i, lv := range res.Levels {
			for _, g := range lv.Groups {
				if len(g.Missing) != 0 || len(g.SoftMissing) != 0 || len(g.Unassessed) != 0 || !g.Reached {
					t.Errorf("levels[%d] group %q: reached %v, missing %v, soft missing %v, unassessed %v", i, g.Name, g.Reached, g.Missing, g.SoftMissing, g.Unassessed)
				}
			}
		}
	})
	t.Run("custom rules", func(t *testing.T) {
		// Half the soft requirements: Bruno drops to level 1 (docs/rules.md).
		if res := evalJSON(t, "testdata/soft-half.json", bruno); res.Rank != 1 {
			t.Errorf("rank with soft-half.json = %d, want 1", res.Rank)
		}
	})
}

// TestReachesAllMarksEveryRequirement keeps reaches-all.json in step with
// the example ladder: it must mark every requirement reached.
func TestReachesAllMarksEveryRequirement(t *testing.T) {
	var l struct {
		Levels []struct {
			Requirements []struct {
				ID string `json:"id"`
			} `json:"requirements"`
		} `json:"levels"`
	}
	var a struct {
		Marks map[string]struct {
			Status string `json:"status"`
		} `json:"marks"`
	}
	readJSON(t, exampleLadder, &l)
	readJSON(t, "testdata/reaches-all.json", &a)
	n := 0
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			n++
			if a.Marks[r.ID].Status != "reached" {
				t.Errorf("reaches-all.json: %s is not marked reached", r.ID)
			}
		}
	}
	if len(a.Marks) != n {
		t.Errorf("reaches-all.json has %d marks, the ladder %d requirements", len(a.Marks), n)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func equalMaps(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestSchema(t *testing.T) {
	for _, name := range []string{"ladder", "assessment", "result"} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile("../../schema/" + name + ".schema.json")
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if s := run([]string{"schema", name}, nil, &stdout, &stderr); s != exitOK {
				t.Fatalf("exit status %d\n%s", s, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			if !bytes.Equal(stdout.Bytes(), want) {
				t.Errorf("ladder schema %s differs from schema/%s.schema.json", name, name)
			}
		})
	}
}

func TestLintNonMonotone(t *testing.T) {
	const path = "testdata/non-monotone.json"
	args := []string{"lint", "--seed", "1", path}
	var outs [2]string
	for i := range outs {
		var stdout, stderr bytes.Buffer
		if s := run(args, nil, &stdout, &stderr); s != exitInvalid {
			t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", s, exitInvalid, stdout.String(), stderr.String())
		}
		if stdout.Len() > 0 {
			t.Errorf("stdout: %s", stdout.String())
		}
		outs[i] = stderr.String()
	}
	got := outs[0]
	// The rule is on line 6 of the ladder, its value at column 14.
	if prefix := path + ":6:14: /rules/skill: "; !strings.HasPrefix(got, prefix) {
		t.Errorf("stderr does not start with %q:\n%s", prefix, got)
	}
	if !strings.Contains(got, "not monotone") {
		t.Errorf("stderr does not say \"not monotone\":\n%s", got)
	}
	if !strings.Contains(got, "--seed 1") {
		t.Errorf("stderr does not say how to replay the search:\n%s", got)
	}
	if outs[0] != outs[1] {
		t.Errorf("two runs with --seed 1 differ:\n%s\n---\n%s", outs[0], outs[1])
	}
}

// TestEvalCustomRulesDiffer checks that the custom rules change the report.
func TestEvalCustomRulesDiffer(t *testing.T) {
	for _, a := range []string{alice, bruno} {
		var def, custom, stderr bytes.Buffer
		if s := run([]string{"eval", exampleLadder, a}, nil, &def, &stderr); s != exitOK {
			t.Fatalf("exit status %d\n%s", s, stderr.String())
		}
		if s := run([]string{"eval", "testdata/soft-half.json", a}, nil, &custom, &stderr); s != exitOK {
			t.Fatalf("exit status %d\n%s", s, stderr.String())
		}
		if bytes.Equal(def.Bytes(), custom.Bytes()) {
			t.Errorf("eval of %s: the same report with and without the custom rules", a)
		}
	}
}

// ladder batch reads standard input, and its output lines are the
// input's, in order.
func TestBatchStdin(t *testing.T) {
	data, err := os.ReadFile("testdata/team-bad.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	if code := run([]string{"batch", "--workers", "3", exampleLadder}, strings.NewReader(string(data)), &stdout, &stderr); code != exitInvalid {
		t.Errorf("exit %d, want %d", code, exitInvalid)
	}
	want, err := os.ReadFile("testdata/batch-bad-lines.stdout")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(stdout.String(), `"file":"stdin"`, `"file":"testdata/team-bad.ndjson"`); got != string(want) {
		t.Errorf("stdin gives another output:\n%s", got)
	}
	if !strings.HasPrefix(stderr.String(), "ladder batch: 8 lines, 5 results, 3 errors\n") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// Results named by number in a message become the paths of their
// assessments, in one pass, and quoted text stays as it is.
func TestNamePaths(t *testing.T) {
	for msg, want := range map[string]string{
		`ladder: result 2 is of "Sam (result 1)", result 1 of "Sam"`:                  `ladder: b.json is of "Sam (result 1)", reviews/result 1 final.json of "Sam"`,
		`ladder: result 2 is of 2026-05-20, before the result before it (2026-11-20)`: `ladder: b.json is of 2026-05-20, before the result before it (2026-11-20)`,
	} {
		if got := namePaths(msg, []string{"reviews/result 1 final.json", "b.json"}); got != want {
			t.Errorf("got %s\nwant %s", got, want)
		}
	}
}
