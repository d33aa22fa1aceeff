package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
)

// ErrInvalidInput is matched by errors.Is on every *ValidationError: a
// request that breaks the spec's rules. Such a request is never sent.
var ErrInvalidInput = errors.New("invalid input")

// ValidationError reports one value that breaks one rule of the spec.
// Validate methods join every failure with errors.Join; use errors.As to
// reach the first, or unwrap the join for all of them.
type ValidationError struct {
	// In is where the value travels: "query", "path", "header", "form" or
	// "body".
	In string
	// Field is the wire name of the parameter or field.
	Field string
	// Rule is the rule broken: "required", "pattern", "enum", "minimum",
	// "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
	// "maxLength", "minItems", "maxItems" or "uniqueItems".
	Rule string
	// Limit is the rule's bound, pattern or allowed values, as text.
	Limit string
	// Value is the offending value as text; "[REDACTED]" for a secret.
	Value string
}

// Error describes the failure, for example
// `query parameter "size": 500 is greater than the maximum 100`.
func (e *ValidationError) Error() string {
	where := e.In + " field"
	switch e.In {
	case "query", "path", "header":
		where = e.In + " parameter"
	}
	prefix := where + " " + strconv.Quote(e.Field) + ": "
	switch e.Rule {
	case "required":
		return prefix + "is required"
	case "pattern":
		return prefix + strconv.Quote(e.Value) + " does not match the pattern " + e.Limit
	case "enum":
		return prefix + strconv.Quote(e.Value) + " is not one of " + e.Limit
	case "minimum":
		return prefix + e.Value + " is less than the minimum " + e.Limit
	case "maximum":
		return prefix + e.Value + " is greater than the maximum " + e.Limit
	case "exclusiveMinimum":
		return prefix + e.Value + " is not greater than " + e.Limit
	case "exclusiveMaximum":
		return prefix + e.Value + " is not less than " + e.Limit
	case "minLength":
		return prefix + "length " + e.Value + " is less than the minimum length " + e.Limit
	case "maxLength":
		return prefix + "length " + e.Value + " is greater than the maximum length " + e.Limit
	case "minItems":
		return prefix + e.Value + " items are fewer than the minimum " + e.Limit
	case "maxItems":
		return prefix + e.Value + " items are more than the maximum " + e.Limit
	case "uniqueItems":
		return prefix + strconv.Quote(e.Value) + " appears more than once"
	case "oneOf", "anyOf":
		return prefix + e.Value + " of its variants are set, exactly one must be"
	}
	return prefix + "breaks the rule " + e.Rule + " " + e.Limit
}

// Is makes every ValidationError match ErrInvalidInput.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidInput }

// Ptr returns a pointer to v, for the optional fields whose zero value
// means something (an empty callback URL clears it).
func Ptr[T any](v T) *T { return &v }

// duplicateAt returns the index of the first element of s that repeats an
// earlier one, or -1. It allocates nothing.
func duplicateAt[T comparable](s []T) int {
	for i := 1; i < len(s); i++ {
		for j := 0; j < i; j++ {
			if s[i] == s[j] {
				return i
			}
		}
	}
	return -1
}

// duplicateJSONAt returns the index of the first element of s whose JSON
// encoding repeats an earlier element's, or -1: uniqueItems over objects,
// arrays, maps and unions, which Go cannot compare with ==. Equal
// encodings are equal JSON values (struct fields keep their order, map
// keys are sorted). It allocates, unlike the other rules, and it judges
// the Go value: two items a receiver decoded that differed only in an
// optional property sent as its zero value and left out, or in properties
// the schema does not declare, count as equal (README: uniqueItems). An
// item that cannot be encoded is judged elsewhere.
func duplicateJSONAt[T any](s []T) int {
	if len(s) < 2 {
		return -1
	}
	seen := make(map[string]struct{}, len(s))
	for i := range s {
		b, err := json.Marshal(&s[i])
		if err != nil {
			continue
		}
		if _, dup := seen[string(b)]; dup {
			return i
		}
		seen[string(b)] = struct{}{}
	}
	return -1
}

// isMultipleOf reports whether v is a multiple of m (m > 0) as kin-openapi
// v0.153.0 judges multipleOf (schema_3point0_validator.go,
// multipleOfFailure; MIT licence): v/m is an integer in exact rationals
// of the two float64s, or v lies within |v|/2^51 of the nearest multiple,
// since decimal fractions such as 0.1 have no exact float64. It allocates
// (math/big), for number rules only; integer multiples of integers are
// checked with %.
func isMultipleOf(v, m float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return true
	}
	value, step := new(big.Rat).SetFloat64(v), new(big.Rat).SetFloat64(m)
	q := new(big.Rat).Quo(value, step)
	if q.IsInt() {
		return true
	}
	floor := new(big.Int).Div(q.Num(), q.Denom())
	var distance *big.Rat
	for _, k := range []*big.Int{floor, new(big.Int).Add(floor, big.NewInt(1))} {
		gap := new(big.Rat).Sub(value, new(big.Rat).Mul(new(big.Rat).SetInt(k), step))
		gap.Abs(gap)
		if distance == nil || gap.Cmp(distance) < 0 {
			distance = gap
		}
	}
	slack := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 51))
	return distance.Cmp(new(big.Rat).Mul(new(big.Rat).Abs(value), slack)) <= 0
}

// itemText names the item at index i of an array in an error message,
// where the item itself is an object that may hold a secret.
func itemText(i int) string { return "item " + strconv.Itoa(i) }

// enumText renders an enum value for an error message.
func enumText[T ~string | ~int | ~float64 | ~bool](v T) string {
	return fmt.Sprint(v)
}
