package runtime

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

// BasicVerifier checks the user and password of a request to the server,
// for an HTTP Basic scheme (and the API keys paired with it). A non-nil
// error refuses the request with 401; the error itself is not shown to the
// client.
type BasicVerifier func(ctx context.Context, user string, password Secret) error

// TokenVerifier checks a bearer token (HTTP bearer, OAuth 2, OpenID
// Connect) or an API key of a request to the server. A non-nil error
// refuses the request with 401; the error itself is not shown.
type TokenVerifier func(ctx context.Context, token Secret) error

// errSrvBadCredentials is what the static verifiers answer to wrong
// credentials.
var errSrvBadCredentials = errors.New("wrong credentials")

// StaticBasic accepts exactly one user and password, compared in constant
// time (see EqualCredentials). It panics when either is empty: a server
// that accepts an empty password is a mistake.
func StaticBasic(user, password string) BasicVerifier {
	if user == "" || password == "" {
		panic(packageName + ": StaticBasic: the user or the password is empty")
	}
	return func(_ context.Context, gotUser string, gotPassword Secret) error {
		if !EqualCredentials(gotUser, gotPassword, user, password) {
			return errSrvBadCredentials
		}
		return nil
	}
}

// StaticToken accepts exactly one token or API key, compared in constant
// time (see EqualSecret). It panics when the token is empty.
func StaticToken(token string) TokenVerifier {
	if token == "" {
		panic(packageName + ": StaticToken: the token is empty")
	}
	return func(_ context.Context, got Secret) error {
		if !EqualSecret(got, token) {
			return errSrvBadCredentials
		}
		return nil
	}
}

// EqualCredentials reports whether the presented user and password are
// the wanted ones; it is false when a wanted one is empty (an unset
// environment variable, say), which would accept empty credentials. It
// compares SHA-256 digests with crypto/subtle, so the time taken tells
// nothing about the values, not even their lengths; use it in a verifier
// of your own (one whose password can change, say).
func EqualCredentials(gotUser string, gotPassword Secret, wantUser, wantPassword string) bool {
	gu, gp := sha256.Sum256([]byte(gotUser)), sha256.Sum256([]byte(gotPassword.Reveal()))
	wu, wp := sha256.Sum256([]byte(wantUser)), sha256.Sum256([]byte(wantPassword))
	equal := subtle.ConstantTimeCompare(gu[:], wu[:])&subtle.ConstantTimeCompare(gp[:], wp[:]) == 1
	return equal && wantUser != "" && wantPassword != ""
}

// EqualSecret reports, in constant time as EqualCredentials does, whether
// the presented token is the wanted one; it is false when the wanted one
// is empty.
func EqualSecret(got Secret, want string) bool {
	g, w := sha256.Sum256([]byte(got.Reveal())), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1 && want != ""
}

// srvVerifier is the verifier configured for one scheme.
type srvVerifier struct {
	basic BasicVerifier
	token TokenVerifier
}

// setBasicVerifier is the server option that sets Basic scheme i's
// verifier.
func setBasicVerifier(i int, v BasicVerifier) ServerOption {
	return func(c *serverConfig) { c.verifiers[i].basic = v }
}

// setTokenVerifier is the server option that sets bearer or API key
// scheme i's verifier.
func setTokenVerifier(i int, v TokenVerifier) ServerOption {
	return func(c *serverConfig) { c.verifiers[i].token = v }
}

// authenticate reports whether the request meets its operation's security
// requirement: one of the alternatives, each of whose schemes the
// request's credentials pass.
func (s *server) authenticate(r *http.Request, x *srvExchange) bool {
	alts := secRequirements[x.op.security]
	if len(alts) == 0 {
		return true
	}
	for _, alt := range alts {
		x.user = ""
		if s.meets(r, x, alt) {
			return true
		}
	}
	return false
}

// meets reports whether the request passes every scheme of alt. API keys
// paired with a Basic scheme are checked together, by its verifier.
func (s *server) meets(r *http.Request, x *srvExchange, alt []int) bool {
	ctx := r.Context()
	for _, i := range alt {
		sc, v := secSchemes[i], s.config.verifiers[i]
		switch {
		case sc.carrier >= 0 && sc.part == 1:
			// Checked with its user part.
		case sc.carrier >= 0:
			user, okUser := x.apiKey(r, sc)
			password, okPassword := x.pairedPassword(r, alt, i)
			b := s.config.verifiers[sc.carrier].basic
			if !okUser || !okPassword || b == nil || b(ctx, user, Secret(password)) != nil {
				return false
			}
			x.user = user
		case sc.kind == secBasic:
			user, password, ok := r.BasicAuth()
			if !ok || v.basic == nil || v.basic(ctx, user, Secret(password)) != nil {
				return false
			}
			x.user = user
		case sc.kind == secBearer:
			token, ok := bearerToken(r)
			if !ok || v.token == nil || v.token(ctx, Secret(token)) != nil {
				return false
			}
		default:
			key, ok := x.apiKey(r, sc)
			if !ok || v.token == nil || v.token(ctx, Secret(key)) != nil {
				return false
			}
		}
	}
	return true
}

// pairedPassword is the password part, in alt, of the pair whose user
// part is scheme user.
func (x *srvExchange) pairedPassword(r *http.Request, alt []int, user int) (string, bool) {
	for _, i := range alt {
		if sc := secSchemes[i]; sc.carrier == secSchemes[user].carrier && sc.part == 1 {
			return x.apiKey(r, sc)
		}
	}
	return "", false
}

// apiKey reads an API key from its header, cookie or query parameter (an
// operation with a form body also takes a query key from the body).
func (x *srvExchange) apiKey(r *http.Request, sc secScheme) (string, bool) {
	switch sc.in {
	case secInHeader:
		v := r.Header.Get(sc.param)
		return v, v != ""
	case secInCookie:
		c, err := r.Cookie(sc.param)
		if err != nil || c.Value == "" {
			return "", false
		}
		return c.Value, true
	}
	src := srvSrcQuery
	if x.op.body.codec == srvCodecForm {
		src = srvSrcForm
	}
	v, ok, err := x.value(srvWire{src: src, name: sc.param, key: sc.param})
	return v, ok && err == nil
}

// bearerToken reads the token of an "Authorization: Bearer" header.
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	return token, true
}
