package runtime

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
)

// getRequest is a request of an idempotent test operation.
func getRequest() *request {
	return &request{op: "Get", id: "getThing", method: "GET", path: "/x", idempotent: true}
}

// TestCallOptionsMeta: WithResponse gets the status, the headers, the
// request id and the number of attempts of a call that was retried, and
// WithHeader's header reaches the server on every attempt.
func TestCallOptionsMeta(t *testing.T) {
	var n atomic.Int32
	var traces sync.Map
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := n.Add(1)
		traces.Store(k, strings.Join(r.Header.Values("X-Trace"), ","))
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", fmt.Sprint("req-", k))
		w.Header().Set("X-Echo", "s3cret")
		if k == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, `{"name":"x"}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	var meta ResponseMeta
	var out answer
	err := c.do(context.Background(), getRequest(), &out, WithResponse(&meta), WithHeader("X-Trace", "t1"), WithHeader("x-trace", "t2"))
	if err != nil || out.Name != "x" {
		t.Fatalf("do: %v, %+v", err, out)
	}
	if meta.StatusCode != 200 || meta.Attempts != 2 || meta.RequestID != "req-2" || meta.Header.Get("Content-Type") != "application/json" {
		t.Errorf("meta = %+v", meta)
	}
	if got := meta.Header.Get("X-Echo"); got != redacted {
		t.Errorf("a header echoing the secret reads %q, want it redacted", got)
	}
	for _, k := range []int32{1, 2} {
		if v, _ := traces.Load(k); v != "t1,t2" {
			t.Errorf("attempt %d carried X-Trace %q", k, v)
		}
	}
	// A call that fails fills it too, with its own attempts only.
	n.Store(0)
	err = c.do(context.Background(), getRequest(), &out, WithResponse(&meta), WithCallRetryPolicy(RetryPolicy{MaxAttempts: 1}))
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 503 || meta.StatusCode != 503 || meta.Attempts != 1 || meta.RequestID != "req-1" {
		t.Errorf("one attempt: %v, meta %+v", err, meta)
	}
}

// TestCallOptionsRefused: the headers the call sets itself, bad names and
// values, a nil meta and a bad policy fail the call before anything is
// sent, matching ErrInvalidInput.
func TestCallOptionsRefused(t *testing.T) {
	var sent atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { sent.Add(1) }))
	defer srv.Close()
	c := newTestClient(t, srv)
	withParam := getRequest()
	withParam.headers = []string{"x-tenant"}
	for _, tc := range []struct {
		name string
		r    *request
		opt  CallOption
		want string
	}{
		{"authorization", getRequest(), WithHeader("authorization", "Bearer x"), "security scheme basicAuth"},
		{"api key header", getRequest(), WithHeader("X-Api-Key", "k"), "security scheme headerKey"},
		{"cookie key", getRequest(), WithHeader("Cookie", "sid=1"), "security scheme cookieKey"},
		{"accept", getRequest(), WithHeader("accept", "text/plain"), "WithXML"},
		{"content type", getRequest(), WithHeader("Content-Type", "text/plain"), "WithXML"},
		{"user agent", getRequest(), WithHeader("User-Agent", "me"), "WithUserAgent"},
		{"host", getRequest(), WithHeader("Host", "evil.example"), "net/http frames"},
		{"header parameter", withParam, WithHeader("X-Tenant", "t"), "a header parameter"},
		{"bad name", getRequest(), WithHeader("X Trace", "t"), "not an HTTP token"},
		{"bad value", getRequest(), WithHeader("X-Trace", "a\r\nB: c"), "control character"},
		{"nil meta", getRequest(), WithResponse(nil), "nil"},
		{"bad policy", getRequest(), WithCallRetryPolicy(RetryPolicy{}), "MaxAttempts"},
	} {
		err := c.do(context.Background(), tc.r, nil, tc.opt)
		if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrInvalidInput and %q", tc.name, err, tc.want)
		}
	}
	if sent.Load() != 0 {
		t.Errorf("%d requests were sent", sent.Load())
	}
	if err := c.do(context.Background(), getRequest(), nil, nil, WithHeader("X-Other", "1")); err != nil {
		t.Errorf("a nil option and a free header: %v", err)
	}
}

// TestMiddleware: each attempt passes through the middlewares, outermost
// first, with the operation and the attempt's number; the request carries
// the call's headers; a middleware may answer or fail by itself.
func TestMiddleware(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"name":"x"}`)
	}))
	defer srv.Close()
	var mu sync.Mutex
	var seen []string
	mw := func(tag string) Middleware {
		return func(a Attempt, req *http.Request, next Send) (*http.Response, error) {
			mu.Lock()
			seen = append(seen, fmt.Sprintf("%s %s %s %d %s", tag, a.Operation, a.Method, a.Number, req.Header.Get("X-Trace")))
			mu.Unlock()
			resp, err := next(req)
			if err == nil {
				mu.Lock()
				seen = append(seen, fmt.Sprintf("%s got %d", tag, resp.StatusCode))
				mu.Unlock()
			}
			return resp, err
		}
	}
	c := newTestClient(t, srv, WithMiddleware(mw("outer")), WithMiddleware(mw("inner")))
	var out answer
	if err := c.do(context.Background(), getRequest(), &out, WithHeader("X-Trace", "t")); err != nil {
		t.Fatal(err)
	}
	want := "outer getThing Get 1 t|inner getThing Get 1 t|inner got 500|outer got 500|" +
		"outer getThing Get 2 t|inner getThing Get 2 t|inner got 200|outer got 200"
	if got := strings.Join(seen, "|"); got != want {
		t.Errorf("middlewares saw\n%s\nwant\n%s", got, want)
	}
	if _, err := NewClient("key", "s3cret", WithMiddleware(nil)); err == nil {
		t.Error("a nil Middleware was taken")
	}
	// A middleware that answers by itself, with no body, and one that
	// returns nothing at all.
	c2, _ := NewClient("key", "s3cret", WithBaseURL(srv.URL), WithMiddleware(func(Attempt, *http.Request, Send) (*http.Response, error) {
		return &http.Response{StatusCode: 204, Header: http.Header{}}, nil
	}))
	if err := c2.do(context.Background(), getRequest(), nil); err != nil {
		t.Errorf("an answer without a body: %v", err)
	}
	c3, _ := NewClient("key", "s3cret", WithBaseURL(srv.URL), WithRetryPolicy(RetryPolicy{MaxAttempts: 2}),
		WithMiddleware(func(Attempt, *http.Request, Send) (*http.Response, error) { return nil, nil }))
	var meta ResponseMeta
	if err := c3.do(context.Background(), getRequest(), nil, WithResponse(&meta)); err == nil || !strings.Contains(err.Error(), "neither") || meta.Attempts != 2 {
		t.Errorf("no answer and no error: %v (attempts %d), want a transport failure, retried", err, meta.Attempts)
	}
}
