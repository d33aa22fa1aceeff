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
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"events.test/events"
)

// feed serves the operations; sent, when set, receives the index of each
// event once it is sent, and gate, when set, holds each send until the
// test says so.
type feed struct {
	events.UnimplementedHandler
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

// ResumeTicks sends the prices after Last-Event-ID (0 to Count-1; 204
// when none is left), each with its index as id, the first with a retry
// of 10ms; while cuts lasts, each connection is cut after cutAfter events
// (0: before the first), its writer failing mid-stream. lastIDs records
// the Last-Event-ID of each call ("-" when none).
func (f *resumer) ResumeTicks(_ context.Context, in *events.ResumeTicksInput) (events.ResumeTicksResponse, error) {
	f.mu.Lock()
	from := 0
	if in.Params.LastEventID == nil {
		f.lastIDs = append(f.lastIDs, "-")
	} else {
		f.lastIDs = append(f.lastIDs, *in.Params.LastEventID)
		n, err := strconv.Atoi(*in.Params.LastEventID)
		if err != nil {
			f.mu.Unlock()
			return nil, err
		}
		from = n + 1
	}
	cut := f.cuts > 0
	f.cuts--
	f.mu.Unlock()
	if from >= in.Params.Count {
		return events.ResumeTicks204Response{}, nil
	}
	return events.ResumeTicks200Response{Body: func(w events.SSEWriterOf[events.Price]) error {
		for i := from; i < in.Params.Count; i++ {
			if cut && i-from == f.cutAfter {
				return errors.New("the connection is cut")
			}
			ev := events.TypedSSEEvent[events.Price]{SSEEvent: events.SSEEvent{ID: fmt.Sprint(i)}, Value: events.Price{Symbol: "NEX", Cents: i}}
			if i == 0 {
				ev.Retry = 10 * time.Millisecond
			}
			if err := w.Send(ev); err != nil {
				return err
			}
		}
		if cut {
			return errors.New("the connection is cut after the last event")
		}
		return nil
	}}, nil
}

// resumer serves ResumeTicks, cutting its first connections.
type resumer struct {
	feed
	mu       sync.Mutex
	cuts     int
	cutAfter int
	lastIDs  []string
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

// readPrices ranges over a resumed stream: the cents of the events read,
// and the error that ended it, if any.
func readPrices(s *events.SSEStreamOf[events.Price]) ([]int, error) {
	var got []int
	for ev, err := range s.All() {
		if err != nil {
			return got, err
		}
		if ev.ID != fmt.Sprint(ev.Value.Cents) {
			return got, fmt.Errorf("event %+v has another id", ev)
		}
		got = append(got, ev.Value.Cents)
	}
	return got, nil
}

// TestEventsResume: the server cuts the stream mid-way, three times, after
// four events each; called WithSSEReconnect(3) the client calls again
// with the last event's id as Last-Event-ID, after the 10ms the stream's
// retry asked for, and reads every event once, in order. Without it the
// cut is an error (the server cuts the connection: a stream cut short is
// not a stream that ended).
func TestEventsResume(t *testing.T) {
	f := &resumer{cuts: 3, cutAfter: 4}
	c := client(t, events.NewServer(f))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := c.ResumeTicks(ctx, events.ResumeTicksParams{Count: 20}, events.WithSSEReconnect(3))
	if err != nil {
		t.Fatal(err)
	}
	got, err := readPrices(s)
	if err != nil {
		t.Fatalf("after %v: %v", got, err)
	}
	if fmt.Sprint(got) != fmt.Sprint(seq(0, 20)) {
		t.Fatalf("events %v, want 0 to 19 once each", got)
	}
	if want := "[- 3 7 11]"; fmt.Sprint(f.lastIDs) != want {
		t.Fatalf("Last-Event-ID of the calls %v, want %s", f.lastIDs, want)
	}
	if s.LastEventID() != "19" {
		t.Fatalf("LastEventID() = %q", s.LastEventID())
	}

	f = &resumer{cuts: 1, cutAfter: 4}
	c = client(t, events.NewServer(f))
	s, err = c.ResumeTicks(ctx, events.ResumeTicksParams{Count: 20})
	if err != nil {
		t.Fatal(err)
	}
	got, err = readPrices(s)
	if err == nil || fmt.Sprint(got) != fmt.Sprint(seq(0, 4)) {
		t.Fatalf("without WithSSEReconnect: %v, %v; want events 0 to 3, then the cut's error", got, err)
	}
	if errors.Is(err, events.ErrInvalidResponse) {
		t.Fatalf("a cut connection is not a malformed stream: %v", err)
	}
}

// TestEventsResumeGivesUp: a server that cuts every connection before an
// event is called again max times in a row, then the error ends the
// iteration; one that cuts after an event each time makes progress, and
// the count starts again after each event.
func TestEventsResumeGivesUp(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	f := &resumer{cuts: 100, cutAfter: 0}
	c := client(t, events.NewServer(f))
	s, err := c.ResumeTicks(ctx, events.ResumeTicksParams{Count: 5}, events.WithSSEReconnect(2), events.WithLastEventID("0"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	got, err := readPrices(s)
	if err == nil || len(got) != 0 {
		t.Fatalf("events %v, error %v; want none and an error", got, err)
	}
	if want := "[0 0 0]"; fmt.Sprint(f.lastIDs) != want {
		t.Fatalf("Last-Event-ID of the calls %v, want %s (the first call and two reconnections)", f.lastIDs, want)
	}
	// No event set a retry: each reconnection waited DefaultSSERetry.
	if d := time.Since(start); d < 2*events.DefaultSSERetry {
		t.Fatalf("the reconnections took %v, less than twice DefaultSSERetry", d)
	}

	f = &resumer{cuts: 100, cutAfter: 1}
	c = client(t, events.NewServer(f))
	s, err = c.ResumeTicks(ctx, events.ResumeTicksParams{Count: 6}, events.WithSSEReconnect(1))
	if err != nil {
		t.Fatal(err)
	}
	got, err = readPrices(s)
	if err != nil || fmt.Sprint(got) != fmt.Sprint(seq(0, 6)) {
		t.Fatalf("one event per connection: %v, %v", got, err)
	}
}

// TestEventsResumeEnds: a stream cut after its last event calls again,
// and the 204 (nothing after Last-Event-ID) ends it without error; a call
// after the last event gets the 204's nil stream; WithSSEReconnect(0), an
// empty or multi-line WithLastEventID, and WithHeader("Last-Event-ID")
// beside WithLastEventID are refused before anything is sent.
func TestEventsResumeEnds(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	f := &resumer{cuts: 1, cutAfter: 100}
	c := client(t, events.NewServer(f))
	s, err := c.ResumeTicks(ctx, events.ResumeTicksParams{Count: 6}, events.WithSSEReconnect(1))
	if err != nil {
		t.Fatal(err)
	}
	got, err := readPrices(s)
	if err != nil || fmt.Sprint(got) != fmt.Sprint(seq(0, 6)) {
		t.Fatalf("%v, %v", got, err)
	}
	if want := "[- 5]"; fmt.Sprint(f.lastIDs) != want {
		t.Fatalf("Last-Event-ID of the calls %v, want %s", f.lastIDs, want)
	}
	s, err = c.ResumeTicks(ctx, events.ResumeTicksParams{Count: 6}, events.WithSSEReconnect(1), events.WithLastEventID("5"))
	if err != nil || s != nil {
		t.Fatalf("after the last event: %v, %v; want the 204's nil stream", s, err)
	}
	for _, opt := range []events.CallOption{events.WithSSEReconnect(0), events.WithLastEventID(""), events.WithLastEventID("a\nb")} {
		if _, err := c.ResumeTicks(ctx, events.ResumeTicksParams{Count: 1}, opt); !errors.Is(err, events.ErrInvalidInput) {
			t.Errorf("an invalid option: %v, want ErrInvalidInput", err)
		}
	}
	if _, err := c.ResumeTicks(ctx, events.ResumeTicksParams{Count: 1}, events.WithLastEventID("1"), events.WithHeader("Last-Event-ID", "2")); !errors.Is(err, events.ErrInvalidInput) {
		t.Errorf("WithHeader beside WithLastEventID: %v, want ErrInvalidInput", err)
	}
}

// seq is [from, to).
func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}
