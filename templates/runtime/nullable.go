package runtime

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"reflect"
)

// Nullable is a value the spec marks nullable (3.0 nullable: true, or
// "null" in a 3.1 type list): it is absent, null, or a value of T.
//
//   - absent: the zero Nullable (Set false), left out of JSON by the
//     omitzero tag of an optional property (IsZero);
//   - null: Set and Null, written as JSON null (PATCH: "send null to
//     clear");
//   - a value: Set, not Null, and Value.
//
// XML has no null: a Nullable that is absent or null writes no element
// (or, as an attribute, no attribute), and an element or attribute that is
// there is a value.
type Nullable[T any] struct {
	// Value is the value when Set and not Null.
	Value T
	// Null is true for an explicit null.
	Null bool
	// Set is true when the value is present: a value or null.
	Set bool
}

// NewNullable is a Nullable holding v.
func NewNullable[T any](v T) Nullable[T] { return Nullable[T]{Value: v, Set: true} }

// Null is the explicit null of a Nullable.
func Null[T any]() Nullable[T] { return Nullable[T]{Null: true, Set: true} }

// Get returns the value and whether there is one (present and not null).
func (n Nullable[T]) Get() (T, bool) { return n.Value, n.Set && !n.Null }

// IsZero reports whether the value is absent: encoding/json's omitzero
// leaves it out.
func (n Nullable[T]) IsZero() bool { return !n.Set }

// MarshalJSON writes the value, or null when it is null or absent.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.Set || n.Null {
		return []byte("null"), nil
	}
	return json.Marshal(n.Value)
}

// UnmarshalJSON reads null or a value of T.
func (n *Nullable[T]) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*n = Nullable[T]{Null: true, Set: true}
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = Nullable[T]{Value: v, Set: true}
	return nil
}

// MarshalXML writes the element of the value, or nothing when it is null
// or absent.
func (n Nullable[T]) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if !n.Set || n.Null {
		return nil
	}
	return e.EncodeElement(n.Value, start)
}

// UnmarshalXML reads the element as a value of T.
func (n *Nullable[T]) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var v T
	if err := d.DecodeElement(&v, &start); err != nil {
		return err
	}
	*n = Nullable[T]{Value: v, Set: true}
	return nil
}

// MarshalXMLAttr writes the attribute of the value, as encoding/xml
// writes an attribute of type T, or no attribute when it is null or
// absent (XML has no null).
func (n Nullable[T]) MarshalXMLAttr(name xml.Name) (xml.Attr, error) {
	if !n.Set || n.Null {
		return xml.Attr{}, nil
	}
	b, err := xml.Marshal(nullableAttr[T]{V: n.Value})
	if err != nil {
		return xml.Attr{}, err
	}
	tok, err := xml.NewDecoder(bytes.NewReader(b)).Token()
	if err != nil {
		return xml.Attr{}, err
	}
	start, ok := tok.(xml.StartElement)
	if !ok || len(start.Attr) != 1 {
		return xml.Attr{}, nil // T wrote no attribute (an empty value with omitempty semantics)
	}
	return xml.Attr{Name: name, Value: start.Attr[0].Value}, nil
}

// UnmarshalXMLAttr reads a present attribute as a value of T, as
// encoding/xml reads an attribute of type T: a value, never null.
func (n *Nullable[T]) UnmarshalXMLAttr(attr xml.Attr) error {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	if err := enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: "a"}, Attr: []xml.Attr{{Name: xml.Name{Local: "v"}, Value: attr.Value}}}); err != nil {
		return err
	}
	if err := enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: "a"}}); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	var v nullableAttr[T]
	if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
		return err
	}
	*n = Nullable[T]{Value: v.V, Set: true}
	return nil
}

// nullableAttr carries a T as an attribute, so that a Nullable attribute
// is written and read exactly as encoding/xml writes and reads one of T.
type nullableAttr[T any] struct {
	XMLName xml.Name `xml:"a"`
	V       T        `xml:"v,attr"`
}

// nullableElem is T: the presence checks (presence.go) take null for a
// Nullable and look inside its value.
func (Nullable[T]) nullableElem() reflect.Type { return reflect.TypeFor[T]() }

// mapNullable converts the value of n with f, keeping absent and null:
// the wire twins (wire.go) reveal the secrets inside a Nullable.
func mapNullable[T, U any](n Nullable[T], f func(T) U) Nullable[U] {
	out := Nullable[U]{Null: n.Null, Set: n.Set}
	if n.Set && !n.Null {
		out.Value = f(n.Value)
	}
	return out
}

// mapSlice converts each item of s with f, keeping nil: the wire twin of
// a Nullable array (wire.go).
func mapSlice[T, U any](s []T, f func(T) U) []U {
	if s == nil {
		return nil
	}
	out := make([]U, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}
