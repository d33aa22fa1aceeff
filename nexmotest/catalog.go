package nexmotest

import (
	"slices"
	"strconv"
)

// The number types and features of the pool, spelled as on the wire.
const (
	TypeMobileLVN        = "mobile-lvn"
	TypeLandline         = "landline"
	TypeLandlineTollFree = "landline-toll-free"
	FeatureSMS           = "SMS"
	FeatureVoice         = "VOICE"
)

// numbersPerRange is how many numbers each range of the pool holds.
const numbersPerRange = 40

// numberRange is a run of consecutive numbers of one type in one country.
type numberRange struct {
	typ  string
	base int64 // the first msisdn, as a number
	cost Micros
}

// country is one country of the pool and of the pricing table.
type country struct {
	code, name, prefix string
	ranges             []numberRange
	mt                 Micros // the default outbound SMS price
	voice              Micros // the default outbound voice price
	networks           []network
}

// network is one mobile network of a country's pricing.
type network struct {
	mcc, mnc, name string
	mt             Micros
}

// countries is the fixed table behind the pool and the prices, in code
// order. Numbers are taken from ranges reserved for drama and testing where
// the country has them (Ofcom's 07700 900xxx, North America's 555-01xx).
var countries = []country{
	{"CA", "Canada", "1", []numberRange{
		{TypeMobileLVN, 14165550100, 900_000}, {TypeLandline, 16135550100, 900_000},
		{TypeLandlineTollFree, 18885550100, 1_500_000},
	}, 8_000, 12_000, []network{{"302", "720", "Rogers Wireless", 8_000}, {"302", "610", "Bell Mobility", 8_500}}},
	{"DE", "Germany", "49", []numberRange{
		{TypeMobileLVN, 4915228817000, 3_000_000}, {TypeLandline, 49302312500, 1_000_000},
		{TypeLandlineTollFree, 498001234500, 7_500_000},
	}, 72_000, 21_000, []network{{"262", "01", "Telekom Deutschland", 72_000}, {"262", "02", "Vodafone GmbH", 71_000}}},
	{"FR", "France", "33", []numberRange{
		{TypeMobileLVN, 33639980000, 2_500_000}, {TypeLandline, 33199000000, 1_000_000},
		{TypeLandlineTollFree, 33800000000, 6_000_000},
	}, 66_000, 18_500, []network{{"208", "01", "Orange France", 66_000}, {"208", "10", "SFR", 65_500}}},
	{"GB", "United Kingdom", "44", []numberRange{
		{TypeMobileLVN, 447700900000, 500_000}, {TypeLandline, 441632960000, 650_000},
		{TypeLandlineTollFree, 448081570000, 2_000_000},
	}, 33_300, 12_500, []network{{"234", "10", "O2 UK", 33_300}, {"234", "15", "Vodafone UK", 33_300}, {"234", "20", "Three UK", 32_000}}},
	{"NL", "Netherlands", "31", []numberRange{
		{TypeMobileLVN, 31612300000, 3_500_000}, {TypeLandline, 31201234000, 1_000_000},
		{TypeLandlineTollFree, 318001230000, 6_500_000},
	}, 89_000, 25_000, []network{{"204", "08", "KPN Mobile", 89_000}, {"204", "16", "T-Mobile Netherlands", 88_000}}},
	{"US", "United States", "1", []numberRange{
		{TypeMobileLVN, 12025550100, 900_000}, {TypeLandline, 12125550100, 900_000},
		{TypeLandlineTollFree, 18005550100, 1_500_000},
	}, 5_700, 10_000, []network{{"310", "260", "T-Mobile USA", 5_700}, {"310", "410", "AT&T Mobility", 5_900}}},
}

// Number is a number of the pool: what search shows of it.
type Number struct {
	Country  string   `json:"country"`
	MSISDN   string   `json:"msisdn"`
	Type     string   `json:"type"`
	Features []string `json:"features"`
	Cost     Micros   `json:"costMicros"`
}

// features gives the i-th number of a range of type typ its features, so
// that every type offers a mix to filter on.
func features(typ string, i int) []string {
	switch {
	case typ == TypeMobileLVN && i%4 == 3:
		return []string{FeatureSMS}
	case typ == TypeLandline && i%2 == 0, typ == TypeLandlineTollFree:
		return []string{FeatureVoice}
	}
	return []string{FeatureSMS, FeatureVoice}
}

// catalog is every number the fake knows, whether owned or available.
type catalog struct {
	byMSISDN  map[string]*Number
	byCountry map[string][]*Number // each sorted by msisdn
}

// theCatalog is built once from countries; it never changes.
var theCatalog = buildCatalog()

// buildCatalog expands the ranges of countries into numbers.
func buildCatalog() *catalog {
	c := &catalog{byMSISDN: map[string]*Number{}, byCountry: map[string][]*Number{}}
	for _, co := range countries {
		for _, r := range co.ranges {
			for i := range numbersPerRange {
				n := &Number{
					Country: co.code, MSISDN: strconv.FormatInt(r.base+int64(i), 10),
					Type: r.typ, Features: features(r.typ, i), Cost: r.cost,
				}
				if c.byMSISDN[n.MSISDN] != nil {
					panic("nexmotest: number " + n.MSISDN + " is in two ranges")
				}
				c.byMSISDN[n.MSISDN] = n
				c.byCountry[co.code] = append(c.byCountry[co.code], n)
			}
		}
		slices.SortFunc(c.byCountry[co.code], func(a, b *Number) int { return compareMSISDN(a.MSISDN, b.MSISDN) })
	}
	return c
}

// compareMSISDN orders numbers by length, then digits: numeric order.
func compareMSISDN(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// lookup finds a number of the catalog by country and msisdn.
func (c *catalog) lookup(country, msisdn string) (*Number, bool) {
	n, ok := c.byMSISDN[msisdn]
	if !ok || n.Country != country {
		return nil, false
	}
	return n, true
}

// Countries lists the country codes of the pool (and of the pricing table),
// in order.
func Countries() []string {
	out := make([]string, len(countries))
	for i, c := range countries {
		out[i] = c.code
	}
	return out
}
