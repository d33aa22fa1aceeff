package build

import (
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// serverVar matches a variable in a server URL.
var serverVar = regexp.MustCompile(`\{([^{}]*)\}`)

// servers reads the document's first server: the client's default base
// URL, its variables at their defaults, and the variables the client can
// set (WithServerVariable).
func (b *builder) servers() {
	t := b.doc.T
	if len(t.Servers) == 0 || t.Servers[0] == nil {
		return
	}
	s := t.Servers[0]
	b.api.ServerURL = strings.TrimSuffix(s.URL, "/")
	for _, name := range sortedKeys(s.Variables) {
		v := s.Variables[name]
		if v == nil {
			continue
		}
		b.plainName("server variable", name, b.fieldPos(s.Origin, "variables"))
		b.api.ServerVariables = append(b.api.ServerVariables, &ir.ServerVariable{
			Name: name, Default: v.Default, Enum: v.Enum, Doc: singleLine(v.Description)})
	}
	b.api.BaseURL = serverTemplate(s.Variables, b.api.ServerURL)
}

// serverTemplate returns a server URL with its variables at their
// defaults (load has checked that each is declared).
func serverTemplate(vars map[string]*openapi3.ServerVariable, url string) string {
	return serverVar.ReplaceAllStringFunc(url, func(m string) string {
		if v := vars[m[1:len(m)-1]]; v != nil {
			return v.Default
		}
		return m
	})
}

// operationServer decides the server of an operation: the first of its
// own servers, else of its path item's, when it differs from the
// document's. The client sets each variable once, for every server
// (WithServerVariable): a variable of an operation's server joins the
// document server's, and one name must mean one variable (the same
// default and enum) wherever it is declared.
func (b *builder) operationServer(op *ir.Operation, e opEntry) {
	servers, field, origin := e.item.Servers, "servers", e.item.Origin
	if e.op.Servers != nil && len(*e.op.Servers) > 0 {
		servers, origin = *e.op.Servers, e.op.Origin
	}
	if len(servers) == 0 || servers[0] == nil {
		return
	}
	s := servers[0]
	url := strings.TrimSuffix(s.URL, "/")
	if url == b.api.ServerURL {
		return
	}
	for _, name := range sortedKeys(s.Variables) {
		v := s.Variables[name]
		if v == nil {
			continue
		}
		i := slices.IndexFunc(b.api.ServerVariables, func(sv *ir.ServerVariable) bool { return sv.Name == name })
		if i < 0 {
			b.plainName("server variable", name, b.fieldPos(s.Origin, "variables"))
			b.api.ServerVariables = append(b.api.ServerVariables, &ir.ServerVariable{
				Name: name, Default: v.Default, Enum: v.Enum, Doc: singleLine(v.Description)})
			continue
		}
		if sv := b.api.ServerVariables[i]; v.Default != sv.Default || !slices.Equal(v.Enum, sv.Enum) {
			b.diags.Addf(b.fieldPos(origin, field), "unsupported: server variable %q declared with another default or enum than in an earlier server (the client sets one value per variable, for every server)", name)
			return
		}
	}
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		b.diags.Addf(b.fieldPos(s.Origin, "url"), "unsupported: server URL %q: a path item's or operation's server must be an absolute http or https URL", s.URL)
		return
	}
	op.ServerURL = url
}
