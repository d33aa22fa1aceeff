package interop

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
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
	rbody    []byte // the request's body
}

func (c *capture) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests, c.req, c.status, c.body, c.rbody = 0, nil, 0, nil, nil
}

// wrap serves h, recording each exchange.
func (c *capture) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rb, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(rb))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		c.mu.Lock()
		c.requests++
		c.req = r.Clone(r.Context())
		c.status, c.body, c.rbody = rec.Code, bytes.Clone(rec.Body.Bytes()), rb
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

func (c *capture) reqBody() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rbody
}
