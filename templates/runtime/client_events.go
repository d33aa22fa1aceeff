package runtime

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"
)

// SSEStream is an answer of text/event-stream: All reads its events as they
// arrive, never holding the stream in memory. It is a Stream too: Body
// can be read as raw bytes instead. Close it when done (ranging over All
// to the end, or breaking out, closes it).
type SSEStream struct {
	Stream
}

// All iterates over the events until the stream ends (no error) or fails
// (the error, then the end). Comments are skipped; an event that the
// stream ends within is dropped. The body is closed when the iteration
// stops.
func (e *SSEStream) All() iter.Seq2[SSEEvent, error] {
	return func(yield func(SSEEvent, error) bool) {
		if e == nil || e.Body == nil {
			return
		}
		defer e.Body.Close()
		er := newEventReader(e.Body)
		for {
			ev, err := er.next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				yield(SSEEvent{}, fmt.Errorf("%s: reading the event stream: %w", packageName, err))
				return
			}
			if !yield(ev, nil) {
				return
			}
		}
	}
}

// Close closes the stream.
func (e *SSEStream) Close() error {
	if e == nil || e.Body == nil {
		return nil
	}
	return e.Body.Close()
}

// SSEStreamOf is an answer of text/event-stream whose events' data the spec
// declares: All decodes each event's data as JSON into a T.
type SSEStreamOf[T any] struct {
	SSEStream
}

// All iterates over the events, each with its data decoded. An event
// whose data does not decode (a "[DONE]" sentinel, say) is yielded with
// its raw Data and an error matching ErrInvalidResponse, and the
// iteration goes on unless the caller stops it; a failure to read the
// stream ends it.
func (e *SSEStreamOf[T]) All() iter.Seq2[TypedSSEEvent[T], error] {
	return func(yield func(TypedSSEEvent[T], error) bool) {
		for ev, err := range e.SSEStream.All() {
			if err != nil {
				yield(TypedSSEEvent[T]{SSEEvent: ev}, err)
				return
			}
			te := TypedSSEEvent[T]{SSEEvent: ev}
			if err := json.Unmarshal([]byte(ev.Data), &te.Value); err != nil {
				err = fmt.Errorf("%s: an event's data: %w: %w", packageName, ErrInvalidResponse, err)
				if !yield(te, err) {
					return
				}
				continue
			}
			if !yield(te, nil) {
				return
			}
		}
	}
}

// eventReader reads events from a text/event-stream body: lines end with
// CRLF, LF or CR; a line starting with ":" is a comment; a blank line
// dispatches the event, unless its data is empty; an event the stream
// ends within is dropped.
type eventReader struct {
	r     *bufio.Reader
	last  SSEEvent // the ID and Retry kept between events
	first bool
}

// newEventReader reads the events of body.
func newEventReader(body io.Reader) *eventReader {
	return &eventReader{r: bufio.NewReaderSize(body, 4<<10), first: true}
}

// next reads the next event; io.EOF when the stream ends.
func (er *eventReader) next() (SSEEvent, error) {
	var data strings.Builder
	ev := SSEEvent{ID: er.last.ID, Retry: er.last.Retry}
	hasData := false
	for {
		line, err := er.line()
		if err != nil {
			return SSEEvent{}, err
		}
		if line == "" {
			if !hasData {
				ev = SSEEvent{ID: er.last.ID, Retry: er.last.Retry}
				continue
			}
			ev.Data = strings.TrimSuffix(data.String(), "\n")
			return ev, nil
		}
		if line[0] == ':' {
			continue // a comment
		}
		name, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch name {
		case "event":
			ev.Event = value
		case "data":
			data.WriteString(value)
			data.WriteByte('\n')
			hasData = true
		case "id":
			if !strings.ContainsRune(value, 0) {
				ev.ID, er.last.ID = value, value
			}
		case "retry":
			if ms, err := strconv.ParseUint(value, 10, 32); err == nil {
				ev.Retry = time.Duration(ms) * time.Millisecond
				er.last.Retry = ev.Retry
			}
		}
	}
}

// maxEventLine caps one line of an event stream.
const maxEventLine = maxBodySize

// line reads one line without its end (CRLF, LF or CR).
func (er *eventReader) line() (string, error) {
	var b []byte
	for {
		c, err := er.r.ReadByte()
		if err != nil {
			// At io.EOF, the event the stream ends within, if any, is
			// dropped, as the standard says.
			return "", err
		}
		switch c {
		case '\n':
			return er.text(b), nil
		case '\r':
			if n, err := er.r.Peek(1); err == nil && n[0] == '\n' {
				_, _ = er.r.ReadByte()
			}
			return er.text(b), nil
		}
		if len(b) >= maxEventLine {
			return "", errEventLine
		}
		b = append(b, c)
	}
}

// text is a line as a string, without the byte order mark of the
// stream's first line.
func (er *eventReader) text(b []byte) string {
	if er.first {
		er.first = false
		b = bytes.TrimPrefix(b, []byte("\ufeff"))
	}
	return string(b)
}

// errEventLine is the failure of a line longer than maxEventLine.
var errEventLine = &eventError{"a line of the event stream is longer than 1 MiB"}

// eventError is a malformed event stream.
type eventError struct{ msg string }

// Error says what is wrong.
func (e *eventError) Error() string { return e.msg }

// Is makes it an ErrInvalidResponse.
func (e *eventError) Is(target error) bool { return target == ErrInvalidResponse }
