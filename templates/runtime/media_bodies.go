package runtime

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"reflect"
)

// The body of a response whose media types carry different schemas is a
// struct with one pointer per format (JSON, XML). Its generated
// MarshalJSON and MarshalXML write their format's value, and its
// UnmarshalJSON and UnmarshalXML read it with the functions below, so that
// the client's decoding by Content-Type fills the format the answer is in.

// errMediaBodyUnset is the error of writing a body in a format whose
// value the handler did not set.
func errMediaBodyUnset(body, format string) error {
	return fmt.Errorf("%s: no %s body is set", body, format)
}

// mediaBodyJSON decodes the JSON body b into dst (a pointer) as the
// schema reads it: its required properties present (presence.go).
func mediaBodyJSON(b []byte, dst any) error {
	if err := json.Unmarshal(b, dst); err != nil {
		return err
	}
	if scanPresence(b, reflect.TypeOf(dst), false, false) {
		return nil
	}
	tree, err := decodeJSONTree(b)
	if err != nil {
		return err
	}
	return presenceJSON(tree, reflect.TypeOf(dst).Elem(), "", false)
}

// mediaBodyXML decodes the XML element start opens into dst (a pointer)
// as the schema reads it: its required elements and attributes present.
func mediaBodyXML(d *xml.Decoder, start xml.StartElement, dst any) error {
	b, err := xmlElement(d, start)
	if err != nil {
		return err
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.CharsetReader = charsetReader
	if err := dec.Decode(dst); err != nil {
		return err
	}
	tree, err := decodeXMLTree(b)
	if err != nil {
		return err
	}
	return presenceXML(tree, reflect.TypeOf(dst).Elem(), "")
}
