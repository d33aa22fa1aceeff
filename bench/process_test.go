package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The three generators' commands, built once per go test process into a
// temporary directory, as their users get them: nexmogen from the main
// module (its own go.mod), the peers with `go install pkg@version` at the
// versions bench/go.mod pins (each with its own go.mod's dependencies, not
// this module's).
var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

// command is how to build one generator's command.
type command struct {
	name, pkg string
	// module is the peer's module, whose pinned version is installed;
	// empty for nexmogen, built from the parent directory.
	module string
}

var commands = []command{
	{"nexmogen", "./cmd/nexmogen", ""},
	{"oapi-codegen", "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen", "github.com/oapi-codegen/oapi-codegen/v2"},
	{"ogen", "github.com/ogen-go/ogen/cmd/ogen", "github.com/ogen-go/ogen"},
}

// binaries builds the commands (once) and returns their directory.
func binaries(b *testing.B) string {
	b.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "nexmogen-bench-bin-")
		for _, c := range commands {
			if binErr == nil {
				binErr = c.build(binDir)
			}
		}
	})
	if binErr != nil {
		b.Fatal(binErr)
	}
	return binDir
}

// build puts c's binary into dir.
func (c command) build(dir string) error {
	var cmd *exec.Cmd
	if c.module == "" {
		cmd = exec.Command("go", "build", "-C", "..", "-o", filepath.Join(dir, c.name), c.pkg)
	} else {
		version, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", c.module).Output()
		if err != nil {
			return &buildError{c.name, err, version}
		}
		cmd = exec.Command("go", "install", c.pkg+"@"+strings.TrimSpace(string(version)))
		cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=-buildvcs=false")
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return &buildError{c.name, err, out}
	}
	return nil
}

type buildError struct {
	name string
	err  error
	out  []byte
}

func (e *buildError) Error() string {
	return "build " + e.name + ": " + e.err.Error() + "\n" + string(e.out)
}

// BenchmarkGenerateProcess runs each generator's command on the spec, the
// whole process (start, load, generate, format, write) per iteration, into
// an empty directory each time. Its cpu-ns/op is the command's own CPU
// time (user and system), from the process state. ogen reads gen/ogen.yaml, the copy of the
// spec that gen.sh rewrote for it (no XML, newSecret with one pattern).
func BenchmarkGenerateProcess(b *testing.B) {
	specPath, err := filepath.Abs("../spec/nexmo.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ogenSpec, err := filepath.Abs("gen/ogen.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		args func(out string) []string
	}{
		{"nexmogen", func(out string) []string {
			return []string{"-spec", specPath, "-out", filepath.Join(out, "nexmo")}
		}},
		{"oapi-codegen", func(out string) []string {
			return []string{"-config", filepath.Join(out, "cfg.yaml"), specPath}
		}},
		{"ogen", func(out string) []string {
			return []string{"-target", filepath.Join(out, "api"), "-package", "api", "-clean", "-loglevel", "error", ogenSpec}
		}},
	}
	for _, c := range cases {
		b.Run("spec/"+c.name, func(b *testing.B) {
			bin := filepath.Join(binaries(b), c.name)
			out := b.TempDir()
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				prepare(b, out)
				b.StartTimer()
				cmd := exec.Command(bin, c.args(out)...)
				cmd.Dir = out
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%s: %v\n%s", c.name, err, msg)
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			reportCPU(b, 0, int64(cpu))
		})
	}
}

// oapiConfig is oapi-codegen.yaml with the output in the current directory.
const oapiConfig = `package: oapi
generate:
  models: true
  client: true
  std-http-server: true
  strict-server: true
output: oapi.gen.go
`

// prepare empties out and writes oapi-codegen's configuration into it.
func prepare(b *testing.B, out string) {
	entries, err := os.ReadDir(out)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(out, "cfg.yaml"), []byte(oapiConfig), 0o644); err != nil {
		b.Fatal(err)
	}
}
