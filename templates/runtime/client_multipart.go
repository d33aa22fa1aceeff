package runtime

import (
	"io"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"slices"
	"strings"
)

// filePart is a file part of a multipart/form-data body, or the parts of
// an array of files: its field name (also its file name), its
// Content-Type (application/octet-stream when empty) and its bytes, one
// part per reader, a nil one left out.
type filePart struct {
	name        string
	contentType string
	bodies      []io.Reader
}

// multipartBody streams a multipart/form-data body: the text and JSON
// parts (fields, each value a part; types names the Content-Type of the
// JSON ones), then the file parts, each copied as it is read, through a
// pipe; nothing is held in memory. It returns the body, its Content-Type
// and the pipe's reader, which the request closes when it is done (ending
// the writer).
func multipartBody(fields url.Values, types map[string]string, files []filePart) (io.Reader, string, io.Closer) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(writeMultipart(mw, fields, types, files))
	}()
	return pr, mw.FormDataContentType(), pr
}

// writeMultipart writes the parts of a multipart body and its end.
func writeMultipart(mw *multipart.Writer, fields url.Values, types map[string]string, files []filePart) error {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range fields[k] {
			if err := writePart(mw, k, "", types[k], strings.NewReader(v)); err != nil {
				return err
			}
		}
	}
	for _, f := range files {
		for _, body := range f.bodies {
			if body == nil {
				continue
			}
			if err := writePart(mw, f.name, f.name, f.contentType, body); err != nil {
				return err
			}
		}
	}
	return mw.Close()
}

// partQuoter escapes a name or file name for a Content-Disposition
// header, as mime/multipart does.
var partQuoter = strings.NewReplacer("\\", "\\\\", `"`, "\\\"")

// writePart writes one part: a field's (no file name) or a file's, with
// its Content-Type when it has one (a file part's default is
// application/octet-stream, a field's none, which means text/plain).
func writePart(mw *multipart.Writer, name, file, contentType string, body io.Reader) error {
	h := make(textproto.MIMEHeader)
	disposition := `form-data; name="` + partQuoter.Replace(name) + `"`
	if file != "" {
		disposition += `; filename="` + partQuoter.Replace(file) + `"`
		if contentType == "" {
			contentType = "application/octet-stream"
		}
	}
	h.Set("Content-Disposition", disposition)
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	part, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(part, body)
	return err
}
