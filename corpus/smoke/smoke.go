// Package smoke writes the smoke test of a package nexmogen generated: a
// smoke_test.go that serves the package's own server (NewServer with a
// Handler that records what it receives and answers its first 2xx response
// filled with values) over loopback, and calls every operation with the
// package's own client, with minimal values (every field set: strings
// "smoke", numbers 1, an enum's first constant, one element per list).
// Each operation then prints one line:
//
//	SMOKE <operation> ok
//	SMOKE <operation> skip <why: the client or server refused the minimal values>
//	SMOKE <operation> FAIL <what disagreed>
//
// ok means the server received what the client sent (compared as JSON)
// and the client decoded what the server answered. FAIL lines fail the
// test. The package is read with go/types; the generated code is not
// changed.
package smoke

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nexmogen/nexmogen/generator"
)

// FileName is the file Write adds to the package.
const FileName = "smoke_test.go"

// op is one operation the test drives.
type op struct {
	Name     string
	Args     []string // the client method's argument types after ctx
	Results  int      // the client method's results before error
	Input    string   // the handler's input type (without *)
	Fields   []string // the input's fields, by argument: "" when none matches
	Response string   // the response type the handler answers, "" to skip
	// ResponseIface is the handler method's result type.
	ResponseIface string
	HasBody       bool   // the response has a Body field
	Skip          string // why the operation cannot be driven
}

// plan is what the test of one package needs.
type plan struct {
	Package    string
	ClientArgs int // NewClient's leading string arguments
	// ClientOpts are the client's credential options (client_credentials.go)
	// called with "smoke"; ServerOpts the server's verifier options
	// (server_verifiers.go) with verifiers that accept anything.
	ClientOpts, ServerOpts []string
	Ops                    []op
	Enums                  map[string]string // enum type -> its first constant
	// Hints are the spec's rules by Go type and field (nil without the
	// spec: Write).
	Hints *hints
}

// Write analyses the Go package in dir and writes dir/smoke_test.go,
// with minimal values that know nothing of the spec's rules.
func Write(dir string) error {
	return WriteSpec(dir, "")
}

// WriteSpec is Write with the rules of the spec at path spec (the
// document dir was generated from, with nexmogen's default options): its
// minimal values meet formats, patterns, lengths, bounds, readOnly and
// writeOnly, and its unions' discriminators, so that an operation is
// driven rather than skipped because the client refused "smoke".
func WriteSpec(dir, spec string) error {
	p, err := analyse(dir, spec)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := emit(&b, p); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, FileName), b.Bytes(), 0o644)
}

func analyse(dir, spec string) (*plan, error) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("%s: %d packages", dir, len(pkgs))
	}
	var files []*ast.File
	var name string
	for n, p := range pkgs {
		name = n
		for _, f := range p.Files {
			files = append(files, f)
		}
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check(name, fset, files, nil)
	if err != nil {
		return nil, err
	}
	p, err := planOf(fset, pkg)
	if err != nil || spec == "" {
		return p, err
	}
	data, err := os.ReadFile(spec)
	if err != nil {
		return nil, err
	}
	api, _, err := generator.Model(data, spec, generator.Options{Package: name, Files: os.DirFS(filepath.Dir(spec))})
	if err != nil {
		return nil, fmt.Errorf("the spec's model: %v", err)
	}
	p.Hints = hintsOf(api, pkg.Scope())
	return p, nil
}

func planOf(fset *token.FileSet, pkg *types.Package) (*plan, error) {
	scope := pkg.Scope()
	handler, ok := lookupType(scope, "Handler")
	if !ok {
		return nil, fmt.Errorf("no Handler interface")
	}
	iface, ok := handler.Underlying().(*types.Interface)
	if !ok {
		return nil, fmt.Errorf("Handler is not an interface")
	}
	client, ok := lookupType(scope, "Client")
	if !ok {
		return nil, fmt.Errorf("no Client type")
	}
	p := &plan{Package: pkg.Name(), Enums: enums(scope)}
	p.ClientArgs = stringArgs(scope.Lookup("NewClient"))
	p.ClientOpts, p.ServerOpts = credentials(fset, scope)
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		o := opOf(scope, client, m)
		if o.Input == "" || o.ResponseIface == "" {
			return nil, fmt.Errorf("Handler.%s: %s", o.Name, o.Skip)
		}
		p.Ops = append(p.Ops, o)
	}
	sort.Slice(p.Ops, func(i, j int) bool { return p.Ops[i].Name < p.Ops[j].Name })
	return p, nil
}

func lookupType(scope *types.Scope, name string) (*types.Named, bool) {
	tn, ok := scope.Lookup(name).(*types.TypeName)
	if !ok {
		return nil, false
	}
	// A response type may be an alias of a shared one (a
	// components/responses entry every operation uses).
	n, ok := types.Unalias(tn.Type()).(*types.Named)
	return n, ok
}

// stringArgs counts NewClient's leading string parameters (the credentials).
func stringArgs(obj types.Object) int {
	fn, ok := obj.(*types.Func)
	if !ok {
		return 0
	}
	sig := fn.Type().(*types.Signature)
	n := 0
	for i := 0; i < sig.Params().Len(); i++ {
		if b, ok := sig.Params().At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			n++
			continue
		}
		break
	}
	return n
}

// enums maps every named string or number type that has IsKnown (the
// generated enums) to its first constant in source order.
func enums(scope *types.Scope) map[string]string {
	first := map[string]*types.Const{}
	for _, n := range scope.Names() {
		c, ok := scope.Lookup(n).(*types.Const)
		if !ok {
			continue
		}
		named, ok := c.Type().(*types.Named)
		if !ok || named.Obj().Parent() != scope {
			continue
		}
		if f := first[named.Obj().Name()]; f == nil || c.Pos() < f.Pos() {
			first[named.Obj().Name()] = c
		}
	}
	out := map[string]string{}
	for t, c := range first {
		named := c.Type().(*types.Named)
		if hasMethod(named, "IsKnown") {
			out[t] = c.Name()
		}
	}
	return out
}

func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// opOf pairs the handler method m with the client method of the same name.
func opOf(scope *types.Scope, client *types.Named, m *types.Func) op {
	o := op{Name: m.Name()}
	hsig := m.Type().(*types.Signature)
	if hsig.Params().Len() != 2 || hsig.Results().Len() != 2 {
		o.Skip = "handler method of an unexpected shape"
		return o
	}
	in, ok := hsig.Params().At(1).Type().(*types.Pointer)
	if !ok {
		o.Skip = "handler input is not a pointer"
		return o
	}
	o.Input = typeString(in.Elem())
	o.ResponseIface = typeString(hsig.Results().At(0).Type())
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(client), true, client.Obj().Pkg(), m.Name())
	cm, ok := obj.(*types.Func)
	if !ok {
		o.Skip = "no client method of that name"
		return o
	}
	csig := cm.Type().(*types.Signature)
	for i := 1; i < csig.Params().Len(); i++ {
		if csig.Variadic() && i == csig.Params().Len()-1 {
			break
		}
		t := csig.Params().At(i).Type()
		o.Args = append(o.Args, typeString(t))
		o.Fields = append(o.Fields, inputField(in.Elem(), t))
	}
	for i := 0; i < csig.Results().Len()-1; i++ {
		if _, ok := csig.Results().At(i).Type().Underlying().(*types.Signature); ok {
			o.Skip = "the client method returns an iterator"
			return o
		}
		o.Results++
	}
	if o.Results > 1 {
		o.Skip = "the client method returns more than one value"
		return o
	}
	resp, ok := hsig.Results().At(0).Type().(*types.Named)
	if !ok {
		o.Skip = "handler result is not a named interface"
		return o
	}
	o.Response = successResponse(scope, resp, m.Name())
	if o.Response == "" {
		o.Skip = "no 2xx response to answer with"
		return o
	}
	t, _ := lookupType(scope, o.Response)
	bodyObj, _, _ := types.LookupFieldOrMethod(t, false, t.Obj().Pkg(), "Body")
	_, o.HasBody = bodyObj.(*types.Var)
	return o
}

func typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "" || !strings.Contains(p.Path(), ".") && p.Scope().Lookup("Handler") != nil {
			return ""
		}
		return p.Name()
	})
}

// inputField names the field of the handler's input that holds what the
// client sent as an argument of type t.
func inputField(input types.Type, t types.Type) string {
	st, ok := input.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Exported() && types.Identical(f.Type(), t) {
			return f.Name()
		}
	}
	return ""
}

// successResponse is the response type of operation name with the lowest
// 2xx status (OpName200Response before OpName201Response; OpName2XXResponse
// last).
func successResponse(scope *types.Scope, resp *types.Named, name string) string {
	iface, ok := resp.Underlying().(*types.Interface)
	if !ok {
		return ""
	}
	best, bestRank := "", 1000
	for _, n := range scope.Names() {
		if !strings.HasPrefix(n, name) || !strings.HasSuffix(n, "Response") {
			continue
		}
		status := strings.TrimSuffix(strings.TrimPrefix(n, name), "Response")
		rank := 1000
		switch {
		case len(status) == 3 && status[0] == '2' && status[1] >= '0' && status[1] <= '9':
			rank = int(status[1]-'0')*10 + int(status[2]-'0')
		case status == "2XX":
			rank = 100
		default:
			continue
		}
		t, ok := lookupType(scope, n)
		if !ok || types.IsInterface(t) || !types.Implements(t, iface) {
			continue
		}
		if rank < bestRank {
			best, bestRank = n, rank
		}
	}
	return best
}

// Lines returns the outcome lines of a smoke test's verbose output
// ("ListPets ok", "CreatePets skip why", "GetPet FAIL what"), in order.
func Lines(output string) []string {
	var out []string
	for _, l := range strings.Split(output, "\n") {
		if i := strings.Index(l, "SMOKE "); i >= 0 {
			out = append(out, strings.TrimSpace(l[i+len("SMOKE "):]))
		}
	}
	return out
}

// credentials finds the options that give the client credentials (the
// With functions of client_credentials.go that take strings) and the
// server its verifiers (the With functions of server_verifiers.go that take
// a func), and writes a call of each that the smoke test can use: "smoke"
// for every string, a verifier that accepts every credential.
func credentials(fset *token.FileSet, scope *types.Scope) (client, server []string) {
	for _, n := range scope.Names() {
		fn, ok := scope.Lookup(n).(*types.Func)
		if !ok || !strings.HasPrefix(n, "With") {
			continue
		}
		sig := fn.Type().(*types.Signature)
		switch filepath.Base(fset.Position(fn.Pos()).Filename) {
		case "client_credentials.go":
			if args, ok := stringArgList(sig); ok {
				client = append(client, n+"("+args+")")
			}
		case "server_verifiers.go":
			if sig.Params().Len() == 1 {
				if v, ok := sig.Params().At(0).Type().Underlying().(*types.Signature); ok {
					server = append(server, n+"("+acceptAll(v)+")")
				}
			}
		}
	}
	return client, server
}

func stringArgList(sig *types.Signature) (string, bool) {
	var args []string
	for i := 0; i < sig.Params().Len(); i++ {
		b, ok := sig.Params().At(i).Type().(*types.Basic)
		if !ok || b.Kind() != types.String {
			return "", false
		}
		args = append(args, `"smoke"`)
	}
	return strings.Join(args, ", "), sig.Params().Len() > 0
}

// acceptAll is a func literal of signature v that returns nil.
func acceptAll(v *types.Signature) string {
	var params []string
	for i := 0; i < v.Params().Len(); i++ {
		params = append(params, "_ "+typeString(v.Params().At(i).Type()))
	}
	return "func(" + strings.Join(params, ", ") + ") error { return nil }"
}
