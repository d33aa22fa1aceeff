package runtime

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The classes of failure a caller branches on, matched with errors.Is. An
// *APIError matches the class of its status (the body's status code when
// the HTTP status says success); which statuses make each class is the
// API's (classAuthentication, ...: HTTP's meaning unless the description
// says otherwise with x-nexmogen-error-classes). ErrInvalidInput (a
// ValidationError, or a status of classInvalidInput) is declared with the
// validators.
var (
	// ErrAuthentication: the credentials were refused (by default 401 or
	// 403).
	ErrAuthentication = errors.New("authentication failed")
	// ErrActionFailed: the server understood the request and refused the
	// action (by default 409 or 422).
	ErrActionFailed = errors.New("action failed")
	// ErrRateLimited: too many requests (by default 429); APIError.RetryAfter
	// says how long to wait.
	ErrRateLimited = errors.New("rate limited")
	// ErrServer: the server failed (by default 5xx).
	ErrServer = errors.New("server error")
	// ErrInvalidResponse: the answer could not be understood (an HTML page,
	// a truncated or empty body, an unknown content type, a body over
	// 1 MiB, a redirect, which the client never follows, or a success
	// that lacks a property its schema requires).
	ErrInvalidResponse = errors.New("invalid response")
	// ErrOutcomeUnknown: a call that is not safe to repeat (a purchase, a
	// cancellation, an update) may have reached the server, but its answer
	// was lost. It was not resent; check the account's state before
	// trying again.
	ErrOutcomeUnknown = errors.New("outcome unknown: the request may have been carried out")
)

// maxErrorBody caps the body kept in an APIError, and every body read.
const maxBodySize = 1 << 20

// APIError is a failure answered by the server: an HTTP status of 300 or
// more, a body whose status code says failure under HTTP 2xx, or an answer
// that could not be decoded. Use errors.Is with the Err... classes, or
// errors.As to read its fields.
type APIError struct {
	// Operation is the Go method that failed, for example "BuyNumber".
	Operation string
	// StatusCode is the HTTP status.
	StatusCode int
	// Code is the status code the body carried, if any.
	Code string
	// Label is the reason the body gave, if any.
	Label string
	// RequestID is the request or trace id the server sent, for support
	// tickets (the first of the API's request id headers it sent).
	RequestID string
	// RetryAfter is the wait the server asked for (Retry-After), or 0.
	RetryAfter time.Duration
	// Body is the raw body, at most 1 MiB, with the API secret redacted.
	Body []byte
	// Err is why the answer could not be decoded, or nil.
	Err error
}

// Error describes the failure; it never contains the body. What the
// server sent (label, request id) is printed with its control and
// direction-changing characters escaped (\n, \x1b, \u202e), so that it
// cannot forge log lines.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString(packageName)
	b.WriteString(": ")
	b.WriteString(e.Operation)
	b.WriteString(": HTTP ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	if e.Code != "" {
		b.WriteString(", code ")
		b.WriteString(strconv.Quote(e.Code))
	}
	if e.Label != "" {
		b.WriteString(": ")
		b.WriteString(e.Label)
	}
	if e.RetryAfter > 0 {
		b.WriteString(" (retry after ")
		b.WriteString(e.RetryAfter.String())
		b.WriteString(")")
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	if e.RequestID != "" {
		b.WriteString(" [request id ")
		b.WriteString(e.RequestID)
		b.WriteString("]")
	}
	return escapeControls(b.String())
}

// escapeControls writes the control characters of s (C0, DEL, C1), the
// line and paragraph separators and the bidirectional controls as Go
// escapes, leaving everything else as it is.
func escapeControls(s string) string {
	if !hasControls(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasControls reports whether s holds a character escapeControls escapes.
func hasControls(s string) bool {
	for _, r := range s {
		if isControl(r) {
			return true
		}
	}
	return false
}

// isControl reports whether r is a control, separator or bidi character.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0x2028 || r == 0x2029 ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f
}

// Unwrap returns the decoding failure, if any.
func (e *APIError) Unwrap() error { return e.Err }

// Is matches the class of the failure: ErrAuthentication, ErrActionFailed,
// ErrRateLimited, ErrServer, ErrInvalidInput or ErrInvalidResponse.
func (e *APIError) Is(target error) bool {
	status := e.status()
	switch target {
	case ErrAuthentication:
		return inClass(status, classAuthentication)
	case ErrActionFailed:
		return inClass(status, classRefused)
	case ErrRateLimited:
		return inClass(status, classRateLimited)
	case ErrServer:
		return inClass(status, classServer)
	case ErrInvalidInput:
		return inClass(status, classInvalidInput)
	case ErrInvalidResponse:
		return e.Err != nil || (e.StatusCode >= 300 && e.StatusCode < 400)
	}
	return false
}

// status is the effective status: the HTTP status, or under HTTP 2xx the
// body's status code when it is a number.
func (e *APIError) status() int {
	if e.StatusCode >= 300 {
		return e.StatusCode
	}
	if n, err := strconv.Atoi(e.Code); err == nil {
		return n
	}
	return e.StatusCode
}

// retryable reports whether an idempotent call may be resent after e: a
// rate limit or a server failure.
func (e *APIError) retryable() bool {
	s := e.status()
	return inClass(s, classRateLimited) || inClass(s, classServer)
}

// inClass reports whether status lies in one of the ranges.
func inClass(status int, class []statusRange) bool {
	for _, r := range class {
		if status >= r.lo && status <= r.hi {
			return true
		}
	}
	return false
}

// redactor removes the client's secrets from whatever it returns.
type redactor struct {
	// params are the query parameters of secret API keys.
	params []string
	// spellings are the secrets as they may appear: raw, URL-escaped, and
	// inside HTTP Basic credentials.
	spellings []string
}

// add makes r redact secret, raw and URL-escaped.
func (r *redactor) add(secret string) {
	r.spellings = append(r.spellings, secret, url.QueryEscape(secret), url.PathEscape(secret))
}

// basicEncoding is how HTTP Basic sends a user and password.
func basicEncoding(user, password string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
}

// with returns a redactor that also redacts secrets (the secret-bearing
// values of one request), raw and URL-escaped.
func (r redactor) with(secrets ...string) redactor {
	if len(secrets) == 0 {
		return r
	}
	w := redactor{params: r.params, spellings: append([]string(nil), r.spellings...)}
	for _, s := range secrets {
		if s != "" {
			w.add(s)
		}
	}
	return w
}

// url redacts the secret query parameters in a URL, whatever their value.
func (r redactor) url(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "[unparsable URL]"
	}
	u.User = nil
	if len(r.params) > 0 && u.RawQuery != "" {
		parts := strings.Split(u.RawQuery, "&")
		for i, p := range parts {
			k, _, _ := strings.Cut(p, "=")
			if key, err := url.QueryUnescape(k); err != nil || slices.Contains(r.params, key) {
				parts[i] = k + "=REDACTED"
			}
		}
		u.RawQuery = strings.Join(parts, "&")
	}
	return r.text(u.String())
}

// text replaces every spelling of the secret in s.
func (r redactor) text(s string) string {
	for _, v := range r.spellings {
		if v != "" {
			s = strings.ReplaceAll(s, v, redacted)
		}
	}
	return s
}

// bytes replaces every spelling of the secret in b, in a copy.
func (r redactor) bytes(b []byte) []byte {
	s := string(b)
	if t := r.text(s); t != s {
		return []byte(t)
	}
	return []byte(s)
}

// err returns err with the URL of a *url.Error redacted and every error
// of its chain whose message shows a secret (but an *APIError, redacted
// when built) replaced by a redactedError,
// at every depth: what the caller can reach through errors.Unwrap,
// errors.As or a field shows no secret. Errors without a secret stay as
// they are, so errors.Is (the Err... classes, context errors), errors.As
// and Timeout keep working through the chain.
func (r redactor) err(err error) error {
	if err == nil {
		return nil
	}
	if ae, ok := err.(*APIError); ok {
		// Built redacted (Code, Label, RequestID, Body and Err): kept, so
		// that errors.As finds it, even if its text shows what a very
		// short secret spells by chance.
		return ae
	}
	if _, ok := err.(typedFailure); ok {
		return err // a TypedError: its *APIError was built redacted
	}
	if ue, ok := err.(*url.Error); ok {
		cp := *ue
		cp.URL = r.url(ue.URL)
		cp.Err = r.err(ue.Err)
		err = &cp
	}
	msg := err.Error()
	clean := r.text(msg)
	if clean == msg {
		return err
	}
	red := &redactedError{msg: clean, orig: err}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		if inner := u.Unwrap(); inner != nil {
			red.inner = []error{r.err(inner)}
		}
	case interface{ Unwrap() []error }:
		for _, inner := range u.Unwrap() {
			red.inner = append(red.inner, r.err(inner))
		}
	}
	return red
}

// redactedError stands for an error whose message showed a secret: it
// prints the message with the secret removed, and unwraps to the errors
// it wrapped, themselves redacted.
type redactedError struct {
	msg   string
	inner []error
	// orig is the error it replaces, kept for Timeout only: it is never
	// returned.
	orig error
}

// Error returns the redacted message.
func (e *redactedError) Error() string { return e.msg }

// GoString keeps %#v from printing the fields.
func (e *redactedError) GoString() string { return fmt.Sprintf("%q", e.msg) }

// Unwrap returns the wrapped errors, redacted.
func (e *redactedError) Unwrap() []error { return e.inner }

// Timeout reports whether the replaced error is a timeout.
func (e *redactedError) Timeout() bool {
	var t interface{ Timeout() bool }
	return errors.As(e.orig, &t) && t.Timeout()
}

// invalidInput wraps the validators' errors of an operation's input.
func invalidInput(op string, err error) error {
	return fmt.Errorf("%s: %s: %w", packageName, op, err)
}
