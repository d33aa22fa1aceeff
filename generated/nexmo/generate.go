package nexmo

// This file is hand-written: it is the one file of the package nexmogen
// does not produce. Rerun the generator with `go generate ./...` (or
// `make generate`) from the repository root after changing spec/nexmo.yaml.

//go:generate go run ../../cmd/nexmogen -strict -out .
