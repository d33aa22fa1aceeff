package nexmotest

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// seedCalls are the seven calls of the seed, in its order, on a fake set up
// by seedAccount so that every field of the seed's examples is present.
func seedCalls() []request {
	num := url.Values{"country": {"GB"}, "msisdn": {"447700900001"}}
	return []request{
		{method: "GET", path: "/account/get-balance"},
		{method: "GET", path: "/account/get-pricing/outbound", query: url.Values{"country": {"GB"}}},
		{method: "POST", path: "/account/settings"},
		{method: "GET", path: "/account/numbers"},
		{method: "GET", path: "/number/search", query: url.Values{"country": {"GB"}, "features": {"SMS,VOICE"}}},
		{method: "POST", path: "/number/buy", form: num},
		{method: "POST", path: "/number/cancel", form: num},
	}
}

// seedAccount gives the fake callbacks and an owned number with the
// seed's webhooks.
func seedAccount(t *testing.T, w *wire) {
	t.Helper()
	hook, _ := webhook(t, http.StatusOK)
	mo, dr := hook.URL+"/mo", hook.URL+"/dr"
	if _, err := w.f.UpdateSettings(t.Context(), SettingsUpdate{MOCallbackURL: &mo, DRCallbackURL: &dr}); err != nil {
		t.Fatal(err)
	}
	if err := w.f.Buy("GB", "447700900000"); err != nil {
		t.Fatal(err)
	}
	app, uuid, moURL := "app", "aaaaaaaa-bbbb-cccc-dddd-0123456789ab", "https://example.com/mo"
	err := w.f.UpdateNumber(NumberUpdate{Country: "GB", MSISDN: "447700900000", MOHTTPURL: &moURL,
		VoiceCallbackType: &app, VoiceCallbackValue: &uuid})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSeedShapesJSON(t *testing.T) {
	w := newWire(t, nil)
	seedAccount(t, w)
	jsons, _ := seedExamples(t)
	for i, r := range seedCalls() {
		resp, body := w.do(r)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s %s: %d %s\n%s", r.method, r.path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
			continue
		}
		if got, want := jsonPaths(t, body), jsonPaths(t, jsons[i]); !slices.Equal(got, want) {
			t.Errorf("%s %s: keys %v, the seed's %v\n%s", r.method, r.path, got, want, body)
		}
	}
}

func TestSeedShapesXML(t *testing.T) {
	w := newWire(t, nil)
	seedAccount(t, w)
	_, xmls := seedExamples(t)
	for i, r := range seedCalls() {
		r.accept = "application/xml"
		resp, body := w.do(r)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/xml") {
			t.Errorf("%s %s: %d %s\n%s", r.method, r.path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
			continue
		}
		if !bytes.HasPrefix(body, []byte("<?xml")) {
			t.Errorf("%s %s: no XML declaration\n%s", r.method, r.path, body)
		}
		if got, want := xmlPaths(t, body), xmlPaths(t, xmls[i]); !slices.Equal(got, want) {
			t.Errorf("%s %s: elements %v, the seed's %v\n%s", r.method, r.path, got, want, body)
		}
	}
}

func TestEmptyListsAreEmptyObjects(t *testing.T) {
	w := newWire(t, nil)
	for _, r := range []request{
		{method: "GET", path: "/account/numbers"},
		{method: "GET", path: "/number/search", query: url.Values{"country": {"GB"}, "pattern": {"999"}}},
		{method: "GET", path: "/number/search", query: url.Values{"country": {"ZZ"}}},
	} {
		if resp, body := w.do(r); resp.StatusCode != 200 || strings.TrimSpace(string(body)) != "{}" {
			t.Errorf("%s %v: %d %s, want 200 {}", r.path, r.query, resp.StatusCode, body)
		}
		r.accept = "application/xml"
		resp, body := w.do(r)
		if paths := xmlPaths(t, body); resp.StatusCode != 200 || !slices.Equal(paths, []string{"/inbound-numbers"}) {
			t.Errorf("%s %v in XML: %d %s, want an empty inbound-numbers", r.path, r.query, resp.StatusCode, body)
		}
	}
}

func TestPagesOverTheWire(t *testing.T) {
	w := newWire(t, nil)
	seen := map[string]bool{}
	for index := 1; index <= 13; index++ {
		q := url.Values{"country": {"US"}, "size": {"10"}, "index": {strconvI(index)}}
		_, body := w.do(request{method: "GET", path: "/number/search", query: q})
		var page struct {
			Count   int
			Numbers []struct{ MSISDN string }
		}
		mustJSON(t, body, &page)
		if index <= 12 && (page.Count != 120 || len(page.Numbers) != 10) || index == 13 && len(page.Numbers) != 0 {
			t.Fatalf("page %d: count %d, %d numbers", index, page.Count, len(page.Numbers))
		}
		for _, n := range page.Numbers {
			if seen[n.MSISDN] {
				t.Fatalf("page %d repeats %s", index, n.MSISDN)
			}
			seen[n.MSISDN] = true
		}
	}
}
