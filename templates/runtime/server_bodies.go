package runtime

import (
	"encoding/xml"
	"errors"
	"reflect"
	"strings"
)

// srvDecodeBody decodes a request body declared in several media types
// (or in XML) by the one it came in: XML as srvDecodeXMLBody reads it,
// JSON as srvDecodeJSONBody does.
func srvDecodeBody[T any](x *srvExchange, required bool, dst *T) error {
	if x.bodyMedia != nil && x.bodyMedia.codec == srvCodecXML && x.body != "" {
		return srvDecodeXMLBody(x, dst)
	}
	return srvDecodeJSONBody(x, required, dst)
}

// srvDecodeXMLBody decodes an XML request body into dst, then checks that
// every element and attribute the schema requires is there.
func srvDecodeXMLBody[T any](x *srvExchange, dst *T) error {
	w := srvWire{src: srvSrcBody}
	d := xml.NewDecoder(strings.NewReader(x.body))
	d.CharsetReader = charsetReader
	if err := d.Decode(dst); err != nil {
		return &srvBindError{w, "is not valid XML of the expected shape: " + srvJSONProblem(err)}
	}
	n, err := decodeXMLTree([]byte(x.body))
	if err != nil {
		return &srvBindError{w, "is not valid XML: " + srvJSONProblem(err)}
	}
	var pe *errPresence
	switch err := presenceXML(n, reflect.TypeOf(dst), ""); {
	case errors.As(err, &pe) && pe.problem == "is required" && pe.field != "":
		return &ValidationError{In: "body", Field: pe.field, Rule: "required"}
	case err != nil:
		return &srvBindError{w, err.Error()}
	}
	return nil
}

// srvDecodeByMedia decodes a request body whose JSON and XML media types
// carry different schemas into the field of the format it came in: XML
// into xm as srvDecodeXMLBody reads it, JSON into j as srvDecodeJSONBody
// does. An empty body leaves both nil (400 when it is required).
func srvDecodeByMedia[J, X any](x *srvExchange, required bool, j **J, xm **X) error {
	switch {
	case x.body == "":
		return srvDecodeJSONBody(x, required, new(J))
	case x.bodyMedia != nil && x.bodyMedia.codec == srvCodecXML:
		*xm = new(X)
		return srvDecodeXMLBody(x, *xm)
	}
	*j = new(J)
	return srvDecodeJSONBody(x, required, *j)
}

// srvDecodeByMediaOne decodes a request body by format that has one
// structured format (JSON or XML; its others multipart, text or a stream)
// into that format's field, as srvDecodeBody reads it. An empty body
// leaves it nil (400 when it is required).
func srvDecodeByMediaOne[T any](x *srvExchange, required bool, dst **T) error {
	if x.body == "" {
		return srvDecodeJSONBody(x, required, new(T))
	}
	*dst = new(T)
	return srvDecodeBody(x, required, *dst)
}

// srvBodyCodec is the codec of the media type a request body came in;
// srvCodecNone when there is none (an empty body).
func srvBodyCodec(x *srvExchange) srvCodec {
	if x.bodyMedia == nil {
		return srvCodecNone
	}
	return x.bodyMedia.codec
}

// srvBodyRequired is the error of a required body that is absent.
func srvBodyRequired() error {
	return &srvBindError{srvWire{src: srvSrcBody}, "is required"}
}
