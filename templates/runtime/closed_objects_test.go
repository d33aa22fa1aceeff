package runtime

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestDecodeNoProperties(t *testing.T) {
	for _, ok := range []string{`{}`, ` {  } `, "{\n}", `null`} {
		if err := decodeNoProperties("N", []byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for bad, names := range map[string]string{`{"a":1}`: `"a"`, `{ "b" : {} }`: `"b"`, `[]`: "not an object", `1`: "not an object", `"{}"`: "not an object"} {
		err := decodeNoProperties("N", []byte(bad))
		if err == nil || !strings.Contains(err.Error(), names) || !strings.HasPrefix(err.Error(), "N: ") {
			t.Errorf("%s: %v, want an error naming %s", bad, err, names)
		}
	}
	empty := []byte(` {} `)
	if n := testing.AllocsPerRun(100, func() { _ = decodeNoProperties("N", empty) }); n != 0 {
		t.Errorf("decoding {} allocates %v times", n)
	}
}

func TestDecodeNoElements(t *testing.T) {
	decode := func(doc string) error {
		d := xml.NewDecoder(strings.NewReader(doc))
		tok, err := d.Token()
		if err != nil {
			return err
		}
		return decodeNoElements("N", d, tok.(xml.StartElement))
	}
	for _, ok := range []string{`<n/>`, `<n> </n>`, `<n xmlns="urn:x"></n>`, `<n xmlns:p="urn:p"/>`, `<n><!-- c --></n>`} {
		if err := decode(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{`<n><a/></n>`, `<n a="1"/>`, `<n>text</n>`, `<n>`} {
		if err := decode(bad); err == nil {
			t.Errorf("%s decoded", bad)
		}
	}
}

func TestTextLens(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
		time.Date(2024, 1, 2, 3, 4, 5, 120000000, time.FixedZone("", -8*3600)),
		time.Date(12024, 1, 2, 3, 4, 5, 1, time.FixedZone("", 5*3600+1800)),
	} {
		if got, want := timeTextLen(tm), len(tm.Format(time.RFC3339Nano)); got != want {
			t.Errorf("timeTextLen(%v) = %d, want %d", tm, got, want)
		}
	}
	for _, d := range []Date{{2024, 2, 29}, {12024, 1, 1}, {1, 1, 1}} {
		if got, want := dateTextLen(d), len(d.String()); got != want {
			t.Errorf("dateTextLen(%v) = %d, want %d", d, got, want)
		}
	}
	tm := time.Now()
	if n := testing.AllocsPerRun(100, func() { _ = timeTextLen(tm) + dateTextLen(DateOf(tm)) }); n != 0 {
		t.Errorf("the text lengths allocate %v times", n)
	}
}
