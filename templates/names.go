package templates

// RuntimeNames are the package-level names the static files declare. The
// builder reserves them, so no name taken from a spec collides with the
// runtime. A test in generator/emit renders the templates and holds this
// list to what they really declare: update it with the templates.
func RuntimeNames() []string {
	return []string{
		// Exported: the runtime's API.
		"APIError", "Authenticator", "AuthenticatorFunc", "Client", "DefaultBaseURL",
		"DefaultRetryPolicy", "DefaultUserAgent", "EqualCredentials", "ErrActionFailed",
		"ErrAuthentication", "ErrInvalidInput", "ErrInvalidResponse", "ErrNotImplemented",
		"ErrOutcomeUnknown", "ErrRateLimited", "ErrServer", "NewClient", "NewServer", "Option",
		"Ptr", "RetryPolicy", "Secret", "ServerOption", "StaticAuthenticator", "ValidationError",
		"WithAuthenticator", "WithBaseURL", "WithBasicAuth", "WithHTTPClient", "WithJSON",
		"WithMaxBodyBytes", "WithQueryAuth", "WithRetryPolicy", "WithServerLogger", "WithUserAgent",
		"WithXML",
		// Unexported helpers.
		"authBasic", "authMode", "authNone", "authQuery", "bodies", "bodyStatuser", "charsetReader",
		"containsRun", "defaultTimeout", "duplicateAt", "enumText", "errUnknownMedia", "failConnect",
		"failFinal", "failGarbled", "failStatus", "failTransport", "failedCode", "failure",
		"flexString", "inRanges", "invalidInput", "joinValues", "jsonStatusKey", "matchRun",
		"maxBodySize", "media", "mediaJSON", "mediaOf", "mediaProblem", "mediaUnknown", "mediaXML",
		"newRedactor", "problem", "redacted", "redactedError", "redactor", "request", "requestID",
		"requestIDHeaders", "retryAfter", "sendTrace", "server", "serverConfig", "serverErrorRoot",
		"serverResponse", "sleep", "srvAbsent", "srvAcceptQuality", "srvBindError", "srvBindPointer",
		"srvBindSlice", "srvBindValue", "srvBodyReader", "srvBodyReaders", "srvCleanPath",
		"srvContainsMedia", "srvContentTypes", "srvDecodeJSONBody", "srvDefaultMaxBodyBytes",
		"srvEncode", "srvEncoded", "srvEncoder", "srvEncoders", "srvEnvelopeMedia",
		"srvEnvelopeOffers", "errSrvBadCredentials", "errSrvResponseStatus", "srvErrorEnvelope",
		"srvEscaped", "srvExchange", "srvLabelInternal", "srvLabelNotAcceptable",
		"srvLabelNotAllowed", "srvLabelNotFound", "srvLabelNotImplemented", "srvLabelTooLarge",
		"srvLabelUnauthorized", "srvLabelUnreadable", "srvMedia", "srvMediaForm", "srvMediaJSON",
		"srvMediaNone", "srvMediaProblemJSON", "srvMediaTypes", "srvMediaXML", "srvNegotiate",
		"srvNoSniff", "srvOperation", "srvPair", "srvPairs", "srvParseBool", "srvParseFloat",
		"srvParseInt", "srvParseString", "srvQuality", "srvQuoted", "srvSource", "srvSourceNames",
		"srvSplit", "srvSrcBody", "srvSrcForm", "srvSrcHeader", "srvSrcPath", "srvSrcQuery",
		"srvWire", "statusBody", "statusOf", "successCode", "unmarshal", "walkPages", "xmlStatusKey",
	}
}
