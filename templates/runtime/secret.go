package runtime

import (
	"encoding/json"
	"fmt"
	"log/slog"
)

// redacted stands in for a secret wherever one would be printed.
const redacted = "[REDACTED]"

// Secret is a credential (a field the spec marks format: password). It
// decodes from JSON and XML like a string, but every way of printing it,
// fmt's verbs, slog, JSON and XML encoding (secret_xml.go), shows "[REDACTED]". Use
// Reveal for the value itself.
type Secret string

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }

// String redacts the secret.
func (s Secret) String() string { return redacted }

// GoString redacts the secret from %#v.
func (s Secret) GoString() string { return redacted }

// Format redacts the secret from every fmt verb.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(redacted)) }

// LogValue redacts the secret from log/slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue(redacted) }

// MarshalJSON redacts the secret.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(redacted) }

// MarshalText redacts the secret wherever text encoding is used (XML
// attributes, map keys).
func (s Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// UnmarshalText reads a secret from text (XML attributes).
func (s *Secret) UnmarshalText(b []byte) error {
	*s = Secret(b)
	return nil
}
