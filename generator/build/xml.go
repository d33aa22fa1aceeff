package build

import (
	"github.com/getkin/kin-openapi/openapi3"
)

// xmlName is a schema's explicit element name (xml.name, its own or its
// allOf parts'), or "".
func xmlName(s *openapi3.Schema) string {
	if s.XML != nil && s.XML.Name != "" {
		return s.XML.Name
	}
	for _, part := range s.AllOf {
		if part.Value != nil && part.Value.XML != nil && part.Value.XML.Name != "" && s.XML == nil {
			return part.Value.XML.Name
		}
	}
	return ""
}

// xmlTag is the xml struct tag value of a property, honouring the OpenAPI
// xml object: a renamed element, an attribute, and arrays wrapped
// (`features>feature`) or not (one element per item, named by the items'
// xml.name).
func (b *builder) xmlTag(p property, optional bool) string {
	s := p.schema.Value
	name := p.name
	if s.XML != nil && s.XML.Name != "" {
		name = s.XML.Name
	}
	if s.XML != nil && (s.XML.Namespace != "" || s.XML.Prefix != "") {
		b.diags.Addf(b.pos(s.XML.Origin), "unsupported: xml namespace and prefix")
	}
	suffix := ""
	if optional {
		suffix = ",omitempty"
	}
	if s.XML != nil && s.XML.Attribute {
		return name + ",attr" + suffix
	}
	if !s.Type.Is("array") || s.Items == nil || s.Items.Value == nil {
		return name + suffix
	}
	item := p.name
	if x := s.Items.Value.XML; x != nil && x.Name != "" {
		item = x.Name
	}
	if s.XML != nil && s.XML.Wrapped {
		return name + ">" + item + suffix
	}
	if s.XML != nil && s.XML.Name != "" && (s.Items.Value.XML == nil || s.Items.Value.XML.Name == "") {
		return name + suffix
	}
	return item + suffix
}
