package nexmotest

import (
	"slices"
	"strings"
	"testing"
)

func TestSearchPatterns(t *testing.T) {
	f := newFake(t)
	for _, c := range []struct {
		q    Query
		want func(n Number) bool
	}{
		{Query{Country: "GB", Pattern: "4477009000"}, func(n Number) bool { return strings.HasPrefix(n.MSISDN, "4477009000") }},
		{Query{Country: "GB", Pattern: "0900", SearchPattern: Anywhere}, func(n Number) bool { return strings.Contains(n.MSISDN, "0900") }},
		{Query{Country: "GB", Pattern: "7", SearchPattern: EndsWith}, func(n Number) bool { return strings.HasSuffix(n.MSISDN, "7") }},
		{Query{Country: "GB", Type: TypeLandline}, func(n Number) bool { return n.Type == TypeLandline }},
		{Query{Country: "GB", Features: []string{FeatureSMS, FeatureVoice}}, func(n Number) bool {
			return slices.Contains(n.Features, FeatureSMS) && slices.Contains(n.Features, FeatureVoice)
		}},
		{Query{Country: "GB", Features: []string{FeatureSMS}, Type: TypeLandlineTollFree}, func(Number) bool { return false }},
	} {
		c.q.Size = MaxSize
		got := f.Search(c.q)
		want := 0
		for _, n := range theCatalog.byCountry["GB"] {
			if c.want(*n) {
				want++
			}
		}
		if got.Count != want {
			t.Errorf("Search(%+v).Count = %d, want %d", c.q, got.Count, want)
		}
		for _, n := range got.Items {
			if !c.want(n) {
				t.Errorf("Search(%+v) answered %+v", c.q, n)
			}
		}
	}
}

func TestSearchPages(t *testing.T) {
	f := newFake(t)
	total := len(theCatalog.byCountry["US"])
	var all []string
	for index := 1; ; index++ {
		p := f.Search(Query{Country: "US", Size: 7, Index: index})
		if p.Count != total {
			t.Fatalf("page %d: count %d, want the total %d", index, p.Count, total)
		}
		if len(p.Items) == 0 {
			break
		}
		if len(p.Items) > 7 {
			t.Fatalf("page %d has %d items", index, len(p.Items))
		}
		for _, n := range p.Items {
			all = append(all, n.MSISDN)
		}
	}
	if len(all) != total || !slices.IsSortedFunc(all, compareMSISDN) {
		t.Errorf("pages hold %d numbers (want %d), sorted: %v", len(all), total, slices.IsSortedFunc(all, compareMSISDN))
	}
	if p := f.Search(Query{Country: "US"}); len(p.Items) != DefaultSize {
		t.Errorf("default page size %d, want %d", len(p.Items), DefaultSize)
	}
	if p := f.Search(Query{Country: "US", Size: 1000}); len(p.Items) != MaxSize {
		t.Errorf("page size 1000 gives %d items, want at most %d", len(p.Items), MaxSize)
	}
	if p := f.Search(Query{Country: "US", Index: 1 << 62, Size: 100}); len(p.Items) != 0 || p.Count != total {
		t.Errorf("a huge index gives %d items, count %d", len(p.Items), p.Count)
	}
	if p := f.Search(Query{Country: "XX"}); p.Count != 0 || p.Items != nil {
		t.Errorf("an unknown country gives %+v, want an empty page", p)
	}
}

func TestOwnedFilters(t *testing.T) {
	f := newFake(t)
	gb, us := theCatalog.byCountry["GB"], theCatalog.byCountry["US"]
	for _, n := range []*Number{gb[0], gb[1], us[0]} {
		if err := f.Buy(n.Country, n.MSISDN); err != nil {
			t.Fatal(err)
		}
	}
	app := "app-1"
	if err := f.UpdateNumber(NumberUpdate{Country: "GB", MSISDN: gb[1].MSISDN, AppID: &app}); err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	for _, c := range []struct {
		q    Query
		want []string
	}{
		{Query{}, []string{us[0].MSISDN, gb[0].MSISDN, gb[1].MSISDN}},
		{Query{Country: "GB"}, []string{gb[0].MSISDN, gb[1].MSISDN}},
		{Query{AppID: app}, []string{gb[1].MSISDN}},
		{Query{HasApplication: &yes}, []string{gb[1].MSISDN}},
		{Query{HasApplication: &no}, []string{us[0].MSISDN, gb[0].MSISDN}},
		{Query{Pattern: gb[0].MSISDN[8:], SearchPattern: EndsWith}, []string{gb[0].MSISDN}},
		{Query{Pattern: "999999"}, nil},
		{Query{Size: 1, Index: 2}, []string{gb[0].MSISDN}},
	} {
		p := f.Owned(c.q)
		var got []string
		for _, o := range p.Items {
			got = append(got, o.MSISDN)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Owned(%+v) = %v, want %v", c.q, got, c.want)
		}
	}
	if p := f.Owned(Query{Size: 1, Index: 2}); p.Count != 3 {
		t.Errorf("count %d, want the total 3", p.Count)
	}
}
