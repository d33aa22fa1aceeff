package generator_test

import "testing"

// TestResponseAnswersEndToEnd runs testdata/e2e/response_answers_test.go
// against the code of response_answers.txtar: a 204 or 2XX declared
// without a body beside a 200 with one succeeds with no value, and each
// declared failure's body is a *TypedError that errors.As reaches.
func TestResponseAnswersEndToEnd(t *testing.T) {
	loopback(t, "response_answers.txtar", "answers", "response_answers_test.go")
}

// TestResponseEventsEndToEnd runs testdata/e2e/response_events_test.go
// against the code of response_events.txtar: 1,000 server-sent events,
// raw and typed, from the server's SSEWriter to the client's iterator,
// each flushed as it is sent, and a stream written by hand.
func TestResponseEventsEndToEnd(t *testing.T) {
	loopback(t, "response_events.txtar", "events", "response_events_test.go")
}

// TestResponsePartsEndToEnd runs testdata/e2e/response_parts_test.go
// against the code of response_parts.txtar: responses whose media types
// are of different kinds (JSON or events, a stream or JSON) or schemas
// (two JSON media types, XML, text), each part set by the handler and
// filled on the client by the answer's Content-Type, WithAccept choosing.
func TestResponsePartsEndToEnd(t *testing.T) {
	loopback(t, "response_parts.txtar", "parts", "response_parts_test.go")
}
