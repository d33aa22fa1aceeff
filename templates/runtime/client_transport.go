package runtime

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// request is one call, encoded by an operation's method.
type request struct {
	// op is the Go method's name, for errors; id the operationId.
	op     string
	id     string
	method string
	// path is escaped already; it is appended to the base URL.
	path string
	// server is the operation's own server URL, its variables in braces;
	// "" for the API's.
	server string
	query  url.Values
	// reserved are the query parameters of allowReserved, sent with
	// RFC 3986's reserved characters as they are (keepReserved).
	reserved []string
	header   http.Header
	// headers are the names of the operation's header parameters, which
	// WithHeader cannot give.
	headers []string
	// cookies are the cookie parameters, as their text: each is sent
	// percent-encoded (url.PathEscape), in name order.
	cookies     url.Values
	body        []byte
	contentType string
	// stream, when set, is a body the caller streams (never read into
	// memory, never closed by the client); streamAt is where it starts
	// when it can seek back there for a retry (rewinds).
	stream   io.Reader
	streamAt int64
	rewinds  bool
	// owned, when set, is closed when the call ends: the pipe of a
	// multipart body, whose writer then stops.
	owned io.Closer
	// text marks an operation whose answer is text, read into a *string
	// as it is.
	text bool
	// answers are the operation's declared responses when one of them
	// changes how an answer is read (client_answers.go); nil otherwise.
	answers []reply
	// empty is set when the call succeeded with a declared 2xx status
	// that has no body: the method then returns no value.
	empty bool
	// accept, when set, is the only format the operation answers in; it
	// overrides the client's preference.
	accept string
	// acceptJSON and acceptXML, when set, are the media types the
	// operation declares for JSON and XML answers when they are not
	// application/json and application/xml (text/xml, say): the client's
	// preference asks for them by that name.
	acceptJSON, acceptXML string
	// idempotent calls may be resent after they may have reached the
	// server; the others only after a failure to connect.
	idempotent bool
	// security is the operation's requirement (an index of
	// secRequirements); auth the alternative do chose to meet it.
	security int
	auth     []int
	// secrets are the secret-bearing values the request sends (a new
	// secret, say): they are redacted like the client's own secret.
	secrets []string
	// red redacts the client's secret and the request's secrets; do sets it.
	red redactor
	// lastEventID, when set, is sent as the Last-Event-ID header: the
	// last event an event stream had received (WithLastEventID, or a
	// reconnection).
	lastEventID string
	// call is what the call's options set (nil without options); retry
	// the policy of the call, the client's unless an option replaced it.
	call  *callConfig
	retry RetryPolicy
}

// bodies recycles the buffers answers are read into.
var bodies = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// do sends r, resending it as the retry policy and the operation allow,
// and decodes a successful answer into out (nil when the operation answers
// no body). opts are the call's options.
func (c *Client) do(ctx context.Context, r *request, out any, opts ...CallOption) error {
	if r.owned != nil {
		defer r.owned.Close()
	}
	switch {
	case c == nil || c.http == nil:
		return fmt.Errorf("%s: %s: the Client was not made by NewClient", packageName, r.op)
	case ctx == nil:
		return fmt.Errorf("%s: %s: nil Context", packageName, r.op)
	}
	if err := c.callOptions(r, opts); err != nil {
		return invalidInput(r.op, err)
	}
	if err := r.encodeContent(); err != nil {
		return invalidInput(r.op, err)
	}
	alt, ok := c.alternative(r.security)
	if !ok {
		return noCredentials(r.op, r.security)
	}
	r.auth = alt
	r.red = c.red.with(r.secrets...)
	if rs, ok := out.(resumable); ok && r.call != nil && r.call.reconnects > 0 {
		rs.resumeBy(ctx, c, r)
	}
	return c.exchange(ctx, r, out)
}

// exchange sends r (encoded, its credentials chosen), resending it as the
// retry policy and the operation allow, and decodes a successful answer
// into out.
func (c *Client) exchange(ctx context.Context, r *request, out any) error {
	s, streams := out.(streamed)
	if _, ok := ctx.Deadline(); !ok {
		// Without a deadline of the caller's, the whole call, retries
		// and waits included, is bounded; for a streamed answer, until
		// its headers arrive (the body then closes the call).
		var cancel context.CancelFunc
		if streams {
			ctx, cancel = s.bound(ctx)
		} else {
			ctx, cancel = context.WithTimeout(ctx, DefaultCallTimeout)
		}
		defer func() {
			if !streams || !s.handedOver() {
				cancel()
			}
		}()
	}
	r.rewindable()
	for n := 1; ; n++ {
		r.attempts(n)
		kind, err := c.attempt(ctx, r, n, out)
		if err == nil {
			return nil
		}
		wait, again := c.retryWait(r, n, kind, err)
		if again && !r.rewind() {
			// A streamed body that cannot seek back is sent once.
			again = false
		}
		if !again {
			return c.final(r, kind, err)
		}
		if serr := sleep(ctx, wait); serr != nil {
			return c.final(r, kind, fmt.Errorf("%w; gave up waiting to retry: %w", err, serr))
		}
	}
}

// picker is an answer of a response with parts (client_parts.go): pick
// says what a 2xx answer of a Content-Type goes into, and whether it is
// text; nil when none of its media types takes it.
type picker interface {
	pick(contentType string) (any, bool)
}

// resumable is an answer that can call its operation again to go on where
// it was cut (an event stream called WithSSEReconnect, client_events.go).
type resumable interface {
	// resumeBy gives the answer what it needs to call r again with c,
	// under the caller's ctx.
	resumeBy(ctx context.Context, c *Client, r *request)
}

// final shapes the error of the last attempt: it names the operation, says
// when the outcome of an unsafe call is unknown, and carries no secret.
func (c *Client) final(r *request, kind failure, err error) error {
	var ae *APIError
	isAPI := errors.As(err, &ae)
	switch {
	case !r.idempotent && (kind == failTransport || kind == failGarbled):
		err = fmt.Errorf("%s: %s: %w (it was not resent): %w", packageName, r.op, ErrOutcomeUnknown, err)
	case !isAPI:
		err = fmt.Errorf("%s: %s: %w", packageName, r.op, err)
	}
	return r.red.err(err)
}

// attempt sends r once, as attempt n.
func (c *Client) attempt(ctx context.Context, r *request, n int, out any) (failure, error) {
	if err := ctx.Err(); err != nil {
		return failFinal, err
	}
	var trace sendTrace
	if !r.idempotent {
		// Only an unsafe call needs to know how far it got.
		ctx = trace.with(ctx)
	}
	req, err := c.newRequest(ctx, r)
	if err != nil {
		return failFinal, err
	}
	resp, err := c.send(r, n, req)
	if err != nil {
		err = r.red.err(err)
		if trace.notSent(err) {
			return failConnect, err
		}
		return failTransport, err
	}
	r.record(resp)
	return c.read(r, resp, out)
}

// newRequest builds the HTTP request of r, with credentials.
func (c *Client) newRequest(ctx context.Context, r *request) (*http.Request, error) {
	base, err := c.base(r)
	if err != nil {
		return nil, err
	}
	target := base + r.path
	q := c.authQuery(r.auth, r.query)
	if len(q) > 0 {
		// Commas stay literal, so that an array sent with explode: false
		// reads as the spec writes it (features=SMS,VOICE). RFC 3986 allows
		// a comma in a query, and decoding gives the same values.
		target += "?" + keepReserved(strings.ReplaceAll(q.Encode(), "%2C", ","), r.reserved)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, target, r.requestBody())
	if err != nil {
		return nil, r.red.err(err)
	}
	if !r.idempotent {
		// net/http resends a request on its own when a reused connection
		// fails (transport.go, persistConn.shouldRetryRequest): when
		// nothing was written and the body is empty or can be rewound
		// with GetBody, and, for a request it deems replayable
		// (request.go, Request.isReplayable: GET, HEAD, OPTIONS and TRACE,
		// or any request carrying an Idempotency-Key or X-Idempotency-Key
		// header, with no body or a GetBody), also after a failure to read
		// the answer. Without GetBody, and without those headers (the
		// client never sets them), an unsafe call is never replayed behind
		// our back: this package's retry loop alone decides.
		req.GetBody = nil
	}
	for k, v := range r.header {
		req.Header[k] = v
	}
	r.addCallHeaders(req)
	for _, name := range slices.Sorted(maps.Keys(r.cookies)) {
		// An exploded array is a cookie per item, in order.
		for _, v := range r.cookies[name] {
			req.AddCookie(&http.Cookie{Name: name, Value: url.PathEscape(v)})
		}
	}
	req.Header.Set("Accept", c.acceptOf(r))
	if r.lastEventID != "" {
		req.Header.Set("Last-Event-ID", r.lastEventID)
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	if err := c.authHeaders(ctx, r.auth, req); err != nil {
		return nil, c.red.err(err)
	}
	if err := checkHeader(req.Header); err != nil {
		// net/http would refuse it too, locally: nothing leaves, so the
		// call is never resent and its outcome is known.
		return nil, r.red.err(err)
	}
	return req, nil
}

// acceptOf is the Accept header of r: the operation's only format, else
// the client's preference under the name the operation declares for it.
func (c *Client) acceptOf(r *request) string {
	switch {
	case r.call != nil && r.call.accept != "":
		return r.call.accept
	case r.accept != "":
		return r.accept
	case c.accept == "application/xml" && r.acceptXML != "":
		return r.acceptXML
	case c.accept == "application/json" && r.acceptJSON != "":
		return r.acceptJSON
	}
	return c.accept
}

// checkHeader refuses a header that net/http would not send: a name that
// is not an HTTP token, or a value with control characters (CR, LF, NUL...).
func checkHeader(h http.Header) error {
	for name, values := range h {
		if !validHeaderName(name) {
			return fmt.Errorf("the header name %q is not an HTTP token", name)
		}
		for _, v := range values {
			if !validHeaderValue(v) {
				return fmt.Errorf("the %s header holds a control character", name)
			}
		}
	}
	return nil
}

// validHeaderName reports whether name is an HTTP token (RFC 9110).
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// validHeaderValue reports whether v has no control characters but tabs.
func validHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < ' ' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

// streamed is implemented by an answer that takes a 2xx body unread (the
// Stream of client_stream.go).
type streamed interface {
	// bound bounds the call until the answer's headers arrive.
	bound(ctx context.Context) (context.Context, context.CancelFunc)
	// handOver takes the body of a 2xx answer.
	handOver(resp *http.Response)
	// handedOver reports whether it did.
	handedOver() bool
}

// requestBody is the body of a request as net/http gets it: the encoded
// bytes, or the caller's stream. A stream is hidden behind a plain
// io.Reader, so that net/http never closes the caller's reader (an
// *os.File, say); bytes.Reader, strings.Reader and bytes.Buffer stay as
// they are, so that the request says their length.
func (r *request) requestBody() io.Reader {
	switch s := r.stream.(type) {
	case nil:
		if r.body == nil {
			return nil
		}
		return bytes.NewReader(r.body)
	case *bytes.Reader, *strings.Reader, *bytes.Buffer:
		return s
	}
	return struct{ io.Reader }{r.stream}
}

// rewindable records where a streamed body starts when it can seek back
// there (an *os.File, a *bytes.Reader), so that a retry can resend it.
func (r *request) rewindable() {
	if s, ok := r.stream.(io.Seeker); ok {
		at, err := s.Seek(0, io.SeekCurrent)
		r.streamAt, r.rewinds = at, err == nil
	}
}

// rewind puts a streamed body back at its start before a retry; false
// when it cannot, and the call is then not retried.
func (r *request) rewind() bool {
	if r.stream == nil {
		return true
	}
	if !r.rewinds {
		return false
	}
	_, err := r.stream.(io.Seeker).Seek(r.streamAt, io.SeekStart)
	return err == nil
}

// read reads and decodes an answer.
func (c *Client) read(r *request, resp *http.Response, out any) (failure, error) {
	r.empty = resp.StatusCode >= 200 && resp.StatusCode < 300 && r.emptySuccess(resp.StatusCode)
	if r.empty {
		discardBody(resp.Body)
		return failFinal, nil
	}
	if p, ok := out.(picker); ok && resp.StatusCode >= 200 && resp.StatusCode < 300 {
		var text bool
		if out, text = p.pick(resp.Header.Get("Content-Type")); out == nil {
			discardBody(resp.Body)
			return failGarbled, c.apiError(r, resp, nil,
				fmt.Errorf("%w: unexpected content type %q", ErrInvalidResponse, resp.Header.Get("Content-Type")))
		}
		r.text = text
	}
	if s, ok := out.(streamed); ok && resp.StatusCode >= 200 && resp.StatusCode < 300 {
		s.handOver(resp)
		return failFinal, nil
	}
	defer resp.Body.Close()
	buf := bodies.Get().(*bytes.Buffer)
	buf.Reset()
	defer bodies.Put(buf)
	_, rerr := buf.ReadFrom(io.LimitReader(resp.Body, maxBodySize+1))
	body := buf.Bytes()
	if len(body) > maxBodySize {
		body = body[:maxBodySize]
		if rerr == nil {
			rerr = fmt.Errorf("the body is larger than %d bytes", maxBodySize)
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return failStatus, r.failure(c.apiError(r, resp, body, nil), resp.Header.Get("Content-Type"))
	}
	if rerr != nil {
		return failTransport, c.apiError(r, resp, body,
			fmt.Errorf("%w: reading the body: %w", ErrInvalidResponse, r.red.err(rerr)))
	}
	return c.decode(r, resp, body, out)
}

// decode decodes a 2xx answer into out, and fails when the body's status
// says failure.
func (c *Client) decode(r *request, resp *http.Response, body []byte, out any) (failure, error) {
	if t, ok := out.(*string); ok && r.text {
		*t = string(body)
		return failFinal, nil
	}
	m := mediaOf(resp.Header.Get("Content-Type"), body)
	if out == nil || len(body) == 0 || m == mediaUnknown {
		if code, label, ok := statusOf(m, body); ok && failedCode(code) {
			return c.statusError(r, resp, body, code, label)
		}
		switch {
		case out == nil:
			return failFinal, nil
		case len(body) == 0:
			return failGarbled, c.apiError(r, resp, body, fmt.Errorf("%w: the body is empty", ErrInvalidResponse))
		}
		return failGarbled, c.apiError(r, resp, body,
			fmt.Errorf("%w: unexpected content type %q", ErrInvalidResponse, resp.Header.Get("Content-Type")))
	}
	// A type that carries the status fields is decoded once, then asked;
	// any other is decoded only when its body, decoded for its status
	// fields alone, has no failing status.
	s, direct := out.(bodyStatuser)
	if !direct {
		if code, label, ok := statusOf(m, body); ok && failedCode(code) {
			return c.statusError(r, resp, body, code, label)
		}
	}
	if err := unmarshal(m, body, out); err != nil {
		if code, label, ok := statusOf(m, body); direct && ok && failedCode(code) {
			return c.statusError(r, resp, body, code, label) // under another XML root
		}
		return failGarbled, c.apiError(r, resp, body, fmt.Errorf("%w: %w", ErrInvalidResponse, err))
	}
	if direct {
		if code, label := s.bodyStatus(); failedCode(code) {
			return c.statusError(r, resp, body, code, label)
		}
	}
	if err := missingRequired(m, body, out); err != nil {
		// A success that lacks what the spec requires is not one: for a
		// call that is not safe to repeat, its outcome is unknown.
		return failGarbled, c.apiError(r, resp, body, fmt.Errorf("%w: %w", ErrInvalidResponse, err))
	}
	return failFinal, nil
}

// statusError is the failure of a 2xx answer whose body's status says
// failure.
func (c *Client) statusError(r *request, resp *http.Response, body []byte, code, label string) (failure, error) {
	e := c.apiError(r, resp, body, nil)
	e.Code, e.Label = r.red.text(code), r.red.text(label)
	return failStatus, e
}

// apiError builds the error of an answer, reading the status fields of an
// error body.
func (c *Client) apiError(r *request, resp *http.Response, body []byte, cause error) *APIError {
	e := &APIError{
		Operation:  r.op,
		StatusCode: resp.StatusCode,
		RequestID:  r.red.text(requestID(resp.Header)),
		RetryAfter: retryAfter(resp.Header),
		Body:       r.red.bytes(body),
		Err:        r.red.err(cause),
	}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		e.Err = fmt.Errorf("%w: a redirect is never followed, so that credentials go nowhere else", ErrInvalidResponse)
	}
	if cause != nil || resp.StatusCode < 300 {
		return e
	}
	m := mediaOf(resp.Header.Get("Content-Type"), body)
	if code, label, ok := statusOf(m, body); ok {
		e.Code, e.Label = r.red.text(code), r.red.text(label)
	}
	return e
}

// joinValues formats each element of vs and joins them with sep: an
// array with explode: false ("features=SMS,VOICE"; sep is " " for
// spaceDelimited, "|" for pipeDelimited).
func joinValues[T any](vs []T, sep string, format func(T) string) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = format(v)
	}
	return strings.Join(parts, sep)
}

// escapePathValue escapes the value of a path parameter as url.PathEscape
// does, and percent-encodes too the bytes of reserved, the text that
// follows it in its segment ("." for name in {name}.{ext}): a server that
// splits the segment at that text gets the value back whole ("a.b"
// travels as "a%2Eb").
func escapePathValue(v, reserved string) string {
	e := url.PathEscape(v)
	if !strings.ContainsAny(e, reserved) {
		return e
	}
	const hex = "0123456789ABCDEF"
	var sb strings.Builder
	for i := 0; i < len(e); i++ {
		c := e[i]
		if strings.IndexByte(reserved, c) >= 0 {
			sb.Write([]byte{'%', hex[c>>4], hex[c&15]})
			continue
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// reservedKept are the percent-encodings keepReserved undoes: RFC 3986's
// reserved characters but those that would change what a query says (&
// and = split pairs, # ends the query, + is a space to a form decoder).
var reservedKept = strings.NewReplacer("%3A", ":", "%2F", "/", "%3F", "?", "%5B", "[", "%5D", "]", "%40", "@",
	"%21", "!", "%24", "$", "%27", "'", "%28", "(", "%29", ")", "%2A", "*", "%3B", ";")

// keepReserved writes the values of the pairs of the encoded query raw
// whose keys are among keys (allowReserved) with their reserved
// characters as they are: ?path=/a/b:c instead of ?path=%2Fa%2Fb%3Ac.
func keepReserved(raw string, keys []string) string {
	if len(keys) == 0 {
		return raw
	}
	pairs := strings.Split(raw, "&")
	for i, pair := range pairs {
		k, v, _ := strings.Cut(pair, "=")
		if key, err := url.QueryUnescape(k); err == nil && slices.Contains(keys, key) {
			pairs[i] = k + "=" + reservedKept.Replace(v)
		}
	}
	return strings.Join(pairs, "&")
}

// pathParts escapes each text of a path parameter (escapePathValue, with
// the bytes of reserved too).
func pathParts(reserved string, parts []string) []string {
	for i, p := range parts {
		parts[i] = escapePathValue(p, reserved)
	}
	return parts
}
