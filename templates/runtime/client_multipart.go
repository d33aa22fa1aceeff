package runtime

import (
	"io"
	"mime/multipart"
	"net/url"
	"slices"
)

// filePart is a file part of a multipart/form-data body: its field name
// (also its file name) and its bytes, nil when it is left out.
type filePart struct {
	name string
	body io.Reader
}

// multipartBody streams a multipart/form-data body: the form fields, then
// the file parts, each copied as it is read, through a pipe; nothing is
// held in memory. It returns the body, its Content-Type and the pipe's
// reader, which the request closes when it is done (ending the writer).
func multipartBody(fields url.Values, files []filePart) (io.Reader, string, io.Closer) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(writeMultipart(mw, fields, files))
	}()
	return pr, mw.FormDataContentType(), pr
}

// writeMultipart writes the parts of a multipart body and its end.
func writeMultipart(mw *multipart.Writer, fields url.Values, files []filePart) error {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range fields[k] {
			if err := mw.WriteField(k, v); err != nil {
				return err
			}
		}
	}
	for _, f := range files {
		if f.body == nil {
			continue
		}
		part, err := mw.CreateFormFile(f.name, f.name)
		if err != nil {
			return err
		}
		if _, err := io.Copy(part, f.body); err != nil {
			return err
		}
	}
	return mw.Close()
}
