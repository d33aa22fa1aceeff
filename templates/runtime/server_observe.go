package runtime

import (
	"net/http"
	"time"
)

// ServerEvent is what a ServerHook sees of one request, once it is
// answered.
type ServerEvent struct {
	// Operation is the operationId of the request's operation; "" when
	// no operation matched its method and path (404, 405).
	Operation string
	// Pattern is the operation's path template in the API description
	// ("/account/get-pricing/outbound/{type}"), not the URL's path; ""
	// when no operation matched.
	Pattern string
	// Status is the HTTP status of the answer, the server's own (400,
	// 401, 404, 405, 406, 413, 415, 500) included.
	Status int
	// Duration is the time from the request's arrival at the server's
	// ServeHTTP to the end of its answer.
	Duration time.Duration
}

// ServerHook is called once per request when its answer is written, on the
// request's goroutine: r is the request (its query may carry credentials:
// log r.URL.Path, not r.URL), ev what became of it.
type ServerHook func(r *http.Request, ev ServerEvent)

// WithServerHook calls hook for every request the server answers, for
// logs, metrics and traces; several hooks are called in the order given.
// A nil hook is ignored.
func WithServerHook(hook ServerHook) ServerOption {
	return func(c *serverConfig) {
		if hook != nil {
			c.hooks = append(c.hooks, hook)
		}
	}
}

// srvObserved is the http.ResponseWriter of a request the hooks see: it
// records the status, and the operation the router chose.
type srvObserved struct {
	http.ResponseWriter
	op     *srvOperation
	status int
	start  time.Time
}

// WriteHeader records the first status written.
func (o *srvObserved) WriteHeader(status int) {
	if o.status == 0 {
		o.status = status
	}
	o.ResponseWriter.WriteHeader(status)
}

// Write records the implicit 200 of a body written without a status.
func (o *srvObserved) Write(b []byte) (int, error) {
	if o.status == 0 {
		o.status = http.StatusOK
	}
	return o.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the writer underneath.
func (o *srvObserved) Unwrap() http.ResponseWriter { return o.ResponseWriter }

// Flush sends what is buffered, when the writer underneath can.
func (o *srvObserved) Flush() {
	if f, ok := o.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// observe wraps w for the hooks, when there are any.
func (s *server) observe(w http.ResponseWriter) (http.ResponseWriter, *srvObserved) {
	if len(s.config.hooks) == 0 {
		return w, nil
	}
	o := &srvObserved{ResponseWriter: w, start: time.Now()}
	return o, o
}

// observed records the operation the request was routed to.
func observed(w http.ResponseWriter, op *srvOperation) {
	if o, ok := w.(*srvObserved); ok {
		o.op = op
	}
}

// report calls the hooks with what became of the request.
func (s *server) report(o *srvObserved, r *http.Request) {
	ev := ServerEvent{Status: o.status, Duration: time.Since(o.start)}
	if ev.Status == 0 {
		ev.Status = http.StatusOK // net/http's answer to a handler that wrote nothing
	}
	if o.op != nil {
		ev.Operation, ev.Pattern = o.op.id, o.op.path
	}
	for _, h := range s.config.hooks {
		h(r, ev)
	}
}
