package emit

import "github.com/nexmogen/nexmogen/generator/ir"

// usesNullable reports whether api needs the runtime's nullable.go: a
// field, an item or a body item of a Nullable type.
func usesNullable(api *ir.API) bool {
	if anyField(api, func(fd *ir.Field) bool { return holdsNullable(fd.Type) }) {
		return true
	}
	for _, op := range api.AllOperations() {
		if op.Body != nil && holdsNullable(op.Body.Type) {
			return true
		}
		for _, r := range op.Responses {
			if r.Type != nil && holdsNullable(*r.Type) {
				return true
			}
		}
	}
	return false
}

// holdsNullable reports whether t, or an item of it, is nullable.
func holdsNullable(t ir.TypeRef) bool {
	if t.Nullable {
		return true
	}
	return t.Elem != nil && holdsNullable(*t.Elem)
}
