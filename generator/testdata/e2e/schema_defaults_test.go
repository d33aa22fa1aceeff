// This file is copied, with the code generated from ../schema_defaults.txtar,
// into a throwaway module by generator/schemas_e2e_test.go: defaults of
// every kind, applied by the client and by the server, and enums inside
// unions, over loopback.
package schemadefaults_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"schemadefaults.test/schemadefaults"
)

// echo answers with what the server bound: the body and the parameters.
type echo struct {
	schemadefaults.UnimplementedHandler
}

func (echo) PostSettings(_ context.Context, in *schemadefaults.PostSettingsInput) (schemadefaults.PostSettingsResponse, error) {
	return schemadefaults.PostSettings200Response{Body: schemadefaults.Echo{
		Settings: in.Body, Fields: in.Params.Fields, Since: in.Params.Since, On: in.Params.On,
	}}, nil
}

func serve(t *testing.T) (*httptest.Server, *schemadefaults.Client) {
	t.Helper()
	srv := httptest.NewServer(schemadefaults.NewServer(echo{}, schemadefaults.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	c, err := schemadefaults.NewClient(schemadefaults.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// checkDefaults holds s to the spec's defaults.
func checkDefaults(t *testing.T, s schemadefaults.Settings) {
	t.Helper()
	at := time.Date(2024, 1, 2, 3, 4, 5, 500000000, time.FixedZone("", 3600))
	if s.At == nil || !s.At.Equal(at) {
		t.Errorf("at = %v, want %v", s.At, at)
	} else if _, off := s.At.Zone(); off != 3600 {
		t.Errorf("at's offset = %d, want 3600", off)
	}
	if s.Day == nil || *s.Day != (schemadefaults.Date{Year: 2024, Month: 2, Day: 29}) {
		t.Errorf("day = %v", s.Day)
	}
	small := schemadefaults.SettingsSizeVariant1Small
	for name, got := range map[string][2]any{
		"raw":    {s.Raw, []byte("hi")},
		"tags":   {s.Tags, []string{"a", "b"}},
		"grid":   {s.Grid, [][]int{{1, 2}, {3}}},
		"limits": {s.Limits, map[string]int{"a": 1, "b": 2}},
		"owner":  {s.Owner, &schemadefaults.Owner{Name: "nobody"}},
		"size":   {s.Size, &schemadefaults.SettingsSize{SettingsSizeVariant1: &small}},
		"meta":   {string(s.Meta), `{"k":[1,"x"]}`},
		"note":   {s.Note, schemadefaults.NewNullable("hello")},
	} {
		if !reflect.DeepEqual(got[0], got[1]) {
			t.Errorf("%s = %#v, want %#v", name, got[0], got[1])
		}
	}
}

// TestClientAppliesDefaults: the client applies the defaults before
// sending, the server echoes them back, and its own parameter defaults
// match the client's.
func TestClientAppliesDefaults(t *testing.T) {
	_, c := serve(t)
	out, err := c.PostSettings(context.Background(), schemadefaults.PostSettingsParams{}, schemadefaults.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	checkDefaults(t, out.Settings)
	if !reflect.DeepEqual(out.Fields, []string{"id", "name"}) || !out.Since.Equal(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)) ||
		out.On != (schemadefaults.Date{Year: 2020, Month: 2, Day: 29}) {
		t.Errorf("parameters: %v %v %v", out.Fields, out.Since, out.On)
	}
}

// TestServerAppliesDefaults: a request without the values (an empty body
// and no query) gets every default on the server.
func TestServerAppliesDefaults(t *testing.T) {
	srv, _ := serve(t)
	resp, err := http.Post(srv.URL+"/settings", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	var out schemadefaults.Echo
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	checkDefaults(t, out.Settings)
	if !reflect.DeepEqual(out.Fields, []string{"id", "name"}) || !out.Since.Equal(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("parameters: %v %v", out.Fields, out.Since)
	}
}

// TestDefaultsAreFresh: each ApplyDefaults gets values of its own, and a
// value that is set keeps it.
func TestDefaultsAreFresh(t *testing.T) {
	var a, b schemadefaults.Settings
	a.ApplyDefaults()
	a.Tags[0], a.Limits["a"], a.Grid[0][0], a.Raw[0] = "changed", 9, 9, 'X'
	b.ApplyDefaults()
	checkDefaults(t, b)
	c := schemadefaults.Settings{Tags: []string{}, Limits: map[string]int{"z": 0}, Note: schemadefaults.Null[string]()}
	c.ApplyDefaults()
	if c.Tags == nil || len(c.Tags) != 0 || !reflect.DeepEqual(c.Limits, map[string]int{"z": 0}) || !c.Note.Null {
		t.Errorf("set values were replaced: %+v", c)
	}
}

// TestEnumsInUnions: an enum variant takes its values only; a value of
// none of the variants is refused by the decoding (and so by the server),
// and the client's Validate refuses an unknown enum value.
func TestEnumsInUnions(t *testing.T) {
	_, c := serve(t)
	for body, want := range map[string]string{
		`{"size":"large"}`: "variant1", `{"size":3}`: "integer", `{"level":2}`: "variant1", `{"level":"low"}`: "variant2",
		`{"mode":"auto"}`: "variant1", `{"mode":false}`: "boolean",
	} {
		var s schemadefaults.Settings
		if err := json.Unmarshal([]byte(body), &s); err != nil {
			t.Errorf("%s: %v", body, err)
			continue
		}
		got := ""
		switch {
		case s.Size != nil && s.Size.SettingsSizeVariant1 != nil, s.Level != nil && s.Level.SettingsLevelVariant1 != nil,
			s.Mode != nil && s.Mode.SettingsModeVariant1 != nil:
			got = "variant1"
		case s.Size != nil && s.Size.Integer != nil:
			got = "integer"
		case s.Level != nil && s.Level.SettingsLevelVariant2 != nil:
			got = "variant2"
		case s.Mode != nil && s.Mode.Boolean != nil:
			got = "boolean"
		}
		if got != want {
			t.Errorf("%s decoded as %q, want %q", body, got, want)
		}
		out, err := c.PostSettings(context.Background(), schemadefaults.PostSettingsParams{}, s)
		if err != nil {
			t.Errorf("%s: %v", body, err)
			continue
		}
		if b, _ := json.Marshal(out.Settings); !strings.Contains(string(b), strings.Trim(body, "{}")) {
			t.Errorf("%s came back as %s", body, b)
		}
	}
	for _, body := range []string{`{"size":"medium"}`, `{"size":0}`, `{"level":3}`, `{"level":"mid"}`, `{"mode":"off"}`} {
		var s schemadefaults.Settings
		if err := json.Unmarshal([]byte(body), &s); err == nil {
			t.Errorf("%s decoded: %+v", body, s)
		}
	}
	bad := schemadefaults.SettingsLevelVariant1(3)
	_, err := c.PostSettings(context.Background(), schemadefaults.PostSettingsParams{},
		schemadefaults.Settings{Level: &schemadefaults.SettingsLevel{SettingsLevelVariant1: &bad}})
	if !errors.Is(err, schemadefaults.ErrInvalidInput) {
		t.Errorf("an unknown enum value in a union was sent: %v", err)
	}
}

// TestInlineDiscriminated: a discriminator without mapping over inline
// variants is decided by trying them: the property's enum in each tells
// them apart, a value of neither is refused by the client's decoding and
// by the server.
func TestInlineDiscriminated(t *testing.T) {
	srv, c := serve(t)
	for body, first := range map[string]bool{`{"type":"server_vad","ms":5}`: true, `{"type":"semantic_vad"}`: false} {
		var s schemadefaults.Settings
		if err := json.Unmarshal([]byte(`{"turn":`+body+`}`), &s); err != nil || s.Turn == nil ||
			(s.Turn.SettingsTurnVariant1 != nil) != first || (s.Turn.SettingsTurnVariant2 != nil) == first {
			t.Errorf("%s: %+v, %v", body, s.Turn, err)
			continue
		}
		out, err := c.PostSettings(context.Background(), schemadefaults.PostSettingsParams{}, s)
		if b, _ := json.Marshal(out.Settings.Turn); err != nil || string(b) != body {
			t.Errorf("%s came back as %s, %v", body, b, err)
		}
	}
	for _, body := range []string{`{"type":"other"}`, `{"type":"server_vad","ms":-1}`, `{}`} {
		resp, err := http.Post(srv.URL+"/settings", "application/json", strings.NewReader(`{"turn":`+body+`}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", body, resp.StatusCode)
		}
	}
}
