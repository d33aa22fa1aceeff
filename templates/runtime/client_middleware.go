package runtime

import (
	"errors"
	"fmt"
	"net/http"
)

// Attempt describes one attempt of a call to a Middleware.
type Attempt struct {
	// Operation is the operationId of the API description ("getBalance").
	Operation string
	// Method is the client's method of the operation ("GetBalance").
	Method string
	// Number counts the attempts of the call, from 1: a retry is 2, 3...
	Number int
}

// Send sends an attempt's request: the next Middleware, and after the
// last one the client's *http.Client.
type Send func(req *http.Request) (*http.Response, error)

// Middleware wraps every attempt of every call (WithMiddleware): it sees
// the operation, the attempt's number and the *http.Request as it leaves
// (credentials included: log its method and URL path, not its headers or
// query), calls next to send it, and returns the answer, which it may
// read the headers of. Retries stay outside it: each attempt of a call
// passes through it, after the client decided to make it. An error it
// returns counts as a transport failure (an idempotent call is retried);
// the client redacts secrets from it.
type Middleware func(a Attempt, req *http.Request, next Send) (*http.Response, error)

// WithMiddleware wraps each attempt in the middlewares, the first given
// outermost; several WithMiddleware options add up, in order.
func WithMiddleware(m ...Middleware) Option {
	return func(c *Client) error {
		for _, mw := range m {
			if mw == nil {
				return errors.New("WithMiddleware: a Middleware is nil")
			}
		}
		c.middleware = append(c.middleware, m...)
		return nil
	}
}

// send sends attempt n of r through the middlewares.
func (c *Client) send(r *request, n int, req *http.Request) (*http.Response, error) {
	if len(c.middleware) == 0 {
		return c.http.Do(req)
	}
	a := Attempt{Operation: r.id, Method: r.op, Number: n}
	next := Send(c.http.Do)
	for i := len(c.middleware) - 1; i >= 0; i-- {
		mw, inner := c.middleware[i], next
		next = func(req *http.Request) (*http.Response, error) { return mw(a, req, inner) }
	}
	resp, err := next(req)
	switch {
	case err != nil:
		if resp != nil && resp.Body != nil {
			_ = resp.Body.Close()
		}
		return nil, err
	case resp == nil:
		return nil, fmt.Errorf("a Middleware returned neither an answer nor an error")
	case resp.Body == nil:
		resp.Body = http.NoBody
	}
	return resp, nil
}
