package runtime

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// TestFormatChecks: each check takes the valid spellings and refuses the
// near misses.
func TestFormatChecks(t *testing.T) {
	for _, c := range []struct {
		name   string
		check  func(string) bool
		ok, no []string
	}{
		{"uuid", isUUID, []string{"123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "0190c1a2-3b4c-7d8e-9f01-23456789abcd"},
			[]string{"", "123e4567-e89b-02d3-a456-426614174000", "123e4567-e89b-12d3-c456-426614174000", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g"}},
		{"email", isEmail, []string{"a@b", "first.last+tag@example.co.uk"}, []string{"", "@b", "a@", "a@b@c", "a@b c", "a@<b>"}},
		{"hostname", isHostname, []string{"a", "example.com", "api-eu.x9.example.COM", strings.Repeat("a", 63) + ".b", strings.Repeat("a.", 126) + "a"},
			[]string{"", ".", "example.com.", ".example.com", "a..b", "-a.b", "a-.b", "a.b-", "a_b.c", "ex ample.com", "é.com", strings.Repeat("a", 64) + ".b", strings.Repeat("a.", 126) + "ab"}},
		{"uri", isURI, []string{"https://example.com/a%20b?q=1#f", "urn:isbn:0451450523", "mailto:a@b"},
			[]string{"", "example.com", "://x", "1http://x", "http://x y", "http://x/%zz", "http"}},
		{"ipv4", isIPv4, []string{"192.0.2.1", "0.0.0.0"}, []string{"", "256.0.0.1", "1.2.3", "::1", "01.2.3.4"}},
		{"ipv6", isIPv6, []string{"::1", "2001:db8::1", "::ffff:192.0.2.1"}, []string{"", "192.0.2.1", "2001:db8:::1", "x::1"}},
		{"time", isTime, []string{"08:30:00", "23:59:60Z", "08:30:00.123+05:30", "00:00:00z"},
			[]string{"", "24:00:00", "08:60:00", "8:30:00", "08:30", "08:30:00.", "08:30:00+5:30", "08:30:00+05:30x"}},
		{"duration", isDuration, []string{"P1Y", "P1Y2M3W4DT5H6M7.5S", "PT1M", "P1D"},
			[]string{"", "P", "PT", "P1", "1Y", "P1S", "PT1D", "P1M1Y", "P1DT"}},
	} {
		for _, v := range c.ok {
			if !c.check(v) {
				t.Errorf("%s refuses %q", c.name, v)
			}
		}
		for _, v := range c.no {
			if c.check(v) {
				t.Errorf("%s takes %q", c.name, v)
			}
		}
	}
}

// TestFormatChecksDoNotAllocate: a valid value costs no allocation.
func TestFormatChecksDoNotAllocate(t *testing.T) {
	for _, f := range []func() bool{
		func() bool { return isUUID("123e4567-e89b-12d3-a456-426614174000") },
		func() bool { return isEmail("a@b.c") },
		func() bool { return isURI("https://x.org/a") },
		func() bool { return isIPv4("192.0.2.1") },
		func() bool { return isIPv6("2001:db8::1") },
		func() bool { return isTime("08:30:00Z") },
		func() bool { return isDuration("P1DT2H") },
	} {
		if n := testing.AllocsPerRun(100, func() { f() }); n != 0 {
			t.Errorf("a check allocates %v times", n)
		}
	}
}

// TestDate: YYYY-MM-DD in and out, in JSON and XML; a day its month lacks
// is refused.
func TestDate(t *testing.T) {
	d := Date{2024, time.February, 29}
	b, err := json.Marshal(struct{ D Date }{d})
	if err != nil || string(b) != `{"D":"2024-02-29"}` {
		t.Fatalf("json: %s, %v", b, err)
	}
	var back struct{ D Date }
	if err := json.Unmarshal(b, &back); err != nil || back.D != d {
		t.Fatalf("json back: %+v, %v", back, err)
	}
	x, err := xml.Marshal(struct {
		XMLName xml.Name `xml:"s"`
		D       Date     `xml:"d"`
	}{D: d})
	if err != nil || string(x) != `<s><d>2024-02-29</d></s>` {
		t.Fatalf("xml: %s, %v", x, err)
	}
	for _, bad := range []string{"2023-02-29", "2024-2-29", "29.02.2024", ""} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) took it", bad)
		}
	}
	if !(Date{}).IsZero() || d.IsZero() || d.String() != "2024-02-29" || DateOf(time.Date(2024, 2, 29, 23, 0, 0, 0, time.UTC)) != d {
		t.Error("IsZero, String or DateOf")
	}
}
