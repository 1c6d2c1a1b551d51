//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// validate reads each file once: a named pipe, which gives its bytes to
// one reader only, is checked as the file it stands for.
func TestValidateReadsEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	var args []string
	files := map[string]string{
		"ladder.json":     exampleLadder,
		"assessment.json": bruno,
		"cases.json":      exampleCases,
	}
	for _, name := range []string{"ladder.json", "assessment.json", "cases.json"} {
		data, err := os.ReadFile(files[name])
		if err != nil {
			t.Fatal(err)
		}
		if name == "cases.json" {
			// A cases file names files relative to its directory.
			abs, err := filepath.Abs(filepath.Dir(exampleCases))
			if err != nil {
				t.Fatal(err)
			}
			data, err = json.Marshal(map[string]any{
				"ladder": filepath.Join(abs, "ladder.json"),
				"cases":  []any{map[string]any{"assessment": filepath.Join(abs, "bruno-squad-expert.json"), "rank": 3}},
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, name)
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		go func() {
			// Blocks until validate opens the pipe; a second open
			// would find no writer and wait for ever.
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			f.Write(data)
			f.Close()
		}()
		args = append(args, path)
	}
	done := make(chan int)
	var stdout, stderr bytes.Buffer
	go func() { done <- run(append([]string{"validate"}, args...), nil, &stdout, &stderr) }()
	select {
	case s := <-done:
		if s != exitOK {
			t.Errorf("exit status %d\nstdout:\n%s\nstderr:\n%s", s, stdout.String(), stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("validate still runs after 30s: it opened a file a second time")
	}
}
