package generator_test

import (
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestRoutesEndToEnd runs testdata/e2e/routes_test.go against the code of
// routes.txtar: the generated client against the generated server through
// overlapping templates (literal segments first) and segments that mix
// parameters with literal text ({Sid}.json, {name}.{ext}).
func TestRoutesEndToEnd(t *testing.T) {
	loopback(t, "routes.txtar", "routes", "routes_test.go")
}

// TestFragmentPathsClientOnly: paths told apart only by a URL fragment,
// an error when a server is generated (the golden case
// errors/fragment_paths.txtar records it), make a client with -generate
// client that calls each operation without the fragment
// (testdata/e2e/fragments_test.go, against a plain handler).
func TestFragmentPathsClientOnly(t *testing.T) {
	loopbackWith(t, "errors/fragment_paths.txtar", "fragments_test.go", generator.Options{Package: "fragments", Generate: "client"})
}
