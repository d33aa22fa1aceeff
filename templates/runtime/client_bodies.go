package runtime

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"mime"
	"slices"
	"strings"
)

// formMedia is the media type of a form body.
const formMedia = "application/x-www-form-urlencoded"

// WithBodyMedia says which media types to send request bodies in, most
// preferred first ("application/xml", "application/x-www-form-urlencoded",
// "multipart/form-data"), for the operations whose body the spec declares
// in several: each such call sends the first of these it declares (and,
// for a body by format, the caller set), else its own first, JSON when it
// offers JSON. Answers are unaffected (see WithXML).
func WithBodyMedia(mediaTypes ...string) Option {
	return func(c *Client) error {
		for _, mt := range mediaTypes {
			if name, _, err := mime.ParseMediaType(mt); err != nil || !strings.Contains(name, "/") || strings.Contains(name, "*") {
				return fmt.Errorf("WithBodyMedia: %q is not a media type", mt)
			}
		}
		c.bodyMedia = append([]string(nil), mediaTypes...)
		return nil
	}
}

// pickBody is the media type the client sends a body declared in these
// media types (in the spec's order of preference) in: the first of
// WithBodyMedia's it declares, else the first declared; "" for none.
func (c *Client) pickBody(declared []string) string {
	if len(declared) == 0 {
		return ""
	}
	for _, want := range c.bodyMedia {
		if i := slices.IndexFunc(declared, func(d string) bool { return strings.EqualFold(d, want) }); i >= 0 {
			return declared[i]
		}
	}
	return declared[0]
}

// sendsForm reports whether the client sends a body declared in these
// media types as a form (application/x-www-form-urlencoded).
func (c *Client) sendsForm(declared ...string) bool {
	return c.pickBody(declared) == formMedia
}

// encodeBody encodes a JSON or XML body into r in the media type the
// client prefers among those the operation declares (declared, in the
// spec's order of preference; a form, when one is declared too, is
// encoded by the caller when sendsForm says so).
func (c *Client) encodeBody(r *request, value any, declared ...string) error {
	if len(declared) == 0 {
		// A body by format with no format set.
		return fmt.Errorf("%w: no body is set (set the field of one format)", ErrInvalidInput)
	}
	name := c.pickBody(declared)
	var err error
	if mediaOf(name, nil) == mediaXML {
		r.body, err = xml.Marshal(value)
	} else {
		r.body, err = json.Marshal(value)
	}
	r.contentType = name
	return err
}
