package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// runtimeSpec prints runtime_spec.go: every value of the spec that the
// copied runtime reads, as the package-level identifiers it refers to
// (templates/runtime/spec.go declares the same names with example values).
func runtimeSpec(api *ir.API, f *jen.File) {
	runtimeServers(api, f)
	f.Comment("DefaultUserAgent is the User-Agent header sent unless WithUserAgent says")
	f.Comment("otherwise.")
	f.Const().Id(rt.DefaultUserAgent).Op("=").Lit(api.UserAgent)
	f.Line()
	f.Comment("packageName prefixes the messages of the package's errors.")
	f.Const().Id(rt.packageName).Op("=").Lit(api.Package)
	f.Line()
	runtimeSecurity(api, f)
	runtimeBodyStatus(api, f)
	runtimeErrorClasses(api.ErrorClasses, f)
	f.Comment("requestIDHeaders are the response headers that identify a request, in")
	f.Comment("preference order.")
	f.Var().Id(rt.requestIDHeaders).Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
		for _, h := range api.RequestIDHeaders {
			g.Lit(h)
		}
	})
	f.Line()
}

// runtimeServers prints the API's server: the default base URL, and the
// URL template and variables WithServerVariable sets.
func runtimeServers(api *ir.API, f *jen.File) {
	f.Comment("DefaultBaseURL is the server the client calls unless WithBaseURL says")
	f.Comment("otherwise: the first server of the API description.")
	if len(api.ServerVariables) > 0 {
		f.Comment("Its variables, set with WithServerVariable, are at their defaults:")
		for _, v := range api.ServerVariables {
			line := fmt.Sprintf("  - %s (default %q", v.Name, v.Default)
			if len(v.Enum) > 0 {
				line += "; one of " + strings.Join(v.Enum, ", ")
			}
			line += ")"
			if v.Doc != "" {
				line += ": " + v.Doc
			}
			f.Comment(line)
		}
	}
	f.Const().Id(rt.DefaultBaseURL).Op("=").Lit(api.BaseURL)
	f.Line()
	f.Comment("serverURL is DefaultBaseURL with its variables in braces, which")
	f.Comment("WithServerVariable sets.")
	f.Const().Id(rt.serverURL).Op("=").Lit(api.ServerURL)
	f.Line()
	f.Comment("serverVariables are the variables of serverURL.")
	f.Var().Id(rt.serverVariables).Op("=").Index().Id(rt.serverVariable).ValuesFunc(func(g *jen.Group) {
		for _, v := range api.ServerVariables {
			g.Values(jen.Dict{
				jen.Id("name"):  jen.Lit(v.Name),
				jen.Id("value"): jen.Lit(v.Default),
				jen.Id("enum"): jen.Index().String().ValuesFunc(func(e *jen.Group) {
					for _, x := range v.Enum {
						e.Lit(x)
					}
				}),
			})
		}
	})
	f.Line()
}

// runtimeBodyStatus prints how bodies report their status. Without
// x-nexmogen-body-status the reader of status fields is still declared
// (the runtime refers to it), with the envelope's names, and never used.
func runtimeBodyStatus(api *ir.API, f *jen.File) {
	bs := api.BodyStatus
	code, label := api.Envelope.Code, api.Envelope.Label
	f.Comment("bodyStatusDeclared says whether the API's bodies carry status fields,")
	f.Comment("whose codes in bodySuccessCodes mean success.")
	f.Const().Id(rt.bodyStatusDeclared).Op("=").Lit(bs != nil)
	f.Line()
	f.Comment("bodySuccessCodes are the body status codes that mean success.")
	f.Var().Id(rt.bodySuccessCodes).Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
		if bs != nil {
			for _, s := range bs.Success {
				g.Lit(s)
			}
		}
	})
	f.Line()
	f.Comment("statusBody reads the status fields of any body, whatever its XML root.")
	f.Type().Id(rt.statusBody).Struct(
		jen.Id("Code").Id(rt.flexString).Tag(map[string]string{"json": code, "xml": "-"}),
		jen.Id("Label").Id(rt.flexString).Tag(map[string]string{"json": label, "xml": "-"}),
		jen.Id("XMLCode").String().Tag(map[string]string{"json": "-", "xml": code}),
		jen.Id("XMLLabel").String().Tag(map[string]string{"json": "-", "xml": label}),
	)
	f.Line()
}

// packageDoc prints doc.go, the package's documentation.
func packageDoc(api *ir.API, f *jen.File) {
	if api.Title != "" {
		f.PackageComment("Package " + api.Package + " is a client, request validators and server stubs for")
		f.PackageComment("the " + api.Title + ", generated from its OpenAPI description by nexmogen.")
	} else {
		f.PackageComment("Package " + api.Package + " was generated from an OpenAPI description by nexmogen.")
	}
	f.PackageComment("")
	f.PackageComment("The package imports the standard library only.")
	operationsDoc(api, f)
}

// runtimeErrorClasses prints the statuses of each class of failure.
func runtimeErrorClasses(c ir.ErrorClasses, f *jen.File) {
	ranges := func(rs []ir.StatusRange) *jen.Statement {
		return jen.Index().Id(rt.statusRange).ValuesFunc(func(g *jen.Group) {
			for _, r := range rs {
				g.Values(jen.Lit(r.Lo), jen.Lit(r.Hi))
			}
		})
	}
	f.Comment("The statuses of each class of failure (errors.Is with ErrAuthentication,")
	f.Comment("ErrRateLimited, ErrActionFailed, ErrServer and ErrInvalidInput).")
	f.Var().Defs(
		jen.Id(rt.classAuthentication).Op("=").Add(ranges(c.Authentication)),
		jen.Id(rt.classRateLimited).Op("=").Add(ranges(c.RateLimited)),
		jen.Id(rt.classRefused).Op("=").Add(ranges(c.Refused)),
		jen.Id(rt.classServer).Op("=").Add(ranges(c.Server)),
		jen.Id(rt.classInvalidInput).Op("=").Add(ranges(c.InvalidInput)),
	)
	f.Line()
}
