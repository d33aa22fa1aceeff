package secured_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"secured.test/secured"
)

// handler answers every operation with {"ok": true}.
type handler struct{}

func ok() secured.Echo { return secured.Echo{Ok: true} }

func (handler) GetOpen(context.Context, *secured.GetOpenInput) (secured.GetOpenResponse, error) {
	return secured.GetOpen200Response{Body: ok()}, nil
}
func (handler) GetBearer(context.Context, *secured.GetBearerInput) (secured.GetBearerResponse, error) {
	return secured.GetBearer200Response{Body: ok()}, nil
}
func (handler) GetHeader(context.Context, *secured.GetHeaderInput) (secured.GetHeaderResponse, error) {
	return secured.GetHeader200Response{Body: ok()}, nil
}
func (handler) GetQuery(context.Context, *secured.GetQueryInput) (secured.GetQueryResponse, error) {
	return secured.GetQuery200Response{Body: ok()}, nil
}
func (handler) GetCookie(context.Context, *secured.GetCookieInput) (secured.GetCookieResponse, error) {
	return secured.GetCookie200Response{Body: ok()}, nil
}
func (handler) GetOAuth(context.Context, *secured.GetOAuthInput) (secured.GetOAuthResponse, error) {
	return secured.GetOAuth200Response{Body: ok()}, nil
}
func (handler) GetEither(context.Context, *secured.GetEitherInput) (secured.GetEitherResponse, error) {
	return secured.GetEither200Response{Body: ok()}, nil
}
func (handler) GetBoth(context.Context, *secured.GetBothInput) (secured.GetBothResponse, error) {
	return secured.GetBoth200Response{Body: ok()}, nil
}
func (handler) GetBasic(_ context.Context, in *secured.GetBasicInput) (secured.GetBasicResponse, error) {
	if in.User != "ann" {
		return nil, fmt.Errorf("user %q", in.User)
	}
	return secured.GetBasic200Response{Body: ok()}, nil
}

// rig is the generated server on loopback, recording the credentials each
// request carried, and an OAuth 2 token endpoint beside it.
type rig struct {
	url  string
	mu   sync.Mutex
	seen []string
}

// wire is every credential a request carried, in a fixed order.
func wire(r *http.Request) string {
	var parts []string
	if v := r.Header.Get("Authorization"); v != "" {
		parts = append(parts, "Authorization="+v)
	}
	if v := r.Header.Get("X-API-Key"); v != "" {
		parts = append(parts, "X-API-Key="+v)
	}
	if v := r.Header.Get("Cookie"); v != "" {
		parts = append(parts, "Cookie="+v)
	}
	if r.URL.RawQuery != "" {
		parts = append(parts, "query="+r.URL.RawQuery)
	}
	return strings.Join(parts, " ")
}

func newRig(t *testing.T) *rig {
	t.Helper()
	g := &rig{}
	api := secured.NewServer(handler{},
		secured.WithBasicAuthVerifier(secured.StaticBasic("ann", "pw")),
		secured.WithBearerAuthVerifier(secured.StaticToken("bt")),
		secured.WithHeaderKeyVerifier(secured.StaticToken("hk")),
		secured.WithQueryKeyVerifier(secured.StaticToken("qk")),
		secured.WithCookieKeyVerifier(secured.StaticToken("ck")),
		secured.WithOauthVerifier(func(_ context.Context, tok secured.Secret) error {
			if !secured.EqualSecret(tok, "issued-to-app") {
				return errors.New("unknown token")
			}
			return nil
		}),
		secured.WithServerLogger(nil))
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		// OAuth 2 client credentials (RFC 6749 4.4): the client's id and
		// secret as HTTP Basic, grant_type in the form.
		id, secret, _ := r.BasicAuth()
		if r.FormValue("grant_type") != "client_credentials" || id != "app" || secret != "app-secret" {
			http.Error(w, `{"error":"invalid_client"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"access_token":"issued-to-app","token_type":"Bearer"}`)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		g.mu.Lock()
		g.seen = append(g.seen, r.URL.Path+" "+wire(r))
		g.mu.Unlock()
		api.ServeHTTP(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	g.url = srv.URL
	return g
}

// last is what the latest request carried, and how many were sent.
func (g *rig) last() (string, int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.seen) == 0 {
		return "", 0
	}
	return g.seen[len(g.seen)-1], len(g.seen)
}

// tokenSource fetches a token from the rig's endpoint with the client
// credentials grant.
func (g *rig) tokenSource(id, secret string) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		req, err := http.NewRequestWithContext(ctx, "POST", g.url+"/token", strings.NewReader("grant_type=client_credentials&scope=read"))
		if err != nil {
			return "", err
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth(id, secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		var tok struct {
			AccessToken string `json:"access_token"`
		}
		if resp.StatusCode != 200 || json.NewDecoder(resp.Body).Decode(&tok) != nil {
			return "", fmt.Errorf("token endpoint: %d", resp.StatusCode)
		}
		return tok.AccessToken, nil
	}
}

type call func(c *secured.Client, ctx context.Context, opts ...secured.CallOption) (*secured.Echo, error)

// TestSecurity: each operation, called with the credentials its
// requirement needs, carries exactly those on the wire and passes; called
// without them it fails before sending, naming its schemes; sent without
// or with wrong ones (a raw request, or a client with a wrong value) it is
// answered 401 in the API's envelope.
func TestSecurity(t *testing.T) {
	g := newRig(t)
	for _, tc := range []struct {
		name  string
		call  call
		right []secured.Option
		wire  string
		wrong []secured.Option
		needs string
		path  string
	}{
		{"no security", (*secured.Client).GetOpen, nil, "/open ", nil, "", "/open"},
		{"bearer", (*secured.Client).GetBearer, []secured.Option{secured.WithBearerAuth("bt")}, "/bearer Authorization=Bearer bt",
			[]secured.Option{secured.WithBearerAuth("bx")}, "it takes bearerAuth", "/bearer"},
		{"apiKey in header", (*secured.Client).GetHeader, []secured.Option{secured.WithHeaderKey("hk")}, "/header X-API-Key=hk",
			[]secured.Option{secured.WithHeaderKey("hx")}, "it takes headerKey", "/header"},
		{"apiKey in query", (*secured.Client).GetQuery, []secured.Option{secured.WithQueryKey("qk")}, "/query query=api_key=qk",
			[]secured.Option{secured.WithQueryKey("qx")}, "it takes queryKey", "/query"},
		{"apiKey in cookie", (*secured.Client).GetCookie, []secured.Option{secured.WithCookieKey("ck")}, "/cookie Cookie=session=ck",
			[]secured.Option{secured.WithCookieKey("cx")}, "it takes cookieKey", "/cookie"},
		{"oauth2 client credentials", (*secured.Client).GetOAuth, []secured.Option{secured.WithOauthSource(g.tokenSource("app", "app-secret"))},
			"/oauth Authorization=Bearer issued-to-app", []secured.Option{secured.WithOauth("forged")}, "it takes oauth", "/oauth"},
		{"first of two alternatives", (*secured.Client).GetEither, []secured.Option{secured.WithHeaderKey("hk")}, "/either X-API-Key=hk",
			[]secured.Option{secured.WithHeaderKey("hx")}, "it takes headerKey, or bearerAuth", "/either"},
		{"second of two alternatives", (*secured.Client).GetEither, []secured.Option{secured.WithBearerAuth("bt")}, "/either Authorization=Bearer bt",
			[]secured.Option{secured.WithBearerAuth("bx")}, "it takes headerKey, or bearerAuth", "/either"},
		{"pair required together", (*secured.Client).GetBoth, []secured.Option{secured.WithHeaderKey("hk"), secured.WithCookieKey("ck")},
			"/both X-API-Key=hk Cookie=session=ck", []secured.Option{secured.WithHeaderKey("hk"), secured.WithCookieKey("cx")},
			"it takes cookieKey and headerKey", "/both"},
		{"basic", (*secured.Client).GetBasic, []secured.Option{secured.WithBasicAuth("ann", "pw")}, "/basic Authorization=Basic YW5uOnB3",
			[]secured.Option{secured.WithBasicAuth("ann", "px")}, "it takes basicAuth", "/basic"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := t.Context()
			client := func(opts ...secured.Option) *secured.Client {
				c, err := secured.NewClient(append([]secured.Option{secured.WithBaseURL(g.url)}, opts...)...)
				if err != nil {
					t.Fatal(err)
				}
				return c
			}
			echo, err := tc.call(client(tc.right...), ctx)
			if err != nil || !echo.Ok {
				t.Fatalf("with the right credentials: %v, %+v", err, echo)
			}
			if got, _ := g.last(); got != tc.wire {
				t.Errorf("on the wire %q, want %q", got, tc.wire)
			}
			if tc.needs == "" {
				return
			}
			_, before := g.last()
			_, err = tc.call(client(), ctx)
			if _, after := g.last(); !errors.Is(err, secured.ErrNoCredentials) || !strings.Contains(err.Error(), tc.needs) || after != before {
				t.Errorf("without credentials: %v (%d requests sent)", err, after-before)
			}
			_, err = tc.call(client(tc.wrong...), ctx)
			var ae *secured.APIError
			if !errors.As(err, &ae) || ae.StatusCode != 401 || !errors.Is(err, secured.ErrAuthentication) {
				t.Errorf("with wrong credentials: %v", err)
			}
			resp, err := http.Get(g.url + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 401 || string(body) != `{"code":"401","message":"authentication failed"}`+"\n" {
				t.Errorf("without credentials on the wire: %d %s", resp.StatusCode, body)
			}
		})
	}
}

// TestStaticVerifiersRefuseEmpty: a server cannot be configured to take
// an empty credential.
func TestStaticVerifiersRefuseEmpty(t *testing.T) {
	for name, f := range map[string]func(){
		"StaticBasic": func() { secured.StaticBasic("ann", "") },
		"StaticToken": func() { secured.StaticToken("") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s accepted an empty credential", name)
				}
			}()
			f()
		}()
	}
}
