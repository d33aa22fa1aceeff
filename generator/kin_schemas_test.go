package generator_test

import (
	"slices"
	"testing"
)

// The differential cases of the schema rules issue 11 left refused: string
// rules on date-time, date and byte values (checked on the wire text),
// rules on the elements of arrays of arrays, maps of arrays and arrays of
// maps, and an object that allows no property.
func init() {
	differs := func(body, why string, accept bool) kinItemCase {
		return kinItemCase{kinCase: kinCase{Schema: "SchemaRules", Body: body}, accept: accept, differs: why}
	}
	kinItems["TestIssue11SchemaRulesAgainstKin"] = slices.Concat(
		accept("SchemaRules", `{}`, `{"at":"2024-01-01T00:00:00Z"}`, `{"day":"2024-01-01"}`, `{"raw":"aGk="}`,
			`{"grid":[["ab"],["c","de"]]}`, `{"grid":[]}`, `{"scores":{"a":[0,1],"b":[]}}`, `{"rows":[{"a":"x"},{}]}`,
			`{"none":{}}`, `{"none":{ }}`),
		refuse("SchemaRules", `{"at":"2024-01-01T00:00:00.5Z"}`, `{"at":"2024-01-01T00:00:00+05:30"}`, `{"day":"1999-12-31"}`,
			`{"raw":"aGVsbG8="}`, `{"raw":""}`, `{"grid":[["abc"]]}`, `{"grid":[[]]}`, `{"grid":[["a"],["b","cde"]]}`,
			`{"scores":{"a":[-1]}}`, `{"scores":{"a":[0],"b":[1,-2]}}`, `{"rows":[{"a":""}]}`, `{"rows":[{"a":"x"},{"b":""}]}`,
			`{"none":{"x":1}}`, `{"none":[]}`, `{"none":1}`),
		[]kinItemCase{
			differs(`{"at":"2024-01-01T00:00:00.000Z"}`, "a date-time's string rules judge its wire text as the client sends it (RFC 3339, time.RFC3339Nano: no trailing zeros in the fraction), not the spelling received", true),
		},
	)
}

func init() {
	kinItems["TestIssue11EnumUnionsAgainstKin"] = slices.Concat(
		accept("EnumUnion", `{}`, `{"size":"small"}`, `{"size":"large"}`, `{"size":1}`, `{"size":99}`,
			`{"level":1}`, `{"level":"low"}`, `{"mode":"auto"}`, `{"mode":true}`),
		refuse("EnumUnion", `{"size":"medium"}`, `{"size":0}`, `{"size":1.5}`, `{"level":3}`,
			`{"level":"mid"}`, `{"level":1.0e0,"size":"x"}`, `{"mode":"off"}`, `{"mode":1}`))
}

func init() {
	kinItems["TestIssue11InlineDiscriminatedAgainstKin"] = slices.Concat(
		accept("InlineTagged", `{"type":"server_vad","ms":1}`, `{"type":"semantic_vad"}`, `{"type":"semantic_vad","eagerness":"low"}`,
			`{"type":"semantic_vad","ms":1}`),
		refuse("InlineTagged", `{"type":"server_vad"}`, `{"type":"other"}`, `{}`, `{"type":"semantic_vad","eagerness":"mid"}`,
			`{"type":"server_vad","ms":-1}`, `{"type":1}`, `"server_vad"`, `null`))
}

func init() {
	kinItems["TestIssue11OverlappingUnionsAgainstKin"] = slices.Concat(
		accept("Overlaps", `{}`, `{"amount":5.5}`, `{"amount":-0.25}`, `{"word":"x"}`, `{"word":""}`,
			`{"length":"none"}`, `{"length":"12"}`, `{"contact":"a@b.example"}`,
			`{"contact":"123e4567-e89b-12d3-a456-426614174000"}`),
		refuse("Overlaps", `{"amount":5}`, `{"amount":0}`, `{"amount":"5"}`, `{"word":"none"}`, `{"word":1}`,
			`{"length":"0"}`, `{"length":"x"}`, `{"contact":"x"}`),
		[]kinItemCase{
			{kinCase: kinCase{Schema: "Overlaps", Body: `{"amount":5.0}`}, accept: true, differs: "an integer has neither a fraction nor an exponent (draft 4, as everywhere in the generated code): 5.0 is only a number, so it matches one variant; kin-openapi takes it as an integer too"},
			{kinCase: kinCase{Schema: "Overlaps", Body: `{"amount":1e2}`}, accept: true, differs: "as 5.0: 1e2 is only a number here"},
		})
}

// TestIssue11OverlappingUnionsAgainstKin: oneOf variants of one JSON type
// (an integer and a number, an enum beside a plain string, two formats)
// take a value that exactly one of them matches, as kin-openapi judges: a
// value both match is refused.
func TestIssue11OverlappingUnionsAgainstKin(t *testing.T) { kinDifferential(t) }

// TestIssue11InlineDiscriminatedAgainstKin: a discriminator without
// mapping over variants that are no $refs decides as a union without one,
// as kin-openapi does.
func TestIssue11InlineDiscriminatedAgainstKin(t *testing.T) { kinDifferential(t) }

// TestIssue11EnumUnionsAgainstKin: an enum variant of a oneOf or anyOf
// takes only its values, as kin-openapi judges.
func TestIssue11EnumUnionsAgainstKin(t *testing.T) { kinDifferential(t) }

// TestIssue11SchemaRulesAgainstKin: string rules on formatted values,
// rules two and three levels down, and an object that allows no property
// reach kin-openapi's verdicts.
func TestIssue11SchemaRulesAgainstKin(t *testing.T) { kinDifferential(t) }
