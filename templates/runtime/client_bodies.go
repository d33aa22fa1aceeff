package runtime

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
)

// WithBodyMedia says which media types to send request bodies in, most
// preferred first ("application/xml"), for the operations whose body the
// spec declares in several: each such call sends the first of these it
// declares, else its own first, JSON when it offers JSON. Answers are
// unaffected (see WithXML).
func WithBodyMedia(mediaTypes ...string) Option {
	return func(c *Client) error {
		for _, mt := range mediaTypes {
			if mediaOf(mt, nil) == mediaUnknown || mediaOf(mt, nil) == mediaProblem {
				return fmt.Errorf("WithBodyMedia: %q is neither a JSON nor an XML media type", mt)
			}
		}
		c.bodyMedia = append([]string(nil), mediaTypes...)
		return nil
	}
}

// encodeBody encodes a JSON or XML body into r in the media type the
// client prefers among those the operation declares (declared, in the
// spec's order of preference).
func (c *Client) encodeBody(r *request, value any, declared ...string) error {
	name := declared[0]
	for _, want := range c.bodyMedia {
		if i := slices.IndexFunc(declared, func(d string) bool { return strings.EqualFold(d, want) }); i >= 0 {
			name = declared[i]
			break
		}
	}
	var err error
	if mediaOf(name, nil) == mediaXML {
		r.body, err = xml.Marshal(value)
	} else {
		r.body, err = json.Marshal(value)
	}
	r.contentType = name
	return err
}
