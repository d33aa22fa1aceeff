#!/usr/bin/env bash
# Generates the peers' code from spec/nexmo.yaml into bench/gen/ (not
# committed): oapi-codegen v2.8.2 and ogen v1.24.0, the versions pinned by the
# tool directives of bench/go.mod. ogen reads a copy of the spec rewritten by
# cmd/ogenspec (newSecret's allOf of patterns reduced to its first pattern,
# application/xml media types dropped), because ogen v1.24.0 refuses both.
# Then the interop suite (bench/interop): nexmogen's and oapi-codegen's
# packages of spec/nexmo.yaml and the corpus documents of
# bench/cmd/interopgen, with the interop test of each, into gen/interop/.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf gen
mkdir -p gen/oapi gen/ogen
"${GO:-go}" tool oapi-codegen -config oapi-codegen.yaml ../spec/nexmo.yaml
"${GO:-go}" run ./cmd/ogenspec ../spec/nexmo.yaml gen/ogen.yaml
"${GO:-go}" tool ogen -target gen/ogen -package ogenapi -clean -loglevel error gen/ogen.yaml
"${GO:-go}" run ./cmd/interopgen
