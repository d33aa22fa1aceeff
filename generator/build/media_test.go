package build

import (
	"testing"

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
