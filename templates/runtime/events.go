package runtime

import "time"

// SSEEvent is one server-sent event of a text/event-stream answer (the HTML
// standard's event stream format).
type SSEEvent struct {
	// Event is the event's type (its "event:" field); "" means "message".
	Event string
	// Data is the event's data: its "data:" lines joined with "\n".
	Data string
	// ID is the last event ID the stream set ("id:"), kept from one event
	// to the next as the standard says.
	ID string
	// Retry is the reconnection time the stream last asked for
	// ("retry:"), kept from one event to the next; 0 when none.
	Retry time.Duration
}

// TypedSSEEvent is a server-sent event whose data the spec declares: Value
// is Data decoded as JSON.
type TypedSSEEvent[T any] struct {
	SSEEvent
	// Value is the decoded data.
	Value T
}
