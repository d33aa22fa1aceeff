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
	"vonage-account.yml":     true,
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

// positionedLine is a diagnostic with its place: file:line:col: problem.
var positionedLine = regexp.MustCompile(`^[^:]+:\d+:\d+: `)

// TestOpenAINullVariantsNoPanic: OpenAI's 3.1 document crashed the 3.1
// reading (a nil oneOf variant: dropping {type: "null"} variants in place
// cleared the tail of a slice another schema shared). It must give only
// positioned diagnostics.
func TestOpenAINullVariantsNoPanic(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "corpus", "specs", "openai.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = generator.Generate(data, "openai.yaml", generator.Options{Package: "openai"})
	if err == nil {
		return // it generates: no panic either
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if !positionedLine.MatchString(line) {
			t.Errorf("a diagnostic without a position: %q", line)
		}
	}
}
