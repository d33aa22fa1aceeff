package runtime

import (
	"bytes"
	"encoding/json"
)

// The types of the values runtime_spec.go declares (the API's security
// schemes, its error classes, its bodies' status fields), shared by the
// client and the server so that runtime_spec.go builds with either alone.

// secKind is how a security scheme's credential travels.
type secKind uint8

// The kinds of security scheme.
const (
	// secBasic: HTTP Basic, a user and a password.
	secBasic secKind = iota
	// secBearer: a token in "Authorization: Bearer" (HTTP bearer, OAuth 2,
	// OpenID Connect).
	secBearer
	// secAPIKey: a key in a header, the query or a cookie.
	secAPIKey
)

// secIn is where an API key travels.
type secIn uint8

// The places of an API key.
const (
	secInHeader secIn = iota
	secInQuery
	secInCookie
)

// secScheme describes one security scheme of the API to the runtime.
type secScheme struct {
	// name is the scheme's name in the API description.
	name string
	kind secKind
	// in and param say where an API key travels, under which name.
	in    secIn
	param string
	// carrier, for an API key that carries the user (part 0) or the
	// password (part 1) of a Basic scheme, is that scheme's index; else -1.
	carrier int
	part    int
	// secret says the value is redacted from what the client returns.
	secret bool
	// userName and passwordName name a Basic scheme's parts in String.
	userName, passwordName string
}

// statusRange is an inclusive range of statuses: {409, 409}, {500, 599}.
type statusRange struct{ lo, hi int }

// flexString decodes a JSON string, or a number as its text.
type flexString string

// UnmarshalJSON accepts a string or any other scalar.
func (s *flexString) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = flexString(v)
		return nil
	}
	if v := string(bytes.TrimSpace(b)); v != "null" {
		*s = flexString(v)
	}
	return nil
}

// serverVariable is a variable of the API's server URL: its name, its
// default value and, when not empty, the only values it takes.
type serverVariable struct {
	name  string
	value string
	enum  []string
}
