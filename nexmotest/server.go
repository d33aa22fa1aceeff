package nexmotest

import (
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// The credentials of the account NewServer starts, unless WithConfig
// changes them.
const (
	DefaultAPIKey    = "nexmotest"
	DefaultAPISecret = "Nexmotest1Secret"
)

// Server is a fake Nexmo listening on 127.0.0.1 for the length of a test.
type Server struct {
	// URL is the base URL of the fake, http://127.0.0.1:port.
	URL string
	// Fake is the account behind the server, to set up or check state
	// without HTTP.
	Fake *Fake
	// Client is a client of the fake with its starting credentials, its
	// default options (HTTP Basic, JSON), and the options of
	// WithClientOptions.
	Client *nexmo.Client
	// APIKey and APISecret are the starting credentials.
	APIKey, APISecret string

	srv        *httptest.Server
	clientOpts []nexmo.Option
}

// Option configures NewServer.
type Option func(*serverSetup)

// serverSetup is what the options of NewServer set.
type serverSetup struct {
	cfg        Config
	serverOpts []nexmo.ServerOption
	clientOpts []nexmo.Option
}

// WithConfig lets fn change the fake's Config (which starts as
// DefaultConfig(DefaultAPIKey, DefaultAPISecret)).
func WithConfig(fn func(*Config)) Option {
	return func(s *serverSetup) { fn(&s.cfg) }
}

// WithServerOptions passes options to the generated nexmo.NewServer (by
// default, the server logs into the test's output).
func WithServerOptions(opts ...nexmo.ServerOption) Option {
	return func(s *serverSetup) { s.serverOpts = append(s.serverOpts, opts...) }
}

// WithClientOptions adds options to every client the server makes
// (Server.Client and NewClient), for example nexmo.WithXML().
func WithClientOptions(opts ...nexmo.Option) Option {
	return func(s *serverSetup) { s.clientOpts = append(s.clientOpts, opts...) }
}

// NewServer starts a fake Nexmo on 127.0.0.1 and a client for it; both are
// closed when the test ends. It fails the test when the setup fails.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	setup := serverSetup{cfg: DefaultConfig(DefaultAPIKey, DefaultAPISecret)}
	for _, opt := range opts {
		opt(&setup)
	}
	f, err := New(setup.cfg)
	if err != nil {
		t.Fatalf("nexmotest: %v", err)
	}
	logger := nexmo.WithServerLogger(slog.New(slog.NewTextHandler(t.Output(), nil))) // the server's log joins the test's
	hs := httptest.NewServer(f.Handler(append([]nexmo.ServerOption{logger}, setup.serverOpts...)...))
	t.Cleanup(hs.Close)
	s := &Server{URL: hs.URL, Fake: f, APIKey: setup.cfg.APIKey, APISecret: setup.cfg.APISecret,
		srv: hs, clientOpts: setup.clientOpts}
	if setup.cfg.Initial != nil {
		s.APIKey, s.APISecret = setup.cfg.Initial.APIKey, setup.cfg.Initial.APISecret.Reveal()
	}
	if s.Client, err = s.NewClientFor(s.APIKey, s.APISecret); err != nil {
		t.Fatalf("nexmotest: %v", err)
	}
	return s
}

// NewClient makes another client of the fake with the starting
// credentials: the server's client options, then opts.
func (s *Server) NewClient(opts ...nexmo.Option) (*nexmo.Client, error) {
	return s.NewClientFor(s.APIKey, s.APISecret, opts...)
}

// NewClientFor makes a client of the fake with other credentials (after a
// newSecret, or to test a refusal).
func (s *Server) NewClientFor(apiKey, apiSecret string, opts ...nexmo.Option) (*nexmo.Client, error) {
	all := []nexmo.Option{nexmo.WithBaseURL(s.URL), nexmo.WithHTTPClient(s.srv.Client())}
	all = append(all, s.clientOpts...)
	return nexmo.NewClient(apiKey, apiSecret, append(all, opts...)...)
}
