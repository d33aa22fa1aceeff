package bench

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

const (
	apiKey    = "abcd1234"
	apiSecret = "Secret123"
	baseURL   = "https://rest.nexmo.com"
)

// numbers makes a deterministic page of n available numbers with every
// field set.
func numbers(n int) nexmo.AvailableNumbers {
	page := nexmo.AvailableNumbers{Count: 1234, Numbers: make([]nexmo.AvailableNumber, n)}
	types := []nexmo.NumberType{nexmo.NumberTypeMobileLVN, nexmo.NumberTypeLandline, nexmo.NumberTypeLandlineTollFree}
	for i := range page.Numbers {
		page.Numbers[i] = nexmo.AvailableNumber{
			Country:  "GB",
			MSISDN:   fmt.Sprintf("4477009%05d", i),
			Cost:     fmt.Sprintf("%d.%02d", 1+i%5, i%100),
			Type:     types[i%len(types)],
			Features: []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice},
		}
	}
	return page
}

// The wire bodies every client and server benchmark uses, encoded by our
// models (which follow the spec's JSON names and XML objects).
var (
	listJSON     = mustJSON(numbers(100))
	listXML      = mustXML(numbers(100))
	envelopeJSON = []byte(`{"error-code":"200","error-code-label":"success"}`)
)

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func mustXML(v any) []byte {
	b, err := xml.Marshal(v)
	if err != nil {
		panic(err)
	}
	return append([]byte(xml.Header), b...)
}

// fixedTransport is an in-memory http.RoundTripper: it drains the request
// and answers 200 with its body, so a client call costs everything but the
// network.
type fixedTransport struct {
	contentType string
	body        []byte
	// last is the last request's URL and Authorization, for the tests.
	lastURL, lastAuth string
}

func (t *fixedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	t.lastURL, t.lastAuth = req.URL.String(), req.Header.Get("Authorization")
	return &http.Response{
		Status:        "200 OK",
		StatusCode:    http.StatusOK,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {t.contentType}},
		Body:          io.NopCloser(bytes.NewReader(t.body)),
		ContentLength: int64(len(t.body)),
		Request:       req,
	}, nil
}

// TestFixtures keeps the bodies what the benchmarks say they are.
func TestFixtures(t *testing.T) {
	for name, body := range map[string][]byte{"json": listJSON, "xml": listXML} {
		if n := bytes.Count(body, []byte("4477009")); n != 100 {
			t.Errorf("%s: %d numbers", name, n)
		}
	}
	if !bytes.Contains(listXML, []byte("<inbound-numbers>")) || !bytes.Contains(listXML, []byte("<features><feature>SMS</feature>")) {
		t.Errorf("xml is not the spec's shape: %.200s", listXML)
	}
}
