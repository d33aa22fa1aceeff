package build

import (
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// TestLinkTypes: every TypeRef reachable from the API, however deep
// (an array's items, a response's body), points at the struct or enum
// it names; a name of no type panics instead of printing broken code.
func TestLinkTypes(t *testing.T) {
	pet := &ir.Struct{GoName: "Pet"}
	kind := &ir.Enum{GoName: "Kind"}
	pet.Fields = []*ir.Field{
		{GoName: "Kind", Type: ir.TypeRef{Kind: ir.KindEnum, Name: "Kind"}},
		{GoName: "Friends", Type: ir.TypeRef{Kind: ir.KindArray, Elem: &ir.TypeRef{Kind: ir.KindStruct, Name: "Pet"}}},
	}
	ok := &ir.Response{Status: 200, Type: &ir.TypeRef{Kind: ir.KindStruct, Name: "Pet"}}
	b := &builder{api: &ir.API{
		Structs:    []*ir.Struct{pet},
		Enums:      []*ir.Enum{kind},
		Operations: []*ir.Operation{{Responses: []*ir.Response{ok}, Success: ok}},
	}}
	b.linkTypes()
	if pet.Fields[0].Type.Enum != kind {
		t.Errorf("enum field: Enum = %v, want Kind", pet.Fields[0].Type.Enum)
	}
	if pet.Fields[1].Type.Elem.Struct != pet {
		t.Errorf("array items: Struct = %v, want Pet", pet.Fields[1].Type.Elem.Struct)
	}
	if ok.Type.Struct != pet {
		t.Errorf("response body: Struct = %v, want Pet", ok.Type.Struct)
	}

	b.api.Structs[0].Fields = append(b.api.Structs[0].Fields, &ir.Field{Type: ir.TypeRef{Kind: ir.KindStruct, Name: "Gone"}})
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "Gone") {
			t.Errorf("a TypeRef naming no struct: recovered %v, want a panic naming Gone", r)
		}
	}()
	b.linkTypes()
}
