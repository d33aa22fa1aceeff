package runtime

import (
	"errors"
	"testing"
)

// TestAnswerOf: the exact status wins over its range, the range over
// "default"; emptiness counts only for an exact status or a range.
func TestAnswerOf(t *testing.T) {
	r := &request{answers: []reply{
		{status: 200},
		{status: 204, empty: true},
		{class: 2, empty: true},
		{status: 404, fail: failOf[answer]},
		{class: 4, fail: failText},
		{empty: true},
	}}
	for status, want := range map[int]bool{200: false, 204: true, 201: true, 299: true} {
		if got := r.emptySuccess(status); got != want {
			t.Errorf("emptySuccess(%d) = %v, want %v", status, got, want)
		}
	}
	if a := r.answerOf(404); a == nil || a.status != 404 {
		t.Errorf("answerOf(404) = %+v", a)
	}
	if a := r.answerOf(418); a == nil || a.class != 4 {
		t.Errorf("answerOf(418) = %+v", a)
	}
	if a := r.answerOf(503); a == nil || a.status != 0 || a.class != 0 {
		t.Errorf("answerOf(503) = %+v", a)
	}
	d := &request{answers: []reply{{empty: true}}}
	if d.emptySuccess(201) {
		t.Error("default made 201 empty")
	}
}

// TestFailure: a declared failure decodes into a TypedError that unwraps
// to its *APIError; one that does not decode stays the *APIError.
func TestFailure(t *testing.T) {
	r := &request{answers: []reply{{status: 404, fail: failOf[answer]}, {class: 4, fail: failText}}}
	e := &APIError{StatusCode: 404, Body: []byte(`{"name":"gone"}`)}
	err := r.failure(e, "application/json")
	var te *TypedError[answer]
	var ae *APIError
	if !errors.As(err, &te) || te.Value.Name != "gone" || !errors.As(err, &ae) || ae != e {
		t.Fatalf("failure(404) = %#v", err)
	}
	if got := r.failure(&APIError{StatusCode: 404, Body: []byte("<html>")}, "text/html"); got == nil || errors.As(got, &te) {
		t.Fatalf("an HTML 404 = %#v, want the *APIError", got)
	}
	var ts *TypedError[string]
	if got := r.failure(&APIError{StatusCode: 409, Body: []byte("busy")}, "text/plain; charset=utf-8"); !errors.As(got, &ts) || ts.Value != "busy" {
		t.Fatalf("failure(409) = %#v", got)
	}
	if got := r.failure(&APIError{StatusCode: 409, Body: []byte("{}")}, "application/json"); errors.As(got, &ts) {
		t.Fatalf("a JSON 409 for a text response = %#v", got)
	}
	if got := r.failure(&APIError{StatusCode: 500, Body: []byte("{}")}, "application/json"); errors.As(got, &te) {
		t.Fatalf("an undeclared 500 = %#v", got)
	}
}
