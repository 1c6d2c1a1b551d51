package ladder_test

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/rules"
)

// TestRulesGuide runs every rule of docs/rules.md on the example
// assessments and checks the ranks the page states. Each ```json block
// holding "rules" must be followed by lines such as
//
//	<!-- test: rules=ladder assessment=chloe-gap rank=4 -->
//
// where rules=ladder puts the rules on the ladder and rules=level:ID on that
// level.
func TestRulesGuide(t *testing.T) {
	f, err := os.Open("docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	base, err := os.ReadFile("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		t.Fatal(err)
	}
	directive := regexp.MustCompile(`^<!-- test: rules=(ladder|level:\S+) assessment=(\S+) rank=(\d+) -->$`)

	var (
		block   []string // lines of the ```json block being read
		inBlock bool
		last    *rules.Rules // the last rules block
		blockAt int
		tested  = map[int]int{} // tests run by line of rules block
		n       = 0
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case line == "```json":
			inBlock, block = true, nil
		case inBlock && line == "```":
			inBlock = false
			text := strings.Join(block, "\n")
			if !strings.HasPrefix(strings.TrimSpace(text), `"rules"`) {
				continue
			}
			var doc struct{ Rules rules.Rules }
			if err := json.Unmarshal([]byte("{"+text+"}"), &doc); err != nil {
				t.Fatalf("docs/rules.md:%d: rules block: %v", n, err)
			}
			last, blockAt = &doc.Rules, n
			tested[blockAt] = 0
		case inBlock:
			block = append(block, line)
		case strings.HasPrefix(line, "<!-- test:"):
			m := directive.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("docs/rules.md:%d: bad test line %q", n, line)
			}
			if last == nil {
				t.Fatalf("docs/rules.md:%d: test before any rules block", n)
			}
			tested[blockAt]++
			var l ladder.Ladder
			if err := json.Unmarshal(base, &l); err != nil {
				t.Fatal(err)
			}
			if m[1] == "ladder" {
				l.Rules = last
			} else {
				id := strings.TrimPrefix(m[1], "level:")
				found := false
				for i := range l.Levels {
					if l.Levels[i].ID == id {
						l.Levels[i].Rules, found = last, true
					}
				}
				if !found {
					t.Fatalf("docs/rules.md:%d: no level %q", n, id)
				}
			}
			data, err := json.Marshal(&l)
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := ladder.Parse(data)
			if err != nil {
				t.Fatalf("docs/rules.md:%d: the rules do not parse: %v", n, err)
			}
			a, err := ladder.LoadAssessment("examples/devops-technical-mastery/" + m[2] + ".json")
			if err != nil {
				t.Fatalf("docs/rules.md:%d: %v", n, err)
			}
			res, err := parsed.Evaluate(a)
			if err != nil {
				t.Fatalf("docs/rules.md:%d: %v", n, err)
			}
			if want, _ := strconv.Atoi(m[3]); res.Rank != want {
				t.Errorf("docs/rules.md:%d: %s with %+v: got rank %d, want %d", n, m[2], *last, res.Rank, want)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for at, count := range tested {
		if count == 0 {
			t.Errorf("docs/rules.md:%d: a rules block without a test line", at)
		}
	}
	if len(tested) < 6 {
		t.Errorf("found %d rules blocks in docs/rules.md, want the guide's examples", len(tested))
	}
}

// TestModellingGuide parses every ladder of docs/modelling.md, and
// evaluates every assessment against the ladder before it. Each assessment
// block must be followed by a line such as
//
//	<!-- test: rank=2 track=ic skills=delivery:2,people:2 points=6 value:to-next=3 -->
//
// where all but rank are optional.
func TestModellingGuide(t *testing.T) {
	data, err := os.ReadFile("docs/modelling.md")
	if err != nil {
		t.Fatal(err)
	}
	directive := regexp.MustCompile(`^<!-- test: (.*) -->$`)
	var (
		block    []string
		inBlock  bool
		current  *ladder.Ladder
		pending  *ladder.Assessment // an assessment waiting for its test line
		ladders  int
		tests    int
		pendingN int
	)
	for n, line := range strings.Split(string(data), "\n") {
		n++
		switch {
		case line == "```json":
			inBlock, block = true, nil
		case inBlock && line == "```":
			inBlock = false
			text := []byte(strings.Join(block, "\n"))
			if pending != nil {
				t.Fatalf("docs/modelling.md:%d: the assessment of line %d has no test line", n, pendingN)
			}
			var probe map[string]json.RawMessage
			if err := json.Unmarshal(text, &probe); err != nil {
				t.Fatalf("docs/modelling.md:%d: %v", n, err)
			}
			switch {
			case probe["levels"] != nil:
				if current, err = ladder.Parse(text); err != nil {
					t.Fatalf("docs/modelling.md:%d: the ladder does not parse:\n%v", n, err)
				}
				ladders++
			case probe["marks"] != nil:
				if pending, err = ladder.ParseAssessment(text); err != nil {
					t.Fatalf("docs/modelling.md:%d: the assessment does not parse:\n%v", n, err)
				}
				pendingN = n
			default:
				t.Fatalf("docs/modelling.md:%d: a JSON block that is neither a ladder nor an assessment", n)
			}
		case inBlock:
			block = append(block, line)
		case strings.HasPrefix(line, "<!-- test:"):
			m := directive.FindStringSubmatch(line)
			if m == nil || pending == nil || current == nil {
				t.Fatalf("docs/modelling.md:%d: a test line %q not after a ladder and an assessment", n, line)
			}
			res, err := current.Evaluate(pending)
			if err != nil {
				t.Fatalf("docs/modelling.md:%d: %v", n, err)
			}
			pending = nil
			tests++
			for _, field := range strings.Fields(m[1]) {
				key, want, _ := strings.Cut(field, "=")
				var got string
				switch {
				case key == "rank":
					got = strconv.Itoa(res.Rank)
				case key == "track":
					got = res.Track
				case key == "points":
					got = strconv.Itoa(res.Points)
				case key == "skills":
					var parts []string
					for _, pair := range strings.Split(want, ",") {
						id, _, _ := strings.Cut(pair, ":")
						level := -1
						if s := res.Skill(id); s != nil {
							level = s.Level
						}
						parts = append(parts, id+":"+strconv.Itoa(level))
					}
					got = strings.Join(parts, ",")
				case strings.HasPrefix(key, "value:"):
					for _, v := range res.Values {
						if v.ID == strings.TrimPrefix(key, "value:") {
							got = strconv.FormatFloat(v.Value, 'g', -1, 64)
						}
					}
				default:
					t.Fatalf("docs/modelling.md:%d: unknown key %q", n, key)
				}
				if got != want {
					t.Errorf("docs/modelling.md:%d: %s = %s, want %s", n, key, got, want)
				}
			}
		}
	}
	if pending != nil {
		t.Errorf("docs/modelling.md:%d: an assessment without a test line", pendingN)
	}
	if ladders < 4 || tests < 5 {
		t.Errorf("found %d ladders and %d tests in docs/modelling.md, want the guide's four shapes", ladders, tests)
	}
}
