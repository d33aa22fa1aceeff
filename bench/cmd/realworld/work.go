package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// cmdTimeout bounds every command the runner starts (a generator, a build).
const cmdTimeout = 10 * time.Minute

// work is the throwaway module every generator writes into: the bench
// module's requirements (so oapi-codegen's and ogen's output find their
// runtime libraries in the module cache), one folder per generator and
// document, and the peers' binaries.
type work struct {
	dir      string
	bench    string
	keep     bool
	versions map[string]string
}

func newWork(keep bool) (*work, error) {
	bench, err := filepath.Abs(".")
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(bench, "gen.sh")); err != nil {
		return nil, errors.New("run from bench/ (make realworld does)")
	}
	dir, err := os.MkdirTemp("", "realworld-")
	if err != nil {
		return nil, err
	}
	w := &work{dir: dir, bench: bench, keep: keep, versions: map[string]string{}}
	if err := w.writeModule(); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *work) close() {
	if w.keep {
		fmt.Fprintln(os.Stderr, "work directory:", w.dir)
		return
	}
	os.RemoveAll(w.dir)
}

var moduleLine = regexp.MustCompile(`(?m)^module .*$`)
var replaceLine = regexp.MustCompile(`(?m)^replace github.com/nexmogen/nexmogen => .*$`)

// writeModule copies bench/go.mod and go.sum under another module path,
// with the replace of nexmogen made absolute.
func (w *work) writeModule() error {
	mod, err := os.ReadFile(filepath.Join(w.bench, "go.mod"))
	if err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(w.bench, "go.sum"))
	if err != nil {
		return err
	}
	root := filepath.Dir(w.bench)
	mod = moduleLine.ReplaceAll(mod, []byte("module realworld.work"))
	mod = replaceLine.ReplaceAll(mod, []byte("replace github.com/nexmogen/nexmogen => "+root))
	if err := os.WriteFile(filepath.Join(w.dir, "go.mod"), mod, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(w.dir, "go.sum"), sum, 0o644)
}

// goEnv keeps every go command off the network: modules come from the
// cache the bench module already filled.
func goEnv() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
}

// exe runs a command in dir and returns its combined output; timedOut
// reports that cmdTimeout killed it.
func exe(dir string, name string, args ...string) (out string, err error, timedOut bool) {
	ctx, cancel := context.WithTimeout(context.Background(), cmdTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	var buf bytes.Buffer
	cmd.Stdout = &buf
	cmd.Stderr = &buf
	err = cmd.Run()
	return buf.String(), err, ctx.Err() != nil
}

// buildTools builds the peers' generators once, at the versions bench/go.mod
// pins, and records those versions.
func (w *work) buildTools(tools []string) error {
	for _, t := range tools {
		p, ok := peers[t]
		if !ok {
			if t == "nexmogen" {
				continue
			}
			return fmt.Errorf("unknown generator %q", t)
		}
		out, err, _ := exe(w.bench, "go", "build", "-o", filepath.Join(w.dir, "bin", t), p.pkg)
		if err != nil {
			return fmt.Errorf("building %s: %v\n%s", t, err, out)
		}
		if err := w.version(t); err != nil {
			return err
		}
	}
	return nil
}

// version records the version of the peer t that bench/go.mod pins.
func (w *work) version(t string) error {
	out, err, _ := exe(w.bench, "go", "list", "-m", "-f", "{{.Version}}", peers[t].module)
	if err != nil {
		return fmt.Errorf("version of %s: %v\n%s", t, err, out)
	}
	w.versions[t] = strings.TrimSpace(out)
	return nil
}

// gitCommit is the commit of the checkout the run measured.
func gitCommit() string {
	out, err, _ := exe(".", "git", "rev-parse", "--short", "HEAD")
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(out)
}
