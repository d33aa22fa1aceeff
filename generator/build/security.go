package build

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// securitySchemes reads components.securitySchemes: HTTP Basic, HTTP
// bearer, OAuth 2 and OpenID Connect (both sent as bearer tokens), and API
// keys in a header, the query or a cookie. x-nexmogen-pair on a Basic
// scheme names two API keys that carry its user and password.
func (b *builder) securitySchemes() {
	c := b.doc.T.Components
	if c == nil {
		return
	}
	for _, name := range sortedKeys(c.SecuritySchemes) {
		s := c.SecuritySchemes[name].Value
		if s == nil {
			continue
		}
		if sc := b.scheme(name, s); sc != nil {
			sc.Index = len(b.api.Schemes)
			b.api.Schemes = append(b.api.Schemes, sc)
		}
	}
	for _, sc := range b.api.Schemes {
		if sc.Kind == ir.SchemeBasic {
			b.pair(sc, c.SecuritySchemes[sc.Name].Value)
		}
	}
	var creds []*ir.Scheme
	for _, sc := range b.api.Schemes {
		if sc.Carrier != nil {
			continue
		}
		creds = append(creds, sc)
		sc.Option = b.types.Unique(naming.SchemeOption(sc.Name))
		sc.Verifier = b.types.Unique(naming.SchemeVerifier(sc.Name))
		if sc.Kind == ir.SchemeBearer {
			sc.Source = b.types.Unique(naming.SchemeSource(sc.Name))
		}
		if sc.Kind == ir.SchemeBasic {
			sc.UserParam, sc.PasswordParam = naming.Unexported(sc.UserName), naming.Unexported(sc.PasswordName)
			if sc.UserParam == sc.PasswordParam {
				sc.UserParam, sc.PasswordParam = "user", "password"
			}
		}
	}
	if len(creds) == 1 && creds[0].Kind == ir.SchemeBasic {
		b.api.ClientPair = creds[0]
	}
}

// scheme reads one security scheme, or reports it unsupported.
func (b *builder) scheme(name string, s *openapi3.SecurityScheme) *ir.Scheme {
	at := b.pos(s.Origin)
	sc := &ir.Scheme{Name: name, GoName: naming.Exported(name), Description: singleLine(s.Description), Secret: true}
	switch {
	case s.Type == "http" && strings.EqualFold(s.Scheme, "basic"):
		sc.Kind, sc.UserName, sc.PasswordName = ir.SchemeBasic, "user", "password"
	case s.Type == "http" && strings.EqualFold(s.Scheme, "bearer"), s.Type == "oauth2", s.Type == "openIdConnect":
		sc.Kind = ir.SchemeBearer
	case s.Type == "apiKey":
		in, ok := map[string]ir.KeyIn{"header": ir.KeyInHeader, "query": ir.KeyInQuery, "cookie": ir.KeyInCookie}[s.In]
		if !ok {
			b.diags.Addf(b.fieldPos(s.Origin, "in"), "unsupported: an apiKey in %q: supported are header, query and cookie", s.In)
			return nil
		}
		if s.Name == "" || !b.plainName("security parameter name", s.Name, at) {
			return nil
		}
		sc.Kind, sc.In, sc.Param = ir.SchemeAPIKey, in, s.Name
	default:
		b.diags.Addf(at, "unsupported: security scheme %q (%s): supported are HTTP Basic and bearer, OAuth 2, OpenID Connect and apiKey", name, schemeKind(s))
		return nil
	}
	return sc
}

// pair reads x-nexmogen-pair of a Basic scheme: [USER_KEY, PASSWORD_KEY],
// the names of two API key schemes that carry the same user and password
// (an API that takes its key and secret either as HTTP Basic or as two
// query parameters).
func (b *builder) pair(basic *ir.Scheme, s *openapi3.SecurityScheme) {
	v, ok := s.Extensions[extPair]
	if !ok {
		return
	}
	at := b.fieldPos(s.Origin, extPair)
	var names []string
	if err := decodeExtension(v, &names); err != nil || len(names) != 2 || names[0] == names[1] {
		b.diags.Addf(at, "%s must be [USER_SCHEME, PASSWORD_SCHEME], two apiKey schemes", extPair)
		return
	}
	for part, name := range names {
		i := slices.IndexFunc(b.api.Schemes, func(sc *ir.Scheme) bool { return sc.Name == name })
		if i < 0 || b.api.Schemes[i].Kind != ir.SchemeAPIKey || b.api.Schemes[i].Carrier != nil {
			b.diags.Addf(at, "%s: %q is not an apiKey scheme of the document, or is paired already", extPair, name)
			return
		}
		key := b.api.Schemes[i]
		key.Carrier, key.Part, key.Secret = basic, part, part == ir.PartPassword
	}
	basic.UserName, basic.PasswordName = names[0], names[1]
}

// operationSecurity is what op requires: its own security when it has
// one (security: [] means none), else the document's; an operation the
// API sends (sent) has only its own.
func (b *builder) operationSecurity(op *openapi3.Operation, sent bool) *ir.Requirement {
	reqs, at := b.doc.T.Security, b.fieldPos(b.doc.T.Origin, "security")
	if sent {
		// The document's security is that of the requests it serves;
		// a webhook or callback requires only what it declares itself.
		reqs = nil
	}
	if op.Security != nil {
		reqs, at = *op.Security, b.fieldPos(op.Origin, "security")
	}
	var alts [][]*ir.Scheme
	for _, req := range reqs {
		var alt []*ir.Scheme
		for _, name := range sortedKeys(req) {
			i := slices.IndexFunc(b.api.Schemes, func(sc *ir.Scheme) bool { return sc.Name == name })
			if i >= 0 {
				alt = append(alt, b.api.Schemes[i])
			} else if b.doc.T.Components == nil || b.doc.T.Components.SecuritySchemes[name] == nil {
				// A scheme refused where it is declared is reported there.
				b.diags.Addf(at, "security requirement names %q, which the document does not declare", name)
			}
		}
		alts = append(alts, alt)
	}
	for _, r := range b.api.Requirements {
		if slices.EqualFunc(r.Alternatives, alts, slices.Equal) {
			return r
		}
	}
	r := &ir.Requirement{Index: len(b.api.Requirements), Alternatives: alts}
	b.api.Requirements = append(b.api.Requirements, r)
	return r
}
