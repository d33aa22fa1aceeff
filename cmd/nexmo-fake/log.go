package main

import (
	"log/slog"
	"net/http"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// logRequests is the server hook that logs one line per request: method,
// path, operation, route (the spec's path template), status and duration.
// Never the query string, which may carry api_secret, and never a header.
func logRequests(logger *slog.Logger) nexmo.ServerOption {
	return nexmo.WithServerHook(func(r *http.Request, ev nexmo.ServerEvent) {
		logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", ev.Status,
			"operation", ev.Operation, "route", ev.Pattern, "duration", ev.Duration)
	})
}
