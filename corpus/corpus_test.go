// Package corpus_test holds the fast subset of the scoreboard
// (REALWORLD.md): the small corpus documents that the checked-in outcomes
// say nexmogen builds are generated, compiled and vetted again on every
// `make test`. `make realworld` runs the whole corpus and rewrites
// outcomes.json.
package corpus_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/corpus/smoke"
	// The tests run the generator as a command (buildNexmogen); importing
	// it makes go test's cache see a change of the generator, which it
	// would not through the command: a cached pass would hide a break.
	_ "github.com/nexmogen/nexmogen/generator"
)

// fastSize bounds the documents the fast subset regenerates: the small
// ones, so that the test stays within seconds.
const fastSize = 64 << 10

// outcomes is the part of outcomes.json the test reads.
type outcomes struct {
	Documents []document `json:"documents"`
}

// document is one entry of outcomes.json.
type document struct {
	File    string `json:"file"`
	Size    int64  `json:"size"`
	Results map[string]struct {
		Outcome string `json:"outcome"`
		Smoke   *struct {
			OK    int    `json:"ok"`
			Skip  int    `json:"skip"`
			Fail  int    `json:"fail"`
			Error string `json:"error"`
		} `json:"smoke"`
	} `json:"results"`
}

func readOutcomes(t *testing.T) outcomes {
	t.Helper()
	data, err := os.ReadFile("outcomes.json")
	if err != nil {
		t.Fatal(err)
	}
	var o outcomes
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatalf("outcomes.json: %v", err)
	}
	return o
}

// TestOutcomesCoverCorpus fails when a document was added to or removed
// from specs/ without `make realworld` recording it.
func TestOutcomesCoverCorpus(t *testing.T) {
	var files []string
	for _, ext := range []string{"*.yaml", "*.yml", "*.json"} {
		m, _ := filepath.Glob(filepath.Join("specs", ext))
		for _, p := range m {
			files = append(files, filepath.Base(p))
		}
	}
	var recorded []string
	for _, d := range readOutcomes(t).Documents {
		recorded = append(recorded, d.File)
	}
	slices.Sort(files)
	slices.Sort(recorded)
	if !slices.Equal(files, recorded) {
		t.Errorf("outcomes.json records %v\nbut specs/ holds %v: run make realworld", recorded, files)
	}
	if len(files) < 30 {
		t.Errorf("the corpus has %d documents; the scoreboard needs at least 30", len(files))
	}
}

// TestBuiltStillBuild is the fast subset: the fastCount smallest documents
// (under fastSize) that outcomes.json says nexmogen built are generated
// again, vetted, and their smoke tests (corpus/smoke: the generated client
// against the generated server over loopback) compiled and run, in a
// throwaway module off the network (the generated code needs only the
// standard library). It fails when one of them no longer generates, vets
// or compiles, or when its smoke test has a FAIL where outcomes.json
// records none. Then it proves that the smoke test can fail: the
// petstore's, with a query parameter changed on the way to the server,
// must report that ListPets disagrees.
func TestBuiltStillBuild(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), []byte("module corpus.test\n\ngo 1.26\n"))
	clean := map[string]fastDoc{} // package -> document, for those whose smoke test had no FAIL
	var pkgs []string
	nexmogen := buildNexmogen(t)
	for _, d := range fastSubset(readOutcomes(t)) {
		pkg := packageName(d.file)
		cmd := exec.Command(nexmogen, "-spec", filepath.Join("specs", d.file), "-out", filepath.Join(dir, pkg), "-package", pkg)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: built in REALWORLD.md, now refused (%v):\n%s", d.file, err, out)
			continue
		}
		if err := smoke.WriteSpec(filepath.Join(dir, pkg), filepath.Join("specs", d.file)); err != nil {
			t.Errorf("%s: writing the smoke test: %v", d.file, err)
			continue
		}
		if d.cleanSmoke {
			clean[pkg] = d
		}
		pkgs = append(pkgs, "./"+pkg)
	}
	if len(pkgs) == 0 {
		t.Fatal("no document of the fast subset generated")
	}
	t.Logf("the fast subset: %v", pkgs)
	if _, ok := goIn(t, dir, nil, append([]string{"vet"}, pkgs...)...); !ok {
		return
	}
	out, _ := goIn(t, dir, nil, append([]string{"test", "-count=1", "-json", "-run", "^TestSmoke$"}, pkgs...)...)
	checkSmoke(t, out, clean)
	if _, ok := clean["oaipetstore"]; ok {
		checkSmokeFails(t, dir)
	}
}

// buildNexmogen builds the command (the same generator as the library)
// without the race detector the test binary may carry, which would make
// generation many times slower.
func buildNexmogen(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "nexmogen")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/nexmogen")
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building nexmogen: %v\n%s", err, out)
	}
	return bin
}

// fastDoc is a document of the fast subset.
type fastDoc struct {
	file       string
	cleanSmoke bool
	// operations is the number of smoke outcomes outcomes.json records
	// (a document of webhooks only has none).
	operations int
}

// fastCount bounds the fast subset, to keep make test within seconds.
const fastCount = 6

func fastSubset(o outcomes) []fastDoc {
	docs := o.Documents
	slices.SortStableFunc(docs, func(a, b document) int { return int(a.Size - b.Size) })
	var out []fastDoc
	for _, d := range docs {
		r := d.Results["nexmogen"]
		if d.Size > fastSize || r.Outcome != "built" || len(out) == fastCount {
			continue
		}
		fd := fastDoc{file: d.File, cleanSmoke: r.Smoke != nil && r.Smoke.Error == "" && r.Smoke.Fail == 0}
		if r.Smoke != nil {
			fd.operations = r.Smoke.OK + r.Smoke.Skip + r.Smoke.Fail
		}
		out = append(out, fd)
	}
	return out
}

// checkSmoke reads go test -json output and fails on a FAIL line of a
// package whose smoke test outcomes.json records as clean.
func checkSmoke(t *testing.T, out string, clean map[string]fastDoc) {
	t.Helper()
	output := map[string]*strings.Builder{}
	for _, line := range strings.Split(out, "\n") {
		var ev struct{ Package, Output string }
		if json.Unmarshal([]byte(line), &ev) != nil || ev.Package == "" {
			continue
		}
		if output[ev.Package] == nil {
			output[ev.Package] = &strings.Builder{}
		}
		output[ev.Package].WriteString(ev.Output)
	}
	for pkg, d := range clean {
		file := d.file
		o := output["corpus.test/"+pkg]
		if o == nil {
			t.Errorf("%s: no smoke output", file)
			continue
		}
		lines := smoke.Lines(o.String())
		for _, l := range lines {
			if f := strings.Fields(l); len(f) < 2 || f[1] == "FAIL" {
				t.Errorf("%s: smoke %s (REALWORLD.md records no FAIL)", file, l)
			}
		}
		if len(lines) != d.operations {
			t.Errorf("%s: the smoke test printed %d outcomes, outcomes.json records %d:\n%s", file, len(lines), d.operations, o)
		}
	}
}

// checkSmokeFails reruns the petstore's smoke test with the query
// parameter limit changed on the way in (SMOKE_TAMPER_QUERY, a seam of
// the smoke test for this check only): it must fail, naming ListPets.
func checkSmokeFails(t *testing.T, dir string) {
	t.Helper()
	out, ok := goIn(t, dir, []string{"SMOKE_TAMPER_QUERY=limit=2"}, "test", "-count=1", "-v", "-run", "^TestSmoke$", "./oaipetstore")
	if ok {
		t.Errorf("the tampered smoke test passed:\n%s", out)
	}
	want := `ListPets FAIL the server received another Params: want {"Limit":1}, got {"Limit":2}`
	if !slices.Contains(smoke.Lines(out), want) {
		t.Errorf("the tampered smoke test did not report %q:\n%s", want, out)
	}
}

// packageName is the runner's: the file name's letters and digits.
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

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// goIn runs the go command off the network and returns its output and
// whether it succeeded; without env, a failure fails the test with the
// output (the compiler's errors name the document's package).
func goIn(t *testing.T, dir string, env []string, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil && env == nil {
		t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out), err == nil
}
