package laddertest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// LoadCases keeps where each case is written, for RunCases to say.
func TestLoadCasesKeepsPositions(t *testing.T) {
	c, err := LoadCases("../examples/devops-technical-mastery/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range c.Cases {
		if !regexp.MustCompile(`^\.\./examples/devops-technical-mastery/cases\.json:\d+:\d+$`).MatchString(p.at) {
			t.Errorf("case %d is at %q, want FILE:LINE:COLUMN", i, p.at)
		}
	}
}

// A failing case is reported at the line of the test that calls RunCases,
// not inside laddertest, and says where the case is written. The test runs
// itself in a process of its own to see what go test prints.
func TestRunCasesReportsTheCasesFile(t *testing.T) {
	if os.Getenv("LADDERTEST_FAILING_CASES") != "" {
		RunCases(t, os.Getenv("LADDERTEST_FAILING_CASES")) // the line go test reports
		return
	}
	dir := t.TempDir()
	example, err := filepath.Abs("../examples/devops-technical-mastery")
	if err != nil {
		t.Fatal(err)
	}
	cases := filepath.Join(dir, "cases.json")
	doc := `{
  "ladder": "` + filepath.Join(example, "ladder.json") + `",
  "cases": [
    {"assessment": "` + filepath.Join(example, "chloe-gap.json") + `", "rank": 4}
  ]
}`
	if err := os.WriteFile(cases, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRunCasesReportsTheCasesFile$")
	cmd.Env = append(os.Environ(), "LADDERTEST_FAILING_CASES="+cases)
	out, _ := cmd.CombinedOutput()
	want := regexp.QuoteMeta("cases_internal_test.go:30: "+cases+":4:5: ") + `.*chloe-gap.json gives rank 2, not 4`
	if !regexp.MustCompile(want).Match(out) {
		t.Errorf("go test printed\n%s\nwant a line matching %s", bytes.TrimSpace(out), want)
	}
}
