// This file is copied, with the code generated from ../xml_freeform.txtar,
// into a throwaway module by generator/xml_media_e2e_test.go: free-form
// values travel between the generated client and server over loopback in
// XML as their elements' text, and in JSON as they are.
package freeform_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"freeform.test/freeform"
)

// echo answers the envelope it was sent, and keeps it.
type echo struct {
	freeform.UnimplementedHandler
	mu  sync.Mutex
	got freeform.Envelope
}

func (h *echo) TopUp(_ context.Context, in *freeform.TopUpInput) (freeform.TopUpResponse, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.got = in.Body
	return freeform.TopUp200Response{Body: in.Body}, nil
}

func serve(t *testing.T) (*echo, *httptest.Server) {
	h := &echo{}
	srv := httptest.NewServer(freeform.NewServer(h, freeform.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	return h, srv
}

// same compares envelopes by their JSON.
func same(a, b freeform.Envelope) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// TestXMLFreeformEndToEnd: JSON carries free-form values as they are; XML
// carries strings as they are, and numbers and booleans as text, which
// read back as strings (XML text has no type).
func TestXMLFreeformEndToEnd(t *testing.T) {
	sent := freeform.Envelope{
		ErrorCode:      json.RawMessage(`"200"`),
		ErrorCodeLabel: json.RawMessage(`"success <&> \"quoted\""`),
		Notes:          []json.RawMessage{json.RawMessage(`"a"`), json.RawMessage(`7`), json.RawMessage(`true`)},
		Amount:         1234567.891,
	}
	for _, asXML := range []bool{false, true} {
		h, srv := serve(t)
		opts := []freeform.Option{freeform.WithBaseURL(srv.URL)}
		if asXML {
			opts = append(opts, freeform.WithXML(), freeform.WithBodyMedia("application/xml"))
		}
		c, err := freeform.NewClient(opts...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.TopUp(context.Background(), sent)
		if err != nil {
			t.Fatalf("xml=%v: %v", asXML, err)
		}
		want := sent
		if asXML {
			want.Notes = []json.RawMessage{json.RawMessage(`"a"`), json.RawMessage(`"7"`), json.RawMessage(`"true"`)}
		}
		if !same(*got, want) || !same(h.got, want) {
			t.Errorf("xml=%v: server bound %s, client got %s", asXML, js(h.got), js(*got))
		}
	}
}

func js(v any) string { b, _ := json.Marshal(v); return string(b) }

// TestXMLFreeformWire: the elements' text on the wire; a required
// free-form element must be in a request, as its key must in JSON; an
// object cannot be written in XML.
func TestXMLFreeformWire(t *testing.T) {
	b, err := xml.Marshal(freeform.Envelope{ErrorCode: json.RawMessage(`"420"`), ErrorCodeLabel: json.RawMessage(`null`), Amount: 0.00005})
	if want := `<response><error-code>420</error-code><amount>0.00005</amount></response>`; err != nil || string(b) != want {
		t.Errorf("got %s %v, want %s", b, err, want)
	}
	if _, err := xml.Marshal(freeform.Envelope{ErrorCode: json.RawMessage(`{"a":1}`)}); err == nil {
		t.Error("an object was written as XML")
	}
	var back freeform.Envelope
	if err := xml.Unmarshal([]byte(`<response><error-code> 200 </error-code><notes>x</notes><notes>y</notes></response>`), &back); err != nil ||
		string(back.ErrorCode) != `" 200 "` || len(back.Notes) != 2 || string(back.Notes[1]) != `"y"` {
		t.Errorf("read %s, %v", js(back), err)
	}
	if err := xml.Unmarshal([]byte(`<other><error-code>1</error-code></other>`), &back); err == nil {
		t.Error("another root element was read")
	}
	_, srv := serve(t)
	for body, status := range map[string]int{
		`<response><error-code>200</error-code></response>`: 200,
		`<response></response>`:                             400, // required, as in JSON
		`<response><amount>x</amount></response>`:           400,
	} {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/top-up", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/xml")
		req.Header.Set("Accept", "application/xml")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != status || (status == 200 && string(out) != `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+body) {
			t.Errorf("%s: %d %s, want %d", body, resp.StatusCode, out, status)
		}
	}
}
