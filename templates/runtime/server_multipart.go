package runtime

import (
	"errors"
	"io"
)

// srvFilePart binds the file part name of a multipart body into dst: the
// part's bytes as they are read (from memory or the temporary file it was
// spilled to). A required part that is absent is refused.
func srvFilePart(x *srvExchange, name string, required bool, dst *io.Reader) error {
	var parts []io.Reader
	if err := srvFileParts(x, name, required, &parts); err != nil || len(parts) == 0 {
		return err
	}
	*dst = parts[0]
	return nil
}

// srvFileParts binds the file parts named name of a multipart body (an
// array of files) into dst, in the order they came; a required array
// needs one.
func srvFileParts(x *srvExchange, name string, required bool, dst *[]io.Reader) error {
	var form = x.r.MultipartForm
	if form == nil || len(form.File[name]) == 0 {
		if required {
			return &ValidationError{In: "body", Field: name, Rule: "required"}
		}
		return nil
	}
	for _, fh := range form.File[name] {
		f, err := fh.Open()
		if err != nil {
			return &srvBindError{srvWire{src: srvSrcBody, name: name}, "cannot be read"}
		}
		x.files = append(x.files, f)
		*dst = append(*dst, f)
	}
	return nil
}

// srvParseJSONPart converts a JSON part of a multipart body into T, as a
// JSON body is read (decodeStrictJSON): a required property absent is a
// ValidationError naming it under the part (attributes.name).
func srvParseJSONPart[T any](w srvWire, v string) (T, error) {
	var t T
	var pe *errPresence
	switch err := decodeStrictJSON([]byte(v), &t); {
	case errors.As(err, &pe) && pe.problem == "is required" && pe.field != "":
		return t, &ValidationError{In: "body", Field: w.name + "." + pe.field, Rule: "required"}
	case errors.As(err, &pe):
		return t, &srvBindError{w, pe.Error()}
	case err != nil:
		return t, &srvBindError{w, "is not valid JSON of the expected shape: " + srvJSONProblem(err)}
	}
	return t, nil
}
