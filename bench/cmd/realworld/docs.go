package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// doc is one corpus document and what each generator made of it.
type doc struct {
	File    string             `json:"file"`
	Path    string             `json:"-"`
	Size    int64              `json:"size"`
	OpenAPI string             `json:"openapi"`
	Package string             `json:"package"`
	Results map[string]*result `json:"results"`
	// Warnings are nexmogen's warnings on a document it generated (what
	// only loses a check: an example that breaks its schema, ...).
	Warnings []string `json:"-"`
}

// result is one generator's outcome on one document.
type result struct {
	Outcome string `json:"outcome"`
	// Count is the number of diagnostics (refused) or error lines
	// (compile, vet); Detail holds them all, in order.
	Count   int      `json:"count,omitempty"`
	Detail  []string `json:"detail,omitempty"`
	Seconds float64  `json:"-"`
	// Warnings are nexmogen's warnings on a document it generated (what
	// only loses a check: an example that breaks its schema, ...).
	Warnings []string `json:"warnings,omitempty"`
	// Smoke is nexmogen's smoke test of a package that built.
	Smoke *smokeResult `json:"smoke,omitempty"`
}

// smokeResult counts the operations of a smoke test by outcome; Lines are
// its outcome lines ("Op ok", "Op skip why", "Op FAIL what").
type smokeResult struct {
	OK    int      `json:"ok"`
	Skip  int      `json:"skip"`
	Fail  int      `json:"fail"`
	Error string   `json:"error,omitempty"`
	Lines []string `json:"lines,omitempty"`
}

// The outcomes.
const (
	outBuilt   = "built"
	outVet     = "vet"
	outCompile = "compile"
	outRefused = "refused"
	outCrashed = "crashed"
	outTimeout = "timeout"
)

// listDocs returns the documents of corpus/specs (not its subfolders, which
// hold files the documents reference), sorted by name.
func listDocs(corpus string) ([]*doc, error) {
	entries, err := os.ReadDir(filepath.Join(corpus, "specs"))
	if err != nil {
		return nil, err
	}
	var docs []*doc
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".yaml" && ext != ".yml" && ext != ".json") {
			continue
		}
		path := filepath.Join(corpus, "specs", e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		docs = append(docs, &doc{
			File:    e.Name(),
			Path:    path,
			Size:    int64(len(data)),
			OpenAPI: openAPIVersion(data),
			Package: packageName(e.Name()),
			Results: map[string]*result{},
		})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].File < docs[j].File })
	return docs, nil
}

func filterDocs(docs []*doc, re *regexp.Regexp) []*doc {
	var out []*doc
	for _, d := range docs {
		if re.MatchString(d.File) {
			out = append(out, d)
		}
	}
	return out
}

var versionRE = regexp.MustCompile(`(?m)^\s*"?openapi"?\s*:\s*["']?([0-9.]+)`)

// openAPIVersion is the document's "openapi" field, read without parsing.
func openAPIVersion(data []byte) string {
	if m := versionRE.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return "?"
}

// packageName makes a Go package name of a file name: its letters and
// digits, lower case ("vonage-number-insight.yml" is vonagenumberinsight).
func packageName(file string) string {
	base := strings.TrimSuffix(file, filepath.Ext(file))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	name := b.String()
	if name == "" || (name[0] >= '0' && name[0] <= '9') {
		name = "x" + name
	}
	return name
}
