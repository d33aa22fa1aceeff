package naming

// ClientMethods are the methods the client's runtime declares on Client
// (it prints itself without its secret). Operations and iterators are
// methods of Client too, so their names must avoid these: reserve them in
// the scope that hands out method names.
var ClientMethods = []string{"String", "GoString", "Format", "LogValue"}

// SchemeOption is the client option that sets a security scheme's
// credential: "bearerAuth" → WithBearerAuth.
func SchemeOption(scheme string) string { return "With" + Exported(scheme) }

// SchemeSource is the client option that sets a bearer scheme's token
// source: "oauth" → WithOauthSource.
func SchemeSource(scheme string) string { return "With" + Exported(scheme) + "Source" }

// SchemeVerifier is the server option that sets a security scheme's
// verifier: "bearerAuth" → WithBearerAuthVerifier.
func SchemeVerifier(scheme string) string { return "With" + Exported(scheme) + "Verifier" }
