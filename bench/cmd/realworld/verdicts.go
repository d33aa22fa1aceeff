package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A verdict says, for a document nexmogen refuses, whether the document is
// broken (it breaks OpenAPI or JSON Schema: no generator should accept it
// as written) or what nexmogen still lacks: the scoreboard's goal is to
// refuse only broken documents. They are written by hand, in
// corpus/verdicts.json, after reading the diagnostics; the table prints
// them beside the diagnostics of the documents still refused, and flags a
// refused document without one.
type verdict struct {
	// Broken is true when the document itself is at fault.
	Broken bool `json:"broken"`
	// Why says how it is broken, or what nexmogen lacks.
	Why string `json:"why"`
}

// readVerdicts reads corpus/verdicts.json; a corpus without one has none.
func readVerdicts(corpus string) (map[string]verdict, error) {
	b, err := os.ReadFile(filepath.Join(corpus, "verdicts.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var v map[string]verdict
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("verdicts.json: %w", err)
	}
	return v, nil
}

// verdictText is the line the table prints for a refused document.
func verdictText(v verdict, ok bool) string {
	switch {
	case !ok:
		return "**no verdict recorded** (corpus/verdicts.json)"
	case v.Broken:
		return "**broken document**: " + strings.TrimSpace(v.Why)
	}
	return "**nexmogen lacks**: " + strings.TrimSpace(v.Why)
}
