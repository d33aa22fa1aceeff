// Package spec embeds the hand-written OpenAPI 3.0.3 description of the
// Nexmo Account and Numbers API, the generator's default input.
package spec

import _ "embed"

// Path is the repository-relative name of the embedded document. Diagnostics
// about the embedded spec use it, so they read "spec/nexmo.yaml:41:9: ...".
const Path = "spec/nexmo.yaml"

// YAML is the content of spec/nexmo.yaml.
//
//go:embed nexmo.yaml
var YAML []byte
