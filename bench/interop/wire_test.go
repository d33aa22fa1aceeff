package interop

import (
	"reflect"
	"strings"
	"testing"
)

// The two generators' shapes of one operation: nexmogen's Params without
// tags (path parameter inside), oapi-codegen's path parameter as a field of
// the request object and Params with wire-name tags.
type ourParams struct {
	PetID       int
	SearchQuery *string
	Tags        []string
}

type ourBody struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

type theirParams struct {
	SearchQuery *string   `json:"search_query,omitempty"`
	Tags        *[]string `json:"tags,omitempty"`
}

type theirBody struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

type theirRequest struct {
	PetId  int `json:"pet_id"`
	Params theirParams
	Body   *theirBody
}

func ourWire(t *testing.T, p ourParams, b ourBody) wire {
	t.Helper()
	w, err := oursWire([]reflect.Value{reflect.ValueOf(p), reflect.ValueOf(b)}, []string{"Params", "Body"}, false)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestWireRoundTrip: nexmogen's values, moved into oapi-codegen's request
// object by wire name, read back the same; a changed parameter or body
// field is a difference, naming it.
func TestWireRoundTrip(t *testing.T) {
	q := "blue"
	sent := ourWire(t, ourParams{PetID: 7, SearchQuery: &q, Tags: []string{"a", "b"}}, ourBody{Name: "rex", Password: "pw"})
	var req theirRequest
	if err := toTheirs(sent, reflect.ValueOf(&req).Elem()); err != nil {
		t.Fatal(err)
	}
	if req.PetId != 7 || req.Params.SearchQuery == nil || *req.Params.SearchQuery != "blue" || req.Body == nil || req.Body.Name != "rex" {
		t.Fatalf("toTheirs = %+v", req)
	}
	got, err := theirsWire(reflect.ValueOf(req), false)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(sent, got); d != "" {
		t.Fatalf("diff after the round trip: %s", d)
	}
	req.Params.Tags = &[]string{"a"}
	req.Body.Name = "max"
	got, _ = theirsWire(reflect.ValueOf(req), false)
	d := diff(sent, got)
	for _, want := range []string{`parameter tags: sent ["a","b"], received ["a"]`, `body: sent {"name":"rex"`} {
		if !strings.Contains(d, want) {
			t.Errorf("diff = %q, want it to contain %q", d, want)
		}
	}
}

// TestWireUnpaired: a parameter the peer has no field for is an error, not
// silently dropped.
func TestWireUnpaired(t *testing.T) {
	type lone struct{ Extra string }
	w, err := oursWire([]reflect.Value{reflect.ValueOf(lone{Extra: "x"})}, []string{"Params"}, false)
	if err != nil {
		t.Fatal(err)
	}
	var req theirRequest
	if err := toTheirs(w, reflect.ValueOf(&req).Elem()); err == nil || !strings.Contains(err.Error(), "extra") {
		t.Errorf("toTheirs = %v, want an error naming extra", err)
	}
}

// TestSameRedacted: nexmogen's Secret marshals as [REDACTED], which equals
// any string, and only a string.
func TestSameRedacted(t *testing.T) {
	if !same(map[string]any{"p": redacted}, map[string]any{"p": "pw"}) {
		t.Error("a redacted string differs from the secret")
	}
	if same(map[string]any{"p": redacted}, map[string]any{"p": 1.0}) {
		t.Error("a redacted string equals a number")
	}
	if same([]any{"a"}, []any{"a", "b"}) {
		t.Error("lists of different lengths are the same")
	}
}

// TestFormKeys: form fields match by normalised name, and go into the
// peer's model under its JSON names.
func TestFormKeys(t *testing.T) {
	got := tagKeys(formKeys(map[string]any{"SearchPattern": 1.0}), reflect.TypeFor[struct {
		SearchPattern int `json:"search_pattern"`
	}]())
	if !reflect.DeepEqual(got, map[string]any{"search_pattern": 1.0}) {
		t.Errorf("tagKeys = %v", got)
	}
}

// TestKnown: a FAIL line matches a known disagreement by document,
// direction and detail.
func TestKnown(t *testing.T) {
	k := Known[0]
	if i := known(k.Doc, OursToTheirs, "x "+k.Match+" y"); i != 0 {
		t.Errorf("known = %d, want 0", i)
	}
	if i := known("another", OursToTheirs, k.Match); i != -1 {
		t.Errorf("known on another document = %d", i)
	}
}

// TestHeaders: a header of nexmogen's answer is written into oapi-codegen's
// typed Headers (through an embedded response, as its strict server's
// response objects do) and compared by its wire text.
func TestHeaders(t *testing.T) {
	type theirHeaders struct {
		XNext      *string
		RetryAfter *int
	}
	type theirResponse struct {
		Body    []string
		Headers theirHeaders
	}
	type embedding struct{ theirResponse }
	headers := map[string]any{"xnext": "smoke", "retryafter": float64(1), "xrequestid": "id"}
	var r embedding
	if err := setHeaders(headers, reflect.ValueOf(&r).Elem()); err != nil {
		t.Fatal(err)
	}
	if r.Headers.XNext == nil || *r.Headers.XNext != "smoke" || r.Headers.RetryAfter == nil || *r.Headers.RetryAfter != 1 {
		t.Fatalf("setHeaders = %+v", r.Headers)
	}
	h := &Harness{answerHeaders: headers}
	if d := h.headerDiff(map[string][]string{"X-Next": {"smoke"}, "Retry-After": {"1"}, "X-Request-Id": {"id"}}); d != "" {
		t.Errorf("the same headers differ: %s", d)
	}
	if d := h.headerDiff(map[string][]string{"X-Next": {"smoke"}, "Retry-After": {"2"}}); d != `retryafter: want "1", got "2"; xrequestid: want "id", got ""` {
		t.Errorf("headerDiff = %s", d)
	}
	for v, want := range map[any]string{"a": "a", float64(1.5): "1.5", true: "true"} {
		if got, ok := headerText(v); !ok || got != want {
			t.Errorf("headerText(%v) = %q, %v", v, got, ok)
		}
	}
	if got, ok := headerText([]any{"a", float64(2)}); !ok || got != "a,2" {
		t.Errorf("headerText of an array = %q, %v", got, ok)
	}
	if _, ok := headerText(map[string]any{}); ok {
		t.Error("an object has a header text")
	}
}
