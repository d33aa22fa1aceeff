package load

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestYAMLSafeReadsAsJSON holds YAML's reading of the rewritten bytes
// against encoding/json's reading of the original, and checks that every
// line keeps its length up to each closing quote (columns do not move).
func TestYAMLSafeReadsAsJSON(t *testing.T) {
	cases := []string{
		`{"a": "\ud83d\udc4d"}`,
		`{"\ud83d\udc4d\ud83d\udc4e": "x", "b": "\uD83D\uDC4D and \ud83d"}`,
		`{"lone high": "\ud83d!", "lone low": "\udc4d", "high then text": "\ud83dx\udc4d"}`,
		`{"escaped": "\\ud83d\\udc4d", "quote": "\"\ud83d\udc4d\"", "list": ["\ud83d\ude00", 1, true, null]}`,
		"{\n  \"a\": {\"b\": \"\\ud83d\\udc4d\", \"c\": [\"\\ud83d\\udc4d\"]}\n}\n",
		`{"plain": "no surrogates \u00e9 \u2028"}`,
	}
	for _, c := range cases {
		var want any
		if err := json.Unmarshal([]byte(c), &want); err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		got := yamlSafe([]byte(c))
		var v any
		if err := yaml.Unmarshal(got, &v); err != nil {
			t.Errorf("%s: YAML refuses the rewrite %s: %v", c, got, err)
			continue
		}
		if !reflect.DeepEqual(normalize(v), want) {
			t.Errorf("%s: YAML reads %#v, JSON %#v", c, v, want)
		}
		if len(got) != len(c) || strings.Count(string(got), "\n") != strings.Count(c, "\n") {
			t.Errorf("%s: rewrite %s changes the length", c, got)
		}
	}
}

// TestYAMLSafeLeavesOthers keeps YAML documents and JSON without
// surrogates byte for byte.
func TestYAMLSafeLeavesOthers(t *testing.T) {
	for _, c := range []string{"a: \"\\ud83d\\udc4d\"\n", `{"a": "b"}`, `["\ud83d\udc4d"]`} {
		if got := string(yamlSafe([]byte(c))); got != c {
			t.Errorf("%q became %q", c, got)
		}
	}
}

// normalize turns YAML's decoded maps into JSON's shape.
func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = normalize(e)
		}
		return v
	case []any:
		for i, e := range v {
			v[i] = normalize(e)
		}
		return v
	case int:
		return float64(v)
	}
	return v
}
