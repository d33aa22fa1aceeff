package load

import (
	"regexp"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/diag"
)

// serverVar matches a variable in a server URL.
var serverVar = regexp.MustCompile(`\{([^{}]*)\}`)

// servers checks the variables of every server (the document's, the path
// items' and the operations'), where kin-openapi's own message has no
// position: each variable of a URL is declared, and an enum holds its
// variable's default.
func (d *Doc) servers() error {
	var l diag.List
	check := func(servers openapi3.Servers) {
		for _, s := range servers {
			if s == nil {
				continue
			}
			for _, m := range serverVar.FindAllStringSubmatch(s.URL, -1) {
				if v, ok := s.Variables[m[1]]; !ok || v == nil {
					l.Addf(d.FieldPos(s.Origin, "url"), "server URL %q uses the variable %q, which it does not declare", s.URL, m[1])
				}
			}
			for _, name := range sortedKeys(s.Variables) {
				if v := s.Variables[name]; v != nil && len(v.Enum) > 0 && !slices.Contains(v.Enum, v.Default) {
					l.Addf(d.FieldPos(v.Origin, "default"), "server variable %q: its default %q is not one of its enum", name, v.Default)
				}
			}
		}
	}
	check(d.T.Servers)
	if d.T.Paths != nil {
		for _, p := range sortedKeys(d.T.Paths.Map()) {
			item := d.T.Paths.Value(p)
			if item == nil {
				continue
			}
			check(item.Servers)
			ops := item.Operations()
			for _, m := range sortedKeys(ops) {
				if ops[m].Servers != nil {
					check(*ops[m].Servers)
				}
			}
		}
	}
	return l.Err()
}
