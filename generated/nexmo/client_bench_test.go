package nexmo_test

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

// hundredNumbers is a page of 100 owned numbers in JSON and XML.
func hundredNumbers(b *testing.B) (jsonBody, xmlBody []byte) {
	page := nexmo.OwnedNumbers{Count: 1000}
	for i := range 100 {
		page.Numbers = append(page.Numbers, nexmo.OwnedNumber{Country: "GB", MSISDN: fmt.Sprintf("4477009%05d", i),
			MoHTTPURL: "https://example.com/mo", Type: nexmo.NumberTypeMobileLVN,
			Features: []nexmo.Feature{nexmo.FeatureVoice, nexmo.FeatureSMS}, VoiceCallbackType: nexmo.VoiceCallbackTypeApp,
			VoiceCallbackValue: "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"})
	}
	j, err := json.Marshal(page)
	if err != nil {
		b.Fatal(err)
	}
	x, err := xml.Marshal(page)
	if err != nil {
		b.Fatal(err)
	}
	return j, x
}

// BenchmarkClientListOwnedNumbers is a whole call (encode, send, read,
// status check, decode) of a 100-number page through an in-memory transport.
func BenchmarkClientListOwnedNumbers(b *testing.B) {
	j, x := hundredNumbers(b)
	for _, format := range []struct {
		name, contentType string
		body              []byte
		opt               nexmo.Option
	}{{"json", "application/json", j, nexmo.WithJSON()}, {"xml", "application/xml", x, nexmo.WithXML()}} {
		b.Run(format.name, func(b *testing.B) {
			hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
				return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {format.contentType}},
					Body: io.NopCloser(bytes.NewReader(format.body)), Request: r}, nil
			})}
			c, err := nexmo.NewClient(testKey, testSecret, nexmo.WithHTTPClient(hc), format.opt)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(format.body)))
			b.ReportAllocs()
			for b.Loop() {
				page, err := c.ListOwnedNumbers(b.Context(), nexmo.ListOwnedNumbersParams{Size: 100})
				if err != nil || len(page.Numbers) != 100 {
					b.Fatal(err)
				}
			}
		})
	}
}
