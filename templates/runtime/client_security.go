package runtime

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// credential is what a client holds for one scheme.
type credential struct {
	set  bool
	user string
	// secret is a Basic password, a bearer token or an API key.
	secret Secret
	// source, when not nil, gives a bearer token for each attempt.
	source func(context.Context) (string, error)
}

// ErrNoCredentials: the operation requires credentials the client was not
// given (see the With... options of the API's security schemes). Nothing
// was sent.
var ErrNoCredentials = errors.New("no credentials for the operation's security")

// setBasic is the option that sets the user and password of Basic scheme i.
func setBasic(i int, user, password string) Option {
	return func(c *Client) error {
		if user == "" || password == "" {
			return fmt.Errorf("%s: the %s or the %s is empty", secSchemes[i].name, secSchemes[i].userName, secSchemes[i].passwordName)
		}
		c.creds[i] = credential{set: true, user: user, secret: Secret(password)}
		return nil
	}
}

// setToken is the option that sets the bearer token or API key of scheme i.
func setToken(i int, token string) Option {
	return func(c *Client) error {
		if token == "" {
			return fmt.Errorf("%s: the credential is empty", secSchemes[i].name)
		}
		c.creds[i] = credential{set: true, secret: Secret(token)}
		return nil
	}
}

// setTokenSource is the option that makes bearer scheme i ask source for
// a token before each attempt (an OAuth 2 token that expires, say).
func setTokenSource(i int, source func(context.Context) (string, error)) Option {
	return func(c *Client) error {
		if source == nil {
			return fmt.Errorf("%s: the token source is nil", secSchemes[i].name)
		}
		c.creds[i] = credential{set: true, source: source}
		return nil
	}
}

// WithSchemes makes the client send credentials through the named security
// schemes only (their names in the API description), for an API that
// takes the same credentials several ways: an operation is then called
// with the first of its alternatives made of these schemes alone.
func WithSchemes(names ...string) Option {
	return func(c *Client) error {
		for _, n := range names {
			if !slices.ContainsFunc(secSchemes, func(s secScheme) bool { return s.name == n }) {
				return fmt.Errorf("WithSchemes: the API declares no security scheme %q", n)
			}
		}
		c.only = slices.Clone(names)
		return nil
	}
}

// can reports whether the client can send scheme i.
func (c *Client) can(i int) bool {
	s := secSchemes[i]
	if c.only != nil && !slices.Contains(c.only, s.name) {
		return false
	}
	if s.carrier >= 0 {
		return c.creds[s.carrier].set
	}
	return c.creds[i].set
}

// alternative is the first alternative of requirement req the client can
// meet; false when it can meet none. An open requirement needs nothing.
func (c *Client) alternative(req int) ([]int, bool) {
	alts := secRequirements[req]
	if len(alts) == 0 {
		return nil, true
	}
	for _, alt := range alts {
		ok := true
		for _, i := range alt {
			ok = ok && c.can(i)
		}
		if ok {
			return alt, true
		}
	}
	return nil, false
}

// noCredentials is the error of a call whose requirement the client cannot
// meet: it names the schemes the operation takes.
func noCredentials(op string, req int) error {
	var alts []string
	for _, alt := range secRequirements[req] {
		names := make([]string, len(alt))
		for j, i := range alt {
			names[j] = secSchemes[i].name
		}
		alts = append(alts, strings.Join(names, " and "))
	}
	return fmt.Errorf("%s: %s: %w: it takes %s", packageName, op, ErrNoCredentials, strings.Join(alts, ", or "))
}

// value is the value scheme i sends: its own credential, or the part of
// its carrier's.
func (c *Client) value(i int) string {
	s := secSchemes[i]
	if s.carrier < 0 {
		return c.creds[i].secret.Reveal()
	}
	if s.part == 0 {
		return c.creds[s.carrier].user
	}
	return c.creds[s.carrier].secret.Reveal()
}

// authQuery returns q with the query API keys of alt added, in a copy.
func (c *Client) authQuery(alt []int, q url.Values) url.Values {
	copied := false
	for _, i := range alt {
		if s := secSchemes[i]; s.kind == secAPIKey && s.in == secInQuery {
			if !copied {
				q, copied = cloneValues(q, len(alt)), true
			}
			q.Set(s.param, c.value(i))
		}
	}
	return q
}

// cloneValues copies q with room for extra keys.
func cloneValues(q url.Values, extra int) url.Values {
	out := make(url.Values, len(q)+extra)
	for k, v := range q {
		out[k] = v
	}
	return out
}

// authHeaders adds the credentials of alt that travel in headers and
// cookies, asking token sources for a token.
func (c *Client) authHeaders(ctx context.Context, alt []int, req *http.Request) error {
	for _, i := range alt {
		s, cr := secSchemes[i], c.creds[i]
		switch {
		case s.kind == secBasic:
			req.SetBasicAuth(cr.user, cr.secret.Reveal())
		case s.kind == secBearer && cr.source != nil:
			token, err := cr.source(ctx)
			if err != nil {
				return fmt.Errorf("%s: the token source failed: %w", s.name, err)
			}
			req.Header.Set("Authorization", "Bearer "+token)
		case s.kind == secBearer:
			req.Header.Set("Authorization", "Bearer "+cr.secret.Reveal())
		case s.in == secInHeader:
			req.Header.Set(s.param, c.value(i))
		case s.in == secInCookie:
			req.AddCookie(&http.Cookie{Name: s.param, Value: c.value(i)})
		}
	}
	return nil
}

// clientRedactor is the redactor of the client's credentials: every secret
// value, its Basic encodings, and the query parameters of secret keys.
func (c *Client) clientRedactor() redactor {
	var r redactor
	for i, s := range secSchemes {
		if s.kind == secAPIKey && s.in == secInQuery && s.secret {
			r.params = append(r.params, s.param)
		}
		cr := c.creds[i]
		if !cr.set || cr.secret == "" {
			continue
		}
		r.add(cr.secret.Reveal())
		if s.kind == secBasic {
			r.spellings = append(r.spellings, basicEncoding(cr.user, cr.secret.Reveal()))
		}
	}
	return r
}
