package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// schemeKinds and keyIns are the runtime's constants of the IR's scheme
// kinds and API key places; schemeKind and keyIn fail loudly on a value
// they do not know.
var (
	schemeKinds = map[ir.SchemeKind]string{ir.SchemeBasic: rt.secBasic, ir.SchemeBearer: rt.secBearer, ir.SchemeAPIKey: rt.secAPIKey}
	keyIns      = map[ir.KeyIn]string{ir.KeyInHeader: rt.secInHeader, ir.KeyInQuery: rt.secInQuery, ir.KeyInCookie: rt.secInCookie}
)

func schemeKind(k ir.SchemeKind) string {
	if id, ok := schemeKinds[k]; ok {
		return id
	}
	panic("emit: unknown scheme kind")
}

func keyIn(in ir.KeyIn) string {
	if id, ok := keyIns[in]; ok {
		return id
	}
	panic("emit: unknown API key place")
}

// runtimeSecurity prints the schemes and the requirements, as the runtime
// reads them.
func runtimeSecurity(api *ir.API, f *jen.File) {
	f.Comment("secSchemes are the API's security schemes, in name order.")
	f.Var().Id(rt.secSchemes).Op("=").Index().Id(rt.secScheme).ValuesFunc(func(g *jen.Group) {
		for _, s := range api.Schemes {
			g.Line().Values(schemeFields(s))
		}
		if len(api.Schemes) > 0 {
			g.Line()
		}
	})
	f.Line()
	f.Comment("secRequirements are the operations' security requirements: each a list")
	f.Comment("of alternatives, each a set of schemes (indexes of secSchemes) that must")
	f.Comment("all be met. None means no credentials are needed.")
	f.Var().Id(rt.secRequirements).Op("=").Index().Index().Index().Int().ValuesFunc(func(g *jen.Group) {
		for _, r := range api.Requirements {
			g.Line().ValuesFunc(func(g *jen.Group) {
				for _, alt := range r.Alternatives {
					g.ValuesFunc(func(g *jen.Group) {
						for _, s := range alt {
							g.Lit(s.Index)
						}
					})
				}
			})
		}
		if len(api.Requirements) > 0 {
			g.Line()
		}
	})
	f.Line()
}

// schemeFields are the runtime's description of a scheme, as a
// secScheme literal's fields.
func schemeFields(s *ir.Scheme) jen.Dict {
	carrier, part := -1, 0
	if s.Carrier != nil {
		carrier, part = s.Carrier.Index, s.Part
	}
	d := jen.Dict{
		jen.Id("name"): jen.Lit(s.Name), jen.Id("kind"): jen.Id(schemeKind(s.Kind)),
		jen.Id("carrier"): jen.Lit(carrier), jen.Id("part"): jen.Lit(part), jen.Id("secret"): jen.Lit(s.Secret),
	}
	if s.Kind == ir.SchemeAPIKey {
		d[jen.Id("in")], d[jen.Id("param")] = jen.Id(keyIn(s.In)), jen.Lit(s.Param)
	}
	if s.Kind == ir.SchemeBasic {
		d[jen.Id("userName")], d[jen.Id("passwordName")] = jen.Lit(s.UserName), jen.Lit(s.PasswordName)
	}
	return d
}

// clientSecurity prints client_credentials.go: NewClient and an option per
// credential the API declares.
func clientSecurity(api *ir.API, f *jen.File) {
	clientConstructor(api, f)
	for _, s := range api.Schemes {
		if s.Carrier != nil {
			continue
		}
		schemeDoc(s, f)
		switch s.Kind {
		case ir.SchemeBasic:
			f.Comment(s.Option + " authenticates with HTTP Basic: " + s.UserName + " and " + s.PasswordName + ".")
			f.Func().Id(s.Option).Params(jen.Id(s.UserParam), jen.Id(s.PasswordParam).String()).Id(rt.Option).Block(
				jen.Return(jen.Id(rt.setBasic).Call(jen.Lit(s.Index), jen.Id(s.UserParam), jen.Id(s.PasswordParam))))
		case ir.SchemeBearer:
			f.Comment(s.Option + " sends token as the bearer token of " + s.Name + ".")
			f.Func().Id(s.Option).Params(jen.Id("token").String()).Id(rt.Option).Block(
				jen.Return(jen.Id(rt.setToken).Call(jen.Lit(s.Index), jen.Id("token"))))
			f.Line()
			f.Comment(s.Source + " asks source for the bearer token of " + s.Name + " before each attempt")
			f.Comment("(an OAuth 2 token that expires, say). Its error fails the call, unsent.")
			f.Func().Id(s.Source).Params(jen.Id("source").Func().Params(jen.Qual("context", "Context")).Params(jen.String(), jen.Error())).Id(rt.Option).Block(
				jen.Return(jen.Id(rt.setTokenSource).Call(jen.Lit(s.Index), jen.Id("source"))))
		case ir.SchemeAPIKey:
			f.Comment(s.Option + " sends key as " + s.Name + ": the " + keyPlace(s) + ".")
			f.Func().Id(s.Option).Params(jen.Id("key").String()).Id(rt.Option).Block(
				jen.Return(jen.Id(rt.setToken).Call(jen.Lit(s.Index), jen.Id("key"))))
		default:
			panic("emit: unknown scheme kind")
		}
		f.Line()
	}
}

// clientConstructor prints NewClient: with the user and password of the
// API's only credential when that is a Basic scheme, else with options
// alone.
func clientConstructor(api *ir.API, f *jen.File) {
	opts := jen.Id("opts").Op("...").Id(rt.Option)
	ret := jen.Params(jen.Op("*").Id(rt.Client), jen.Error())
	f.Comment("NewClient returns a client of the API. With no options it calls")
	f.Comment("DefaultBaseURL with a copy of http.DefaultClient (30 seconds timeout),")
	f.Comment("asks for JSON and retries as DefaultRetryPolicy says.")
	if p := api.ClientPair; p != nil {
		f.Comment("")
		f.Comment("It authenticates with " + p.UserName + " and " + p.PasswordName + " (" + p.Option + "): as HTTP")
		f.Comment("Basic, which keeps the secret out of URLs, or as the schemes paired with")
		f.Comment("it where an operation prefers them (see WithSchemes).")
		f.Func().Id(rt.NewClient).Params(jen.Id(p.UserParam), jen.Id(p.PasswordParam).String(), opts).Add(ret).Block(
			jen.Return(jen.Id(rt.newClient).Call(jen.Append(jen.Index().Id(rt.Option).Values(
				jen.Id(p.Option).Call(jen.Id(p.UserParam), jen.Id(p.PasswordParam))), jen.Id("opts").Op("...")))))
		f.Line()
		return
	}
	f.Comment("")
	f.Comment("Credentials are given with the options of the API's security schemes;")
	f.Comment("an operation that requires credentials the client was not given fails")
	f.Comment("with ErrNoCredentials before anything is sent.")
	f.Func().Id("NewClient").Params(opts).Add(ret).Block(jen.Return(jen.Id(rt.newClient).Call(jen.Id("opts"))))
	f.Line()
}

// schemeDoc prints the scheme's description above its options.
func schemeDoc(s *ir.Scheme, f *jen.File) {
	if s.Description != "" {
		f.Comment(s.Name + ": " + s.Description)
		f.Comment("")
	}
}

// keyPlace says where an API key travels: `header "X-API-Key"`.
func keyPlace(s *ir.Scheme) string {
	switch s.In {
	case ir.KeyInHeader:
		return "header " + quote(s.Param)
	case ir.KeyInQuery:
		return "query parameter " + quote(s.Param)
	case ir.KeyInCookie:
		return "cookie " + quote(s.Param)
	}
	panic("emit: unknown API key place")
}

// serverSecurity prints server_verifiers.go: a verifier option per
// credential the API declares.
func serverSecurity(api *ir.API, f *jen.File) {
	for _, s := range api.Schemes {
		if s.Carrier != nil {
			continue
		}
		schemeDoc(s, f)
		switch s.Kind {
		case ir.SchemeBasic:
			f.Comment(s.Verifier + " sets the verifier of " + s.Name + ": the user and password of")
			f.Comment("HTTP Basic" + pairedDoc(api, s) + ". Without it, a request that needs")
			f.Comment(s.Name + " is answered 401. See StaticBasic.")
			f.Func().Id(s.Verifier).Params(jen.Id("v").Id(rt.BasicVerifier)).Id(rt.ServerOption).Block(
				jen.Return(jen.Id(rt.setBasicVerifier).Call(jen.Lit(s.Index), jen.Id("v"))))
		case ir.SchemeBearer, ir.SchemeAPIKey:
			what := "the bearer token"
			if s.Kind == ir.SchemeAPIKey {
				what = "the API key in the " + keyPlace(s)
			}
			f.Comment(s.Verifier + " sets the verifier of " + s.Name + ": " + what + ".")
			f.Comment("Without it, a request that needs " + s.Name + " is answered 401. See StaticToken.")
			f.Func().Id(s.Verifier).Params(jen.Id("v").Id(rt.TokenVerifier)).Id(rt.ServerOption).Block(
				jen.Return(jen.Id(rt.setTokenVerifier).Call(jen.Lit(s.Index), jen.Id("v"))))
		default:
			panic("emit: unknown scheme kind")
		}
		f.Line()
	}
}

// pairedDoc names the API keys paired with a Basic scheme: ", or the
// query parameter "api_key" and ...".
func pairedDoc(api *ir.API, basic *ir.Scheme) string {
	out := ""
	for _, s := range api.Schemes {
		if s.Carrier == basic {
			if out == "" {
				out = ", or the " + keyPlace(s)
			} else {
				out += " and the " + keyPlace(s)
			}
		}
	}
	return out
}
