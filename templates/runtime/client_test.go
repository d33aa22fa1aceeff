package runtime

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// answer is the body the test operations decode.
type answer struct {
	Name string `json:"name" xml:"name"`
}

// newTestClient returns a client of srv with retries that do not wait.
func newTestClient(t *testing.T, srv *httptest.Server, opts ...Option) *Client {
	t.Helper()
	opts = append([]Option{WithBaseURL(srv.URL), WithRetryPolicy(RetryPolicy{MaxAttempts: 3})}, opts...)
	c, err := NewClient("key", "s3cret", opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestClientSendsCredentials: HTTP Basic is the default where the API
// declares it; WithQueryAuth puts the declared pair in the query.
func TestClientSendsCredentials(t *testing.T) {
	var got atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, _ := r.BasicAuth()
		got.Store(fmt.Sprintf("basic=%s:%s query=%s ua=%s accept=%s", user, pass, r.URL.RawQuery, r.UserAgent(), r.Header.Get("Accept")))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"name":"x"}`)
	}))
	defer srv.Close()
	for _, tc := range []struct {
		opts []Option
		want string
	}{
		{nil, "basic=key:s3cret query= ua=" + DefaultUserAgent + " accept=application/json"},
		{[]Option{WithSchemes("apiKey", "apiSecret"), WithXML()}, "basic=: query=api_key=key&api_secret=s3cret ua=" + DefaultUserAgent + " accept=application/xml"},
	} {
		var out answer
		err := newTestClient(t, srv, tc.opts...).do(context.Background(), &request{op: "Get", method: "GET", path: "/x", idempotent: true}, &out)
		if err != nil || out.Name != "x" {
			t.Fatalf("do: %v, %+v", err, out)
		}
		if g := got.Load(); g != tc.want {
			t.Errorf("the server saw %q, want %q", g, tc.want)
		}
	}
}

// TestClientRefusesEmptyCredentials: NewClient names what is missing.
func TestClientRefusesEmptyCredentials(t *testing.T) {
	if _, err := NewClient("", "s"); err == nil || !strings.HasPrefix(err.Error(), packageName+": NewClient: basicAuth: the apiKey or the apiSecret is empty") {
		t.Errorf("empty key: %v", err)
	}
	if _, err := NewClient("k", ""); err == nil || !strings.Contains(err.Error(), "is empty") {
		t.Errorf("empty secret: %v", err)
	}
}

// TestClientBodyStatus: a 2xx body whose status field says failure is an
// *APIError of that code; a success code decodes.
func TestClientBodyStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Trace-Id", "t-1")
		fmt.Fprintf(w, `{"status":%q,"error-text":"nope s3cret","name":"n"}`, r.URL.Query().Get("code"))
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	var out answer
	r := &request{op: "Get", method: "GET", path: "/x", query: map[string][]string{"code": {"0"}}, idempotent: true}
	if err := c.do(context.Background(), r, &out); err != nil || out.Name != "n" {
		t.Fatalf("success code: %v, %+v", err, out)
	}
	r.query = map[string][]string{"code": {"429"}}
	err := c.do(context.Background(), r, &out)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Code != "429" || ae.RequestID != "t-1" || !errors.Is(err, ErrRateLimited) {
		t.Fatalf("failing code: %#v", err)
	}
	if strings.Contains(ae.Label, "s3cret") || strings.Contains(string(ae.Body), "s3cret") {
		t.Errorf("the secret shows in the error: %q, %q", ae.Label, ae.Body)
	}
}

// TestClientRetries: an idempotent call is resent after a 503; an unsafe
// one is not.
func TestClientRetries(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	c := newTestClient(t, srv)
	for _, tc := range []struct {
		idempotent bool
		want       int32
	}{{true, 3}, {false, 1}} {
		calls.Store(0)
		err := c.do(context.Background(), &request{op: "Op", method: "POST", path: "/x", idempotent: tc.idempotent}, nil)
		if !errors.Is(err, ErrServer) || calls.Load() != tc.want {
			t.Errorf("idempotent %v: %v after %d calls, want %d", tc.idempotent, err, calls.Load(), tc.want)
		}
	}
}

// TestAPIErrorIs matches each class to its statuses.
func TestAPIErrorIs(t *testing.T) {
	for _, tc := range []struct {
		status int
		code   string
		class  error
	}{
		{401, "", ErrAuthentication}, {403, "", ErrAuthentication}, {409, "", ErrActionFailed}, {402, "", ErrActionFailed},
		{429, "", ErrRateLimited}, {503, "", ErrServer}, {400, "", ErrInvalidInput},
		{302, "", ErrInvalidResponse}, {200, "401", ErrAuthentication},
	} {
		e := &APIError{StatusCode: tc.status, Code: tc.code}
		if !errors.Is(e, tc.class) {
			t.Errorf("HTTP %d code %q is not %v", tc.status, tc.code, tc.class)
		}
		if errors.Is(e, ErrOutcomeUnknown) {
			t.Errorf("HTTP %d matches ErrOutcomeUnknown", tc.status)
		}
	}
}

// TestRetryAfter reads seconds and HTTP dates, bounded.
func TestRetryAfter(t *testing.T) {
	for v, want := range map[string]time.Duration{"": 0, "3": 3 * time.Second, "-1": 0, "999999": 24 * time.Hour, "soon": 0} {
		if got := retryAfter(http.Header{"Retry-After": {v}}); got != want {
			t.Errorf("Retry-After %q: %v, want %v", v, got, want)
		}
	}
	at := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	if got := retryAfter(http.Header{"Retry-After": {at}}); got < 59*time.Minute || got > time.Hour {
		t.Errorf("Retry-After %q: %v", at, got)
	}
}

// TestBackoffBounds: every backoff lies below its capped ceiling.
func TestBackoffBounds(t *testing.T) {
	p := RetryPolicy{MaxAttempts: 5, BaseDelay: 10 * time.Millisecond, MaxDelay: 50 * time.Millisecond}
	for n := 1; n < 8; n++ {
		ceiling := min(p.BaseDelay<<(n-1), p.MaxDelay)
		for range 50 {
			if d := p.backoff(n); d < 0 || d >= ceiling {
				t.Fatalf("backoff(%d) = %v, outside [0, %v)", n, d, ceiling)
			}
		}
	}
}

// TestRedactor removes the secret from URLs, texts and errors.
func TestRedactor(t *testing.T) {
	r := redactor{params: []string{"api_secret"}}
	r.add("s3 cret")
	if got := r.url("https://h/p?api_key=key&api_secret=anything"); got != "https://h/p?api_key=key&api_secret=REDACTED" {
		t.Errorf("url: %s", got)
	}
	if got := r.text("a s3+cret b s3%20cret"); got != "a "+redacted+" b "+redacted {
		t.Errorf("text: %s", got)
	}
	err := r.err(fmt.Errorf("wrapped: %w", context.DeadlineExceeded))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err lost its chain: %v", err)
	}
	if err := r.err(errors.New("bad s3 cret")); err.Error() != "bad "+redacted {
		t.Errorf("err: %v", err)
	}
}

// TestClientPrintsNoSecret: %v, %#v and String of a Client hide the secret.
func TestClientPrintsNoSecret(t *testing.T) {
	c, err := NewClient("key", "s3cret")
	if err != nil {
		t.Fatal(err)
	}
	if want := `example.Client{baseURL: "https://api.example.com", apiKey: "key", apiSecret: [REDACTED]}`; c.String() != want {
		t.Errorf("String() = %s, want %s", c, want)
	}
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%#v", c), c.String(), fmt.Sprint(Secret("s3cret"))} {
		if strings.Contains(s, "s3cret") {
			t.Errorf("printed the secret: %s", s)
		}
	}
}

// TestMediaOf reads content types and, without one, the first byte.
func TestMediaOf(t *testing.T) {
	for _, tc := range []struct {
		ct, body string
		want     media
	}{
		{"application/json; charset=utf-8", "", mediaJSON}, {"application/vnd.x+json", "", mediaJSON},
		{"application/problem+json", "", mediaProblem}, {"text/xml", "", mediaXML},
		{"text/html", "{", mediaUnknown}, {"", " <a/>", mediaXML}, {"", "[1]", mediaJSON}, {"", "", mediaUnknown},
	} {
		if got := mediaOf(tc.ct, []byte(tc.body)); got != tc.want {
			t.Errorf("mediaOf(%q, %q) = %v, want %v", tc.ct, tc.body, got, tc.want)
		}
	}
}

// TestMatchRun checks the patterns' byte-class runs.
func TestMatchRun(t *testing.T) {
	if !matchRun("AB", "AZ", 2, 2) || matchRun("ABC", "AZ", 2, 2) || matchRun("A1", "AZ", 0, -1) || !matchRun("", "AZ", 0, -1) {
		t.Error("matchRun")
	}
	if !containsRun("ab3", "09") || containsRun("abc", "09") {
		t.Error("containsRun")
	}
}
