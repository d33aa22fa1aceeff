package generator_test

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/spec"
)

// positioned is the shape of every diagnostic: "spec.yaml:LINE:COL: ...".
var positioned = regexp.MustCompile(`^spec\.yaml:\d+:\d+: \S`)

// fuzzSeeds are the specs the fuzzer starts from: the embedded Nexmo spec,
// every golden and corpus case, and the real-world specs.
func fuzzSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	seeds := [][]byte{spec.YAML}
	archives, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	warns, _ := filepath.Glob(filepath.Join("testdata", "warnings", "*.txtar"))
	errs, _ := filepath.Glob(filepath.Join("testdata", "errors", "*.txtar"))
	for _, path := range slices.Concat(archives, warns, errs) {
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		if s, ok := parseArchive(data).file("spec.yaml"); ok {
			seeds = append(seeds, s)
		}
	}
	real, _ := filepath.Glob(filepath.Join("testdata", "realworld", "*.y*ml"))
	for _, path := range real {
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	return seeds
}

// checkGenerate is the fuzz property: Generate never panics; its warnings
// are positioned; it fails with positioned diagnostics, one per line, or
// returns files that start with
// the generated-code header and type-check as one package.
func checkGenerate(t *testing.T, data []byte) []generator.File {
	files, warnings, err := generator.Generate(data, "spec.yaml", generator.Options{Package: "fuzzed"})
	for _, w := range warnings {
		if !positioned.MatchString(w.Error()) || strings.Contains(w.Error(), "\n") {
			t.Errorf("warning without a position: %q", w.Error())
		}
	}
	if err != nil {
		if files != nil {
			t.Errorf("files returned with an error")
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !positioned.MatchString(line) {
				t.Errorf("diagnostic without a position: %q", line)
			}
		}
		return nil
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		if !bytes.HasPrefix(f.Bytes, []byte(generator.Header)) {
			t.Errorf("%s: no generated-code header", f.Name)
		}
		file, err := parser.ParseFile(fset, f.Name, f.Bytes, parser.SkipObjectResolution)
		if err != nil {
			t.Errorf("%s does not parse: %v", f.Name, err)
			continue
		}
		parsed = append(parsed, file)
	}
	if len(parsed) == len(files) {
		for _, err := range typeErrors(fset, parsed) {
			t.Errorf("does not compile: %v", err)
		}
	}
	return files
}

func FuzzGenerate(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkGenerate(t, data)
	})
}

// stdlib type-checks the standard library from source, once per process:
// generated code imports nothing else.
var stdlib = struct {
	sync.Mutex
	importer types.Importer
}{importer: importer.ForCompiler(token.NewFileSet(), "gc", nil)}

// typeErrors type-checks the generated package as the compiler would:
// code that parses but does not compile (a name declared twice, a wrong
// type) fails here, without running the go command.
func typeErrors(fset *token.FileSet, files []*ast.File) []error {
	stdlib.Lock()
	defer stdlib.Unlock()
	var errs []error
	conf := types.Config{Importer: stdlib.importer, Error: func(err error) { errs = append(errs, err) }}
	conf.Check(files[0].Name.Name, fset, files, nil)
	return errs
}

// TestTypeErrorsCatches proves the fuzz property can fail: a package that
// parses but declares a name twice and misuses a type does not pass.
func TestTypeErrorsCatches(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "bad.go", "package p\n\nimport \"strconv\"\n\nvar X = strconv.Itoa(\"1\")\n\nvar X int\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	if errs := typeErrors(fset, []*ast.File{f}); len(errs) < 2 {
		t.Errorf("want two type errors, got %v", errs)
	}
}

// TestFuzzCorpusCompiles builds and vets, with the go command, the output
// of every checked-in FuzzGenerate corpus entry that generates (fuzzing
// type-checks only). The seeds from fuzzSeeds are built by
// TestGoldenCompiles, TestRealWorldSpecs and the committed generated/nexmo.
func TestFuzzCorpusCompiles(t *testing.T) {
	entries, err := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzGenerate", "*"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module fuzzcorpus.test\n\ngo 1.26\n")
	n := 0
	for _, path := range entries {
		data := readCorpusEntry(t, path)
		files := checkGenerate(t, data)
		if files == nil {
			continue
		}
		n++
		pkg := filepath.Join(dir, "p"+strconv.Itoa(n))
		for _, f := range files {
			write(t, filepath.Join(pkg, f.Name), string(f.Bytes))
		}
	}
	t.Logf("%d of %d corpus entries generate", n, len(entries))
	if n > 0 {
		goCmd(t, dir, "vet", "./...")
	}
}

// readCorpusEntry decodes a "go test fuzz v1" file holding one []byte.
func readCorpusEntry(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", 2)
	if len(lines) != 2 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s: not a fuzz corpus file", path)
	}
	lit := strings.TrimSpace(lines[1])
	lit = strings.TrimSuffix(strings.TrimPrefix(lit, "[]byte("), ")")
	s, err := strconv.Unquote(lit)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return []byte(s)
}
