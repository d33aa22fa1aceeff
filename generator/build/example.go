package build

import (
	"encoding/json"

	"github.com/getkin/kin-openapi/openapi3"
)

// jsonExample is the JSON text of a media type's example: its example,
// else the first of its examples by name that its schema takes; "" when
// it has none. A vendor's example that breaks its schema is only a
// warning (load), so it is checked again here: the package's runnable
// Example answers with it, and xero-identity's, an array written as one
// quoted string, made the client's decoding fail.
func jsonExample(mt *openapi3.MediaType) string {
	candidates := []any{mt.Example}
	for _, name := range sortedKeys(mt.Examples) {
		if ex := mt.Examples[name]; ex != nil && ex.Value != nil {
			candidates = append(candidates, ex.Value.Value)
		}
	}
	for _, v := range candidates {
		if v == nil || mt.Schema != nil && mt.Schema.Value != nil && mt.Schema.Value.VisitJSON(v) != nil {
			continue
		}
		if b, err := json.Marshal(v); err == nil {
			return string(b)
		}
	}
	return ""
}
