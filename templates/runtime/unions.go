package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// A oneOf or anyOf of the spec is a struct with one pointer per variant,
// exactly one set; its generated MarshalJSON writes that variant and its
// UnmarshalJSON decides which one the value is, with the functions below.

// errUnionUnset is the error of writing a union with no variant set.
func errUnionUnset(union string) error {
	return fmt.Errorf("%s: no variant is set", union)
}

// unionDecode decodes the JSON value b into dst (a pointer to a variant)
// as the schema reads it: null is no variant's value, and an object must
// have the variant's required properties (presence.go).
func unionDecode(b []byte, dst any) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return errors.New("null is none of the variants")
	}
	if err := json.Unmarshal(b, dst); err != nil {
		return err
	}
	tree, err := decodeJSONTree(b)
	if err != nil {
		return err
	}
	return presenceJSON(tree, reflect.TypeOf(dst).Elem(), "", false)
}

// unionTag reads the discriminator property of the JSON object b, spelled
// exactly; it must be a string.
func unionTag(union string, b []byte, property string) (string, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil || obj == nil {
		return "", fmt.Errorf("%s: the value is not an object", union)
	}
	raw, ok := obj[property]
	if !ok {
		return "", fmt.Errorf("%s: the discriminator property %q is missing", union, property)
	}
	var tag string
	if err := json.Unmarshal(raw, &tag); err != nil {
		return "", fmt.Errorf("%s: the discriminator property %q is not a string", union, property)
	}
	return tag, nil
}

// errUnionTag is the error of a discriminator value that names no
// variant: it lists the values that do.
func errUnionTag(union, property, tag, allowed string) error {
	return fmt.Errorf("%s: the discriminator property %q is %q, not one of %s", union, property, tag, allowed)
}

// unionMatched judges the variants a value matched (their names, in
// order): oneOf wants exactly one, anyOf at least one (the first is
// taken).
func unionMatched(union string, oneOf bool, matched []string, variants string) error {
	switch {
	case len(matched) == 0:
		return fmt.Errorf("%s: the value matches none of its variants (%s)", union, variants)
	case oneOf && len(matched) > 1:
		return fmt.Errorf("%s: the value matches more than one of its variants (oneOf): %s", union, strings.Join(matched, ", "))
	}
	return nil
}
