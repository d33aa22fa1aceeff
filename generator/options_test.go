package generator_test

import (
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/spec"
)

// TestInvalidPackageName: a package name that is no Go identifier is
// refused up front, in one line, rather than as a formatter's error over
// the whole source.
func TestInvalidPackageName(t *testing.T) {
	for _, name := range []string{"9lives", "func", "my-pkg", "a b"} {
		files, _, err := generator.Generate(spec.YAML, spec.Path, generator.Options{Package: name})
		if err == nil || files != nil {
			t.Errorf("%q: generated", name)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, name) {
			t.Errorf("%q: %q", name, msg)
		}
	}
}
