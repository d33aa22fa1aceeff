package runtime

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultCallTimeout bounds a whole call, every attempt and every wait
// between attempts included, when its ctx has no deadline. When ctx has
// one, the caller's deadline alone bounds the call: the client sets no
// timeout of its own on its default *http.Client (one given with
// WithHTTPClient keeps its own Timeout, which net/http applies to each
// attempt).
const DefaultCallTimeout = 30 * time.Second

// Client calls the API. Create one with NewClient; a Client is safe for
// concurrent use by several goroutines, and should be reused.
//
// Every method validates its input before anything is sent, retries only
// what is safe to retry (see RetryPolicy), and returns an *APIError when the
// server answers with a failure. The API secret never appears in what a
// Client prints or returns: not in errors (URLs in *url.Error are
// redacted), not in %v or %#v of the Client itself.
type Client struct {
	baseURL string
	// baseURLSet records WithBaseURL, which replaces every server.
	baseURLSet bool
	// serverVars are the server variables WithServerVariable set.
	serverVars map[string]string
	http       *http.Client
	userAgent  string
	accept     string
	// bodyMedia are the media types WithBodyMedia prefers for request
	// bodies declared in several (client_bodies.go).
	bodyMedia []string
	// creds holds a credential per security scheme (secSchemes); only,
	// when not nil, the schemes WithSchemes allows.
	creds []credential
	only  []string
	retry RetryPolicy
	red   redactor
	// middleware wraps each attempt (WithMiddleware), the first outermost.
	middleware []Middleware
}

// Option configures a Client in NewClient.
type Option func(*Client) error

// newClient makes the client NewClient returns: with no options it calls
// DefaultBaseURL with a copy of http.DefaultClient, bounds each call by its
// ctx's deadline or else by DefaultCallTimeout, sends no credentials, asks
// for JSON and retries as DefaultRetryPolicy says.
func newClient(opts []Option) (*Client, error) {
	c := &Client{
		baseURL:   DefaultBaseURL,
		userAgent: DefaultUserAgent,
		accept:    "application/json",
		creds:     make([]credential, len(secSchemes)),
		retry:     DefaultRetryPolicy(),
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(c); err != nil {
			return nil, fmt.Errorf("%s: NewClient: %w", packageName, err)
		}
	}
	if c.http == nil {
		hc := *http.DefaultClient
		hc.Timeout = 0 // the call's deadline bounds it (DefaultCallTimeout)
		c.http = &hc
	}
	c.red = c.clientRedactor()
	// Redirects are never followed: a redirected request would carry the
	// credentials (query or Authorization) to a location the caller did
	// not choose. A 3xx answer is returned as an *APIError instead.
	c.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c, nil
}

// WithBaseURL makes the client call another server, for example a test
// server, for every operation (those with servers of their own included).
// The URL must be absolute, http or https.
func WithBaseURL(rawURL string) Option {
	return func(c *Client) error {
		u, err := url.Parse(rawURL)
		if err != nil {
			return fmt.Errorf("WithBaseURL: %w", err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("WithBaseURL: %q is not an absolute http or https URL", rawURL)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return fmt.Errorf("WithBaseURL: %q must not carry a query, a fragment or user info", rawURL)
		}
		c.baseURL = strings.TrimRight(u.String(), "/")
		c.baseURLSet = true
		return nil
	}
}

// WithHTTPClient makes the client send its requests with hc (its transport,
// timeout, cookie jar and proxy). The client works on a copy of hc whose
// CheckRedirect refuses redirects; credentials are added to each request,
// so they work with any transport.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return errors.New("WithHTTPClient: the *http.Client is nil")
		}
		cp := *hc
		c.http = &cp
		return nil
	}
}

// WithUserAgent sets the User-Agent header of every request. A value
// with control characters (CR, LF, NUL...) is refused.
func WithUserAgent(userAgent string) Option {
	return func(c *Client) error {
		if !validHeaderValue(userAgent) {
			return fmt.Errorf("WithUserAgent: %q holds a control character", userAgent)
		}
		c.userAgent = userAgent
		return nil
	}
}

// WithXML asks the server for XML (Accept: application/xml) instead of
// JSON. Answers decode into the same types.
func WithXML() Option {
	return func(c *Client) error {
		c.accept = "application/xml"
		return nil
	}
}

// WithJSON asks the server for JSON (Accept: application/json), the
// default.
func WithJSON() Option {
	return func(c *Client) error {
		c.accept = "application/json"
		return nil
	}
}

// WithRetryPolicy replaces DefaultRetryPolicy. RetryPolicy{MaxAttempts: 1}
// turns retries off.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *Client) error {
		if p.MaxAttempts < 1 || p.BaseDelay < 0 || p.MaxDelay < 0 {
			return fmt.Errorf("WithRetryPolicy: MaxAttempts must be at least 1 and delays not negative, got %d, %v, %v",
				p.MaxAttempts, p.BaseDelay, p.MaxDelay)
		}
		c.retry = p
		return nil
	}
}

// String describes the client without its secrets.
func (c *Client) String() string {
	if c == nil {
		return "<nil>"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s.Client{baseURL: %q", packageName, c.baseURL)
	for i, s := range secSchemes {
		switch cr := c.creds[i]; {
		case !cr.set:
		case s.kind == secBasic:
			fmt.Fprintf(&b, ", %s: %q, %s: %s", s.userName, cr.user, s.passwordName, redacted)
		default:
			fmt.Fprintf(&b, ", %s: %s", s.name, redacted)
		}
	}
	b.WriteString("}")
	return b.String()
}

// GoString describes the client without its secrets, for %#v.
func (c *Client) GoString() string { return c.String() }

// Format prints the client without its secret, whatever the verb.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue logs the client without its secret.
func (c *Client) LogValue() slog.Value { return slog.StringValue(c.String()) }
