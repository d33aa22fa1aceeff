package naming

// ServerReserved are the package-level names the jennifer-built server
// files declare whatever the spec. The builder reserves them, so no
// spec-derived type can take them; the runtime's own names are
// templates.Names.
func ServerReserved() []string {
	return []string{"Handler", "UnimplementedHandler", "serverRoutes"}
}

// ServerInput is the request struct of an operation handed to the server's
// handler: "BuyNumber" → BuyNumberInput. (BuyNumberRequest is the Nexmo
// spec's own name of the buy form body.)
func ServerInput(op string) string { return op + "Input" }

// ServerResponse is the interface of an operation's typed responses:
// "BuyNumber" → BuyNumberResponse.
func ServerResponse(op string) string { return op + "Response" }

// ServerMarker is the unexported marker method of an operation's response
// interface: "BuyNumber" → isBuyNumberResponse.
func ServerMarker(op string) string { return "is" + op + "Response" }

// ServerServe is the server's method that serves an operation:
// "BuyNumber" → serveBuyNumber.
func ServerServe(op string) string { return "serve" + op }

// ServerBind is the function that binds an operation's request:
// "BuyNumber" → bindBuyNumber.
func ServerBind(op string) string { return "bind" + op }

// ServerDescriptor is the package-level variable describing an operation to
// the server runtime: "BuyNumber" → opBuyNumber.
func ServerDescriptor(op string) string { return "op" + op }

// Wildcard is the name the server's router gives a path parameter's value,
// which must be a Go identifier: "type" → type_, "app-id" → appID.
func Wildcard(param string) string { return Unexported(param) }

// Media is the server's variable describing a declared media type to the
// runtime ("text/xml" → srvMediaTextXML).
func Media(mediaType string) string { return "srvMedia" + Exported(mediaType) }
