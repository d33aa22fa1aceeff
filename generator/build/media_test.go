package build

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

func TestMediaCodec(t *testing.T) {
	for name, want := range map[string]ir.Media{
		"application/json":                  ir.MediaJSON,
		"application/vnd.api+json":          ir.MediaJSON,
		"application/json-patch+json":       ir.MediaJSON,
		"application/problem+json":          ir.MediaProblemJSON,
		"application/xml":                   ir.MediaXML,
		"text/xml":                          ir.MediaXML,
		"application/atom+xml":              ir.MediaXML,
		"application/x-www-form-urlencoded": ir.MediaForm,
	} {
		if got, ok := mediaCodec(name); !ok || got != want {
			t.Errorf("mediaCodec(%q) = %v, %v; want %v", name, got, ok, want)
		}
	}
	for _, name := range []string{"application/octet-stream", "text/plain", "*/*", "application/*+json", "image/png"} {
		if _, ok := mediaCodec(name); ok {
			t.Errorf("mediaCodec(%q) has a codec", name)
		}
	}
	if got := mediaBase("Application/JSON; charset=UTF-8"); got != "application/json" {
		t.Errorf("mediaBase = %q", got)
	}
}

func TestMediaKind(t *testing.T) {
	str := &openapi3.SchemaRef{Value: openapi3.NewStringSchema()}
	bin := &openapi3.SchemaRef{Value: openapi3.NewStringSchema().WithFormat("binary")}
	obj := &openapi3.SchemaRef{Value: openapi3.NewObjectSchema()}
	for _, tc := range []struct {
		name   string
		schema *openapi3.SchemaRef
		shared bool
		want   ir.Media
	}{
		{"application/json", obj, false, ir.MediaJSON},
		{"application/json", nil, false, ir.MediaStream},
		{"application/xml", nil, true, ir.MediaXML},
		{"application/octet-stream", bin, false, ir.MediaStream},
		{"image/*", nil, false, ir.MediaStream},
		{"*/*", obj, false, ir.MediaStream},
		{"text/plain", str, false, ir.MediaText},
		{"text/csv", str, false, ir.MediaText},
		{"text/plain", bin, false, ir.MediaStream},
		{"text/plain", obj, false, ir.MediaStream},
		{"text/event-stream", str, false, ir.MediaStream},
	} {
		if got, ok := mediaKind(tc.name, tc.schema, tc.shared); !ok || got != tc.want {
			t.Errorf("mediaKind(%s, %v) = %v, %v; want %v", tc.name, tc.schema != nil, got, ok, tc.want)
		}
	}
	if got, ok := mediaKind("multipart/form-data", obj, false); !ok || got != ir.MediaMultipart {
		t.Errorf("mediaKind(multipart/form-data) = %v, %v", got, ok)
	}
	if _, ok := mediaKind("multipart/mixed", obj, false); ok {
		t.Error("multipart/mixed has a kind")
	}
}
