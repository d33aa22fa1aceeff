package runtime

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// media is the format of a body.
type media int

const (
	mediaUnknown media = iota
	mediaJSON
	mediaXML
	mediaProblem
)

// mediaOf reads a Content-Type (JSON, XML, problem+json, or a +json or
// +xml suffix); without one, it looks at the body's first byte.
func mediaOf(contentType string, body []byte) media {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json") && mt != "application/problem+json":
		return mediaJSON
	case mt == "application/problem+json":
		return mediaProblem
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml"):
		return mediaXML
	case mt != "":
		return mediaUnknown
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return mediaUnknown
	case trimmed[0] == '{' || trimmed[0] == '[':
		return mediaJSON
	case trimmed[0] == '<':
		return mediaXML
	}
	return mediaUnknown
}

// errUnknownMedia is returned for a body of no known format.
var errUnknownMedia = errors.New("unknown media type")

// unmarshal decodes body into v.
func unmarshal(m media, body []byte, v any) error {
	switch m {
	case mediaJSON, mediaProblem:
		return json.Unmarshal(body, v)
	case mediaXML:
		d := xml.NewDecoder(bytes.NewReader(body))
		d.CharsetReader = charsetReader
		return d.Decode(v)
	}
	return errUnknownMedia
}

// bodyStatuser is implemented by answer types that carry the body's status
// fields themselves, so that they are decoded once.
type bodyStatuser interface {
	bodyStatus() (code, label string)
}

// problem is an application/problem+json body (RFC 9457).
type problem struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Status int    `json:"status"`
}

// statusOf reads the status fields of a body, if it has them. It decodes
// the body as the answer's decoder does (JSON escapes, XML namespace
// prefixes), never with a byte search, so that the status it finds is the
// one the decoded answer carries.
func statusOf(m media, body []byte) (code, label string, ok bool) {
	switch m {
	case mediaJSON:
		var s statusBody
		if !bodyStatusDeclared || json.Unmarshal(body, &s) != nil || s.Code == "" {
			return "", "", false
		}
		return string(s.Code), string(s.Label), true
	case mediaXML:
		var s statusBody
		if !bodyStatusDeclared || unmarshal(mediaXML, body, &s) != nil || s.XMLCode == "" {
			return "", "", false
		}
		return strings.TrimSpace(s.XMLCode), strings.TrimSpace(s.XMLLabel), true
	case mediaProblem:
		var p problem
		if json.Unmarshal(body, &p) != nil {
			return "", "", false
		}
		label = p.Title
		if p.Detail != "" {
			label += ": " + p.Detail
		}
		if p.Status != 0 {
			code = strconv.Itoa(p.Status)
		}
		return code, label, code != "" || label != ""
	}
	return "", "", false
}

// failedCode reports whether a body's status code says failure.
func failedCode(code string) bool { return code != "" && !successCode(code) }

// successCode reports whether a body's status code means success: one of
// bodySuccessCodes when the API declares its bodies' status fields, else a
// 2xx code.
func successCode(code string) bool {
	if !bodyStatusDeclared {
		return len(code) == 3 && code[0] == '2'
	}
	return slices.Contains(bodySuccessCodes, code)
}

// missingRequired reports what a decoded answer lacks that its schema
// requires: a required property absent (or null) from a JSON body, a
// required element or attribute absent from an XML one.
func missingRequired(m media, body []byte, out any) error {
	t := reflect.TypeOf(out)
	switch m {
	case mediaJSON, mediaProblem:
		if scanPresence(body, t, false, false) {
			return nil // (presence_scan.go: the tree below says what is wrong)
		}
		v, err := decodeJSONTree(body)
		if err != nil {
			return err
		}
		return presenceJSON(v, t, "", false)
	case mediaXML:
		n, err := decodeXMLTree(body)
		if err != nil {
			return err
		}
		return presenceXML(n, t, "")
	}
	return nil
}
