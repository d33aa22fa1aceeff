package runtime

import (
	"errors"
	"net/url"
	"testing"
)

// TestStyledValueTable holds styledValue to the path rows of OpenAPI's
// style examples table: color = "blue", ["blue", "black", "brown"] and
// {"R": 100, "G": 200, "B": 150}, empty arrays too.
func TestStyledValueTable(t *testing.T) {
	scalar := []string{"blue"}
	array := []string{"blue", "black", "brown"}
	object := []string{"R", "100", "G", "200", "B", "150"}
	for _, tc := range []struct {
		style           string
		explode, object bool
		parts           []string
		want            string
	}{
		{"simple", false, false, scalar, "blue"},
		{"simple", true, false, scalar, "blue"},
		{"simple", false, false, array, "blue,black,brown"},
		{"simple", true, false, array, "blue,black,brown"},
		{"simple", false, true, object, "R,100,G,200,B,150"},
		{"simple", true, true, object, "R=100,G=200,B=150"},
		{"label", false, false, scalar, ".blue"},
		{"label", true, false, scalar, ".blue"},
		{"label", false, false, array, ".blue,black,brown"},
		{"label", true, false, array, ".blue.black.brown"},
		{"label", false, true, object, ".R,100,G,200,B,150"},
		{"label", true, true, object, ".R=100.G=200.B=150"},
		{"matrix", false, false, scalar, ";color=blue"},
		{"matrix", true, false, scalar, ";color=blue"},
		{"matrix", false, false, array, ";color=blue,black,brown"},
		{"matrix", true, false, array, ";color=blue;color=black;color=brown"},
		{"matrix", false, true, object, ";color=R,100,G,200,B,150"},
		{"matrix", true, true, object, ";R=100;G=200;B=150"},
		{"label", false, false, nil, "."},
		{"matrix", false, false, nil, ";color"},
	} {
		if got := styledValue(tc.style, "color", tc.explode, tc.object, tc.parts); got != tc.want {
			t.Errorf("%s explode=%v object=%v %q: %q, want %q", tc.style, tc.explode, tc.object, tc.parts, got, tc.want)
		}
	}
}

// TestSrvPathStyled reads the table's label and matrix rows back as
// style simple holds them, and refuses a value without its prefix.
func TestSrvPathStyled(t *testing.T) {
	for _, tc := range []struct {
		src     srvSource
		explode bool
		in      string
		want    string
		ok      bool
	}{
		{srvSrcPathLabel, false, ".blue", "blue", true},
		{srvSrcPathLabel, true, ".blue.black.brown", "blue.black.brown", true},
		{srvSrcPathLabel, false, "blue", "", false},
		{srvSrcPathMatrix, false, ";color=blue,black", "blue,black", true},
		{srvSrcPathMatrix, true, ";color=blue;color=black;color=brown", "blue;black;brown", true},
		{srvSrcPathMatrix, false, ";color", "", true},
		{srvSrcPathMatrix, false, ";colour=blue", "", false},
		{srvSrcPathMatrix, false, "color=blue", "", false},
	} {
		got, _, err := srvPathStyled(srvWire{src: tc.src, name: "color", key: "color", explode: tc.explode}, tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("%q: %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestKeepReserved: only the pairs of allowReserved keys keep their
// reserved characters, and & = # + stay encoded in them.
func TestKeepReserved(t *testing.T) {
	raw := "a=%2Fx%3Ay%26z%3D1%23%2B&b=%2Fx%3Ay&a%5B%5D=%2F"
	if got, want := keepReserved(raw, []string{"a"}), "a=/x:y%26z%3D1%23%2B&b=%2Fx%3Ay&a%5B%5D=%2F"; got != want {
		t.Errorf("keepReserved: %s, want %s", got, want)
	}
	if got := keepReserved(raw, nil); got != raw {
		t.Errorf("no keys: %s", got)
	}
}

// TestValidationAt: a nested failure is placed at the parameter, a
// union's own at the parameter's name.
func TestValidationAt(t *testing.T) {
	err := validationAt(errors.Join(&ValidationError{In: "body", Field: "a", Rule: "maximum"}, &ValidationError{In: "body", Field: "U", Rule: "oneOf"}), "query", "filter", "U")
	want := "query parameter \"filter.a\":  is greater than the maximum \nquery parameter \"filter\":  of its variants are set, exactly one must be"
	if err == nil || err.Error() != want {
		t.Errorf("got %q\nwant %q", err, want)
	}
}

// TestMapKeys: which query keys are a map parameter's, by its style, and
// how its pairs are sent.
func TestMapKeys(t *testing.T) {
	others := []string{"sort", "filter"}
	for _, tc := range []struct {
		how       mapStyle
		key, want string
		ok        bool
	}{
		{mapDeep, "meta[a]", "a", true},
		{mapDeep, "meta[]", "", true},
		{mapDeep, "meta[a", "", false},
		{mapDeep, "metab]", "", false},
		{mapDeep, "other[a]", "", false},
		{mapExplode, "color", "color", true},
		{mapExplode, "sort", "", false},
		{mapExplode, "filter[x]", "", false},
		{mapExplode, "", "", false},
	} {
		got, ok := srvMapKey(tc.how, "meta", tc.key, others)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%d %q: %q, %v; want %q, %v", tc.how, tc.key, got, ok, tc.want, tc.ok)
		}
	}
	pairs := mapTexts(map[string]int{"b": 2, "a": 1}, func(n int) string { return string(rune('0' + n)) })
	for how, want := range map[mapStyle]string{mapDeep: "m%5Ba%5D=1&m%5Bb%5D=2", mapExplode: "a=1&b=2", mapPairs: "m=a%2C1%2Cb%2C2"} {
		v := url.Values{}
		addMap(v, "m", how, ",", pairs)
		if got := v.Encode(); got != want {
			t.Errorf("addMap %d: %s, want %s", how, got, want)
		}
	}
	v := url.Values{}
	addMap(v, "m", mapPairs, ",", nil)
	if len(v) != 0 {
		t.Errorf("an empty map sent %v", v)
	}
}

// TestExplodedMapKeys: an exploded map's keys go as pairs (cookies) of
// their own, unless one is another parameter's (or one of its
// name[...]), empty, or, for cookies, no cookie name: then nothing is
// sent and the error matches ErrInvalidInput.
func TestExplodedMapKeys(t *testing.T) {
	others := []string{"sort", "filter"}
	for _, tc := range []struct {
		cookies bool
		key     string
		ok      bool
	}{
		{false, "color", true},
		{false, "a b;c", true},
		{false, "sort", false},
		{false, "filter[x]", false},
		{false, "sorted", true},
		{false, "", false},
		{true, "color", true},
		{true, "a b", false},
		{true, "x;y", false},
		{true, "k=v", false},
		{true, "é", false},
		{true, "sort", false},
	} {
		v := url.Values{}
		err := addExplodedMap(v, tc.cookies, others, []string{"a", "1", tc.key, "2"})
		switch {
		case tc.ok && (err != nil || v.Get(tc.key) != "2" || v.Get("a") != "1"):
			t.Errorf("%v %q: %v %v, want both sent", tc.cookies, tc.key, err, v)
		case !tc.ok && (!errors.Is(err, ErrInvalidInput) || len(v) != 0):
			t.Errorf("%v %q: %v %v, want ErrInvalidInput and nothing sent", tc.cookies, tc.key, err, v)
		}
	}
}

// TestParamTag: a union parameter's discriminator must name the variant
// set.
func TestParamTag(t *testing.T) {
	if err := paramTag("pet", "petType", "Cat", "cat", "cat", "Cat"); err != nil {
		t.Fatal(err)
	}
	err := paramTag("pet", "petType", "Cat", "Dog", "cat")
	if !errors.Is(err, ErrInvalidInput) || err.Error() != `pet: the discriminator "petType" of variant Cat is "Dog", not cat: invalid input` {
		t.Fatalf("%v", err)
	}
}
