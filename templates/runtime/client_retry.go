package runtime

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"sync/atomic"
	"time"
)

// RetryPolicy says how often and how patiently a failed call is resent.
//
// Which calls may be resent is decided per operation by the API
// description (the method, or the x-nexmogen-idempotent extension), never
// by the caller: a call that is safe to repeat (reads) is resent on 429,
// on 5xx and on connection failures; a call that is not (a purchase, a
// cancellation, an update) is resent only when the connection could not
// be opened, so it never runs twice. Between attempts the client waits
// the server's Retry-After when it sent one (and gives up, returning the
// error, when that is longer than MaxDelay), or else a random time between
// zero and min(MaxDelay, BaseDelay·2ⁿ) ("full jitter"). It stops as soon as
// ctx is done.
type RetryPolicy struct {
	// MaxAttempts counts every attempt, the first included; 1 turns
	// retries off.
	MaxAttempts int
	// BaseDelay is the cap of the first backoff.
	BaseDelay time.Duration
	// MaxDelay caps every backoff, and the Retry-After the client will
	// wait for.
	MaxDelay time.Duration
}

// DefaultRetryPolicy is the policy of a new client: 3 attempts, backoff
// from 250ms, waits of at most 10s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 3, BaseDelay: 250 * time.Millisecond, MaxDelay: 10 * time.Second}
}

// backoff is the wait before attempt n+1 (n ≥ 1), when the server named
// none: full jitter over a capped exponential.
func (p RetryPolicy) backoff(n int) time.Duration {
	ceiling := min(p.BaseDelay, p.MaxDelay)
	for i := 1; i < n && ceiling < p.MaxDelay; i++ {
		if ceiling > p.MaxDelay/2 {
			ceiling = p.MaxDelay
		} else {
			ceiling *= 2
		}
	}
	if ceiling <= 0 {
		return 0
	}
	return rand.N(ceiling)
}

// failure says how an attempt failed, for the retry decision.
type failure int

const (
	// failFinal: never resend (invalid request, a definitive answer).
	failFinal failure = iota
	// failConnect: the connection could not be opened; nothing was sent.
	failConnect
	// failTransport: the request may have reached the server, and no
	// usable answer came back.
	failTransport
	// failStatus: the server answered with a failure (*APIError).
	failStatus
	// failGarbled: a 2xx answer that could not be understood; the call
	// may well have been carried out.
	failGarbled
)

// retryWait decides whether attempt n (1-based) may be followed by another,
// and after how long.
func (c *Client) retryWait(r *request, n int, kind failure, err error) (time.Duration, bool) {
	if n >= r.retry.MaxAttempts {
		return 0, false
	}
	switch kind {
	case failConnect:
		return r.retry.backoff(n), true
	case failTransport:
		return r.retry.backoff(n), r.idempotent
	case failStatus:
		var ae *APIError
		if !r.idempotent || !errors.As(err, &ae) || !ae.retryable() {
			return 0, false
		}
		if ae.RetryAfter > 0 {
			return ae.RetryAfter, ae.RetryAfter <= r.retry.MaxDelay
		}
		return r.retry.backoff(n), true
	}
	return 0, false
}

// sleep waits d, or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// sendTrace records how far a request got, through httptrace. Hooks may
// run on the transport's goroutines, hence the atomics.
type sendTrace struct {
	wrote atomic.Bool
}

// with returns ctx carrying hooks that record the request's progress,
// composed with any trace the caller put on ctx.
func (t *sendTrace) with(ctx context.Context) context.Context {
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteHeaderField: func(string, []string) { t.wrote.Store(true) },
		WroteHeaders:     func() { t.wrote.Store(true) },
		WroteRequest:     func(httptrace.WroteRequestInfo) { t.wrote.Store(true) },
	})
}

// notSent reports whether err proves the request never left: the
// connection could not be dialled (a *net.OpError of Op "dial" in the
// chain: refused, unreachable, DNS failure, dial timeout) and the
// transport wrote nothing. Any other failure may have happened after the
// server received the request.
func (t *sendTrace) notSent(err error) bool {
	if t.wrote.Load() {
		return false
	}
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// retryAfter reads a Retry-After header: delay seconds or an HTTP date.
func retryAfter(h http.Header) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		switch {
		case s < 0:
			return 0
		case s > 86400:
			return 24 * time.Hour
		}
		return time.Duration(s) * time.Second
	}
	if at, err := http.ParseTime(v); err == nil {
		if d := time.Until(at); d > 0 {
			return d
		}
	}
	return 0
}

// requestID reads the first request or trace id header the server sent.
func requestID(h http.Header) string {
	for _, name := range requestIDHeaders {
		if v := h.Get(name); v != "" {
			return v
		}
	}
	return ""
}
