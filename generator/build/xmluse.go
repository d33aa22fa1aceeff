package build

import (
	"reflect"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// xmlUse decides whether the API has XML at all (ir.API.XML): whether a
// media type of XML's codec is reachable from it (a body, an alternative,
// a response, a part, a hook's). When none is, what the builder gave the
// models for XML on the way is dropped, so that a JSON-only API's models
// carry no xml tags and no XMLName; when one is, the models with numbers
// get their plain-decimal MarshalXML (ir.Struct.XMLDecimals).
func (b *builder) xmlUse() {
	walkIR(b.api, func(v reflect.Value) {
		if m, ok := v.Interface().(ir.MediaType); ok && m.Codec == ir.MediaXML {
			b.api.XML = true
		}
	})
	for _, st := range b.api.Structs {
		if !b.api.XML {
			st.XMLName = ""
			for _, f := range st.Fields {
				f.XMLTag = ""
			}
			continue
		}
		st.XMLDecimals = st.Role == ir.RoleModel && !st.NoProperties && !st.XMLText && hasFloat(st)
	}
}

// hasFloat reports whether a struct has a number field (plain, pointer or
// array of numbers), which encoding/xml would write in exponent form.
func hasFloat(st *ir.Struct) bool {
	for _, fd := range st.Fields {
		if fd.Type.Kind == ir.KindFloat || (fd.Type.Kind == ir.KindArray && fd.Type.Elem != nil && fd.Type.Elem.Kind == ir.KindFloat) {
			return true
		}
	}
	return false
}
