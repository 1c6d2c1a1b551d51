package ladder_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The packages a program imports for production stay free of test code:
// gopter, laddertest and testing are for tests only.
func TestProductionImports(t *testing.T) {
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	for _, pkg := range []string{".", "./dsl", "./rules", "./schema"} {
		out, err := exec.Command(goTool, "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		deps := strings.Fields(string(out))
		if len(deps) < 10 {
			t.Fatalf("go list -deps %s listed %d packages: %q", pkg, len(deps), deps)
		}
		for _, dep := range deps {
			switch {
			case strings.HasPrefix(dep, "github.com/leanovate/gopter"),
				dep == "github.com/ladderkit/ladder/laddertest",
				dep == "testing",
				strings.HasPrefix(dep, "github.com/invopop/jsonschema"):
				t.Errorf("package %s imports %s", pkg, dep)
			}
		}
	}
}
