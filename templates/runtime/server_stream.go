package runtime

import (
	"io"
	"net/http"
	"strings"
)

// srvStreamError is a failure to write a streamed response after its
// status was sent: it is logged, and the answer is cut (the connection
// closed without the body's end).
type srvStreamError struct{ err error }

// Error says what failed.
func (e *srvStreamError) Error() string { return "streaming the body: " + e.err.Error() }

// Unwrap returns the failure.
func (e *srvStreamError) Unwrap() error { return e.err }

// afterStatus marks it as a failure after the status line.
func (e *srvStreamError) afterStatus() {}

// srvSendStream writes a streamed response: its Content-Type (the
// handler's, else the declared one, else application/octet-stream for a
// declared range such as image/*), the status, then the body as it is
// read, never held in memory; it closes a body that is an io.Closer.
func srvSendStream(w http.ResponseWriter, status int, contentType string, declared srvMedia, body io.Reader) error {
	if c, ok := body.(io.Closer); ok {
		defer c.Close()
	}
	if contentType == "" {
		contentType = declared.name
		if strings.Contains(contentType, "*") {
			contentType = "application/octet-stream"
		}
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h["X-Content-Type-Options"] = srvNoSniff
	w.WriteHeader(status)
	if body == nil {
		return nil
	}
	if _, err := io.Copy(w, body); err != nil {
		return &srvStreamError{err}
	}
	return nil
}

// srvSendText writes a text response, as UTF-8, in media m when the
// response offers it, else in its first media type.
func srvSendText(w http.ResponseWriter, status int, m srvMedia, body string, offers ...srvMedia) {
	if !srvContainsMedia(offers, m) {
		m = offers[0]
	}
	h := w.Header()
	h.Set("Content-Type", m.name+"; charset=utf-8")
	h["X-Content-Type-Options"] = srvNoSniff
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// srvTextBody binds a text request body into dst.
func srvTextBody(x *srvExchange, required bool, dst *string) error {
	if x.body == "" && required {
		return &srvBindError{srvWire{src: srvSrcBody}, "is required"}
	}
	*dst = x.body
	return nil
}
