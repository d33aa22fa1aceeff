// Command nexmo-fake serves a fake Nexmo (package nexmotest) over HTTP, so
// that programs using the Nexmo Account and Numbers API can be tried without
// spending money:
//
//	go run ./cmd/nexmo-fake -addr 127.0.0.1:8080 -api-key KEY -api-secret SECRET
//
// The credentials may come from NEXMO_API_KEY and NEXMO_API_SECRET instead
// (better: flags show in the process list). With -state FILE the fake keeps
// its account in FILE, written atomically after every change, and resumes
// from it on the next start (the file's credentials then win, since
// newSecret may have changed them). Each request is logged on standard error
// with its method, path (never the query string, which may carry the
// secret), status, operation, route and duration (the generated server's
// hook, nexmo.WithServerHook). SIGINT or SIGTERM stop it gracefully:
// requests in flight finish first; a second signal stops it at once.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal during the graceful shutdown kills at once
	}()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stderr, nil)
	var usage *usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return
	case errors.As(err, &usage):
		fmt.Fprintln(os.Stderr, "nexmo-fake:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "nexmo-fake:", err)
		os.Exit(1)
	}
}
