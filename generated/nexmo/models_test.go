package nexmo

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// seedExample is one of the seed document's example bodies (made valid
// JSON where the seed's was not), with the model it must decode into.
type seedExample struct {
	name      string
	json, xml string
	new       func() any
}

var seedExamples = []seedExample{
	{"balance", `{"value": 3.14159, "autoReload": true}`,
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<accountBalance><value>17.79185</value><autoReload>true</autoReload></accountBalance>`,
		func() any { return new(Balance) }},
	{"pricing", `{"country": "GB", "name": "United Kingdom", "prefix": "44", "mt": "0.03330000",
  "networks": [{"code": "12345", "network": "Acme Telco", "mtPrice": "0.03330000"}],
  "countryDisplayName": "United Kingdom"}`,
		`<?xml version="1.0" encoding="UTF-8"?>
<outbound-country-pricing>
  <countryDisplayName>United Kingdom</countryDisplayName>
  <country>GB</country>
  <name>United Kingdom</name>
  <prefix>44</prefix>
  <mt>0.03330000</mt>
  <networks>
    <network><code>12345</code><name>Acme Telco</name><mtPrice>0.03330000</mtPrice></network>
  </networks>
</outbound-country-pricing>`,
		func() any { return new(OutboundPricing) }},
	{"settings", `{"api-secret": "API_SECRET", "mo-callback-url": "https://example.com/mo",
  "dr-callback-url": "https://example.com/dr", "max-outbound-request": 30, "max-inbound-request": 30}`,
		`<?xml version="1.0" encoding="UTF-8"?>
<account-settings>
   <api-secret>API_SECRET</api-secret>
   <mo-callback-url>https://example.com/mo</mo-callback-url>
   <dr-callback-url>https://example.com/dr</dr-callback-url>
   <max-outbound-request>30</max-outbound-request>
   <max-inbound-request>30</max-inbound-request>
</account-settings>`,
		func() any { return new(AccountSettings) }},
	{"owned numbers", `{"count": 1, "numbers": [{"country": "GB", "msisdn": "447700900000",
  "moHttpUrl": "https://example.com/mo", "type": "mobile-lvn", "features": ["VOICE", "SMS"],
  "voiceCallbackType": "app", "voiceCallbackValue": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
  "messagesCallbackType": "app", "messagesCallbackValue": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
  "app_id": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"}]}`,
		`<?xml version="1.0" encoding="UTF-8"?>
<inbound-numbers>
   <count>1</count>
   <numbers>
      <country>GB</country>
      <msisdn>447700900000</msisdn>
      <mo-http-url>https://example.com/mo</mo-http-url>
      <type>mobile-lvn</type>
      <features><feature>VOICE</feature><feature>SMS</feature></features>
      <voice-callback-type>app</voice-callback-type>
      <voice-callback-value>aaaaaaaa-bbbb-cccc-dddd-0123456789ab</voice-callback-value>
      <messages-callback-type>app</messages-callback-type>
      <messages-callback-value>aaaaaaaa-bbbb-cccc-dddd-0123456789ab</messages-callback-value>
      <app-id>aaaaaaaa-bbbb-cccc-dddd-0123456789ab</app-id>
   </numbers>
</inbound-numbers>`,
		func() any { return new(OwnedNumbers) }},
	{"available numbers", `{"count": 1234, "numbers": [{"country": "GB", "msisdn": "447700900000",
  "cost": "0.50", "type": "mobile-lvn", "features": ["VOICE", "SMS"]}]}`,
		`<?xml version="1.0" encoding="UTF-8"?>
<inbound-numbers>
  <count>1234</count>
  <numbers>
     <country>GB</country>
     <msisdn>447700900000</msisdn>
     <cost>0.50</cost>
     <type>mobile-lvn</type>
     <features><feature>VOICE</feature><feature>SMS</feature></features>
  </numbers>
</inbound-numbers>`,
		func() any { return new(AvailableNumbers) }},
	{"buy envelope", `{"error-code": "200", "error-code-label": "success"}`,
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<response><error-code>200</error-code><error-code-label>success</error-code-label></response>`,
		func() any { return new(ErrorEnvelope) }},
}

// TestSeedExamplesRoundTrip decodes each seed example, in JSON and in XML,
// checks every field is populated, and re-encodes it to an equivalent
// document. The one intended difference: a Secret re-encodes redacted.
func TestSeedExamplesRoundTrip(t *testing.T) {
	for _, ex := range seedExamples {
		t.Run(ex.name+"/json", func(t *testing.T) {
			v := ex.new()
			if err := json.Unmarshal([]byte(ex.json), v); err != nil {
				t.Fatal(err)
			}
			assertPopulated(t, reflect.ValueOf(v).Elem(), "")
			out, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := normalJSON(t, out), normalJSON(t, []byte(redactJSON(ex.json))); got != want {
				t.Errorf("re-encoded JSON differs:\n got %s\nwant %s", got, want)
			}
		})
		t.Run(ex.name+"/xml", func(t *testing.T) {
			v := ex.new()
			if err := xml.Unmarshal([]byte(ex.xml), v); err != nil {
				t.Fatal(err)
			}
			assertPopulated(t, reflect.ValueOf(v).Elem(), "")
			out, err := xml.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := xmlTokens(t, out), xmlTokens(t, []byte(strings.ReplaceAll(ex.xml, "API_SECRET", "[REDACTED]"))); got != want {
				t.Errorf("re-encoded XML differs:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// assertPopulated fails for every zero field below v, XMLName excepted.
func assertPopulated(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.Name != "XMLName" {
				assertPopulated(t, v.Field(i), path+"."+f.Name)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("%s is empty", path)
		}
		for i := range v.Len() {
			assertPopulated(t, v.Index(i), path+"[]")
		}
	default:
		if v.IsZero() && v.Kind() != reflect.Bool {
			t.Errorf("%s was not populated", path)
		}
	}
}

func redactJSON(s string) string { return strings.ReplaceAll(s, `"API_SECRET"`, `"[REDACTED]"`) }

// normalJSON re-marshals a document through any, which sorts keys.
func normalJSON(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

// xmlTokens renders a document's elements and non-blank text, ignoring the
// declaration, indentation and the order of a parent's differently named
// children (which the models do not keep).
func xmlTokens(t *testing.T, b []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	type node struct {
		name     string
		text     string
		children []string
	}
	stack := []*node{{}}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, &node{name: tok.Name.Local})
		case xml.CharData:
			stack[len(stack)-1].text += strings.TrimSpace(string(tok))
		case xml.EndElement:
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			slices.Sort(n.children)
			parent := stack[len(stack)-1]
			parent.children = append(parent.children, "<"+n.name+">"+n.text+strings.Join(n.children, "")+"</"+n.name+">")
		}
	}
	return strings.Join(stack[0].children, "")
}

// TestEnumUnknownValuesDecode: a value the provider adds later decodes
// without error, and IsKnown tells it apart.
func TestEnumUnknownValuesDecode(t *testing.T) {
	var n AvailableNumber
	if err := json.Unmarshal([]byte(`{"country":"GB","msisdn":"447700900000","type":"satellite","features":["SMS","RCS"]}`), &n); err != nil {
		t.Fatal(err)
	}
	if n.Type.IsKnown() || n.Type != "satellite" {
		t.Errorf("type = %q, IsKnown = %v", n.Type, n.Type.IsKnown())
	}
	if !n.Features[0].IsKnown() || n.Features[1].IsKnown() {
		t.Errorf("features IsKnown wrong: %v", n.Features)
	}
	if !SearchPatternEndsWith.IsKnown() || SearchPattern(7).IsKnown() {
		t.Error("SearchPattern.IsKnown wrong")
	}
}
