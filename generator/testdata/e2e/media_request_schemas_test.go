// This file is copied, with the code generated from
// ../media_request_schemas.txtar, into a throwaway module by
// generator/media_e2e_test.go: a request body whose JSON and XML media
// types carry different schemas, between the generated client and server
// over loopback.
package reports_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"reports.test/reports"
)

type handler struct{ reports.UnimplementedHandler }

func (handler) SendReport(_ context.Context, in *reports.SendReportInput) (reports.SendReportResponse, error) {
	switch b := in.Body; {
	case b.JSON != nil && b.XML == nil:
		return reports.SendReport200Response{Body: reports.Received{Format: "json", Value: b.JSON.Status + "/" + strconv.Itoa(b.JSON.Count)}}, nil
	case b.XML != nil && b.JSON == nil:
		return reports.SendReport200Response{Body: reports.Received{Format: "xml", Value: b.XML.State + "/" + strconv.Itoa(b.XML.ID)}}, nil
	}
	return nil, errors.New("no body or both bodies bound")
}

// sent records the Content-Type of the last request.
type sent struct {
	mu   sync.Mutex
	last string
	next http.Handler
}

func (s *sent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.last = r.Header.Get("Content-Type")
	s.mu.Unlock()
	s.next.ServeHTTP(w, r)
}

func (s *sent) contentType() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

func TestRequestSchemasEndToEnd(t *testing.T) {
	rec := &sent{next: reports.NewServer(handler{}, reports.WithServerLogger(nil))}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	ctx := context.Background()
	jsonBody := &reports.JSONReport{Status: "ok", Count: 3}
	xmlBody := &reports.XMLReport{ID: 9, State: "done"}
	for _, tc := range []struct {
		prefer []string
		body   reports.SendReportRequestBody
		ct     string
		want   reports.Received
	}{
		{nil, reports.SendReportRequestBody{JSON: jsonBody}, "application/json", reports.Received{Format: "json", Value: "ok/3"}},
		{nil, reports.SendReportRequestBody{XML: xmlBody}, "text/xml", reports.Received{Format: "xml", Value: "done/9"}},
		{nil, reports.SendReportRequestBody{JSON: jsonBody, XML: xmlBody}, "application/json", reports.Received{Format: "json", Value: "ok/3"}},
		{[]string{"text/xml"}, reports.SendReportRequestBody{JSON: jsonBody, XML: xmlBody}, "text/xml", reports.Received{Format: "xml", Value: "done/9"}},
		{[]string{"text/xml"}, reports.SendReportRequestBody{JSON: jsonBody}, "application/json", reports.Received{Format: "json", Value: "ok/3"}},
	} {
		c, err := reports.NewClient(reports.WithBaseURL(srv.URL), reports.WithBodyMedia(tc.prefer...))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.SendReport(ctx, tc.body)
		if err != nil || *got != tc.want {
			t.Fatalf("SendReport preferring %v: %+v, %v", tc.prefer, got, err)
		}
		if ct := rec.contentType(); ct != tc.ct {
			t.Errorf("SendReport preferring %v sent %q, want %q", tc.prefer, ct, tc.ct)
		}
	}
	c, _ := reports.NewClient(reports.WithBaseURL(srv.URL))
	if _, err := c.SendReport(ctx, reports.SendReportRequestBody{}); err == nil || !strings.Contains(err.Error(), "no body is set") {
		t.Errorf("SendReport with no format set: %v", err)
	}
	var ve *reports.ValidationError
	if _, err := c.SendReport(ctx, reports.SendReportRequestBody{JSON: &reports.JSONReport{Status: "x"}}); !errors.As(err, &ve) || ve.Field != "status" {
		t.Errorf("SendReport with a short status: %v", err)
	}
	for _, tc := range []struct {
		ct, body string
		status   int
		says     string
	}{
		{"text/xml", `<report id="4"><state>s</state></report>`, 200, `"value":"s/4"`},
		{"text/xml", `<report id="4"></report>`, 400, "state"},
		{"text/xml", `{"status":"ok"}`, 400, "XML"},
		{"application/json", `{"status":"ok","count":2}`, 200, `"value":"ok/2"`},
		{"application/json", `{"count":2}`, 400, "status"},
		{"application/json", `{"status":"x"}`, 400, "status"},
		{"application/json", ``, 400, "required"},
		{"application/xml", `<report><state>s</state></report>`, 415, "application/json or text/xml"},
	} {
		resp, err := http.Post(srv.URL+"/reports", tc.ct, strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.says) {
			t.Errorf("POST %s as %s: %d %s, want %d saying %q", tc.body, tc.ct, resp.StatusCode, b, tc.status, tc.says)
		}
	}
}
