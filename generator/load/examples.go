package load

import (
	"encoding/json"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// serialized reports whether the examples of the media type named name
// that kin-openapi holds against the schema are written as the body's
// serialized text, as real specs often do: a string of XML (any media
// type that is not JSON), which is not checked, or a string of JSON whose
// decoded value matches the schema. kin-openapi compares the string itself
// with an object schema and fails; such a failure is not the spec's.
func serialized(name string, mt *openapi3.MediaType) bool {
	if mt.Schema == nil || mt.Schema.Value == nil {
		return false
	}
	values := []any{mt.Example}
	for _, k := range sortedKeys(mt.Examples) {
		if ex := mt.Examples[k]; ex != nil && ex.Value != nil {
			values = append(values, ex.Value.Value)
		}
	}
	for _, v := range values {
		if v != nil && !serializedOK(name, mt.Schema.Value, v) {
			return false
		}
	}
	return true
}

// serializedOK reports whether one example value is acceptable for the
// schema: as it is, or as serialized text.
func serializedOK(name string, s *openapi3.Schema, v any) bool {
	if s.VisitJSON(v) == nil {
		return true
	}
	text, ok := v.(string)
	if !ok {
		return false
	}
	if !isJSON(name) {
		return true
	}
	var decoded any
	if err := json.Unmarshal([]byte(text), &decoded); err != nil {
		return false
	}
	return s.VisitJSON(decoded) == nil
}

// isJSON reports whether a media type name is JSON (application/json or a
// +json suffix).
func isJSON(name string) bool {
	name, _, _ = strings.Cut(name, ";")
	name = strings.TrimSpace(strings.ToLower(name))
	return name == "application/json" || strings.HasSuffix(name, "+json")
}
