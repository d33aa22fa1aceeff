package ir

import "strconv"

// kindNames are the kinds' names, for messages and panics.
var kindNames = [NumKinds]string{
	KindString: "string", KindInt: "int", KindFloat: "float", KindBool: "bool", KindStruct: "struct",
	KindEnum: "enum", KindArray: "array", KindTime: "time", KindDate: "date", KindBytes: "bytes",
	KindAny: "any", KindMap: "map", KindGo: "go", KindUnion: "union", KindStream: "stream",
}

// String names the kind ("map"); an unknown kind is Kind(n).
func (k Kind) String() string {
	if k >= 0 && k < NumKinds && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}
