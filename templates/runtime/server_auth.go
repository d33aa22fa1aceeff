package runtime

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
)

// Authenticator checks the credentials of a request to the server: the API
// key and secret, from HTTP Basic when the API declares it, else from the
// key pair of the query string it declares (or of the form body, for
// operations that take one). A non-nil error refuses the request with 401;
// the error itself is not shown to the client.
type Authenticator interface {
	Authenticate(ctx context.Context, apiKey string, apiSecret Secret) error
}

// AuthenticatorFunc adapts a function to Authenticator.
type AuthenticatorFunc func(ctx context.Context, apiKey string, apiSecret Secret) error

// Authenticate calls f.
func (f AuthenticatorFunc) Authenticate(ctx context.Context, apiKey string, apiSecret Secret) error {
	return f(ctx, apiKey, apiSecret)
}

// errSrvBadCredentials is what StaticAuthenticator answers to wrong
// credentials.
var errSrvBadCredentials = errors.New("wrong API key or secret")

// StaticAuthenticator accepts exactly one API key and secret, compared in
// constant time (see EqualCredentials).
func StaticAuthenticator(apiKey, apiSecret string) Authenticator {
	key, secret := sha256.Sum256([]byte(apiKey)), sha256.Sum256([]byte(apiSecret))
	return AuthenticatorFunc(func(_ context.Context, gotKey string, gotSecret Secret) error {
		k, s := sha256.Sum256([]byte(gotKey)), sha256.Sum256([]byte(gotSecret.Reveal()))
		if subtle.ConstantTimeCompare(k[:], key[:])&subtle.ConstantTimeCompare(s[:], secret[:]) != 1 {
			return errSrvBadCredentials
		}
		return nil
	})
}

// EqualCredentials reports whether the presented key and secret are the
// wanted ones. It compares SHA-256 digests with crypto/subtle, so the time
// taken tells nothing about the values, not even their lengths; use it in
// an Authenticator of your own (one whose secret can change, say).
func EqualCredentials(gotKey string, gotSecret Secret, wantKey, wantSecret string) bool {
	gk, gs := sha256.Sum256([]byte(gotKey)), sha256.Sum256([]byte(gotSecret.Reveal()))
	wk, ws := sha256.Sum256([]byte(wantKey)), sha256.Sum256([]byte(wantSecret))
	return subtle.ConstantTimeCompare(gk[:], wk[:])&subtle.ConstantTimeCompare(gs[:], ws[:]) == 1
}

// authenticate finds the request's credentials and asks the authenticator,
// recording the key on success. When the API declares no credentials,
// every request passes.
func (s *server) authenticate(r *http.Request, x *srvExchange) bool {
	if !authBasicDeclared && authKeyParam == "" {
		return true
	}
	key, secret, ok := x.credentials(r)
	if !ok || s.config.auth == nil {
		return false
	}
	if err := s.config.auth.Authenticate(r.Context(), key, Secret(secret)); err != nil {
		return false
	}
	x.key = key
	return true
}

// credentials are the key and secret of the request: HTTP Basic first
// when the API declares it, then the query pair it declares, which
// operations with a form body also take from the body.
func (x *srvExchange) credentials(r *http.Request) (key, secret string, ok bool) {
	if authBasicDeclared {
		if key, secret, ok = r.BasicAuth(); ok {
			return key, secret, true
		}
	}
	if authKeyParam == "" {
		return "", "", false
	}
	src := srvSrcQuery
	if x.op.body == srvMediaForm {
		src = srvSrcForm
	}
	key, hasKey, err := x.value(srvWire{src: src, name: authKeyParam, key: authKeyParam})
	if err != nil || !hasKey {
		return "", "", false
	}
	secret, hasSecret, err := x.value(srvWire{src: src, name: authSecretParam, key: authSecretParam})
	if err != nil || !hasSecret {
		return "", "", false
	}
	return key, secret, true
}
