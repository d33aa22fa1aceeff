package build

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// object builds the struct of an object schema named name.
func (b *builder) object(s *openapi3.Schema, name string, at ir.Pos) *ir.Struct {
	st := &ir.Struct{
		Name:   name,
		GoName: b.claimName(b.types, b.goNameOf(s.Extensions, s.Origin), naming.Exported(name), s.Origin),
		Doc:    doc(s.Title, s.Description),
		Pos:    at,
		Role:   ir.RoleModel,
	}
	b.api.Structs = append(b.api.Structs, st)
	// Known before its fields are built, so a property that refers back
	// to the object (recursion) finds its type.
	b.inline[s] = ir.TypeRef{Kind: ir.KindStruct, Name: st.GoName}
	if name := xmlName(s); name != "" {
		b.elements[st.GoName] = name
	}
	b.allOfParts(s)
	b.open[st.GoName] = true
	defer delete(b.open, st.GoName)
	fields := naming.NewScope("XMLName")
	props := b.properties(s)
	b.requiredKnown(s, props)
	for _, p := range props {
		f := b.field(p, st.GoName, fields, ir.RoleModel)
		f.In = ir.InBody
		b.wireTagName(p.name, p.pos)
		// A readOnly or writeOnly property is left out in the direction
		// that does not carry it: omitempty even when required.
		access := b.access(f, p)
		optional := !p.required || access
		f.JSONTag = jsonTag(p.name, optional, f.Type.Nullable)
		f.XMLTag = b.xmlTag(p, optional)
		// An optional object, date-time or date is a pointer:
		// omitempty cannot leave out a struct value. A Nullable is
		// absent when zero (omitzero).
		f.Pointer = optional && !f.Type.Nullable && (f.Type.Kind == ir.KindStruct || f.Type.Kind == ir.KindUnion || f.Type.Kind == ir.KindTime || f.Type.Kind == ir.KindDate || f.Type.Kind == ir.KindGo)
		requiredPointer(f)
		b.nullableCycle(f)
		b.zeroRefused(f)
		st.Fields = append(st.Fields, f)
	}
	b.additional(st, s, fields, at)
	st.NoProperties = noProperties(s)
	b.closeObject(st, s, props)
	return st
}

// field builds one field of a struct whose Go name is owner.
func (b *builder) field(p property, owner string, scope *naming.Scope, role ir.Role) *ir.Field {
	v := p.schema.Value
	f := &ir.Field{
		Name:       p.name,
		GoName:     b.claimName(scope, b.propertyGoName(p), naming.Exported(p.name), v.Origin),
		Doc:        doc(v.Title, v.Description),
		Pos:        p.pos,
		Type:       b.typeOf(p.schema, owner, []string{p.name}, role),
		Required:   p.required,
		Deprecated: v.Deprecated,
	}
	if role != ir.RoleModel {
		f.Type = notNullable(f.Type)
	}
	f.Default = b.defaultLiteral(f, v, role)
	b.rules(f, v)
	b.userTypeField(f, v, role)
	return f
}

// enum builds the named type of an enum schema.
func (b *builder) enum(s *openapi3.Schema, name string, at ir.Pos) ir.TypeRef {
	goName := b.claimName(b.types, b.goNameOf(s.Extensions, s.Origin), naming.Exported(name), s.Origin)
	e := &ir.Enum{Name: name, GoName: goName, Doc: doc(s.Title, s.Description), Pos: at}
	switch {
	case s.Type.Is("string"):
		e.Base = ir.KindString
	case s.Type.Is("integer"):
		e.Base = ir.KindInt
	case s.Type.Is("number"):
		e.Base = ir.KindFloat
	case s.Type.Is("boolean"):
		e.Base = ir.KindBool
	case s.Type == nil || len(s.Type.Slice()) == 0:
		base, ok := untypedEnumBase(s.Enum)
		if !ok {
			b.diags.Addf(at, "unsupported: an enum without type whose values are not all strings, all numbers or all booleans (no single Go type holds them)")
			return ir.TypeRef{Kind: ir.KindString}
		}
		e.Base = base
	default:
		b.diags.Addf(at, "unsupported: an enum that is not a string, integer, number or boolean")
		return ir.TypeRef{Kind: ir.KindString}
	}
	names, numeric := b.enumNames(s, e)
	for i, v := range s.Enum {
		if v == nil && s.Nullable {
			continue // null: the value's Nullable says it (nullable.go)
		}
		value, ok := scalarLiteral(v, e.Base)
		if !ok {
			b.diags.Addf(b.fieldPos(s.Origin, "enum"), "enum value %#v is not %s", v, article(enumTypeName(s, e.Base)))
			continue
		}
		ev := &ir.EnumValue{Value: value}
		if slices.ContainsFunc(e.Values, func(o *ir.EnumValue) bool { return o.Value.Equal(ev.Value) }) {
			// One constant per value: a second would repeat a case of
			// IsKnown's switch, which does not compile.
			b.doc.Warnf(b.fieldPos(s.Origin, "enum"), "enum value %v is listed twice; the repeat is ignored", v)
			continue
		}
		if numeric {
			ev.GoName = b.values.Unique(naming.EnumNumber(e.GoName, names[i]))
		} else {
			ev.GoName = b.values.Unique(naming.EnumValue(e.GoName, names[i]))
		}
		e.Values = append(e.Values, ev)
	}
	b.api.Enums = append(b.api.Enums, e)
	return ir.TypeRef{Kind: ir.KindEnum, Name: e.GoName}
}

// enumNames are the words naming each enum value: x-enum-varnames when
// given, else the value itself: a string's text, a boolean's true or false,
// or a number's decimal text, which naming.EnumNumber spells (numeric is
// then true: 2 → Level2, -1 → LevelMinus1, 0.5 → Level0Point5).
func (b *builder) enumNames(s *openapi3.Schema, e *ir.Enum) (names []string, numeric bool) {
	names = make([]string, len(s.Enum))
	if v, ok := s.Extensions[extEnumNames]; ok {
		var given []string
		if err := decodeExtension(v, &given); err != nil || len(given) != len(s.Enum) {
			b.diags.Addf(b.fieldPos(s.Origin, extEnumNames), "%s must list one name per enum value (%d)", extEnumNames, len(s.Enum))
			return names, false
		}
		return given, false
	}
	for i, v := range s.Enum {
		l, ok := scalarLiteral(v, e.Base)
		if !ok {
			continue // refused by enum
		}
		switch l.Kind {
		case ir.LitString:
			names[i] = l.Str
		case ir.LitBool:
			names[i] = strconv.FormatBool(l.Bool)
		case ir.LitInt:
			names[i] = strconv.FormatInt(l.Int, 10)
		case ir.LitFloat:
			names[i] = strconv.FormatFloat(l.Float, 'f', -1, 64)
		case ir.LitNone, ir.LitTime, ir.LitDate, ir.LitBytes, ir.LitJSON:
			panic("build: an enum value of kind " + l.Kind.String())
		}
	}
	return names, e.Base == ir.KindInt || e.Base == ir.KindFloat
}

// article puts "a" or "an" before a type name.
func article(typ string) string {
	if strings.ContainsRune("aeiou", rune(typ[0])) {
		return "an " + typ
	}
	return "a " + typ
}

// untypedEnumBase is the kind an enum without type holds, read from its
// values (JSON Schema needs no type beside an enum: the values say it):
// all strings, all integral numbers (integer), all numbers (number) or all
// booleans; false when they mix JSON types. A null among them is the
// nullable's, not a value's.
func untypedEnumBase(values []any) (ir.Kind, bool) {
	kinds := map[ir.Kind]bool{}
	for _, v := range values {
		switch v := v.(type) {
		case nil:
		case string:
			kinds[ir.KindString] = true
		case bool:
			kinds[ir.KindBool] = true
		case float64:
			if v == float64(int64(v)) {
				kinds[ir.KindInt] = true
			} else {
				kinds[ir.KindFloat] = true
			}
		default:
			return 0, false
		}
	}
	if kinds[ir.KindInt] && kinds[ir.KindFloat] {
		delete(kinds, ir.KindInt)
	}
	if len(kinds) != 1 {
		return 0, false
	}
	for k := range kinds {
		return k, true
	}
	return 0, false
}

// enumTypeName is the JSON type an enum's values must have: its declared
// type, else the one its values gave it.
func enumTypeName(s *openapi3.Schema, base ir.Kind) string {
	if s.Type != nil && len(s.Type.Slice()) > 0 {
		return s.Type.Slice()[0]
	}
	return map[ir.Kind]string{ir.KindString: "string", ir.KindInt: "integer", ir.KindFloat: "number", ir.KindBool: "boolean"}[base]
}

// jsonTag is the json struct tag value of a property: an optional one is
// left out when empty, or, for a Nullable, when absent (omitzero: its
// IsZero), so that null is still written.
func jsonTag(name string, optional, nullable bool) string {
	switch {
	case optional && nullable:
		return name + ",omitzero"
	case optional:
		return name + ",omitempty"
	}
	return name
}
