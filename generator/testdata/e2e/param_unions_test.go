// This file is copied, with the code generated from
// ../param_unions.txtar, into a throwaway module by
// generator/param_styles_e2e_test.go: unions in parameters and form
// fields between the generated client and server over loopback.
package unions_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"unions.test/unions"
)

type skus struct{}

// variant names the variant set and its value.
func variant(name string, v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return json.RawMessage(fmt.Sprintf(`{%q:%s}`, name, b))
}

func (skus) ListSkus(_ context.Context, in *unions.ListSkusInput) (unions.ListSkusResponse, error) {
	out := map[string]json.RawMessage{}
	if u := in.Params.SkuIds; u != nil {
		if u.String != nil {
			out["sku_ids"] = variant("String", *u.String)
		} else {
			out["sku_ids"] = variant("Array", *u.Array)
		}
	}
	if u := in.Params.Tags; u.Integer != nil {
		out["tags"] = variant("Integer", *u.Integer)
	} else if u.Array != nil {
		out["tags"] = variant("Array", *u.Array)
	}
	if u := in.Params.XLimit; u != nil {
		if u.Integer != nil {
			out["X-Limit"] = variant("Integer", *u.Integer)
		} else {
			out["X-Limit"] = variant("Boolean", *u.Boolean)
		}
	}
	if u := in.Body.Mode; u != nil {
		if u.Integer != nil {
			out["mode"] = variant("Integer", *u.Integer)
		} else {
			out["mode"] = variant("Array", *u.Array)
		}
	}
	return unions.ListSkus200Response{Body: out}, nil
}

// sent records the raw query of the last request.
type sent struct {
	mu    sync.Mutex
	query string
	next  http.Handler
}

func (s *sent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.query = r.URL.RawQuery
	s.mu.Unlock()
	s.next.ServeHTTP(w, r)
}

func setup(t *testing.T) (*unions.Client, *sent, string) {
	t.Helper()
	s := &sent{next: unions.NewServer(skus{})}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	c, err := unions.NewClient(unions.WithBaseURL(srv.URL), unions.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c, s, srv.URL
}

func str(s string) *string { return &s }

func TestUnionsClientAgainstServer(t *testing.T) {
	c, s, _ := setup(t)
	for _, tc := range []struct {
		params unions.ListSkusParams
		body   unions.ListSkusBody
		query  url.Values
		want   map[string]string
	}{
		{
			unions.ListSkusParams{SkuIds: &unions.ListSkusParamsSkuIds{Array: &[]string{"1", "22"}}, Tags: unions.ListSkusParamsTags{Array: &[]string{"a", "b"}}, XLimit: &unions.ListSkusParamsXLimit{Boolean: new(bool)}},
			unions.ListSkusBody{Mode: &unions.ListSkusBodyMode{Array: &[]int{1, 2}}},
			url.Values{"sku_ids": {"1", "22"}, "tags": {"a,b"}},
			map[string]string{"sku_ids": `{"Array":["1","22"]}`, "tags": `{"Array":["a","b"]}`, "X-Limit": `{"Boolean":false}`, "mode": `{"Array":[1,2]}`},
		},
		{
			unions.ListSkusParams{SkuIds: &unions.ListSkusParamsSkuIds{String: str("all")}, Tags: unions.ListSkusParamsTags{Integer: new(int)}, XLimit: &unions.ListSkusParamsXLimit{Integer: new(int)}},
			unions.ListSkusBody{Mode: &unions.ListSkusBodyMode{Integer: new(int)}},
			nil, nil, // tags: 0 breaks minimum 1, below
		},
	} {
		if tc.query == nil {
			*tc.params.Tags.Integer = 5
		}
		got, err := c.ListSkus(context.Background(), tc.params, tc.body)
		if err != nil {
			t.Fatal(err)
		}
		if tc.want == nil {
			tc.want = map[string]string{"sku_ids": `{"String":"all"}`, "tags": `{"Integer":5}`, "X-Limit": `{"Integer":0}`, "mode": `{"Integer":0}`}
		}
		for k, w := range tc.want {
			if string(got[k]) != w {
				t.Errorf("%s bound %s, want %s", k, got[k], w)
			}
		}
		q, _ := url.ParseQuery(s.query)
		for k, w := range tc.query {
			if strings.Join(q[k], "&") != strings.Join(w, "&") {
				t.Errorf("query %s = %q, want %q", k, q[k], w)
			}
		}
	}
	// The client validates the variant set: an array item that breaks the
	// Snowflake pattern, exactly one variant.
	if _, err := c.ListSkus(context.Background(), unions.ListSkusParams{SkuIds: &unions.ListSkusParamsSkuIds{Array: &[]string{"x"}}, Tags: unions.ListSkusParamsTags{Integer: new(int)}}, unions.ListSkusBody{}); err == nil || !strings.Contains(err.Error(), "pattern") {
		t.Errorf("sku_ids [x]: %v", err)
	}
	if _, err := c.ListSkus(context.Background(), unions.ListSkusParams{}, unions.ListSkusBody{}); err == nil {
		t.Error("no variant of tags: no error")
	}
}

// TestUnionsServer sends texts by hand: the first variant, in the spec's
// order, whose parsers read the text is taken.
func TestUnionsServer(t *testing.T) {
	_, _, base := setup(t)
	for _, tc := range []struct {
		query, header, form string
		status              int
		in                  string
	}{
		{"tags=3&sku_ids=12", "", "", 200, `"sku_ids":{"String":"12"}`},
		{"tags=3&sku_ids=12&sku_ids=12", "", "", 200, `"sku_ids":{"String":"12"}`},
		{"tags=3&sku_ids=1&sku_ids=2", "", "", 200, `"sku_ids":{"Array":["1","2"]}`},
		{"tags=3&sku_ids=1&sku_ids=x", "", "", 400, `pattern`},
		{"tags=3&sku_ids=1&sku_ids=1", "", "", 200, `"sku_ids":{"String":"1"}`},
		{"tags=3&sku_ids=1&sku_ids=2&sku_ids=1", "", "", 400, `query parameter \"sku_ids\": \"1\" appears more than once`},
		{"tags=3&sku_ids=1&sku_ids=2&sku_ids=3&sku_ids=4", "", "", 400, `maximum 3`},
		{"tags=3", "", "", 200, `"tags":{"Integer":3}`},
		{"tags=3,4", "", "", 200, `"tags":{"Array":["3","4"]}`},
		{"tags=x", "", "", 200, `"tags":{"Array":["x"]}`},
		{"tags=0", "", "", 400, `minimum 1`},
		{"", "", "", 400, `tags`},
		{"tags=1", "12", "", 200, `"X-Limit":{"Integer":12}`},
		{"tags=1", "true", "", 200, `"X-Limit":{"Boolean":true}`},
		{"tags=1", "many", "", 400, `X-Limit`},
		{"tags=1", "", "mode=4", 200, `"mode":{"Integer":4}`},
		{"tags=1", "", "mode=4&mode=5", 200, `"mode":{"Array":[4,5]}`},
		{"tags=1", "", "mode=four", 400, `mode`},
	} {
		req, err := http.NewRequest("POST", base+"/skus?"+tc.query, strings.NewReader(tc.form))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if tc.header != "" {
			req.Header.Set("X-Limit", tc.header)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.in) {
			t.Errorf("?%s X-Limit %q body %q: %d %s, want %d with %s", tc.query, tc.header, tc.form, resp.StatusCode, b, tc.status, tc.in)
		}
	}
}
