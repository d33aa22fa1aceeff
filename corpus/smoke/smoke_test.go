package smoke

import (
	"math"
	"regexp"
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

// TestSample: the strings the filler writes for patterns match them, and
// within the lengths asked for.
func TestSample(t *testing.T) {
	for _, c := range []struct {
		pattern        string
		minLen, maxLen int
	}{
		{`^AC[0-9a-fA-F]{32}$`, -1, -1},
		{`\d{7,15}`, -1, -1},
		{`payTo|upi_collect`, -1, -1},
		{`^[A-Z]{3}$`, 3, 3},
		{`^(\+|00)?[1-9][0-9]+$`, 8, 20},
		{`^[a-z]+(-[a-z]+)*$`, 10, -1},
	} {
		s, ok := stringFor("", c.pattern, c.minLen, c.maxLen)
		if !ok || !regexp.MustCompile(c.pattern).MatchString(s) || c.minLen >= 0 && len(s) < c.minLen || c.maxLen >= 0 && len(s) > c.maxLen {
			t.Errorf("stringFor(%q, %d, %d) = %q, %v", c.pattern, c.minLen, c.maxLen, s, ok)
		}
	}
	if s, ok := stringFor("", "", -1, 3); !ok || s != "smo" {
		t.Errorf("maxLength 3: %q, %v", s, ok)
	}
	if s, ok := stringFor("", "", 8, -1); !ok || s != "smokexxx" {
		t.Errorf("minLength 8: %q, %v", s, ok)
	}
	if s, ok := stringFor("uuid", "", -1, -1); !ok || s != formatValues["uuid"] {
		t.Errorf("uuid: %q, %v", s, ok)
	}
	if _, ok := stringFor("uuid", "", -1, 10); ok {
		t.Error("a uuid within 10 characters was found")
	}
}

// TestNumberFor: 1 moved into the bounds and onto the step.
func TestNumberFor(t *testing.T) {
	inf := math.Inf(1)
	for _, c := range []struct {
		lo, hi     float64
		loEx, hiEx bool
		step, want float64
		ok         bool
	}{
		{60, 86400, false, false, 0, 60, true},
		{1, inf, true, false, 0, 2, true},
		{-inf, 0, false, true, 0, -1, true},
		{-inf, 0.5, false, false, 0, 0, true},
		{10, inf, false, false, 3, 12, true},
		{0.1, 0.2, false, false, 0, 0.15000000000000002, true},
		{5, 3, false, false, 0, 0, false},
	} {
		got, ok := numberFor(c.lo, c.hi, c.loEx, c.hiEx, c.step)
		if got != c.want && c.ok || ok != c.ok {
			t.Errorf("numberFor(%v, %v, %v, %v, %v) = %v, %v; want %v, %v", c.lo, c.hi, c.loEx, c.hiEx, c.step, got, ok, c.want, c.ok)
		}
	}
}
