// This file is copied, with the code generated from
// ../openapi31_type_null.txtar, into a throwaway module by
// generator/param_styles_e2e_test.go: values of a schema of type "null"
// between the generated client and server over loopback.
package typenull_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"typenull.test/typenull"
)

type echo struct{}

func (echo) EchoTags(_ context.Context, in *typenull.EchoTagsInput) (typenull.EchoTagsResponse, error) {
	return typenull.EchoTags200Response{Body: in.Body}, nil
}

func setup(t *testing.T) (*typenull.Client, string) {
	t.Helper()
	srv := httptest.NewServer(typenull.NewServer(echo{}))
	t.Cleanup(srv.Close)
	c, err := typenull.NewClient(typenull.WithBaseURL(srv.URL), typenull.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c, srv.URL
}

func TestTypeNullClientAgainstServer(t *testing.T) {
	c, _ := setup(t)
	null := json.RawMessage("null")
	// Present (null) and absent stay apart both ways.
	got, err := c.EchoTags(context.Background(), typenull.RoleTags{Marker: null, PremiumSubscriber: null, Gaps: []json.RawMessage{null}})
	if err != nil {
		t.Fatal(err)
	}
	if string(got.PremiumSubscriber) != "null" || string(got.Marker) != "null" || len(got.Gaps) != 1 || string(got.Gaps[0]) != "null" {
		t.Errorf("got %+v", got)
	}
	got, err = c.EchoTags(context.Background(), typenull.RoleTags{Marker: null, BotID: "7"})
	if err != nil {
		t.Fatal(err)
	}
	if got.PremiumSubscriber != nil || got.BotID != "7" {
		t.Errorf("absent premium_subscriber came back %q", got.PremiumSubscriber)
	}
	// The client refuses a value that is not null, and a missing one.
	if _, err := c.EchoTags(context.Background(), typenull.RoleTags{Marker: json.RawMessage("1")}); err == nil || !strings.Contains(err.Error(), "marker") {
		t.Errorf("marker 1: %v", err)
	}
	if _, err := c.EchoTags(context.Background(), typenull.RoleTags{}); err == nil || !strings.Contains(err.Error(), "required") {
		t.Errorf("no marker: %v", err)
	}
}

func TestTypeNullServer(t *testing.T) {
	_, base := setup(t)
	for _, tc := range []struct {
		body   string
		status int
		in     string
	}{
		{`{"marker":null}`, 200, `{"marker":null}`},
		{`{"marker":null,"premium_subscriber":null}`, 200, `"premium_subscriber":null`},
		{`{"marker":null,"gaps":[null,null]}`, 200, `"gaps":[null,null]`},
		{`{}`, 400, `marker`},
		{`{"marker":false}`, 400, `marker`},
		{`{"marker":null,"premium_subscriber":{}}`, 400, `premium_subscriber`},
		{`{"marker":null,"gaps":[null,3]}`, 400, `gaps`},
	} {
		resp, err := http.Post(base+"/tags", "application/json", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.in) {
			t.Errorf("%s: %d %s, want %d with %s", tc.body, resp.StatusCode, b, tc.status, tc.in)
		}
	}
}
