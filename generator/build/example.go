package build

import (
	"encoding/json"

	"github.com/getkin/kin-openapi/openapi3"
)

// jsonExample is the JSON text of a media type's example: its example,
// else the first of its examples by name; "" when it has none. The load
// step has validated examples against their schemas.
func jsonExample(mt *openapi3.MediaType) string {
	v := mt.Example
	if v == nil {
		for _, name := range sortedKeys(mt.Examples) {
			if ex := mt.Examples[name]; ex != nil && ex.Value != nil && ex.Value.Value != nil {
				v = ex.Value.Value
				break
			}
		}
	}
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}
