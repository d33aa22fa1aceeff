package naming

import "testing"

func TestExported(t *testing.T) {
	for in, want := range map[string]string{
		"error-code":           "ErrorCode",
		"error-code-label":     "ErrorCodeLabel",
		"msisdn":               "MSISDN",
		"moHttpUrl":            "MoHTTPURL",
		"api_key":              "APIKey",
		"app_id":               "AppID",
		"X-Request-Id":         "XRequestID",
		"mobile-lvn":           "MobileLVN",
		"landline-toll-free":   "LandlineTollFree",
		"sms-transit":          "SMSTransit",
		"search_pattern":       "SearchPattern",
		"HTTPServer":           "HTTPServer",
		"200":                  "N200",
		"":                     "X",
		"getBalance":           "GetBalance",
		"max-outbound-request": "MaxOutboundRequest",
	} {
		if got := Exported(in); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnexported(t *testing.T) {
	for in, want := range map[string]string{
		"MSISDN":          "msisdn",
		"moHttpUrl":       "moHTTPURL",
		"type":            "type_",
		"func":            "func_",
		"pattern country": "patternCountry",
		"9lives":          "n9lives",
	} {
		if got := Unexported(in); got != want {
			t.Errorf("Unexported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIterator(t *testing.T) {
	for in, want := range map[string]string{
		"listOwnedNumbers":       "OwnedNumbers",
		"searchAvailableNumbers": "AvailableNumbers",
		"numbers":                "Numbers",
	} {
		if got := Iterator(in); got != want {
			t.Errorf("Iterator(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScopeUnique(t *testing.T) {
	s := NewScope("Client")
	if got := s.Unique("Client"); got != "Client2" {
		t.Fatalf("Unique(Client) = %q", got)
	}
	if got := s.Unique("Client"); got != "Client3" {
		t.Fatalf("second Unique(Client) = %q", got)
	}
	if !s.Claim("Balance") || s.Claim("Balance") {
		t.Fatal("Claim must succeed once")
	}
}

func TestRouteOperation(t *testing.T) {
	for _, c := range []struct{ method, path, want string }{
		{"get", "/pets", "GetPets"},
		{"get", "/pets/{petId}", "GetPetsByPetID"},
		{"delete", "/pets/{petId}/photos/{photo-id}", "DeletePetsByPetIDPhotosByPhotoID"},
		{"post", "/files/{name}.{ext}", "PostFilesByNameByExt"},
		{"get", "/", "Get"},
		{"patch", "/v2/sms-messages", "PatchV2SMSMessages"},
	} {
		if got := RouteOperation(c.method, c.path); got != c.want {
			t.Errorf("RouteOperation(%q, %q) = %s, want %s", c.method, c.path, got, c.want)
		}
	}
}

// TestEnumNumber: a number enum value without x-enum-varnames is named by
// its decimal text.
func TestEnumNumber(t *testing.T) {
	for text, want := range map[string]string{"0": "Level0", "10": "Level10", "-2": "LevelMinus2", "0.25": "Level0Point25", "-1.5": "LevelMinus1Point5"} {
		if got := EnumNumber("Level", text); got != want {
			t.Errorf("EnumNumber(Level, %s) = %s, want %s", text, got, want)
		}
	}
}
