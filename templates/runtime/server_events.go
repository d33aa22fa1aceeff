package runtime

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// SSEWriter writes the events of a text/event-stream response, each
// flushed to the client as it is sent.
type SSEWriter struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

// Send writes one event and flushes it. Data may hold several lines; the
// event's type and id must be one line each. It fails once the client has
// gone: stop sending then.
func (w *SSEWriter) Send(ev SSEEvent) error {
	if err := writeEvent(w.w, ev); err != nil {
		return err
	}
	return w.rc.Flush()
}

// Comment writes a comment line, which clients ignore (a keep-alive), and
// flushes it.
func (w *SSEWriter) Comment(text string) error {
	if _, err := w.w.Write([]byte(": " + srvOneLine(text) + "\n\n")); err != nil {
		return err
	}
	return w.rc.Flush()
}

// SSEWriterOf writes events whose data the spec declares: Send encodes
// Value as JSON into the event's data.
type SSEWriterOf[T any] struct {
	*SSEWriter
}

// Send writes one event, its data the JSON of ev.Value, and flushes it.
func (w SSEWriterOf[T]) Send(ev TypedSSEEvent[T]) error {
	b, err := json.Marshal(ev.Value)
	if err != nil {
		return err
	}
	ev.SSEEvent.Data = string(b)
	return w.SSEWriter.Send(ev.SSEEvent)
}

// srvOneLine is text with its line breaks replaced by spaces.
func srvOneLine(text string) string {
	b := []byte(text)
	for i, c := range b {
		if c == '\r' || c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// srvSendEvents answers with an event stream: the status, then the
// events send writes, each flushed. A nil send answers no event. A
// failure of send, after the status, is logged.
func srvSendEvents(w http.ResponseWriter, status int, send func(*SSEWriter) error) error {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h["X-Content-Type-Options"] = srvNoSniff
	w.WriteHeader(status)
	ew := &SSEWriter{w: w, rc: http.NewResponseController(w)}
	if err := ew.rc.Flush(); err != nil {
		return &srvStreamError{err}
	}
	if send == nil {
		return nil
	}
	if err := send(ew); err != nil {
		return &srvStreamError{err}
	}
	return nil
}

// srvTypedEvents adapts a handler's typed writer function.
func srvTypedEvents[T any](send func(SSEWriterOf[T]) error) func(*SSEWriter) error {
	if send == nil {
		return nil
	}
	return func(w *SSEWriter) error { return send(SSEWriterOf[T]{w}) }
}

// errEventField refuses an event whose type or id is not one line.
var errEventField = errors.New("an event's type or id holds a line break or NUL")

// writeEvent writes ev in the event stream format: each line of its
// data a "data:" field, then a blank line. Its Event and ID must be one
// line each (newline characters in them are refused).
func writeEvent(w io.Writer, ev SSEEvent) error {
	if strings.ContainsAny(ev.Event, "\r\n") || strings.ContainsAny(ev.ID, "\r\n\x00") {
		return errEventField
	}
	var b strings.Builder
	if ev.Event != "" {
		b.WriteString("event: " + ev.Event + "\n")
	}
	if ev.ID != "" {
		b.WriteString("id: " + ev.ID + "\n")
	}
	if ev.Retry > 0 {
		b.WriteString("retry: " + strconv.FormatInt(ev.Retry.Milliseconds(), 10) + "\n")
	}
	data := strings.ReplaceAll(strings.ReplaceAll(ev.Data, "\r\n", "\n"), "\r", "\n")
	for line := range strings.SplitSeq(data, "\n") {
		b.WriteString("data: " + line + "\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
