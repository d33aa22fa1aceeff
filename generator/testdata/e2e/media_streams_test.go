// This file is copied, with the code generated from ../media_streams.txtar,
// into a throwaway module by generator/media_e2e_test.go: binary streams
// and text bodies between the generated client and server over loopback.
package streams_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"hash"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"streams.test/streams"
)

// pattern is an endless, non-seekable reader of n deterministic bytes.
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

func digest(r io.Reader) ([]byte, int64) {
	h := sha256.New()
	n, _ := io.Copy(h, r)
	return h.Sum(nil), n
}

type files struct {
	streams.UnimplementedHandler
	mu       sync.Mutex
	sums     map[string][]byte
	uploads  atomic.Int32
	failNext atomic.Int32
	notes    map[string]string
}

func (f *files) DownloadFile(_ context.Context, in *streams.DownloadFileInput) (streams.DownloadFileResponse, error) {
	if in.Params.Name == "missing" {
		return streams.DownloadFile404Response{Body: streams.Problem{Title: "no such file"}}, nil
	}
	return streams.DownloadFile200Response{Body: io.NopCloser(&pattern{n: 64 << 20})}, nil
}

func (f *files) UploadFile(_ context.Context, in *streams.UploadFileInput) (streams.UploadFileResponse, error) {
	f.uploads.Add(1)
	if f.failNext.Add(-1) >= 0 {
		return streams.UploadFile503Response{}, nil
	}
	sum, n := digest(in.Body)
	f.mu.Lock()
	f.sums[in.Params.Name] = sum
	f.mu.Unlock()
	return streams.UploadFile201Response{Body: streams.FileInfo{Name: in.Params.Name, Size: int(n)}}, nil
}

func (f *files) UploadImage(_ context.Context, in *streams.UploadImageInput) (streams.UploadImageResponse, error) {
	_, n := digest(in.Body)
	return streams.UploadImage200Response{Body: in.ContentType + " " + itoa(n)}, nil
}

func (f *files) GetImage(_ context.Context, in *streams.GetImageInput) (streams.GetImageResponse, error) {
	return streams.GetImage200Response{Body: strings.NewReader("\xff\xd8jpeg"), ContentType: "image/jpeg"}, nil
}

func (f *files) GetNote(_ context.Context, in *streams.GetNoteInput) (streams.GetNoteResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return streams.GetNote200Response{Body: f.notes[in.Params.Name]}, nil
}

func (f *files) PutNote(_ context.Context, in *streams.PutNoteInput) (streams.PutNoteResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.notes[in.Params.Name] = in.Body
	return streams.PutNote204Response{}, nil
}

func (f *files) GetReport(context.Context, *streams.GetReportInput) (streams.GetReportResponse, error) {
	return streams.GetReport200Response{Body: "a,b\n1,2\n"}, nil
}

func (f *files) GetRaw(context.Context, *streams.GetRawInput) (streams.GetRawResponse, error) {
	return streams.GetRaw200Response{Body: strings.NewReader(`{"any": [1, "thing"]}`)}, nil
}

func itoa(n int64) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		if n /= 10; n == 0 {
			return string(b)
		}
	}
}

// peak samples the heap while f runs and returns the largest growth over
// the heap before it, and the bytes allocated meanwhile.
func peak(f func()) (heap, allocated uint64) {
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
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > top.Load() {
		top.Store(after.HeapAlloc)
	}
	growth := uint64(0)
	if t := top.Load(); t > before.HeapAlloc {
		growth = t - before.HeapAlloc
	}
	return growth, after.TotalAlloc - before.TotalAlloc
}

func setup(t *testing.T, opts ...streams.Option) (*files, *streams.Client, string) {
	t.Helper()
	f := &files{sums: map[string][]byte{}, notes: map[string]string{}}
	srv := httptest.NewServer(streams.NewServer(f, streams.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	c, err := streams.NewClient(append(opts, streams.WithBaseURL(srv.URL))...)
	if err != nil {
		t.Fatal(err)
	}
	return f, c, srv.URL
}

// TestStreamsLarge sends 64 MiB up and down: neither side holds it.
func TestStreamsLarge(t *testing.T) {
	f, c, _ := setup(t)
	ctx := context.Background()
	const size = 64 << 20
	want, _ := digest(&pattern{n: size})
	var info *streams.FileInfo
	var err error
	heap, allocated := peak(func() { info, err = c.UploadFile(ctx, streams.UploadFileParams{Name: "big"}, &pattern{n: size}) })
	if err != nil || info.Size != size || !bytes.Equal(f.sums["big"], want) {
		t.Fatalf("UploadFile: %+v, %v", info, err)
	}
	t.Logf("upload of 64 MiB: heap growth %d KiB, allocated %d KiB", heap>>10, allocated>>10)
	if heap > 16<<20 || allocated > 16<<20 {
		t.Errorf("upload of 64 MiB: heap grew %d bytes, %d allocated: the body was held", heap, allocated)
	}
	var got []byte
	var n int64
	var ct string
	heap, allocated = peak(func() {
		s, err := c.DownloadFile(ctx, streams.DownloadFileParams{Name: "big"})
		if err != nil {
			t.Error(err)
			return
		}
		defer s.Body.Close()
		ct = s.ContentType
		got, n = digest(s.Body)
	})
	if n != size || !bytes.Equal(got, want) || ct != "application/octet-stream" {
		t.Fatalf("DownloadFile: %d bytes, %s", n, ct)
	}
	t.Logf("download of 64 MiB: heap growth %d KiB, allocated %d KiB", heap>>10, allocated>>10)
	if heap > 16<<20 || allocated > 16<<20 {
		t.Errorf("download of 64 MiB: heap grew %d bytes, %d allocated: the body was held", heap, allocated)
	}
}

// TestStreamsRetry: a streamed body is resent only when it can seek back.
func TestStreamsRetry(t *testing.T) {
	f, c, _ := setup(t, streams.WithRetryPolicy(streams.RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}))
	ctx := context.Background()
	f.failNext.Store(1)
	var ae *streams.APIError
	if _, err := c.UploadFile(ctx, streams.UploadFileParams{Name: "once"}, &pattern{n: 1000}); !errors.As(err, &ae) || ae.StatusCode != 503 {
		t.Fatalf("UploadFile of a reader that cannot seek, after a 503: %v", err)
	}
	if got := f.uploads.Load(); got != 1 {
		t.Errorf("a body that cannot seek back was sent %d times", got)
	}
	f.uploads.Store(0)
	f.failNext.Store(1)
	body := bytes.NewReader(bytes.Repeat([]byte("x"), 1000))
	info, err := c.UploadFile(ctx, streams.UploadFileParams{Name: "twice"}, body)
	if err != nil || info.Size != 1000 || f.uploads.Load() != 2 {
		t.Fatalf("UploadFile of a *bytes.Reader after a 503: %+v, %v, %d attempts", info, err, f.uploads.Load())
	}
}

// TestStreamsKinds: ranges, several types, text, JSON without a schema,
// and the server's 415s.
func TestStreamsKinds(t *testing.T) {
	_, c, url := setup(t)
	ctx := context.Background()
	var ae *streams.APIError
	if _, err := c.DownloadFile(ctx, streams.DownloadFileParams{Name: "missing"}); !errors.As(err, &ae) || ae.StatusCode != 404 {
		t.Errorf("DownloadFile(missing): %v", err)
	}
	got, err := c.UploadImage(ctx, strings.NewReader("\x89PNG...."), "image/png")
	if err != nil || got != "image/png 8" {
		t.Errorf("UploadImage: %q, %v", got, err)
	}
	if _, err := c.UploadImage(ctx, strings.NewReader("hello"), "text/plain"); !errors.As(err, &ae) || ae.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("UploadImage as text/plain: %v, want a 415", err)
	}
	img, err := c.GetImage(ctx, streams.GetImageParams{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(img.Body)
	img.Body.Close()
	if string(b) != "\xff\xd8jpeg" || img.ContentType != "image/jpeg" {
		t.Errorf("GetImage: %q as %s", b, img.ContentType)
	}
	if err := c.PutNote(ctx, streams.PutNoteParams{Name: "n"}, "héllo\nworld"); err != nil {
		t.Fatal(err)
	}
	if note, err := c.GetNote(ctx, streams.GetNoteParams{Name: "n"}); err != nil || note != "héllo\nworld" {
		t.Errorf("GetNote: %q, %v", note, err)
	}
	if report, err := c.GetReport(ctx); err != nil || report != "a,b\n1,2\n" {
		t.Errorf("GetReport: %q, %v", report, err)
	}
	raw, err := c.GetRaw(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(raw.Body)
	raw.Body.Close()
	if string(b) != `{"any": [1, "thing"]}` || raw.ContentType != "application/json" {
		t.Errorf("GetRaw: %q as %s", b, raw.ContentType)
	}
	// On the wire: the declared types, the Accept the client sends.
	for _, tc := range []struct {
		method, path, ct, accept, body string
		status                         int
		answer                         string
	}{
		{"PUT", "/files/a", "application/json", "", "{}", http.StatusUnsupportedMediaType, ""},
		{"PUT", "/files/a", "application/octet-stream", "", "abc", http.StatusCreated, "application/json"},
		{"PUT", "/notes/a", "text/html", "", "abc", http.StatusUnsupportedMediaType, ""},
		{"PUT", "/notes/a", "text/plain; charset=latin1", "", "abc", http.StatusUnsupportedMediaType, ""},
		{"GET", "/report", "", "text/html", "", http.StatusOK, "text/html; charset=utf-8"},
		{"GET", "/report", "", "", "", http.StatusOK, "text/csv; charset=utf-8"},
		{"GET", "/report", "", "application/json", "", http.StatusNotAcceptable, ""},
		{"GET", "/images/x", "", "image/*", "", http.StatusOK, "image/jpeg"},
	} {
		req, _ := http.NewRequest(tc.method, url+tc.path, strings.NewReader(tc.body))
		if tc.ct != "" {
			req.Header.Set("Content-Type", tc.ct)
		}
		if tc.accept != "" {
			req.Header.Set("Accept", tc.accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || tc.answer != "" && resp.Header.Get("Content-Type") != tc.answer {
			t.Errorf("%s %s as %q accepting %q: %d %s %s, want %d %s", tc.method, tc.path, tc.ct, tc.accept,
				resp.StatusCode, resp.Header.Get("Content-Type"), b, tc.status, tc.answer)
		}
	}
}

var _ hash.Hash = sha256.New()
