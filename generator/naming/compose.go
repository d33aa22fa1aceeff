package naming

import (
	"strconv"
	"strings"
)

// Operation is the client method name of an operationId: "getBalance" →
// GetBalance.
func Operation(operationID string) string { return Exported(operationID) }

// Params is the parameters struct of an operation.
func Params(op string) string { return op + "Params" }

// Body is the request body struct of an operation whose body schema is
// inline.
func Body(op string) string { return op + "Body" }

// Response is the server's typed value for one response of an operation;
// status 0 is the "default" response.
func Response(op string, status int) string {
	if status == 0 {
		return op + "DefaultResponse"
	}
	return op + strconv.Itoa(status) + "Response"
}

// ResponseRange is the server's typed value for a range of statuses of an
// operation ("GetPet", 4 → GetPet4XXResponse).
func ResponseRange(op string, class int) string {
	return op + strconv.Itoa(class) + "XXResponse"
}

// SharedResponse is the server's typed value of a components/responses
// entry that several operations share ("EnvelopeSuccess" →
// EnvelopeSuccessResponse; a name ending in Response keeps it).
func SharedResponse(component string) string {
	name := Exported(component)
	if strings.HasSuffix(name, "Response") {
		return name
	}
	return name + "Response"
}

// Inline names a schema written inline under parent at the given property
// path ("OutboundPricing", "networks", "item" → OutboundPricingNetworksItem).
func Inline(parent string, path ...string) string {
	if len(path) == 0 {
		return parent
	}
	return parent + Exported(strings.Join(path, " "))
}

// EnumValue names the constant of one enum value: the enum's name followed
// by the value's own name ("NumberType", "mobile-lvn" → NumberTypeMobileLVN).
func EnumValue(enum, value string) string { return enum + Exported(value) }

// EnumNumber names a number enum value without x-enum-varnames, from its
// decimal text: the enum's name, then the digits as they are, a leading
// minus as "Minus" and a decimal point as "Point" (Level, "-1.5" →
// LevelMinus1Point5; "10" → Level10). The README documents it.
func EnumNumber(enum, text string) string {
	word := strings.ReplaceAll(strings.TrimPrefix(text, "-"), ".", "Point")
	if strings.HasPrefix(text, "-") {
		word = "Minus" + word
	}
	return enum + word
}

// Pattern names the package-level variable of a compiled pattern, after
// the field that first uses it ("country" → patternCountry).
func Pattern(field string) string { return Unexported("pattern " + field) }

// Iterator names the method that walks every page of a list operation: the
// operation's name without its leading verb ("listOwnedNumbers" →
// OwnedNumbers, "searchAvailableNumbers" → AvailableNumbers).
func Iterator(operationID string) string {
	words := Words(operationID)
	if len(words) > 1 {
		switch strings.ToLower(words[0]) {
		case "list", "search", "get", "find", "query", "fetch":
			words = words[1:]
		}
	}
	return Exported(strings.Join(words, " "))
}

// RouteOperation names an operation that has no operationId after its
// method and path: the method, then the path's words, each parameter as
// "By" and its name ("get", "/pets/{petId}/photos" → GetPetsByPetIDPhotos;
// "/files/{name}.{ext}" → ...FilesByNameByExt). The README documents it.
func RouteOperation(method, path string) string {
	words := []string{strings.ToLower(method)}
	for path != "" {
		open := strings.IndexByte(path, '{')
		end := strings.IndexByte(path, '}')
		if open < 0 || end < open {
			words = append(words, path)
			break
		}
		words = append(words, path[:open], "by", path[open+1:end])
		path = path[end+1:]
	}
	return Exported(strings.Join(words, " "))
}
