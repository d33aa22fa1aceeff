package generator_test

import "testing"

// TestCookieParamsEndToEnd runs testdata/e2e/cookie_params_test.go against
// the code of cookie_params.txtar: cookie parameters sent by the generated
// client and bound by the generated server.
func TestCookieParamsEndToEnd(t *testing.T) {
	loopback(t, "cookie_params.txtar", "cookies", "cookie_params_test.go")
}
