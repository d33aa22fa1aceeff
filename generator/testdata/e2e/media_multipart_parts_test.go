// This file is copied, with the code generated from
// ../media_multipart_parts.txtar, into a throwaway module by
// generator/media_e2e_test.go: a multipart body of JSON parts, repeated
// text parts and an array of files between the generated client and
// server over loopback, and the parts the client writes as a server of
// another make reads them.
package parts_test

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"parts.test/parts"
)

type store struct{ parts.UnimplementedHandler }

func read(r io.Reader) string {
	b, err := io.ReadAll(r)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

func (store) UploadFiles(_ context.Context, in *parts.UploadFilesInput) (parts.UploadFilesResponse, error) {
	b := in.Body
	out := parts.Received{
		Name:       b.Attributes.Name,
		ModifiedAt: b.Attributes.ModifiedAt,
		Counts:     b.Counts,
		Tags:       b.Tags,
		Scores:     b.Scores,
		File:       read(b.File),
		Extras:     []string{},
		Types:      map[string]string{},
	}
	if b.Meta != nil {
		out.Owner = b.Meta.Owner
	}
	for _, l := range b.Labels {
		out.Labels = append(out.Labels, l.Key+"="+l.Value)
	}
	for _, e := range b.Extras {
		out.Extras = append(out.Extras, read(e))
	}
	if b.Thumbnail != nil {
		out.Thumbnail = read(b.Thumbnail)
	}
	return parts.UploadFiles201Response{Body: out}, nil
}

func full() parts.UploadFilesBody {
	at := time.Date(2026, 12, 2, 10, 53, 43, 0, time.UTC)
	return parts.UploadFilesBody{
		Attributes: parts.UploadFilesBodyAttributes{Name: "Photo 2.0.png", ModifiedAt: &at},
		Meta:       &parts.Meta{Owner: "ann", Version: 2},
		Counts:     map[string]int{"views": 3},
		Labels:     []parts.Label{{Key: "k", Value: "v"}, {Key: "solo"}},
		Tags:       []string{"a b", "c,d"},
		Scores:     []int{0, 7},
		File:       strings.NewReader("the file"),
		Extras:     []io.Reader{strings.NewReader("one"), strings.NewReader("two")},
		Thumbnail:  strings.NewReader("png bytes"),
		Offer:      parts.Ptr("v=0"),
	}
}

func TestMultipartParts(t *testing.T) {
	srv := httptest.NewServer(parts.NewServer(store{}, parts.WithServerLogger(nil)))
	defer srv.Close()
	c, err := parts.NewClient(parts.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got, err := c.UploadFiles(ctx, full())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 2, 10, 53, 43, 0, time.UTC)
	want := &parts.Received{
		Name: "Photo 2.0.png", ModifiedAt: &at, Owner: "ann", Counts: map[string]int{"views": 3},
		Labels: []string{"k=v", "solo="}, Tags: []string{"a b", "c,d"}, Scores: []int{0, 7},
		File: "the file", Extras: []string{"one", "two"}, Thumbnail: "png bytes", Types: map[string]string{},
	}
	if got.ModifiedAt == nil || !got.ModifiedAt.Equal(at) {
		t.Errorf("UploadFiles: modified_at %v, want %v", got.ModifiedAt, at)
	}
	got.ModifiedAt = &at // the same instant, parsed: its Location differs
	if !reflect.DeepEqual(got, want) {
		t.Errorf("UploadFiles:\n got %#v\nwant %#v", got, want)
	}
	// Only the required parts.
	got, err = c.UploadFiles(ctx, parts.UploadFilesBody{Attributes: parts.UploadFilesBodyAttributes{Name: "n"}, File: strings.NewReader("")})
	if err != nil || got.Name != "n" || got.Owner != "" || len(got.Extras) != 0 || got.Tags != nil || got.Counts != nil {
		t.Errorf("UploadFiles of the required parts: %+v, %v", got, err)
	}
	// The client checks the rules of the JSON parts' values and of the
	// array of files before sending.
	var ve *parts.ValidationError
	b := full()
	b.Attributes.Name = ""
	if _, err := c.UploadFiles(ctx, b); !errors.As(err, &ve) || ve.Field != "attributes.name" || ve.Rule != "required" {
		t.Errorf("UploadFiles without attributes.name: %v (%+v)", err, ve)
	}
	b = full()
	b.Meta = &parts.Meta{}
	if _, err := c.UploadFiles(ctx, b); !errors.As(err, &ve) || ve.Field != "meta.owner" {
		t.Errorf("UploadFiles without meta.owner: %v (%+v)", err, ve)
	}
	b = full()
	b.Extras = append(b.Extras, strings.NewReader("3"), strings.NewReader("4"))
	if _, err := c.UploadFiles(ctx, b); !errors.As(err, &ve) || ve.Field != "extras" || ve.Rule != "maxItems" {
		t.Errorf("UploadFiles with four extras: %v (%+v)", err, ve)
	}
	b = full()
	b.Scores = []int{-1}
	if _, err := c.UploadFiles(ctx, b); !errors.As(err, &ve) || ve.Field != "scores" || ve.Rule != "minimum" {
		t.Errorf("UploadFiles with a negative score: %v (%+v)", err, ve)
	}
}

// TestMultipartPartsWire reads the body the client writes with
// mime/multipart, as any server would: each part's name, file name and
// Content-Type.
func TestMultipartPartsWire(t *testing.T) {
	type part struct{ name, file, contentType, body string }
	var got []part
	capture := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			t.Error(err)
		}
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Error(err)
				break
			}
			got = append(got, part{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), read(p)})
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"name":"x","file":"","extras":[],"types":{}}`)
	}))
	defer capture.Close()
	c, err := parts.NewClient(parts.WithBaseURL(capture.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.UploadFiles(context.Background(), full()); err != nil {
		t.Fatal(err)
	}
	want := []part{
		{"attributes", "", "application/json", `{"name":"Photo 2.0.png","modified_at":"2026-12-02T10:53:43Z"}`},
		{"counts", "", "application/json", `{"views":3}`},
		{"labels", "", "application/json", `[{"key":"k","value":"v"},{"key":"solo"}]`},
		{"meta", "", "application/json", `{"owner":"ann","version":2}`},
		{"offer", "", "application/sdp", "v=0"},
		{"scores", "", "", "0"},
		{"scores", "", "", "7"},
		{"tags", "", "", "a b"},
		{"tags", "", "", "c,d"},
		{"file", "file", "application/octet-stream", "the file"},
		{"extras", "extras", "application/octet-stream", "one"},
		{"extras", "extras", "application/octet-stream", "two"},
		{"thumbnail", "thumbnail", "image/png", "png bytes"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parts:\n got %q\nwant %q", got, want)
	}
}

// TestMultipartPartsServer posts bodies as other clients write them: the
// server reads JSON parts with their required properties, and refuses
// what breaks the schema.
func TestMultipartPartsServer(t *testing.T) {
	srv := httptest.NewServer(parts.NewServer(store{}, parts.WithServerLogger(nil)))
	defer srv.Close()
	body := func(ps ...string) string {
		var b strings.Builder
		for i := 0; i+1 < len(ps); i += 2 {
			disp := `form-data; name="` + ps[i] + `"`
			if ps[i] == "file" || ps[i] == "extras" {
				disp += `; filename="f.bin"`
			}
			b.WriteString("--x\r\nContent-Disposition: " + disp + "\r\n\r\n" + ps[i+1] + "\r\n")
		}
		return b.String() + "--x--\r\n"
	}
	for _, tc := range []struct {
		what, body string
		status     int
		has        string
	}{
		{"the required parts", body("attributes", `{"name":"a"}`, "file", "abc"), http.StatusCreated, `"file":"abc"`},
		{"repeated parts in order", body("attributes", `{"name":"a"}`, "tags", "x", "tags", "y", "extras", "1", "extras", "2", "file", ""), http.StatusCreated, `{"name":"a","tags":["x","y"],"file":"","extras":["1","2"]`},
		{"a JSON part without its required property", body("attributes", `{"modified_at":"2026-12-02T10:53:43Z"}`, "file", "abc"), http.StatusBadRequest, "attributes.name"},
		{"a JSON part that is not JSON", body("attributes", `name=a`, "file", "abc"), http.StatusBadRequest, "attributes"},
		{"a JSON part of the wrong shape", body("attributes", `{"name":"a"}`, "labels", `{"key":"k"}`, "file", "abc"), http.StatusBadRequest, "labels"},
		{"no attributes", body("file", "abc"), http.StatusBadRequest, "attributes"},
		{"no file", body("attributes", `{"name":"a"}`), http.StatusBadRequest, "file"},
		{"a score that breaks its minimum", body("attributes", `{"name":"a"}`, "scores", "-1", "file", "abc"), http.StatusBadRequest, "scores"},
		{"four extras", body("attributes", `{"name":"a"}`, "extras", "1", "extras", "2", "extras", "3", "extras", "4", "file", "abc"), http.StatusBadRequest, "extras"},
	} {
		resp, err := http.Post(srv.URL+"/files", "multipart/form-data; boundary=x", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b := read(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(b, tc.has) {
			t.Errorf("%s: %d %s, want %d with %s", tc.what, resp.StatusCode, b, tc.status, tc.has)
		}
	}
}
