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
	l := linker{structs: structs, enums: enums, seen: map[uintptr]bool{}}
	l.walk(reflect.ValueOf(b.api))
}

// linker walks the IR by reflection, so that a TypeRef held anywhere (a
// field, a response, a header, a hook, an event's data) is linked, and a
// new place that holds one needs no change here.
type linker struct {
	structs map[string]*ir.Struct
	enums   map[string]*ir.Enum
	seen    map[uintptr]bool
}

var typeRefType = reflect.TypeFor[ir.TypeRef]()

// walk links the TypeRefs reachable from v.
func (l *linker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || l.seen[v.Pointer()] {
			return
		}
		l.seen[v.Pointer()] = true
		l.walk(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			l.walk(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			l.walk(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			l.walk(v.MapIndex(k))
		}
	case reflect.Struct:
		if v.Type() == typeRefType && v.CanAddr() {
			l.link(v.Addr().Interface().(*ir.TypeRef))
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				l.walk(v.Field(i))
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
	}
}
