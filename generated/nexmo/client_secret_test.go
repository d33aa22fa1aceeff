package nexmo_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// secretSpellings are the ways the canary secret could leak: raw, URL
// encoded, and inside HTTP Basic credentials.
var secretSpellings = []string{
	testSecret,
	url.QueryEscape(testSecret),
	url.PathEscape(testSecret),
	base64.StdEncoding.EncodeToString([]byte(testKey + ":" + testSecret)),
}

// assertNoSecret prints v every way a caller might (fmt's verbs, log, slog
// as text and JSON) and fails if the secret shows.
func assertNoSecret(t *testing.T, what string, v any) {
	t.Helper()
	var out bytes.Buffer
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		fmt.Fprintf(&out, verb+"\n", v)
	}
	log.New(&out, "", 0).Println(v)
	slog.New(slog.NewTextHandler(&out, nil)).Error("call failed", "err", v)
	slog.New(slog.NewJSONHandler(&out, nil)).Error("call failed", "err", v)
	if err, ok := v.(error); ok {
		for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
			fmt.Fprintf(&out, "%v\n%+v\n", e, e)
		}
	}
	for _, s := range secretSpellings {
		if strings.Contains(out.String(), s) {
			t.Errorf("%s: the secret (as %q) leaks:\n%s", what, s, out.String())
		}
	}
}

// echoSecret answers with everything it got, secret included, the way a
// careless proxy might.
func echoSecret(status int, contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("X-Request-Id", r.URL.Query().Get("api_secret"))
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"error-code":"500","error-code-label":"%s %s %s"}`,
			r.URL.Query().Get("api_secret"), url.QueryEscape(r.URL.String()), r.Header.Get("Authorization"))
	}
}

func TestCanarySecretNeverLeaks(t *testing.T) {
	refused := refusedAddr(t)
	blocked := make(chan struct{})
	t.Cleanup(func() { close(blocked) })
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-blocked:
		}
	}))
	t.Cleanup(slow.Close)
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("a redirect was followed to %s", r.URL.Path)
	}))
	t.Cleanup(target.Close)
	redirect := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/stolen?"+r.URL.RawQuery, http.StatusFound)
	})
	modes := map[string]nexmo.Option{"basic": nexmo.WithSchemes("basicAuth"), "query": nexmo.WithSchemes("apiKey", "apiSecret")}
	for mode, auth := range modes {
		cases := map[string]func() error{
			"refused connection": func() error { return callBalance(t, "http://"+refused, nil, auth) },
			"timeout": func() error {
				return callBalance(t, slow.URL, &http.Client{Timeout: 20 * time.Millisecond}, auth)
			},
			"5xx":      func() error { return callBalance(t, serve(t, echoSecret(500, "application/json")), nil, auth) },
			"bad JSON": func() error { return callBalance(t, serve(t, echoSecret(200, "text/plain")), nil, auth) },
			"body-status 500 under 200": func() error {
				return callBalance(t, serve(t, echoSecret(200, "application/json")), nil, auth)
			},
			"redirect": func() error { return callBalance(t, serve(t, redirect), nil, auth) },
		}
		for name, call := range cases {
			t.Run(mode+"/"+name, func(t *testing.T) {
				err := call()
				if err == nil {
					t.Fatal("no error")
				}
				assertNoSecret(t, "error", err)
				var ae *nexmo.APIError
				if errors.As(err, &ae) {
					assertNoSecret(t, "APIError.Body", string(ae.Body))
				}
			})
		}
	}
}

func TestTimeoutStaysATimeout(t *testing.T) {
	blocked := make(chan struct{})
	defer close(blocked)
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-blocked:
		}
	}))
	err := callBalance(t, srv, &http.Client{Timeout: 20 * time.Millisecond}, nexmo.WithSchemes("apiKey", "apiSecret"))
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Errorf("%v: not a net.Error timeout", err)
	}
	var ue *url.Error
	if !errors.As(err, &ue) || !strings.Contains(ue.URL, "api_secret=REDACTED") {
		t.Errorf("url.Error %v: URL not redacted", ue)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	c, _ := nexmo.NewClient(testKey, testSecret, nexmo.WithBaseURL(srv), nexmo.WithSchemes("apiKey", "apiSecret"))
	if _, err := c.GetBalance(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("ctx deadline: %v", err)
	}
}

func TestClientValueHidesSecret(t *testing.T) {
	c, err := nexmo.NewClient(testKey, testSecret)
	if err != nil {
		t.Fatal(err)
	}
	assertNoSecret(t, "client", c)
	if !strings.Contains(fmt.Sprint(c), testKey) {
		t.Errorf("%v: the key should be shown, to tell clients apart", c)
	}
}

// callBalance calls GetBalance on base with at most 2 attempts.
func callBalance(t *testing.T, base string, hc *http.Client, auth nexmo.Option) error {
	t.Helper()
	opts := []nexmo.Option{nexmo.WithBaseURL(base), auth,
		nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Microsecond, MaxDelay: time.Millisecond})}
	if hc != nil {
		opts = append(opts, nexmo.WithHTTPClient(hc))
	}
	c, err := nexmo.NewClient(testKey, testSecret, opts...)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.GetBalance(t.Context())
	return err
}

// serve starts h on 127.0.0.1 and returns its URL.
func serve(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// refusedAddr is a 127.0.0.1 address nobody listens on.
func refusedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}
