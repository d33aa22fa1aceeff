// This file is copied, with the code generated from ../media_multipart.txtar,
// into a throwaway module by generator/media_e2e_test.go: a multipart upload
// whose file parts stream between the generated client and server over
// loopback.
package uploads_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"uploads.test/uploads"
)

// pattern is a non-seekable reader of n deterministic bytes.
type pattern struct{ n, at int64 }

func (p *pattern) Read(b []byte) (int, error) {
	if p.at >= p.n {
		return 0, io.EOF
	}
	k := min(int64(len(b)), p.n-p.at)
	for i := range k {
		b[i] = byte((p.at + i) % 251)
	}
	p.at += k
	return int(k), nil
}

func sum(r io.Reader) (string, int) {
	h := sha256.New()
	n, _ := io.Copy(h, r)
	return hex.EncodeToString(h.Sum(nil)), int(n)
}

type store struct{ uploads.UnimplementedHandler }

func (store) Upload(_ context.Context, in *uploads.UploadInput) (uploads.UploadResponse, error) {
	s, n := sum(in.Body.File)
	out := uploads.Received{Title: in.Body.Title, Copies: in.Body.Copies, Size: n, Sum: s}
	if in.Body.Thumbnail != nil {
		_, out.Thumbnail = sum(in.Body.Thumbnail)
	}
	return uploads.Upload201Response{Body: out}, nil
}

// peak samples the heap while f runs: the largest growth over the heap
// before it.
func peak(f func()) uint64 {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var top atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > top.Load() {
				top.Store(m.HeapAlloc)
			}
		}
	}()
	f()
	close(done)
	if t := top.Load(); t > before.HeapAlloc {
		return t - before.HeapAlloc
	}
	return 0
}

func TestMultipartEndToEnd(t *testing.T) {
	srv := httptest.NewServer(uploads.NewServer(store{}, uploads.WithServerLogger(nil)))
	defer srv.Close()
	c, err := uploads.NewClient(uploads.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const size = 64 << 20
	want, _ := sum(&pattern{n: size})
	var got *uploads.Received
	heap := peak(func() {
		got, err = c.Upload(ctx, uploads.UploadBody{Title: "big", File: &pattern{n: size}, Thumbnail: strings.NewReader("tiny")})
	})
	if err != nil || got.Size != size || got.Sum != want || got.Title != "big" || got.Copies != 1 || got.Thumbnail != 4 {
		t.Fatalf("Upload of 64 MiB: %+v, %v", got, err)
	}
	t.Logf("multipart upload of 64 MiB: heap growth %d KiB", heap>>10)
	if heap > 16<<20 {
		t.Errorf("multipart upload of 64 MiB: the heap grew by %d bytes, over 16 MiB", heap)
	}
	// An optional part left out; a required one is checked by both sides.
	if got, err := c.Upload(ctx, uploads.UploadBody{Title: "small", Copies: 2, File: strings.NewReader("abc")}); err != nil || got.Size != 3 || got.Copies != 2 || got.Thumbnail != 0 {
		t.Errorf("Upload without a thumbnail: %+v, %v", got, err)
	}
	var ve *uploads.ValidationError
	if _, err := c.Upload(ctx, uploads.UploadBody{Title: "none"}); !errors.As(err, &ve) || ve.Field != "file" {
		t.Errorf("Upload without its file: %v", err)
	}
	for _, tc := range []struct {
		ct, body string
		status   int
	}{
		{"application/json", `{}`, http.StatusUnsupportedMediaType},
		{"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n--x--\r\n", http.StatusBadRequest},
		{"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\nabc\r\n--x--\r\n", http.StatusCreated},
		{"multipart/form-data; boundary=x", "--x\r\nbroken", http.StatusBadRequest},
	} {
		resp, err := http.Post(srv.URL+"/uploads", tc.ct, strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("POST as %s: %d %s, want %d", tc.ct, resp.StatusCode, b, tc.status)
		}
	}
}
