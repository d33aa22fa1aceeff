package nexmo_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// srvBench serves one request shape b.N times through ServeHTTP, with a
// recorder reset between requests.
func srvBench(b *testing.B, newReq func() *http.Request, want int) {
	handler := nexmo.NewServer(&srvHandler{}, nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(srvKey, srvSecret)))
	w := &srvDiscard{header: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.header)
		w.code = 0
		handler.ServeHTTP(w, newReq())
		if w.code != want {
			b.Fatalf("status %d", w.code)
		}
	}
}

// srvDiscard is a ResponseWriter that keeps the status and drops the body,
// reusable so the benchmark measures the server alone.
type srvDiscard struct {
	header http.Header
	code   int
}

func (d *srvDiscard) Header() http.Header { return d.header }

func (d *srvDiscard) WriteHeader(code int) { d.code = code }

func (d *srvDiscard) Write(p []byte) (int, error) {
	if d.code == 0 {
		d.code = http.StatusOK
	}
	return len(p), nil
}

// BenchmarkServeSearch binds, validates, calls and encodes a search.
func BenchmarkServeSearch(b *testing.B) {
	req := httptest.NewRequest("GET", "/number/search?"+srvCreds+"&country=GB&features=SMS,VOICE&size=20&pattern=447", nil)
	srvBench(b, func() *http.Request { return req }, 200)
}

// BenchmarkServeSearchXML is the search answered in XML.
func BenchmarkServeSearchXML(b *testing.B) {
	req := httptest.NewRequest("GET", "/number/search?"+srvCreds+"&country=GB&features=SMS,VOICE&size=20&pattern=447", nil)
	req.Header.Set("Accept", "application/xml")
	srvBench(b, func() *http.Request { return req }, 200)
}

// BenchmarkServeBuy reads, binds and validates a form body.
func BenchmarkServeBuy(b *testing.B) {
	const body = "country=GB&msisdn=447700900000"
	req := httptest.NewRequest("POST", "/number/buy?"+srvCreds, nil)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.ContentLength = int64(len(body))
	r := strings.NewReader(body)
	srvBench(b, func() *http.Request {
		r.Reset(body)
		req.Body = readCloser{r}
		return req
	}, 200)
}

// readCloser is a reusable request body.
type readCloser struct{ *strings.Reader }

// Close does nothing.
func (readCloser) Close() error { return nil }
