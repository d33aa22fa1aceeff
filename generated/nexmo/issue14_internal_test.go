package nexmo

// Regression tests of issue 14 that need the client's internals.

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// issue14Transport answers 503 to the first fails requests, then 200, and
// records the deadline each request's context carried.
type issue14Transport struct {
	mu        sync.Mutex
	fails     int
	deadlines []time.Time
}

func (tr *issue14Transport) RoundTrip(r *http.Request) (*http.Response, error) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	d, _ := r.Context().Deadline()
	tr.deadlines = append(tr.deadlines, d)
	status, body := 200, `{"value":1.5,"autoReload":false}`
	if len(tr.deadlines) <= tr.fails {
		status, body = 503, `{"error-code":"503","error-code-label":"busy"}`
	}
	return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// issue14CallBound is DefaultCallTimeout as the README documents it.
const issue14CallBound = 30 * time.Second

func TestIssue14Item07DeadlineRules(t *testing.T) {
	fast := RetryPolicy{MaxAttempts: 3, BaseDelay: time.Microsecond, MaxDelay: time.Millisecond}
	c, err := NewClient("key", "Secret123", WithRetryPolicy(fast))
	if err != nil {
		t.Fatal(err)
	}
	if c.http.Timeout != 0 {
		t.Errorf("the default client caps each attempt at %v: a caller's longer deadline would lose", c.http.Timeout)
	}
	// Without a deadline: one bound for the whole call, retries included.
	tr := &issue14Transport{fails: 2}
	c.http.Transport = tr
	start := time.Now()
	if _, err := c.GetBalance(context.Background()); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if len(tr.deadlines) != 3 {
		t.Fatalf("%d attempts, want 3", len(tr.deadlines))
	}
	for i, d := range tr.deadlines {
		if d.IsZero() || d != tr.deadlines[0] || d.Sub(start) > issue14CallBound+elapsed || d.Sub(start) < issue14CallBound {
			t.Errorf("attempt %d: deadline %v after the start, want the same %v bound for every attempt", i+1, d.Sub(start), issue14CallBound)
		}
	}
	// With the caller's deadline, longer than the bound: it wins.
	tr = &issue14Transport{fails: 1}
	c.http.Transport = tr
	ctx, cancel := context.WithTimeout(context.Background(), 2*issue14CallBound)
	defer cancel()
	want, _ := ctx.Deadline()
	if _, err := c.GetBalance(ctx); err != nil {
		t.Fatal(err)
	}
	for i, d := range tr.deadlines {
		if !d.Equal(want) {
			t.Errorf("attempt %d: deadline %v, want the caller's %v", i+1, d, want)
		}
	}
}

func TestIssue14Item08RefusedBeforeSendingIsFinal(t *testing.T) {
	var sent atomic.Int32
	c, err := NewClient("key", "Secret123", WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Microsecond, MaxDelay: time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	c.http.Transport = roundTrip(func(r *http.Request) (*http.Response, error) {
		sent.Add(1)
		return http.DefaultTransport.RoundTrip(r) // net/http refuses the header itself
	})
	c.baseURL = "http://127.0.0.1:1" // never reached
	c.userAgent = "x\r\nX-Evil: 1"   // as WithUserAgent used to accept
	if _, err := c.GetBalance(t.Context()); err == nil {
		t.Error("GetBalance with a bad header: no error")
	}
	_, err = c.BuyNumber(t.Context(), BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
	if err == nil || errors.Is(err, ErrOutcomeUnknown) {
		t.Errorf("BuyNumber with a bad header: %v; a request refused before it left has a known outcome", err)
	}
	if n := sent.Load(); n != 0 {
		t.Errorf("%d requests handed to the transport (and retried), want none", n)
	}
}

// roundTrip adapts a function to http.RoundTripper.
type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestIssue14Item06IteratorStopsAtTheBound(t *testing.T) {
	pages := 0
	items := 0
	var last error
	for _, err := range walkPages(1, 2, func(page int) ([]int, int, error) {
		pages++
		return []int{2 * page, 2*page + 1}, 0, nil // new full pages, forever
	}) {
		if err != nil {
			last = err
			break
		}
		items++
	}
	if pages != maxPages || !errors.Is(last, errTooManyPages) {
		t.Errorf("%d pages, %d items, error %v; want %d pages then errTooManyPages", pages, items, last, maxPages)
	}
}
