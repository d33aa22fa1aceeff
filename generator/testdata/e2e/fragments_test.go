// This file is copied, with the client generated (-generate client) from
// ../errors/fragment_paths.txtar, into a throwaway module by
// generator/routes_e2e_test.go: each operation is called on the path
// without its URL fragment, its query as declared.
package fragments_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"fragments.test/fragments"
)

func TestFragmentPaths(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.URL.EscapedPath()+"?"+r.URL.RawQuery)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, err := fragments.NewClient(fragments.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := c.GetFile(ctx, fragments.GetFileParams{FileID: "7"}); err != nil {
		t.Fatal(err)
	}
	if err := c.GetFileSharedLink(ctx, fragments.GetFileSharedLinkParams{FileID: "7", Fields: "shared_link"}); err != nil {
		t.Fatal(err)
	}
	want := []string{"GET /files/7?", "GET /files/7?fields=shared_link"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("requests %q, want %q", got, want)
	}
}
