// This file is copied, with the code generated from ../xml_attributes.txtar,
// into a throwaway module by generator/xml_media_e2e_test.go: nullable XML
// attributes and an enum without type travel between the generated client
// and server over loopback, in JSON and XML.
package attributes_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"attributes.test/attributes"
)

// carriers echoes the carrier it was sent, and keeps it.
type carriers struct {
	attributes.UnimplementedHandler
	mu   sync.Mutex
	body attributes.Carrier
}

func (h *carriers) PutCarrier(_ context.Context, in *attributes.PutCarrierInput) (attributes.PutCarrierResponse, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.body = in.Body
	return attributes.PutCarrier200Response{Body: in.Body}, nil
}

func serve(t *testing.T) (*carriers, *httptest.Server) {
	h := &carriers{}
	srv := httptest.NewServer(attributes.NewServer(h, attributes.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	return h, srv
}

// TestAttributesEndToEnd: set attributes arrive set, absent ones absent;
// a null one arrives null in JSON and absent in XML (XML has no null).
func TestAttributesEndToEnd(t *testing.T) {
	for _, asXML := range []bool{false, true} {
		h, srv := serve(t)
		opts := []attributes.Option{attributes.WithBaseURL(srv.URL)}
		if asXML {
			opts = append(opts, attributes.WithXML(), attributes.WithBodyMedia("application/xml"))
		}
		c, err := attributes.NewClient(opts...)
		if err != nil {
			t.Fatal(err)
		}
		sent := attributes.Carrier{
			NetworkCode: attributes.NewNullable("23410"),
			Name:        attributes.NewNullable(`O2 "UK" <&>`),
			Ported:      attributes.Null[bool](),
			MCC:         attributes.NewNullable(234),
			Outcome:     attributes.CarrierOutcomePartial,
			Level:       attributes.CarrierLevelHigh,
			Note:        "n",
		}
		got, err := c.PutCarrier(context.Background(), attributes.PutCarrierParams{ID: 1}, sent)
		if err != nil {
			t.Fatalf("xml=%v: %v", asXML, err)
		}
		want := sent
		if asXML {
			want.Ported = attributes.Nullable[bool]{} // null writes no attribute
		}
		for what, v := range map[string]attributes.Carrier{"server bound": h.body, "client decoded": *got} {
			v.XMLName = want.XMLName
			if v != want {
				t.Errorf("xml=%v: %s %+v, want %+v", asXML, what, v, want)
			}
		}
	}
}

// TestAttributesWire: the XML answer carries the attributes as encoding/xml
// writes them; the rules judge a value that is there; a required nullable
// attribute must be in a request (JSON: the key, null or not).
func TestAttributesWire(t *testing.T) {
	_, srv := serve(t)
	for _, c := range []struct {
		contentType, body string
		status            int
		want              string
	}{
		{"application/xml", `<carrier network_code="1" mcc="100" outcome="2"></carrier>`, 200, `<carrier network_code="1" mcc="100" outcome="2"></carrier>`},
		{"application/xml", `<carrier network_code="" name=""></carrier>`, 200, `<carrier network_code="" name=""></carrier>`},
		{"application/xml", `<carrier network_code="1" mcc="99"></carrier>`, 400, "minimum"},
		{"application/xml", `<carrier network_code="1" mcc="x"></carrier>`, 400, ""},
		{"application/xml", `<carrier network_code="1234567"></carrier>`, 400, "maximum length"},
		// A request, validated: the required one must be there (as an
		// element must); an answer may leave it out (TestAttributesAnswer).
		{"application/xml", `<carrier name="x"></carrier>`, 400, "required"},
		{"application/json", `{"network_code":null}`, 200, `{"network_code":null}`},
		{"application/json", `{}`, 400, "network_code"},
	} {
		req, _ := http.NewRequest(http.MethodPut, srv.URL+"/carriers/1", strings.NewReader(c.body))
		req.Header.Set("Content-Type", c.contentType)
		req.Header.Set("Accept", strings.Replace(c.contentType, "application/xml", "text/xml", 1))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(b), c.want) {
			t.Errorf("%s: %d %s, want %d with %q", c.body, resp.StatusCode, b, c.status, c.want)
		}
	}
}

// TestAttributesAnswer: the client takes an XML answer that leaves out a
// required nullable attribute (XML has no null: left out is null), and
// refuses a JSON answer without the key.
func TestAttributesAnswer(t *testing.T) {
	for body, ok := range map[string]bool{
		`<carrier name="x"></carrier>`: true,
		`{"name":"x"}`:                 false,
		`{"network_code":null}`:        true,
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if body[0] == '<' {
				w.Header().Set("Content-Type", "text/xml")
			} else {
				w.Header().Set("Content-Type", "application/json")
			}
			_, _ = io.WriteString(w, body)
		}))
		c, err := attributes.NewClient(attributes.WithBaseURL(srv.URL))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.PutCarrier(context.Background(), attributes.PutCarrierParams{ID: 1}, attributes.Carrier{NetworkCode: attributes.NewNullable("1")})
		srv.Close()
		if (err == nil) != ok {
			t.Errorf("%s: %+v, %v; want ok=%v", body, got, err, ok)
			continue
		}
		if ok && body[0] == '<' && got.NetworkCode.Set {
			t.Errorf("%s: network_code %+v, want absent", body, got.NetworkCode)
		}
	}
}
