package runtime

import "strconv"

// formKey is the key of a form field under a prefix: the name itself at
// the form's top level (prefix ""), else the deepObject-style key
// prefix[name] of a nested object's property (category[name]).
func formKey(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "[" + name + "]"
}

// formIndex is the prefix of the i-th item of an array of objects in a
// form (tags[0]), under which its properties travel (tags[0][name]).
func formIndex(prefix string, i int) string {
	return prefix + "[" + strconv.Itoa(i) + "]"
}
