package runtime

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// serve runs r through a server whose only operation is op, stopping after
// begin (negotiation, body, authentication) and binding the query's
// "size" parameter.
func serve(t *testing.T, op *srvOperation, r *http.Request, opts ...ServerOption) *httptest.ResponseRecorder {
	t.Helper()
	s := NewServer(nil, opts...).(*server)
	w := httptest.NewRecorder()
	var x srvExchange
	if !s.begin(w, r, op, &x) {
		return w
	}
	var size int
	if _, err := srvBindValue(&x, srvWire{src: srvSrcQuery, name: "size", key: "size", required: true}, &size, srvParseInt[int]); err != nil {
		s.reject(w, &x, err)
		return w
	}
	w.WriteHeader(http.StatusNoContent)
	return w
}

// TestServerBegin walks the shared steps: 406 (not when a response has
// no body), 415, 413, 401, 400, and a request that passes them all.
func TestServerBegin(t *testing.T) {
	auth := setBasicVerifier(2, StaticBasic("key", "s3cret"))
	getOp := &srvOperation{id: "get", offers: []srvMedia{srvMediaJSON}, body: srvMediaNone, errorRoot: "r"}
	formOp := &srvOperation{id: "post", offers: []srvMedia{srvMediaJSON, srvMediaXML}, body: srvMediaForm, errorRoot: "r"}
	// An operation that may answer without a body (a 204) serves a
	// request its media types cannot meet.
	bodilessOp := &srvOperation{id: "delete", offers: []srvMedia{srvMediaJSON}, body: srvMediaNone, errorRoot: "r", bodiless: true}
	req := func(method, target, body, ct string) *http.Request {
		r := httptest.NewRequest(method, target, strings.NewReader(body))
		if ct != "" {
			r.Header.Set("Content-Type", ct)
		}
		return r
	}
	basic := func(r *http.Request, accept string) *http.Request {
		r.SetBasicAuth("key", "s3cret")
		r.Header.Set("Accept", accept)
		return r
	}
	for _, tc := range []struct {
		name   string
		op     *srvOperation
		r      *http.Request
		opts   []ServerOption
		status int
		in     string
	}{
		{"no authenticator", getOp, basic(req("GET", "/?size=1", "", ""), ""), nil, 401, `"error-text":"authentication failed"`},
		{"wrong secret", getOp, req("GET", "/?size=1&api_key=key&api_secret=no", "", ""), []ServerOption{auth}, 401, `"status":"401"`},
		{"basic", getOp, basic(req("GET", "/?size=1", "", ""), ""), []ServerOption{auth}, 204, ""},
		{"query pair", getOp, req("GET", "/?size=1&api_key=key&api_secret=s3cret", "", ""), []ServerOption{auth}, 204, ""},
		{"form pair", formOp, req("POST", "/?size=1", "api_key=key&api_secret=s3cret", "application/x-www-form-urlencoded"), []ServerOption{auth}, 204, ""},
		{"xml only refused", getOp, basic(req("GET", "/?size=1", "", ""), "application/xml"), []ServerOption{auth}, 406, ""},
		{"xml only, bodiless served", bodilessOp, basic(req("DELETE", "/?size=1", "", ""), "application/xml"), []ServerOption{auth}, 204, ""},
		{"xml envelope", formOp, basic(req("POST", "/", "", ""), "application/xml"), []ServerOption{auth}, 400, "<r><status>400</status>"},
		{"wrong media", formOp, basic(req("POST", "/", "{}", "application/json"), ""), []ServerOption{auth}, 415, ""},
		{"too large", formOp, basic(req("POST", "/", "a=12345", "application/x-www-form-urlencoded"), ""), []ServerOption{auth, WithMaxBodyBytes(4)}, 413, ""},
		{"bad size", getOp, basic(req("GET", "/?size=x", "", ""), ""), []ServerOption{auth}, 400, `size`},
	} {
		w := serve(t, tc.op, tc.r, tc.opts...)
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.in) {
			t.Errorf("%s: %d %s, want %d with %s", tc.name, w.Code, w.Body, tc.status, tc.in)
		}
	}
}

// TestServerUnrouted: a path no operation takes is a 404 in the API's
// envelope; an unclean path too, never a redirect.
func TestServerUnrouted(t *testing.T) {
	h := NewServer(nil)
	for _, target := range []string{"/nowhere", "/a/../b", "//x"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		if w.Code != 404 || w.Body.String() != `{"status":"404","error-text":"not found"}`+"\n" {
			t.Errorf("%s: %d %q", target, w.Code, w.Body)
		}
	}
}

// TestNegotiate: the highest quality wins, ties go to the earlier offer.
func TestNegotiate(t *testing.T) {
	offers := []srvMedia{srvMediaJSON, srvMediaXML}
	for accept, want := range map[string]srvMedia{
		"": srvMediaJSON, "application/xml": srvMediaXML, "*/*": srvMediaJSON,
		"application/json;q=0.5, application/xml": srvMediaXML, "text/*, application/*;q=0.1": srvMediaJSON,
	} {
		if got, ok := srvNegotiate(accept, offers); !ok || got != want {
			t.Errorf("Accept %q: %v %v, want %v", accept, got, ok, want)
		}
	}
	if _, ok := srvNegotiate("text/html", offers); ok {
		t.Error("text/html accepted")
	}
}

// TestNegotiateRanges: a declared range (image/*) matches the ranges that
// overlap it; a declared type its own name only.
func TestNegotiateRanges(t *testing.T) {
	images := srvNewMedia("image/*", srvCodecStream)
	textXML := srvNewMedia("text/xml", srvCodecXML)
	for _, tc := range []struct {
		accept string
		offers []srvMedia
		ok     bool
	}{
		{"image/png", []srvMedia{images}, true},
		{"image/*;q=0.5", []srvMedia{images}, true},
		{"text/plain", []srvMedia{images}, false},
		{"text/xml", []srvMedia{textXML}, true},
		{"application/xml", []srvMedia{textXML}, false},
		{"text/*", []srvMedia{textXML}, true},
	} {
		if _, ok := srvNegotiate(tc.accept, tc.offers); ok != tc.ok {
			t.Errorf("Accept %q of %s: %v, want %v", tc.accept, tc.offers[0].name, ok, tc.ok)
		}
	}
	for _, tc := range []struct{ want, sent, label string }{
		{"image/*", "image/png", ""},
		{"image/*", "image/*", "unsupported media type: send image/*"},
		{"image/*", "text/plain", "unsupported media type: send image/*"},
		{"application/octet-stream", "application/octet-stream; x=1", ""},
		{"application/octet-stream", "", "unsupported media type: send application/octet-stream"},
		{"*/*", "", ""},
	} {
		h := http.Header{}
		if tc.sent != "" {
			h.Set("Content-Type", tc.sent)
		}
		if got := srvStreamUndecodable(h, tc.want); got != tc.label {
			t.Errorf("a %q body for %s: %q, want %q", tc.sent, tc.want, got, tc.label)
		}
	}
}

// TestStaticVerifiers compare every value, and refuse empty ones.
func TestStaticVerifiers(t *testing.T) {
	a := StaticBasic("key", "s3cret")
	ctx := context.Background()
	if a(ctx, "key", "s3cret") != nil || !errors.Is(a(ctx, "key", "s3creT"), errSrvBadCredentials) || a(ctx, "kez", "s3cret") == nil {
		t.Error("StaticBasic")
	}
	tok := StaticToken("t0k")
	if tok(ctx, "t0k") != nil || tok(ctx, "t0K") == nil || tok(ctx, "") == nil {
		t.Error("StaticToken")
	}
	if !EqualCredentials("k", "s", "k", "s") || EqualCredentials("k", "s", "k", "") || EqualSecret("a", "b") {
		t.Error("EqualCredentials, EqualSecret")
	}
	for name, f := range map[string]func(){
		"StaticBasic no user":     func() { StaticBasic("", "p") },
		"StaticBasic no password": func() { StaticBasic("u", "") },
		"StaticToken empty":       func() { StaticToken("") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// TestServerHook: a hook sees the operation, its path template and the
// status of the answers the server makes itself, and "" for a request no
// operation matched.
func TestServerHook(t *testing.T) {
	var events []ServerEvent
	hook := WithServerHook(func(_ *http.Request, ev ServerEvent) { events = append(events, ev) })
	op := &srvOperation{id: "getThing", path: "/things/{id}", offers: []srvMedia{srvMediaJSON}, body: srvMediaNone, errorRoot: "r"}
	auth := setBasicVerifier(2, StaticBasic("key", "s3cret"))
	s := NewServer(nil, hook, auth, WithServerHook(nil)).(*server)
	run := func(r *http.Request) {
		w, o := s.observe(httptest.NewRecorder())
		defer s.report(o, r)
		var x srvExchange
		if s.begin(w, r, op, &x) {
			w.WriteHeader(http.StatusNoContent)
		}
	}
	ok := httptest.NewRequest("GET", "/things/1", nil)
	ok.SetBasicAuth("key", "s3cret")
	run(ok)
	run(httptest.NewRequest("GET", "/things/1", nil))
	s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/nowhere", nil))
	want := []string{"getThing /things/{id} 204", "getThing /things/{id} 401", "  404"}
	if len(events) != len(want) {
		t.Fatalf("events %+v, want %q", events, want)
	}
	for i, ev := range events {
		if got := ev.Operation + " " + ev.Pattern + " " + strconv.Itoa(ev.Status); got != want[i] || ev.Duration <= 0 {
			t.Errorf("event %d: %q after %v, want %q", i, got, ev.Duration, want[i])
		}
	}
	if w, o := NewServer(nil).(*server).observe(httptest.NewRecorder()); o != nil || w == nil {
		t.Error("a server without hooks wraps its writer")
	}
}
