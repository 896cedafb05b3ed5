package advanceai

// #include "advanceai.h"
import "C"

import (
	"fmt"
	"runtime"
	"strconv"
	"time"
)

// URLRequest is an H5 Generate URL request. The first six fields are required; the
// string options are sent only when not "", the *bool ones only when not nil. Which
// options a market needs (FullName for NIK, NumberValue for SAID, Gender with a DNI
// number) is checked before sending. NumberValue, FullName and Gender are the person's
// data and CallbackURL may carry an authorization token in its query string: each prints
// as "[redacted]".
type URLRequest struct {
	BizID         string
	UserID        string
	Region        string // ISO 3166-1 alpha-3, e.g. "NGA"
	NumberType    string // required: the market's ID type ("BVN", "NIK"; not Get Result's "NG_BVN")
	ReturnURL     string // where the page sends the user after a pass
	FailReturnURL string // ... and after anything else
	CallbackURL   string // where the vendor posts the outcome (http or https)
	Language      string // the page's language ("en-US")
	ColorScheme   string // "light" or "dark"
	NumberValue   string // the ID number, checked for the market's length (required for SAID)
	FullName      string // the person's full name (required for NIK)
	Gender        string // required for DNI with a NumberValue; sent as given
	BizCode       string // your business type for the user ("WhiteCard"), sent as given
	// IgnoreFailWhenJump is ignoreFailWhenJump; nil leaves it out.
	IgnoreFailWhenJump *bool
	// IframeEnabled is iframeEnabled: whether the page may be embedded in an iframe
	// (false redirects to the return URLs instead); nil leaves it out.
	IframeEnabled *bool
}

// Bool is a pointer to b, for URLRequest's *bool fields.
func Bool(b bool) *bool { return &b }

// flag is an optional bool as its String shows it.
func flag(b *bool) string {
	if b == nil {
		return "nil"
	}
	return strconv.FormatBool(*b)
}

// cFlag is an optional bool as the C setters take it: 0 false, 1 true, -1 unset.
func cFlag(b *bool) C.int32_t {
	switch {
	case b == nil:
		return -1
	case *b:
		return 1
	}
	return 0
}

// String shows the request with the person's data and the callback URL redacted.
func (r URLRequest) String() string {
	return summary("advanceai.URLRequest",
		"BizID", strconv.Quote(r.BizID),
		"UserID", strconv.Quote(r.UserID),
		"Region", strconv.Quote(r.Region),
		"NumberType", strconv.Quote(r.NumberType),
		"ReturnURL", strconv.Quote(r.ReturnURL),
		"FailReturnURL", strconv.Quote(r.FailReturnURL),
		"CallbackURL", mask(r.CallbackURL),
		"Language", strconv.Quote(r.Language),
		"ColorScheme", strconv.Quote(r.ColorScheme),
		"NumberValue", mask(r.NumberValue),
		"FullName", mask(r.FullName),
		"Gender", mask(r.Gender),
		"BizCode", strconv.Quote(r.BizCode),
		"IgnoreFailWhenJump", flag(r.IgnoreFailWhenJump),
		"IframeEnabled", flag(r.IframeEnabled))
}

// GoString is String.
func (r URLRequest) GoString() string { return r.String() }

// Format prints String for every verb.
func (r URLRequest) Format(f fmt.State, verb rune) { formatSafe(f, verb, r, r) }

// toC builds the C request; the caller frees it with advanceai_url_request_free.
func (r URLRequest) toC() (*C.advanceai_url_request, error) {
	var strs cStrings
	defer strs.free()
	var required [6]*C.char
	for i, f := range [6][2]string{
		{"BizID", r.BizID}, {"UserID", r.UserID}, {"Region", r.Region}, {"NumberType", r.NumberType},
		{"ReturnURL", r.ReturnURL}, {"FailReturnURL", r.FailReturnURL},
	} {
		p, err := strs.add(f[0], f[1])
		if err != nil {
			return nil, err
		}
		required[i] = p
	}
	var req *C.advanceai_url_request
	var cerr *C.advanceai_error
	st := C.advanceai_url_request_new(required[0], required[1], required[2], required[3], required[4], required[5], &req, &cerr)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	optional := []struct {
		name, value string
		set         func(*C.char, **C.advanceai_error) C.advanceai_status
	}{
		{"CallbackURL", r.CallbackURL, func(p *C.char, e **C.advanceai_error) C.advanceai_status {
			return C.advanceai_url_request_set_callback_url(req, p, e)
		}},
		{"Language", r.Language, func(p *C.char, e **C.advanceai_error) C.advanceai_status {
			return C.advanceai_url_request_set_language(req, p, e)
		}},
		{"ColorScheme", r.ColorScheme, func(p *C.char, e **C.advanceai_error) C.advanceai_status {
			return C.advanceai_url_request_set_color_scheme(req, p, e)
		}},
		{"NumberValue", r.NumberValue, func(p *C.char, e **C.advanceai_error) C.advanceai_status {
			return C.advanceai_url_request_set_number_value(req, p, e)
		}},
		{"FullName", r.FullName, func(p *C.char, e **C.advanceai_error) C.advanceai_status {
			return C.advanceai_url_request_set_full_name(req, p, e)
		}},
		{"Gender", r.Gender, func(p *C.char, e **C.advanceai_error) C.advanceai_status {
			return C.advanceai_url_request_set_gender(req, p, e)
		}},
		{"BizCode", r.BizCode, func(p *C.char, e **C.advanceai_error) C.advanceai_status {
			return C.advanceai_url_request_set_biz_code(req, p, e)
		}},
	}
	for _, f := range optional {
		if f.value == "" {
			continue
		}
		p, err := strs.add(f.name, f.value)
		if err == nil {
			var cerr *C.advanceai_error
			if st := f.set(p, &cerr); st != C.ADVANCEAI_STATUS_OK {
				err = takeError(st, cerr)
			}
		}
		if err != nil {
			C.advanceai_url_request_free(req)
			return nil, err
		}
	}
	var cerr1, cerr2 *C.advanceai_error
	if st := C.advanceai_url_request_set_ignore_fail_when_jump(req, cFlag(r.IgnoreFailWhenJump), &cerr1); st != C.ADVANCEAI_STATUS_OK {
		C.advanceai_url_request_free(req)
		return nil, takeError(st, cerr1)
	}
	if st := C.advanceai_url_request_set_iframe_enabled(req, cFlag(r.IframeEnabled), &cerr2); st != C.ADVANCEAI_STATUS_OK {
		C.advanceai_url_request_free(req)
		return nil, takeError(st, cerr2)
	}
	return req, nil
}

// ValidateURLRequest checks a Generate URL request as GenerateURL would before sending:
// nil, or an *Error of kind StatusInvalidInput with the server's code and message.
func ValidateURLRequest(r URLRequest) error {
	req, err := r.toC()
	if err != nil {
		return err
	}
	defer C.advanceai_url_request_free(req)
	var cerr *C.advanceai_error
	if st := C.advanceai_validate_url_request(req, &cerr); st != C.ADVANCEAI_STATUS_OK {
		return takeError(st, cerr)
	}
	return nil
}

// GenerateURL creates an H5 transaction (billable): send the user to the result's URL and
// keep its SignatureID for GetResult. The request is checked first (StatusInvalidInput,
// nothing sent); a failed call is never resent once it may have reached the server.
func (c *Client) GenerateURL(r URLRequest) (*URLResult, error) {
	req, err := r.toC()
	if err != nil {
		return nil, err
	}
	defer C.advanceai_url_request_free(req)
	ptr, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var out *C.advanceai_url_result
	var cerr *C.advanceai_error
	st := C.advanceai_client_generate_url(ptr, req, &out, &cerr)
	runtime.KeepAlive(c)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	defer C.advanceai_url_result_free(out)
	return urlResultFromC(out), nil
}

// GetResult fetches an H5 result (idempotent; retried on transient failures). A pending
// result is a success with IsFinal false. An unknown id is an *Error of kind
// StatusAPIError with Code "SIGNATURE_NOT_EXIST".
func (c *Client) GetResult(signatureID string) (*GetResult, error) {
	return c.GetResultWith(GetResultRequest{SignatureID: signatureID})
}

// WaitOptions bound WaitForResult.
type WaitOptions struct {
	// Timeout is how long to poll at most (required, > 0).
	Timeout time.Duration
	// InitialInterval is the pause after the first pending answer (default 1s); it
	// doubles up to MaxInterval (default 10s).
	InitialInterval time.Duration
	MaxInterval     time.Duration
}

// cWait is WaitOptions in the C library's milliseconds.
type cWait struct {
	timeout, initial, max C.uint64_t
}

// toC checks the options (a Timeout that is not positive is StatusInvalidInput, a
// negative interval StatusConfigError) and converts them.
func (opts WaitOptions) toC() (cWait, error) {
	var w cWait
	if opts.Timeout <= 0 {
		return w, localError(StatusInvalidInput, "WaitOptions.Timeout must be positive")
	}
	var err error
	if w.timeout, err = millis("WaitOptions.Timeout", opts.Timeout); err != nil {
		return w, err
	}
	if w.initial, err = millis("WaitOptions.InitialInterval", opts.InitialInterval); err != nil {
		return w, err
	}
	if w.max, err = millis("WaitOptions.MaxInterval", opts.MaxInterval); err != nil {
		return w, err
	}
	return w, nil
}

// WaitForResult polls GetResult until the result is final, for at most opts.Timeout; then
// an *Error of kind StatusResultPending (errors.Is(err, ErrResultPending)). It blocks the
// goroutine (and an OS thread) meanwhile; Close waits for it.
func (c *Client) WaitForResult(signatureID string, opts WaitOptions) (*GetResult, error) {
	return c.WaitForResultWith(GetResultRequest{SignatureID: signatureID}, opts)
}

// ParseGetResult parses a Get Result response body received by your own HTTP client, as
// ParseVerification does. Needs no client.
func ParseGetResult(body []byte) (*GetResult, error) {
	var out *C.advanceai_get_result
	var cerr *C.advanceai_error
	st := C.advanceai_parse_get_result(bytesPtr(body), C.size_t(len(body)), &out, &cerr)
	runtime.KeepAlive(body)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	defer C.advanceai_get_result_free(out)
	return getResultFromC(out), nil
}
