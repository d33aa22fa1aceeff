package runtime

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
)

// The server decodes gzip bodies through srvDecodeCoding, set here: a
// package whose operations declare no Content-Encoding parameter has no
// op.gzip, and is generated without this file.
func init() { srvDecodeCoding = srvDecodeGzip }

// srvDecodeGzip is the body of a request to an operation that declares a
// Content-Encoding parameter, and the header its media type is checked
// with: decompressed, and without Content-Encoding, when it comes gzip;
// as it is otherwise.
func srvDecodeGzip(body io.Reader, h http.Header, limit int64) (io.Reader, http.Header, error) {
	if !srvGzipped(h) {
		return body, h, nil
	}
	zr, err := srvGunzip(body, limit)
	if err != nil {
		return nil, nil, err
	}
	return zr, srvWithoutCoding(h), nil
}

// srvGzipped reports whether a request's body comes gzip-compressed (one
// coding, gzip or x-gzip), which an operation declaring a Content-Encoding
// header parameter decodes.
func srvGzipped(h http.Header) bool {
	v := h.Values("Content-Encoding")
	if len(v) != 1 {
		return false
	}
	c := strings.TrimSpace(v[0])
	return strings.EqualFold(c, "gzip") || strings.EqualFold(c, "x-gzip")
}

// srvGunzip is the decompressed body of a gzip request, read through the
// same cap as any body (limit counts decompressed bytes, so a small
// compressed body cannot grow past it); a body that is not gzip reads as
// an error.
func srvGunzip(body io.Reader, limit int64) (io.Reader, error) {
	zr, err := gzip.NewReader(io.LimitReader(body, limit))
	if err != nil {
		return nil, err
	}
	return zr, nil
}

// srvWithoutCoding is h without Content-Encoding, for the media type
// checks of a body already decoded.
func srvWithoutCoding(h http.Header) http.Header {
	h = h.Clone()
	h.Del("Content-Encoding")
	return h
}
