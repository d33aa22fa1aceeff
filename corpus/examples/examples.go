// Package examples checks issue 11's "a value decoded from the spec's own
// examples re-encodes to an equivalent document" on the package nexmogen
// generated from a document: Collect lists the examples of the document
// that their schemas take (kin-openapi's VisitJSON) and whose schema has a
// named Go type (a component that is an object, a union or an enum), Write
// adds to the package a test that decodes each into its type with
// encoding/json, validates it and prints it re-encoded, and Compare judges
// the re-encoding against the example, as JSON values.
package examples

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
)

// FileName is the test file Write adds to the package.
const FileName = "examples_test.go"

// Case is one example of the document that its schema takes.
type Case struct {
	// Where names the example: components.schemas.Pet.example,
	// paths./pets.post.requestBody.application/json.examples.cat...
	Where string
	// Component is the schema's component name, GoType its Go type.
	Component, GoType string
	// Schema is the component's schema.
	Schema *openapi3.Schema
	// JSON is the example as JSON text.
	JSON string
}

// Census counts the examples of a document that are not cases: those
// their schema refuses (a vendor's broken example, a warning of the
// generator's) and those whose schema has no named Go type (an inline
// schema, a component that is an array, a map or a scalar).
type Census struct {
	Invalid, Unnamed int
	// NotObject counts the examples that are no JSON object of a schema
	// with properties but no type, which JSON Schema lets take any value
	// and the generated struct does not (README: properties without type:
	// object, a warning of the generator's).
	NotObject int
}

// Collect loads the document at path as the generator does (its external
// $refs read from its directory) and lists its cases, in a fixed order.
func Collect(path, pkg string) ([]Case, Census, error) {
	var census Census
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, census, err
	}
	files := os.DirFS(filepath.Dir(path))
	api, _, err := generator.Model(data, filepath.Base(path), generator.Options{Package: pkg, Files: files})
	if err != nil {
		return nil, census, err
	}
	named := map[string]string{}
	for _, st := range api.Structs {
		named[st.Name] = st.GoName
	}
	for _, e := range api.Enums {
		named[e.Name] = e.GoName
	}
	doc, err := loadDoc(data, filepath.Base(path), files)
	if err != nil {
		return nil, census, err
	}
	var cases []Case
	add := func(where, component, goType string, s *openapi3.Schema, v any) {
		if v == nil {
			return
		}
		if t, ok := named[component]; ok && component != "" && doc.Components.Schemas[component] != nil {
			goType = t
		}
		if goType == "" {
			census.Unnamed++
			return
		}
		if s.VisitJSON(v) != nil {
			census.Invalid++
			return
		}
		if _, isObject := v.(map[string]any); !isObject && len(s.Properties) > 0 && (s.Type == nil || s.Type.IsEmpty()) {
			census.NotObject++
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			census.Invalid++
			return
		}
		cases = append(cases, Case{Where: where, Component: component, GoType: goType, Schema: s, JSON: string(b)})
	}
	if doc.Components != nil {
		for _, name := range sortedKeys(doc.Components.Schemas) {
			ref := doc.Components.Schemas[name]
			if ref == nil || ref.Value == nil {
				continue
			}
			at := "components.schemas." + name
			add(at+".example", name, "", ref.Value, ref.Value.Example)
			for i, v := range ref.Value.Examples {
				add(at+".examples."+strconv.Itoa(i), name, "", ref.Value, v)
			}
		}
	}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for _, method := range sortedKeys(item.Operations()) {
			op := item.Operations()[method]
			at := "paths." + path + "." + strings.ToLower(method)
			iop := irOperation(api, method, path)
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				goType := ""
				if iop != nil && iop.Body != nil {
					goType = goTypeOf(api, iop.Body.Type)
				}
				mediaCases(at+".requestBody", goType, op.RequestBody.Value.Content, add)
			}
			if op.Responses == nil {
				continue
			}
			for _, code := range sortedKeys(op.Responses.Map()) {
				if r := op.Responses.Map()[code]; r != nil && r.Value != nil {
					mediaCases(at+".responses."+code, responseType(api, iop, code), r.Value.Content, add)
				}
			}
		}
	}
	return cases, census, nil
}

// loadDoc is the document as the generator reads it (3.1 in 3.0's terms).
func loadDoc(data []byte, file string, files fs.FS) (*openapi3.T, error) {
	d, err := load.LoadFiles(data, file, files)
	if d == nil {
		return nil, err
	}
	return d.T, nil
}

// mediaCases adds the examples of the JSON media types of content, whose
// Go type is goType unless the schema is a component's ("" when the body
// has no named Go type).
func mediaCases(at, goType string, content openapi3.Content, add func(string, string, string, *openapi3.Schema, any)) {
	for _, media := range sortedKeys(content) {
		mt := content[media]
		if mt == nil || mt.Schema == nil || mt.Schema.Value == nil || !isJSON(media) {
			continue
		}
		component, _ := strings.CutPrefix(mt.Schema.Ref, "#/components/schemas/")
		if component == mt.Schema.Ref {
			component = ""
		}
		where := at + "." + media
		add(where+".example", component, goType, mt.Schema.Value, mt.Example)
		for _, name := range sortedKeys(mt.Examples) {
			if ex := mt.Examples[name]; ex != nil && ex.Value != nil {
				add(where+".examples."+name, component, goType, mt.Schema.Value, ex.Value.Value)
			}
		}
	}
}

// irOperation is the operation of the model at method and path, or nil.
func irOperation(api *ir.API, method, path string) *ir.Operation {
	for _, op := range api.Operations {
		if strings.EqualFold(op.Method, method) && op.Path == path {
			return op
		}
	}
	return nil
}

// responseType is the Go type of the body of op's response under code,
// or "".
func responseType(api *ir.API, op *ir.Operation, code string) string {
	if op == nil {
		return ""
	}
	for _, r := range op.Responses {
		if r.Type != nil && r.Class == 0 && r.Status != 0 && strconv.Itoa(r.Status) == code {
			return goTypeOf(api, *r.Type)
		}
	}
	return ""
}

// goTypeOf spells t in the generated package when it is a struct, union
// or enum (one that plain encoding/json reads: not a body of several
// media types), or an array or map of one; "" else.
func goTypeOf(api *ir.API, t ir.TypeRef) string {
	if t.Nullable || t.Secret {
		return ""
	}
	switch t.Kind {
	case ir.KindStruct, ir.KindUnion:
		for _, st := range api.Structs {
			if st.GoName == t.Name && st.ByMedia == nil {
				return t.Name
			}
		}
	case ir.KindEnum:
		return t.Name
	case ir.KindArray, ir.KindMap:
		if t.Elem == nil {
			return ""
		}
		if elem := goTypeOf(api, *t.Elem); elem != "" {
			return map[bool]string{true: "[]", false: "map[string]"}[t.Kind == ir.KindArray] + elem
		}
	}
	return ""
}

// isJSON reports whether a media type is JSON (application/json, a
// +json suffix).
func isJSON(media string) bool {
	media, _, _ = strings.Cut(media, ";")
	media = strings.TrimSpace(strings.ToLower(media))
	return media == "application/json" || strings.HasSuffix(media, "+json")
}

// Write writes dir/examples_test.go: TestSpecExamples decodes each case's
// JSON into a new value of its Go type, validates it when the type has a
// Validate method, and prints one line per case:
//
//	EXAMPLE <index> json <the value re-encoded>
//	EXAMPLE <index> decode|validate|encode <the error>
func Write(dir, pkg string, cases []Case) error {
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by corpus/examples. DO NOT EDIT.\n\npackage %s\n\n", pkg)
	b.WriteString("import (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"testing\"\n)\n\n")
	b.WriteString("// specExamples are the document's examples, each with a new value of its type.\n")
	b.WriteString("var specExamples = []struct {\n\tinto func() any\n\tjson string\n}{\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "\t{func() any { return new(%s) }, %s},\n", c.GoType, strconv.Quote(c.JSON))
	}
	b.WriteString("}\n\n")
	b.WriteString(`func TestSpecExamples(t *testing.T) {
	for i, e := range specExamples {
		v := e.into()
		if err := json.Unmarshal([]byte(e.json), v); err != nil {
			fmt.Printf("EXAMPLE %d decode %s\n", i, oneLine(err))
			continue
		}
		if x, ok := v.(interface{ Validate() error }); ok {
			if err := x.Validate(); err != nil {
				fmt.Printf("EXAMPLE %d validate %s\n", i, oneLine(err))
				continue
			}
		}
		out, err := json.Marshal(v)
		if err != nil {
			fmt.Printf("EXAMPLE %d encode %s\n", i, oneLine(err))
			continue
		}
		fmt.Printf("EXAMPLE %d json %s\n", i, out)
	}
}

// oneLine is err's text on one line.
func oneLine(err error) string {
	b, _ := json.Marshal(err.Error())
	return string(b)
}
`)
	return os.WriteFile(filepath.Join(dir, FileName), []byte(b.String()), 0o644)
}

// Result is one line of the test's output.
type Result struct {
	Index int
	// Kind is json, decode, validate or encode; Text the re-encoded value
	// or the error.
	Kind, Text string
}

// Results reads the EXAMPLE lines of the test's output.
func Results(out string) []Result {
	var rs []Result
	for line := range strings.SplitSeq(out, "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "EXAMPLE ")
		if !ok {
			continue
		}
		f := strings.SplitN(rest, " ", 3)
		if len(f) != 3 {
			continue
		}
		i, err := strconv.Atoi(f[0])
		if err != nil {
			continue
		}
		rs = append(rs, Result{Index: i, Kind: f[1], Text: f[2]})
	}
	return rs
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return slices.Clip(keys)
}
