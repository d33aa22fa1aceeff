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
)

// wire is what a request carried of every credential the example API
// declares.
func wire(r *http.Request) string {
	user, pass, _ := r.BasicAuth()
	sid := ""
	if c, err := r.Cookie("sid"); err == nil {
		sid = c.Value
	}
	bearer, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if bearer == r.Header.Get("Authorization") {
		bearer = ""
	}
	return fmt.Sprintf("basic=%s:%s query=%s bearer=%s key=%s sid=%s", user, pass, r.URL.RawQuery,
		bearer, r.Header.Get("X-API-Key"), sid)
}

// TestClientSecurity: each requirement is met with the first alternative
// the configured credentials allow, and exactly those credentials travel;
// a requirement that cannot be met fails before sending, naming its
// schemes.
func TestClientSecurity(t *testing.T) {
	var got atomic.Value
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		got.Store(wire(r))
	}))
	defer srv.Close()
	source := func(context.Context) (string, error) { return "fresh", nil }
	for _, tc := range []struct {
		name     string
		opts     []Option
		security int
		want     string
	}{
		{"none", []Option{setToken(3, "tok")}, 1, "basic=: query= bearer= key= sid="},
		{"pair as basic", []Option{setBasic(2, "k", "s")}, 0, "basic=k:s query= bearer= key= sid="},
		{"pair as query", []Option{setBasic(2, "k", "s"), WithSchemes("apiKey", "apiSecret")}, 0, "basic=: query=api_key=k&api_secret=s bearer= key= sid="},
		{"bearer", []Option{setToken(3, "tok")}, 2, "basic=: query= bearer=tok key= sid="},
		{"token source", []Option{setTokenSource(3, source)}, 2, "basic=: query= bearer=fresh key= sid="},
		{"first alternative", []Option{setToken(3, "tok"), setToken(5, "hk")}, 3, "basic=: query= bearer= key=hk sid="},
		{"second alternative", []Option{setToken(3, "tok")}, 3, "basic=: query= bearer=tok key= sid="},
		{"together", []Option{setToken(4, "c1"), setToken(5, "hk")}, 4, "basic=: query= bearer= key=hk sid=c1"},
	} {
		c, err := newClient(append([]Option{WithBaseURL(srv.URL)}, tc.opts...))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.do(context.Background(), &request{op: "Op", method: "GET", path: "/", security: tc.security, idempotent: true}, nil); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if g := got.Load(); g != tc.want {
			t.Errorf("%s: the server saw %q, want %q", tc.name, g, tc.want)
		}
	}
	hits.Store(0)
	c, err := newClient([]Option{WithBaseURL(srv.URL), setToken(5, "hk")})
	if err != nil {
		t.Fatal(err)
	}
	err = c.do(context.Background(), &request{op: "Op", method: "GET", path: "/", security: 4}, nil)
	if !errors.Is(err, ErrNoCredentials) || !strings.Contains(err.Error(), "it takes cookieKey and headerKey") || hits.Load() != 0 {
		t.Errorf("together with one of two: %v (%d requests)", err, hits.Load())
	}
	err = c.do(context.Background(), &request{op: "Op", method: "GET", path: "/", security: 0}, nil)
	if !errors.Is(err, ErrNoCredentials) || !strings.Contains(err.Error(), "it takes basicAuth, or apiKey and apiSecret") {
		t.Errorf("pair without credentials: %v", err)
	}
	failing := setTokenSource(3, func(context.Context) (string, error) { return "", errors.New("no token today") })
	c, _ = newClient([]Option{WithBaseURL(srv.URL), failing})
	if err := c.do(context.Background(), &request{op: "Op", method: "GET", path: "/", security: 2}, nil); err == nil || !strings.Contains(err.Error(), "no token today") {
		t.Errorf("failing token source: %v", err)
	}
	if _, err := newClient([]Option{setToken(3, "")}); err == nil {
		t.Error("an empty token accepted")
	}
	if _, err := newClient([]Option{WithSchemes("nope")}); err == nil {
		t.Error("WithSchemes of an unknown scheme accepted")
	}
}

// TestServerSecurity: each requirement passes with its credentials and
// answers 401 without them or with wrong ones.
func TestServerSecurity(t *testing.T) {
	verifiers := []ServerOption{
		setBasicVerifier(2, StaticBasic("k", "s")), setTokenVerifier(3, StaticToken("tok")),
		setTokenVerifier(4, StaticToken("c1")), setTokenVerifier(5, StaticToken("hk")),
	}
	with := func(target string, f func(r *http.Request)) *http.Request {
		r := httptest.NewRequest("GET", target, nil)
		if f != nil {
			f(r)
		}
		return r
	}
	bearer := func(tok string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+tok) }
	}
	both := func(c, k string) func(*http.Request) {
		return func(r *http.Request) {
			r.AddCookie(&http.Cookie{Name: "sid", Value: c})
			r.Header.Set("X-API-Key", k)
		}
	}
	for _, tc := range []struct {
		name     string
		security int
		r        *http.Request
		status   int
	}{
		{"none", 1, with("/?size=1", nil), 204},
		{"pair as basic", 0, with("/?size=1", func(r *http.Request) { r.SetBasicAuth("k", "s") }), 204},
		{"pair as query", 0, with("/?size=1&api_key=k&api_secret=s", nil), 204},
		{"pair, wrong secret", 0, with("/?size=1&api_key=k&api_secret=x", nil), 401},
		{"pair, half of it", 0, with("/?size=1&api_key=k", nil), 401},
		{"bearer", 2, with("/?size=1", bearer("tok")), 204},
		{"bearer wrong", 2, with("/?size=1", bearer("tak")), 401},
		{"bearer missing", 2, with("/?size=1", nil), 401},
		{"alternative one", 3, with("/?size=1", func(r *http.Request) { r.Header.Set("X-API-Key", "hk") }), 204},
		{"alternative two", 3, with("/?size=1", bearer("tok")), 204},
		{"together", 4, with("/?size=1", both("c1", "hk")), 204},
		{"together, one wrong", 4, with("/?size=1", both("c2", "hk")), 401},
		{"together, one missing", 4, with("/?size=1", func(r *http.Request) { r.Header.Set("X-API-Key", "hk") }), 401},
	} {
		op := &srvOperation{id: "op", offers: []srvMedia{srvMediaJSON}, body: srvMediaNone, errorRoot: "r", security: tc.security}
		w := serve(t, op, tc.r, verifiers...)
		if w.Code != tc.status {
			t.Errorf("%s: %d %s, want %d", tc.name, w.Code, w.Body, tc.status)
		}
		if w.Code == 401 && !strings.Contains(w.Body.String(), `"error-text":"authentication failed"`) {
			t.Errorf("%s: 401 not in the envelope: %s", tc.name, w.Body)
		}
	}
	op := &srvOperation{id: "op", offers: []srvMedia{srvMediaJSON}, body: srvMediaNone, security: 2}
	if w := serve(t, op, with("/?size=1", bearer("tok"))); w.Code != 401 {
		t.Errorf("no verifier configured: %d", w.Code)
	}
}
