package ladder_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
)

// compact reads a JSON file onto one line.
func compact(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A batch with bad lines: each line gives a line, in order; the bad ones
// an error record naming the line, and the rest goes on.
func TestBatch(t *testing.T) {
	const dir = "examples/devops-technical-mastery/"
	l := mustLoad(t, dir+"ladder.json")
	alice, chloe := compact(t, dir+"alice-newcomer.json"), compact(t, dir+"chloe-gap.json")
	lines := []string{
		alice,
		`{"ladder": "devops-technical-mastery", "subject": "broken"`,
		"",
		strings.Replace(chloe, `"l3-quality-creates-few-bugs"`, `"l3-quality-creates-no-bugs"`, 1),
		strings.Replace(alice, `"ladder":"devops-technical-mastery"`, `"ladder":"backend"`, 1),
		chloe + "\r",
		`["not", "an", "assessment"]`,
		alice,
	}
	input := strings.Join(lines, "\n") // the last line has no end
	want := []string{
		"", // alice's result
		`{"line":2,"problems":[{"file":"in.ndjson","line":2,"column":59,"pointer":"","message":"unexpected end of input: want \",\" or \"}\""}]}`,
		`{"line":3,"problems":[{"file":"in.ndjson","line":3,"column":1,"pointer":"","message":"the line is empty: want one assessment a line"}]}`,
		`{"line":4,"problems":[{"file":"in.ndjson","line":4,"column":1,"pointer":"","message":"if the assessment was made against another version`,
		`{"line":5,"problems":[{"file":"in.ndjson","line":5,"column":`,
		"", // chloe's
		`{"line":7,"problems":[{"file":"in.ndjson","line":7,"column":1,"pointer":"","message":"must be an object, not an array"}]}`,
		"", // alice's again
	}
	var outputs []string
	for _, workers := range []int{1, 2, 5} {
		var out bytes.Buffer
		sum, err := l.Batch(strings.NewReader(input), &out, ladder.BatchOptions{Workers: workers, File: "in.ndjson"})
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(got) != len(want) {
			t.Fatalf("%d workers: %d lines out, want %d:\n%s", workers, len(got), len(want), out.String())
		}
		for i, w := range want {
			if w == "" {
				var res ladder.Result
				if err := json.Unmarshal([]byte(got[i]), &res); err != nil || res.Subject == "" {
					t.Errorf("line %d: not a result: %s", i+1, got[i])
				}
				continue
			}
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("line %d:\ngot  %s\nwant %s", i+1, got[i], w)
			}
		}
		if sum.Lines != 8 || sum.Failed != 5 || sum.Levels["1"] != 2 || sum.Levels["2"] != 1 || sum.Skills["devops"][4] != 1 {
			t.Errorf("summary %+v", sum)
		}
		outputs = append(outputs, out.String())
	}
	if outputs[0] != outputs[1] || outputs[0] != outputs[2] {
		t.Error("the output depends on the number of workers")
	}
	// A result line is the result Evaluate gives.
	a, err := ladder.ParseAssessment([]byte(chloe))
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	wantLine, _ := json.Marshal(res)
	if got := strings.Split(outputs[0], "\n")[5]; got != string(wantLine) {
		t.Errorf("line 6 is not chloe's result:\n%s", got)
	}
	for _, w := range []string{
		`"line":4,"column":2953,"pointer":"/marks/l3-quality-creates-no-bugs","message":"ladder \"devops-technical-mastery\" has no requirement`,
		`"pointer":"/ladder","message":"assessment is for ladder \"backend\"`,
	} {
		if !strings.Contains(outputs[0], w) {
			t.Errorf("no %s in the error records", w)
		}
	}
}

func TestEvaluateLines(t *testing.T) {
	const dir = "examples/devops-technical-mastery/"
	l := mustLoad(t, dir+"ladder.json")
	alice := compact(t, dir+"alice-newcomer.json")
	input := alice + "\n" + strings.Repeat("x", 200) + "\n" + alice + "\n"
	var got []string
	for res, err := range l.EvaluateLines(strings.NewReader(input), ladder.BatchOptions{Parser: &ladder.Parser{MaxBytes: 100_000}}) {
		var le *ladder.LineError
		switch {
		case errors.As(err, &le):
			got = append(got, fmt.Sprintf("line %d: %v", le.Line, le.Err))
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, fmt.Sprintf("%s rank %d", res.Subject, res.Rank))
		}
	}
	want := []string{"alice rank 1", `line 2: 2:1: unexpected "x": want a value`, "alice rank 1"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// A line over the parser's limit is an error of its own.
	long := alice[:len(alice)-1] + `,"assessor":"` + strings.Repeat("y", 2000) + `"}`
	for _, err := range l.EvaluateLines(strings.NewReader(long+"\n"), ladder.BatchOptions{Parser: &ladder.Parser{MaxBytes: 1000}}) {
		if err == nil || !strings.Contains(err.Error(), "line 1: 1:1: the line is longer than 1000 bytes") {
			t.Errorf("got %v", err)
		}
	}
	// Breaking out stops the batch.
	before := runtime.NumGoroutine()
	n := 0
	for range l.EvaluateLines(strings.NewReader(strings.Repeat(alice+"\n", 1000)), ladder.BatchOptions{Workers: 2}) {
		if n++; n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("yielded %d", n)
	}
	for range 100 {
		if runtime.NumGoroutine() <= before {
			break
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > before {
		t.Errorf("%d goroutines left, %d before", g, before)
	}
}

// failingReader fails after its data.
type failingReader struct{ data io.Reader }

func (r failingReader) Read(p []byte) (int, error) {
	n, err := r.data.Read(p)
	if err == io.EOF {
		return n, errors.New("disk on fire")
	}
	return n, err
}

func TestBatchReadError(t *testing.T) {
	l := mustLoad(t, "examples/devops-technical-mastery/ladder.json")
	alice := compact(t, "examples/devops-technical-mastery/alice-newcomer.json")
	var out bytes.Buffer
	sum, err := l.Batch(failingReader{strings.NewReader(alice + "\n" + alice + "\n")}, &out, ladder.BatchOptions{})
	if err == nil || err.Error() != "disk on fire" {
		t.Errorf("got %v", err)
	}
	if sum.Lines != 2 || strings.Count(out.String(), "\n") != 2 {
		t.Errorf("the lines before the error are written: %+v\n%s", sum, out.String())
	}
}

// lines generates n assessments, each padded with long reasons, without
// holding them.
type lines struct {
	line []byte
	n    int
	rest []byte
}

func (g *lines) Read(p []byte) (int, error) {
	if len(g.rest) == 0 {
		if g.n == 0 {
			return 0, io.EOF
		}
		g.n--
		g.rest = g.line
	}
	n := copy(p, g.rest)
	g.rest = g.rest[n:]
	return n, nil
}

// Memory stays bounded whatever the input's size: 1000 lines of 50 kB
// each (50 MB in all) run in a heap of a few megabytes.
func TestBatchBoundedMemory(t *testing.T) {
	l := mustLoad(t, "examples/devops-technical-mastery/ladder.json")
	a, err := ladder.LoadAssessment("examples/devops-technical-mastery/chloe-gap.json")
	if err != nil {
		t.Fatal(err)
	}
	for id, m := range a.Marks {
		m.Reason = strings.Repeat("r", 900)
		a.Marks[id] = m
	}
	line, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	const n = 1000
	input := &lines{line: append(line, '\n'), n: n}
	var peak uint64
	var ms runtime.MemStats
	sum, err := l.Batch(input, io.Discard, ladder.BatchOptions{Workers: 2, OnProgress: func(done int) {
		if done%50 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}})
	if err != nil || sum.Lines != n || sum.Failed != 0 {
		t.Fatalf("%+v, %v", sum, err)
	}
	total := uint64(len(line)) * n
	t.Logf("input %d MB, peak heap %d MB", total>>20, peak>>20)
	if peak > total/4 {
		t.Errorf("peak heap %d MB for an input of %d MB: memory grows with the input", peak>>20, total>>20)
	}
}

// A rule that fails in a batch is reported where it is, in the ladder's
// file: not moved to the line of the input.
func TestBatchRuleFailure(t *testing.T) {
	doc, err := os.ReadFile("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		t.Fatal(err)
	}
	doc = bytes.Replace(doc, []byte(`"version": "1.0.0",`), []byte(`"version": "1.0.0", "rules": {"skill": "len(map(1..10, map(1..10, #))) > 0"},`), 1)
	p := ladder.Parser{Rules: dsl.Limits{MemoryBudget: 20}}
	l, err := p.Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	alice := compact(t, "examples/devops-technical-mastery/alice-newcomer.json")
	var out bytes.Buffer
	if _, err := l.Batch(strings.NewReader(alice+"\n"+alice+"\n"+alice+"\n"), &out, ladder.BatchOptions{File: "in.ndjson"}); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		want := fmt.Sprintf(`{"line":%d,"problems":[{"line":7,"column":63,"pointer":"/rules/skill"`, i+1)
		if !strings.HasPrefix(line, want) || !strings.Contains(line, "memory budget exceeded") {
			t.Errorf("line %d: got %s, want it to start %s", i+1, line, want)
		}
	}
}

// blockingReader gives its data, then blocks until released.
type blockingReader struct {
	data    io.Reader
	release chan struct{}
}

func (r *blockingReader) Read(p []byte) (int, error) {
	n, err := r.data.Read(p)
	if err == io.EOF {
		<-r.release
	}
	return n, err
}

// Breaking out of EvaluateLines while the reader blocks leaves only the
// reading goroutine, until its read returns; huge numbers of workers are
// MaxWorkers.
func TestEvaluateLinesBreakWhileReading(t *testing.T) {
	l := mustLoad(t, "examples/devops-technical-mastery/ladder.json")
	alice := compact(t, "examples/devops-technical-mastery/alice-newcomer.json")
	settle := func(want int) int {
		for range 200 {
			if runtime.NumGoroutine() <= want {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		return runtime.NumGoroutine()
	}
	before := runtime.NumGoroutine()
	r := &blockingReader{data: strings.NewReader(alice + "\n" + alice + "\n"), release: make(chan struct{})}
	for res, err := range l.EvaluateLines(r, ladder.BatchOptions{Workers: 1 << 62}) {
		if err != nil || res.Subject != "alice" {
			t.Fatal(res, err)
		}
		break
	}
	if g := settle(before + 1); g > before+1 {
		t.Errorf("%d goroutines while the read blocks, want at most %d", g, before+1)
	}
	close(r.release)
	if g := settle(before); g > before {
		t.Errorf("%d goroutines after the read returned, want %d", g, before)
	}
}

// A line of MaxBytes is read, one byte more is not, whatever its end.
func TestBatchLineLimit(t *testing.T) {
	l := mustLoad(t, "examples/devops-technical-mastery/ladder.json")
	base := `{"ladder":"devops-technical-mastery","subject":"x","marks":{}}`
	const limit = 100
	pad := func(n int) string {
		return base[:len(base)-1] + `,"assessor":"` + strings.Repeat("a", n-len(base)-14) + `"}`
	}
	for _, end := range []string{"\n", "\r\n", ""} {
		for size, wantErr := range map[int]string{
			limit:     "",
			limit + 1: "the line is longer than 100 bytes",
			limit + 2: "the line is longer than 100 bytes",
		} {
			line := pad(size)
			if len(line) != size {
				t.Fatalf("padded to %d, not %d", len(line), size)
			}
			for res, err := range l.EvaluateLines(strings.NewReader(line+end), ladder.BatchOptions{Parser: &ladder.Parser{MaxBytes: limit}}) {
				switch {
				case wantErr == "" && err != nil:
					t.Errorf("%d bytes, end %q: %v", size, end, err)
				case wantErr != "" && (err == nil || !strings.Contains(err.Error(), wantErr)):
					t.Errorf("%d bytes, end %q: got %v, %v", size, end, res, err)
				}
			}
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestBatchWriteError(t *testing.T) {
	l := mustLoad(t, "examples/devops-technical-mastery/ladder.json")
	alice := compact(t, "examples/devops-technical-mastery/alice-newcomer.json")
	// More than the writer's buffer, so that a write happens before the end.
	input := strings.Repeat(alice+"\n", 100)
	if _, err := l.Batch(strings.NewReader(input), failingWriter{}, ladder.BatchOptions{}); err == nil || err.Error() != "disk full" {
		t.Errorf("got %v", err)
	}
	for _, err := range l.EvaluateLines(failingReader{strings.NewReader(alice + "\n")}, ladder.BatchOptions{}) {
		if err != nil && err.Error() != "disk on fire" {
			t.Errorf("got %v", err)
		}
	}
}

// FuzzBatch: whatever the input, Batch writes one line for each line read,
// each a result or the error record of its line, with every problem
// located on that line; and the output does not depend on the workers.
func FuzzBatch(f *testing.F) {
	const dir = "examples/devops-technical-mastery/"
	f.Add([]byte(compact(f, dir+"alice-newcomer.json") + "\n\n" + compact(f, dir+"chloe-gap.json") + "\r\n{\"ladder\":"))
	f.Add([]byte("\n\n\n"))
	f.Add([]byte(`{"ladder":"devops-technical-mastery","subject":"x","marks":{"l1-nope":{"status":"reached"}}}`))
	l := mustLoad(f, dir+"ladder.json")
	parser := &ladder.Parser{MaxBytes: 4096}
	f.Fuzz(func(t *testing.T, data []byte) {
		var outs [2]bytes.Buffer
		var sums [2]*ladder.BatchSummary
		for i, workers := range []int{1, 3} {
			sum, err := l.Batch(bytes.NewReader(data), &outs[i], ladder.BatchOptions{Workers: workers, Parser: parser})
			if err != nil {
				t.Fatal(err)
			}
			sums[i] = sum
		}
		if outs[0].String() != outs[1].String() {
			t.Fatal("the output depends on the workers")
		}
		// The lines read: as bufio splits them, a last line without its
		// end counting.
		want := bytes.Count(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] != '\n' {
			want++
		}
		got := strings.Split(strings.TrimSuffix(outs[0].String(), "\n"), "\n")
		if want == 0 {
			got = nil
		}
		if len(got) != want || sums[0].Lines != want {
			t.Fatalf("%d lines in, %d out, summary %d", want, len(got), sums[0].Lines)
		}
		failed := 0
		for i, line := range got {
			var rec struct {
				Line     *int
				Problems []ladder.Problem
				Subject  *string
			}
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatalf("line %d is not JSON: %v", i+1, err)
			}
			switch {
			case rec.Line != nil:
				failed++
				if *rec.Line != i+1 || len(rec.Problems) == 0 {
					t.Fatalf("line %d: %s", i+1, line)
				}
				for _, p := range rec.Problems {
					if p.Line != i+1 || p.Column < 1 || p.Message == "" {
						t.Fatalf("line %d: problem %+v", i+1, p)
					}
				}
			case rec.Subject == nil:
				t.Fatalf("line %d is neither a result nor an error record: %s", i+1, line)
			}
		}
		if failed != sums[0].Failed {
			t.Fatalf("%d error records, summary says %d", failed, sums[0].Failed)
		}
	})
}

// A Ladder not made by Parse, Load or New gets an error, not a panic in a
// worker.
func TestBatchUncheckedLadder(t *testing.T) {
	var l ladder.Ladder
	if _, err := l.Batch(strings.NewReader("{}\n"), io.Discard, ladder.BatchOptions{}); err == nil || !strings.Contains(err.Error(), "not made by Parse") {
		t.Errorf("Batch: %v", err)
	}
	for _, err := range l.EvaluateLines(strings.NewReader("{}\n"), ladder.BatchOptions{}) {
		if err == nil || !strings.Contains(err.Error(), "not made by Parse") {
			t.Errorf("EvaluateLines: %v", err)
		}
	}
}

// Positions in messages move with the problems: a duplicate key's first
// place is on the line of the input.
func TestBatchPositionsInMessages(t *testing.T) {
	l := mustLoad(t, "examples/devops-technical-mastery/ladder.json")
	input := "\n" + `{"ladder":"devops-technical-mastery",` + "\r" + `"ladder":"x","subject":"s","marks":{}}` + "\n"
	for _, err := range l.EvaluateLines(strings.NewReader(input), ladder.BatchOptions{}) {
		if err == nil || strings.Contains(err.Error(), "empty") {
			continue
		}
		if want := `2:39: /ladder: duplicate key "ladder" (first at 2:2)`; !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %s", err, want)
		}
	}
}
