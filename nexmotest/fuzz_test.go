package nexmotest

import (
	"encoding/json"
	"encoding/xml"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzHandler sends any method, path, query and body to the fake's handler:
// the answer is never a panic and never a 5xx, and its body parses in the
// media type it claims.
func FuzzHandler(f *testing.F) {
	creds := "api_key=" + testKey + "&api_secret=" + testSecret + "&"
	f.Add("GET", "/account/get-balance", creds, "", "")
	f.Add("GET", "/number/search", creds+"country=GB&features=SMS,VOICE&size=3&index=2", "", "application/xml")
	f.Add("POST", "/number/buy", creds, "country=GB&msisdn=447700900000", "")
	f.Add("POST", "/number/cancel", creds, "country=GB&msisdn=447700900000", "application/xml")
	f.Add("POST", "/account/settings", creds, "newSecret=Abcdefg1&moCallBackUrl=", "")
	f.Add("POST", "/number/update", creds, "country=GB&msisdn=447700900000&voiceCallbackType=sip", "")
	f.Add("GET", "/account/get-pricing/outbound/voice", creds+"country=US", "", "")
	f.Add("GET", "/account/numbers", creds+"has_application=maybe&search_pattern=7", "", "")
	f.Add("DELETE", "/number/buy", "", "%zz", "*/*")
	f.Add("POST", "/account/top-up", creds+"trx=a", "trx=b", "text/html")
	f.Fuzz(func(t *testing.T, method, path, query, body, accept string) {
		fake, err := New(DefaultConfig(testKey, testSecret)) // a fresh account: every input reproduces alone
		if err != nil {
			t.Fatal(err)
		}
		h := fake.Handler()
		req := httptest.NewRequest("GET", "/", strings.NewReader(body))
		req.Method, req.URL.Path, req.URL.RawQuery = method, path, query
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 || rec.Code < 200 {
			t.Fatalf("%s %s?%s: status %d\n%s", method, path, query, rec.Code, rec.Body)
		}
		wellFormed(t, rec)
		if err := fake.Check(); err != nil {
			t.Fatal(err)
		}
	})
}

// wellFormed checks that a non-empty body parses as its Content-Type says.
func wellFormed(t *testing.T, rec *httptest.ResponseRecorder) {
	if rec.Body.Len() == 0 {
		return
	}
	var v any
	switch ct := rec.Header().Get("Content-Type"); {
	case strings.HasPrefix(ct, "application/json"):
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatalf("status %d: bad JSON: %v\n%s", rec.Code, err, rec.Body)
		}
	case strings.HasPrefix(ct, "application/xml"):
		var n xmlNode
		if err := xml.Unmarshal(rec.Body.Bytes(), &n); err != nil {
			t.Fatalf("status %d: bad XML: %v\n%s", rec.Code, err, rec.Body)
		}
	default:
		t.Fatalf("status %d: Content-Type %q\n%s", rec.Code, ct, rec.Body)
	}
}
