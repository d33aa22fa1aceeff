package runtime

import (
	"strconv"
	"strings"
)

// srvFormBody reports whether the request body came as a form, for a body
// that may also come as JSON or XML.
func srvFormBody(x *srvExchange) bool {
	return x.bodyMedia != nil && x.bodyMedia.codec == srvCodecForm
}

// srvFormWire locates the form field name under prefix (formKey).
func srvFormWire(prefix, name string, required, explode bool, sep byte) srvWire {
	k := formKey(prefix, name)
	return srvWire{src: srvSrcForm, name: k, key: k, required: required, explode: explode, sep: sep}
}

// srvFormObject reports whether the form holds a nested object under key:
// a field key[...] in the body or the query. An absent required object is
// a ValidationError.
func srvFormObject(x *srvExchange, key string, required bool) (bool, error) {
	found := false
	srvFormEach(x, key, func(string) bool { found = true; return false })
	if !found && required {
		return false, &ValidationError{In: "form", Field: key, Rule: "required"}
	}
	return found, nil
}

// srvFormItems counts the items of an array of objects under key, whose
// fields are key[0][...], key[1][...]: the items must be numbered from 0
// without a gap (a gap would drop an item). An absent required array is a
// ValidationError.
func srvFormItems(x *srvExchange, key string, required bool) (int, error) {
	seen := map[int]bool{}
	bad := false
	srvFormEach(x, key, func(rest string) bool {
		idx, _, ok := strings.Cut(rest, "]")
		n, err := strconv.Atoi(idx)
		if !ok || err != nil || n < 0 || strconv.Itoa(n) != idx {
			bad = true
			return false
		}
		seen[n] = true
		return true
	})
	w := srvWire{src: srvSrcForm, name: key, key: key}
	if bad {
		return 0, &srvBindError{w, "has a field that is not an item number: send " + key + "[0][name], " + key + "[1][name], ..."}
	}
	for i := range len(seen) {
		if !seen[i] {
			return 0, &srvBindError{w, "has items that are not numbered 0, 1, 2, ... without a gap"}
		}
	}
	if len(seen) == 0 && required {
		return 0, &ValidationError{In: "form", Field: key, Rule: "required"}
	}
	return len(seen), nil
}

// srvFormNullable reads a nullable form field under key: null when the
// form holds key alone, once, with an empty value (how the client sends
// null: a form has no null), present when it holds key with a value or
// fields under it (key[...]). An absent required field is a
// ValidationError (null is there).
func srvFormNullable(x *srvExchange, key string, required bool) (present, null bool, err error) {
	n, empty := 0, true
	open := key + "["
	for _, p := range []*srvPairs{&x.form, &x.query} {
		for i := 0; i < p.n+len(p.more); i++ {
			switch pr := p.at(i); {
			case pr.key == key:
				n++
				empty = empty && pr.value == ""
			case strings.HasPrefix(pr.key, open):
				n++
				empty = false
			}
		}
	}
	if n == 0 {
		if required {
			return false, false, &ValidationError{In: "form", Field: key, Rule: "required"}
		}
		return false, false, nil
	}
	return true, n == 1 && empty, nil
}

// srvFormEach calls f with what follows key[ in every field key[...] of
// the form body and the query, until f returns false.
func srvFormEach(x *srvExchange, key string, f func(rest string) bool) {
	open := key + "["
	for _, p := range []*srvPairs{&x.form, &x.query} {
		for i := 0; i < p.n+len(p.more); i++ {
			if rest, ok := strings.CutPrefix(p.at(i).key, open); ok && !f(rest) {
				return
			}
		}
	}
}
