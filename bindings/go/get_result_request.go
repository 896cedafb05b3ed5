package advanceai

// #include "advanceai.h"
import "C"

import "runtime"

// ReturnImageType is how a Get Result answer returns images (returnImageType).
type ReturnImageType string

// The documented return image types; a newer value is sent as given.
const (
	// ReturnImageURL: images as URLs (the server's default).
	ReturnImageURL ReturnImageType = "URL"
	// ReturnImageBase64: images inline, base64-encoded.
	ReturnImageBase64 ReturnImageType = "BASE64"
)

// GetResultRequest is a Get Result request with its options, for GetResultWith and
// WaitForResultWith. GetResult(id) sends the same request as
// GetResultWith(GetResultRequest{SignatureID: id}).
type GetResultRequest struct {
	// SignatureID is the transaction's id (GenerateURL's URLResult.SignatureID). "" is
	// refused as the server would: an *Error of kind StatusInvalidInput, code
	// PARAMETER_ERROR, nothing sent.
	SignatureID string
	// ReturnImageType is how images come back: ReturnImageURL or ReturnImageBase64. ""
	// sends none (the server's default applies).
	ReturnImageType ReturnImageType
}

// toC builds the C request; the caller frees it with advanceai_get_result_request_free.
func (r GetResultRequest) toC() (*C.advanceai_get_result_request, error) {
	var strs cStrings
	defer strs.free()
	id, err := strs.add("SignatureID", r.SignatureID)
	if err != nil {
		return nil, err
	}
	imageType, err := strs.addOptional("ReturnImageType", string(r.ReturnImageType))
	if err != nil {
		return nil, err
	}
	var req *C.advanceai_get_result_request
	var cerr *C.advanceai_error
	if st := C.advanceai_get_result_request_new(id, &req, &cerr); st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	if imageType != nil {
		if st := C.advanceai_get_result_request_set_return_image_type(req, imageType, &cerr); st != C.ADVANCEAI_STATUS_OK {
			C.advanceai_get_result_request_free(req)
			return nil, takeError(st, cerr)
		}
	}
	return req, nil
}

// GetResultWith is GetResult for a request with options (such as ReturnImageType):
// idempotent, retried on transient failures; a pending result is a success with IsFinal
// false.
func (c *Client) GetResultWith(r GetResultRequest) (*GetResult, error) {
	req, err := r.toC()
	if err != nil {
		return nil, err
	}
	defer C.advanceai_get_result_request_free(req)
	ptr, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var out *C.advanceai_get_result
	var cerr *C.advanceai_error
	st := C.advanceai_client_get_result_with(ptr, req, &out, &cerr)
	runtime.KeepAlive(c)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	defer C.advanceai_get_result_free(out)
	return getResultFromC(out), nil
}

// WaitForResultWith is WaitForResult for a request with options: every poll sends the
// request, options included. After opts.Timeout it is an *Error of kind
// StatusResultPending.
func (c *Client) WaitForResultWith(r GetResultRequest, opts WaitOptions) (*GetResult, error) {
	w, err := opts.toC()
	if err != nil {
		return nil, err
	}
	req, err := r.toC()
	if err != nil {
		return nil, err
	}
	defer C.advanceai_get_result_request_free(req)
	ptr, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var out *C.advanceai_get_result
	var cerr *C.advanceai_error
	st := C.advanceai_client_wait_for_result_with(ptr, req, w.timeout, w.initial, w.max, &out, &cerr)
	runtime.KeepAlive(c)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	defer C.advanceai_get_result_free(out)
	return getResultFromC(out), nil
}
