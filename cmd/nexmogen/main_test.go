package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/spec"
)

// corpus is the generator's broken-spec corpus: txtar archives holding
// spec.yaml and the expected diagnostics (error).
const corpus = "../../generator/testdata/errors"

// section returns the named file of a txtar archive.
func section(t *testing.T, archive []byte, name string) []byte {
	t.Helper()
	marker := []byte("-- " + name + " --\n")
	i := bytes.Index(archive, marker)
	if i < 0 {
		t.Fatalf("no %q in archive", name)
	}
	rest := archive[i+len(marker):]
	if j := bytes.Index(rest, []byte("\n-- ")); j >= 0 {
		rest = rest[:j+1]
	}
	return rest
}

// inputs names the sections of an archive that are not its expected
// error: spec.yaml and the files its $refs read.
func inputs(archive []byte) []string {
	var names []string
	for _, line := range strings.Split(string(archive), "\n") {
		if name, ok := strings.CutPrefix(line, "-- "); ok && strings.HasSuffix(name, " --") {
			if name = strings.TrimSuffix(name, " --"); name != "error" {
				names = append(names, name)
			}
		}
	}
	return names
}

// snapshot records every file and directory under dir with its content and
// mode, to prove a failed run touched nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		entry := info.Mode().String()
		if !d.IsDir() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			entry += "\n" + string(data)
		}
		out[filepath.ToSlash(rel)] = entry
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// prefill gives an output directory what a real one holds: generated
// files from an earlier run, a hand-written file and a subdirectory.
func prefill(t *testing.T, dir string) {
	t.Helper()
	files := map[string]string{
		"models.go":      generator.Header + "\n\npackage nexmo\n\n// from an earlier run\n",
		"old_removed.go": generator.Header + "\n\npackage nexmo\n",
		"handwritten.go": "package nexmo\n\n// Mine: never touched.\n",
		"notes.txt":      "not Go\n",
		"sub/keep.go":    "package sub\n",
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestCorpusLeavesOutputUntouched runs every broken spec through the
// command: exit 1, exactly the expected positioned diagnostics on stderr,
// and the output directory byte for byte as it was.
func TestCorpusLeavesOutputUntouched(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join(corpus, "*.txtar"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			archive, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// The command runs in the case's directory, given the names
			// the diagnostics use: spec.yaml and the files its $refs read.
			dir := t.TempDir()
			t.Chdir(dir)
			specFile := "spec.yaml"
			want := string(section(t, archive, "error"))
			for _, name := range inputs(archive) {
				if err := os.MkdirAll(filepath.Dir(filepath.FromSlash(name)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.FromSlash(name), section(t, archive, name), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(dir, "out")
			prefill(t, out)
			before := snapshot(t, out)
			code, stdout, stderr := runCmd("-spec", specFile, "-out", out)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
			}
			if stdout != "" {
				t.Errorf("stdout not empty: %q", stdout)
			}
			assertSame(t, before, snapshot(t, out))
		})
	}
}

func assertSame(t *testing.T, before, after map[string]string) {
	t.Helper()
	for name, b := range before {
		if a, ok := after[name]; !ok {
			t.Errorf("%s was removed", name)
		} else if a != b {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s appeared", name)
		}
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"-no-such-flag"},
		{"stray-argument"},
		{"-check=maybe"},
		{"-spec"},
		{"-package", "9lives"},
		{"-package", "func"},
		{"-package", "my-pkg"},
	} {
		code, _, stderr := runCmd(args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "usage: nexmogen") {
			t.Errorf("%q: stderr has no usage: %q", args, stderr)
		}
	}
	if code, _, _ := runCmd("-h"); code != 0 {
		t.Errorf("-h: exit %d, want 0", code)
	}
}

// TestMissingSpecFile is an I/O failure, not a usage error: exit 1.
func TestMissingSpecFile(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runCmd("-spec", filepath.Join(out, "absent.yaml"), "-out", out)
	if code != 1 || !strings.Contains(stderr, "absent.yaml") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestWriteThenCheck writes the package, keeps hand-written files, removes
// stale generated ones, and -check then passes; a changed file makes
// -check fail with a unified diff and leaves the directory alone.
func TestWriteThenCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "nexmo")
	prefill(t, out)
	if code, _, stderr := runCmd("-out", out); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	for _, kept := range []string{"handwritten.go", "notes.txt", "sub/keep.go"} {
		if _, err := os.Stat(filepath.Join(out, kept)); err != nil {
			t.Errorf("hand-written %s: %v", kept, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "old_removed.go")); !os.IsNotExist(err) {
		t.Errorf("stale generated file kept: %v", err)
	}
	files, _, err := generator.Generate(spec.YAML, spec.Path, generator.Options{Package: "nexmo"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(out, f.Name))
		if err != nil || !bytes.Equal(got, f.Bytes) {
			t.Errorf("%s not written as generated: %v", f.Name, err)
		}
	}
	if code, stdout, stderr := runCmd("-out", out, "-check"); code != 0 || stdout != "" {
		t.Fatalf("fresh -check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	models := filepath.Join(out, "models.go")
	data, _ := os.ReadFile(models)
	edited := bytes.Replace(data, []byte("package nexmo"), []byte("package nexmo // edited"), 1)
	if err := os.WriteFile(models, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	code, stdout, stderr := runCmd("-out", out, "-check")
	if code != 1 {
		t.Errorf("stale -check: exit %d, want 1", code)
	}
	for _, want := range []string{"--- a/", "+++ b/", "models.go", "-package nexmo // edited", "+package nexmo", "@@ "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "stale") {
		t.Errorf("stderr: %q", stderr)
	}
	assertSame(t, before, snapshot(t, out))
}

// TestDeterministic generates the embedded spec twenty times: the same
// files, in the same order, with the same bytes.
func TestDeterministic(t *testing.T) {
	first, _, err := generator.Generate(spec.YAML, spec.Path, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 19 {
		again, _, err := generator.Generate(spec.YAML, spec.Path, generator.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != len(first) {
			t.Fatalf("%d files, then %d", len(first), len(again))
		}
		for i := range first {
			if again[i].Name != first[i].Name || !bytes.Equal(again[i].Bytes, first[i].Bytes) {
				t.Fatalf("run differs at %s", first[i].Name)
			}
		}
	}
}

// TestPackageFromOut: the package is named after -out when that is a
// lower-case identifier, and "nexmo" otherwise (a keyword included).
func TestPackageFromOut(t *testing.T) {
	for out, want := range map[string]string{
		"gen/nexmo": "nexmo", "gen/vonage": "vonage", "gen/func": "nexmo", "gen/My-API": "nexmo", "gen/v2": "v2",
	} {
		if got := packageName("", out); got != want {
			t.Errorf("packageName(%q) = %q, want %q", out, got, want)
		}
	}
}

// TestSpecOverFiles generates a spec whose $refs read other files of its
// directory tree from the disk (the command gives Generate the spec's
// directory).
func TestSpecOverFiles(t *testing.T) {
	archive, err := os.ReadFile("../../generator/testdata/refs_multi_file.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range inputs(archive) {
		if strings.HasPrefix(name, "out/") {
			continue
		}
		file := filepath.Join(dir, "api", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, section(t, archive, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "pets")
	code, _, stderr := runCmd("-spec", filepath.Join(dir, "api", "spec.yaml"), "-out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	models, err := os.ReadFile(filepath.Join(out, "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := string(section(t, archive, "out/models.go")); string(models) != strings.Replace(want, "package golden", "package pets", 1) {
		t.Errorf("models.go differs from the golden case's:\n%s", models)
	}
}
