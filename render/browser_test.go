package render_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/render"
)

// chromium finds the browser the test drives: Debian's chromium, which
// .ci/run installs. Without it the test fails, so that it cannot pass by
// skipping, unless LADDER_SKIP_BROWSER is set.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("LADDER_SKIP_BROWSER") != "" {
		t.Skip("no chromium, and LADDER_SKIP_BROWSER is set")
	}
	t.Fatal("no chromium to run the browser test: install it (apt-get install -y chromium), or set LADDER_SKIP_BROWSER=1")
	return ""
}

// TestInBrowser opens the rendered ladder and a report of every example in
// headless Chromium: every requirement's text is visible, the chart has a
// box, nothing is logged as an error, and the report prints on one or two
// A4 pages.
func TestInBrowser(t *testing.T) {
	exe := chromium(t)
	dir := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 900))
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	browser, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}

	for dir2, people := range examples {
		l, err := ladder.Load(filepath.Join("../examples", dir2, "ladder.json"))
		if err != nil {
			t.Fatal(err)
		}
		var ladderPage bytes.Buffer
		if err := render.Ladder(&ladderPage, l, render.HTML); err != nil {
			t.Fatal(err)
		}
		ladderPath := filepath.Join(dir, dir2+".html")
		if err := os.WriteFile(ladderPath, ladderPage.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(dir2, func(t *testing.T) {
			// The ladder: every requirement's text is visible.
			text, errs := open(t, browser, ladderPath, `document.body.innerText`)
			visible := collapse(text)
			for _, want := range requirementTexts(l) {
				if !strings.Contains(visible, collapse(want)) {
					t.Errorf("ladder page: %q is not visible", want)
				}
			}
			if len(errs) > 0 {
				t.Errorf("ladder page logged errors: %q", errs)
			}
			// Each report: a chart with a box, and one or two A4 pages
			// on paper.
			for _, person := range people {
				a, err := ladder.LoadAssessment(filepath.Join("../examples", dir2, person+".json"))
				if err != nil {
					t.Fatal(err)
				}
				res, err := l.Evaluate(a)
				if err != nil {
					t.Fatal(err)
				}
				var page bytes.Buffer
				if err := render.Report(&page, res, render.HTML); err != nil {
					t.Fatal(err)
				}
				reportPath := filepath.Join(dir, dir2+"-"+person+".html")
				if err := os.WriteFile(reportPath, page.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				box, errs := open(t, browser, reportPath, `(() => { const r = document.querySelector('svg[role=img]').getBoundingClientRect(); return r.width + 'x' + r.height })()`)
				var w, h float64
				if _, err := fmt.Sscanf(box, "%gx%g", &w, &h); err != nil || w <= 0 || h <= 0 {
					t.Errorf("report of %s: the chart's box is %q", person, box)
				}
				if len(errs) > 0 {
					t.Errorf("report of %s logged errors: %q", person, errs)
				}
				pdf := printPDF(t, browser, reportPath)
				pages := len(pageObject.FindAll(pdf, -1))
				t.Logf("report of %s: %d A4 pages; chart %s", person, pages, box)
				if pages < 1 || pages > 2 {
					t.Errorf("report of %s prints on %d A4 pages, want 1 or 2", person, pages)
				}
			}
		})
	}
}

// pageObject is a page of a PDF, not its page tree (/Type /Pages).
var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

// open loads a file in a new tab, evaluates expr there, and returns its
// value and the errors the page logged.
func open(t *testing.T, browser context.Context, path, expr string) (string, []string) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // the tab, before its console
		t.Fatal(err)
	}
	console, stop := context.WithCancel(ctx)
	messages := chromedp.Console(console)
	var errs []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == "error" || m.IsException() {
				errs = append(errs, m.String())
			}
		}
	}()
	run, cancelRun := context.WithTimeout(ctx, 30*time.Second)
	defer cancelRun()
	if err := chromedp.Do(run, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out, err := chromedp.Run(run, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	// Messages still on their way arrive before the tab closes.
	time.Sleep(200 * time.Millisecond)
	stop()
	<-done
	return out, errs
}

// printPDF prints a file to PDF on A4 paper, as a browser's print dialog
// does with the page's own print CSS.
func printPDF(t *testing.T, browser context.Context, path string) []byte {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	run, cancelRun := context.WithTimeout(ctx, 30*time.Second)
	defer cancelRun()
	if err := chromedp.Do(run, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	pdf, err := chromedp.Run(run, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatalf("printing %s: %v", path, err)
	}
	return pdf
}

// requirementTexts lists the texts of a ladder's requirements, in its
// levels and its skills' steps.
func requirementTexts(l *ladder.Ladder) []string {
	var out []string
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			out = append(out, r.Text)
		}
	}
	for _, s := range l.Skills {
		for _, st := range s.Steps {
			for _, r := range st.Requirements {
				out = append(out, r.Text)
			}
		}
	}
	return out
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
