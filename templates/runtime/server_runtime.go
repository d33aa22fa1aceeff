package runtime

import (
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
)

// srvDefaultMaxBodyBytes caps request bodies unless WithMaxBodyBytes says
// otherwise: 1 MiB.
const srvDefaultMaxBodyBytes = 1 << 20

// The labels of the error envelopes the server writes itself.
const (
	srvLabelUnauthorized   = "authentication failed"
	srvLabelNotFound       = "not found"
	srvLabelNotAllowed     = "method not allowed"
	srvLabelNotAcceptable  = "not acceptable: the operation answers only in other media types"
	srvLabelTooLarge       = "request body too large"
	srvLabelUnreadable     = "the request body could not be read"
	srvLabelInternal       = "internal error"
	srvLabelNotImplemented = "not implemented"
)

// errSrvResponseStatus is what a default response with a status out of range
// fails with: the server answers 500 instead.
var errSrvResponseStatus = errors.New("response status out of range")

// errSrvNoPart is the failure of a response with several kinds of body
// that sets none in the negotiated media type.
var errSrvNoPart = errors.New("the response sets no body in the negotiated media type")

// ErrNotImplemented is what UnimplementedHandler's methods return; a
// handler returning it (or an error wrapping it) answers 501.
var ErrNotImplemented = errors.New("operation not implemented")

// NewServer returns an http.Handler that serves the API with h. For each
// request it routes by method and path (404 for an unknown path, 405 for a
// method the path does not take), picks JSON or XML from the Accept header
// (406 when the operation can answer neither and every response it
// declares has a body), reads the body up to a cap
// (413), authenticates the credentials (401), binds the parameters and the
// body into the operation's input (400 naming the field when a value does
// not fit, or a value comes twice, in the body and the query, with
// different values), applies the defaults and runs the validators (400
// naming the field), then calls h and writes the response it returns. A
// panic or an error returned by h answers 500 without details. Errors are
// written in the API's own envelope. Query strings, which may carry
// credentials, are never logged.
//
// An operation that requires credentials is answered 401 unless a verifier
// of each scheme of one of its alternatives is set (the With...Verifier
// options) and passes them.
func NewServer(h Handler, opts ...ServerOption) http.Handler {
	s := &server{handler: h, config: srvDefaultConfig()}
	for _, opt := range opts {
		opt(&s.config)
	}
	s.router = srvNewRouter(serverRoutes)
	return s
}

// srvDefaultConfig is the configuration before the options: the default
// body cap, slog.Default() and no verifiers.
func srvDefaultConfig() serverConfig {
	return serverConfig{
		maxBody:   srvDefaultMaxBodyBytes,
		logger:    slog.Default(),
		verifiers: make([]srvVerifier, len(secSchemes)),
	}
}

// ServerOption configures NewServer.
type ServerOption func(*serverConfig)

// serverConfig is what the options set.
type serverConfig struct {
	// verifiers holds a verifier per security scheme (secSchemes).
	verifiers []srvVerifier
	maxBody   int64
	logger    *slog.Logger
	// hooks see every request once it is answered (WithServerHook).
	hooks []ServerHook
}

// WithMaxBodyBytes caps request bodies at n bytes (1 MiB by default); a
// larger body is answered with 413. A non-positive n keeps the default;
// math.MaxInt64 means no cap.
func WithMaxBodyBytes(n int64) ServerOption {
	return func(c *serverConfig) {
		if n > 0 {
			c.maxBody = n
		}
	}
}

// WithServerLogger sets the logger of handler errors and panics
// (slog.Default() by default; nil discards them). Log records carry the
// method, the path and the operation, never the query string.
func WithServerLogger(l *slog.Logger) ServerOption {
	return func(c *serverConfig) {
		if l == nil {
			l = slog.New(slog.DiscardHandler)
		}
		c.logger = l
	}
}

// server is the http.Handler NewServer returns.
type server struct {
	handler Handler
	config  serverConfig
	router  *srvNode
}

// ServeHTTP serves one request, turning a panic into a 500.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w, o := s.observe(w)
	if o != nil {
		defer s.report(o, r) // after recoverPanic's answer
	}
	defer s.recoverPanic(w, r)
	if !srvCleanPath(r.URL.EscapedPath()) {
		s.writeEnvelope(w, srvEnvelopeMedia(r), serverErrorRoot, http.StatusNotFound, srvLabelNotFound)
		return
	}
	s.route(w, r)
}

// recoverPanic answers 500 for a panic of the handler, logging it without
// the query string. http.ErrAbortHandler keeps its meaning.
func (s *server) recoverPanic(w http.ResponseWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	s.config.logger.LogAttrs(r.Context(), slog.LevelError, "server: handler panicked",
		slog.String("method", r.Method), slog.String("path", r.URL.Path),
		slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
	s.writeEnvelope(w, srvEnvelopeMedia(r), serverErrorRoot, http.StatusInternalServerError, srvLabelInternal)
}

// srvCleanPath reports whether p, an escaped path, is rooted and without
// empty, "." or ".." segments: such a path is answered 404, never
// redirected (a redirect would echo the query). An escaped slash (%2F) is
// part of a segment, not a separator.
func srvCleanPath(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	return !strings.Contains(p, "//") && !strings.Contains(p, "/./") && !strings.Contains(p, "/../") &&
		!strings.HasSuffix(p, "/.") && !strings.HasSuffix(p, "/..")
}

// begin runs the steps every operation shares: negotiation, the body and
// authentication. It answers the request itself and reports false when
// the request goes no further.
func (s *server) begin(w http.ResponseWriter, r *http.Request, op *srvOperation, x *srvExchange) bool {
	x.r, x.op = r, op
	observed(w, op)
	x.query.parse(r.URL.RawQuery)
	m, ok := srvNegotiate(r.Header.Get("Accept"), op.offers)
	if !ok && !op.bodiless {
		s.writeEnvelope(w, srvMediaJSON, op.errorRoot, http.StatusNotAcceptable, srvLabelNotAcceptable)
		return false
	}
	x.media = m
	if status, label := s.readBody(r, x); status != 0 {
		if status == http.StatusRequestEntityTooLarge {
			w.Header().Set("Connection", "close")
		}
		s.fail(w, x, status, label)
		return false
	}
	if !s.authenticate(r, x) {
		s.fail(w, x, http.StatusUnauthorized, srvLabelUnauthorized)
		return false
	}
	return true
}

// reject answers 400 for a request whose values do not bind or validate,
// naming the first field at fault.
func (s *server) reject(w http.ResponseWriter, x *srvExchange, err error) {
	defer x.closeFiles()
	var ve *ValidationError
	var be *srvBindError
	switch {
	case errors.As(err, &ve):
		s.fail(w, x, http.StatusBadRequest, ve.Error())
	case errors.As(err, &be):
		s.fail(w, x, http.StatusBadRequest, be.Error())
	default:
		s.fail(w, x, http.StatusBadRequest, "bad request")
	}
}

// finish writes what the handler returned: its response, 400 for an error
// wrapping a *ValidationError, 501 for ErrNotImplemented, else 500 without
// details.
func (s *server) finish(w http.ResponseWriter, x *srvExchange, resp serverResponse, err error) {
	defer x.closeFiles()
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			s.fail(w, x, http.StatusBadRequest, ve.Error())
			return
		}
		if errors.Is(err, ErrNotImplemented) {
			s.fail(w, x, http.StatusNotImplemented, srvLabelNotImplemented)
			return
		}
		s.logFailure(x, "server: handler failed", err)
		s.fail(w, x, http.StatusInternalServerError, srvLabelInternal)
		return
	}
	if resp == nil {
		s.logFailure(x, "server: handler returned no response", nil)
		s.fail(w, x, http.StatusInternalServerError, srvLabelInternal)
		return
	}
	if c, ok := resp.(srvMediaChoice); ok && !s.choose(w, x, c) {
		return
	}
	if err := resp.writeResponse(w, x.media); err != nil {
		s.logFailure(x, "server: response not written", err)
		var late srvAfterStatus
		if !errors.As(err, &late) {
			s.fail(w, x, http.StatusInternalServerError, srvLabelInternal)
			return
		}
		// The answer is cut: net/http then closes the connection (or
		// resets the HTTP/2 stream) without ending the body, so that the
		// client sees a failure rather than a complete answer (and an
		// event stream reconnects).
		x.closeFiles()
		panic(http.ErrAbortHandler)
	}
}

// choose picks the media type of a response whose body has a value per
// format: among the formats the handler set, the one the request accepts
// best. None set answers 500 (logged), none acceptable 406.
func (s *server) choose(w http.ResponseWriter, x *srvExchange, c srvMediaChoice) bool {
	offers := c.srvOffers()
	if len(offers) == 0 {
		s.logFailure(x, "server: the response sets no body", nil)
		s.fail(w, x, http.StatusInternalServerError, srvLabelInternal)
		return false
	}
	m, ok := srvNegotiate(x.r.Header.Get("Accept"), offers)
	if !ok {
		s.fail(w, x, http.StatusNotAcceptable, srvLabelNotAcceptable)
		return false
	}
	x.media = m
	return true
}

// srvAfterStatus is implemented by the failures of a response that come
// after its status was written (a stream cut short): the answer cannot
// change any more, and the failure is only logged.
type srvAfterStatus interface {
	error
	afterStatus()
}

// closeFiles closes the file parts the handler was given.
func (x *srvExchange) closeFiles() {
	for _, f := range x.files {
		_ = f.Close()
	}
	x.files = nil
}

// fail writes an error envelope for the exchange's operation.
func (s *server) fail(w http.ResponseWriter, x *srvExchange, status int, label string) {
	s.writeEnvelope(w, x.media, x.op.errorRoot, status, label)
}

// logFailure logs a failed request: method, path and operation, never the
// query string.
func (s *server) logFailure(x *srvExchange, msg string, err error) {
	attrs := []slog.Attr{
		slog.String("method", x.r.Method), slog.String("path", x.r.URL.Path),
		slog.String("operation", x.op.id),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	s.config.logger.LogAttrs(x.r.Context(), slog.LevelError, msg, attrs...)
}
