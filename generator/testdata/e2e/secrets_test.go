package vault_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"vault.test/vault"
)

// echo is a hostile server: it answers 400 with every value the request
// carried (query, headers, body) in its error message and its raw body.
func echo(t *testing.T) *vault.Client {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		msg := fmt.Sprintf("refused %s %s %s", r.URL.RawQuery, r.Header.Get("X-Old"), body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(map[string]string{"message": msg, "raw": string(body)})
	}))
	t.Cleanup(srv.Close)
	c, err := vault.NewClient(vault.WithBaseURL(srv.URL), vault.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// shows reports where in the error's chain a secret shows.
func shows(err error, secrets []string) []string {
	var texts []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		texts = append(texts, e.Error(), fmt.Sprintf("%+v", e), fmt.Sprintf("%#v", e))
	}
	var ae *vault.APIError
	if errors.As(err, &ae) {
		texts = append(texts, ae.Label, string(ae.Body))
	}
	var out []string
	for _, s := range secrets {
		for _, txt := range texts {
			if strings.Contains(txt, s) {
				out = append(out, s+" in "+txt)
			}
		}
	}
	return out
}

func TestSecretsAtEveryDepthAreRedacted(t *testing.T) {
	c := echo(t)
	secrets := []string{"tokenQ1x", "oldH2y", "nextB3z", "prevA4w", "prevB5v", "backupC6u"}
	_, err := c.Rotate(t.Context(), vault.RotateParams{Token: vault.Secret(secrets[0]), XOld: ptr(vault.Secret(secrets[1]))}, vault.Rotation{
		Next:     vault.Credential{Name: "visible-name", Secret: vault.Secret(secrets[2])},
		Previous: []vault.Credential{{Secret: vault.Secret(secrets[3])}, {Secret: vault.Secret(secrets[4])}},
		Backup:   &vault.Backup{Credential: &vault.Credential{Secret: vault.Secret(secrets[5])}},
	})
	if err == nil {
		t.Fatal("no error from a 400")
	}
	if !strings.Contains(string(apiBody(err)), "visible-name") {
		t.Fatalf("the echo server's body lost what is not secret: %s", apiBody(err))
	}
	if leaks := shows(err, secrets); len(leaks) > 0 {
		t.Errorf("secrets the request sent show in its error:\n%s", strings.Join(leaks, "\n"))
	}
}

func TestSecretsOfAnArrayBodyAreRedacted(t *testing.T) {
	c := echo(t)
	secrets := []string{"arrD7t", "arrE8s"}
	err := c.PutKeys(t.Context(), []vault.Credential{{Secret: vault.Secret(secrets[0])}, {Name: "n", Secret: vault.Secret(secrets[1])}})
	if err == nil {
		t.Fatal("no error from a 400")
	}
	if leaks := shows(err, secrets); len(leaks) > 0 {
		t.Errorf("secrets the request sent show in its error:\n%s", strings.Join(leaks, "\n"))
	}
}

func apiBody(err error) []byte {
	var ae *vault.APIError
	if errors.As(err, &ae) {
		return ae.Body
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
