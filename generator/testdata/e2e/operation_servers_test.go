// This file is copied, with the code generated from
// ../operation_servers.txtar, into a throwaway module by
// generator/freeform_e2e_test.go: an operation's own server, with a variable
// of its own, over loopback.
package opservers_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"opservers.test/opservers"
)

func TestOperationServerVariable(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	record := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			mu.Lock()
			seen = append(seen, name+" "+r.Method+" "+r.URL.Path+" "+string(b))
			mu.Unlock()
			if r.Method == http.MethodGet {
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, `["a"]`)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		})
	}
	api := httptest.NewServer(record("api"))
	defer api.Close()
	up := httptest.NewServer(record("upload"))
	defer up.Close()
	host := func(s *httptest.Server) string { return strings.TrimPrefix(s.URL, "http://") }

	c, err := opservers.NewClient(
		opservers.WithServerVariable("api", host(api)),
		opservers.WithServerVariable("upload-host", host(up)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if things, err := c.ListThings(ctx); err != nil || len(things) != 1 {
		t.Fatalf("ListThings: %v, %v", things, err)
	}
	if err := c.Upload(ctx, "hello"); err != nil {
		t.Fatal(err)
	}
	want := []string{"api GET /v2/things ", "upload POST /up/uploads hello"}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Fatalf("requests: %q, want %q", seen, want)
	}
	// An unknown variable is refused when the client is built.
	if _, err := opservers.NewClient(opservers.WithServerVariable("nope", "x")); err == nil {
		t.Fatal("an undeclared server variable was accepted")
	}
}
