package interop

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
)

// capture keeps the last exchange a server saw, on the wire: the request's
// headers, query and cookies (for the credentials the peer's client is to
// repeat) and the response's status and body.
type capture struct {
	mu       sync.Mutex
	requests int
	req      *http.Request
	status   int
	body     []byte
	header   http.Header // the response's headers
	rbody    []byte      // the request's body
}

func (c *capture) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests, c.req, c.status, c.body, c.header, c.rbody = 0, nil, 0, nil, nil, nil
}

// wrap serves h, recording each exchange. INTEROP_TAMPER_QUERY=name=value
// and INTEROP_TAMPER_HEADER=name=value, set only by the bench module's
// TestInteropCatches, override a query parameter on the way in and a
// response header on the way out, to prove that a disagreement fails.
func (c *capture) wrap(h http.Handler) http.Handler {
	tamperName, tamperValue, tamper := strings.Cut(os.Getenv("INTEROP_TAMPER_QUERY"), "=")
	headerName, headerValue, tamperHeader := strings.Cut(os.Getenv("INTEROP_TAMPER_HEADER"), "=")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if q := r.URL.Query(); tamper && q.Has(tamperName) {
			q.Set(tamperName, tamperValue)
			r.URL.RawQuery = q.Encode()
		}
		rb, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(rb))
		c.mu.Lock()
		c.requests++ // before serving: a handler that panics was reached
		c.req, c.rbody = r.Clone(r.Context()), rb
		c.mu.Unlock()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if tamperHeader && rec.Header().Get(headerName) != "" {
			rec.Header().Set(headerName, headerValue)
		}
		c.mu.Lock()
		c.status, c.body, c.header = rec.Code, bytes.Clone(rec.Body.Bytes()), rec.Header().Clone()
		c.mu.Unlock()
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = io.Copy(w, rec.Body)
	})
}

func (c *capture) last() (requests, status int, body []byte, req *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.requests, c.status, c.body, c.req
}

// respHeader is the last response's headers.
func (c *capture) respHeader() http.Header {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.header
}

func (c *capture) reqBody() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rbody
}
