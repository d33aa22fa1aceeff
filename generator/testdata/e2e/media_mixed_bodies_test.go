// This file is copied, with the code generated from
// ../media_mixed_bodies.txtar, into a throwaway module by
// generator/media_e2e_test.go: request bodies declared as JSON beside a
// form, multipart, text or a stream, each format sent by the generated
// client and bound by the generated server into its field.
package mixed_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"mixed.test/mixed"
)

type store struct{ mixed.UnimplementedHandler }

func read(r io.Reader) string {
	b, err := io.ReadAll(r)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

func (store) SendMessage(_ context.Context, in *mixed.SendMessageInput) (mixed.SendMessageResponse, error) {
	var out mixed.Received
	switch b := in.Body; {
	case b.JSON != nil && b.Multipart != nil:
		out.Media = "both"
	case b.JSON != nil:
		out.Media, out.Content, out.Tts = "json", b.JSON.Content, b.JSON.Tts
		if b.JSON.Embed != nil {
			out.Title = b.JSON.Embed.Title
		}
	case b.Multipart != nil:
		out.Media, out.Content = "multipart", b.Multipart.Content
		if b.Multipart.Tts != nil {
			out.Tts = *b.Multipart.Tts
		}
		if b.Multipart.Embed != nil {
			out.Title = b.Multipart.Embed.Title
		}
		for _, f := range b.Multipart.Files {
			out.Files = append(out.Files, read(f))
		}
	default:
		out.Media = "none"
	}
	return mixed.SendMessage200Response{Body: out}, nil
}

func (store) CreateSkill(_ context.Context, in *mixed.CreateSkillInput) (mixed.CreateSkillResponse, error) {
	var out mixed.Received
	switch b := in.Body; {
	case b.JSON != nil:
		out.Media, out.Content, out.Files = "json", b.JSON.Name, []string{string(b.JSON.Bundle)}
	case b.Multipart != nil && b.Multipart.Name == "big":
		n, err := io.Copy(io.Discard, b.Multipart.Bundle)
		out.Media, out.Content = "multipart", strconv.FormatInt(n, 10)
		if err != nil {
			out.Content = err.Error()
		}
	case b.Multipart != nil:
		out.Media, out.Content, out.Files = "multipart", b.Multipart.Name, []string{read(b.Multipart.Bundle)}
	}
	return mixed.CreateSkill200Response{Body: out}, nil
}

func (store) PutNote(_ context.Context, in *mixed.PutNoteInput) (mixed.PutNoteResponse, error) {
	out := mixed.Received{Media: "none"}
	switch b := in.Body; {
	case b.JSON != nil:
		out.Media, out.Content = "json", b.JSON.Text
	case b.Text != nil:
		out.Media, out.Content = "text", *b.Text
	}
	return mixed.PutNote200Response{Body: out}, nil
}

func (store) PutAvatar(_ context.Context, in *mixed.PutAvatarInput) (mixed.PutAvatarResponse, error) {
	var out mixed.Received
	switch b := in.Body; {
	case b.JSON != nil:
		out.Media, out.Content = "json", b.JSON.URL
	case b.Stream != nil:
		out.Media, out.Content = "stream", read(b.Stream)
	}
	return mixed.PutAvatar200Response{Body: out}, nil
}

func TestMixedBodies(t *testing.T) {
	srv := httptest.NewServer(mixed.NewServer(store{}, mixed.WithServerLogger(nil)))
	defer srv.Close()
	c, err := mixed.NewClient(mixed.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	asForm, err := mixed.NewClient(mixed.WithBaseURL(srv.URL), mixed.WithBodyMedia("application/x-www-form-urlencoded"))
	if err != nil {
		t.Fatal(err)
	}
	asMultipart, err := mixed.NewClient(mixed.WithBaseURL(srv.URL), mixed.WithBodyMedia("multipart/form-data", "text/plain", "image/png"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	msg := &mixed.Message{Content: "hi", Tts: true, Embed: &mixed.MessageEmbed{Title: "t"}}
	tts := true
	mp := func() *mixed.SendMessageMultipartBody {
		return &mixed.SendMessageMultipartBody{Content: "hi", Tts: &tts, Embed: &mixed.MessageEmbed{Title: "t"},
			Files: []io.Reader{strings.NewReader("f0"), strings.NewReader("f1")}}
	}
	for _, tc := range []struct {
		what string
		c    *mixed.Client
		body mixed.SendMessageRequestBody
		want mixed.Received
	}{
		{"JSON", c, mixed.SendMessageRequestBody{JSON: msg}, mixed.Received{Media: "json", Content: "hi", Tts: true, Title: "t"}},
		{"the form of the JSON model", asForm, mixed.SendMessageRequestBody{JSON: msg}, mixed.Received{Media: "json", Content: "hi", Tts: true, Title: "t"}},
		{"multipart", c, mixed.SendMessageRequestBody{Multipart: mp()}, mixed.Received{Media: "multipart", Content: "hi", Tts: true, Title: "t", Files: []string{"f0", "f1"}}},
		{"both set: JSON first", c, mixed.SendMessageRequestBody{JSON: msg, Multipart: mp()}, mixed.Received{Media: "json", Content: "hi", Tts: true, Title: "t"}},
		{"both set, multipart preferred", asMultipart, mixed.SendMessageRequestBody{JSON: msg, Multipart: mp()}, mixed.Received{Media: "multipart", Content: "hi", Tts: true, Title: "t", Files: []string{"f0", "f1"}}},
		{"multipart preferred, JSON set", asMultipart, mixed.SendMessageRequestBody{JSON: msg}, mixed.Received{Media: "json", Content: "hi", Tts: true, Title: "t"}},
	} {
		got, err := tc.c.SendMessage(ctx, tc.body)
		if err != nil || !reflect.DeepEqual(*got, tc.want) {
			t.Errorf("SendMessage as %s: %+v, %v; want %+v", tc.what, got, err, tc.want)
		}
	}
	if _, err := c.SendMessage(ctx, mixed.SendMessageRequestBody{}); !errors.Is(err, mixed.ErrInvalidInput) || !strings.Contains(err.Error(), "no body is set") {
		t.Errorf("SendMessage without a body: %v", err)
	}
	var ve *mixed.ValidationError
	bad := mp()
	bad.Files = append(bad.Files, strings.NewReader("f2"))
	if _, err := c.SendMessage(ctx, mixed.SendMessageRequestBody{Multipart: bad}); !errors.As(err, &ve) || ve.Field != "files" || ve.Rule != "maxItems" {
		t.Errorf("SendMessage of three files: %v", err)
	}
	bad = mp()
	bad.Embed = &mixed.MessageEmbed{}
	if _, err := c.SendMessage(ctx, mixed.SendMessageRequestBody{Multipart: bad}); !errors.As(err, &ve) || ve.Field != "embed.title" {
		t.Errorf("SendMessage of an embed without its title: %v", err)
	}

	// One component, []byte in JSON and a file part in multipart.
	got, err := c.CreateSkill(ctx, mixed.CreateSkillRequestBody{JSON: &mixed.Skill{Name: "s", Bundle: []byte("zip")}})
	if err != nil || got.Media != "json" || got.Content != "s" || got.Files[0] != "zip" {
		t.Errorf("CreateSkill as JSON: %+v, %v", got, err)
	}
	got, err = c.CreateSkill(ctx, mixed.CreateSkillRequestBody{Multipart: &mixed.CreateSkillMultipartBody{Name: "s", Bundle: strings.NewReader("zip")}})
	if err != nil || got.Media != "multipart" || got.Content != "s" || got.Files[0] != "zip" {
		t.Errorf("CreateSkill as multipart: %+v, %v", got, err)
	}
	if _, err := c.CreateSkill(ctx, mixed.CreateSkillRequestBody{Multipart: &mixed.CreateSkillMultipartBody{Name: "s"}}); !errors.As(err, &ve) || ve.Field != "bundle" {
		t.Errorf("CreateSkill without its bundle: %v", err)
	}

	// Text beside JSON, its schema's maxLength checked.
	note := "a note"
	if got, err := c.PutNote(ctx, mixed.PutNoteRequestBody{Text: &note}); err != nil || got.Media != "text" || got.Content != note {
		t.Errorf("PutNote as text: %+v, %v", got, err)
	}
	if got, err := c.PutNote(ctx, mixed.PutNoteRequestBody{}); err != nil || got.Media != "none" {
		t.Errorf("PutNote without a body (optional): %+v, %v", got, err)
	}
	if got, err := c.PutNote(ctx, mixed.PutNoteRequestBody{JSON: &mixed.Note{Text: note}}); err != nil || got.Media != "json" || got.Content != note {
		t.Errorf("PutNote as JSON: %+v, %v", got, err)
	}
	if got, err := asMultipart.PutNote(ctx, mixed.PutNoteRequestBody{JSON: &mixed.Note{Text: "j"}, Text: &note}); err != nil || got.Media != "text" {
		t.Errorf("PutNote, text preferred: %+v, %v", got, err)
	}
	long := strings.Repeat("x", 101)
	if _, err := c.PutNote(ctx, mixed.PutNoteRequestBody{Text: &long}); !errors.As(err, &ve) || ve.Rule != "maxLength" {
		t.Errorf("PutNote of 101 characters: %v", err)
	}

	// A stream beside JSON.
	if got, err := c.PutAvatar(ctx, mixed.PutAvatarRequestBody{Stream: strings.NewReader("png bytes")}); err != nil || got.Media != "stream" || got.Content != "png bytes" {
		t.Errorf("PutAvatar as a stream: %+v, %v", got, err)
	}
	if got, err := c.PutAvatar(ctx, mixed.PutAvatarRequestBody{JSON: &mixed.AvatarLink{URL: "https://x/a.png"}}); err != nil || got.Media != "json" || got.Content != "https://x/a.png" {
		t.Errorf("PutAvatar as JSON: %+v, %v", got, err)
	}
}

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

// TestMixedBodiesStream sends a 64 MiB file part of a body that is also
// declared as JSON: the server picks multipart before reading anything,
// so the part streams (spilled to a temporary file past 1 MiB), beyond
// the 1 MiB cap of buffered bodies, and the heap grows by less than 16
// MiB.
func TestMixedBodiesStream(t *testing.T) {
	srv := httptest.NewServer(mixed.NewServer(store{}, mixed.WithServerLogger(nil)))
	defer srv.Close()
	c, err := mixed.NewClient(mixed.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	const size = 64 << 20
	var got *mixed.Received
	heap := peak(func() {
		got, err = c.CreateSkill(context.Background(), mixed.CreateSkillRequestBody{
			Multipart: &mixed.CreateSkillMultipartBody{Name: "big", Bundle: &pattern{n: size}}})
	})
	if err != nil || got.Media != "multipart" || got.Content != strconv.Itoa(size) {
		t.Fatalf("CreateSkill of 64 MiB: %+v, %v", got, err)
	}
	t.Logf("mixed body, multipart upload of 64 MiB: heap growth %d KiB", heap>>10)
	if heap > 16<<20 {
		t.Errorf("multipart upload of 64 MiB: the heap grew by %d bytes, over 16 MiB", heap)
	}
}

// TestMixedBodiesServer posts bodies as other clients write them.
func TestMixedBodiesServer(t *testing.T) {
	srv := httptest.NewServer(mixed.NewServer(store{}, mixed.WithServerLogger(nil)))
	defer srv.Close()
	part := func(name, value string) string {
		return "--x\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"
	}
	for _, tc := range []struct {
		method, path, ct, body string
		status                 int
		has                    string
	}{
		{"POST", "/messages", "application/json", `{"content":"hi"}`, 200, `"media":"json"`},
		{"POST", "/messages", "application/x-www-form-urlencoded", `content=hi&embed[title]=t`, 200, `"title":"t"`},
		{"POST", "/messages", "multipart/form-data; boundary=x", part("content", "hi") + part("embed", `{"title":"t"}`) + "--x--\r\n", 200, `"media":"multipart"`},
		{"POST", "/messages", "multipart/form-data; boundary=x", part("embed", `{"title":"t"}`) + "--x--\r\n", 400, "content"},
		{"POST", "/messages", "multipart/form-data; boundary=x", part("content", "hi") + part("embed", `{}`) + "--x--\r\n", 400, "embed.title"},
		{"POST", "/messages", "text/plain", `hi`, 415, "multipart/form-data"},
		{"POST", "/messages", "application/json", ``, 400, "required"},
		{"PUT", "/notes", "text/plain; charset=utf-8", `plain`, 200, `{"media":"text","content":"plain"}`},
		{"PUT", "/notes", "text/plain", strings.Repeat("x", 101), 400, "greater than the maximum length 100"},
		{"PUT", "/notes", "application/json", ``, 200, `"media":"none"`},
		{"PUT", "/avatar", "image/png", `png`, 200, `{"media":"stream","content":"png"}`},
		{"PUT", "/avatar", "image/jpeg", `jpg`, 415, "image/png"},
	} {
		req, err := http.NewRequest(tc.method, srv.URL+tc.path, strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", tc.ct)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b := read(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(b, tc.has) {
			t.Errorf("%s %s as %s: %d %s, want %d with %s", tc.method, tc.path, tc.ct, resp.StatusCode, b, tc.status, tc.has)
		}
	}
}
