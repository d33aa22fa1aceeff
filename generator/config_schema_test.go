package generator_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/nexmogen/nexmogen/generator/config"
)

// TestConfigSchema holds nexmogen.schema.json, the JSON Schema editors use
// to complete nexmogen.yaml, to the parser: every configuration case the
// parser accepts is valid for the schema, and every case it refuses
// (other than for YAML syntax) is invalid for it. kin-openapi's schema
// validator checks, the schema keeping to keywords OpenAPI 3.0 shares with
// JSON Schema.
func TestConfigSchema(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "nexmogen.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatal(err)
	}
	delete(fields, "$schema") // JSON Schema's own keys, unknown to OpenAPI 3.0
	delete(fields, "$id")
	raw, _ = json.Marshal(fields)
	var schema openapi3.Schema
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, path := range configCases(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		file, _ := parseArchive(data).file("nexmogen.yaml")
		var v any
		if err := yaml.Unmarshal(file, &v); err != nil {
			continue // a syntax error: nothing for the schema to judge
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var value any
		if err := json.Unmarshal(b, &value); err != nil {
			t.Fatal(err)
		}
		if value == nil {
			value = map[string]any{} // an empty file is an empty mapping
		}
		_, parseErr := config.Parse(file, "nexmogen.yaml")
		schemaErr := schema.VisitJSON(value, openapi3.MultiErrors())
		switch {
		case parseErr == nil && schemaErr != nil:
			t.Errorf("%s: the parser accepts it, the schema does not: %v", path, schemaErr)
		case parseErr != nil && schemaErr == nil:
			t.Errorf("%s: the parser refuses it (%v), the schema accepts it", path, parseErr)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d cases checked against the schema", checked)
	}
}
