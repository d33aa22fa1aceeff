package smoke

import (
	"slices"
	"testing"
)

// TestLines reads the outcome lines out of go test -v output; the smoke
// test of whole generated packages, and the proof that it fails on a
// disagreement, are in corpus/corpus_test.go.
func TestLines(t *testing.T) {
	out := "=== RUN   TestSmoke\n    smoke_test.go:52: SMOKE GetPet ok \n    smoke_test.go:57: SMOKE ListPets FAIL the server received another Params: x\n--- FAIL: TestSmoke (0.00s)\n"
	want := []string{"GetPet ok", "ListPets FAIL the server received another Params: x"}
	if got := Lines(out); !slices.Equal(got, want) {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}
