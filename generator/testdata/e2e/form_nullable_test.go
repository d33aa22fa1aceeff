// This file is copied, with the code generated from ../form_nullable.txtar,
// into a throwaway module by generator/form_nullable_e2e_test.go: nullable
// properties of a model body sent as a form, a value as its own text and
// null as an empty value, bound back by the generated server.
package nullforms_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"

	"nullforms.test/nullforms"
)

type edits struct{ nullforms.UnimplementedHandler }

func (edits) EditMessage(_ context.Context, in *nullforms.EditMessageInput) (nullforms.EditMessageResponse, error) {
	return nullforms.EditMessage200Response{Body: in.Body}, nil
}

// sent records the body of the last request.
type sent struct {
	mu   sync.Mutex
	body string
	next http.Handler
}

func (s *sent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(strings.NewReader(string(b)))
	s.mu.Lock()
	s.body = string(b)
	s.mu.Unlock()
	s.next.ServeHTTP(w, r)
}

func (s *sent) last() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.body
}

func TestFormNullableEndToEnd(t *testing.T) {
	rec := &sent{next: nullforms.NewServer(edits{}, nullforms.WithServerLogger(nil))}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	ctx := context.Background()
	form, err := nullforms.NewClient(nullforms.WithBaseURL(srv.URL), nullforms.WithBodyMedia("application/x-www-form-urlencoded"))
	if err != nil {
		t.Fatal(err)
	}
	json, _ := nullforms.NewClient(nullforms.WithBaseURL(srv.URL))
	values := nullforms.Edit{
		Content:    nullforms.NewNullable("hi & bye"),
		Flags:      nullforms.NewNullable(0), // a zero value that is set travels
		Tts:        nullforms.NewNullable(false),
		StickerIds: nullforms.NewNullable([]string{"1", "2"}),
		Mentions:   nullforms.NewNullable(nullforms.Mentions{Parse: []string{"users"}, Replied: nullforms.NewNullable(true)}),
		Embeds: nullforms.NewNullable([]nullforms.Embed{
			{Title: nullforms.NewNullable("a"), URL: "https://x.example"},
			{Title: nullforms.Null[string](), URL: "https://y.example"},
		}),
	}
	nulls := nullforms.Edit{
		Content: nullforms.Null[string](), Flags: nullforms.Null[int](), Tts: nullforms.Null[bool](),
		StickerIds: nullforms.Null[[]string](), Mentions: nullforms.Null[nullforms.Mentions](),
		Embeds: nullforms.Null[[]nullforms.Embed](),
	}
	absent := nullforms.Edit{Flags: nullforms.NewNullable(3)}
	for name, in := range map[string]nullforms.Edit{"values": values, "nulls": nulls, "absent": absent} {
		for cname, c := range map[string]*nullforms.Client{"form": form, "json": json} {
			got, err := c.EditMessage(ctx, in)
			if err != nil {
				t.Fatalf("%s as %s: %v", name, cname, err)
			}
			if !reflect.DeepEqual(*got, in) {
				t.Errorf("%s as %s: the server bound\n%+v\nwant\n%+v", name, cname, *got, in)
			}
		}
	}
	// The form's keys for nulls: each key with an empty value.
	if _, err := form.EditMessage(ctx, nulls); err != nil {
		t.Fatal(err)
	}
	q, err := url.ParseQuery(rec.last())
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{"content": {""}, "flags": {""}, "tts": {""}, "sticker_ids": {""}, "mentions": {""}, "embeds": {""}}
	if !reflect.DeepEqual(q, want) {
		t.Errorf("nulls sent as %v, want %v", q, want)
	}
	if _, err := form.EditMessage(ctx, values); err != nil {
		t.Fatal(err)
	}
	q, _ = url.ParseQuery(rec.last())
	for k, v := range map[string]string{
		"content": "hi & bye", "flags": "0", "tts": "false", "mentions[parse]": "users", "mentions[replied]": "true",
		"embeds[0][title]": "a", "embeds[1][title]": "", "embeds[1][url]": "https://y.example",
	} {
		if got, ok := q[k]; !ok || got[0] != v {
			t.Errorf("form field %s = %q, want %q (body %s)", k, got, v, rec.last())
		}
	}
	if got := q["sticker_ids"]; !reflect.DeepEqual(got, []string{"1", "2"}) {
		t.Errorf("sticker_ids = %q", got)
	}
	// The server: forms as others write them.
	for _, tc := range []struct {
		body   string
		status int
		says   string
	}{
		{"flags=", 200, `"flags":null`},
		{"flags=4&content=", 200, `"content":null`},
		{"flags=4&content=abc", 200, `"content":"abc"`},
		{"flags=4&mentions[replied]=", 200, `"mentions":{"replied":null}`},
		{"flags=4&mentions=", 200, `"mentions":null`},
		{"flags=4&sticker_ids=a&sticker_ids=", 200, `"sticker_ids":["a",""]`},
		{"content=abc", 400, "flags"},
		{"flags=x", 400, "integer"},
		{"flags=1&content=" + strings.Repeat("x", 21), 400, "content"},
	} {
		resp, err := patch(srv.URL+"/messages", "application/x-www-form-urlencoded", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.says) {
			t.Errorf("%s: %d %s, want %d with %q", tc.body, resp.StatusCode, b, tc.status, tc.says)
		}
	}
}

func patch(u, ct string, body io.Reader) (*http.Response, error) {
	r, err := http.NewRequest(http.MethodPatch, u, body)
	if err != nil {
		return nil, err
	}
	r.Header.Set("Content-Type", ct)
	return http.DefaultClient.Do(r)
}
