package runtime

import "strings"

// TypedError is the failure of an answer whose status the operation
// declares with a body (an exact status, a range such as 4XX, or
// "default"): the *APIError, with the raw body, and Value, the body
// decoded as the spec declares it. Read it with errors.As:
//
//	var nf *TypedError[NotFound]
//	if errors.As(err, &nf) { ... nf.Value ... nf.StatusCode ... }
//
// errors.Is with the Err... classes and errors.As with an *APIError work
// on it as on any failure. A failure whose body does not decode as
// declared (an HTML page from a proxy, another Content-Type) is a plain
// *APIError.
type TypedError[T any] struct {
	*APIError
	// Value is the decoded body.
	Value T
}

// Unwrap returns the *APIError.
func (e *TypedError[T]) Unwrap() error { return e.APIError }

// typedFailure marks the typed errors, which the redactor keeps as they
// are (their *APIError was built redacted).
func (e *TypedError[T]) typedFailure() {}

// failOf decodes the body of a failure as a T, by its Content-Type (JSON,
// XML, problem+json); it returns e itself when the body does not decode.
func failOf[T any](e *APIError, contentType string) error {
	var v T
	if err := unmarshal(mediaOf(contentType, e.Body), e.Body, &v); err != nil {
		return e
	}
	return &TypedError[T]{APIError: e, Value: v}
}

// failText is the failure of a response declared as text: its body as a
// string, when the answer's Content-Type is text.
func failText(e *APIError, contentType string) error {
	if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(contentType)), "text/") {
		return e
	}
	return &TypedError[string]{APIError: e, Value: string(e.Body)}
}
