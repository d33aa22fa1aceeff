package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// formatChecks are the runtime's checks (formats.go) of the string formats
// the builder makes a RuleFormat of.
var formatChecks = map[string]string{
	"uuid":     rt.isUUID,
	"email":    rt.isEmail,
	"hostname": rt.isHostname,
	"uri":      rt.isURI,
	"ipv4":     rt.isIPv4,
	"ipv6":     rt.isIPv6,
	"time":     rt.isTime,
	"duration": rt.isDuration,
}

// formatCheck prints the test that the string s has format f; it panics on
// a format the table lacks.
func formatCheck(f string, s *jen.Statement) *jen.Statement {
	name, ok := formatChecks[f]
	if !ok {
		panic("emit: no check of format " + f)
	}
	return jen.Id(name).Call(s)
}

// usesFormats reports whether api needs the runtime's formats.go: a value
// of type Date, a string format to check, or a parser of
// server_formats.go (srvParseDate returns a Date).
func usesFormats(api *ir.API) bool {
	return bindsFormats(api) || anyField(api, func(fd *ir.Field) bool {
		return holdsKind(fd.Type, ir.KindDate) || slices.ContainsFunc(levels(fd), func(rules []*ir.Rule) bool {
			// A format to check, or the length of a date-time's text
			// (timeTextLen).
			return hasRule(rules, ir.RuleFormat) || holdsKind(fd.Type, ir.KindTime) && (hasRule(rules, ir.RuleMinLength) || hasRule(rules, ir.RuleMaxLength))
		})
	})
}

// bindsFormats reports whether the server binds a parameter or form field
// of a format kind (server_formats.go's parsers).
func bindsFormats(api *ir.API) bool {
	for _, st := range api.Structs {
		for _, fd := range st.Fields {
			if (fd.In != ir.InBody || st.FormKeys) && (holdsKind(fd.Type, ir.KindTime) || holdsKind(fd.Type, ir.KindDate) || holdsKind(fd.Type, ir.KindBytes)) {
				return true
			}
		}
	}
	return false
}

// anyField reports whether a field of a struct of api satisfies f.
func anyField(api *ir.API, f func(*ir.Field) bool) bool {
	for _, st := range api.Structs {
		for _, fd := range st.Fields {
			if f(fd) {
				return true
			}
		}
	}
	return false
}

// holdsKind reports whether t is of kind k, or an array or map of it.
func holdsKind(t ir.TypeRef, k ir.Kind) bool {
	if (t.Kind == ir.KindArray || t.Kind == ir.KindMap) && t.Elem != nil {
		return holdsKind(*t.Elem, k)
	}
	return t.Kind == k
}
