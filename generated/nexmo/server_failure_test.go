package nexmo_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// wantNoLeak fails when text shows the secret or the query string.
func wantNoLeak(t *testing.T, what, text string) {
	t.Helper()
	for _, s := range []string{srvSecret, "api_secret", "api_key=", "country=GB"} {
		if strings.Contains(text, s) {
			t.Errorf("%s shows %q: %s", what, s, text)
		}
	}
}

func TestServerPanicIs500WithoutLeak(t *testing.T) {
	rig := srvStart(t)
	rig.h.setMode("panic")
	r := rig.do(t, "GET", "/account/get-pricing/outbound?"+srvCreds+"&country=GB", "", nil)
	r.wantError(t, 500)
	if _, label, _ := srvEnvelope(t, r); label != "internal error" {
		t.Errorf("label %q", label)
	}
	wantNoLeak(t, "the 500 body", r.body)
	if strings.Contains(r.body, "exploded") || strings.Contains(r.body, "goroutine") {
		t.Errorf("the 500 body leaks the panic: %s", r.body)
	}
	log := rig.log.String()
	if !strings.Contains(log, "handler panicked") || !strings.Contains(log, "/account/get-pricing/outbound") {
		t.Errorf("the panic was not logged: %s", log)
	}
	wantNoLeak(t, "the log", log)
}

func TestServerHandlerErrors(t *testing.T) {
	rig := srvStart(t)
	rig.h.setMode("error")
	r := rig.do(t, "POST", "/number/buy?"+srvCreds, "country=GB&msisdn=447700900000", map[string]string{"Accept": "application/xml"})
	r.wantError(t, 500, "internal error")
	if _, _, root := srvEnvelope(t, r); root != "response" {
		t.Errorf("XML root %q", root)
	}
	if strings.Contains(r.body, "database") {
		t.Errorf("the 500 body shows the error: %s", r.body)
	}
	if log := rig.log.String(); !strings.Contains(log, "database down") || !strings.Contains(log, "buyNumber") {
		t.Errorf("the error was not logged with its operation: %s", log)
	}
	wantNoLeak(t, "the log", rig.log.String())

	rig.h.setMode("invalid")
	rig.do(t, "POST", "/number/buy?"+srvCreds, "country=GB&msisdn=447700900000", nil).wantError(t, 400, `form field "msisdn"`)
	rig.h.setMode("nil")
	rig.do(t, "GET", "/account/get-balance?"+srvCreds, "", nil).wantError(t, 500)
}

func TestServerTypedResponses(t *testing.T) {
	rig := srvStart(t)
	rig.h.setMode("limited")
	r := rig.do(t, "POST", "/number/buy?"+srvCreds, "country=GB&msisdn=447700900000", nil)
	r.wantError(t, 429, "too many requests")
	if r.header.Get("Retry-After") != "7" {
		t.Errorf("Retry-After %q", r.header.Get("Retry-After"))
	}
	rig.h.setMode("")
	r = rig.do(t, "POST", "/number/cancel?"+srvCreds, "country=GB&msisdn=447700900000", map[string]string{"Accept": "application/xml"})
	r.wantError(t, 420, "method failed")
	if _, _, root := srvEnvelope(t, r); root != "response" {
		t.Errorf("420 XML root %q", root)
	}
	r = rig.do(t, "GET", "/account/numbers?"+srvCreds, "", nil)
	if r.status != 200 || strings.TrimSpace(r.body) != "{}" {
		t.Errorf("an empty list: %d %q, want {}", r.status, r.body)
	}
	r = rig.do(t, "POST", "/account/top-up?"+srvCreds, "trx=00X123456Y7890123Z", nil)
	if r.status != 200 || r.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("top-up: %d %v", r.status, r.header)
	}
	if code, label, _ := srvEnvelope(t, r); code != "200" || label != "success" {
		t.Errorf("top-up envelope %q %q", code, label)
	}
}

func TestStaticBasicAndEqualCredentials(t *testing.T) {
	a := nexmo.StaticBasic("k", "s")
	ctx := t.Context()
	if a(ctx, "k", "s") != nil {
		t.Error("the right credentials were refused")
	}
	for _, c := range [][2]string{{"k", "t"}, {"j", "s"}, {"", ""}, {"k", "s "}, {"k", ""}} {
		if a(ctx, c[0], nexmo.Secret(c[1])) == nil {
			t.Errorf("%q accepted", c)
		}
		if nexmo.EqualCredentials(c[0], nexmo.Secret(c[1]), "k", "s") {
			t.Errorf("EqualCredentials(%q) is true", c)
		}
	}
	if !nexmo.EqualCredentials("k", "s", "k", "s") {
		t.Error("EqualCredentials of equal credentials is false")
	}
}

func TestServerDefaultLoggerOptionNil(t *testing.T) {
	h := &srvHandler{mode: "error"}
	srv := httptest.NewServer(nexmo.NewServer(h, nexmo.WithServerLogger(nil),
		nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(srvKey, srvSecret))))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/account/get-balance?" + srvCreds)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("status %d", resp.StatusCode)
	}
}

// srvPartial implements buy only; the rest is UnimplementedHandler's.
type srvPartial struct{ nexmo.UnimplementedHandler }

func (srvPartial) BuyNumber(context.Context, *nexmo.BuyNumberInput) (nexmo.BuyNumberResponse, error) {
	return nexmo.BuyNumber200Response{Body: srvEnvelopeOK}, nil
}

func TestServerUnimplementedOperations(t *testing.T) {
	srv := httptest.NewServer(nexmo.NewServer(srvPartial{}, nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(srvKey, srvSecret))))
	defer srv.Close()
	rig := &srvRig{srv: srv}
	rig.do(t, "GET", "/account/get-balance?"+srvCreds, "", nil).wantError(t, 501, "not implemented")
	if r := rig.do(t, "POST", "/number/buy?"+srvCreds, "country=GB&msisdn=447700900000", nil); r.status != 200 {
		t.Errorf("the implemented operation: %d %s", r.status, r.body)
	}
}
