package generator_test

import "testing"

// TestSchemaRulesEndToEnd runs testdata/e2e/schema_rules_test.go against
// the code of schema_rules.txtar: string rules on date-time, date and byte
// values judged on their wire text, rules on the elements of nested arrays
// and maps, and objects that allow no property (JSON, XML, in a union),
// on both sides.
func TestSchemaRulesEndToEnd(t *testing.T) {
	loopback(t, "schema_rules.txtar", "schemarules", "schema_rules_test.go")
}

// TestSchemaDefaultsEndToEnd runs testdata/e2e/schema_defaults_test.go
// against the code of schema_defaults.txtar: defaults of every kind
// (date-time, date, bytes, arrays, maps, objects, unions, free-form,
// nullable) applied by the client and the server, and enums inside unions.
func TestSchemaDefaultsEndToEnd(t *testing.T) {
	loopback(t, "schema_defaults.txtar", "schemadefaults", "schema_defaults_test.go")
}
