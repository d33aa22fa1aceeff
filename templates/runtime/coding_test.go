package runtime

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func gzipped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEncodeContent: a declared Content-Encoding of gzip compresses the
// body the client encoded; identity leaves it; other codings and streams
// are refused before sending.
func TestEncodeContent(t *testing.T) {
	r := &request{header: http.Header{"Content-Encoding": {"gzip"}}, body: []byte(`{"a":1}`)}
	if err := r.encodeContent(); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(zr); string(b) != `{"a":1}` {
		t.Errorf("decompressed %q", b)
	}
	plain := &request{header: http.Header{"Content-Encoding": {"identity"}}, body: []byte("x")}
	if err := plain.encodeContent(); err != nil || string(plain.body) != "x" {
		t.Errorf("identity: %q, %v", plain.body, err)
	}
	if err := (&request{header: http.Header{"Content-Encoding": {"br"}}, body: []byte("x")}).encodeContent(); err == nil || !strings.Contains(err.Error(), "gzip only") {
		t.Errorf("br: %v", err)
	}
	if err := (&request{header: http.Header{"Content-Encoding": {"gzip"}}, stream: strings.NewReader("x")}).encodeContent(); err == nil {
		t.Error("gzip over a stream was taken")
	}
	if err := (&request{body: []byte("x")}).encodeContent(); err != nil {
		t.Errorf("no header: %v", err)
	}
}

// TestServerGzipBody: an operation declaring Content-Encoding reads a
// gzip body decompressed, under the cap (counted decompressed); a broken
// one is a 400; an operation that declares none still refuses the coding
// (415).
func TestServerGzipBody(t *testing.T) {
	op := &srvOperation{id: "post", offers: []srvMedia{srvMediaJSON}, body: srvMediaForm, errorRoot: "r", gzip: true}
	plain := &srvOperation{id: "post", offers: []srvMedia{srvMediaJSON}, body: srvMediaForm, errorRoot: "r"}
	read := func(op *srvOperation, body string, opts ...ServerOption) (int, string) {
		r := httptest.NewRequest("POST", "/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Content-Encoding", "gzip")
		s := NewServer(nil, opts...).(*server)
		x := srvExchange{op: op}
		status, _ := s.readBody(r, &x)
		return status, x.body
	}
	if status, body := read(op, gzipped(t, "a=1&b=2")); status != 0 || body != "a=1&b=2" {
		t.Errorf("gzip body: %d %q", status, body)
	}
	if status, _ := read(op, gzipped(t, "a="+strings.Repeat("a", 100)), WithMaxBodyBytes(50)); status != 413 {
		t.Errorf("over the cap decompressed: %d", status)
	}
	if status, _ := read(op, "a=1"); status != 400 {
		t.Errorf("not gzip: %d", status)
	}
	if status, _ := read(plain, gzipped(t, "a=1")); status != 415 {
		t.Errorf("undeclared coding: %d", status)
	}
}
