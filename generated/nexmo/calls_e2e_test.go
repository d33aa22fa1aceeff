package nexmo_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// callsHandler answers getBalance with a 500 first, then with a success
// carrying a request id; the other operations are not implemented (501).
type callsHandler struct {
	nexmo.UnimplementedHandler
	calls atomic.Int32
}

// GetBalance fails its first call.
func (h *callsHandler) GetBalance(context.Context, *nexmo.GetBalanceInput) (nexmo.GetBalanceResponse, error) {
	if h.calls.Add(1) == 1 {
		return nexmo.GetBalance500Response{Body: nexmo.BalanceError{ErrorCode: "500", ErrorCodeLabel: "busy"}}, nil
	}
	return nexmo.GetBalance200Response{Body: nexmo.Balance{Value: 1.5}, XRequestID: "req-7"}, nil
}

// callsRig is a generated server over loopback that records what its hook
// and the wire saw, and a client whose middleware records each attempt.
type callsRig struct {
	srv      *httptest.Server
	c        *nexmo.Client
	mu       sync.Mutex
	events   []string
	traces   []string
	attempts []string
}

// callsStart starts the rig.
func callsStart(t *testing.T) *callsRig {
	rig := &callsRig{}
	h := nexmo.NewServer(&callsHandler{},
		nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(srvKey, srvSecret)),
		nexmo.WithServerLogger(nil),
		nexmo.WithServerHook(func(r *http.Request, ev nexmo.ServerEvent) {
			rig.mu.Lock()
			defer rig.mu.Unlock()
			if ev.Duration <= 0 {
				t.Errorf("%s %s: duration %v", r.Method, r.URL.Path, ev.Duration)
			}
			rig.events = append(rig.events, fmt.Sprintf("%s %s %s %d", r.Method, ev.Operation, ev.Pattern, ev.Status))
		}))
	rig.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rig.mu.Lock()
		rig.traces = append(rig.traces, r.Header.Get("X-Trace-Id"))
		rig.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(rig.srv.Close)
	c, err := nexmo.NewClient(srvKey, srvSecret, nexmo.WithBaseURL(rig.srv.URL),
		nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 3}),
		nexmo.WithMiddleware(func(a nexmo.Attempt, req *http.Request, next nexmo.Send) (*http.Response, error) {
			resp, err := next(req)
			status := 0
			if err == nil {
				status = resp.StatusCode
			}
			rig.mu.Lock()
			rig.attempts = append(rig.attempts, fmt.Sprintf("%s %s #%d %s %d", a.Operation, a.Method, a.Number, req.URL.Path, status))
			rig.mu.Unlock()
			return resp, err
		}))
	if err != nil {
		t.Fatal(err)
	}
	rig.c = c
	return rig
}

// seen returns what the rig recorded, and forgets it.
func (rig *callsRig) seen() (events, traces, attempts string) {
	rig.mu.Lock()
	defer rig.mu.Unlock()
	events, traces, attempts = strings.Join(rig.events, "|"), strings.Join(rig.traces, "|"), strings.Join(rig.attempts, "|")
	rig.events, rig.traces, rig.attempts = nil, nil, nil
	return
}

// TestCallsEndToEnd: a call retried once gives back its metadata (status,
// request id, two attempts); its extra header reaches the server on both
// attempts; the middleware sees each attempt with the operation id; the
// server hook sees the pattern and status of each answer.
func TestCallsEndToEnd(t *testing.T) {
	rig := callsStart(t)
	var meta nexmo.ResponseMeta
	bal, err := rig.c.GetBalance(t.Context(), nexmo.WithResponse(&meta), nexmo.WithHeader("X-Trace-Id", "trace-1"))
	if err != nil || bal.Value != 1.5 {
		t.Fatalf("GetBalance = %+v, %v", bal, err)
	}
	if meta.StatusCode != 200 || meta.Attempts != 2 || meta.RequestID != "req-7" || meta.Header.Get("X-Request-Id") != "req-7" {
		t.Errorf("meta = %+v", meta)
	}
	events, traces, attempts := rig.seen()
	if want := "GET getBalance /account/get-balance 500|GET getBalance /account/get-balance 200"; events != want {
		t.Errorf("hook saw %q, want %q", events, want)
	}
	if traces != "trace-1|trace-1" {
		t.Errorf("the server got X-Trace-Id %q on its two attempts", traces)
	}
	if want := "getBalance GetBalance #1 /account/get-balance 500|getBalance GetBalance #2 /account/get-balance 200"; attempts != want {
		t.Errorf("middleware saw %q, want %q", attempts, want)
	}
}

// TestCallsServerHookOwnAnswers: the hook sees the answers the generated
// code makes itself, with the operation's path template (not the URL's
// path, nor the router's pattern): 400, 401, 404, 405, 415, 501.
func TestCallsServerHookOwnAnswers(t *testing.T) {
	rig := callsStart(t)
	for _, tc := range []struct {
		method, target, contentType string
		auth                        bool
	}{
		{"GET", "/account/numbers?size=500", "", true},
		{"GET", "/account/get-balance", "", false},
		{"GET", "/nowhere", "", true},
		{"DELETE", "/account/get-balance", "", true},
		{"POST", "/number/buy", "application/json", true},
		{"GET", "/account/get-pricing/outbound/sms?country=GB", "", true},
	} {
		req, err := http.NewRequestWithContext(t.Context(), tc.method, rig.srv.URL+tc.target, strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		if tc.auth {
			req.SetBasicAuth(srvKey, srvSecret)
		}
		if tc.contentType != "" {
			req.Header.Set("Content-Type", tc.contentType)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	want := strings.Join([]string{
		"GET listOwnedNumbers /account/numbers 400",
		"GET getBalance /account/get-balance 401",
		"GET   404",
		"DELETE   405",
		"POST buyNumber /number/buy 415",
		"GET getOutboundPricingByType /account/get-pricing/outbound/{type} 501",
	}, "|")
	if events, _, _ := rig.seen(); events != want {
		t.Errorf("hook saw\n%s\nwant\n%s", strings.ReplaceAll(events, "|", "\n"), strings.ReplaceAll(want, "|", "\n"))
	}
}

// TestCallsOptions: a header the call sets itself is refused before
// anything is sent; a per-call retry policy of one attempt gives back the
// failure's metadata; the page iterators take the call's options.
func TestCallsOptions(t *testing.T) {
	rig := callsStart(t)
	for _, name := range []string{"Authorization", "accept", "Content-Type"} {
		_, err := rig.c.GetBalance(t.Context(), nexmo.WithHeader(name, "x"))
		if !errors.Is(err, nexmo.ErrInvalidInput) || !strings.Contains(err.Error(), "is set by the call itself") {
			t.Errorf("WithHeader(%q): %v", name, err)
		}
	}
	if events, _, attempts := rig.seen(); events != "" || attempts != "" {
		t.Errorf("refused calls reached %q / %q", attempts, events)
	}
	var meta nexmo.ResponseMeta
	_, err := rig.c.GetBalance(t.Context(), nexmo.WithResponse(&meta), nexmo.WithCallRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1}))
	var ae *nexmo.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 500 || meta.StatusCode != 500 || meta.Attempts != 1 {
		t.Errorf("one attempt: %v, meta %+v", err, meta)
	}
	rig.seen()
	for _, err := range rig.c.OwnedNumbers(t.Context(), nexmo.ListOwnedNumbersParams{}, nexmo.WithHeader("X-Trace-Id", "walk"), nexmo.WithResponse(&meta),
		nexmo.WithCallRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1})) {
		if !errors.As(err, &ae) || ae.StatusCode != 501 {
			t.Errorf("walk: %v", err)
		}
	}
	if _, traces, _ := rig.seen(); traces != "walk" || meta.StatusCode != 501 || meta.Attempts != 1 {
		t.Errorf("the walk sent X-Trace-Id %q, meta %+v", traces, meta)
	}
}

// sharedHandler answers both number operations with one shared response.
type sharedHandler struct{ nexmo.UnimplementedHandler }

// unauthorized is a value of the shared type, a response of both.
var unauthorized = nexmo.NumbersUnauthorizedResponse{Body: nexmo.NumbersError{ErrorCode: "401", ErrorCodeLabel: "no"}, XRequestID: "shared-1"}

// ListOwnedNumbers answers with the shared response.
func (sharedHandler) ListOwnedNumbers(context.Context, *nexmo.ListOwnedNumbersInput) (nexmo.ListOwnedNumbersResponse, error) {
	return unauthorized, nil
}

// SearchAvailableNumbers answers with the same value, under its alias.
func (sharedHandler) SearchAvailableNumbers(context.Context, *nexmo.SearchAvailableNumbersInput) (nexmo.SearchAvailableNumbersResponse, error) {
	var alias nexmo.SearchAvailableNumbers401Response = unauthorized
	return alias, nil
}

// TestSharedResponseEndToEnd: the components/responses entry
// NumbersUnauthorized is one type, which both operations answer with.
func TestSharedResponseEndToEnd(t *testing.T) {
	srv := httptest.NewServer(nexmo.NewServer(sharedHandler{}, nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(srvKey, srvSecret))))
	defer srv.Close()
	c, err := nexmo.NewClient(srvKey, srvSecret, nexmo.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	_, err1 := c.ListOwnedNumbers(t.Context(), nexmo.ListOwnedNumbersParams{})
	_, err2 := c.SearchAvailableNumbers(t.Context(), nexmo.SearchAvailableNumbersParams{Country: "GB"})
	for _, err := range []error{err1, err2} {
		var ae *nexmo.APIError
		if !errors.As(err, &ae) || ae.StatusCode != 401 || ae.RequestID != "shared-1" || !errors.Is(err, nexmo.ErrAuthentication) {
			t.Errorf("%v, want the shared 401", err)
		}
	}
}
