package runtime

import (
	"bytes"
	"encoding/xml"
)

// xmlElement reads the element start opens, up to its end, as a
// document of its own, so that it can be read more than once (each variant
// of a union tried on it) and checked for presence (presence.go).
func xmlElement(d *xml.Decoder, start xml.StartElement) ([]byte, error) {
	var buf bytes.Buffer
	e := xml.NewEncoder(&buf)
	if err := e.EncodeToken(xmlPlain(start)); err != nil {
		return nil, err
	}
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			tok = xmlPlain(t)
		case xml.EndElement:
			depth--
			tok = xml.EndElement{Name: xml.Name{Local: t.Name.Local}}
		case xml.ProcInst, xml.Directive:
			continue // (not inside an element of a body)
		}
		if err := e.EncodeToken(tok); err != nil {
			return nil, err
		}
	}
	if err := e.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// xmlPlain is start with its names local (the variants' tags name
// elements and attributes without namespace) and without namespace
// declarations.
func xmlPlain(start xml.StartElement) xml.StartElement {
	out := xml.StartElement{Name: xml.Name{Local: start.Name.Local}}
	for _, a := range start.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		out.Attr = append(out.Attr, xml.Attr{Name: xml.Name{Local: a.Name.Local}, Value: a.Value})
	}
	return out
}
