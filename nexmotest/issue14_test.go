package nexmotest

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"testing"
)

// TestIssue14Item09SettingsAnswerHasEveryKey: the settings answer carries
// every key of the live answer, the callback URLs as empty strings when
// they are not set, in JSON and in XML.
func TestIssue14Item09SettingsAnswerHasEveryKey(t *testing.T) {
	w := newWire(t, nil)
	resp, b := w.do(request{method: "POST", path: "/account/settings", form: url.Values{}})
	if resp.StatusCode != 200 {
		t.Fatalf("settings: %d %s", resp.StatusCode, b)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"api-secret", "mo-callback-url", "dr-callback-url", "max-outbound-request", "max-inbound-request"} {
		if _, ok := got[key]; !ok {
			t.Errorf("the JSON answer lacks %q: %s", key, b)
		}
	}
	if got["mo-callback-url"] != "" || got["dr-callback-url"] != "" {
		t.Errorf("unset callbacks: %s, want empty strings", b)
	}
	resp, b = w.do(request{method: "POST", path: "/account/settings", form: url.Values{}, accept: "application/xml"})
	if resp.StatusCode != 200 {
		t.Fatalf("settings in XML: %d %s", resp.StatusCode, b)
	}
	var x struct {
		MO *string `xml:"mo-callback-url"`
		DR *string `xml:"dr-callback-url"`
	}
	if err := xml.Unmarshal(b, &x); err != nil || x.MO == nil || x.DR == nil {
		t.Errorf("the XML answer lacks a callback element (%v): %s", err, b)
	}
}
