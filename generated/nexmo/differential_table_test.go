package nexmo

import (
	"strings"
	"testing"
)

// diffCases are requests at the edges of every rule of the nine validated
// types, with the verdict both sides must reach.
var diffCases = []struct {
	name   string
	req    diffCall
	accept bool
}{
	{"search minimal", diffSearch(SearchAvailableNumbersParams{Country: "GB"}), true},
	{"search missing country", diffSearch(SearchAvailableNumbersParams{}), false},
	{"search lower-case country", diffSearch(SearchAvailableNumbersParams{Country: "gb"}), false},
	{"search three-letter country", diffSearch(SearchAvailableNumbersParams{Country: "GBR"}), false},
	{"search country with newline", diffSearch(SearchAvailableNumbersParams{Country: "GB\n"}), false},
	{"search size 100", diffSearch(SearchAvailableNumbersParams{Country: "GB", Size: 100}), true},
	{"search size 101", diffSearch(SearchAvailableNumbersParams{Country: "GB", Size: 101}), false},
	{"search size negative", diffSearch(SearchAvailableNumbersParams{Country: "GB", Size: -1}), false},
	{"search index negative", diffSearch(SearchAvailableNumbersParams{Country: "GB", Index: -3}), false},
	{"search index large", diffSearch(SearchAvailableNumbersParams{Country: "GB", Index: 1 << 40}), true},
	{"search pattern 15", diffSearch(SearchAvailableNumbersParams{Country: "GB", Pattern: strings.Repeat("7", 15)}), true},
	{"search pattern 16", diffSearch(SearchAvailableNumbersParams{Country: "GB", Pattern: strings.Repeat("7", 16)}), false},
	{"search pattern 15 runes, more bytes", diffSearch(SearchAvailableNumbersParams{Country: "GB", Pattern: strings.Repeat("é", 15)}), true},
	{"search search_pattern 2", diffSearch(SearchAvailableNumbersParams{Country: "GB", SearchPattern: SearchPatternEndsWith}), true},
	{"search search_pattern 3", diffSearch(SearchAvailableNumbersParams{Country: "GB", SearchPattern: 3}), false},
	{"search search_pattern negative", diffSearch(SearchAvailableNumbersParams{Country: "GB", SearchPattern: -1}), false},
	{"search features both", diffSearch(SearchAvailableNumbersParams{Country: "GB", Features: []Feature{"SMS", "VOICE"}}), true},
	{"search features unknown", diffSearch(SearchAvailableNumbersParams{Country: "GB", Features: []Feature{"MMS"}}), false},
	{"search features repeated", diffSearch(SearchAvailableNumbersParams{Country: "GB", Features: []Feature{"SMS", "SMS"}}), false},
	{"search features item with a comma (see file comment)", diffSearch(SearchAvailableNumbersParams{Country: "GB", Features: []Feature{"SMS,VOICE"}}), false},
	{"search features empty item", diffSearch(SearchAvailableNumbersParams{Country: "GB", Features: []Feature{"SMS", ""}}), false},
	{"search features lower-case", diffSearch(SearchAvailableNumbersParams{Country: "GB", Features: []Feature{"sms"}}), false},
	{"search type", diffSearch(SearchAvailableNumbersParams{Country: "GB", Type: "landline-toll-free"}), true},
	{"search type unknown", diffSearch(SearchAvailableNumbersParams{Country: "GB", Type: "mobile"}), false},

	{"list empty", diffList(ListOwnedNumbersParams{}), true},
	{"list country", diffList(ListOwnedNumbersParams{Country: "CA"}), true},
	{"list bad country", diffList(ListOwnedNumbersParams{Country: "C1"}), false},
	{"list application 64", diffList(ListOwnedNumbersParams{ApplicationID: strings.Repeat("a", 64)}), true},
	{"list application 65", diffList(ListOwnedNumbersParams{ApplicationID: strings.Repeat("a", 65)}), false},
	{"list has_application false", diffList(ListOwnedNumbersParams{HasApplication: Ptr(false)}), true},
	{"list size 0 means default", diffList(ListOwnedNumbersParams{Size: 0}), true},

	{"pricing GB", diffPricing(GetOutboundPricingParams{Country: "GB"}), true},
	{"pricing empty", diffPricing(GetOutboundPricingParams{}), false},
	{"pricing unicode", diffPricing(GetOutboundPricingParams{Country: "ÉÉ"}), false},

	{"buy", diffBuy(BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}), true},
	{"buy short msisdn", diffBuy(BuyNumberRequest{Country: "GB", MSISDN: "12345"}), false},
	{"buy 16-digit msisdn", diffBuy(BuyNumberRequest{Country: "GB", MSISDN: strings.Repeat("1", 16)}), false},
	{"buy plus sign", diffBuy(BuyNumberRequest{Country: "GB", MSISDN: "+447700900000"}), false},
	{"buy missing msisdn", diffBuy(BuyNumberRequest{Country: "GB"}), false},
	{"buy missing both", diffBuy(BuyNumberRequest{}), false},

	{"settings empty reads", diffSettings(SettingsRequest{}), true},
	{"settings clear callbacks", diffSettings(SettingsRequest{MoCallBackURL: Ptr(""), DrCallBackURL: Ptr("")}), true},
	{"settings good secret", diffSettings(SettingsRequest{NewSecret: "Abcdef12"}), true},
	{"settings secret 25", diffSettings(SettingsRequest{NewSecret: Secret("Ab1" + strings.Repeat("x", 22))}), true},
	{"settings secret 26", diffSettings(SettingsRequest{NewSecret: Secret("Ab1" + strings.Repeat("x", 23))}), false},
	{"settings secret 7", diffSettings(SettingsRequest{NewSecret: "Abcde12"}), false},
	{"settings secret no digit", diffSettings(SettingsRequest{NewSecret: "Abcdefgh"}), false},
	{"settings secret no upper", diffSettings(SettingsRequest{NewSecret: "abcdefg1"}), false},
	{"settings secret no lower", diffSettings(SettingsRequest{NewSecret: "ABCDEFG1"}), false},
	{"settings secret symbol", diffSettings(SettingsRequest{NewSecret: "Abcdef1!"}), false},
	{"settings callback 2000", diffSettings(SettingsRequest{MoCallBackURL: Ptr(strings.Repeat("u", 2000))}), true},
	{"settings callback 2001", diffSettings(SettingsRequest{DrCallBackURL: Ptr(strings.Repeat("u", 2001))}), false},

	{"pricing by type", diffPricingByType(GetOutboundPricingByTypeParams{Country: "GB", Type: "sms-transit"}), true},
	{"pricing by type unknown", diffPricingByType(GetOutboundPricingByTypeParams{Country: "GB", Type: "mms"}), false},
	{"pricing by type empty (routes to getOutboundPricing)", diffPricingByType(GetOutboundPricingByTypeParams{Country: "GB"}), false},
	{"pricing by type slash", diffPricingByType(GetOutboundPricingByTypeParams{Country: "GB", Type: "sms/x"}), false},
	{"pricing by type bad country", diffPricingByType(GetOutboundPricingByTypeParams{Country: "G", Type: "voice"}), false},
	{"cancel", diffCancel(CancelNumberRequest{Country: "GB", MSISDN: "447700900000"}), true},
	{"cancel bad msisdn", diffCancel(CancelNumberRequest{Country: "GB", MSISDN: "44770090000a"}), false},
	{"top-up", diffTopUp(TopUpRequest{Trx: "00X123456Y7890123Z"}), true},
	{"top-up empty", diffTopUp(TopUpRequest{}), false},
	{"top-up 64", diffTopUp(TopUpRequest{Trx: strings.Repeat("t", 64)}), true},
	{"top-up 65", diffTopUp(TopUpRequest{Trx: strings.Repeat("t", 65)}), false},

	{"update minimal", diffUpdate(UpdateNumberRequest{Country: "GB", MSISDN: "447700900000"}), true},
	{"update voice type", diffUpdate(UpdateNumberRequest{Country: "GB", MSISDN: "447700900000", VoiceCallbackType: "sip"}), true},
	{"update voice type unknown", diffUpdate(UpdateNumberRequest{Country: "GB", MSISDN: "447700900000", VoiceCallbackType: "vxml"}), false},
	{"update app_id 65", diffUpdate(UpdateNumberRequest{Country: "GB", MSISDN: "447700900000", AppID: Ptr(strings.Repeat("a", 65))}), false},
	{"update clear urls", diffUpdate(UpdateNumberRequest{Country: "GB", MSISDN: "447700900000", MoHTTPURL: Ptr(""), VoiceStatusCallback: Ptr("")}), true},
	{"update missing country", diffUpdate(UpdateNumberRequest{MSISDN: "447700900000"}), false},
}

func TestValidatorsAgainstKin(t *testing.T) {
	for _, c := range diffCases {
		if got := diffAgree(t, c.name, c.req); got != c.accept {
			t.Errorf("%s: accepted=%v, want %v (ours: %v)", c.name, got, c.accept, c.req.ours)
		}
	}
}

// diffPtr is nil unless on.
func diffPtr(on bool, s string) *string {
	if !on {
		return nil
	}
	return &s
}

// diffFuzzCall maps fuzzed values onto the fields of one of the nine types.
func diffFuzzCall(op uint8, a, b, c, d string, i, j, k int, flags uint8) (string, diffCall) {
	bit := func(n uint) bool { return flags&(1<<n) != 0 }
	switch op % 9 {
	case 6:
		return "pricing by type", diffPricingByType(GetOutboundPricingByTypeParams{Country: a, Type: PricingType(d)})
	case 7:
		return "cancel", diffCancel(CancelNumberRequest{Country: a, MSISDN: b})
	case 8:
		return "top-up", diffTopUp(TopUpRequest{Trx: c})
	case 0:
		p := SearchAvailableNumbersParams{Country: a, Index: i, Size: j, Pattern: b, SearchPattern: SearchPattern(k), Type: NumberType(d)}
		if bit(0) {
			for _, f := range strings.Split(c, "|") {
				p.Features = append(p.Features, Feature(f))
			}
		}
		return "search", diffSearch(p)
	case 1:
		p := ListOwnedNumbersParams{Country: a, Index: i, Size: j, Pattern: b, SearchPattern: SearchPattern(k), ApplicationID: c}
		if bit(0) {
			p.HasApplication = Ptr(bit(1))
		}
		return "list", diffList(p)
	case 2:
		return "pricing", diffPricing(GetOutboundPricingParams{Country: a})
	case 3:
		return "buy", diffBuy(BuyNumberRequest{Country: a, MSISDN: b})
	case 4:
		return "settings", diffSettings(SettingsRequest{NewSecret: Secret(a), MoCallBackURL: diffPtr(bit(0), b), DrCallBackURL: diffPtr(bit(1), c)})
	}
	return "update", diffUpdate(UpdateNumberRequest{Country: a, MSISDN: b, AppID: diffPtr(bit(0), c),
		MoHTTPURL: diffPtr(bit(1), d), VoiceCallbackType: VoiceCallbackType(d), VoiceCallbackValue: diffPtr(bit(2), c),
		VoiceStatusCallback: diffPtr(bit(3), b)})
}

func FuzzValidatorsAgainstKin(f *testing.F) {
	f.Add(uint8(0), "GB", "447", "SMS|VOICE", "mobile-lvn", 1, 10, 0, uint8(1))
	f.Add(uint8(1), "CA", "", "app-1", "", 2, 100, 2, uint8(3))
	f.Add(uint8(2), "US", "", "", "", 0, 0, 0, uint8(0))
	f.Add(uint8(3), "GB", "447700900000", "", "", 0, 0, 0, uint8(0))
	f.Add(uint8(4), "Abcdef12", "https://example.com/mo", "", "", 0, 0, 0, uint8(3))
	f.Add(uint8(5), "GB", "447700900000", "app", "sip", 0, 0, 0, uint8(15))
	f.Add(uint8(6), "GB", "", "", "voice", 0, 0, 0, uint8(0))
	f.Add(uint8(7), "GB", "447700900000", "", "", 0, 0, 0, uint8(0))
	f.Add(uint8(8), "", "", "trx-1", "", 0, 0, 0, uint8(0))
	f.Fuzz(func(t *testing.T, op uint8, a, b, c, d string, i, j, k int, flags uint8) {
		name, r := diffFuzzCall(op, a, b, c, d, i, j, k, flags)
		diffAgree(t, name, r)
	})
}
