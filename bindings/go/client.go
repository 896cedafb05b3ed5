package advanceai

// #include "advanceai.h"
import "C"

import (
	"runtime"
	"sync"
)

// Client is a connection to the API: one connection pool and one token cache. It is safe
// for concurrent use by many goroutines; build one per set of credentials and share it.
type Client struct {
	// mu is held for reading by every call and for writing by Close, so that the C client
	// is never freed under a call that is using it.
	mu  sync.RWMutex
	ptr *C.advanceai_client
}

// NewClient builds a client. An invalid configuration is an *Error of kind
// StatusConfigError that says what is wrong (never showing a key).
func NewClient(cfg Config) (*Client, error) {
	ccfg, err := cfg.build()
	if err != nil {
		return nil, err
	}
	// The C client copies the configuration.
	defer C.advanceai_config_free(ccfg)
	var out *C.advanceai_client
	var cerr *C.advanceai_error
	if st := C.advanceai_client_new(ccfg, &out, &cerr); st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	c := &Client{ptr: out}
	// A backstop only: Close is the way to free a client (it holds sockets).
	runtime.SetFinalizer(c, (*Client).Close)
	return c, nil
}

// Close frees the client. It waits for the calls in flight to return (each is bounded by
// the configured timeouts, WaitForResult by its own), then frees; later calls fail with
// ErrClosed. Close is idempotent and always returns nil.
func (c *Client) Close() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ptr != nil {
		C.advanceai_client_free(c.ptr)
		c.ptr = nil
		runtime.SetFinalizer(c, nil)
	}
	return nil
}

// acquire gives the C client for one call, holding it open until release.
func (c *Client) acquire() (*C.advanceai_client, error) {
	if c == nil {
		return nil, ErrClosed
	}
	c.mu.RLock()
	if c.ptr == nil {
		c.mu.RUnlock()
		return nil, ErrClosed
	}
	return c.ptr, nil
}

// release ends a call started by acquire. The KeepAlive keeps the finalizer from freeing
// the C client while the C call that uses it is running.
func (c *Client) release() {
	c.mu.RUnlock()
	runtime.KeepAlive(c)
}

// Token is the current access token (fetched, or refreshed when it is about to expire).
// The other calls fetch it themselves: this is only for sending some requests yourself.
func (c *Client) Token() (Token, error) {
	ptr, err := c.acquire()
	if err != nil {
		return Token{}, err
	}
	defer c.release()
	var out *C.advanceai_token
	var cerr *C.advanceai_error
	st := C.advanceai_client_token(ptr, &out, &cerr)
	runtime.KeepAlive(c)
	if st != C.ADVANCEAI_STATUS_OK {
		return Token{}, takeError(st, cerr)
	}
	defer C.advanceai_token_free(out)
	return Token{value: goString(C.advanceai_token_value(out))}, nil
}

// Version is the C library's version ("0.1.0").
func Version() string {
	return C.GoString(C.advanceai_version())
}
