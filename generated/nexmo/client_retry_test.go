package nexmo_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// dropAfter runs count, then drops the connection without an answer.
func dropAfter(t *testing.T, count *atomic.Int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/number/buy" {
			reply(w, r, 200, balanceJSON, "")
			return
		}
		_ = r.ParseForm()
		count.Add(1)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		conn.Close()
	}
}

func TestBuyThenDroppedConnectionIsNotResent(t *testing.T) {
	for _, warm := range []bool{false, true} {
		var buys atomic.Int32
		c := newClient(t, dropAfter(t, &buys), nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 5}))
		if warm {
			// A kept-alive connection: net/http's own replay rules apply.
			if _, err := c.GetBalance(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		_, err := c.BuyNumber(t.Context(), nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
		if !errors.Is(err, nexmo.ErrOutcomeUnknown) {
			t.Errorf("warm %v: err = %v, want ErrOutcomeUnknown", warm, err)
		}
		if err != nil && !strings.Contains(err.Error(), "outcome unknown") {
			t.Errorf("the message does not say the outcome is unknown: %v", err)
		}
		if n := buys.Load(); n != 1 {
			t.Errorf("warm %v: the buy ran %d times, want 1", warm, n)
		}
	}
}

func TestReadDroppedConnectionIsRetried(t *testing.T) {
	var hits atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			conn, _, _ := http.NewResponseController(w).Hijack()
			conn.Close()
			return
		}
		reply(w, r, 200, balanceJSON, "")
	})
	b, err := newClient(t, h).GetBalance(t.Context())
	if err != nil || b.Value != 3.14159 || hits.Load() != 2 {
		t.Fatalf("GetBalance = %v, %v after %d attempts", b, err, hits.Load())
	}
}

func TestTruncatedBody(t *testing.T) {
	var hits atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "200")
		_, _ = w.Write([]byte(`{"error-code":"200",`))
	})
	c := newClient(t, h)
	_, err := c.GetBalance(t.Context())
	if !errors.Is(err, nexmo.ErrInvalidResponse) || hits.Load() != 3 {
		t.Errorf("GetBalance: %v after %d attempts, want ErrInvalidResponse after 3", err, hits.Load())
	}
	hits.Store(0)
	_, err = c.CancelNumber(t.Context(), nexmo.CancelNumberRequest{Country: "GB", MSISDN: "447700900000"})
	if !errors.Is(err, nexmo.ErrOutcomeUnknown) || hits.Load() != 1 {
		t.Errorf("CancelNumber: %v after %d attempts, want ErrOutcomeUnknown after 1", err, hits.Load())
	}
}

func TestUnsafeCallRetriedOnlyWhenConnectFails(t *testing.T) {
	var dials atomic.Int32
	refused := refusedAddr(t)
	hc := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			dials.Add(1)
			return (&net.Dialer{}).DialContext(ctx, network, refused)
		},
	}}
	c, err := nexmo.NewClient(testKey, testSecret, nexmo.WithBaseURL("http://"+refused), nexmo.WithHTTPClient(hc),
		nexmo.WithRetryPolicy(fastRetry))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.BuyNumber(t.Context(), nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
	if err == nil || errors.Is(err, nexmo.ErrOutcomeUnknown) {
		t.Errorf("a refused connection proves nothing was bought: %v", err)
	}
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "dial" {
		t.Errorf("err = %v, want the dial error in the chain", err)
	}
	if n := dials.Load(); n != int32(fastRetry.MaxAttempts) {
		t.Errorf("%d dials, want %d", n, fastRetry.MaxAttempts)
	}
}

func TestCanceledContextStopsRetries(t *testing.T) {
	trips := 0
	ctx, cancel := context.WithCancel(t.Context())
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		trips++
		cancel() // the caller gives up while the 503 is on its way
		return &http.Response{StatusCode: 503, Header: http.Header{"Content-Type": {"application/json"}},
			Body: io.NopCloser(strings.NewReader(`{"error-code":"503","error-code-label":"busy"}`)), Request: r}, nil
	})}
	c, err := nexmo.NewClient(testKey, testSecret, nexmo.WithHTTPClient(hc),
		nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 10, BaseDelay: time.Hour, MaxDelay: time.Hour}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.GetBalance(ctx)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, nexmo.ErrServer) || trips != 1 {
		t.Errorf("err = %v after %d attempts", err, trips)
	}
}

func TestConcurrentCalls(t *testing.T) {
	c := newClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, r, 200, balanceJSON, balanceXML)
	}))
	errs := make(chan error, 32)
	for range 32 {
		go func() {
			_, err := c.GetBalance(t.Context())
			errs <- err
		}()
	}
	for range 32 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
