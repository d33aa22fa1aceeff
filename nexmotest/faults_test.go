package nexmotest

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

func TestFailNextRejectsOtherFaults(t *testing.T) {
	f := newFake(t)
	for _, c := range []struct {
		n     int
		fault Fault
	}{{1, Fault{Status: 404}}, {-1, Fault{Status: 429}}, {1, Fault{Status: 429, RetryAfter: -1}}} {
		if err := f.FailNext(c.n, c.fault); err == nil {
			t.Errorf("FailNext(%d, %+v) accepted", c.n, c.fault)
		}
	}
}

func TestFaultsOverTheWire(t *testing.T) {
	w := newWire(t, nil)
	if err := w.f.FailNext(2, Fault{Status: http.StatusTooManyRequests, RetryAfter: 7}); err != nil {
		t.Fatal(err)
	}
	resp, body := w.do(request{method: "GET", path: "/account/get-balance", accept: "application/xml"})
	want := []string{"/accountBalance", "/accountBalance/error-code", "/accountBalance/error-code-label"}
	if got := xmlPaths(t, body); resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "7" || !slices.Equal(got, want) {
		t.Errorf("an injected 429: %d Retry-After %q %v", resp.StatusCode, resp.Header.Get("Retry-After"), got)
	}
	buy := url.Values{"country": {"GB"}, "msisdn": {"447700900000"}}
	if resp, _ := w.do(request{method: "POST", path: "/number/buy", form: buy}); resp.StatusCode != 429 {
		t.Errorf("the second injected 429: %d", resp.StatusCode)
	}
	if w.f.Owned(Query{}).Count != 0 {
		t.Errorf("a throttled buy took effect")
	}
	if resp, _ := w.do(request{method: "POST", path: "/number/buy", form: buy}); resp.StatusCode != 200 {
		t.Errorf("after the faults: %d, want 200", resp.StatusCode)
	}
	if err := w.f.FailNext(1, Fault{Status: http.StatusInternalServerError}); err != nil {
		t.Fatal(err)
	}
	resp, body = w.do(request{method: "GET", path: "/account/numbers"})
	if resp.StatusCode != 500 || jsonPaths(t, body)[0] != "/error-code" {
		t.Errorf("an injected 500: %d %s", resp.StatusCode, body)
	}
}

func TestClientRetriesReadsButNeverABuy(t *testing.T) {
	noWait := nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond})
	srv := NewServer(t, WithClientOptions(noWait))
	ctx := t.Context()
	if err := srv.Fake.FailNext(2, Fault{Status: http.StatusTooManyRequests}); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Client.GetBalance(ctx); err != nil {
		t.Errorf("a read after two 429s: %v, want success on the third attempt", err)
	}
	if err := srv.Fake.FailNext(1, Fault{Status: http.StatusInternalServerError}); err != nil {
		t.Fatal(err)
	}
	_, err := srv.Client.BuyNumber(ctx, nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
	if !errors.Is(err, nexmo.ErrServer) {
		t.Errorf("a buy answered 500: %v, want ErrServer and no retry", err)
	}
	if err := srv.Fake.FailNext(1, Fault{Status: http.StatusTooManyRequests}); err != nil {
		t.Fatal(err)
	}
	_, err = srv.Client.BuyNumber(ctx, nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
	var apiErr *nexmo.APIError
	if !errors.Is(err, nexmo.ErrRateLimited) || !errors.As(err, &apiErr) || apiErr.RequestID == "" {
		t.Errorf("a buy answered 429: %v, want ErrRateLimited with a request id, not retried", err)
	}
	if srv.Fake.Owned(Query{}).Count != 0 {
		t.Errorf("a failed buy was resent and took effect")
	}
}
