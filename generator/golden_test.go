package generator_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/*.txtar, testdata/warnings/*.txtar and testdata/errors/*.txtar")

// specShaped reports whether a generated file is shaped by the spec: a
// golden case records every such file, as sqlc's end-to-end cases do. The
// runtime copies (templates.Files) are the same for every spec and have
// their own tests (go test ./templates/runtime/); the cases compile them.
func specShaped(name string) bool {
	return !slices.ContainsFunc(templates.Files(), func(f templates.File) bool { return f.Name == name })
}

// goldenCases lists the archives: each holds spec.yaml, the expected
// warnings (warnings) when there are any, and either the expected files
// (out/NAME) or the expected diagnostics (error). testdata/warnings holds
// the cases whose point is a warning.
func goldenCases(t *testing.T) []string {
	t.Helper()
	var all []string
	for _, dir := range []string{"", "warnings", "errors"} {
		cases, err := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, cases...)
	}
	return all
}

// generateCase runs the generator on a case's spec, named spec.yaml in
// diagnostics.
func generateCase(t *testing.T, path string) (*archive, []generator.File, error) {
	a, files, _, err := generateCaseWarnings(t, path)
	return a, files, err
}

// generateCaseWarnings is generateCase with the warnings.
func generateCaseWarnings(t *testing.T, path string) (*archive, []generator.File, []*generator.Warning, error) {
	t.Helper()
	return generateCaseWith(t, path, generator.Options{})
}

// generateCaseWith is generateCaseWarnings with options: the package is
// "golden" unless opts names one, and the archive's other files are the
// spec's $ref targets.
func generateCaseWith(t *testing.T, path string, opts generator.Options) (*archive, []generator.File, []*generator.Warning, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := parseArchive(data)
	spec, ok := a.file("spec.yaml")
	if !ok {
		t.Fatalf("%s: no spec.yaml", path)
	}
	if opts.Package == "" {
		opts.Package = "golden"
	}
	opts.Files = a.inputs()
	files, warnings, err := generator.Generate(spec, "spec.yaml", opts)
	return a, files, warnings, err
}

// inputs are the files of an archive that are not expected outputs (out/,
// error and warnings): spec.yaml and the files its $refs read, as a directory.
func (a *archive) inputs() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.inputFiles() {
		fsys[f.name] = &fstest.MapFile{Data: f.data}
	}
	return fsys
}

// inputFiles are the archive's input files, in order.
func (a *archive) inputFiles() []archiveFile {
	var in []archiveFile
	for _, f := range a.files {
		if f.name != "error" && f.name != "warnings" && !strings.HasPrefix(f.name, "out/") {
			in = append(in, f)
		}
	}
	return in
}

func TestGolden(t *testing.T) {
	for _, path := range goldenCases(t) {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a, files, warnings, err := generateCaseWarnings(t, path)
			want := &archive{comment: a.comment, files: a.inputFiles()}
			if len(warnings) > 0 {
				var text strings.Builder
				for _, w := range warnings {
					text.WriteString(w.Error() + "\n")
				}
				want.files = append(want.files, archiveFile{name: "warnings", data: []byte(text.String())})
			}
			if err != nil {
				want.files = append(want.files, archiveFile{name: "error", data: []byte(err.Error() + "\n")})
			} else {
				for _, f := range files {
					if specShaped(f.Name) {
						want.files = append(want.files, archiveFile{name: "out/" + f.Name, data: f.Bytes})
					}
				}
			}
			got := want.format()
			old, _ := os.ReadFile(path)
			if *update {
				if string(old) != string(got) {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			if string(old) != string(got) {
				t.Errorf("%s differs from the generator's output (go test ./generator -update rewrites it):\n%s", path, firstDifference(string(old), string(got)))
			}
		})
	}
}

// firstDifference shows the first differing line of two texts.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

// TestGoldenCompiles builds and vets the whole output (runtime included) of
// every case that generates, as packages of one throwaway module.
func TestGoldenCompiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module golden.test\n\ngo 1.26\n")
	n := 0
	for _, path := range goldenCases(t) {
		_, files, err := generateCase(t, path)
		if err != nil {
			continue
		}
		n++
		pkg := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".txtar"))
		for _, f := range files {
			write(t, filepath.Join(pkg, f.Name), string(f.Bytes))
		}
	}
	if n == 0 {
		t.Fatal("no golden case generates code")
	}
	goCmd(t, dir, "vet", "./...")
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// goCmd runs the go command in dir, failing the test with its output.
func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
}
