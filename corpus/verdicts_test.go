package corpus_test

import (
	"encoding/json"
	"os"
	"testing"
)

// TestVerdictsCoverRefusals: corpus/verdicts.json says, for every document
// outcomes.json records as refused by nexmogen, whether the document is
// broken or what nexmogen lacks (the scoreboard prints it), and names no
// document the corpus does not hold or nexmogen builds.
func TestVerdictsCoverRefusals(t *testing.T) {
	data, err := os.ReadFile("verdicts.json")
	if err != nil {
		t.Fatal(err)
	}
	var verdicts map[string]struct {
		Broken *bool  `json:"broken"`
		Why    string `json:"why"`
	}
	if err := json.Unmarshal(data, &verdicts); err != nil {
		t.Fatalf("verdicts.json: %v", err)
	}
	known, built := map[string]bool{}, map[string]bool{}
	for _, d := range readOutcomes(t).Documents {
		known[d.File] = true
		r, ok := d.Results["nexmogen"]
		built[d.File] = ok && r.Outcome == "built"
		if ok && r.Outcome != "built" {
			if v, ok := verdicts[d.File]; !ok || v.Broken == nil || v.Why == "" {
				t.Errorf("%s: nexmogen %s it, and verdicts.json says neither whether it is broken nor why", d.File, r.Outcome)
			}
		}
	}
	for file := range verdicts {
		switch {
		case !known[file]:
			t.Errorf("verdicts.json names %s, which the corpus does not hold", file)
		case built[file]:
			t.Errorf("verdicts.json judges %s, which nexmogen builds now: drop the verdict", file)
		}
	}
}
