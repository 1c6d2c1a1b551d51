package ladder

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strconv"
	"sync"
)

// MaxWorkers is the most evaluations a batch runs at once; more workers
// are as many.
const MaxWorkers = 1024

// BatchOptions are the options of Ladder.Batch and Ladder.EvaluateLines.
// The zero value uses the defaults.
type BatchOptions struct {
	// Workers is how many assessments are evaluated at once, up to
	// MaxWorkers; 0 means runtime.GOMAXPROCS(0), one per core.
	Workers int
	// File names the input in problems, as in "assessments.ndjson:12:7:
	// ..."; "" leaves it out.
	File string
	// Parser reads each line, under its limits: a line longer than its
	// MaxBytes is an error of that line. nil means the defaults.
	Parser *Parser
	// OnProgress, when not nil, is called with the number of lines done so
	// far, from one goroutine at a time: by Batch after each chunk of
	// lines is written, by EvaluateLines after each line is yielded.
	OnProgress func(lines int)
}

// LineError is the error of one line of a batch: the line's number, from
// 1, and what is wrong with it. That is a *Error: for a line that is not a
// valid assessment of the ladder, its problems are located at the line of
// the input; for a rule of the ladder that failed as it ran on the line,
// at the rule in the ladder's file.
type LineError struct {
	Line int
	Err  error
}

// Error says the line and its problems: "line 12: " and the line's error,
// whose problems name the line again, with their columns.
func (e *LineError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }

// Unwrap returns the line's error.
func (e *LineError) Unwrap() error { return e.Err }

// MarshalJSON writes the error record of the line, as Batch does:
// {"line": N, "problems": [{"file", "line", "column", "pointer",
// "message", "snippet"}]}, one problem for an error that is not a *Error.
func (e *LineError) MarshalJSON() ([]byte, error) {
	var le *Error
	problems := []Problem{{Line: e.Line, Column: 1, Message: e.Err.Error()}}
	if errors.As(e.Err, &le) {
		problems = le.Problems
	}
	return json.Marshal(struct {
		Line     int       `json:"line"`
		Problems []Problem `json:"problems"`
	}{e.Line, problems})
}

// BatchSummary counts what a batch did: its lines, the lines that failed,
// and the people by level and skill level.
type BatchSummary struct {
	// Lines is the number of lines read, Failed the number of them that
	// gave an error record.
	Lines, Failed int
	// Levels counts the people by the ID of the level they reached
	// (Result.Reached), "" for those who reached none.
	Levels map[string]int
	// Skills counts the people by their level in each skill:
	// Skills[skill ID][level].
	Skills map[string]map[int]int
}

// add counts one line, and its result unless it failed.
func (s *BatchSummary) add(res *Result) {
	s.Lines++
	if res == nil {
		s.Failed++
		return
	}
	level := ""
	if lv := res.Reached(); lv != nil {
		level = lv.ID
	}
	s.Levels[level]++
	for _, sk := range res.Skills {
		if s.Skills[sk.ID] == nil {
			s.Skills[sk.ID] = map[int]int{}
		}
		s.Skills[sk.ID][sk.Level]++
	}
}

// Batch evaluates the assessments read from r, one JSON document a line
// (NDJSON), and writes to w one line for each, in input order: the result,
// in the JSON form of Result, or the error record of a line that is not a
// valid assessment of the ladder (see LineError.MarshalJSON), its problems
// located by the line of the input (lines end at "\n") and the column in
// it. A bad line, broken JSON included, does not stop the batch; an empty
// line is an error of its own, so that the output's lines are the input's.
//
// It runs opt.Workers evaluations at once and holds a bounded number of
// lines in memory, whatever the input's size. It returns the summary, and
// an error only when r cannot be read or w written, which stops it.
func (l *Ladder) Batch(r io.Reader, w io.Writer, opt BatchOptions) (*BatchSummary, error) {
	sum := &BatchSummary{Levels: map[string]int{}, Skills: map[string]map[int]int{}}
	if l.plan == nil {
		return sum, errNotChecked("Batch")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	for j := range l.batch(r, opt, true) {
		for _, res := range j.res {
			sum.add(res)
		}
		_, err := bw.Write(j.out.Bytes())
		j.out.Reset()
		outputs.Put(j.out)
		if err != nil {
			return sum, err
		}
		if j.ioErr != nil {
			if err := bw.Flush(); err != nil {
				return sum, err
			}
			return sum, j.ioErr
		}
		if opt.OnProgress != nil {
			opt.OnProgress(sum.Lines)
		}
	}
	return sum, bw.Flush()
}

// EvaluateLines evaluates the assessments read from r, one JSON document a
// line, as Batch does, and yields for each line, in input order, its
// result or its error, a *LineError. It yields an error that is not a
// *LineError, and stops, when r cannot be read. Breaking out of the loop
// stops the evaluations; a read of r already under way is not interrupted,
// so the goroutine reading r ends when that read returns.
func (l *Ladder) EvaluateLines(r io.Reader, opt BatchOptions) iter.Seq2[*Result, error] {
	return func(yield func(*Result, error) bool) {
		if l.plan == nil {
			yield(nil, errNotChecked("EvaluateLines"))
			return
		}
		n := 0
		for j := range l.batch(r, opt, false) {
			for i, res := range j.res {
				n++
				var err error
				if j.err[i] != nil {
					err = j.err[i]
				}
				if !yield(res, err) {
					return
				}
				if opt.OnProgress != nil {
					opt.OnProgress(n)
				}
			}
			if j.ioErr != nil {
				yield(nil, j.ioErr)
				return
			}
		}
	}
}

// job is a chunk of consecutive lines of a batch, on its way through the
// workers: lines go by chunks, so that a line costs no handoff between
// goroutines of its own.
type job struct {
	first   int      // the number of the first line
	lines   [][]byte // the lines, without their ends; nil for a line too long
	tooLong []bool
	size    int // the bytes of the lines
	done    chan struct{}

	res   []*Result // for each line, its result, or
	err   []*LineError
	out   *bytes.Buffer // the JSON of each line's result or error, when asked for
	ioErr error         // r could not be read, after the lines of this job
}

// Chunks of lines: as many as are read without waiting for the input, up
// to a bound.
const (
	chunkLines = 64
	chunkBytes = 256 << 10
)

// outputs are the buffers of the JSON of jobs, reused.
var outputs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// batch runs the pipeline: one goroutine reads chunks of lines, workers
// evaluate them, and the chunks come out in input order. At most
// 2×workers+2 chunks are held at once.
func (l *Ladder) batch(r io.Reader, opt BatchOptions, marshal bool) iter.Seq[*job] {
	return func(yield func(*job) bool) {
		workers := opt.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		workers = min(workers, MaxWorkers)
		p := opt.Parser
		if p == nil {
			p = new(Parser)
		}
		maxLine := p.limits().MaxBytes
		order := make(chan *job, 2*workers)
		jobs := make(chan *job)
		stop := make(chan struct{})
		defer close(stop)

		go func() {
			defer close(order)
			defer close(jobs)
			br := bufio.NewReaderSize(r, 64<<10)
			n := 1
			for {
				j := &job{first: n, done: make(chan struct{})}
				var err error
				for len(j.lines) < chunkLines && j.size < chunkBytes {
					var line []byte
					var read int
					var tooLong bool
					line, read, tooLong, err = readLine(br, maxLine)
					if err != nil && err != io.EOF {
						j.ioErr = err
						break
					}
					if err == io.EOF && read == 0 {
						break
					}
					j.lines = append(j.lines, line)
					j.tooLong = append(j.tooLong, tooLong)
					j.size += len(line)
					n++
					if err == io.EOF || br.Buffered() == 0 {
						// Not waiting for more input with lines in hand.
						break
					}
				}
				if len(j.lines) == 0 && j.ioErr == nil {
					return
				}
				select {
				case order <- j:
				case <-stop:
					return
				}
				select {
				case jobs <- j:
				case <-stop:
					return
				}
				if err != nil {
					return
				}
			}
		}()
		for range workers {
			go func() {
				for {
					select {
					case j, ok := <-jobs:
						if !ok {
							return
						}
						l.evaluateChunk(p, opt.File, j, maxLine, marshal)
						close(j.done)
					case <-stop:
						return
					}
				}
			}()
		}
		for j := range order {
			<-j.done
			if !yield(j) {
				return
			}
		}
	}
}

// readLine reads a line and drops its end ("\n" or "\r\n"), and says how
// many bytes it read, the end included: 0 at the end of the input. A line
// longer than max bytes, its end left out, is read to its end and returned
// empty, with tooLong set.
func readLine(br *bufio.Reader, max int) (line []byte, read int, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		read += len(frag)
		if !tooLong {
			// Two bytes more than max may be the line's end.
			if len(line)+len(frag)-2 > max {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if tooLong || len(line) > max {
			return nil, read, true, err
		}
		return line, read, false, err
	}
}

// evaluateChunk parses and evaluates the lines of a job, and writes their
// JSON when marshal is set.
func (l *Ladder) evaluateChunk(p *Parser, file string, j *job, maxLine int, marshal bool) {
	j.res = make([]*Result, len(j.lines))
	j.err = make([]*LineError, len(j.lines))
	if marshal {
		j.out = outputs.Get().(*bytes.Buffer)
	}
	for i, line := range j.lines {
		n := j.first + i
		j.res[i], j.err[i] = l.evaluateLine(p, file, n, line, j.tooLong[i], maxLine)
		if !marshal {
			continue
		}
		var v any = j.res[i]
		if j.err[i] != nil {
			v = j.err[i]
		}
		out, err := json.Marshal(v)
		if err != nil {
			// A Result always marshals; this is for the impossible case.
			j.res[i], j.err[i] = nil, &LineError{Line: n, Err: err}
			out, _ = json.Marshal(j.err[i])
		}
		j.out.Write(out)
		j.out.WriteByte('\n')
	}
	j.lines = nil
}

// evaluateLine parses and evaluates line n.
func (l *Ladder) evaluateLine(p *Parser, file string, n int, line []byte, tooLong bool, maxLine int) (*Result, *LineError) {
	var err error
	var res *Result
	switch {
	case tooLong:
		err = &Error{Problems: []Problem{{File: file, Line: n, Column: 1, Message: fmt.Sprintf("the line is longer than %d bytes", maxLine)}}}
	case len(bytes.TrimSpace(line)) == 0:
		err = &Error{Problems: []Problem{{File: file, Line: n, Column: 1, Message: "the line is empty: want one assessment a line"}}}
	default:
		var a *Assessment
		if a, err = p.parseAssessmentLine(file, n, line); err == nil {
			var failure error
			res, err, failure = l.evaluate(a)
			if failure != nil {
				// A rule failed: the problem is in the ladder, where it
				// is located.
				return nil, &LineError{Line: n, Err: failure}
			}
		}
	}
	if err == nil {
		return res, nil
	}
	var le *Error
	if errors.As(err, &le) {
		// The line's problems are on its line; one of the whole document
		// (such as the hint on "ladderVersion") is at the line's start.
		for i := range le.Problems {
			if pr := &le.Problems[i]; pr.Line == 0 {
				pr.Line, pr.Column = n, 1
			}
		}
	}
	return nil, &LineError{Line: n, Err: err}
}
