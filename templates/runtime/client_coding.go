package runtime

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
)

// encodeContent compresses the body when the operation's declared
// Content-Encoding header parameter asks for gzip (sendgrid's mail send
// takes a gzip body so), so that the header never says more than the
// bytes do. identity, or no value, sends the body as it is; another
// coding is refused before sending, as is gzip over a streamed body (the
// caller's reader: compress it yourself and declare it).
func (r *request) encodeContent() error {
	coding := strings.TrimSpace(r.header.Get("Content-Encoding"))
	switch {
	case coding == "" || strings.EqualFold(coding, "identity"):
		return nil
	case !strings.EqualFold(coding, "gzip"):
		return fmt.Errorf("Content-Encoding %q: the client compresses gzip only", coding)
	case r.stream != nil:
		return errors.New("Content-Encoding gzip over a streamed body: the client compresses only the bodies it encodes")
	case r.body == nil:
		return nil
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(r.body); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	r.body = b.Bytes()
	return nil
}
