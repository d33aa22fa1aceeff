package runtime

import (
	"fmt"
	"net/http"
	"strings"
)

// CallOption configures one call: it is the variadic last argument of
// every operation's method, so a call without options reads as before.
// An option that cannot apply fails the call before anything is sent,
// with an error matching ErrInvalidInput.
type CallOption func(*callConfig) error

// callConfig is what a call's options set.
type callConfig struct {
	// header holds the extra headers of WithHeader, by canonical name.
	header http.Header
	// meta, when set, receives the answer's metadata (WithResponse).
	meta *ResponseMeta
	// retry, when set, replaces the client's policy (WithCallRetryPolicy).
	retry *RetryPolicy
	// reconnects is how many times in a row an event stream may call
	// again when it is cut (WithSSEReconnect); lastEventID the event it
	// starts after (WithLastEventID).
	reconnects  int
	lastEventID string
	// accept, when set, replaces the operation's Accept header
	// (WithAccept).
	accept string
}

// ResponseMeta is what an answer carried besides its body: WithResponse
// fills it when the call returns.
type ResponseMeta struct {
	// StatusCode is the HTTP status of the last attempt's answer; 0 when
	// it got none (nothing was sent, or the connection failed).
	StatusCode int
	// Header holds the headers of the last attempt's answer, secrets
	// redacted; nil when it got none.
	Header http.Header
	// RequestID is the first request or trace id header of the last
	// attempt's answer (the API's request id headers), secrets redacted.
	RequestID string
	// Attempts counts the attempts the call made, retries included; 0
	// when its input was refused before the first.
	Attempts int
}

// WithResponse makes the call fill *meta when it returns, whether it
// succeeded or not: the status, the headers and the request id of its last
// answer, and how many attempts it took. A nil meta is refused.
func WithResponse(meta *ResponseMeta) CallOption {
	return func(c *callConfig) error {
		if meta == nil {
			return fmt.Errorf("WithResponse: the *ResponseMeta is nil")
		}
		c.meta = meta
		return nil
	}
}

// WithHeader adds a header to every attempt of the call (a trace id, a
// tenant header). The headers the call sets itself cannot be given: the
// credentials' (Authorization, the API's key headers, Cookie when a key
// travels in a cookie), the operation's own header parameters, Accept,
// Content-Type and User-Agent (WithXML, WithJSON and WithUserAgent say
// those), and net/http's framing headers (Host, Content-Length,
// Transfer-Encoding, Connection); nor can a name that is not an HTTP
// token, or a value with control characters. The call then fails before
// sending, with an error matching ErrInvalidInput, rather than send
// something else than the API describes.
func WithHeader(name, value string) CallOption {
	return func(c *callConfig) error {
		if !validHeaderName(name) {
			return fmt.Errorf("WithHeader: the header name %q is not an HTTP token", name)
		}
		if !validHeaderValue(value) {
			return fmt.Errorf("WithHeader: the %s header holds a control character", name)
		}
		if c.header == nil {
			c.header = make(http.Header)
		}
		c.header.Add(name, value)
		return nil
	}
}

// WithAccept asks for the answer in the given media types, in preference
// order, instead of those the operation and the client's WithJSON or
// WithXML say: an operation whose answer comes in media types of different
// kinds (JSON or server-sent events, a video or a JSON description) is
// asked for the one the caller wants (WithAccept("text/event-stream")).
// The answer is still read as the operation declares: a media type it
// does not declare is an invalid response. No media type, or one with a
// control character or a comma, is refused.
func WithAccept(mediaTypes ...string) CallOption {
	return func(c *callConfig) error {
		if len(mediaTypes) == 0 {
			return fmt.Errorf("WithAccept: no media type")
		}
		for _, m := range mediaTypes {
			if m == "" || !validHeaderValue(m) || strings.Contains(m, ",") {
				return fmt.Errorf("WithAccept: the media type %q is empty or holds a comma or a control character", m)
			}
		}
		c.accept = strings.Join(mediaTypes, ", ")
		return nil
	}
}

// WithCallRetryPolicy replaces the client's RetryPolicy for this call:
// RetryPolicy{MaxAttempts: 1} sends it once. Which calls may be resent is
// still the operation's (see RetryPolicy).
func WithCallRetryPolicy(p RetryPolicy) CallOption {
	return func(c *callConfig) error {
		if p.MaxAttempts < 1 || p.BaseDelay < 0 || p.MaxDelay < 0 {
			return fmt.Errorf("WithCallRetryPolicy: MaxAttempts must be at least 1 and delays not negative, got %d, %v, %v",
				p.MaxAttempts, p.BaseDelay, p.MaxDelay)
		}
		c.retry = &p
		return nil
	}
}

// callOptions applies a call's options to r; a failure is an invalid input.
func (c *Client) callOptions(r *request, opts []CallOption) error {
	r.retry = c.retry
	if len(opts) == 0 {
		return nil
	}
	r.call = new(callConfig)
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(r.call); err != nil {
			return fmt.Errorf("%w: %w", ErrInvalidInput, err)
		}
	}
	if r.call.retry != nil {
		r.retry = *r.call.retry
	}
	r.lastEventID = r.call.lastEventID
	for name := range r.call.header {
		if why := c.ownHeader(r, name); why != "" {
			return fmt.Errorf("%w: WithHeader: the %s header is set by the call itself (%s)", ErrInvalidInput, name, why)
		}
	}
	return nil
}

// ownHeader says why the call sets the header name itself, or "" when it
// does not.
func (c *Client) ownHeader(r *request, name string) string {
	switch name {
	case "Accept", "Content-Type", "User-Agent":
		return "WithXML, WithJSON, WithUserAgent and the operation say it"
	case "Last-Event-Id":
		if r.lastEventID != "" {
			return "WithLastEventID says it"
		}
	case "Host", "Content-Length", "Transfer-Encoding", "Connection":
		return "net/http frames the request"
	}
	for _, s := range secSchemes {
		switch {
		case s.kind == secBasic || s.kind == secBearer:
			if name == "Authorization" {
				return "security scheme " + s.name
			}
		case s.kind == secAPIKey && s.in == secInHeader:
			if name == http.CanonicalHeaderKey(s.param) {
				return "security scheme " + s.name
			}
		case s.kind == secAPIKey && s.in == secInCookie:
			if name == "Cookie" {
				return "security scheme " + s.name
			}
		}
	}
	for _, h := range r.headers {
		if name == http.CanonicalHeaderKey(h) {
			return "a header parameter of the operation"
		}
	}
	if _, ok := r.header[name]; ok {
		return "a header parameter of the operation"
	}
	return ""
}

// addCallHeaders adds the call's extra headers to an attempt's request.
func (r *request) addCallHeaders(req *http.Request) {
	if r.call == nil {
		return
	}
	for name, values := range r.call.header {
		req.Header[name] = append(req.Header[name], values...)
	}
}

// record fills the call's ResponseMeta from an answer.
func (r *request) record(resp *http.Response) {
	if r.call == nil || r.call.meta == nil {
		return
	}
	m := r.call.meta
	m.StatusCode = resp.StatusCode
	m.RequestID = r.red.text(requestID(resp.Header))
	m.Header = make(http.Header, len(resp.Header))
	for name, values := range resp.Header {
		shown := make([]string, len(values))
		for i, v := range values {
			shown[i] = r.red.text(v)
		}
		m.Header[name] = shown
	}
}

// attempts records that attempt n begins: the metadata are those of its
// answer from now on.
func (r *request) attempts(n int) {
	if r.call != nil && r.call.meta != nil {
		*r.call.meta = ResponseMeta{Attempts: n}
	}
}
