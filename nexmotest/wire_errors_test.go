package nexmotest

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// strconvI formats an int.
func strconvI(i int) string { return strconv.Itoa(i) }

// mustJSON decodes b into v.
func mustJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
}

// errorCase is a request that must fail with an envelope.
type errorCase struct {
	name    string
	r       request
	status  int
	xmlRoot string
}

func errorCases() []errorCase {
	buy := url.Values{"country": {"GB"}, "msisdn": {"447700900000"}}
	return []errorCase{
		{"bad query value", request{method: "GET", path: "/number/search", query: url.Values{"country": {"GB"}, "size": {"500"}}}, 400, "inbound-numbers"},
		{"bad country", request{method: "GET", path: "/account/get-pricing/outbound", query: url.Values{"country": {"gb"}}}, 400, "outbound-country-pricing"},
		{"missing form field", request{method: "POST", path: "/number/buy", form: url.Values{"country": {"GB"}}}, 400, "response"},
		{"wrong secret", request{method: "GET", path: "/account/get-balance", secret: "Wrong1234"}, 401, "accountBalance"},
		{"wrong basic secret", request{method: "POST", path: "/number/buy", form: buy, secret: "Wrong1234", basic: true}, 401, "response"},
		{"unknown path", request{method: "GET", path: "/account/nothing"}, 404, ""},
		{"huge body", request{method: "POST", path: "/account/top-up", rawBody: "trx=" + strings.Repeat("x", 2<<20)}, 413, ""},
		{"owned already", request{method: "POST", path: "/number/buy", form: buy}, 420, "response"},
		{"cancel not owned", request{method: "POST", path: "/number/cancel", form: url.Values{"country": {"GB"}, "msisdn": {"447700900001"}}}, 420, "response"},
		{"update not owned", request{method: "POST", path: "/number/update", form: url.Values{"country": {"US"}, "msisdn": {"12025550100"}}}, 420, "response"},
		{"dead callback", request{method: "POST", path: "/account/settings", form: url.Values{"drCallBackUrl": {"http://127.0.0.1:1/dr"}}}, 420, "account-settings"},
	}
}

func TestErrorsJSONAndXML(t *testing.T) {
	w := newWire(t, nil)
	if err := w.f.Buy("GB", "447700900000"); err != nil {
		t.Fatal(err)
	}
	for _, c := range errorCases() {
		resp, body := w.do(c.r)
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d\n%s", c.name, resp.StatusCode, c.status, body)
			continue
		}
		var env map[string]string
		if resp.StatusCode != http.StatusRequestEntityTooLarge || len(body) > 0 {
			mustJSON(t, body, &env)
			if env["error-code"] != strconv.Itoa(c.status) || env["error-code-label"] == "" {
				t.Errorf("%s: envelope %v", c.name, env)
			}
		}
		if c.xmlRoot == "" {
			continue
		}
		c.r.accept = "application/xml"
		resp, body = w.do(c.r)
		want := []string{"/" + c.xmlRoot, "/" + c.xmlRoot + "/error-code", "/" + c.xmlRoot + "/error-code-label"}
		if got := xmlPaths(t, body); resp.StatusCode != c.status || !slices.Equal(got, want) {
			t.Errorf("%s in XML: %d %v, want %d %v", c.name, resp.StatusCode, got, c.status, want)
		}
	}
	mustCheck(t, w.f)
}

func TestNotAcceptable(t *testing.T) {
	w := newWire(t, nil)
	resp, body := w.do(request{method: "GET", path: "/account/get-balance", accept: "text/csv"})
	if resp.StatusCode != http.StatusNotAcceptable {
		t.Errorf("Accept text/csv: %d %s, want 406", resp.StatusCode, body)
	}
}

func TestMethodFailedAsHTTP200(t *testing.T) {
	cfg := DefaultConfig(testKey, testSecret)
	cfg.FailuresAsHTTP200 = true
	w := newWire(t, &cfg)
	form := url.Values{"country": {"GB"}, "msisdn": {"447700900000"}}
	for i, want := range []string{"200", "420"} {
		resp, body := w.do(request{method: "POST", path: "/number/buy", form: form})
		var env map[string]string
		mustJSON(t, body, &env)
		if resp.StatusCode != 200 || env["error-code"] != want {
			t.Errorf("buy %d: HTTP %d %v, want HTTP 200 with error-code %s", i+1, resp.StatusCode, env, want)
		}
	}
}

func TestNewSecretOverTheWire(t *testing.T) {
	w := newWire(t, nil)
	form := url.Values{"newSecret": {"Brand9New"}}
	resp, body := w.do(request{method: "POST", path: "/account/settings", form: form, basic: true})
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`"api-secret":"Brand9New"`)) {
		t.Fatalf("settings: %d %s, want 200 with the new secret as api-secret", resp.StatusCode, body)
	}
	if resp, _ := w.do(request{method: "GET", path: "/account/get-balance"}); resp.StatusCode != 401 {
		t.Errorf("the old secret: %d, want 401", resp.StatusCode)
	}
	if resp, _ := w.do(request{method: "GET", path: "/account/get-balance", secret: "Brand9New", basic: true}); resp.StatusCode != 200 {
		t.Errorf("the new secret: %d, want 200", resp.StatusCode)
	}
	resp, body = w.do(request{method: "POST", path: "/account/settings", form: url.Values{"newSecret": {"weakweak"}}, secret: "Brand9New"})
	if resp.StatusCode != 400 || bytes.Contains(body, []byte("weakweak")) {
		t.Errorf("a weak new secret: %d %s, want 400 that does not echo it", resp.StatusCode, body)
	}
}

func TestBodiesNeverShowTheSecret(t *testing.T) {
	w := newWire(t, nil)
	seedAccount(t, w)
	for _, accept := range []string{"", "application/xml"} {
		for _, r := range seedCalls() {
			r.accept = accept
			w.do(r)
		}
		for _, c := range errorCases() {
			c.r.accept = accept
			w.do(c.r)
		}
		_, body := w.do(request{method: "POST", path: "/account/settings", accept: accept})
		if !bytes.Contains(body, []byte(testSecret)) {
			t.Errorf("the settings (Accept %q) do not carry the account's secret as api-secret:\n%s", accept, body)
		}
	}
	for _, b := range w.bodies {
		// The settings answers carry it as api-secret, and only there.
		b = bytes.ReplaceAll(b, []byte(`"api-secret":"`+testSecret+`"`), nil)
		b = bytes.ReplaceAll(b, []byte(`<api-secret>`+testSecret+`</api-secret>`), nil)
		if bytes.Contains(b, []byte(testSecret)) {
			t.Errorf("a body other than the settings shows the secret:\n%s", b[:min(len(b), 300)])
		}
	}
}

func TestPersistFailureIsA500ThatLeaksNothing(t *testing.T) {
	cfg := DefaultConfig(testKey, testSecret)
	var broken atomic.Bool
	cfg.Persist = func(*State) error {
		if broken.Load() {
			return errors.New("/secret/path/state.json: no space left on device")
		}
		return nil
	}
	w := newWire(t, &cfg)
	broken.Store(true)
	for _, accept := range []string{"", "application/xml"} {
		resp, body := w.do(request{method: "POST", path: "/number/buy", accept: accept,
			form: url.Values{"country": {"GB"}, "msisdn": {"447700900000"}}})
		if resp.StatusCode != 500 || bytes.Contains(body, []byte("no space")) || bytes.Contains(body, []byte("/secret/path")) {
			t.Errorf("a failed write (Accept %q): %d %s, want a bare 500", accept, resp.StatusCode, body)
		}
	}
	if w.f.Owned(Query{}).Count != 0 {
		t.Errorf("a buy that could not be saved took effect")
	}
}
