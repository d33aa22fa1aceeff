package runtime

import (
	"bufio"
	"bytes"
	"context"
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
//
// Called with WithSSEReconnect, the stream resumes when its connection is
// cut: All calls the operation again with the Last-Event-ID header, as
// the HTML standard's EventSource does, and goes on with the events of
// the new answer.
type SSEStream struct {
	Stream
	// last holds the last event ID and retry time the stream set, kept
	// across reconnections.
	last SSEEvent
	// again calls the operation again (nil without WithSSEReconnect),
	// at most max times in a row without an event between them.
	again func(wait time.Duration, lastID string) (*Stream, error)
	max   int
}

// DefaultSSERetry is how long an event stream that reconnects waits before
// calling again when the stream has set no reconnection time ("retry:").
const DefaultSSERetry = 3 * time.Second

// WithSSEReconnect makes an event stream's All resume it when its
// connection is cut (the body fails before the server ends it): after the
// reconnection time the stream last set ("retry:", else DefaultSSERetry),
// the operation is called again, its request unchanged but for the
// Last-Event-ID header, which holds the last event ID received ("id:").
// It does so at most max times in a row without an event between them;
// then, or when calling again fails (a status that is not 2xx, or a
// failure to connect that the client's RetryPolicy gave up on), All
// yields the error. A declared 204 to a reconnection ends the
// stream. A stream the server ends cleanly is not resumed. max must be at
// least 1. A call that is not safe to repeat (POST) is sent again too:
// the server's Last-Event-ID handling decides what it means.
func WithSSEReconnect(max int) CallOption {
	return func(c *callConfig) error {
		if max < 1 {
			return fmt.Errorf("WithSSEReconnect: max must be at least 1, got %d", max)
		}
		c.reconnects = max
		return nil
	}
}

// WithLastEventID sends the Last-Event-ID header with id: an event stream
// then starts after that event (an SSEStream's LastEventID, kept by a
// client that resumes in another process). An empty id or one with a
// control character is refused.
func WithLastEventID(id string) CallOption {
	return func(c *callConfig) error {
		if id == "" || !validHeaderValue(id) {
			return fmt.Errorf("WithLastEventID: the id %q is empty or holds a control character", id)
		}
		c.lastEventID = id
		return nil
	}
}

// resumeBy makes the stream call r again with c when it is cut, under the
// caller's ctx, starting after the event the call started after
// (WithLastEventID).
func (e *SSEStream) resumeBy(ctx context.Context, c *Client, r *request) {
	e.max, e.last.ID = r.call.reconnects, r.lastEventID
	e.again = func(wait time.Duration, lastID string) (*Stream, error) {
		return c.again(ctx, r, wait, lastID)
	}
}

// again calls r once more for an event stream that reconnects, after
// wait, with the Last-Event-ID header set to lastID (when not ""): the
// new answer's stream, whose Body is nil when the operation answers none
// (a declared 204: the stream is over).
func (c *Client) again(ctx context.Context, r *request, wait time.Duration, lastID string) (*Stream, error) {
	if !r.rewind() {
		return nil, fmt.Errorf("%s: %s: reconnecting: the request's streamed body cannot be sent again", packageName, r.op)
	}
	if err := sleep(ctx, wait); err != nil {
		return nil, fmt.Errorf("%s: %s: reconnecting: %w", packageName, r.op, err)
	}
	again := *r
	again.lastEventID = lastID
	s := new(Stream)
	if err := c.exchange(ctx, &again, s); err != nil {
		return nil, err
	}
	return s, nil
}

// LastEventID is the last event ID the stream set ("id:"), "" when none:
// what WithLastEventID takes to resume it later.
func (e *SSEStream) LastEventID() string {
	if e == nil {
		return ""
	}
	return e.last.ID
}

// All iterates over the events until the stream ends (no error) or fails
// (the error, then the end). Comments are skipped; an event that the
// stream ends within is dropped. With WithSSEReconnect, a failure to read
// the stream calls the operation again instead (see WithSSEReconnect).
// The body is closed when the iteration stops.
func (e *SSEStream) All() iter.Seq2[SSEEvent, error] {
	return func(yield func(SSEEvent, error) bool) {
		if e == nil || e.Body == nil {
			return
		}
		defer func() { _ = e.Close() }()
		tries := 0
		for {
			err := e.events(yield, &tries)
			switch {
			case err == nil:
				return
			case !e.resumes(err, tries):
				yield(SSEEvent{}, fmt.Errorf("%s: reading the event stream: %w", packageName, err))
				return
			}
			if err := e.resume(&tries); err != nil {
				yield(SSEEvent{}, err)
				return
			}
			if e.Body == nil {
				return // a 204: nothing more to stream
			}
		}
	}
}

// events yields the events of the current connection: nil when the
// stream ended or the caller stopped, else the failure to read it. Each
// event sets *tries back to 0.
func (e *SSEStream) events(yield func(SSEEvent, error) bool, tries *int) error {
	er := newEventReader(e.Body)
	er.last = e.last
	for {
		ev, err := er.next()
		e.last = er.last
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		*tries = 0
		if !yield(ev, nil) {
			return nil
		}
	}
}

// resumes reports whether a failure to read the stream calls again: a cut
// connection, not a malformed stream, while tries allow.
func (e *SSEStream) resumes(err error, tries int) bool {
	var malformed *eventError
	return e.again != nil && tries < e.max && !errors.As(err, &malformed)
}

// resume closes the cut body and calls again, after the stream's
// reconnection time, with its last event ID.
func (e *SSEStream) resume(tries *int) error {
	_ = e.Body.Close()
	e.Body = nil
	*tries++
	wait := e.last.Retry
	if wait <= 0 {
		wait = DefaultSSERetry
	}
	s, err := e.again(wait, e.last.ID)
	if err != nil {
		return err
	}
	e.Stream = *s
	return nil
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
