package emit_test

// itemsSpec is a small API unlike Nexmo's, for TestClientOfAnotherSpec.
const itemsSpec = `openapi: 3.0.3
info:
  title: Items API
  version: "1.0"
servers:
  - url: https://items.example.com/v1
security:
  - basicAuth: []
paths:
  /items:
    get:
      operationId: listItems
      summary: List items
      parameters:
        - name: tags
          in: query
          style: form
          explode: true
          schema:
            type: array
            items:
              type: string
        - name: limit
          in: query
          schema:
            type: integer
            minimum: 1
            maximum: 50
        - name: X-Trace
          in: header
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The items.
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "#/components/schemas/Item"
    post:
      operationId: createItem
      summary: Create an item
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/Item"
      responses:
        "201":
          description: Created.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Item"
        "400":
          description: Bad item.
          content:
            application/problem+json:
              schema:
                $ref: "#/components/schemas/Problem"
  /items/{itemId}:
    delete:
      operationId: deleteItem
      summary: Delete an item
      parameters:
        - name: itemId
          in: path
          required: true
          schema:
            type: string
            maxLength: 40
      responses:
        "204":
          description: Deleted.
        "404":
          description: Not found.
          content:
            application/problem+json:
              schema:
                $ref: "#/components/schemas/Problem"
components:
  securitySchemes:
    basicAuth:
      type: http
      scheme: basic
  schemas:
    Item:
      type: object
      required: [name]
      properties:
        name:
          type: string
          minLength: 1
        count:
          type: integer
        password:
          type: string
          format: password
        owner:
          $ref: "#/components/schemas/Owner"
    Owner:
      type: object
      properties:
        name:
          type: string
        token:
          type: string
          format: password
    Problem:
      type: object
      properties:
        title:
          type: string
        status:
          type: integer
`

// itemsTest drives the generated items client against an httptest server.
const itemsTest = `package items_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"items.test/items"
)

func client(t *testing.T, h http.HandlerFunc, opts ...items.Option) *items.Client {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := items.NewClient("k", "s", append([]items.Option{items.WithBaseURL(srv.URL)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestOnlyDeclaredAuth(t *testing.T) {
	if _, err := items.NewClient("k", "s", items.WithSchemes("apiKey", "apiSecret")); err == nil {
		t.Error("WithSchemes of query keys accepted by an API with HTTP Basic only")
	}
	if _, err := items.NewClient("k", "s", items.WithSchemes("basicAuth")); err != nil {
		t.Error(err)
	}
}

func TestPathEscapedAndNoContent(t *testing.T) {
	var path string
	c := client(t, func(w http.ResponseWriter, r *http.Request) {
		path = r.Method + " " + r.URL.EscapedPath()
		w.WriteHeader(http.StatusNoContent)
	})
	if err := c.DeleteItem(t.Context(), items.DeleteItemParams{ItemID: "a/b c?"}); err != nil {
		t.Fatal(err)
	}
	if path != "DELETE /items/a%2Fb%20c%3F" {
		t.Errorf("request %q", path)
	}
}

func TestProblemJSON(t *testing.T) {
	c := client(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, ` + "`" + `{"title":"Not Found","status":404}` + "`" + `)
	})
	err := c.DeleteItem(t.Context(), items.DeleteItemParams{ItemID: "x"})
	var ae *items.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 404 || ae.Label != "Not Found" || ae.Code != "404" {
		t.Fatalf("err = %v", err)
	}
}

func TestExplodedArrayHeaderAndArrayAnswer(t *testing.T) {
	c := client(t, func(w http.ResponseWriter, r *http.Request) {
		if got := r.URL.Query()["tags"]; strings.Join(got, "|") != "a|b,c" {
			t.Errorf("tags = %q", got)
		}
		if r.Header.Get("X-Trace") != "t-1" || r.URL.Query().Has("limit") {
			t.Errorf("header %q, query %q", r.Header.Get("X-Trace"), r.URL.RawQuery)
		}
		if user, pass, _ := r.BasicAuth(); user != "k" || pass != "s" {
			t.Errorf("credentials %q %q", user, pass)
		}
		if r.Header.Get("Accept") != "application/json" {
			t.Errorf("Accept %q for an operation that answers JSON only", r.Header.Get("Accept"))
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, ` + "`" + `[{"name":"one","count":1},{"name":"two"}]` + "`" + `)
	}, items.WithXML()) // the operation answers JSON only: asked for JSON anyway
	got, err := c.ListItems(t.Context(), items.ListItemsParams{Tags: []string{"a", "b,c"}, XTrace: "t-1"})
	if err != nil || len(got) != 2 || got[0].Name != "one" || got[0].Count != 1 {
		t.Fatalf("ListItems = %+v, %v", got, err)
	}
}

func TestJSONBodyCreated(t *testing.T) {
	c := client(t, func(w http.ResponseWriter, r *http.Request) {
		var in items.Item
		if r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&in) != nil || in.Name != "new" {
			t.Errorf("body %+v", in)
		}
		// Secrets in a JSON body are sent, not redacted.
		if in.Password.Reveal() != "pw" || in.Owner == nil || in.Owner.Token.Reveal() != "tok" || in.Owner.Name != "me" {
			t.Errorf("secrets sent as %+v", in)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(items.Item{Name: "new", Count: 7})
	})
	got, err := c.CreateItem(t.Context(), items.Item{Name: "new", Password: "pw", Owner: &items.Owner{Name: "me", Token: "tok"}})
	if err != nil || got.Count != 7 {
		t.Fatalf("CreateItem = %+v, %v", got, err)
	}
	if _, err := c.CreateItem(t.Context(), items.Item{}); !errors.Is(err, items.ErrInvalidInput) {
		t.Errorf("empty name: %v", err)
	}
}
`
