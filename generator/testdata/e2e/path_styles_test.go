// This file is copied, with the code generated from ../path_styles.txtar,
// into a throwaway module by generator/param_styles_e2e_test.go: path
// parameters in every style of OpenAPI's style table, header objects and
// an array cookie, between the generated client and server over loopback,
// and the table's rows sent by hand.
package paths_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"paths.test/paths"
)

type styles struct{}

func answer(v any) (map[string]json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out map[string]json.RawMessage
	return out, json.Unmarshal(b, &out)
}

func (styles) SimplePath(_ context.Context, in *paths.SimplePathInput) (paths.SimplePathResponse, error) {
	b, err := answer(in.Params)
	return paths.SimplePath200Response{Body: b}, err
}

func (styles) LabelPath(_ context.Context, in *paths.LabelPathInput) (paths.LabelPathResponse, error) {
	b, err := answer(in.Params)
	return paths.LabelPath200Response{Body: b}, err
}

func (styles) MatrixPath(_ context.Context, in *paths.MatrixPathInput) (paths.MatrixPathResponse, error) {
	b, err := answer(in.Params)
	return paths.MatrixPath200Response{Body: b}, err
}

func (styles) Others(_ context.Context, in *paths.OthersInput) (paths.OthersResponse, error) {
	b, err := answer(in.Params)
	return paths.Others200Response{Body: b}, err
}

// sent records the escaped path and the headers of the last request.
type sent struct {
	mu       sync.Mutex
	path     string
	rawQuery string
	header   http.Header
	next     http.Handler
}

func (s *sent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.path, s.rawQuery, s.header = r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone()
	s.mu.Unlock()
	s.next.ServeHTTP(w, r)
}

func setup(t *testing.T) (*paths.Client, *sent, string) {
	t.Helper()
	s := &sent{next: paths.NewServer(styles{})}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	c, err := paths.NewClient(paths.WithBaseURL(srv.URL), paths.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c, s, srv.URL
}

var (
	colors = []string{"blue", "black", "brown"}
	rgb    = paths.Color{R: 100, G: 200, B: 150}
	bound  = map[string]string{
		"Color": `"blue"`, "Colors": `["blue","black","brown"]`, "Colorsx": `["blue","black","brown"]`,
		"Rgb": `{"R":100,"G":200,"B":150}`, "Rgbx": `{"R":100,"G":200,"B":150}`,
	}
)

func check(t *testing.T, what string, got map[string]json.RawMessage, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if string(got[k]) != w {
			t.Errorf("%s: bound %s = %s, want %s", what, k, got[k], w)
		}
	}
}

// TestPathStylesClientAgainstServer sends the style table's values
// (color = "blue", ["blue","black","brown"], {R: 100, G: 200, B: 150})
// and checks the path against the table's rows.
func TestPathStylesClientAgainstServer(t *testing.T) {
	c, s, _ := setup(t)
	ctx := context.Background()
	got, err := c.SimplePath(ctx, paths.SimplePathParams{Color: "blue", Colors: colors, Colorsx: colors, Rgb: rgb, Rgbx: rgb})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "simple", got, bound)
	if want := "/simple/blue/blue,black,brown/blue,black,brown/R,100,G,200,B,150/R=100,G=200,B=150"; s.path != want {
		t.Errorf("simple: path %s, want %s", s.path, want)
	}
	got, err = c.LabelPath(ctx, paths.LabelPathParams{Color: "blue", Colors: colors, Colorsx: colors, Rgb: rgb, Rgbx: rgb})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "label", got, bound)
	if want := "/label/.blue/.blue,black,brown/.blue.black.brown/.R,100,G,200,B,150/.R=100.G=200.B=150"; s.path != want {
		t.Errorf("label: path %s, want %s", s.path, want)
	}
	got, err = c.MatrixPath(ctx, paths.MatrixPathParams{Color: "blue", Colors: colors, Colorsx: colors, Rgb: rgb, Rgbx: rgb})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "matrix", got, bound)
	if want := "/matrix/;color=blue/;colors=blue,black,brown/;colorsx=blue;colorsx=black;colorsx=brown/;rgb=R,100,G,200,B,150/;R=100;G=200;B=150"; s.path != want {
		t.Errorf("matrix: path %s, want %s", s.path, want)
	}
	// A value with a space and a slash is escaped and comes back whole.
	got, err = c.MatrixPath(ctx, paths.MatrixPathParams{Color: "a b/c", Colors: []string{"x y"}, Colorsx: []string{"p/q", "r"}, Rgb: paths.Color{R: 1}, Rgbx: paths.Color{R: 2, B: 3}})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "matrix escaped", got, map[string]string{"Color": `"a b/c"`, "Colors": `["x y"]`, "Colorsx": `["p/q","r"]`, "Rgb": `{"R":1}`, "Rgbx": `{"R":2,"B":3}`})
	// Header objects and an array cookie.
	file := "/a/b:c?d&e=f#g+h (i)@j"
	got, err = c.Others(ctx, paths.OthersParams{XColor: &rgb, XColorx: &rgb, Colors: colors, File: &file, Plain: &file})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "others", got, map[string]string{"XColor": bound["Rgb"], "XColorx": bound["Rgb"], "Colors": bound["Colors"], "File": `"/a/b:c?d\u0026e=f#g+h (i)@j"`, "Plain": `"/a/b:c?d\u0026e=f#g+h (i)@j"`})
	// allowReserved: the reserved characters as they are, but those that
	// would change the query (& = # +).
	if want := "file=/a/b:c?d%26e%3Df%23g%2Bh+(i)@j&plain=%2Fa%2Fb%3Ac%3Fd%26e%3Df%23g%2Bh+%28i%29%40j"; s.rawQuery != want {
		t.Errorf("query %s, want %s", s.rawQuery, want)
	}
	if s.header.Get("X-Color") != "R,100,G,200,B,150" || s.header.Get("X-Colorx") != "R=100,G=200,B=150" || s.header.Get("Cookie") != "colors=blue%2Cblack%2Cbrown" {
		t.Errorf("headers %v", s.header)
	}
	// The client validates the object's properties and the array.
	if _, err := c.LabelPath(ctx, paths.LabelPathParams{Color: "blue", Colors: colors, Colorsx: colors, Rgb: paths.Color{R: 256}, Rgbx: rgb}); err == nil || !strings.Contains(err.Error(), "rgb.R") {
		t.Errorf("R 256: %v", err)
	}
}

// TestPathStylesServer sends the style table's rows, and broken ones, by
// hand.
func TestPathStylesServer(t *testing.T) {
	_, _, base := setup(t)
	for _, tc := range []struct {
		path   string
		status int
		in     string
	}{
		{"/simple/blue/blue,black,brown/blue,black,brown/R,100,G,200,B,150/R=100,G=200,B=150", 200, `"Rgbx":{"R":100,"G":200,"B":150}`},
		{"/label/.blue/.blue,black,brown/.blue.black.brown/.R,100,G,200,B,150/.R=100.G=200.B=150", 200, `"Colorsx":["blue","black","brown"]`},
		{"/matrix/;color=blue/;colors=blue,black,brown/;colorsx=blue;colorsx=black;colorsx=brown/;rgb=R,100,G,200,B,150/;R=100;G=200;B=150", 200, `"Rgb":{"R":100,"G":200,"B":150}`},
		{"/matrix/;color=blue/;colors=a/;colorsx=b/;rgb=R,1/;R=2", 200, `"Colorsx":["b"]`},
		{"/label/blue/.a/.b/.R,1/.R=2", 400, `not of style label`},
		{"/matrix/;colour=blue/;colors=a/;colorsx=b/;rgb=R,1/;R=2", 400, `not of style matrix`},
		{"/matrix/;color=blue/;colors=a/;colorsx=b/;rgb=R,1/R=2", 400, `rgbx`},
		{"/simple/b/a/b/R,1/R=2", 400, `minimum length 2`},
		{"/simple/blue/a,b,c,d/b/R,1/R=2", 400, `more than the maximum 3`},
		{"/simple/blue/a/b/R,1,G/R=2", 400, `names and values`},
		{"/simple/blue/a/b/R,1/R", 400, `name=value`},
		{"/simple/blue/a/b/G,1/R=2", 400, `rgb.R`},
		{"/simple/blue/a/b/R,x/R=2", 400, `rgb.R`},
		{"/simple/blue/a/b/R,300/R=2", 400, `path parameter \"rgb.R\": 300 is greater than the maximum 255`},
	} {
		resp, err := http.Get(base + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.in) {
			t.Errorf("%s: %d %s, want %d with %s", tc.path, resp.StatusCode, b, tc.status, tc.in)
		}
	}
	for _, tc := range []struct {
		header, value string
		status        int
		in            string
	}{
		{"X-Color", "R,1,B,2", 200, `"XColor":{"R":1,"B":2}`},
		{"X-Colorx", "R=1,B=2", 200, `"XColorx":{"R":1,"B":2}`},
		{"X-Colorx", "R,1", 400, `X-Colorx`},
		{"Cookie", "colors=a%2Cb", 200, `"Colors":["a","b"]`},
		{"Cookie", "colors=a", 400, `minimum 2`},
	} {
		req, _ := http.NewRequest("GET", base+"/others", nil)
		req.Header.Set(tc.header, tc.value)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.in) {
			t.Errorf("%s: %s: %d %s, want %d with %s", tc.header, tc.value, resp.StatusCode, b, tc.status, tc.in)
		}
	}
}
