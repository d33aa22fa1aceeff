// This file is copied, with the code generated from
// ../warnings/properties_without_type.txtar, into a throwaway module by
// generator/issue14_test.go (TestIssue14Item26PropertiesWithoutType):
// properties without type: object are an object, and a value that is not
// one is refused on both sides.
package untyped_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"untyped.test/untyped"
)

type handler struct{ untyped.UnimplementedHandler }

func (handler) PostA(_ context.Context, in *untyped.PostAInput) (untyped.PostAResponse, error) {
	return untyped.PostA200Response{Body: untyped.Typed{ID: "1", Extra: in.Body.Name}}, nil
}

func TestUntypedProperties(t *testing.T) {
	srv := httptest.NewServer(untyped.NewServer(handler{}, untyped.WithServerLogger(nil)))
	defer srv.Close()
	for body, want := range map[string]int{`{"name":"rex"}`: 200, `"a string"`: 400, `5`: 400, `[]`: 400} {
		resp, err := http.Post(srv.URL+"/a", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("POST %s: status %d, want %d", body, resp.StatusCode, want)
		}
	}

	c, err := untyped.NewClient(untyped.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.PostA(context.Background(), untyped.Loose{Name: "rex"})
	if err != nil || got.Extra != "rex" {
		t.Fatalf("PostA: %+v, %v", got, err)
	}

	liar := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`"a string"`))
	}))
	defer liar.Close()
	c, err = untyped.NewClient(untyped.WithBaseURL(liar.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PostA(context.Background(), untyped.Loose{Name: "rex"}); !errors.Is(err, untyped.ErrInvalidResponse) {
		t.Errorf("a string for an object: %v, want ErrInvalidResponse", err)
	}
}
