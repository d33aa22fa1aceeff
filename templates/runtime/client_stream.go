package runtime

import (
	"context"
	"io"
	"net/http"
	"sync"
	"time"
)

// Stream is an answer that travels as bytes (application/octet-stream, an
// image, a PDF, a media type the spec gives no schema): the client hands
// the body over as it arrives and never reads it into memory. The caller
// reads Body and must close it; ContentType is the answer's Content-Type.
//
// Without a deadline of the caller's, DefaultCallTimeout bounds the call
// until the answer's headers arrive, not the reading of the body: bound a
// long download with the Context, which stays in force until Body is
// closed.
type Stream struct {
	Body        io.ReadCloser
	ContentType string
	// stop ends the call's own bound once the headers have arrived.
	stop func() bool
	// cancel ends the call's Context; Body's Close calls it.
	cancel context.CancelFunc
}

// bound makes the call's Context: it ends after DefaultCallTimeout unless
// the answer's headers arrive first.
func (s *Stream) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	s.stop = time.AfterFunc(DefaultCallTimeout, cancel).Stop
	s.cancel = cancel
	return ctx, cancel
}

// handOver takes the body of a 2xx answer, unread.
func (s *Stream) handOver(resp *http.Response) {
	if s.stop != nil {
		s.stop()
	}
	s.ContentType = resp.Header.Get("Content-Type")
	s.Body = &streamBody{ReadCloser: resp.Body, cancel: s.cancel}
}

// Close closes Body, when the Stream holds one.
func (s *Stream) Close() error {
	if s == nil || s.Body == nil {
		return nil
	}
	return s.Body.Close()
}

// handedOver reports whether the Stream holds an answer's body.
func (s *Stream) handedOver() bool { return s.Body != nil }

// streamBody is a Stream's Body: closing it also ends the call's Context.
type streamBody struct {
	io.ReadCloser
	once   sync.Once
	cancel context.CancelFunc
}

// Close closes the body and ends the call's Context.
func (b *streamBody) Close() error {
	err := b.ReadCloser.Close()
	if b.cancel != nil {
		b.once.Do(b.cancel)
	}
	return err
}
