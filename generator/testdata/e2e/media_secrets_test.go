// This file is copied, with the code generated from ../media_secrets.txtar,
// into a throwaway module by generator/media_e2e_test.go: bodies by format
// (JSON and XML of different schemas) holding secrets, sent and answered
// over loopback with their values, printed redacted.
package secrets_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"secrets.test/secrets"
)

// api answers with the secret it received, and records the raw bodies.
type api struct{}

func (api) CreateAccount(_ context.Context, in *secrets.CreateAccountInput) (secrets.CreateAccountResponse, error) {
	var out secrets.CreateAccount200ResponseBody
	switch b := in.Body; {
	case b.JSON != nil:
		out.JSON = &secrets.Account{Name: b.JSON.Name, Secret: "api-" + secrets.Secret(b.JSON.Password.Reveal()), Format: "json"}
		out.XML = &secrets.AccountXML{Name: b.JSON.Name, Secret: "api-" + secrets.Secret(b.JSON.Password.Reveal()), Format: "json"}
	case b.XML != nil:
		out.JSON = &secrets.Account{Name: b.XML.Name, Secret: "api-" + secrets.Secret(b.XML.Password.Reveal()), Format: "xml"}
		out.XML = &secrets.AccountXML{Name: b.XML.Name, Secret: "api-" + secrets.Secret(b.XML.Password.Reveal()), Format: "xml"}
	}
	return secrets.CreateAccount200Response{Body: out}, nil
}

// recorder keeps the last request and answer bodies.
type recorder struct {
	mu        sync.Mutex
	req, resp string
}

type tee struct {
	http.ResponseWriter
	b *strings.Builder
}

func (t tee) Write(p []byte) (int, error) { t.b.Write(p); return t.ResponseWriter.Write(p) }

func serve(t *testing.T, opts ...secrets.Option) (*secrets.Client, *recorder) {
	t.Helper()
	rec := new(recorder)
	h := secrets.NewServer(api{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(strings.NewReader(string(b)))
		var out strings.Builder
		h.ServeHTTP(tee{w, &out}, r)
		rec.mu.Lock()
		rec.req, rec.resp = string(b), out.String()
		rec.mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	c, err := secrets.NewClient(append([]secrets.Option{secrets.WithBaseURL(srv.URL), secrets.WithHTTPClient(srv.Client())}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

// TestSecretsByFormat: a JSON and an XML request body by format carry
// their secrets' values, and so do the JSON and XML answers; the values
// printed, or marshalled as JSON or XML by the caller, are redacted.
func TestSecretsByFormat(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []secrets.Option
		body secrets.CreateAccountRequestBody
		// wantReq is in the request body; wantFormat the answer's format.
		wantReq, wantFormat string
	}{
		{"json", nil, secrets.CreateAccountRequestBody{JSON: &secrets.NewAccount{Name: "ann", Password: "pa55word-j"}}, `"password":"pa55word-j"`, "json"},
		{"xml", []secrets.Option{secrets.WithXML()}, secrets.CreateAccountRequestBody{XML: &secrets.NewAccountXML{Name: "bob", Password: "pa55word-x"}}, `<password>pa55word-x</password>`, "xml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := serve(t, tc.opts...)
			out, err := c.CreateAccount(context.Background(), tc.body)
			if err != nil {
				t.Fatal(err)
			}
			rec.mu.Lock()
			req, resp := rec.req, rec.resp
			rec.mu.Unlock()
			if !strings.Contains(req, tc.wantReq) || strings.Contains(req, "REDACTED") {
				t.Fatalf("request body %s, want %s", req, tc.wantReq)
			}
			var secret, format string
			switch {
			case out.JSON != nil:
				secret, format = out.JSON.Secret.Reveal(), out.JSON.Format
			case out.XML != nil:
				secret, format = out.XML.Secret.Reveal(), out.XML.Format
			default:
				t.Fatalf("no format set: %+v", out)
			}
			password := strings.TrimPrefix(strings.TrimSuffix(tc.wantReq, `"`), `"password":"`)
			password = strings.TrimSuffix(strings.TrimPrefix(password, "<password>"), "</password>")
			if secret != "api-"+password || format != tc.wantFormat {
				t.Fatalf("answer secret %q (%s), want %q", secret, format, "api-"+password)
			}
			if !strings.Contains(resp, "api-"+password) || strings.Contains(resp, "REDACTED") {
				t.Fatalf("answer body %s", resp)
			}
			// Printing and marshalling the values redacts their secrets.
			j, _ := json.Marshal(out)
			x, _ := xml.Marshal(out)
			jb, _ := json.Marshal(tc.body)
			for _, shown := range []string{fmt.Sprintf("%+v %v", out.JSON, out.XML), string(j), string(x), string(jb), fmt.Sprintf("%+v", tc.body.JSON)} {
				if strings.Contains(shown, "pa55word") || strings.Contains(shown, "api-") {
					t.Errorf("a secret is shown: %s", shown)
				}
			}
		})
	}
}

// TestSecretsByFormatChecked: the JSON format's rules (minLength 8 on the
// password) are checked on the value, before anything is sent.
func TestSecretsByFormatChecked(t *testing.T) {
	c, _ := serve(t)
	_, err := c.CreateAccount(context.Background(), secrets.CreateAccountRequestBody{JSON: &secrets.NewAccount{Name: "ann", Password: "short"}})
	if err == nil || !strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "short") {
		t.Fatalf("a short password: %v, want an error naming the field, not its value", err)
	}
}
