package emit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/spec"
)

func TestServerOfTheNexmoSpec(t *testing.T) {
	files := generated(t, spec.YAML, "nexmo")
	types := files["server.go"]
	for _, op := range []string{"GetBalance", "GetOutboundPricing", "UpdateSettings", "ListOwnedNumbers",
		"SearchAvailableNumbers", "BuyNumber", "CancelNumber", "TopUp", "UpdateNumber", "GetOutboundPricingByType"} {
		method := op + "(ctx context.Context, in *" + op + "Input) (" + op + "Response, error)"
		if !strings.Contains(types, method) {
			t.Errorf("Handler lacks %s", method)
		}
	}
	// The spec's own BuyNumberRequest stays the body; the input wraps it.
	if !strings.Contains(types, "type BuyNumberInput struct") || !strings.Contains(types, "Body BuyNumberRequest") {
		t.Errorf("BuyNumberInput does not wrap the BuyNumberRequest body:\n%s", types)
	}
	routes := files["server_routes.go"]
	for _, want := range []string{
		`{segments: [][]string{{"account"}, {"get-pricing"}, {"outbound"}, {"", ""}}, allow: "GET, HEAD", ops: []srvRouteOp{{`,
		`params: []string{"type_"},`,
		`serve:  (*server).serveGetOutboundPricingByType,`,
		`{segments: [][]string{{"number"}, {"buy"}}, allow: "POST", ops: []srvRouteOp{{`,
		`path:      "/account/get-pricing/outbound/{type}",`,
		`errorRoot: "accountBalance"`,
		`srvWire{srvSrcPath, "type", "type_", true, false, 0}`,
		`srvWire{srvSrcQuery, "features", "features", false, false, ','}`,
	} {
		if !strings.Contains(routes, want) {
			t.Errorf("server_routes.go lacks %s", want)
		}
	}
	responses := files["server_responses.go"]
	for _, want := range []string{
		"type EnvelopeMethodFailedResponse struct", "RetryAfter *int", "func (EnvelopeMethodFailedResponse) isBuyNumberResponse() {}",
		"func (EnvelopeMethodFailedResponse) isCancelNumberResponse() {}", "type BuyNumber420Response = EnvelopeMethodFailedResponse",
		`h.Set("Retry-After", strconv.Itoa(*v.RetryAfter))`,
	} {
		if !strings.Contains(responses, want) {
			t.Errorf("server_responses.go lacks %s", want)
		}
	}
	for name, src := range files {
		if strings.HasPrefix(name, "server") && (strings.Contains(src, `"reflect"`) || strings.Contains(src, "RawQuery)\n\ts.config.logger")) {
			t.Errorf("%s imports reflect or logs the query", name)
		}
	}
}

// TestServerOfAnotherSpec generates the server stubs of two specs unlike
// Nexmo's (widgets: no credentials, a path parameter named widget-id, a
// required header, an exploded array, numbers and booleans, a JSON body,
// 201, 204, a response header and a default problem+json
// response; items: HTTP Basic only) and runs tests of them, in a throwaway
// module, over 127.0.0.1.
func TestServerOfAnotherSpec(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("the go command is needed to compile the generated server")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module widgets.test\n\ngo 1.26\n")
	for name, src := range generated(t, []byte(widgetsSpec), "widgets") {
		writeFile(t, filepath.Join(dir, "widgets", name), src)
	}
	writeFile(t, filepath.Join(dir, "widgets", "server_test.go"), widgetsTest)
	itemsDir := t.TempDir()
	writeFile(t, filepath.Join(itemsDir, "go.mod"), "module items.test\n\ngo 1.26\n")
	for name, src := range generated(t, []byte(itemsSpec), "items") {
		writeFile(t, filepath.Join(itemsDir, "items", name), src)
	}
	writeFile(t, filepath.Join(itemsDir, "items", "server_test.go"), itemsServerTest)
	for _, d := range []string{dir, itemsDir} {
		for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
			cmd := exec.Command("go", args...)
			cmd.Dir = d
			cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("go %s of the generated server: %v\n%s", args[0], err, out)
			}
		}
	}
}

// routesSpec has paths the router cannot serve: two parameters with no
// text between them, a parameter twice; and one it serves, a parameter
// with literal text in its segment.
const routesSpec = `openapi: 3.0.3
info:
  title: Routes
  version: "1"
paths:
  /files/{name}{ext}:
    get:
      operationId: getFile
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
        - {name: ext, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok}
  /a/{x}/b/{x}:
    get:
      operationId: getAXB
      parameters:
        - {name: x, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok}
  /a/{x}.json/b:
    get:
      operationId: getAXJSON
      parameters:
        - {name: x, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok}
`

func TestServerRoutesItCannotServe(t *testing.T) {
	_, _, err := generator.Generate([]byte(routesSpec), "routes.yaml", generator.Options{Package: "routes"})
	if err == nil {
		t.Fatal("no error for unservable paths")
	}
	for _, want := range []string{
		`routes.yaml:7:5: unsupported: path "/files/{name}{ext}": segment "{name}{ext}": parameters {name} and {ext} need literal text between them`,
		`routes.yaml:15:5: path "/a/{x}/b/{x}": segment "{x}": {x} comes twice in the path`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 2 {
		t.Errorf("%d lines, want 2 (one per problem):\n%v", n, err)
	}
}

// handlerSpec names a schema Handler, as the server's interface is named.
const handlerSpec = `openapi: 3.0.3
info:
  title: Handlers
  version: "1"
paths:
  /handler:
    get:
      operationId: getHandler
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Handler"
components:
  schemas:
    Handler:
      type: object
      properties:
        name:
          type: string
`

// TestServerNamesNeverCollide generates a spec with a schema named like
// the server's Handler: either the schema's type is renamed (the build
// reserves the server's names) or the build says why it cannot; never code
// that does not compile.
func TestServerNamesNeverCollide(t *testing.T) {
	files, _, err := generator.Generate([]byte(handlerSpec), "handlers.yaml", generator.Options{Package: "handlers"})
	if err != nil {
		if !strings.Contains(err.Error(), `handlers.yaml:18:5: unsupported: schema "Handler" becomes the Go name Handler, which the server stubs declare`) {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	for _, f := range files {
		if f.Name == "models.go" && strings.Contains(string(f.Bytes), "type Handler struct") {
			t.Errorf("the schema Handler took the server's name")
		}
	}
}
