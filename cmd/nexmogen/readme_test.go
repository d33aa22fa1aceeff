package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/spec"
)

// generatedMinGo is the oldest Go the generated code builds and vets with,
// as the README states it (slog.DiscardHandler is Go 1.24; iterators 1.23;
// ServeMux patterns 1.22).
const generatedMinGo = "1.24"

// moduleMinGo is the go line of nexmogen's own go.mod: the oldest Go a
// module that depends on nexmogen (go get -tool) can declare. kin-openapi
// v0.153.0 declares go 1.25.
const moduleMinGo = "1.25"

// The README's lines for a user's repository, run as they stand by the
// tests below (each must appear in the README verbatim).
const (
	readmeGetTool  = "go get -tool github.com/nexmogen/nexmogen/cmd/nexmogen"
	readmeGenTool  = "//go:generate go tool nexmogen -spec ../api/nexmo.yaml -out ."
	readmeGetRun   = "go get github.com/nexmogen/nexmogen/cmd/nexmogen"
	readmeGenRun   = "//go:generate go run github.com/nexmogen/nexmogen/cmd/nexmogen -spec ../api/nexmo.yaml -out ."
	readmeToolsGo  = "//go:build tools\n\npackage tools\n\nimport _ \"github.com/nexmogen/nexmogen/cmd/nexmogen\"\n"
	readmeTidy     = "go mod tidy"
	readmeGenerate = "go generate ./..."
	readmeVet      = "go vet ./..."
)

// readme is the repository's README.md.
func readme(t *testing.T) string {
	t.Helper()
	return readFile(t, filepath.Join(repoRoot(t), "README.md"))
}

// requireInREADME fails unless every line is in the README as written.
func requireInREADME(t *testing.T, lines ...string) {
	t.Helper()
	text := readme(t)
	for _, l := range lines {
		if !strings.Contains(text, l) {
			t.Errorf("README does not show %q", l)
		}
	}
}

// runLine runs a README line such as "go mod tidy" in dir.
func runLine(t *testing.T, dir string, env []string, line string) string {
	t.Helper()
	return goIn(t, dir, env, strings.Fields(line)[1:]...)
}

// offline is the environment of the README tests: the module cache only
// (as `make test` leaves it: its go mod tidy -diff check fetches the
// modules of the dependencies' tests, which go mod tidy loads) and no
// checksum database; nexmogen is this checkout through a replace. GOFLAGS
// keeps the default -mod=readonly, as a user has it: -mod=mod would let
// `go run` re-add a requirement that go mod tidy dropped.
var offline = []string{"GOPROXY=off", "GOSUMDB=off"}

// userModule writes a user's module at the given go version: go.mod as
// `go mod init` leaves it plus the replace that stands in for the module
// proxy, the spec in api/, and the package directory's one file.
func userModule(t *testing.T, goVersion, pkgFile string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/user\n\ngo " + goVersion + "\n\n" +
			"replace github.com/nexmogen/nexmogen => " + repoRoot(t) + "\n",
		"api/nexmo.yaml":    string(spec.YAML),
		"nexmo/generate.go": pkgFile,
	})
	return dir
}

// generateAndVet runs the README's go mod tidy, go generate and go vet
// and checks that the package was generated.
func generateAndVet(t *testing.T, dir string) {
	t.Helper()
	runLine(t, dir, offline, readmeTidy)
	runLine(t, dir, offline, readmeGenerate)
	if b, err := os.ReadFile(filepath.Join(dir, "nexmo", "models.go")); err != nil || !strings.HasPrefix(string(b), generator.Header) {
		t.Fatalf("go generate wrote no nexmo/models.go (%v)", err)
	}
	runLine(t, dir, offline, readmeVet)
}

// TestREADMEToolDirective follows the README's first recipe in a new
// module at the oldest go line a module using nexmogen can have: go get
// -tool, the //go:generate line, go mod tidy, go generate, go vet.
func TestREADMEToolDirective(t *testing.T) {
	requireInREADME(t, readmeGetTool, readmeGenTool, readmeTidy, readmeGenerate, readmeVet)
	dir := userModule(t, moduleMinGo, "// Package nexmo is generated from api/nexmo.yaml.\npackage nexmo\n\n"+readmeGenTool+"\n")
	runLine(t, dir, offline, readmeGetTool)
	generateAndVet(t, dir)
	if mod := readFile(t, filepath.Join(dir, "go.mod")); !strings.Contains(mod, "\ngo "+moduleMinGo+"\n") {
		t.Errorf("go get -tool changed the go line:\n%s", mod)
	}
}

// TestREADMEGoRunWithToolsGo follows the README's `go run` recipe: the
// tools.go blank import keeps the requirement through go mod tidy (without
// it tidy drops nexmogen and go generate fails).
func TestREADMEGoRunWithToolsGo(t *testing.T) {
	requireInREADME(t, readmeGetRun, readmeGenRun, readmeToolsGo)
	dir := userModule(t, moduleMinGo, "// Package nexmo is generated from api/nexmo.yaml.\npackage nexmo\n\n"+readmeGenRun+"\n")
	writeFiles(t, dir, map[string]string{"tools.go": readmeToolsGo})
	runLine(t, dir, offline, readmeGetRun)
	generateAndVet(t, dir)
}

// TestGeneratedCodeMinimumGo holds the README's minimum Go of the
// generated code: the Nexmo package vets in a module whose go line is
// generatedMinGo, and not in one a minor version older (so the stated
// minimum is the real one). The generated-code header is left out of the
// copies because vet's stdversion check, which reports standard library
// symbols newer than the go line, skips generated files.
func TestGeneratedCodeMinimumGo(t *testing.T) {
	requireInREADME(t, "The generated code needs Go "+generatedMinGo)
	files, _, err := generator.Generate(spec.YAML, spec.Path, generator.Options{Package: "nexmo"})
	if err != nil {
		t.Fatal(err)
	}
	vet := func(goVersion string) (string, bool) {
		dir := t.TempDir()
		pkg := map[string]string{"go.mod": "module example.com/user\n\ngo " + goVersion + "\n"}
		for _, f := range files {
			pkg["nexmo/"+f.Name] = strings.TrimPrefix(string(f.Bytes), generator.Header+"\n")
		}
		writeFiles(t, dir, pkg)
		out, err := goOut(dir, []string{"GOPROXY=off", "GOFLAGS=" + goflags("-mod=mod")}, "vet", "./...")
		return out, err == nil
	}
	if out, ok := vet(generatedMinGo); !ok {
		t.Errorf("the generated code does not vet at go %s:\n%s", generatedMinGo, out)
	}
	older := olderMinor(t, generatedMinGo)
	if out, ok := vet(older); ok {
		t.Errorf("the generated code also vets at go %s: lower the README's minimum (and generatedMinGo)", older)
	} else {
		t.Logf("go %s: %s", older, out)
	}
}

// TestModuleGoLine holds go.mod's go line at moduleMinGo, the README's
// figure for modules that use nexmogen.
func TestModuleGoLine(t *testing.T) {
	mod := readFile(t, filepath.Join(repoRoot(t), "go.mod"))
	if !strings.Contains(mod, "\ngo "+moduleMinGo+"\n") {
		t.Errorf("go.mod's go line is not %s", moduleMinGo)
	}
	requireInREADME(t, "`go "+moduleMinGo+"`")
}

// olderMinor is the Go version one minor release before v ("1.24" → "1.23").
func olderMinor(t *testing.T, v string) string {
	t.Helper()
	major, minor, _ := strings.Cut(v, ".")
	n, err := strconv.Atoi(minor)
	if err != nil || n == 0 {
		t.Fatalf("bad version %q", v)
	}
	return major + "." + strconv.Itoa(n-1)
}
