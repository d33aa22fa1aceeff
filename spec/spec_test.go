package spec

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// load parses data as the spec, with origin tracking on, and validates it
// with examples and formats checked.
func load(t *testing.T, data []byte) (*openapi3.T, error) {
	t.Helper()
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	doc, err := loader.LoadFromDataWithPath(data, &url.URL{Path: Path})
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	err = doc.Validate(context.Background(),
		openapi3.EnableExamplesValidation(),
		openapi3.EnableSchemaFormatValidation(),
		openapi3.EnableMultiError())
	return doc, err
}

func mustLoad(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := load(t, YAML)
	if err != nil {
		t.Fatalf("%s: %v", Path, err)
	}
	return doc
}

func TestValidate(t *testing.T) {
	doc := mustLoad(t)
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi = %q, want 3.0.3", doc.OpenAPI)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "https://rest.nexmo.com" {
		t.Errorf("servers = %v, want just https://rest.nexmo.com", doc.Servers)
	}
}

// TestExamplesAreValidated proves TestValidate can fail: a copy of the spec
// with one example value broken must not validate.
func TestExamplesAreValidated(t *testing.T) {
	for _, tc := range []struct{ name, old, new string }{
		{"type", "value: 3.14159", "value: lots"},
		{"pattern", `msisdn: "447700900000"`, `msisdn: "+447700900000"`},
		{"enum", "type: mobile-lvn\n            features: [VOICE, SMS]\n    Empty",
			"type: mobile\n            features: [VOICE, SMS]\n    Empty"},
		{"error schema", `error-code: "401"`, `error-code: 401`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if n := bytes.Count(YAML, []byte(tc.old)); n < 1 {
				t.Fatalf("%q occurs %d times in the spec; update this test", tc.old, n)
			}
			bad := bytes.Replace(YAML, []byte(tc.old), []byte(tc.new), 1)
			_, err := load(t, bad)
			if err == nil {
				t.Fatalf("replacing %q by %q: the spec still validates", tc.old, tc.new)
			}
			if !strings.Contains(err.Error(), "example") {
				t.Errorf("replacing %q by %q: want an example error, got %v", tc.old, tc.new, err)
			}
		})
	}
}

// wantOperations lists the operations in their order in the file.
var wantOperations = []struct{ id, method, path, tag string }{
	{"getBalance", http.MethodGet, "/account/get-balance", "Account"},
	{"getOutboundPricing", http.MethodGet, "/account/get-pricing/outbound", "Pricing"},
	{"updateSettings", http.MethodPost, "/account/settings", "Account"},
	{"listOwnedNumbers", http.MethodGet, "/account/numbers", "Numbers"},
	{"searchAvailableNumbers", http.MethodGet, "/number/search", "Numbers"},
	{"buyNumber", http.MethodPost, "/number/buy", "Numbers"},
	{"cancelNumber", http.MethodPost, "/number/cancel", "Numbers"},
	{"topUp", http.MethodPost, "/account/top-up", "Account"},
	{"updateNumber", http.MethodPost, "/number/update", "Numbers"},
	{"getOutboundPricingByType", http.MethodGet, "/account/get-pricing/outbound/{type}", "Pricing"},
}

func TestOperations(t *testing.T) {
	doc := mustLoad(t)
	n := 0
	for _, item := range doc.Paths.Map() {
		n += len(item.Operations())
	}
	if n != len(wantOperations) {
		t.Errorf("%d operations, want %d", n, len(wantOperations))
	}
	lastLine := 0
	for _, w := range wantOperations {
		op := operation(doc, w.method, w.path)
		if op == nil {
			t.Errorf("%s %s: missing", w.method, w.path)
			continue
		}
		if op.OperationID != w.id {
			t.Errorf("%s %s: operationId %q, want %q", w.method, w.path, op.OperationID, w.id)
		}
		if line := op.Origin.Key.Line; line < lastLine {
			t.Errorf("%s at line %d: out of order", w.id, line)
		} else {
			lastLine = line
		}
		checkOperation(t, w.id, w.method, w.tag, op)
	}
}

func operation(doc *openapi3.T, method, path string) *openapi3.Operation {
	item := doc.Paths.Find(path)
	if item == nil {
		return nil
	}
	return item.GetOperation(method)
}

func checkOperation(t *testing.T, id, method, tag string, op *openapi3.Operation) {
	t.Helper()
	if op.Summary == "" || op.Description == "" {
		t.Errorf("%s: needs a summary and a description", id)
	}
	if !slices.Equal(op.Tags, []string{tag}) {
		t.Errorf("%s: tags %v, want [%s]", id, op.Tags, tag)
	}
	if got, ok := op.Extensions["x-nexmogen-idempotent"].(bool); !ok || got != (method == http.MethodGet) {
		t.Errorf("%s: x-nexmogen-idempotent = %v, want %v", id, op.Extensions["x-nexmogen-idempotent"], method == http.MethodGet)
	}
	if method == http.MethodPost {
		body := op.RequestBody
		if body == nil || body.Value.Content.Get("application/x-www-form-urlencoded") == nil ||
			!strings.HasPrefix(body.Value.Content.Get("application/x-www-form-urlencoded").Schema.Ref, "#/components/schemas/") {
			t.Errorf("%s: needs a form body whose schema is a component", id)
		}
	}
	for _, status := range []int{200, 401, 429, 500} {
		if op.Responses.Status(status) == nil {
			t.Errorf("%s: no %d response", id, status)
		}
	}
	if r := op.Responses.Status(429); r != nil && r.Value.Headers["Retry-After"] == nil {
		t.Errorf("%s: 429 without Retry-After", id)
	}
	for code, r := range op.Responses.Map() {
		checkResponse(t, id+" "+code, r.Value)
	}
}

func checkResponse(t *testing.T, where string, r *openapi3.Response) {
	t.Helper()
	if r.Headers["X-Request-Id"] == nil {
		t.Errorf("%s: no X-Request-Id header", where)
	}
	j, x := r.Content.Get("application/json"), r.Content.Get("application/xml")
	if j == nil || x == nil || len(r.Content) != 2 {
		t.Errorf("%s: want exactly application/json and application/xml", where)
		return
	}
	if j.Schema.Ref == "" || j.Schema.Ref != x.Schema.Ref {
		t.Errorf("%s: json schema %q and xml schema %q differ or are not components", where, j.Schema.Ref, x.Schema.Ref)
	}
	for name, mt := range map[string]*openapi3.MediaType{"json": j, "xml": x} {
		if mt.Example == nil && len(mt.Examples) == 0 {
			t.Errorf("%s %s: no example", where, name)
		}
	}
}

func TestExtensions(t *testing.T) {
	doc := mustLoad(t)
	status, _ := doc.Extensions["x-nexmogen-body-status"].(map[string]any)
	if status["code"] != "error-code" || status["label"] != "error-code-label" ||
		fmt.Sprint(status["success"]) != "[200]" {
		t.Errorf("x-nexmogen-body-status = %v", doc.Extensions["x-nexmogen-body-status"])
	}
	if got := fmt.Sprint(doc.Extensions["x-nexmogen-request-id-headers"]); got != "[X-Request-Id X-Nexmo-Trace-Id]" {
		t.Errorf("x-nexmogen-request-id-headers = %s", got)
	}
	for _, id := range []string{"listOwnedNumbers", "searchAvailableNumbers"} {
		op := findOperation(doc, id)
		want := map[string]any{"page": "index", "size": "size", "items": "numbers", "total": "count"}
		got, _ := op.Extensions["x-nexmogen-pagination"].(map[string]any)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: x-nexmogen-pagination = %v, want %v", id, got, want)
		}
		// Each named parameter and property must exist.
		for _, p := range []string{"index", "size"} {
			if op.Parameters.GetByInAndName("query", p) == nil {
				t.Errorf("%s: pagination names query parameter %q, which is missing", id, p)
			}
		}
		props := properties(op.Responses.Status(200).Value.Content.Get("application/json").Schema.Value)
		if props["numbers"] == nil || props["count"] == nil {
			t.Errorf("%s: pagination names properties numbers and count, which are missing", id)
		}
	}
	for _, name := range []string{"Balance", "OutboundPricing", "PricingNetwork", "AccountSettings",
		"OwnedNumbers", "OwnedNumber", "AvailableNumbers", "AvailableNumber", "ErrorEnvelope",
		"PricingByType", "PricingByTypeNetwork", "Feature", "NumberType", "VoiceCallbackType",
		"SearchPattern", "PricingType", "SettingsRequest", "BuyNumberRequest", "CancelNumberRequest",
		"TopUpRequest", "UpdateNumberRequest"} {
		if doc.Components.Schemas[name] == nil {
			t.Errorf("components.schemas.%s is missing", name)
		}
	}
}

func findOperation(doc *openapi3.T, id string) *openapi3.Operation {
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.OperationID == id {
				return op
			}
		}
	}
	return nil
}

// seedEndpoint is one "[METHOD] URL" block of the seed, with the examples
// that follow it.
type seedEndpoint struct {
	method, path string
	json, xml    []string
}

var endpointLine = regexp.MustCompile(`^\[(GET|POST)\] https://rest\.nexmo\.com(/\S*)$`)

// parseSeed reads the seed's endpoints and their fenced JSON and XML examples.
func parseSeed(t *testing.T) []*seedEndpoint {
	t.Helper()
	f, err := os.Open("testdata/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		eps   []*seedEndpoint
		fence string // language of the open fence; "" outside one
		block []string
		open  bool
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "```") {
			if open {
				block = append(block, line)
			}
			continue
		}
		if !open {
			open, fence, block = true, strings.TrimPrefix(line, "```"), nil
			continue
		}
		open = false
		text := strings.Join(block, "\n")
		switch {
		case fence == "" && len(block) == 1 && endpointLine.MatchString(block[0]):
			m := endpointLine.FindStringSubmatch(block[0])
			eps = append(eps, &seedEndpoint{method: m[1], path: m[2]})
		case (fence == "json" || fence == "xml") && len(eps) == 0:
			t.Fatalf("seed: a %s example before any endpoint", fence)
		case fence == "json":
			eps[len(eps)-1].json = append(eps[len(eps)-1].json, text)
		case fence == "xml":
			eps[len(eps)-1].xml = append(eps[len(eps)-1].xml, text)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return eps
}

// seedPathFixes are the seed's wrong paths and the spec's corrected ones.
var seedPathFixes = map[string]string{
	// A typo in the seed, fixed by the publisher in July 2017 (see the
	// spec's info.description, "Corrections to the seed").
	"/numbers/search": "/number/search",
}

func TestSeed(t *testing.T) {
	doc := mustLoad(t)
	eps := parseSeed(t)
	if len(eps) != 7 {
		t.Fatalf("seed: %d endpoints, want 7", len(eps))
	}
	for _, ep := range eps {
		path := ep.path
		if fixed, ok := seedPathFixes[path]; ok {
			path = fixed
		}
		name := ep.method + " " + path
		op := operation(doc, ep.method, path)
		if op == nil {
			t.Errorf("%s: in the seed, not in the spec", name)
			continue
		}
		if len(ep.json) == 0 || len(ep.xml) == 0 {
			t.Errorf("%s: the seed has %d JSON and %d XML examples, want both", name, len(ep.json), len(ep.xml))
		}
		ok := op.Responses.Status(200)
		if ok == nil {
			t.Errorf("%s: no 200 response", name)
			continue
		}
		for _, text := range ep.json {
			var v any
			if err := json.Unmarshal([]byte(cleanSeedJSON(text)), &v); err != nil {
				t.Fatalf("%s: seed JSON: %v\n%s", name, err, cleanSeedJSON(text))
			}
			checkJSON(t, name+" json", v, ok.Value.Content.Get("application/json").Schema.Value)
		}
		for _, text := range ep.xml {
			if err := checkXML(text, ok.Value.Content.Get("application/xml").Schema.Value); err != nil {
				t.Errorf("%s xml: %v", name, err)
			}
		}
	}
}

var trailingComma = regexp.MustCompile(`,(\s*[}\]])`)

// cleanSeedJSON makes a seed JSON example valid: it drops "..." lines and
// trailing commas.
func cleanSeedJSON(s string) string {
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(line) != "..." {
			lines = append(lines, line)
		}
	}
	return trailingComma.ReplaceAllString(strings.Join(lines, "\n"), "$1")
}

// properties returns the properties of s, including those of its allOf.
func properties(s *openapi3.Schema) map[string]*openapi3.Schema {
	props := map[string]*openapi3.Schema{}
	if s == nil {
		return props
	}
	for name, p := range s.Properties {
		props[name] = p.Value
	}
	for _, sub := range s.AllOf {
		for name, p := range properties(sub.Value) {
			props[name] = p
		}
	}
	return props
}

// checkJSON reports every key of v that is not a property of s, recursively.
func checkJSON(t *testing.T, where string, v any, s *openapi3.Schema) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		props := properties(s)
		for key, val := range v {
			p := props[key]
			if p == nil {
				t.Errorf("%s: key %q is not in the schema", where, key)
				continue
			}
			checkJSON(t, where+"."+key, val, p)
		}
	case []any:
		if s.Items == nil {
			t.Errorf("%s: an array in the seed, not in the schema", where)
			return
		}
		for i, val := range v {
			checkJSON(t, fmt.Sprintf("%s[%d]", where, i), val, s.Items.Value)
		}
	}
}

// xmlName returns the XML name s gives itself, or def.
func xmlName(s *openapi3.Schema, def string) string {
	if s.XML != nil && s.XML.Name != "" {
		return s.XML.Name
	}
	return def
}

// xmlNode is where an XML element sits in the schema: an object or value
// (schema), or a wrapped array whose children are items named item.
type xmlNode struct {
	schema *openapi3.Schema
	item   string // set for a wrapped array
}

// child resolves the element name under n, following the OpenAPI xml object:
// property names (or their xml.name), unwrapped arrays repeating the item
// element, wrapped arrays wrapping it.
func (n xmlNode) child(name string) (xmlNode, bool) {
	if n.item != "" {
		return xmlNode{schema: n.schema.Items.Value}, name == n.item
	}
	for key, p := range properties(n.schema) {
		if !p.Type.Is(openapi3.TypeArray) {
			if xmlName(p, key) == name {
				return xmlNode{schema: p}, true
			}
			continue
		}
		item := xmlName(p.Items.Value, key)
		if p.XML != nil && p.XML.Wrapped {
			if xmlName(p, key) == name {
				return xmlNode{schema: p, item: item}, true
			}
		} else if item == name {
			return xmlNode{schema: p.Items.Value}, true
		}
	}
	return xmlNode{}, false
}

// checkXML reports the first element of the XML document text that the
// schema's xml naming cannot reach. Character data, such as the seed's
// "...", is skipped.
func checkXML(text string, root *openapi3.Schema) error {
	dec := xml.NewDecoder(strings.NewReader(strings.TrimSpace(text)))
	var stack []xmlNode
	var path []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if len(path) != 0 {
				return fmt.Errorf("unclosed %v", path)
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			path = append(path, name)
			if len(stack) == 0 {
				if got := xmlName(root, ""); got != name {
					return fmt.Errorf("root element %q, schema's xml name %q", name, got)
				}
				stack = append(stack, xmlNode{schema: root})
				continue
			}
			next, ok := stack[len(stack)-1].child(name)
			if !ok {
				return fmt.Errorf("element /%s is not in the schema", strings.Join(path, "/"))
			}
			stack = append(stack, next)
		case xml.EndElement:
			stack, path = stack[:len(stack)-1], path[:len(path)-1]
		}
	}
}
