package generator_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// realWorld is what each public spec under testdata/realworld does today:
// true generates code that builds and vets, false is refused with
// positioned "unsupported" diagnostics only. A change either way is news.
var realWorld = map[string]bool{
	"petstore.yaml":          true,
	"petstore-expanded.yaml": true,
	"vonage-account.yml":     false,
	"vonage-numbers.yml":     true,
}

// unsupportedLine is the only diagnostic a refused real spec may give.
var unsupportedLine = regexp.MustCompile(`^[^:]+:\d+:\d+: unsupported: `)

func TestRealWorldSpecs(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module realworld.test\n\ngo 1.26\n")
	built := 0
	for name, generates := range realWorld {
		data, err := os.ReadFile(filepath.Join("testdata", "realworld", name))
		if err != nil {
			t.Fatal(err)
		}
		pkg := packageOf(name)
		files, _, err := generator.Generate(data, name, generator.Options{Package: pkg})
		if err != nil {
			checkRefusal(t, name, err, generates)
			continue
		}
		if !generates {
			t.Errorf("%s: generated, but the table says it is refused: update realWorld and the README", name)
		}
		built++
		for _, f := range files {
			write(t, filepath.Join(dir, pkg, f.Name), string(f.Bytes))
		}
	}
	if built > 0 {
		goCmd(t, dir, "build", "./...")
		goCmd(t, dir, "vet", "./...")
	}
}

// checkRefusal asserts that a refused spec was expected to be refused and
// that every diagnostic is a positioned "unsupported" one.
func checkRefusal(t *testing.T, name string, err error, generates bool) {
	t.Helper()
	if generates {
		t.Errorf("%s: refused, but the table says it generates:\n%v", name, err)
		return
	}
	lines := strings.Split(err.Error(), "\n")
	for _, line := range lines {
		if !unsupportedLine.MatchString(line) {
			t.Errorf("%s: a diagnostic that is not a positioned \"unsupported\": %q", name, line)
		}
	}
	t.Logf("%s: refused with %d unsupported constructs", name, len(lines))
}

// packageOf makes a Go package name from a file name.
func packageOf(file string) string {
	base := strings.TrimSuffix(file, filepath.Ext(file))
	return strings.NewReplacer("-", "", ".", "").Replace(base)
}
