package nexmo_test

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// FuzzServer sends any method, path, query, body, Accept and Content-Type
// (with or without valid Basic credentials) to the server. Whatever comes
// in, the answer is well formed: a status below 500 (the handler never
// fails here), a JSON or XML body of the type it declares, and for an
// error the API's envelope carrying the status. A panic escaping
// ServeHTTP fails the target too.
func FuzzServer(f *testing.F) {
	f.Add("GET", "/number/search", srvCreds+"&country=GB&features=SMS,VOICE&size=20", "", "", "", false)
	f.Add("GET", "/account/get-balance", "", "", "application/xml", "", true)
	f.Add("POST", "/number/buy", srvCreds, "country=GB&msisdn=447700900000", "", "application/x-www-form-urlencoded", false)
	f.Add("POST", "/number/buy", "country=US", "country=GB&msisdn=4477", "application/json;q=0", "application/x-www-form-urlencoded", true)
	f.Add("POST", "/account/settings", srvCreds, "moCallBackUrl=&newSecret=%zz", "*/*", "application/x-www-form-urlencoded", false)
	f.Add("GET", "/account/get-pricing/outbound/sms", "country=GB&country=GB", "", "text/*", "", true)
	f.Add("PUT", "/number//buy/..", "%", "\x00", "application/*;q=0.5", "text/plain", false)
	f.Add("GET", "/account/numbers", srvCreds+"&has_application=1&index=99999999999999999999", "", "", "", false)
	handler := nexmo.NewServer(&srvHandler{},
		nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(srvKey, srvSecret)),
		nexmo.WithServerLogger(nil), nexmo.WithMaxBodyBytes(4096))
	f.Fuzz(func(t *testing.T, method, path, query, body, accept, contentType string, basic bool) {
		if !srvToken(method) {
			t.Skip("net/http refuses such a method before any handler")
		}
		req := &http.Request{
			Method: method, URL: &url.URL{Path: path, RawQuery: query}, RequestURI: path,
			Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "127.0.0.1",
			Header: http.Header{"Accept": {accept}, "Content-Type": {contentType}},
			Body:   io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)),
		}
		if basic {
			req.SetBasicAuth(srvKey, srvSecret)
		}
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, req)
		srvCheckAnswer(t, w)
	})
}

// srvCheckAnswer checks that a recorded answer is well formed.
func srvCheckAnswer(t *testing.T, w *httptest.ResponseRecorder) {
	t.Helper()
	if w.Code >= 500 || w.Code < 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if strings.Contains(w.Body.String(), srvSecret) {
		t.Fatalf("the body shows the secret: %s", w.Body)
	}
	var env struct {
		Code  string `json:"error-code" xml:"error-code"`
		Label string `json:"error-code-label" xml:"error-code-label"`
	}
	var err error
	switch ct := w.Header().Get("Content-Type"); ct {
	case "application/json":
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("invalid JSON: %s", w.Body)
		}
		err = json.Unmarshal(w.Body.Bytes(), &env)
	case "application/xml":
		err = srvWellFormedXML(w.Body.String())
		if err == nil {
			err = xml.Unmarshal(w.Body.Bytes(), &env)
		}
	default:
		t.Fatalf("Content-Type %q (status %d)", ct, w.Code)
	}
	if err != nil {
		t.Fatalf("body %q: %v", w.Body, err)
	}
	if w.Code >= 400 && (env.Code != strconv.Itoa(w.Code) || env.Label == "") {
		t.Fatalf("status %d with envelope %+v", w.Code, env)
	}
}

// srvWellFormedXML reads every token of an XML document.
func srvWellFormedXML(doc string) error {
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// srvToken reports whether s is an HTTP token, as a method must be.
func srvToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}
