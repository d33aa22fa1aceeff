package build

import (
	"go/token"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/naming"
)

// extGoName names the Go name an operation, a schema or a property asks
// for (oapi-codegen's x-go-name); the configuration's names map sets it
// too.
const extGoName = "x-go-name"

// goNameOf is the x-go-name of a spec element, "" when it has none. A
// value that is not an exported Go identifier is an error at it.
func (b *builder) goNameOf(ext map[string]any, origin *openapi3.Origin) string {
	v, ok := ext[extGoName]
	if !ok {
		return ""
	}
	var s string
	if err := decodeExtension(v, &s); err != nil || !token.IsIdentifier(s) || !token.IsExported(s) {
		b.diags.Addf(b.fieldPos(origin, extGoName), "%s must be an exported Go identifier, not %s", extGoName, strconv.Quote(s))
		return ""
	}
	return s
}

// claimName claims the Go name asked by x-go-name in scope, or returns a
// derived one: derived names get a number when taken, an asked-for name
// that is taken is an error at its x-go-name.
func (b *builder) claimName(scope *naming.Scope, asked, derived string, origin *openapi3.Origin) string {
	if asked == "" {
		return scope.Unique(derived)
	}
	if !scope.Claim(asked) {
		b.diags.Addf(b.fieldPos(origin, extGoName), "%s %s is already taken", extGoName, strconv.Quote(asked))
		return scope.Unique(asked)
	}
	return asked
}

// propertyGoName is the x-go-name of an inline property schema; that of a
// $ref names the referenced schema's type, not the field.
func (b *builder) propertyGoName(p property) string {
	if p.schema.Ref != "" {
		return ""
	}
	return b.goNameOf(p.schema.Value.Extensions, p.schema.Value.Origin)
}
