package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/nexmogen/nexmogen/generated/nexmo"
	"github.com/nexmogen/nexmogen/nexmotest"
)

// The server's timeouts. WriteTimeout leaves room for a settings update
// that checks two callback URLs (5 seconds each at most).
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownTimeout   = 15 * time.Second
)

// usageError is a mistake in the command line (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// options are the parsed command line.
type options struct {
	addr, key, secret, state string
	balance, topUp           nexmotest.Micros
	failWith200              bool
}

// parseFlags reads args, falling back to the environment for credentials.
func parseFlags(args []string, getenv func(string) string, out io.Writer) (options, error) {
	var o options
	var balance, topUp string
	fs := flag.NewFlagSet("nexmo-fake", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen on this `host:port`")
	fs.StringVar(&o.key, "api-key", getenv("NEXMO_API_KEY"), "the account's API `key` (default $NEXMO_API_KEY)")
	fs.StringVar(&o.secret, "api-secret", "", "the account's API `secret` (default $NEXMO_API_SECRET, which keeps it out of the process list)")
	fs.StringVar(&o.state, "state", "", "keep the account in this `file` across restarts")
	fs.StringVar(&balance, "balance", "10.00", "starting balance of a new account, in `euros`")
	fs.StringVar(&topUp, "top-up", "10.00", "what each top-up adds, in `euros`")
	fs.BoolVar(&o.failWith200, "fail-with-200", false, "answer refused calls with HTTP 200 and error-code 420 in the body")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, err
		}
		return o, &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return o, &usageError{fmt.Sprintf("unexpected arguments %q", fs.Args())}
	}
	if o.secret == "" {
		o.secret = getenv("NEXMO_API_SECRET")
	}
	var err1, err2 error
	o.balance, err1 = nexmotest.ParseMicros(balance)
	o.topUp, err2 = nexmotest.ParseMicros(topUp)
	if err1 != nil || err2 != nil {
		return o, &usageError{"-balance and -top-up take amounts in euros, like 10.00"}
	}
	return o, nil
}

// newFake builds the fake: from the state file when it exists, else from
// the options (credentials then required).
func newFake(o options, logger *slog.Logger) (*nexmotest.Fake, error) {
	cfg := nexmotest.Config{APIKey: o.key, APISecret: o.secret, Balance: o.balance, TopUpAmount: o.topUp,
		CallbackClient: nexmotest.CallbackClient(), FailuresAsHTTP200: o.failWith200}
	if o.state != "" {
		// A crash during a write leaves a temporary file holding the
		// secret; the state file itself has every acknowledged change.
		if err := nexmotest.RemoveStateTemps(o.state); err != nil {
			return nil, err
		}
		st, err := nexmotest.LoadState(o.state)
		switch {
		case err == nil:
			cfg.Initial = st
			logger.Info("resuming from the state file; its credentials are used", "state", o.state, "api_key", st.APIKey)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
		cfg.Persist = nexmotest.FilePersister(o.state)
	}
	if cfg.Initial == nil && (o.key == "" || o.secret == "") {
		return nil, &usageError{"an API key and secret are required: -api-key and -api-secret, or NEXMO_API_KEY and NEXMO_API_SECRET"}
	}
	return nexmotest.New(cfg)
}

// run serves the fake until ctx ends, then shuts down gracefully. It logs
// to logw and, once listening, tells ready the address (tests use it).
func run(ctx context.Context, args []string, getenv func(string) string, logw io.Writer, ready func(net.Addr)) error {
	o, err := parseFlags(args, getenv, logw)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(logw, nil))
	fake, err := newFake(o, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           fake.Handler(nexmo.WithServerLogger(logger), logRequests(logger)),
		ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: 64 << 10,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	logger.Info("listening", "url", "http://"+ln.Addr().String())
	if ready != nil {
		ready(ln.Addr())
	}
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing the requests in flight")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	<-served
	logger.Info("stopped")
	return nil
}
