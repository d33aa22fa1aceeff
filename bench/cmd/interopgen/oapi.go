package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"reflect"
	"strconv"
	"strings"
)

// oapiPkg is what the interop test needs of oapi-codegen's package, read
// from its syntax (it imports oapi-codegen's runtime, so no stdlib-only
// type check as for nexmogen's).
type oapiPkg struct {
	// Strict are the StrictServerInterface's methods: name -> request
	// object type.
	Strict map[string]string
	Order  []string // the methods in source order
	// Structs holds the fields of each struct type.
	Structs map[string][]field
	// Types is every type declared.
	Types map[string]bool
	// Methods holds the parameter types (after ctx, without the trailing
	// reqEditors) of each ClientWithResponses method.
	Methods map[string][]string
}

type field struct {
	Name, Type, JSON string
}

func readOapi(file string) (*oapiPkg, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		return nil, err
	}
	p := &oapiPkg{Strict: map[string]string{}, Structs: map[string][]field{}, Types: map[string]bool{}, Methods: map[string][]string{}}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					p.typeSpec(fset, ts)
				}
			}
		case *ast.FuncDecl:
			p.funcDecl(fset, d)
		}
	}
	if len(p.Order) == 0 {
		return nil, fmt.Errorf("no StrictServerInterface")
	}
	return p, nil
}

func (p *oapiPkg) typeSpec(fset *token.FileSet, ts *ast.TypeSpec) {
	name := ts.Name.Name
	p.Types[name] = true
	switch t := ts.Type.(type) {
	case *ast.StructType:
		var fs []field
		for _, fl := range t.Fields.List {
			tag := ""
			if fl.Tag != nil {
				s, _ := strconv.Unquote(fl.Tag.Value)
				tag, _, _ = strings.Cut(reflect.StructTag(s).Get("json"), ",")
			}
			typ := expr(fset, fl.Type)
			if len(fl.Names) == 0 {
				fs = append(fs, field{Name: typ, Type: typ, JSON: tag})
			}
			for _, n := range fl.Names {
				fs = append(fs, field{Name: n.Name, Type: typ, JSON: tag})
			}
		}
		p.Structs[name] = fs
	case *ast.InterfaceType:
		if name != "StrictServerInterface" {
			return
		}
		for _, m := range t.Methods.List {
			ft, ok := m.Type.(*ast.FuncType)
			if !ok || len(m.Names) != 1 || ft.Params.NumFields() != 2 {
				continue
			}
			p.Strict[m.Names[0].Name] = expr(fset, ft.Params.List[len(ft.Params.List)-1].Type)
			p.Order = append(p.Order, m.Names[0].Name)
		}
	}
}

func (p *oapiPkg) funcDecl(fset *token.FileSet, d *ast.FuncDecl) {
	if d.Recv == nil || len(d.Recv.List) != 1 || expr(fset, d.Recv.List[0].Type) != "*ClientWithResponses" {
		return
	}
	var params []string
	for _, fl := range d.Type.Params.List {
		t := expr(fset, fl.Type)
		n := len(fl.Names)
		if n == 0 {
			n = 1
		}
		for range n {
			params = append(params, t)
		}
	}
	if len(params) < 2 || params[0] != "context.Context" || params[len(params)-1] != "...RequestEditorFn" {
		return
	}
	p.Methods[d.Name.Name] = params[1 : len(params)-1]
}

func expr(fset *token.FileSet, e ast.Expr) string {
	var b bytes.Buffer
	_ = printer.Fprint(&b, fset, e)
	return b.String()
}
