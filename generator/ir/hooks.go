package ir

// HookGroup is a set of requests the API sends rather than serves: the
// document's webhooks (OpenAPI 3.1), or the callbacks of one operation.
// The user's application receives them through the group's handler (server
// side: an interface with one method per operation, and the constructor of
// an http.Handler); the API, a fake or a test sends them with the group's
// sender (client side).
type HookGroup struct {
	// Of is the operation whose callbacks the group holds; nil for the
	// webhooks.
	Of *Operation
	// Handler is the interface the user implements, NewHandler the
	// function that serves it, Sender the type that sends the requests and
	// NewSender its constructor.
	Handler, NewHandler, Sender, NewSender string
	// ByName is true when the group has several path items (webhook or
	// callback names): the handler then picks the one whose name is the
	// last segment of the request's path, and the sender appends that
	// segment to its URL. With one, the handler serves any path.
	ByName bool
	// Operations are the group's operations, in the order of the
	// document; each has its Hook set.
	Operations []*Operation
}

// Hook is what an operation of a HookGroup adds to it. Its Path is the
// path the sender appends to its URL ("" or "/" + Name).
type Hook struct {
	// Name is the webhook's or the callback's name.
	Name string
	// Expr is the callback's runtime expression
	// ("{$request.query.callbackUrl}/data"); empty for a webhook.
	Expr string
	// Method is the Go name of the operation's method in the group's
	// interface and sender (its GoName, which names its types, carries
	// the group's prefix).
	Method string
	// Group is the group the operation belongs to.
	Group *HookGroup
}

// AllOperations are the operations the API serves, then those of each
// hook group: every operation whose types, validators and codecs the
// package holds.
func (api *API) AllOperations() []*Operation {
	out := append([]*Operation(nil), api.Operations...)
	for _, g := range api.Hooks {
		out = append(out, g.Operations...)
	}
	return out
}
