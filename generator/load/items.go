package load

import "github.com/getkin/kin-openapi/openapi3"

// Item is one path item of the document: under paths, under webhooks (3.1),
// or under the callbacks of an operation of either.
type Item struct {
	// Key is the path, the webhook's name or the callback's expression
	// ("{$request.query.callbackUrl}/data").
	Key  string
	Item *openapi3.PathItem
	// Webhook is the webhook's name; empty for other items.
	Webhook string
	// Callback is the callback's name and Of the operation declaring it
	// (found under OfKey with method OfMethod); empty and nil for other
	// items.
	Callback        string
	Of              *openapi3.Operation
	OfKey, OfMethod string
}

// Sent reports whether the item describes requests the API sends (a
// webhook or a callback) rather than requests it serves.
func (it Item) Sent() bool { return it.Webhook != "" || it.Of != nil }

// Items lists every path item of the document in a fixed order: the paths
// (sorted), the webhooks (by name), then the callbacks of every operation
// of those (by the operation's key and method, then callback name and
// expression). Callbacks of callbacks follow their own operation's.
func (d *Doc) Items() []Item {
	var out []Item
	if d.T.Paths != nil {
		for _, p := range sortedKeys(d.T.Paths.Map()) {
			if item := d.T.Paths.Value(p); item != nil {
				out = append(out, Item{Key: p, Item: item})
			}
		}
	}
	for _, name := range sortedKeys(d.T.Webhooks) {
		if item := d.T.Webhooks[name]; item != nil {
			out = append(out, Item{Key: name, Item: item, Webhook: name})
		}
	}
	seen := make(map[itemOf]bool)
	for i := 0; i < len(out); i++ {
		out = append(out, callbackItems(out[i], seen)...)
	}
	return out
}

// callbackItems are the path items of the callbacks of it's operations.
func callbackItems(it Item, seen map[itemOf]bool) []Item {
	var out []Item
	ops := it.Item.Operations()
	for _, m := range sortedKeys(ops) {
		op := ops[m]
		if op == nil {
			continue
		}
		for _, name := range sortedKeys(op.Callbacks) {
			ref := op.Callbacks[name]
			if ref == nil || ref.Value == nil {
				continue
			}
			for _, expr := range sortedKeys(ref.Value.Map()) {
				item := ref.Value.Value(expr)
				key := itemOf{op, item}
				if item == nil || seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, Item{Key: expr, Item: item, Callback: name, Of: op, OfKey: it.Key, OfMethod: m})
			}
		}
	}
	return out
}

// itemOf is a callback's path item under one operation: a callback shared
// by two operations (a $ref) is an item of each, and a callback reached
// again through its own callbacks ends the walk.
type itemOf struct {
	op   *openapi3.Operation
	item *openapi3.PathItem
}
