// Package runtime is the part of every generated package that is the same
// whatever the spec: the client's transport, retries, errors and media
// types, the server's routing, binding, media negotiation and
// authentication, the validators' and patterns' helpers, and the Secret
// type. It is ordinary Go, compiled, vetted and unit-tested here.
//
// The generator copies these files into its output with the package
// clause rewritten (see templates.Files), leaving out this file and
// spec.go. What the runtime needs to know of a spec (its base URL, user
// agent, credentials, body status fields, request id headers, error
// envelope) it reads from package-level identifiers that the generator
// declares in one generated file, runtime_spec.go; spec.go declares them
// here, with example values, so that the package compiles and its tests
// run. The spec-shaped code the runtime calls (the server's Handler, its
// serverRoutes) is stood in for by spec.go as well.
package runtime
