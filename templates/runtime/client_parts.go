package runtime

import (
	"context"
	"net/http"
	"strings"
)

// answerParts is the answer of a response whose media types are of
// different kinds (a structured body, text, a byte stream, events) or
// carry different schemas: a generated struct with one pointer per part.
type answerParts interface {
	// answerMedia are the response's media types, in preference order.
	answerMedia() []string
	// answerFor sets the part of the i-th media type to a new value and
	// returns it: a pointer to decode a structured body into, a *string
	// for text, a *Stream (or *SSEStream, *SSEStreamOf[T]) for a stream.
	answerFor(i int) any
}

// partStream is a part that takes the answer's body unread: a Stream, and
// the SSEStream and SSEStreamOf that embed one.
type partStream interface {
	asStream() *Stream
}

// asStream is the Stream of a streamed part.
func (s *Stream) asStream() *Stream { return s }

// partsAnswer takes a 2xx answer into the part its Content-Type names. It
// bounds the call as a Stream does, until the answer's headers arrive,
// and hands that bound to a streamed part; a structured or text part is
// read as any answer.
type partsAnswer struct {
	Stream
	parts  answerParts
	target *Stream
	// resume, when set, is what an event stream part needs to reconnect
	// (WithSSEReconnect).
	resume func(resumable)
}

// answerInto makes the answer of a response with parts.
func answerInto(p answerParts) *partsAnswer { return &partsAnswer{parts: p} }

// pick is what an answer of contentType goes into, and whether that is
// text; nil when no declared media type takes it.
func (a *partsAnswer) pick(contentType string) (any, bool) {
	names := a.parts.answerMedia()
	i := pickMedia(names, contentType)
	if i < 0 {
		return nil, false
	}
	out := a.parts.answerFor(i)
	if s, ok := out.(partStream); ok {
		if rs, ok := out.(resumable); ok && a.resume != nil {
			a.resume(rs)
		}
		a.target = s.asStream()
		return a, false
	}
	return out, isTextMedia(names[i])
}

// handOver gives the body of a 2xx answer, unread, to the streamed part,
// with the call's bound.
func (a *partsAnswer) handOver(resp *http.Response) {
	a.target.stop, a.target.cancel = a.stop, a.cancel
	a.target.handOver(resp)
}

// handedOver reports whether a streamed part holds the answer's body.
func (a *partsAnswer) handedOver() bool { return a.target != nil && a.target.handedOver() }

// resumeBy keeps what an event stream part needs to reconnect.
func (a *partsAnswer) resumeBy(ctx context.Context, c *Client, r *request) {
	a.resume = func(rs resumable) { rs.resumeBy(ctx, c, r) }
}

// pickMedia is the index of the declared media type (names) an answer of
// contentType is in: the same type, else a declared range that holds it
// (image/*, */*), else a declared type of its format (JSON, XML,
// problem+json); the first when the answer says none; -1 when none fits.
func pickMedia(names []string, contentType string) int {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	if mt == "" {
		return 0
	}
	for i, n := range names {
		if n == mt {
			return i
		}
	}
	typ, _, _ := strings.Cut(mt, "/")
	for i, n := range names {
		if n == "*/*" || n == typ+"/*" {
			return i
		}
	}
	if m := mediaOf(mt, nil); m != mediaUnknown {
		for i, n := range names {
			if mediaOf(n, nil) == m {
				return i
			}
		}
	}
	return -1
}

// isTextMedia reports whether a declared media type is text read as it is
// (text/plain, text/csv): not a structured one (text/xml), nor events.
func isTextMedia(name string) bool {
	return strings.HasPrefix(name, "text/") && name != "text/event-stream" && mediaOf(name, nil) == mediaUnknown
}
