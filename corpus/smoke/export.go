package smoke

// Package is what Analyse finds in a generated package: what a test
// outside corpus/smoke (the bench module's interop harness) needs to drive
// its client and serve its Handler. Type names are as written inside the
// package (unqualified).
type Package struct {
	Name string
	// ClientArgs is the number of NewClient's leading string arguments.
	ClientArgs int
	// ClientOpts call the client's credential options with "smoke";
	// ServerOpts the server's verifier options with verifiers that accept
	// every credential.
	ClientOpts, ServerOpts []string
	Ops                    []Operation
	// Enums maps each enum type to its first constant.
	Enums map[string]string
}

// Operation is one method of the Handler and the client method of the
// same name.
type Operation struct {
	Name    string
	Args    []string // the client method's argument types after ctx
	Fields  []string // the handler input's field each argument arrives in ("" when none)
	Results int      // the client method's results before error (0 or 1)
	Input   string   // the handler's input type (without *)
	// Response is the lowest 2xx response type ("" when none);
	// ResponseIface the handler method's result type.
	Response, ResponseIface string
	HasBody                 bool   // Response has a Body field
	Skip                    string // why the operation cannot be driven
}

// Analyse reads the Go package nexmogen generated in dir with go/types.
func Analyse(dir string) (*Package, error) {
	p, err := analyse(dir, "")
	if err != nil {
		return nil, err
	}
	out := &Package{Name: p.Package, ClientArgs: p.ClientArgs, ClientOpts: p.ClientOpts, ServerOpts: p.ServerOpts, Enums: p.Enums}
	for _, o := range p.Ops {
		out.Ops = append(out.Ops, Operation{Name: o.Name, Args: o.Args, Fields: o.Fields, Results: o.Results, Input: o.Input,
			Response: o.Response, ResponseIface: o.ResponseIface, HasBody: o.HasBody, Skip: o.Skip})
	}
	return out, nil
}
