package runtime

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"reflect"
	"strings"
	"sync"
)

// A free-form value (json.RawMessage: the JSON text as sent) in an XML
// body is its element's text, XML text having no type: read, it is that
// text as a JSON string ("200" for <error-code>200</error-code>); written,
// a JSON string is its text, a number or boolean its literal, null or
// absent no element, and an object or array an error (XML has no form for
// one here). A struct with such fields is written and read through a twin
// of the same tags whose free-form fields are xmlText (and whose numbers
// are plain decimals, as marshalXMLDecimals writes them).

// xmlText is a free-form value as an XML element's text.
type xmlText []byte

// errXMLFreeForm is the error of writing a free-form object or array in
// XML.
var errXMLFreeForm = errors.New("a free-form object or array has no XML form")

// MarshalXML writes the value as the element's text.
func (v xmlText) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	raw := bytes.TrimSpace(v)
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	text := string(raw)
	switch raw[0] {
	case '"':
		if err := json.Unmarshal(raw, &text); err != nil {
			return err
		}
	case '{', '[':
		return errXMLFreeForm
	}
	return e.EncodeElement(text, start)
}

// UnmarshalXML reads the element's text as a JSON string.
func (v *xmlText) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var text string
	if err := d.DecodeElement(&text, &start); err != nil {
		return err
	}
	b, err := json.Marshal(text)
	if err != nil {
		return err
	}
	*v = b
	return nil
}

// xmlTextTwins caches, per struct type, its twin for XML.
var xmlTextTwins sync.Map // reflect.Type -> reflect.Type

// Types the twin rewrites: free-form values, and numbers as
// marshalXMLDecimals does.
var (
	xmlRawType  = reflect.TypeFor[json.RawMessage]()
	xmlTextType = reflect.TypeFor[xmlText]()
)

// xmlTextTwin builds (once per type) the twin of struct type t.
func xmlTextTwin(t reflect.Type) reflect.Type {
	if tw, ok := xmlTextTwins.Load(t); ok {
		return tw.(reflect.Type)
	}
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		f := t.Field(i)
		switch {
		case f.Type == xmlRawType:
			f.Type = xmlTextType
		case f.Type == reflect.SliceOf(xmlRawType):
			f.Type = reflect.SliceOf(xmlTextType)
		default:
			if tw, ok := xmlDecimalTwinOf[f.Type]; ok {
				f.Type = tw
			}
		}
		fields[i] = reflect.StructField{Name: f.Name, Type: f.Type, Tag: f.Tag}
	}
	tw := reflect.StructOf(fields)
	xmlTextTwins.Store(t, tw)
	return tw
}

// xmlCopy copies the struct src into dst field by field, converting
// between a field's type and its twin's (the same underlying types, or
// slices of them).
func xmlCopy(dst, src reflect.Value) {
	for i := 0; i < src.NumField(); i++ {
		f, out := src.Field(i), dst.Field(i)
		switch {
		case f.Type() == out.Type():
			out.Set(f)
		case f.Kind() == reflect.Pointer:
			if !f.IsNil() {
				p := reflect.New(out.Type().Elem())
				p.Elem().Set(f.Elem().Convert(out.Type().Elem()))
				out.Set(p)
			}
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() != reflect.Uint8:
			if !f.IsNil() {
				s := reflect.MakeSlice(out.Type(), f.Len(), f.Len())
				for j := 0; j < f.Len(); j++ {
					s.Index(j).Set(f.Index(j).Convert(out.Type().Elem()))
				}
				out.Set(s)
			}
		default:
			out.Set(f.Convert(out.Type()))
		}
	}
}

// marshalXMLText encodes the struct v as encoding/xml would, with its
// free-form fields as their elements' text and its numbers as plain
// decimals. The twin has no methods, so it does not call back.
func marshalXMLText(e *xml.Encoder, start xml.StartElement, v any) error {
	src := reflect.ValueOf(v)
	dst := reflect.New(xmlTextTwin(src.Type())).Elem()
	xmlCopy(dst, src)
	if f, ok := src.Type().FieldByName("XMLName"); ok {
		if name, _, _ := strings.Cut(f.Tag.Get("xml"), ","); name != "" {
			start.Name = xml.Name{Local: name}
		}
	}
	return e.EncodeElement(dst.Interface(), start)
}

// unmarshalXMLText decodes the element into the struct v points at, its
// free-form fields read as their elements' text.
func unmarshalXMLText(d *xml.Decoder, start xml.StartElement, v any) error {
	dst := reflect.ValueOf(v).Elem()
	tw := reflect.New(xmlTextTwin(dst.Type()))
	if err := d.DecodeElement(tw.Interface(), &start); err != nil {
		return err
	}
	xmlCopy(dst, tw.Elem())
	return nil
}
