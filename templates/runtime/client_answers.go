package runtime

import "io"

// reply is a response an operation declares, as the client reads it: the
// statuses it stands for, whether it has a body, and how to decode the
// body of a failure. An operation's method lists them (request.answers)
// when one of them changes how an answer is read: a 2xx without a body
// beside a success with one, or a failure with a typed body.
type reply struct {
	// status is the exact status; class the first digit of a range
	// ("4XX": 4); both 0 for "default".
	status, class int
	// empty marks a response declared without a body: a 2xx answer of it
	// succeeds with no value, whatever it carries.
	empty bool
	// fail, when set, wraps the *APIError of a failure of this response
	// with its decoded body (a *TypedError); nil when it has none.
	fail func(e *APIError, contentType string) error
}

// matches reports whether the answer stands for status, how closely: 3
// for its exact status, 2 for its range, 1 for "default", 0 for none.
func (a *reply) matches(status int) int {
	switch {
	case a.status != 0:
		if a.status == status {
			return 3
		}
	case a.class != 0:
		if status/100 == a.class {
			return 2
		}
	default:
		return 1
	}
	return 0
}

// answerOf is the declared answer that stands for status (the exact one,
// else its range, else "default"); nil when none does.
func (r *request) answerOf(status int) *reply {
	var best *reply
	score := 0
	for i := range r.answers {
		if s := r.answers[i].matches(status); s > score {
			best, score = &r.answers[i], s
		}
	}
	return best
}

// emptySuccess reports whether a 2xx status is one the operation declares
// without a body (204 beside a 200 with one, or a range without one), by
// its exact status or its range: "default" does not make a 2xx empty.
func (r *request) emptySuccess(status int) bool {
	a := r.answerOf(status)
	return a != nil && a.empty && (a.status != 0 || a.class != 0)
}

// discardBody ends an answer read for nothing: at most 4 KiB of what it
// carries is read, so that its connection can serve another call.
func discardBody(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 4<<10))
	_ = body.Close()
}

// typedFailure is implemented by every TypedError (client_typed_errors.go),
// which the redactor keeps as it is: its *APIError was built redacted.
type typedFailure interface{ typedFailure() }

// failure is the error of a failed answer: e, or the typed error of the
// declared response its status stands for. e's body was redacted when it
// was built, and so is what is decoded from it.
func (r *request) failure(e *APIError, contentType string) error {
	if e.Err != nil || e.StatusCode < 300 {
		return e
	}
	if a := r.answerOf(e.StatusCode); a != nil && a.fail != nil {
		return a.fail(e, contentType)
	}
	return e
}
