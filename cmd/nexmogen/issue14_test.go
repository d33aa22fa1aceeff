package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestIssue14Item17ExitCode: a spec whose schemas hold themselves through
// allOf exits 1 with positioned diagnostics (it used to overflow the stack
// and exit 2, the usage status). The stack is capped so a regression fails
// fast.
func TestIssue14Item17ExitCode(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(64 << 20))
	archive, err := os.ReadFile(filepath.Join(corpus, "allof_cycle.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cycle.yaml")
	if err := os.WriteFile(file, section(t, archive, "spec.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd("-spec", file, "-out", filepath.Join(t.TempDir(), "out"))
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr: %s", code, stderr)
	}
	if !strings.HasPrefix(stderr, file+":27:11: schema \"A\" holds itself") {
		t.Errorf("stderr: %s", stderr)
	}
}

// TestIssue11StrictFlag: warnings go to stderr and the generation
// succeeds (exit 0); with -strict they are errors (exit 1), and the output
// directory is left as it was.
func TestIssue11StrictFlag(t *testing.T) {
	archive, err := os.ReadFile(filepath.Join("..", "..", "generator", "testdata", "warnings", "vendor_imperfections.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "vendor.yaml")
	if err := os.WriteFile(file, section(t, archive, "spec.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "vendor")
	code, _, stderr := runCmd("-spec", file, "-out", out)
	if code != 0 || strings.Count(stderr, ": warning: ") != 5 || !strings.HasPrefix(stderr, file+":10:48: warning: default does not match") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	before := snapshot(t, out)
	code, _, stderr = runCmd("-spec", file, "-out", out, "-strict")
	if code != 1 || strings.Contains(stderr, "warning:") || strings.Count(stderr, "\n") != 5 {
		t.Fatalf("-strict: exit %d, stderr:\n%s", code, stderr)
	}
	assertSame(t, before, snapshot(t, out))
}
