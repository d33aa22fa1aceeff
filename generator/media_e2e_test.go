package generator_test

import "testing"

// TestMediaSuffixesEndToEnd runs testdata/e2e/media_suffixes_test.go against
// the code of media_suffixes.txtar: text/xml, +json and +xml bodies between
// the generated client and server, under their declared names.
func TestMediaSuffixesEndToEnd(t *testing.T) {
	loopback(t, "media_suffixes.txtar", "suffixes", "media_suffixes_test.go")
}
