package corpus_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/corpus/examples"
)

// TestSpecExamplesRoundTrip is issue 11's "a value decoded from the spec's
// own examples re-encodes to an equivalent document", over corpus
// documents nexmogen builds: every example that its schema takes (kin-
// openapi's VisitJSON) and whose schema has a named Go type (a component
// object, union or enum; of the schema, or of a JSON request or response
// body that refers to one) is decoded into that type, validated, and
// re-encoded; the re-encoding must be the example as a JSON value, or
// differ from it only as the README documents (corpus/examples: an
// optional property at its zero is absent, a key no property declares is
// not kept, a date-time in RFC 3339's shortest form). It runs on the
// built documents of the fast subset's size (fastSize); CORPUS_EXAMPLES=all
// runs it on every document outcomes.json says nexmogen builds (minutes:
// twilio, adyen).
func TestSpecExamplesRoundTrip(t *testing.T) {
	var docs []string
	all := os.Getenv("CORPUS_EXAMPLES") == "all"
	for _, d := range readOutcomes(t).Documents {
		if d.Results["nexmogen"].Outcome == "built" && (all || d.Size <= fastSize) {
			docs = append(docs, d.File)
		}
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), []byte("module corpus.test\n\ngo 1.26\n"))
	nexmogen := buildNexmogen(t)
	byPkg := map[string][]examples.Case{}
	var sum examples.Census
	tried := 0
	var pkgs []string
	for _, file := range docs {
		pkg := packageName(file)
		spec := filepath.Join("specs", file)
		cases, census, err := examples.Collect(spec, pkg)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		t.Logf("%s: %d examples to decode; not tried: %d their schema refuses, %d of a schema without a named Go type, %d not an object of an untyped schema with properties",
			file, len(cases), census.Invalid, census.Unnamed, census.NotObject)
		sum.Invalid, sum.Unnamed, sum.NotObject = sum.Invalid+census.Invalid, sum.Unnamed+census.Unnamed, sum.NotObject+census.NotObject
		tried += len(cases)
		if len(cases) == 0 {
			continue
		}
		if out, err := exec.Command(nexmogen, "-spec", spec, "-out", filepath.Join(dir, pkg), "-package", pkg).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", file, err, out)
			continue
		}
		if err := examples.Write(filepath.Join(dir, pkg), pkg, cases); err != nil {
			t.Fatal(err)
		}
		byPkg[pkg] = cases
		pkgs = append(pkgs, "./"+pkg)
	}
	if len(pkgs) == 0 {
		t.Skip("no document of the subset has an example with a named Go type")
	}
	out, _ := goIn(t, dir, nil, append([]string{"test", "-count=1", "-json", "-run", "^TestSpecExamples$"}, pkgs...)...)
	outputs := map[string]string{}
	for line := range strings.SplitSeq(out, "\n") {
		var ev struct{ Package, Output string }
		if json.Unmarshal([]byte(line), &ev) == nil && ev.Package != "" {
			outputs[strings.TrimPrefix(ev.Package, "corpus.test/")] += ev.Output
		}
	}
	total := map[string]int{}
	for pkg, cases := range byPkg {
		seen := make([]bool, len(cases))
		for _, r := range examples.Results(outputs[pkg]) {
			if r.Index < 0 || r.Index >= len(cases) {
				t.Errorf("%s: a result of no example: %+v", pkg, r)
				continue
			}
			seen[r.Index] = true
			c := cases[r.Index]
			if r.Kind != "json" {
				total[r.Kind]++
				t.Errorf("%s %s (%s): %s fails: %s\n\texample %.300s", pkg, c.Where, c.GoType, r.Kind, r.Text, c.JSON)
				continue
			}
			verdict, notes := examples.Compare(c.Schema, c.JSON, r.Text)
			total[verdict]++
			for _, n := range notes {
				total[verdict+": "+n]++
			}
			if verdict == examples.Differs {
				t.Errorf("%s %s (%s): the re-encoding differs: %s\n\texample %.300s\n\tgot     %.300s", pkg, c.Where, c.GoType, notes[0], c.JSON, r.Text)
			}
		}
		for i, ok := range seen {
			if !ok {
				t.Errorf("%s %s: no result (the test did not run?)\n%s", pkg, cases[i].Where, outputs[pkg])
				break
			}
		}
	}
	var summary []string
	for _, k := range slices.Sorted(maps.Keys(total)) {
		summary = append(summary, fmt.Sprintf("%s %d", k, total[k]))
	}
	t.Logf("%d documents: %d examples decoded (%s); not tried: %d their schema refuses, %d without a named Go type, %d not an object of an untyped schema",
		len(docs), tried, strings.Join(summary, ", "), sum.Invalid, sum.Unnamed, sum.NotObject)
}
