package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// pagination reads x-nexmogen-pagination: the page and size parameters and
// the success body's items and total properties.
func (b *builder) pagination(op *ir.Operation, o *openapi3.Operation, methods *naming.Scope) {
	v, ok := o.Extensions[extPagination]
	if !ok {
		return
	}
	at := b.fieldPos(o.Origin, extPagination)
	var ext struct {
		Page  string `json:"page"`
		Size  string `json:"size"`
		Items string `json:"items"`
		Total string `json:"total"`
	}
	if err := decodeExtension(v, &ext); err != nil {
		b.diags.Addf(at, "%s must be {page: PARAM, size: PARAM, items: PROPERTY, total: PROPERTY}: %v", extPagination, err)
		return
	}
	p := &ir.Pagination{GoName: naming.Iterator(op.ID), FirstPage: 1}
	p.Page = fieldNamed(op.Params, ext.Page)
	p.Size = fieldNamed(op.Params, ext.Size)
	if op.Success != nil && op.Success.Type != nil && op.Success.Type.Kind == ir.KindStruct {
		body := b.structByName(op.Success.Type.Name)
		p.Items = fieldNamed(body, ext.Items)
		p.Total = fieldNamed(body, ext.Total)
	}
	switch {
	case p.Page == nil || p.Page.Type.Kind != ir.KindInt || p.Page.Pointer:
		b.diags.Addf(at, "%s: page %q must name an integer query parameter", extPagination, ext.Page)
	case p.Size == nil || p.Size.Type.Kind != ir.KindInt:
		b.diags.Addf(at, "%s: size %q must name an integer query parameter", extPagination, ext.Size)
	case p.Items == nil || p.Items.Type.Kind != ir.KindArray:
		b.diags.Addf(at, "%s: items %q must name an array property of the success body", extPagination, ext.Items)
	case p.Total == nil || p.Total.Type.Kind != ir.KindInt:
		b.diags.Addf(at, "%s: total %q must name an integer property of the success body", extPagination, ext.Total)
	case !methods.Claim(p.GoName):
		b.diags.Addf(at, "%s: the iterator name %s is taken by another operation", extPagination, p.GoName)
	default:
		if d := p.Page.Default; d != nil && d.Kind == ir.LitInt {
			p.FirstPage = d.Int
		}
		op.Pagination = p
	}
}

// fieldNamed finds a struct's field by wire name.
func fieldNamed(st *ir.Struct, name string) *ir.Field {
	if st == nil {
		return nil
	}
	for _, f := range st.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}
