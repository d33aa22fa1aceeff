// This file is copied, with the code generated from ../media_schemas.txtar,
// into a throwaway module by generator/xml_media_e2e_test.go: a response
// whose JSON and XML schemas differ travels between the generated client
// and server over loopback in each format.
package schemas_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"schemas.test/schemas"
)

// sms answers with the formats the recipient asks for: "json", "xml",
// "none", else both.
type sms struct {
	schemas.UnimplementedHandler
	mu     sync.Mutex
	accept string
}

func (s *sms) SendSMS(_ context.Context, in *schemas.SendSMSInput) (schemas.SendSMSResponse, error) {
	var body schemas.SendSMS200ResponseBody
	if in.Body.To != "xml" && in.Body.To != "none" {
		body.JSON = &schemas.SendSms200responseJSONBody{Sent: &schemas.Sent{MessageCount: "1", Messages: []schemas.SentMessagesItem{{To: in.Body.To}}}}
	}
	if in.Body.To != "json" && in.Body.To != "none" {
		body.XML = &schemas.SendSms200responseXMLBody{SentXML: &schemas.SentXML{Messages: []schemas.SentXMLMessagesItem{{To: in.Body.To}}}}
	}
	return schemas.SendSMS200Response{Body: body}, nil
}

func (s *sms) GetInsight(_ context.Context, in *schemas.GetInsightInput) (schemas.GetInsightResponse, error) {
	if in.Params.Number == "0" {
		return schemas.GetInsight404Response{Body: schemas.Failed{ErrorText: "unknown"}}, nil
	}
	return schemas.GetInsight200Response{Body: schemas.GetInsight200ResponseBody{
		JSON: &schemas.InsightJSON{InternationalFormatNumber: in.Params.Number, CountryCode: "GB"},
		XML:  &schemas.InsightXML{Number: in.Params.Number, Country: "GB"},
	}}, nil
}

// serve serves the generated server, recording each request's Accept.
func serve(t *testing.T) (*sms, *httptest.Server) {
	h := &sms{}
	gen := schemas.NewServer(h, schemas.WithServerLogger(nil))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.accept = r.Header.Get("Accept")
		h.mu.Unlock()
		gen.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return h, srv
}

func client(t *testing.T, url string, opts ...schemas.Option) *schemas.Client {
	c, err := schemas.NewClient(append([]schemas.Option{schemas.WithBaseURL(url)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMediaSchemasFormats: the client asks for its format first and the
// other at q=0.5, and gets its own when the handler set both, the other
// when the handler set only that one; the body's other field stays nil.
func TestMediaSchemasFormats(t *testing.T) {
	h, srv := serve(t)
	for _, c := range []struct {
		xml              bool
		to, accept, want string
	}{
		{false, "both", "application/json, text/xml;q=0.5", "json"},
		{true, "both", "text/xml, application/json;q=0.5", "xml"},
		{false, "xml", "application/json, text/xml;q=0.5", "xml"},
		{true, "json", "text/xml, application/json;q=0.5", "json"},
	} {
		var opts []schemas.Option
		if c.xml {
			opts = append(opts, schemas.WithXML())
		}
		got, err := client(t, srv.URL, opts...).SendSMS(context.Background(), schemas.SendSMSBody{To: c.to})
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if h.accept != c.accept {
			t.Errorf("%+v: Accept %q", c, h.accept)
		}
		switch c.want {
		case "json":
			if got.XML != nil || got.JSON == nil || got.JSON.Sent == nil || got.JSON.Sent.MessageCount != "1" || got.JSON.Sent.Messages[0].To != c.to {
				t.Errorf("%+v: got %+v", c, got)
			}
		case "xml":
			if got.JSON != nil || got.XML == nil || got.XML.SentXML == nil || len(got.XML.SentXML.Messages) != 1 || got.XML.SentXML.Messages[0].To != c.to {
				t.Errorf("%+v: got %+v", c, got)
			}
		}
	}
	in, err := client(t, srv.URL, schemas.WithXML()).GetInsight(context.Background(), schemas.GetInsightParams{Number: "447700900000"})
	if err != nil || in.XML == nil || in.XML.Number != "447700900000" || in.XML.Country != "GB" || in.JSON != nil {
		t.Errorf("insight in XML: %+v, %v", in, err)
	}
	in, err = client(t, srv.URL).GetInsight(context.Background(), schemas.GetInsightParams{Number: "447700900000"})
	if err != nil || in.JSON == nil || in.JSON.InternationalFormatNumber != "447700900000" || in.XML != nil {
		t.Errorf("insight in JSON: %+v, %v", in, err)
	}
	_, err = client(t, srv.URL).GetInsight(context.Background(), schemas.GetInsightParams{Number: "0"})
	var apiErr *schemas.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
		t.Errorf("an unknown number: %v", err)
	}
}

// TestMediaSchemasServer: the server answers in the format the handler
// set that the request accepts, 406 when it accepts none of them, 500
// when the handler set none.
func TestMediaSchemasServer(t *testing.T) {
	_, srv := serve(t)
	for _, c := range []struct {
		to, accept string
		status     int
		typ, body  string
	}{
		{"both", "", 200, "application/json", `{"message-count":"1","messages":[{"to":"both"}]}`},
		{"both", "text/xml", 200, "text/xml", `<mt-submission-response><messages><message><to>both</to></message></messages></mt-submission-response>`},
		{"xml", "", 200, "text/xml", `<mt-submission-response>`},
		{"xml", "*/*", 200, "text/xml", `<mt-submission-response>`},
		{"xml", "application/json", 406, "application/json", ``},
		{"json", "text/xml", 406, "text/xml", `<code>406</code>`},
		{"none", "", 500, "application/json", ``},
	} {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/sms", strings.NewReader("to="+c.to))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if c.accept != "" {
			req.Header.Set("Accept", c.accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.typ) || !strings.Contains(string(b), c.body) {
			t.Errorf("%+v: %d %s %s", c, resp.StatusCode, resp.Header.Get("Content-Type"), b)
		}
	}
}

// TestMediaSchemasAnswers: the client decodes by the answer's
// Content-Type, whatever it asked for, and holds each format to its own
// schema's required properties.
func TestMediaSchemasAnswers(t *testing.T) {
	for _, c := range []struct {
		typ, body string
		ok        bool
	}{
		{"text/xml", `<mt-failure reason="throttled"></mt-failure>`, true},
		{"text/xml", `<mt-failure></mt-failure>`, false},
		{"application/json", `{"error_text":"throttled"}`, true},
		{"application/json", `{"message-count":"1"}`, false},
		{"text/plain", `ok`, false},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", c.typ)
			_, _ = io.WriteString(w, c.body)
		}))
		got, err := client(t, srv.URL).SendSMS(context.Background(), schemas.SendSMSBody{To: "x"})
		srv.Close()
		if (err == nil) != c.ok {
			t.Errorf("%s %s: %+v, %v; want ok=%v", c.typ, c.body, got, err, c.ok)
			continue
		}
		switch {
		case !c.ok:
			if !errors.Is(err, schemas.ErrInvalidResponse) && !errors.Is(err, schemas.ErrOutcomeUnknown) {
				t.Errorf("%s: %v, want ErrInvalidResponse", c.body, err)
			}
		case c.typ == "text/xml":
			if got.XML == nil || got.XML.FailedXML == nil || got.XML.FailedXML.Reason != "throttled" {
				t.Errorf("%s: %+v", c.body, got)
			}
		default:
			if got.JSON == nil || got.JSON.Failed == nil || got.JSON.Failed.ErrorText != "throttled" {
				t.Errorf("%s: %+v", c.body, got)
			}
		}
	}
}
