package nexmotest

// Pricing is the outbound pricing of a country for one service, from the
// fake's fixed table. Prices are exact micro-euros; the handler prints them
// as decimal strings with eight decimals, as Nexmo does.
type Pricing struct {
	Country  string
	Name     string
	Prefix   string
	Default  Micros
	Networks []NetworkPrice
}

// NetworkPrice is the price of one service on one network.
type NetworkPrice struct {
	MCC, MNC, Name string
	Price          Micros
}

// Code is the network's code, its MCC followed by its MNC.
func (n NetworkPrice) Code() string { return n.MCC + n.MNC }

// The services PricingFor prices, spelled as the path of
// getOutboundPricingByType.
const (
	ServiceSMS        = "sms"
	ServiceSMSTransit = "sms-transit"
	ServiceVoice      = "voice"
)

// PricingFor answers the pricing of country for service from the table, and
// false for an unknown country or service. Transit SMS costs nine tenths of
// the SMS price; voice has one price on every network.
func PricingFor(countryCode, service string) (Pricing, bool) {
	co, ok := findCountry(countryCode)
	if !ok {
		return Pricing{}, false
	}
	p := Pricing{Country: co.code, Name: co.name, Prefix: co.prefix}
	scale := func(m Micros) Micros { return m }
	switch service {
	case ServiceSMS:
		p.Default = co.mt
	case ServiceSMSTransit:
		scale = func(m Micros) Micros { return m * 9 / 10 }
		p.Default = scale(co.mt)
	case ServiceVoice:
		p.Default = co.voice
		scale = func(Micros) Micros { return co.voice }
	default:
		return Pricing{}, false
	}
	for _, n := range co.networks {
		p.Networks = append(p.Networks, NetworkPrice{MCC: n.mcc, MNC: n.mnc, Name: n.name, Price: scale(n.mt)})
	}
	return p, true
}

// findCountry finds a country of the table by its code.
func findCountry(code string) (*country, bool) {
	for i := range countries {
		if countries[i].code == code {
			return &countries[i], true
		}
	}
	return nil, false
}
