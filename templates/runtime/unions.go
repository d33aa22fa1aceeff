package runtime

import (
	"bytes"
	"encoding"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// A oneOf or anyOf of the spec is a struct with one pointer per variant,
// exactly one set; its generated MarshalJSON writes that variant and its
// UnmarshalJSON decides which one the value is, with the functions below.

// errUnionUnset is the error of writing a union with no variant set.
func errUnionUnset(union string) error {
	return fmt.Errorf("%s: no variant is set", union)
}

// unionDecode decodes the JSON value b into dst (a pointer to a variant)
// as the schema reads it: null is no variant's value, keys bind exactly
// (encoding/json would bind "NAme" to name, and the last of the two would
// win: found by FuzzBodiesAgainstKin), and an object must have the
// variant's required properties (presence.go).
func unionDecode(b []byte, dst any) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return errors.New("null is none of the variants")
	}
	t := reflect.TypeOf(dst).Elem()
	if scanPresence(b, t, false, true) {
		// Each key once and exact, every required one there: nothing
		// for the tree to find (presence_scan.go).
		return json.Unmarshal(b, dst)
	}
	tree, err := decodeJSONTree(b)
	if err != nil {
		return err
	}
	if exactKeys(tree, t) {
		if b, err = json.Marshal(tree); err != nil {
			return err
		}
	}
	if err := json.Unmarshal(b, dst); err != nil {
		return err
	}
	return presenceJSON(tree, t, "", false)
}

// unionTag reads the discriminator property of the JSON object b, spelled
// exactly; it must be a string.
func unionTag(union string, b []byte, property string) (string, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil || obj == nil {
		return "", fmt.Errorf("%s: the value is not an object", union)
	}
	raw, ok := obj[property]
	if !ok {
		return "", fmt.Errorf("%s: the discriminator property %q is missing", union, property)
	}
	var tag string
	if err := json.Unmarshal(raw, &tag); err != nil {
		return "", fmt.Errorf("%s: the discriminator property %q is not a string", union, property)
	}
	return tag, nil
}

// errUnionTag is the error of a discriminator value that names no
// variant: it lists the values that do.
func errUnionTag(union, property, tag, allowed string) error {
	return fmt.Errorf("%s: the discriminator property %q is %q, not one of %s", union, property, tag, allowed)
}

// unionMatched judges the variants a value matched (their names, in
// order): oneOf wants exactly one, anyOf at least one (the first is
// taken).
func unionMatched(union string, oneOf bool, matched []string, variants string) error {
	switch {
	case len(matched) == 0:
		return fmt.Errorf("%s: the value matches none of its variants (%s)", union, variants)
	case oneOf && len(matched) > 1:
		return fmt.Errorf("%s: the value matches more than one of its variants (oneOf): %s", union, strings.Join(matched, ", "))
	}
	return nil
}

// A union an XML body reaches also has MarshalXML and UnmarshalXML: its
// element is buffered (xmlElement, xml_elements.go) and each variant tried on it as in
// JSON (unionDecodeXML), or the discriminator read from a child element or
// an attribute of that name (unionTagXML).

// unionXMLTop reports whether start is the element encoding/xml gives a
// union at the top of a document (its Go type's name, as no field named
// it), and names it root there when root is not "".
func unionXMLTop(start xml.StartElement, goName, root string) (xml.StartElement, bool) {
	if start.Name.Space != "" || start.Name.Local != goName {
		return start, false
	}
	if root != "" {
		start.Name.Local = root
	}
	return start, true
}

// unionDecodeXML decodes the element el into dst (a pointer to a
// variant) as the schema reads it: the element must have the variant's
// required elements and attributes (presence.go), and a variant with a
// root element name takes only an element of that name.
func unionDecodeXML(el []byte, dst any) error {
	d := xml.NewDecoder(bytes.NewReader(el))
	d.CharsetReader = charsetReader
	if err := d.Decode(dst); err != nil {
		return err
	}
	tree, err := decodeXMLTree(el)
	if err != nil {
		return err
	}
	t := reflect.TypeOf(dst).Elem()
	if len(tree.children) > 0 && (t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]())) {
		// encoding/xml would read the text beside the children.
		return errors.New("an element with child elements is no text value")
	}
	return presenceXML(tree, t, "")
}

// unionTagXML reads the discriminator of the element el: the attribute
// named property, else the text of the child element of that name.
func unionTagXML(union string, el []byte, property string) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(el))
	d.CharsetReader = charsetReader
	var root xml.StartElement
	for {
		tok, err := d.Token()
		if err != nil {
			return "", fmt.Errorf("%s: %w", union, err)
		}
		if s, ok := tok.(xml.StartElement); ok {
			root = s
			break
		}
	}
	for _, a := range root.Attr {
		if a.Name.Local == property {
			return a.Value, nil
		}
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return "", fmt.Errorf("%s: the discriminator %q is neither an attribute nor a child element", union, property)
		}
		s, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if s.Name.Local != property {
			if err := d.Skip(); err != nil {
				return "", err
			}
			continue
		}
		var text string
		if err := d.DecodeElement(&text, &s); err != nil {
			return "", fmt.Errorf("%s: the discriminator %q: %w", union, property, err)
		}
		return strings.TrimSpace(text), nil
	}
}
