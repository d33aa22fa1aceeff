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
	// 1 MiB, or a redirect, which the client never follows).
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

// Error describes the failure; it never contains the body.
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
	return b.String()
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

// err returns err with the URL of a *url.Error redacted and, should the
// secret still show in its message, wrapped so that it does not. The
// result keeps errors.Is, errors.As and Timeout working.
func (r redactor) err(err error) error {
	if err == nil {
		return nil
	}
	if ue, ok := err.(*url.Error); ok {
		cp := *ue
		cp.URL = r.url(ue.URL)
		err = &cp
	}
	msg := err.Error()
	if clean := r.text(msg); clean != msg {
		return &redactedError{msg: clean, err: err}
	}
	return err
}

// redactedError prints a message with the secret removed, and unwraps to
// the original error.
type redactedError struct {
	msg string
	err error
}

// Error returns the redacted message.
func (e *redactedError) Error() string { return e.msg }

// GoString keeps %#v from printing the wrapped error's fields.
func (e *redactedError) GoString() string { return fmt.Sprintf("%q", e.msg) }

// Unwrap returns the original error.
func (e *redactedError) Unwrap() error { return e.err }

// Timeout reports whether the wrapped error is a timeout.
func (e *redactedError) Timeout() bool {
	var t interface{ Timeout() bool }
	return errors.As(e.err, &t) && t.Timeout()
}

// invalidInput wraps the validators' errors of an operation's input.
func invalidInput(op string, err error) error {
	return fmt.Errorf("%s: %s: %w", packageName, op, err)
}
