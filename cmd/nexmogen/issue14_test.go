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
