package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/nexmogen/nexmogen/corpus/smoke"
	"github.com/nexmogen/nexmogen/generator"
)

// allTools is every generator the table compares, in its column order.
var allTools = []string{"nexmogen", "oapi-codegen", "ogen"}

// peer is a generator the runner builds from the bench module's tools.
type peer struct {
	pkg    string // the main package, as bench/go.mod's tool directive names it
	module string
}

var peers = map[string]peer{
	"oapi-codegen": {"github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen", "github.com/oapi-codegen/oapi-codegen/v2"},
	"ogen":         {"github.com/ogen-go/ogen/cmd/ogen", "github.com/ogen-go/ogen"},
}

// oapiConfig is oapi-codegen's configuration for every document: models,
// client and the net/http server, in one package.
const oapiConfig = `package: %s
generate:
  models: true
  client: true
  std-http-server: true
output: %s
`

// runTool generates d with tool, then builds and vets what it wrote.
func (w *work) runTool(tool string, d *doc) *result {
	start := time.Now()
	dir := filepath.Join(tool, d.Package)
	if err := os.MkdirAll(filepath.Join(w.dir, dir), 0o755); err != nil {
		return &result{Outcome: outCrashed, Detail: []string{err.Error()}}
	}
	var r *result
	switch tool {
	case "nexmogen":
		r = w.nexmogen(d, dir)
	case "oapi-codegen":
		r = w.oapiCodegen(d, dir)
	case "ogen":
		r = w.ogen(d, dir)
	}
	if r == nil {
		r = w.buildAndVet(dir)
		if tool == "nexmogen" && r.Outcome == outBuilt {
			r.Smoke = w.smoke(dir, d.Path)
		}
		if tool == "nexmogen" {
			r.Warnings = d.Warnings
		}
	}
	r.Seconds = time.Since(start).Seconds()
	return r
}

// nexmogen generates in process, as the command does; nil means it wrote
// the package.
func (w *work) nexmogen(d *doc, dir string) (r *result) {
	data, err := os.ReadFile(d.Path)
	if err != nil {
		return &result{Outcome: outCrashed, Detail: []string{err.Error()}}
	}
	defer func() {
		if p := recover(); p != nil {
			stack := strings.Split(string(debug.Stack()), "\n")
			r = &result{Outcome: outCrashed, Detail: append([]string{fmt.Sprint("panic: ", p)}, stack...), Count: 1}
		}
	}()
	name := filepath.ToSlash(filepath.Join("corpus", "specs", d.File))
	files, warnings, err := generator.Generate(data, name, generator.Options{Package: d.Package, Files: os.DirFS(filepath.Dir(d.Path))}) // external $refs read beside it, as the command does
	if err != nil {
		lines := nonEmptyLines(err.Error())
		return &result{Outcome: outRefused, Count: len(lines), Detail: lines}
	}
	for _, wn := range warnings {
		d.Warnings = append(d.Warnings, wn.Error())
	}
	for _, f := range files {
		path := filepath.Join(w.dir, dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return &result{Outcome: outCrashed, Detail: []string{err.Error()}}
		}
		if err := os.WriteFile(path, f.Bytes, 0o644); err != nil {
			return &result{Outcome: outCrashed, Detail: []string{err.Error()}}
		}
	}
	return nil
}

func (w *work) oapiCodegen(d *doc, dir string) *result {
	cfg := filepath.Join(w.dir, dir, "config.yaml")
	out := filepath.Join(w.dir, dir, "oapi.gen.go")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(oapiConfig, d.Package, out)), 0o644); err != nil {
		return &result{Outcome: outCrashed, Detail: []string{err.Error()}}
	}
	abs, _ := filepath.Abs(d.Path)
	return w.peerRun("oapi-codegen", "-config", cfg, abs)
}

func (w *work) ogen(d *doc, dir string) *result {
	abs, _ := filepath.Abs(d.Path)
	return w.peerRun("ogen", "-target", filepath.Join(w.dir, dir), "-package", d.Package, "-clean", "-loglevel", "error", abs)
}

// peerRun runs a peer's generator; nil means it succeeded.
func (w *work) peerRun(tool string, args ...string) *result {
	out, err, timedOut := exe(w.dir, filepath.Join(w.dir, "bin", tool), args...)
	if timedOut {
		return &result{Outcome: outTimeout}
	}
	if err != nil {
		lines := nonEmptyLines(out)
		if len(lines) == 0 {
			lines = []string{err.Error()}
		}
		return &result{Outcome: outRefused, Count: len(lines), Detail: lines}
	}
	return nil
}

// buildAndVet compiles and vets the package in dir of the work module.
func (w *work) buildAndVet(dir string) *result {
	pkg := "./" + filepath.ToSlash(dir)
	out, err, timedOut := exe(w.dir, "go", "build", pkg)
	if timedOut {
		return &result{Outcome: outTimeout, Detail: []string{"go build"}}
	}
	if err != nil {
		lines := errorLines(out)
		return &result{Outcome: outCompile, Count: len(lines), Detail: lines}
	}
	out, err, timedOut = exe(w.dir, "go", "vet", pkg)
	if timedOut {
		return &result{Outcome: outTimeout, Detail: []string{"go vet"}}
	}
	if err != nil {
		lines := errorLines(out)
		return &result{Outcome: outVet, Count: len(lines), Detail: lines}
	}
	return &result{Outcome: outBuilt}
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// errorLines keeps the compiler's and vet's messages, not the "# package"
// headers go prints above them.
func errorLines(s string) []string {
	var out []string
	for _, l := range nonEmptyLines(s) {
		if !strings.HasPrefix(l, "# ") {
			out = append(out, l)
		}
	}
	return out
}

// smoke writes the package's smoke test (corpus/smoke) and runs it: the
// generated client against the generated server over loopback.
func (w *work) smoke(dir, spec string) *smokeResult {
	if err := smoke.WriteSpec(filepath.Join(w.dir, dir), spec); err != nil {
		return &smokeResult{Error: "writing the smoke test: " + err.Error()}
	}
	out, err, timedOut := exe(w.dir, "go", "test", "-count=1", "-v", "-run", "^TestSmoke$", "./"+filepath.ToSlash(dir))
	s := &smokeResult{Lines: smoke.Lines(out)}
	for _, l := range s.Lines {
		switch f := strings.Fields(l); {
		case len(f) > 1 && f[1] == "ok":
			s.OK++
		case len(f) > 1 && f[1] == "skip":
			s.Skip++
		default:
			s.Fail++
		}
	}
	if timedOut {
		s.Error = "timeout"
	} else if err != nil && s.Fail == 0 {
		s.Error = strings.Join(errorLines(out), "\n")
	}
	return s
}
