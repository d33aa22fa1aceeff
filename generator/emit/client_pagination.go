package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// clientPagination prints, for every paged operation
// (x-nexmogen-pagination), an iterator over all its items, and, for every
// success type that carries the body's status fields
// (x-nexmogen-body-status), the bodyStatus method that spares the client a
// second decoding.
func clientPagination(api *ir.API, f *jen.File) {
	for _, op := range api.Operations {
		if op.Pagination != nil {
			clientIterator(api, op, f)
		}
	}
	clientBodyStatus(api, f)
}

// clientIterator prints the iterator of a paged operation.
func clientIterator(api *ir.API, op *ir.Operation, f *jen.File) {
	p := op.Pagination
	item := goType(*p.Items.Type.Elem)
	f.Add(comment(p.GoName, "walks every item of "+op.GoName+", page after page.",
		"It sets params."+p.Page.GoName+" itself, from the first page ("+fmt.Sprint(p.FirstPage)+"), and stops\n"+
			"after the "+quote(p.Total.Name)+" items the answers announce, on an empty page, when\n"+
			"the loop breaks, or when a server ignores the page index: on a page that repeats\n"+
			"the one before, on a page shorter than the size asked for when no total was\n"+
			"announced, and with an error after 10,000 pages. An error is yielded once, and\n"+
			"ends the walk. Each page is one call of "+op.GoName+", retried as that call is."))
	args := []jen.Code{jen.Id("ctx"), jen.Id("params")}
	if op.Body != nil {
		args = append(args, jen.Id("body"))
	}
	args = append(args, jen.Id("opts").Op("..."))
	seq := jen.Qual("iter", "Seq2").Types(item.Clone(), jen.Error())
	fetch := jen.Func().Params(jen.Id("page").Int()).Params(jen.Index().Add(item.Clone()), jen.Int(), jen.Error())
	f.Func().Params(jen.Id("c").Op("*").Id(rt.Client)).Id(p.GoName).Params(clientInputs(api, op)...).Add(seq).Block(
		jen.Return(jen.Id(rt.walkPages).Call(jen.Lit(int(p.FirstPage)), clientPageSize(p), fetch.BlockFunc(func(g *jen.Group) {
			clientIteratorPage(op, args, g)
		}))),
	)
	f.Line()
}

// clientPageSize prints the page size the iterator asks for, the spec's
// default when params leave it zero; 0 when it is not known (no size
// parameter, or an optional one held in a pointer).
func clientPageSize(p *ir.Pagination) *jen.Statement {
	if p.Size == nil || p.Size.Pointer || p.Size.Type.Kind != ir.KindInt {
		return jen.Lit(0)
	}
	size := jen.Int().Call(jen.Id("params").Dot(p.Size.GoName))
	if def := p.Size.Default; def != nil && def.Kind == ir.LitInt && def.Int > 0 {
		return jen.Qual("cmp", "Or").Call(size, scalarLit(*def))
	}
	return size
}

// clientIteratorPage prints the body of an iterator's fetch: one call of
// the operation for the page, answering its items and announced total (the
// walk itself is the runtime's walkPages).
func clientIteratorPage(op *ir.Operation, args []jen.Code, g *jen.Group) {
	p := op.Pagination
	g.Id("params").Dot(p.Page.GoName).Op("=").Id("page")
	g.List(jen.Id("res"), jen.Err()).Op(":=").Id("c").Dot(op.GoName).Call(args...)
	g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Lit(0), jen.Err()))
	total := jen.Id("res").Dot(p.Total.GoName)
	if p.Total.Pointer {
		g.Id("total").Op(":=").Lit(0)
		g.If(total.Clone().Op("!=").Nil()).Block(jen.Id("total").Op("=").Op("*").Add(total.Clone()))
		total = jen.Id("total")
	}
	g.Return(jen.Id("res").Dot(p.Items.GoName), total, jen.Nil())
}

// clientBodyStatus prints bodyStatus on every success type that has the
// body's status fields as strings.
func clientBodyStatus(api *ir.API, f *jen.File) {
	if api.BodyStatus == nil {
		return
	}
	done := map[string]bool{}
	for _, op := range api.Operations {
		if op.Success == nil || op.Success.Type == nil || op.Success.Type.Kind != ir.KindStruct || done[op.Success.Type.Name] {
			continue
		}
		done[op.Success.Type.Name] = true
		st := op.Success.Type.Struct
		code := clientStatusField(st, api.BodyStatus.Code)
		if code == nil {
			continue
		}
		label := clientStatusField(st, api.BodyStatus.Label)
		f.Comment("bodyStatus returns the status fields the body carried.")
		f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("bodyStatus").Params().
			Params(jen.Id("code"), jen.Id("label").String()).BlockFunc(func(g *jen.Group) {
			g.Id("code").Op("=").Add(clientStatusValue(code))
			if label != nil {
				g.Id("label").Op("=").Add(clientStatusValue(label))
			}
			g.Return()
		})
		f.Line()
	}
}

// clientStatusField finds a plain string field of st by wire name.
func clientStatusField(st *ir.Struct, name string) *ir.Field {
	if st == nil {
		return nil
	}
	for _, fd := range st.Fields {
		if fd.Name == name && fd.In == ir.InBody && fd.Type.Kind == ir.KindString && !fd.Type.Secret {
			return fd
		}
	}
	return nil
}

// clientStatusValue prints a status field's value, "" when a pointer is nil.
func clientStatusValue(fd *ir.Field) *jen.Statement {
	x := jen.Id("x").Dot(fd.GoName)
	if !fd.Pointer {
		return x
	}
	return jen.Func().Params().String().Block(
		jen.If(x.Clone().Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Op("*").Add(x.Clone())),
	).Call()
}
