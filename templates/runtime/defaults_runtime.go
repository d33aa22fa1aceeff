package runtime

import "encoding/json"

// defaultOf decodes the spec's default of an array, object, map or union
// value, the JSON text the generator encoded from the document (which held
// it against its schema), into a fresh value of T: ApplyDefaults sets no
// two values to shared memory. A text that does not decode is a bug of the
// generator's, not of the caller's input: it panics, naming the text.
func defaultOf[T any](text string) T {
	var v T
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		panic("nexmogen: the spec's default " + text + " does not decode: " + err.Error())
	}
	return v
}
