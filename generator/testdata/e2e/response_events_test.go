// This file is copied, with the code generated from ../response_events.txtar,
// into a throwaway module by generator/responses_e2e_test.go: server-sent
// events written by the generated server's SSEWriter and read by the
// generated client's iterator over loopback.
package events_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"events.test/events"
)

// feed serves the operations; sent, when set, receives the index of each
// event once it is sent, and gate, when set, holds each send until the
// test says so.
type feed struct {
	gate chan struct{}
}

func (f feed) StreamTicks(ctx context.Context, in *events.StreamTicksInput) (events.StreamTicksResponse, error) {
	if in.Params.Count < 0 {
		return events.StreamTicks400Response{Body: events.Problem{Title: "negative count"}}, nil
	}
	return events.StreamTicks200Response{Body: func(w *events.SSEWriter) error {
		if err := w.Comment("keep-alive"); err != nil {
			return err
		}
		for i := range in.Params.Count {
			if f.gate != nil {
				select {
				case <-f.gate:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			ev := events.SSEEvent{Event: "tick", ID: fmt.Sprint(i), Data: fmt.Sprintf("tick %d\nline two of %d", i, i)}
			if i == 0 {
				ev.Retry = 1500 * time.Millisecond
			}
			if err := w.Send(ev); err != nil {
				return err
			}
		}
		return nil
	}}, nil
}

func (feed) StreamPrices(_ context.Context, in *events.StreamPricesInput) (events.StreamPricesResponse, error) {
	return events.StreamPrices200Response{Body: func(w events.SSEWriterOf[events.Price]) error {
		for i := range in.Params.Count {
			ev := events.TypedSSEEvent[events.Price]{SSEEvent: events.SSEEvent{ID: fmt.Sprint(i)}, Value: events.Price{Symbol: "NEX", Cents: i}}
			if err := w.Send(ev); err != nil {
				return err
			}
		}
		return w.SSEWriter.Send(events.SSEEvent{Event: "end", Data: "[DONE]"})
	}}, nil
}

func (feed) RawFeed(context.Context, *events.RawFeedInput) (events.RawFeedResponse, error) {
	return events.RawFeed204Response{}, nil
}

func client(t *testing.T, h http.Handler) *events.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := events.NewClient(events.WithBaseURL(srv.URL), events.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestThousandEvents: 1,000 events, each of two data lines, with their
// type, id and retry, from the server's writer to the client's iterator.
func TestThousandEvents(t *testing.T) {
	c := client(t, events.NewServer(feed{}))
	s, err := c.StreamTicks(context.Background(), events.StreamTicksParams{Count: 1000})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.ContentType, "text/event-stream") {
		t.Errorf("Content-Type %q", s.ContentType)
	}
	n := 0
	for ev, err := range s.All() {
		if err != nil {
			t.Fatalf("event %d: %v", n, err)
		}
		want := events.SSEEvent{Event: "tick", ID: fmt.Sprint(n), Data: fmt.Sprintf("tick %d\nline two of %d", n, n), Retry: 1500 * time.Millisecond}
		if ev != want {
			t.Fatalf("event %d = %+v, want %+v", n, ev, want)
		}
		n++
	}
	if n != 1000 {
		t.Fatalf("read %d events, want 1000", n)
	}
}

// TestTypedEvents: 1,000 events whose data is a Price, then a sentinel
// that is not JSON: its error matches ErrInvalidResponse, with the raw
// data, and does not end the iteration.
func TestTypedEvents(t *testing.T) {
	c := client(t, events.NewServer(feed{}))
	s, err := c.StreamPrices(context.Background(), events.StreamPricesParams{Count: 1000})
	if err != nil {
		t.Fatal(err)
	}
	n, sentinel := 0, false
	for ev, err := range s.All() {
		if err != nil {
			if !errors.Is(err, events.ErrInvalidResponse) || ev.Data != "[DONE]" || ev.SSEEvent.Event != "end" {
				t.Fatalf("after %d events: %v (%+v)", n, err, ev)
			}
			sentinel = true
			continue
		}
		if ev.Value != (events.Price{Symbol: "NEX", Cents: n}) || ev.ID != fmt.Sprint(n) {
			t.Fatalf("event %d = %+v", n, ev)
		}
		n++
	}
	if n != 1000 || !sentinel {
		t.Fatalf("read %d events (sentinel %v), want 1000 and the sentinel", n, sentinel)
	}
}

// TestEventsFlushed: each event reaches the client as it is sent, before
// the server sends the next.
func TestEventsFlushed(t *testing.T) {
	gate := make(chan struct{})
	c := client(t, events.NewServer(feed{gate: gate}))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := c.StreamTicks(ctx, events.StreamTicksParams{Count: 3})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	gate <- struct{}{}
	for ev, err := range s.All() {
		if err != nil {
			t.Fatal(err)
		}
		if ev.ID != fmt.Sprint(n) {
			t.Fatalf("event %d has id %q", n, ev.ID)
		}
		n++
		if n < 3 {
			gate <- struct{}{} // the server sends the next only now
		}
	}
	if n != 3 {
		t.Fatalf("read %d events", n)
	}
}

// TestEventParsing reads a stream written by hand: comments, CRLF, CR
// and LF line ends, multi-line data, a field without a colon, an event
// without data (dropped), an id kept for the next events, a retry that is
// not a number (ignored), and an event the stream ends within (dropped).
func TestEventParsing(t *testing.T) {
	stream := "\ufeff: a comment\r\n" +
		"event: first\r\ndata: one\r\ndata:two\r\nid: 7\r\n\r\n" +
		"data\n\n" +
		"event: nodata\nid: 8\n\n" +
		"data:  spaced\rretry: 250\r\r" +
		"data: x\nretry: soon\n\n" +
		"data: unfinished"
	c := client(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, stream)
	}))
	s, err := c.StreamTicks(context.Background(), events.StreamTicksParams{Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []events.SSEEvent
	for ev, err := range s.All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ev)
	}
	want := []events.SSEEvent{
		{Event: "first", Data: "one\ntwo", ID: "7"},
		{Data: "", ID: "7"},
		{Data: " spaced", ID: "8", Retry: 250 * time.Millisecond},
		{Data: "x", ID: "8", Retry: 250 * time.Millisecond},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("events:\n got %+v\nwant %+v", got, want)
	}
}

// TestEventsRaw: the answer is a Stream too, its Body the raw bytes; a
// declared 204 is no stream at all; an error status is still an error.
func TestEventsRaw(t *testing.T) {
	c := client(t, events.NewServer(feed{}))
	s, err := c.StreamTicks(context.Background(), events.StreamTicksParams{Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(s.Body)
	s.Close()
	if err != nil || !strings.Contains(string(b), "data: tick 0\ndata: line two of 0\n\n") {
		t.Fatalf("raw body %q, %v", b, err)
	}
	f, err := c.RawFeed(context.Background())
	if err != nil || f != nil {
		t.Fatalf("RawFeed = %v, %v, want nil, nil (204)", f, err)
	}
	_, err = c.StreamTicks(context.Background(), events.StreamTicksParams{Count: -1})
	var pe *events.TypedError[events.Problem]
	if !errors.As(err, &pe) || pe.Value.Title != "negative count" {
		t.Fatalf("StreamTicks(-1) = %v", err)
	}
}
