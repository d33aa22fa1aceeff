package build

import (
	"reflect"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// responseComponent is the name of the components/responses entry a
// response $ref points at ("#/components/responses/Problem", or the same
// fragment in another file); "" for a response written in place.
func responseComponent(ref string) string {
	const prefix = "#/components/responses/"
	i := strings.Index(ref, prefix)
	if i < 0 {
		return ""
	}
	name := ref[i+len(prefix):]
	if name == "" || strings.Contains(name, "/") {
		return ""
	}
	return name
}

// sharedResponses makes each components/responses entry one Go type for
// every operation that refers to it (the server's value of that response;
// the per-operation names become aliases of it), when all its uses have
// the same status and the same shape. An entry used under two statuses
// (401 here, 403 there) keeps a type per operation and status, since the
// status is part of the type. It runs after the schemas and the server's
// inputs and response interfaces claimed their names.
func (b *builder) sharedResponses() {
	groups := make(map[string]*ir.SharedResponse)
	var order []string
	for _, op := range b.api.Operations {
		for _, r := range op.Responses {
			if r.Component == "" {
				continue
			}
			g, ok := groups[r.Component]
			if !ok {
				g = &ir.SharedResponse{Component: r.Component}
				groups[r.Component] = g
				order = append(order, r.Component)
			}
			g.Users = append(g.Users, op)
			g.Uses = append(g.Uses, r)
		}
	}
	for _, name := range order {
		g := groups[name]
		if !sameResponses(g.Uses) {
			continue
		}
		g.TypeName = b.types.Unique(naming.SharedResponse(name))
		for _, r := range g.Uses {
			r.Shared = g
		}
	}
}

// sameResponses reports whether the uses of one entry can be one type:
// the same status (or range), body, media types and headers.
func sameResponses(uses []*ir.Response) bool {
	first := uses[0]
	for _, r := range uses[1:] {
		if r.Status != first.Status || r.Class != first.Class || !reflect.DeepEqual(r.Type, first.Type) ||
			!reflect.DeepEqual(r.Media, first.Media) || !reflect.DeepEqual(r.Headers, first.Headers) {
			return false
		}
	}
	return true
}
