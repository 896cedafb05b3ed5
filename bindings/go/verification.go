package advanceai

// #include "advanceai.h"
import "C"

import (
	"fmt"
	"runtime"
	"strconv"
	"unsafe"
)

// VerificationRequest is a database ID-number verification request (Nigeria: Region
// "NGA", NumberType "BVN" or "NIN", NumberValue 11 digits). NumberValue is personal data:
// it prints as "[redacted]".
type VerificationRequest struct {
	BizID       string
	UserID      string
	Region      string
	NumberType  string
	NumberValue string
}

// String shows the request with the ID number redacted.
func (r VerificationRequest) String() string {
	return summary("advanceai.VerificationRequest",
		"BizID", strconv.Quote(r.BizID),
		"UserID", strconv.Quote(r.UserID),
		"Region", strconv.Quote(r.Region),
		"NumberType", strconv.Quote(r.NumberType),
		"NumberValue", mask(r.NumberValue))
}

// GoString is String.
func (r VerificationRequest) GoString() string { return r.String() }

// Format prints String for every verb.
func (r VerificationRequest) Format(f fmt.State, verb rune) { formatSafe(f, verb, r, r) }

// cVerification holds the C copies of a verification request's fields.
type cVerification struct {
	strs                                     cStrings
	bizID, userID, region, numberType, value *C.char
}

func (r VerificationRequest) toC() (*cVerification, error) {
	c := &cVerification{}
	fields := []struct {
		name  string
		value string
		out   **C.char
	}{
		{"BizID", r.BizID, &c.bizID},
		{"UserID", r.UserID, &c.userID},
		{"Region", r.Region, &c.region},
		{"NumberType", r.NumberType, &c.numberType},
		{"NumberValue", r.NumberValue, &c.value},
	}
	for _, f := range fields {
		p, err := c.strs.add(f.name, f.value)
		if err != nil {
			c.strs.free()
			return nil, err
		}
		*f.out = p
	}
	return c, nil
}

// ValidateVerificationRequest checks a request exactly as the server would, without
// sending it: nil, or an *Error of kind StatusInvalidInput carrying the server's code
// ("PARAMETER_ERROR") and message.
func ValidateVerificationRequest(r VerificationRequest) error {
	c, err := r.toC()
	if err != nil {
		return err
	}
	defer c.strs.free()
	var cerr *C.advanceai_error
	st := C.advanceai_validate_verification_request(c.bizID, c.userID, c.region, c.numberType, c.value, &cerr)
	if st != C.ADVANCEAI_STATUS_OK {
		return takeError(st, cerr)
	}
	return nil
}

// VerifyIDNumber runs a database ID-number verification (billable). The request is
// checked first as the server would (StatusInvalidInput, nothing sent). A failed call is
// never resent once it may have reached the server: see Error.MayHaveBeenProcessed.
func (c *Client) VerifyIDNumber(r VerificationRequest) (*VerificationResult, error) {
	req, err := r.toC()
	if err != nil {
		return nil, err
	}
	defer req.strs.free()
	ptr, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var out *C.advanceai_verification_result
	var cerr *C.advanceai_error
	st := C.advanceai_client_verify_id_number(ptr, req.bizID, req.userID, req.region, req.numberType, req.value, &out, &cerr)
	runtime.KeepAlive(c)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	defer C.advanceai_verification_result_free(out)
	return verificationFromC(out), nil
}

// ParseVerification parses a database verification response body received by your own
// HTTP client. A non-SUCCESS envelope is an *Error of kind StatusAPIError with the
// server's code and message; a body that cannot be read is StatusParseError (the message
// gives the position, never the body's text). Needs no client.
func ParseVerification(body []byte) (*VerificationResult, error) {
	var out *C.advanceai_verification_result
	var cerr *C.advanceai_error
	st := C.advanceai_parse_verification(bytesPtr(body), C.size_t(len(body)), &out, &cerr)
	runtime.KeepAlive(body)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	defer C.advanceai_verification_result_free(out)
	return verificationFromC(out), nil
}

// bytesPtr points C at a Go byte slice for the duration of a call (NULL when empty: the
// C functions allow it for a length of 0). Bytes hold no Go pointers, so cgo allows it.
func bytesPtr(b []byte) *C.uint8_t {
	if len(b) == 0 {
		return nil
	}
	return (*C.uint8_t)(unsafe.Pointer(&b[0]))
}
