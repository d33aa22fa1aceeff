package nexmo_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// responseModels makes a fresh value of every response body type, the
// types the client decodes answers into.
var responseModels = map[string]func() any{
	"AccountSettings":    func() any { return new(nexmo.AccountSettings) },
	"AvailableNumbers":   func() any { return new(nexmo.AvailableNumbers) },
	"Balance":            func() any { return new(nexmo.Balance) },
	"BalanceError":       func() any { return new(nexmo.BalanceError) },
	"ErrorEnvelope":      func() any { return new(nexmo.ErrorEnvelope) },
	"NumbersError":       func() any { return new(nexmo.NumbersError) },
	"OutboundPricing":    func() any { return new(nexmo.OutboundPricing) },
	"OwnedNumbers":       func() any { return new(nexmo.OwnedNumbers) },
	"PricingByType":      func() any { return new(nexmo.PricingByType) },
	"PricingByTypeError": func() any { return new(nexmo.PricingByTypeError) },
	"PricingError":       func() any { return new(nexmo.PricingError) },
	"SettingsError":      func() any { return new(nexmo.SettingsError) },
}

// decodeSeeds are answers of the live API's shapes, both formats.
var decodeSeeds = []string{
	`{"value": 10.28, "autoReload": false}`,
	`<accountBalance><value>10.28</value><autoReload>false</autoReload></accountBalance>`,
	`{"count": 1, "numbers": [{"country": "GB", "msisdn": "447700900000", "type": "mobile-lvn", "features": ["SMS", "VOICE"], "moHttpUrl": "https://example.com/mo"}]}`,
	`<inbound-numbers><count>1</count><numbers><country>GB</country><msisdn>447700900000</msisdn><type>mobile-lvn</type><features><feature>SMS</feature></features><mo-http-url>https://example.com/mo</mo-http-url></numbers></inbound-numbers>`,
	`{}`,
	`<inbound-numbers/>`,
	`{"error-code": "420", "error-code-label": "method failed"}`,
	`<response><error-code>200</error-code><error-code-label>success</error-code-label></response>`,
	`{"api-secret": "s3cretS3cret", "mo-callback-url": "", "max-outbound-request": 30}`,
	`<account-settings><api-secret>s3cretS3cret</api-secret><max-inbound-request>30</max-inbound-request></account-settings>`,
	`{"country": "GB", "name": "United Kingdom", "prefix": "44", "mt": "0.0333", "networks": [{"code": "23410", "network": "O2", "mtPrice": "0.0333"}]}`,
	`<outbound-country-pricing><country>GB</country><networks><network><code>23410</code><name>O2</name></network></networks></outbound-country-pricing>`,
	`{"countryCode": "GB", "networks": [{"type": "mobile", "price": "0.04", "mcc": "234", "mnc": "10"}]}`,
}

// roundTrip decodes data into each model; whenever that succeeds, the
// value must encode, decode again, and encode to the same bytes: one
// round trip reaches a fixed point. It never panics.
func roundTrip(t *testing.T, data []byte, unmarshal func([]byte, any) error, marshal func(any) ([]byte, error)) {
	for name, model := range responseModels {
		v := model()
		if unmarshal(data, v) != nil {
			continue
		}
		first, err := marshal(v)
		if err != nil {
			t.Errorf("%s: decoded %q but does not encode: %v", name, data, err)
			continue
		}
		again := model()
		if err := unmarshal(first, again); err != nil {
			t.Errorf("%s: own encoding %q does not decode: %v", name, first, err)
			continue
		}
		second, err := marshal(again)
		if err != nil || !bytes.Equal(first, second) {
			t.Errorf("%s: encoding not stable:\n%s\n%s (%v)", name, first, second, err)
		}
	}
}

func FuzzDecodeJSON(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, json.Unmarshal, json.Marshal)
	})
}

func FuzzDecodeXML(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, xml.Unmarshal, xml.Marshal)
	})
}

// TestDecodeSeedsDecode makes sure the seeds reach the models: each JSON
// seed decodes into some model with a non-zero field, each XML seed into
// the model of its root, or the fuzz targets start from nothing.
func TestDecodeSeedsDecode(t *testing.T) {
	for _, s := range decodeSeeds {
		unmarshal, marshal := json.Unmarshal, json.Marshal
		if s[0] == '<' {
			unmarshal, marshal = xml.Unmarshal, xml.Marshal
		}
		decoded := 0
		for _, model := range responseModels {
			if unmarshal([]byte(s), model()) == nil {
				decoded++
			}
		}
		if decoded == 0 {
			t.Errorf("no model decodes %s", s)
		}
		roundTrip(t, []byte(s), unmarshal, marshal)
	}
}
