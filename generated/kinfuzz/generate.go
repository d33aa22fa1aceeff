package kinfuzz

// This file is hand-written, as are the tests: the rest of the package is
// generated from kinfuzz.yaml, the differential fuzz document of issue 11
// (every schema kind: unions, nullable, maps, free-form values, formats,
// multipleOf, enums, readOnly/writeOnly, recursion). Rerun the generator
// with `go generate ./...` (or `make generate`) from the repository root
// after changing kinfuzz.yaml or the generator.

//go:generate go run ../../cmd/nexmogen -strict -spec kinfuzz.yaml -out . -package kinfuzz -examples=false
