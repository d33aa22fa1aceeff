package runtime

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
)

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
