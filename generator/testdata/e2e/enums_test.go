// This file is copied, with the code generated from ../enums_unnamed.txtar,
// into a throwaway module by generator/subset_e2e_test.go: integer, number
// and boolean enums without x-enum-varnames go through query parameters and
// JSON between the generated client and server over loopback.
package enums_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"enums.test/enums"
)

type levels struct{ enums.UnimplementedHandler }

func (levels) GetLevel(_ context.Context, in *enums.GetLevelInput) (enums.GetLevelResponse, error) {
	p := in.Params
	return enums.GetLevel200Response{Body: enums.Reading{Level: p.Level, Scale: p.Scale, On: p.On}}, nil
}

func (levels) PostReading(_ context.Context, in *enums.PostReadingInput) (enums.PostReadingResponse, error) {
	return enums.PostReading200Response{Body: in.Body}, nil
}

func TestEnumsEndToEnd(t *testing.T) {
	srv := httptest.NewServer(enums.NewServer(levels{}, enums.WithServerLogger(nil)))
	defer srv.Close()
	c, err := enums.NewClient(enums.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got, err := c.GetLevel(ctx, enums.GetLevelParams{Level: enums.LevelMinus2, Scale: enums.Scale0Point25, On: enums.OnTrue})
	if err != nil || got.Level != enums.LevelMinus2 || got.Scale != enums.Scale0Point25 || got.On != enums.OnTrue {
		t.Fatalf("GetLevel: %+v, %v", got, err)
	}
	// A value the spec does not list is refused before it is sent.
	var ve *enums.ValidationError
	if _, err := c.GetLevel(ctx, enums.GetLevelParams{Level: 3}); !errors.As(err, &ve) || ve.Rule != "enum" || ve.Value != "3" || ve.Limit != "0, 1, -2, 10" {
		t.Errorf("GetLevel(3): %v", err)
	}
	// ... and by the server.
	for _, q := range []string{"level=3", "level=1&scale=0.3", "level=1&on=false", "level=x"} {
		resp, err := http.Get(srv.URL + "/levels?" + q)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET /levels?%s: %d %s, want 400", q, resp.StatusCode, b)
		}
	}
	// The default of a boolean enum, applied by the client; JSON round trip.
	back, err := c.PostReading(ctx, enums.Reading{Level: enums.Level10, Scale: enums.ScaleMinus1Point5})
	if err != nil || back.Flag != enums.ReadingFlagTrue || back.Level != enums.Level10 || back.Scale != enums.ScaleMinus1Point5 {
		t.Fatalf("PostReading: %+v, %v", back, err)
	}
	for _, r := range []enums.Reading{{Level: enums.Level0}, {Level: enums.LevelMinus2, Scale: enums.Scale2, On: enums.OnTrue, Flag: enums.ReadingFlagFalse}} {
		b, _ := json.Marshal(r)
		var again enums.Reading
		if err := json.Unmarshal(b, &again); err != nil || again != r {
			t.Errorf("round trip of %s: %+v, %v", b, again, err)
		}
	}
	resp, err := http.Post(srv.URL+"/levels", "application/json", strings.NewReader(`{"level":1,"scale":2,"on":true,"flag":false}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"level":1`) || !strings.Contains(string(b), `"scale":2`) {
		t.Errorf("POST /levels: %d %s", resp.StatusCode, b)
	}
}
