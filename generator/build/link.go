package build

import (
	"fmt"
	"reflect"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// linkTypes points every TypeRef of the API at the struct, union or enum
// it names (TypeRef.Struct, TypeRef.Enum), once the last pass has fixed
// the Go names. It is the only place a type is found by its name: the
// emitters follow the links. A TypeRef naming no type of the API is a
// builder bug, and panics here rather than printing code that does not
// compile.
func (b *builder) linkTypes() {
	structs := make(map[string]*ir.Struct, len(b.api.Structs))
	for _, st := range b.api.Structs {
		structs[st.GoName] = st
	}
	enums := make(map[string]*ir.Enum, len(b.api.Enums))
	for _, e := range b.api.Enums {
		enums[e.GoName] = e
	}
	// The body of a response with parts is a struct of the response's
	// own, printed from its Parts, not one of the API's Structs.
	ofParts := map[*ir.TypeRef]bool{}
	walkIR(b.api, func(v reflect.Value) {
		if r, ok := v.Interface().(ir.Response); ok && r.Parts != nil {
			ofParts[r.Type] = true
		}
	})
	l := linker{structs: structs, enums: enums}
	walkIR(b.api, func(v reflect.Value) {
		if v.Type() == typeRefType && v.CanAddr() && !ofParts[v.Addr().Interface().(*ir.TypeRef)] {
			l.link(v.Addr().Interface().(*ir.TypeRef))
		}
	})
}

// linker finds the types TypeRefs name.
type linker struct {
	structs map[string]*ir.Struct
	enums   map[string]*ir.Enum
}

var typeRefType = reflect.TypeFor[ir.TypeRef]()

// walkIR calls visit with every struct value reachable from api, once
// each, by reflection: a pass that looks at every TypeRef or MediaType
// finds those held anywhere (a field, a response, a part, a header, a
// hook, an event's data), and a new place that holds one needs no change
// to the pass.
func walkIR(api *ir.API, visit func(reflect.Value)) {
	w := irWalker{visit: visit, seen: map[uintptr]bool{}}
	w.walk(reflect.ValueOf(api))
}

// irWalker is walkIR's state: the pointers already followed.
type irWalker struct {
	visit func(reflect.Value)
	seen  map[uintptr]bool
}

// walk visits the structs reachable from v.
func (w *irWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || w.seen[v.Pointer()] {
			return
		}
		w.seen[v.Pointer()] = true
		w.walk(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			w.walk(v.MapIndex(k))
		}
	case reflect.Struct:
		w.visit(v)
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				w.walk(v.Field(i))
			}
		}
	}
}

// link sets t's Struct or Enum from its Name.
func (l *linker) link(t *ir.TypeRef) {
	switch t.Kind {
	case ir.KindStruct, ir.KindUnion:
		st, ok := l.structs[t.Name]
		if !ok {
			panic(fmt.Sprintf("build: type %s (kind %d) names no struct of the API", t.Name, t.Kind))
		}
		t.Struct = st
	case ir.KindEnum:
		e, ok := l.enums[t.Name]
		if !ok {
			panic(fmt.Sprintf("build: type %s names no enum of the API", t.Name))
		}
		t.Enum = e
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindArray, ir.KindTime, ir.KindDate, ir.KindBytes,
		ir.KindAny, ir.KindMap, ir.KindGo, ir.KindStream:
		// Nothing to link (an array's or map's Elem is a TypeRef of its own).
	default:
		panic(unknownKind("link", t.Kind))
	}
}
