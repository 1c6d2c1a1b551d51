package ladder_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/ladderkit/ladder"
)

// batchSize is the number of assessments of the batch benchmark.
const batchSize = 100_000

var batchInput = sync.OnceValues(func() ([]byte, error) {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		return nil, err
	}
	return generateAssessments(l, batchSize, 1), nil
})

// generateAssessments writes n assessments of the DevOps example, one a
// line: each requirement reached, not yet, not applicable or unmarked at
// random, a third of the marks with a reason, people strong up to a level
// of their own.
func generateAssessments(l *ladder.Ladder, n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 0))
	var buf bytes.Buffer
	reasons := []string{"Shipped the CSV export alone", "Two incidents traced to her changes this quarter", "Leads the on-call review every week", "Not seen yet"}
	for i := range n {
		a := ladder.Assessment{
			Ladder: l.ID, LadderVersion: l.Version, Subject: fmt.Sprintf("person-%06d", i),
			Assessor: "manager", Date: "2026-11-20", Marks: map[string]ladder.Mark{},
		}
		top := rng.IntN(len(l.Levels) + 1)
		for li, lv := range l.Levels {
			for _, r := range lv.Requirements {
				p := rng.Float64()
				var m ladder.Mark
				switch {
				case li < top && p < 0.9, li >= top && p < 0.2:
					m.Status = ladder.Reached
				case p < 0.93:
					m.Status = ladder.NotApplicable
				case p < 0.97:
					m.Status = ladder.NotYet
				default:
					continue
				}
				if rng.IntN(3) == 0 {
					m.Reason = reasons[rng.IntN(len(reasons))]
				}
				a.Marks[r.ID] = m
			}
		}
		line, err := json.Marshal(a)
		if err != nil {
			panic(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// plainAssessment is an assessment as plain structs, for the floor.
type plainAssessment struct {
	Ladder, LadderVersion, Subject, Assessor, Date string
	Marks                                          map[string]struct{ Status, Reason string }
}

// BenchmarkBatch measures ladder batch's work on 100,000 generated
// assessments of the DevOps example: Ladder.Batch with 1 and 2 workers,
// against the floor of json.Unmarshal of each line into plain structs.
// Each reports ns/assessment and assessments/s; compare them in one run:
//
//	go test -run XXX -bench Batch -benchtime 1x -count 5 .
func BenchmarkBatch(b *testing.B) {
	input, err := batchInput()
	if err != nil {
		b.Fatal(err)
	}
	l := mustLoad(b, "examples/devops-technical-mastery/ladder.json")
	report := func(b *testing.B) {
		perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		b.ReportMetric(perOp/batchSize, "ns/assessment")
		b.ReportMetric(batchSize/(perOp/1e9), "assessments/s")
		b.SetBytes(int64(len(input)))
	}
	b.Run("floor=json.Unmarshal", func(b *testing.B) {
		for b.Loop() {
			sc := bufio.NewScanner(bytes.NewReader(input))
			sc.Buffer(nil, 1<<20)
			n := 0
			for sc.Scan() {
				var a plainAssessment
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != batchSize {
				b.Fatalf("%d lines", n)
			}
		}
		report(b)
	})
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for b.Loop() {
				sum, err := l.Batch(bytes.NewReader(input), io.Discard, ladder.BatchOptions{Workers: workers})
				if err != nil || sum.Lines != batchSize || sum.Failed != 0 {
					b.Fatalf("%+v, %v", sum, err)
				}
			}
			report(b)
		})
	}
}
