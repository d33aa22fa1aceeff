package nexmotest

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestCatalogShape(t *testing.T) {
	msisdn := regexp.MustCompile(`^[0-9]{6,15}$`)
	if !slices.Contains(Countries(), "GB") || !slices.Contains(Countries(), "US") {
		t.Fatalf("Countries() = %v, want GB and US among them", Countries())
	}
	for _, c := range countries {
		nums := theCatalog.byCountry[c.code]
		if len(nums) != 3*numbersPerRange {
			t.Errorf("%s has %d numbers, want %d", c.code, len(nums), 3*numbersPerRange)
		}
		types := map[string]bool{}
		for i, n := range nums {
			types[n.Type] = true
			if !msisdn.MatchString(n.MSISDN) || !strings.HasPrefix(n.MSISDN, c.prefix) || n.Cost <= 0 {
				t.Errorf("%s: bad number %+v", c.code, n)
			}
			if i > 0 && compareMSISDN(nums[i-1].MSISDN, n.MSISDN) >= 0 {
				t.Errorf("%s: numbers out of order at %s", c.code, n.MSISDN)
			}
		}
		if len(types) != 3 {
			t.Errorf("%s has types %v, want all three", c.code, types)
		}
	}
}

func TestCatalogIsDeterministic(t *testing.T) {
	again := buildCatalog()
	if len(again.byMSISDN) != len(theCatalog.byMSISDN) {
		t.Fatalf("two builds differ in size")
	}
	for k, n := range theCatalog.byMSISDN {
		m := again.byMSISDN[k]
		if m == nil || m.Country != n.Country || m.Type != n.Type || m.Cost != n.Cost || !slices.Equal(m.Features, n.Features) {
			t.Fatalf("number %s differs between builds", k)
		}
	}
}

func TestPricingCoversThePool(t *testing.T) {
	for _, c := range Countries() {
		for _, svc := range []string{ServiceSMS, ServiceSMSTransit, ServiceVoice} {
			p, ok := PricingFor(c, svc)
			if !ok || p.Country != c || p.Name == "" || p.Prefix == "" || p.Default <= 0 || len(p.Networks) == 0 {
				t.Errorf("PricingFor(%s, %s) = %+v, %v", c, svc, p, ok)
			}
			for _, n := range p.Networks {
				if len(n.MCC) != 3 || n.Price <= 0 || n.Code() != n.MCC+n.MNC {
					t.Errorf("PricingFor(%s, %s): bad network %+v", c, svc, n)
				}
			}
		}
	}
	gb, _ := PricingFor("GB", ServiceSMS)
	if gb.Default.Decimal(8) != "0.03330000" {
		t.Errorf("GB SMS price = %s, want the seed's 0.03330000", gb.Default.Decimal(8))
	}
	transit, _ := PricingFor("GB", ServiceSMSTransit)
	if transit.Default != gb.Default*9/10 {
		t.Errorf("GB transit price = %s, want nine tenths of %s", transit.Default, gb.Default)
	}
	for _, bad := range [][2]string{{"XX", ServiceSMS}, {"GB", "fax"}, {"", ""}} {
		if _, ok := PricingFor(bad[0], bad[1]); ok {
			t.Errorf("PricingFor(%q, %q) found a price", bad[0], bad[1])
		}
	}
}
