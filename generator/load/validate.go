package load

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/diag"
)

// errorChecks are the checks whose failures are errors: everything
// kin-openapi validates but examples, defaults and patterns. Formats are
// the builder's business: an unknown format is an annotation (OpenAPI 3.0:
// tools "MAY default back to the type alone"), and the builder refuses the
// ones whose checks it does not generate.
var errorChecks = []openapi3.ValidationOption{
	openapi3.DisableExamplesValidation(),
	openapi3.DisableSchemaDefaultsValidation(),
	openapi3.DisableSchemaPatternValidation(),
}

// warningChecks add the examples and defaults, held against their
// schemas: their failures are warnings (an example is documentation; a
// broken default is not applied). Patterns are lenient's.
var warningChecks = []openapi3.ValidationOption{
	openapi3.EnableExamplesValidation(),
	openapi3.EnableSchemaDefaultsValidation(),
	openapi3.DisableSchemaPatternValidation(),
}

// withoutExamples are the warning checks, examples aside.
var withoutExamples = []openapi3.ValidationOption{
	openapi3.DisableExamplesValidation(),
	openapi3.EnableSchemaDefaultsValidation(),
	openapi3.DisableSchemaPatternValidation(),
}

// validate runs kin-openapi's validation of the whole document twice:
// once for errors, once for the examples and defaults (warnings), so that
// neither kind hides the other. When a pass fails, each element is
// validated on its own to say where: kin-openapi's messages name a path
// through the document, not a line.
func (d *Doc) validate(ctx context.Context) error {
	if err := d.T.Validate(ctx, warningChecks...); err != nil {
		w := walker{ctx: ctx, doc: d, list: &d.warnings, opts: d.checks(warningChecks), warn: true, excused: make(map[*openapi3.Origin]bool)}
		w.document()
	}
	err := d.T.Validate(ctx, errorChecks...)
	if err == nil {
		return nil
	}
	var l diag.List
	w := walker{ctx: ctx, doc: d, list: &l, opts: d.checks(errorChecks), excused: make(map[*openapi3.Origin]bool)}
	w.document()
	if l.Len() == 0 {
		// Nothing smaller failed on its own: a document-level rule.
		w.report(err, nil)
	}
	return l.Err()
}

// checks are opts for the document's OpenAPI version: each element is
// validated on its own and must know it, which T.Validate adds by itself.
func (d *Doc) checks(opts []openapi3.ValidationOption) []openapi3.ValidationOption {
	if d.isV31() {
		return append(slices.Clip(opts), openapi3.IsOpenAPI31OrLater())
	}
	return opts
}

// walker validates elements one by one, reporting the innermost failures.
type walker struct {
	ctx  context.Context
	doc  *Doc
	list *diag.List
	// opts are the checks of this pass; warn marks the warnings' pass,
	// which reports only values (examples, defaults) that break their
	// schemas.
	opts []openapi3.ValidationOption
	warn bool
	// excused holds the media types whose examples are serialized bodies
	// (see serialized): their example failures are not reported.
	excused map[*openapi3.Origin]bool
}

// check validates one element; when it fails and none of its children fail
// on their own, the failure is reported at the element.
func (w *walker) check(err error, o *openapi3.Origin, children func()) {
	if err == nil {
		return
	}
	before := w.list.Len()
	if children != nil {
		children()
	}
	if w.list.Len() == before {
		w.report(err, o)
	}
}

// report records err at the field it is about when kin-openapi says so,
// else at the element with origin o, on one line.
func (w *walker) report(err error, o *openapi3.Origin) {
	var sve *openapi3.SchemaValueError
	isValue := errors.As(err, &sve)
	if isValue && w.excused[sve.Origin] {
		return
	}
	if w.warn {
		// Everything else fails the errors' pass too.
		if isValue && sve.Origin != nil {
			w.warnValue(sve)
		}
		return
	}
	if pos, msg, ok := w.doc.locate(err); ok {
		w.list.Addf(pos, "%s", msg)
		return
	}
	w.list.Addf(w.doc.KeyPos(o), "%s", firstLine(err.Error()))
}

func (w *walker) document() {
	t := w.doc.T
	if t.Info != nil {
		w.check(t.Info.Validate(w.ctx, w.opts...), t.Info.Origin, nil)
	}
	for _, it := range w.doc.Items() {
		item := it.Item
		w.check(item.Validate(w.ctx, w.opts...), item.Origin, func() { w.pathItem(item) })
	}
	c := t.Components
	if c == nil {
		return
	}
	for _, k := range sortedKeys(c.Schemas) {
		w.schema(c.Schemas[k])
	}
	for _, k := range sortedKeys(c.Parameters) {
		w.parameter(c.Parameters[k])
	}
	for _, k := range sortedKeys(c.RequestBodies) {
		w.requestBody(c.RequestBodies[k])
	}
	for _, k := range sortedKeys(c.Responses) {
		w.response(c.Responses[k])
	}
	for _, k := range sortedKeys(c.Headers) {
		if h := c.Headers[k]; h != nil && h.Value != nil {
			w.check(h.Validate(w.ctx, w.opts...), h.Value.Origin, func() { w.schema(h.Value.Schema) })
		}
	}
	for _, k := range sortedKeys(c.SecuritySchemes) {
		if s := c.SecuritySchemes[k]; s != nil && s.Value != nil {
			w.check(s.Validate(w.ctx, w.opts...), s.Value.Origin, nil)
		}
	}
}

func (w *walker) pathItem(item *openapi3.PathItem) {
	for _, p := range item.Parameters {
		w.parameter(p)
	}
	ops := item.Operations()
	for _, m := range sortedKeys(ops) {
		op := ops[m]
		if op == nil {
			continue
		}
		w.check(op.Validate(w.ctx, w.opts...), op.Origin, func() {
			for _, p := range op.Parameters {
				w.parameter(p)
			}
			w.requestBody(op.RequestBody)
			if op.Responses != nil {
				for _, code := range sortedKeys(op.Responses.Map()) {
					w.response(op.Responses.Value(code))
				}
			}
		})
	}
}

func (w *walker) parameter(p *openapi3.ParameterRef) {
	if p == nil || p.Value == nil || p.Ref != "" {
		return
	}
	w.check(p.Validate(w.ctx, w.opts...), p.Value.Origin, func() {
		w.schema(p.Value.Schema)
		w.content(p.Value.Content)
	})
}

func (w *walker) requestBody(b *openapi3.RequestBodyRef) {
	if b == nil || b.Value == nil || b.Ref != "" {
		return
	}
	w.check(b.Validate(w.ctx, w.opts...), b.Value.Origin, func() { w.content(b.Value.Content) })
}

func (w *walker) response(r *openapi3.ResponseRef) {
	if r == nil || r.Value == nil || r.Ref != "" {
		return
	}
	w.check(r.Validate(w.ctx, w.opts...), r.Value.Origin, func() {
		for _, k := range sortedKeys(r.Value.Headers) {
			if h := r.Value.Headers[k]; h != nil && h.Value != nil && h.Ref == "" {
				w.check(h.Validate(w.ctx, w.opts...), h.Value.Origin, func() { w.schema(h.Value.Schema) })
			}
		}
		w.content(r.Value.Content)
	})
}

func (w *walker) content(c openapi3.Content) {
	for _, k := range sortedKeys(c) {
		mt := c[k]
		if mt == nil {
			continue
		}
		err := mt.Validate(w.ctx, w.opts...)
		if err != nil && w.warn && serialized(k, mt) {
			w.excused[mt.Origin] = true
			err = mt.Validate(w.ctx, withoutExamples...)
		}
		w.check(err, mt.Origin, func() {
			w.schema(mt.Schema)
			for _, name := range sortedKeys(mt.Examples) {
				if ex := mt.Examples[name]; ex != nil && ex.Value != nil && ex.Ref == "" {
					w.check(ex.Validate(w.ctx, w.opts...), ex.Value.Origin, nil)
				}
			}
		})
	}
}

// schema reports the innermost failing schemas below s. Schemas reached by
// $ref are reported where they are defined, not where they are used.
func (w *walker) schema(s *openapi3.SchemaRef) {
	if s == nil || s.Value == nil || s.Ref != "" {
		return
	}
	v := s.Value
	w.check(v.Validate(w.ctx, w.opts...), v.Origin, func() {
		for _, k := range sortedKeys(v.Properties) {
			w.schema(v.Properties[k])
		}
		w.schema(v.Items)
		for _, list := range [][]*openapi3.SchemaRef{v.AllOf, v.AnyOf, v.OneOf} {
			for _, sub := range list {
				w.schema(sub)
			}
		}
		w.schema(v.Not)
		if v.AdditionalProperties.Schema != nil {
			w.schema(v.AdditionalProperties.Schema)
		}
	})
}

// sortedKeys returns a map's keys in order, for deterministic reports.
func sortedKeys[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	return slices.Sorted(maps.Keys(m))
}

// warnValue records an example or default that breaks its schema as a
// warning; a broken default is not applied (see BrokenDefault).
func (w *walker) warnValue(sve *openapi3.SchemaValueError) {
	msg := valueMessage(sve)
	if sve.ValueKind == "default" {
		w.doc.brokenDefaults[sve.Origin] = true
		msg += "; it is not applied"
	}
	w.list.Warnf(w.doc.FieldPos(sve.Origin, sve.ValueKind), "%s", msg)
}
