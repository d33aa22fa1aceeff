package emit_test

// widgetsSpec is a small API unlike Nexmo's, for TestServerOfAnotherSpec:
// no credentials, a path parameter whose name is not a Go identifier, a
// required header, an exploded array, numbers and booleans, a JSON body,
// 201, 204, a response header, and a default problem+json response.
const widgetsSpec = `openapi: 3.0.3
info:
  title: Widgets API
  version: "1.0"
paths:
  /widgets:
    post:
      operationId: createWidget
      summary: Create a widget
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/Widget"
      responses:
        "201":
          description: Created.
          headers:
            X-Remaining:
              description: Widgets left to create.
              schema:
                type: integer
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Widget"
        default:
          description: Failure.
          content:
            application/problem+json:
              schema:
                $ref: "#/components/schemas/Problem"
  /widgets/{widget-id}:
    get:
      operationId: getWidget
      summary: Get a widget
      parameters:
        - name: widget-id
          in: path
          required: true
          schema:
            type: string
            pattern: "^[a-z0-9-]+$"
        - name: X-Tenant
          in: header
          required: true
          schema:
            type: string
        - name: tag
          in: query
          style: form
          explode: true
          schema:
            type: array
            items:
              type: string
        - name: ratio
          in: query
          schema:
            type: number
            maximum: 1
        - name: verbose
          in: query
          schema:
            type: boolean
      responses:
        "200":
          description: The widget.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Widget"
    delete:
      operationId: deleteWidget
      summary: Delete a widget
      parameters:
        - name: widget-id
          in: path
          required: true
          schema:
            type: string
      responses:
        "204":
          description: Deleted.
components:
  schemas:
    Widget:
      type: object
      required: [name]
      properties:
        name:
          type: string
          minLength: 1
        size:
          type: integer
          default: 3
    Problem:
      type: object
      properties:
        title:
          type: string
        status:
          type: integer
`

// widgetsTest drives the generated widgets server over 127.0.0.1.
const widgetsTest = `package widgets_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"widgets.test/widgets"
)

type handler struct{ last any }

func (h *handler) CreateWidget(_ context.Context, in *widgets.CreateWidgetInput) (widgets.CreateWidgetResponse, error) {
	h.last = in
	if in.Body.Name == "teapot" {
		return widgets.CreateWidgetDefaultResponse{Status: 418, Body: widgets.Problem{Title: "teapot", Status: 418}}, nil
	}
	if in.Body.Name == "bad-status" {
		return widgets.CreateWidgetDefaultResponse{Status: 42}, nil
	}
	return widgets.CreateWidget201Response{Body: in.Body, XRemaining: widgets.Ptr(0)}, nil
}

func (h *handler) GetWidget(_ context.Context, in *widgets.GetWidgetInput) (widgets.GetWidgetResponse, error) {
	h.last = in
	if in.Params.WidgetID == "broken" {
		return nil, errors.New("disk on fire")
	}
	return widgets.GetWidget200Response{Body: widgets.Widget{Name: in.Params.WidgetID}}, nil
}

func (h *handler) DeleteWidget(_ context.Context, in *widgets.DeleteWidgetInput) (widgets.DeleteWidgetResponse, error) {
	h.last = in
	return widgets.DeleteWidget204Response{}, nil
}

type reply struct {
	status int
	header http.Header
	body   string
}

func send(t *testing.T, srv *httptest.Server, method, target, body string, header map[string]string) reply {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header, string(b)}
}

func start(t *testing.T) (*handler, *httptest.Server) {
	h := &handler{}
	srv := httptest.NewServer(widgets.NewServer(h, widgets.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	return h, srv
}

func TestParamsOfEveryKind(t *testing.T) {
	h, srv := start(t)
	r := send(t, srv, "GET", "/widgets/w-1?tag=a&tag=b%2Cc&ratio=0.5&verbose=true", "", map[string]string{"X-Tenant": "acme"})
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	in := h.last.(*widgets.GetWidgetInput)
	p := in.Params
	if p.WidgetID != "w-1" || p.XTenant != "acme" || strings.Join(p.Tag, "|") != "a|b,c" || p.Ratio == nil || *p.Ratio != 0.5 || p.Verbose == nil || !*p.Verbose {
		t.Errorf("params %+v", p)
	}
	if in.User != "" {
		t.Errorf("User %q without credentials", in.User)
	}
	for target, want := range map[string]string{
		"/widgets/w-1?ratio=2":       "maximum",
		"/widgets/w-1?ratio=NaN":     "not a number",
		"/widgets/w-1?verbose=maybe": "true or false",
		"/widgets/W_1":               "widget-id",
	} {
		r := send(t, srv, "GET", target, "", map[string]string{"X-Tenant": "acme"})
		if r.status != 400 || !strings.Contains(r.body, want) || !strings.Contains(r.body, "\"code\":\"400\"") {
			t.Errorf("%s: %d %s, want 400 saying %q", target, r.status, r.body, want)
		}
	}
	r = send(t, srv, "GET", "/widgets/w-1", "", nil)
	if r.status != 400 || !strings.Contains(r.body, "header parameter") || !strings.Contains(r.body, "X-Tenant") || !strings.Contains(r.body, "is required") {
		t.Errorf("no header: %d %s", r.status, r.body)
	}
}

func TestJSONBodyDefaultsAndResponses(t *testing.T) {
	h, srv := start(t)
	r := send(t, srv, "POST", "/widgets", ` + "`" + `{"name":"cog"}` + "`" + `, map[string]string{"Content-Type": "application/json"})
	if r.status != 201 || r.header.Get("X-Remaining") != "0" {
		t.Fatalf("%d %v %s", r.status, r.header, r.body)
	}
	var w widgets.Widget
	if err := json.Unmarshal([]byte(r.body), &w); err != nil || w.Name != "cog" {
		t.Errorf("created %+v (%v)", w, err)
	}
	if in := h.last.(*widgets.CreateWidgetInput); in.Body.Name != "cog" {
		t.Errorf("input %+v", in.Body)
	}
	for body, want := range map[string]int{` + "`" + `{"name":""}` + "`" + `: 400, ` + "`" + `{"name":` + "`" + `: 400, "": 400} {
		if r := send(t, srv, "POST", "/widgets", body, map[string]string{"Content-Type": "application/json"}); r.status != want {
			t.Errorf("body %q: %d %s", body, r.status, r.body)
		}
	}
	r = send(t, srv, "POST", "/widgets", ` + "`" + `{"name":"teapot"}` + "`" + `, map[string]string{"Content-Type": "application/json"})
	if r.status != 418 || r.header.Get("Content-Type") != "application/problem+json" || !strings.Contains(r.body, "teapot") {
		t.Errorf("default response: %d %v %s", r.status, r.header, r.body)
	}
	if r = send(t, srv, "POST", "/widgets", ` + "`" + `{"name":"bad-status"}` + "`" + `, map[string]string{"Content-Type": "application/json"}); r.status != 500 {
		t.Errorf("default response with status 42: %d", r.status)
	}
	if r = send(t, srv, "DELETE", "/widgets/w-1", "", nil); r.status != 204 || r.body != "" {
		t.Errorf("delete: %d %q", r.status, r.body)
	}
	if r = send(t, srv, "PUT", "/widgets/w-1", "", nil); r.status != 405 || r.header.Get("Allow") != "DELETE, GET, HEAD" {
		t.Errorf("PUT: %d Allow %q", r.status, r.header.Get("Allow"))
	}
	r = send(t, srv, "GET", "/widgets/broken", "", map[string]string{"X-Tenant": "acme"})
	if r.status != 500 || strings.Contains(r.body, "fire") {
		t.Errorf("handler error: %d %s", r.status, r.body)
	}
}
`

// itemsServerTest drives the generated items server (HTTP Basic only).
const itemsServerTest = `package items_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"items.test/items"
)

type itemsHandler struct{}

func (itemsHandler) ListItems(_ context.Context, in *items.ListItemsInput) (items.ListItemsResponse, error) {
	return items.ListItems200Response{Body: []items.Item{{Name: in.User}}}, nil
}

func (itemsHandler) CreateItem(_ context.Context, in *items.CreateItemInput) (items.CreateItemResponse, error) {
	return items.CreateItem201Response{Body: in.Body}, nil
}

func (itemsHandler) DeleteItem(_ context.Context, in *items.DeleteItemInput) (items.DeleteItemResponse, error) {
	return items.DeleteItem204Response{}, nil
}

func TestBasicOnlyServer(t *testing.T) {
	srv := httptest.NewServer(items.NewServer(itemsHandler{}, items.WithBasicAuthVerifier(items.StaticBasic("k", "s"))))
	defer srv.Close()
	for _, tc := range []struct {
		user, pass, query string
		want              int
	}{{"k", "s", "", 200}, {"k", "x", "", 401}, {"", "", "api_key=k&api_secret=s", 401}} {
		req, _ := http.NewRequest("GET", srv.URL+"/items?"+tc.query, nil)
		req.Header.Set("X-Trace", "t")
		if tc.user != "" {
			req.SetBasicAuth(tc.user, tc.pass)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%+v: %d", tc, resp.StatusCode)
		}
	}
}
`
