package runtime

import (
	"encoding/base64"
	"time"
)

// srvParseTime converts an RFC 3339 date-time.
func srvParseTime(w srvWire, v string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, v)
	if err != nil || !rfc3339Hour(v) {
		return time.Time{}, &srvBindError{w, srvQuoted(v) + " is not an RFC 3339 date-time"}
	}
	return t, nil
}

// srvParseDate converts a YYYY-MM-DD date.
func srvParseDate(w srvWire, v string) (Date, error) {
	d, err := ParseDate(v)
	if err != nil {
		return Date{}, &srvBindError{w, srvQuoted(v) + " is not a date (YYYY-MM-DD)"}
	}
	return d, nil
}

// srvParseBytes converts standard base64 (RFC 4648 section 4, padded).
func srvParseBytes(w srvWire, v string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return nil, &srvBindError{w, srvQuoted(v) + " is not base64"}
	}
	return b, nil
}
