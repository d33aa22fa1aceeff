package emit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// runIssue14 generates testdata/issue14/spec.yaml into a throwaway module
// with testdata/issue14/things_test.go.txt as its test, and runs the test
// named name there.
func runIssue14(t *testing.T, name string) {
	t.Helper()
	spec, err := os.ReadFile(filepath.Join("testdata", "issue14", "spec.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	test, err := os.ReadFile(filepath.Join("testdata", "issue14", "things_test.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	writeFile(t, filepath.Join(mod, "go.mod"), "module things.test\n\ngo 1.26\n")
	for file, src := range generated(t, spec, "things") {
		writeFile(t, filepath.Join(mod, "things", file), src)
	}
	writeFile(t, filepath.Join(mod, "things", "things_test.go"), string(test))
	cmd := exec.Command("go", "test", "-count=1", "-run", "^"+name+"$", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test -run %s of the generated server: %v\n%s", name, err, out)
	}
}

// TestIssue14Item11JSONKeysBindExactly: JSON bodies bind keys exactly, as
// kin-openapi reads them ({"NAME":"rex"} is no name), and an object that
// gives a key twice answers 400.
func TestIssue14Item11JSONKeysBindExactly(t *testing.T) { runIssue14(t, t.Name()) }

// TestIssue14Item12HeaderGivenTwiceIsRefused: a header parameter sent twice
// with different values answers 400, as a query parameter does.
func TestIssue14Item12HeaderGivenTwiceIsRefused(t *testing.T) { runIssue14(t, t.Name()) }

// TestIssue14Item22RequiredScalarsMustBePresent: a required integer,
// number or boolean missing from a JSON body, or a null, answers 400.
func TestIssue14Item22RequiredScalarsMustBePresent(t *testing.T) { runIssue14(t, t.Name()) }
