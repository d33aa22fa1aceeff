package runtime

import "io"

// srvFilePart binds the file part name of a multipart body into dst: the
// part's bytes as they are read (from memory or the temporary file it was
// spilled to). A required part that is absent is refused.
func srvFilePart(x *srvExchange, name string, required bool, dst *io.Reader) error {
	var form = x.r.MultipartForm
	if form == nil || len(form.File[name]) == 0 {
		if required {
			return &ValidationError{In: "body", Field: name, Rule: "required"}
		}
		return nil
	}
	f, err := form.File[name][0].Open()
	if err != nil {
		return &srvBindError{srvWire{src: srvSrcBody, name: name}, "cannot be read"}
	}
	x.files = append(x.files, f)
	*dst = f
	return nil
}
