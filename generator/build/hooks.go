package build

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// hooks builds the requests the API sends: the webhooks, one group, then
// the callbacks of each operation, a group per operation. Their
// operations are built as the others are (params, bodies, responses,
// security); only their names and their paths differ (see ir.HookGroup).
func (b *builder) hooks() {
	var groups []*ir.HookGroup
	byOf := make(map[*openapi3.Operation]*ir.HookGroup)
	items := make(map[*ir.HookGroup][]load.Item)
	for _, it := range b.doc.Items() {
		if !it.Sent() {
			continue
		}
		key := it.Of // nil for the webhooks
		g := byOf[key]
		if g == nil {
			if g = b.hookGroup(it); g == nil {
				continue
			}
			byOf[key] = g
			groups = append(groups, g)
		}
		items[g] = append(items[g], it)
	}
	for _, g := range groups {
		b.hookOperations(g, items[g])
		if len(g.Operations) > 0 {
			b.api.Hooks = append(b.api.Hooks, g)
		}
	}
}

// hookGroup makes the group of an item's webhooks or callbacks, its
// names claimed; nil when the operation of the callbacks was not built.
func (b *builder) hookGroup(it load.Item) *ir.HookGroup {
	g := &ir.HookGroup{}
	pos := b.fieldPos(b.doc.T.Origin, "webhooks")
	if it.Of == nil {
		g.Handler, g.NewHandler, g.Sender, g.NewSender = naming.WebhookHandler, naming.NewWebhookHandler, naming.WebhookSender, naming.NewWebhookSender
	} else {
		g.Of = b.built[it.Of]
		if g.Of == nil {
			return nil
		}
		pos = b.fieldPos(it.Of.Origin, "callbacks")
		g.Handler, g.NewHandler, g.Sender, g.NewSender = naming.CallbackGroup(g.Of.GoName)
	}
	b.hookPos[g] = pos
	return g
}

// claimHookNames claims the names of every group's handler, sender and
// their constructors, once every schema has its type: a name taken is an
// error at the webhooks or the operation's callbacks, never a rename.
func (b *builder) claimHookNames() {
	for _, g := range b.api.Hooks {
		for _, name := range []string{g.Handler, g.NewHandler, g.Sender, g.NewSender} {
			if !b.types.Claim(name) {
				b.diags.Addf(b.hookPos[g], "the name %s of the generated %s is already taken (by a schema or another generated name)", name, groupNoun(g))
			}
		}
	}
}

// groupNoun says what a group is in diagnostics.
func groupNoun(g *ir.HookGroup) string {
	if g.Of == nil {
		return "webhooks' handler and sender"
	}
	return "callbacks' handler and sender of " + g.Of.ID
}

// hookOperations builds the operations of a group's path items.
func (b *builder) hookOperations(g *ir.HookGroup, items []load.Item) {
	names := make(map[string]bool)
	for _, it := range items {
		name := it.Webhook
		if it.Of != nil {
			name = it.Callback
			if names[name] {
				b.diags.Addf(b.pos(it.Item.Origin), "unsupported: callback %q with several expressions (one handler serves one URL per callback name)", name)
				continue
			}
		}
		names[name] = true
	}
	g.ByName = len(names) > 1
	methods := naming.NewScope(naming.ClientMethods...)
	done := make(map[string]bool)
	for _, it := range items {
		name := it.Webhook
		if it.Of != nil {
			name = it.Callback
		}
		if done[name] {
			continue
		}
		done[name] = true
		ops := it.Item.Operations()
		for _, m := range sortedKeys(ops) {
			if op := b.hookOperation(g, it, name, m, ops[m], len(ops) > 1, methods); op != nil {
				g.Operations = append(g.Operations, op)
			}
		}
	}
}

// hookOperation builds one operation of a group, or returns nil when it
// cannot be named.
func (b *builder) hookOperation(g *ir.HookGroup, it load.Item, name, method string, o *openapi3.Operation, several bool, methods *naming.Scope) *ir.Operation {
	h := &ir.Hook{Name: name, Group: g, Method: naming.HookMethod(o.OperationID, name, method, several)}
	if it.Of != nil {
		h.Expr = it.Key
	}
	at := b.pos(o.Origin)
	if o.OperationID != "" {
		at = b.fieldPos(o.Origin, "operationId")
	}
	if asked := b.goNameOf(o.Extensions, o.Origin); asked != "" {
		h.Method, at = asked, b.fieldPos(o.Origin, extGoName)
	}
	if !methods.Claim(h.Method) {
		b.diags.Addf(at, "%s of %s %q: its Go method %s is taken by another operation of the %s (or the sender declares it): give it another operationId or x-go-name",
			strings.ToUpper(method), hookNoun(it), name, h.Method, groupNoun(g))
		return nil
	}
	prefix := naming.WebhookPrefix
	if g.Of != nil {
		prefix = g.Of.GoName
	}
	path := ""
	if g.ByName {
		path = "/" + name
	}
	e := opEntry{path: path, method: method, item: it.Item, op: o, pos: b.pos(o.Origin),
		hook: h, goName: b.opNames.Unique(prefix + h.Method)}
	op := b.operation(e)
	if op == nil {
		return nil
	}
	if op.Params != nil {
		for _, f := range op.Params.Fields {
			if f.In == ir.InPath {
				b.diags.Addf(f.Pos, "unsupported: path parameter %q of a %s (the receiver's URL has none)", f.Name, hookNoun(it))
			}
		}
	}
	return op
}

// hookNoun is "webhook" or "callback".
func hookNoun(it load.Item) string {
	if it.Of != nil {
		return "callback"
	}
	return "webhook"
}

// unreferencedCallbacks refuses the component callbacks no operation
// refers to: they would generate nothing.
func (b *builder) unreferencedCallbacks() {
	c := b.doc.T.Components
	if c == nil || len(c.Callbacks) == 0 {
		return
	}
	used := make(map[*openapi3.Callback]bool)
	for _, it := range b.doc.Items() {
		for _, o := range it.Item.Operations() {
			for _, ref := range o.Callbacks {
				if ref != nil {
					used[ref.Value] = true
				}
			}
		}
	}
	for _, name := range sortedKeys(c.Callbacks) {
		if ref := c.Callbacks[name]; ref != nil && ref.Value != nil && !used[ref.Value] {
			b.diags.Addf(b.pos(ref.Value.Origin), "unsupported: callback %q of the components that no operation refers to (nothing would be generated)", name)
		}
	}
}
