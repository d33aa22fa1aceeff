package generator_test

import "testing"

// TestRoutesEndToEnd runs testdata/e2e/routes_test.go against the code of
// routes.txtar: the generated client against the generated server through
// overlapping templates (literal segments first) and segments that mix
// parameters with literal text ({Sid}.json, {name}.{ext}).
func TestRoutesEndToEnd(t *testing.T) {
	loopback(t, "routes.txtar", "routes", "routes_test.go")
}
