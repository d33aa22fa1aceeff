package generator_test

import "testing"

// TestResponseAnswersEndToEnd runs testdata/e2e/response_answers_test.go
// against the code of response_answers.txtar: a 204 or 2XX declared
// without a body beside a 200 with one succeeds with no value, and each
// declared failure's body is a *TypedError that errors.As reaches.
func TestResponseAnswersEndToEnd(t *testing.T) {
	loopback(t, "response_answers.txtar", "answers", "response_answers_test.go")
}
