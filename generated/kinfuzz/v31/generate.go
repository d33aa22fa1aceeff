package kinfuzz31

// This file is hand-written: the rest of the package is generated from
// kinfuzz31.yaml, the 3.1 differential fuzz document of issue 11 (type
// arrays with "null", anyOf with {type: "null"}, const, numeric exclusive
// bounds), fuzzed against kin-openapi by ../fuzz31_test.go. Rerun the
// generator with `go generate ./...` (or `make generate`) from the
// repository root after changing kinfuzz31.yaml or the generator.

//go:generate go run ../../../cmd/nexmogen -strict -spec kinfuzz31.yaml -out . -package kinfuzz31 -examples=false
