package petstore_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"secured.test/petstore"
)

// TestPetstoreNeedsNoCredentials: the OAI petstore declares no security,
// so its client is made without credentials and sends none, and its
// server serves without a verifier (501 from UnimplementedHandler, not
// 401).
func TestPetstoreNeedsNoCredentials(t *testing.T) {
	var auth, query string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth, query = r.Header.Get("Authorization"), r.URL.RawQuery
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`[{"id":1,"name":"Rex"}]`))
	}))
	defer srv.Close()
	c, err := petstore.NewClient(petstore.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	pets, err := c.ListPets(t.Context(), petstore.ListPetsParams{})
	if err != nil || len(pets) != 1 || pets[0].Name != "Rex" {
		t.Fatalf("ListPets: %v, %+v", err, pets)
	}
	if auth != "" || query != "" {
		t.Errorf("credentials sent: Authorization %q, query %q", auth, query)
	}
	api := httptest.NewServer(petstore.NewServer(petstore.UnimplementedHandler{}, petstore.WithServerLogger(nil)))
	defer api.Close()
	resp, err := http.Get(api.URL + "/pets")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotImplemented {
		t.Errorf("GET /pets without credentials: %d, want 501", resp.StatusCode)
	}
}
