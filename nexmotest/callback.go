package nexmotest

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// callbackTimeout bounds the GET that checks a callback URL.
const callbackTimeout = 5 * time.Second

// checkCallback sends the GET Nexmo sends to a new callback URL: only an
// http or https URL that answers 200 itself (redirects are not followed) is
// accepted.
func checkCallback(ctx context.Context, client *http.Client, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return failed("the callback URL is not an absolute http or https URL")
	}
	ctx, cancel := context.WithTimeout(ctx, callbackTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return failed("the callback URL is not usable")
	}
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		return failed("the callback URL did not answer")
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusOK {
		return failed("the callback URL answered %d, not 200", resp.StatusCode)
	}
	return nil
}

// errNotLoopback refuses a dial to an address off this machine.
var errNotLoopback = errors.New("nexmotest: the callback client dials loopback addresses only")

// loopbackClient is the default callback client of a Fake: a test's fake
// reaches its own machine and never the outside network.
func loopbackClient() *http.Client {
	d := &net.Dialer{Timeout: callbackTimeout, Control: func(_, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
			return errNotLoopback
		}
		return nil
	}}
	return &http.Client{Timeout: callbackTimeout, Transport: &http.Transport{
		DialContext: d.DialContext, Proxy: nil, MaxIdleConns: 4, IdleConnTimeout: 30 * time.Second,
	}}
}

// CallbackClient is a client for the callback check of a fake that runs as
// a process (cmd/nexmo-fake): it reaches any address, with a 5-second
// timeout and no proxy.
func CallbackClient() *http.Client {
	return &http.Client{Timeout: callbackTimeout, Transport: &http.Transport{
		Proxy: nil, MaxIdleConns: 4, IdleConnTimeout: 30 * time.Second,
		DialContext: (&net.Dialer{Timeout: callbackTimeout}).DialContext,
	}}
}
