package nexmotest

import (
	"errors"
	"net/http"
	"sync"
)

// Fault is a failure the HTTP handler answers instead of doing the
// operation, so that a client's handling of rate limits and server errors
// can be tested: see FailNext.
type Fault struct {
	// Status is http.StatusTooManyRequests (429, answered with the
	// operation's error envelope and Retry-After) or
	// http.StatusInternalServerError (500).
	Status int
	// RetryAfter is the Retry-After of a 429, in seconds (0 or more).
	RetryAfter int
}

// faults are the failures waiting to be answered.
type faults struct {
	mu      sync.Mutex
	pending int
	fault   Fault
}

// FailNext makes the next n requests that reach an operation (after
// authentication and validation) answer fault instead, and change
// nothing; a later call replaces the earlier one, and n = 0 cancels it.
func (f *Fake) FailNext(n int, fault Fault) error {
	if n < 0 || fault.RetryAfter < 0 ||
		(fault.Status != http.StatusTooManyRequests && fault.Status != http.StatusInternalServerError) {
		return errors.New("nexmotest: FailNext takes n ≥ 0 and a 429 or 500 fault")
	}
	f.faults.mu.Lock()
	defer f.faults.mu.Unlock()
	f.faults.pending, f.faults.fault = n, fault
	return nil
}

// takeFault answers the fault due for this request, if any.
func (f *Fake) takeFault() (Fault, bool) {
	f.faults.mu.Lock()
	defer f.faults.mu.Unlock()
	if f.faults.pending == 0 {
		return Fault{}, false
	}
	f.faults.pending--
	return f.faults.fault, true
}
