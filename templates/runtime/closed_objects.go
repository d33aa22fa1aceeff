package runtime

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
)

// An object that allows no property (no properties, additionalProperties:
// false) is a struct without fields: its values are {} and, when nullable,
// null. Its decoders refuse what encoding/json and encoding/xml would
// silently drop: a key, a child element, an attribute or text.

// decodeNoProperties reads b, a JSON value (encoding/json has checked its
// syntax), as the object name that allows no property: {} or null (which
// encoding/json passes to an UnmarshalJSON, and which a Nullable or the
// server's null check judges). It allocates only to report a failure.
func decodeNoProperties(name string, b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	if len(b) < 2 || b[0] != '{' {
		return fmt.Errorf("%s: %.40s is not an object", name, b)
	}
	if len(bytes.TrimSpace(b[1:len(b)-1])) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	_, _ = dec.Token() // {
	key, _ := dec.Token()
	return fmt.Errorf("%s: property %q is not allowed (the schema allows no property: additionalProperties is false)", name, key)
}

// decodeNoElements reads the element start as the object name that allows
// no property: an empty element, whitespace allowed; a child element, an
// attribute (namespace declarations aside) or text is an error.
func decodeNoElements(name string, d *xml.Decoder, start xml.StartElement) error {
	for _, a := range start.Attr {
		if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
			return fmt.Errorf("%s: attribute %q is not allowed (the schema allows no property: additionalProperties is false)", name, a.Name.Local)
		}
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return fmt.Errorf("%s: element %q is not allowed (the schema allows no property: additionalProperties is false)", name, t.Name.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return fmt.Errorf("%s: text %.40q is not allowed in an object that allows no property", name, t)
			}
		case xml.EndElement:
			return nil
		}
	}
}
