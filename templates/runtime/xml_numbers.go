package runtime

import (
	"encoding/xml"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// xmlDecimal is a number as XML bodies write it: a plain decimal
// (1234567.891, 0.00005), as JSON does, where encoding/xml would write
// 1.234567891e+06 and 5e-05.
type xmlDecimal float64

// MarshalText writes the shortest plain decimal that reads back as d.
func (d xmlDecimal) MarshalText() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(d), 'f', -1, 64), nil
}

// xmlDecimalTwins caches, per struct type, the twin whose float64 fields
// (plain, pointers and slices) are xmlDecimals, with the same tags.
var xmlDecimalTwins sync.Map // reflect.Type -> reflect.Type

// Types marshalXMLDecimals rewrites.
var (
	xmlFloat64Type   = reflect.TypeFor[float64]()
	xmlDecimalType   = reflect.TypeFor[xmlDecimal]()
	xmlDecimalTwinOf = map[reflect.Type]reflect.Type{
		xmlFloat64Type:                    xmlDecimalType,
		reflect.PointerTo(xmlFloat64Type): reflect.PointerTo(xmlDecimalType),
		reflect.SliceOf(xmlFloat64Type):   reflect.SliceOf(xmlDecimalType),
	}
)

// marshalXMLDecimals encodes the struct v as encoding/xml would, but with
// its float64 fields written as plain decimals. Generated MarshalXML
// methods of structs with numbers call it; the twin has no methods, so it
// does not call them back.
func marshalXMLDecimals(e *xml.Encoder, start xml.StartElement, v any) error {
	src := reflect.ValueOf(v)
	twin := xmlDecimalTwin(src.Type())
	dst := reflect.New(twin).Elem()
	for i := 0; i < src.NumField(); i++ {
		f, out := src.Field(i), dst.Field(i)
		switch {
		case f.Type() == out.Type():
			out.Set(f)
		case f.Kind() == reflect.Pointer:
			if !f.IsNil() {
				p := reflect.New(xmlDecimalType)
				p.Elem().SetFloat(f.Elem().Float())
				out.Set(p)
			}
		case f.Kind() == reflect.Slice:
			if !f.IsNil() {
				s := reflect.MakeSlice(out.Type(), f.Len(), f.Len())
				for j := 0; j < f.Len(); j++ {
					s.Index(j).SetFloat(f.Index(j).Float())
				}
				out.Set(s)
			}
		default:
			out.SetFloat(f.Float())
		}
	}
	// encoding/xml names a Marshaler's element after its type or field;
	// the XMLName tag wins, as it does for a struct without MarshalXML.
	if f, ok := src.Type().FieldByName("XMLName"); ok {
		if name, _, _ := strings.Cut(f.Tag.Get("xml"), ","); name != "" {
			start.Name = xml.Name{Local: name}
		}
	}
	return e.EncodeElement(dst.Interface(), start)
}

// xmlDecimalTwin builds (once per type) the twin of struct type t.
func xmlDecimalTwin(t reflect.Type) reflect.Type {
	if tw, ok := xmlDecimalTwins.Load(t); ok {
		return tw.(reflect.Type)
	}
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		f := t.Field(i)
		if tw, ok := xmlDecimalTwinOf[f.Type]; ok {
			f.Type = tw
		}
		fields[i] = reflect.StructField{Name: f.Name, Type: f.Type, Tag: f.Tag}
	}
	tw := reflect.StructOf(fields)
	xmlDecimalTwins.Store(t, tw)
	return tw
}
