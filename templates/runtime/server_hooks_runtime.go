package runtime

import (
	"net/http"
	"strings"
)

// srvHook is one operation of a webhooks' or callbacks' handler: the
// webhook's or callback's name, its HTTP method and what serves it.
type srvHook struct {
	name   string
	method string
	serve  func(http.ResponseWriter, *http.Request)
}

// newHookServer is the server a webhooks' or callbacks' handler serves
// its operations with: NewServer's options, no router.
func newHookServer(opts []ServerOption) *server {
	s := &server{config: srvDefaultConfig()}
	for _, opt := range opts {
		opt(&s.config)
	}
	return s
}

// hookHandler serves hooks at whatever path it is mounted: by method, and
// when byName by the last segment of the path too, the hook's name. A
// method the hook does not take answers 405 with Allow, a path that names
// no hook 404, a panic 500.
func (s *server) hookHandler(hooks []srvHook, byName bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer s.recoverPanic(w, r)
		name := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
		var allow []string
		for _, h := range hooks {
			if byName && h.name != name {
				continue
			}
			if h.method == r.Method {
				h.serve(w, r)
				return
			}
			allow = append(allow, h.method)
		}
		if len(allow) == 0 {
			s.writeEnvelope(w, srvEnvelopeMedia(r), serverErrorRoot, http.StatusNotFound, srvLabelNotFound)
			return
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.writeEnvelope(w, srvEnvelopeMedia(r), serverErrorRoot, http.StatusMethodNotAllowed, srvLabelNotAllowed)
	})
}
