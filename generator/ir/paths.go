package ir

import "strings"

// PathOnWire is the part of an operation's path template that a request
// carries: the template without a URL fragment. Some documents tell apart
// variants of one endpoint by a fragment (Box's
// "/files/{file_id}#get_shared_link"); the fragment never leaves the
// client, so the client calls the path without it and the server's router
// sees only that.
func PathOnWire(path string) string {
	p, _, _ := strings.Cut(path, "#")
	return p
}
