package ir

// SchemeKind is the kind of a security scheme, as the client sends it.
type SchemeKind int

// The kinds of security scheme.
const (
	// SchemeBasic is HTTP Basic: a user and a password.
	SchemeBasic SchemeKind = iota
	// SchemeBearer is a token in "Authorization: Bearer": HTTP bearer,
	// OAuth 2 and OpenID Connect.
	SchemeBearer
	// SchemeAPIKey is a key in a header, a query parameter or a cookie.
	SchemeAPIKey
)

// KeyIn is where an API key travels.
type KeyIn int

// The places of an API key.
const (
	KeyInHeader KeyIn = iota
	KeyInQuery
	KeyInCookie
)

// The parts of a Basic credential a paired API key carries.
const (
	PartUser     = 0
	PartPassword = 1
)

// Scheme is one security scheme of the document.
type Scheme struct {
	// Name is the scheme's key in components.securitySchemes; GoName its
	// Go spelling, which the options are named after.
	Name   string
	GoName string
	// Option, Source and Verifier name the client option that sets the
	// scheme's credential, the client option that sets a bearer scheme's
	// token source, and the server option that sets its verifier.
	Option   string
	Source   string
	Verifier string
	// Index is the scheme's position in API.Schemes.
	Index int
	Kind  SchemeKind
	// In and Param say where an API key travels and under which name.
	In    KeyIn
	Param string
	// Description documents the scheme's options.
	Description string
	// Carrier, for an API key paired with a Basic scheme
	// (x-nexmogen-pair), is that scheme: the key carries its user
	// (Part PartUser) or its password (PartPassword), and has no
	// credential of its own.
	Carrier *Scheme
	Part    int
	// Secret says the scheme's value is redacted from what the client
	// prints: every credential but a pair's user.
	Secret bool
	// UserName and PasswordName, for a Basic scheme, name its two parts
	// in docs and in the client's String: the paired schemes' names, or
	// "user" and "password".
	UserName     string
	PasswordName string
	// UserParam and PasswordParam are the Go parameter names of the two
	// parts, in the Basic option and NewClient.
	UserParam     string
	PasswordParam string
}

// Requirement is what an operation requires: any one of Alternatives, each
// a set of schemes that must all be met. No alternatives (security: []),
// or an empty one, means no credentials are needed.
type Requirement struct {
	// Index is the requirement's position in API.Requirements.
	Index        int
	Alternatives [][]*Scheme
}

// Open reports whether the requirement is met without credentials.
func (r *Requirement) Open() bool {
	if r == nil || len(r.Alternatives) == 0 {
		return true
	}
	for _, alt := range r.Alternatives {
		if len(alt) == 0 {
			return true
		}
	}
	return false
}

// ErrorClasses say which statuses (HTTP, or a body's numeric status code
// under a 2xx) make each class of failure the client's errors match.
type ErrorClasses struct {
	Authentication []StatusRange
	RateLimited    []StatusRange
	Refused        []StatusRange
	Server         []StatusRange
	InvalidInput   []StatusRange
}

// StatusRange is an inclusive range of statuses.
type StatusRange struct{ Lo, Hi int }
