package advanceai

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// bvnTransaction is a new H5 transaction for a BVN flow; its signature id.
func bvnTransaction(t *testing.T, c *Client) string {
	t.Helper()
	req := urlRequest(uniqueID("options"))
	req.NumberType = "BVN"
	u, err := c.GenerateURL(req)
	if err != nil {
		t.Fatal(err)
	}
	return u.SignatureID
}

// checkPending: the echo of the request, and nothing decided.
func checkPending(t *testing.T, r *GetResult, sig string) {
	t.Helper()
	if r.IsFinal || r.Passed || r.SignatureID != sig || r.ErrorCode != "" || r.Person != nil {
		t.Fatalf("pending: %v", r)
	}
	if r.CountryCodeISO3 != "NGA" || r.InputParameters != (InputParameters{Region: "NGA", NumberType: "BVN"}) {
		t.Fatalf("the echo of the request: %v", r)
	}
	if r.SubmissionCompleted == nil || *r.SubmissionCompleted {
		t.Fatalf("submissionCompleted of a pending result: %v", r)
	}
}

// checkPass: Get Result's person shape beyond the verdict. Person data: compared, never
// printed.
func checkPass(t *testing.T, r *GetResult) {
	t.Helper()
	if !r.IsFinal || !r.Passed || r.SubmissionCompleted == nil || !*r.SubmissionCompleted {
		t.Fatalf("passed: %v", r)
	}
	if r.CountryCodeISO3 != "NGA" || r.InputParameters.NumberType != "BVN" {
		t.Fatalf("the echo of the request: %v", r)
	}
	p := r.Person
	if p == nil {
		t.Fatal("no person")
	}
	if p.NumberTypeInfo != (NumberTypeInfo{NumberType: "NG_BVN", Region: "NGA"}) {
		t.Fatal("numberTypeInfo is not the one sent")
	}
	// Get Result's shape: phoneNumber (masked) and an empty phoneNumber2, no phoneNumber1.
	if !strings.Contains(p.PhoneNumber, "*") || p.PhoneNumber1 != "" || p.PhoneNumber2 != "" || p.NumberValue == "" {
		t.Fatal("the phone numbers or numberValue are not the ones sent")
	}
	if !strings.Contains(string(r.JSON), `"numberTypeInfo"`) {
		t.Fatal("the JSON lacks numberTypeInfo")
	}
}

func TestGetResultWithOptions(t *testing.T) {
	c := newSandboxClient(t)
	sig := bvnTransaction(t, c)

	r, err := c.GetResultWith(GetResultRequest{SignatureID: sig, ReturnImageType: ReturnImageBase64})
	if err != nil {
		t.Fatal(err)
	}
	checkPending(t, r, sig)
	// The plain call reads the same answer.
	if r, err = c.GetResult(sig); err != nil {
		t.Fatal(err)
	}
	checkPending(t, r, sig)

	// A wait that runs out, with the options on every poll.
	_, err = c.WaitForResultWith(GetResultRequest{SignatureID: sig, ReturnImageType: ReturnImageBase64},
		WaitOptions{Timeout: 100 * time.Millisecond, InitialInterval: 10 * time.Millisecond, MaxInterval: 20 * time.Millisecond})
	if e := asError(t, err); !errors.Is(err, ErrResultPending) || !e.Retryable || !e.SafeToResend || e.RefusesAccount {
		t.Fatalf("got %+v", e)
	}

	// The user passes, during a wait with each image type and with none.
	base := sandboxURL(t)
	completed := make(chan error, 1)
	go func() {
		time.Sleep(100 * time.Millisecond)
		completed <- completeErr(base, sig, "PASS")
	}()
	r, err = c.WaitForResultWith(GetResultRequest{SignatureID: sig, ReturnImageType: ReturnImageURL},
		WaitOptions{Timeout: 5 * time.Second, InitialInterval: 20 * time.Millisecond, MaxInterval: 50 * time.Millisecond})
	if cerr := <-completed; cerr != nil {
		t.Fatal(cerr)
	}
	if err != nil {
		t.Fatal(err)
	}
	checkPass(t, r)
	for _, req := range []GetResultRequest{
		{SignatureID: sig},
		{SignatureID: sig, ReturnImageType: ReturnImageBase64},
		// A newer value is sent as given.
		{SignatureID: sig, ReturnImageType: "THUMBNAIL"},
	} {
		if r, err = c.GetResultWith(req); err != nil {
			t.Fatalf("%+v: %v", req, err)
		}
		checkPass(t, r)
		if r, err = c.WaitForResultWith(req, WaitOptions{Timeout: time.Second}); err != nil {
			t.Fatalf("%+v: %v", req, err)
		}
		checkPass(t, r)
	}
	if r, err = c.WaitForResult(sig, WaitOptions{Timeout: time.Second}); err != nil {
		t.Fatal(err)
	}
	checkPass(t, r)
}

func TestGetResultWithRefusals(t *testing.T) {
	c := newSandboxClient(t)
	wait := WaitOptions{Timeout: time.Second}
	// An empty signatureId: refused by the library with the server's code and message,
	// nothing sent; the same through every Get Result call.
	for name, call := range map[string]func() error{
		"GetResult":     func() error { _, err := c.GetResult(""); return err },
		"GetResultWith": func() error { _, err := c.GetResultWith(GetResultRequest{}); return err },
		"WaitForResult": func() error { _, err := c.WaitForResult("", wait); return err },
		"WaitForResultWith": func() error {
			_, err := c.WaitForResultWith(GetResultRequest{ReturnImageType: ReturnImageURL}, wait)
			return err
		},
	} {
		err := call()
		e := asError(t, err)
		if e.Kind != StatusInvalidInput || e.Code != "PARAMETER_ERROR" || !strings.Contains(e.Message, "Parameter should not be empty") {
			t.Errorf("%s with an empty signatureId: %v", name, err)
		}
		if e.MayHaveBeenProcessed || !e.SafeToResend || !e.FaultsTheRequest || e.Retryable {
			t.Errorf("%s with an empty signatureId: %+v", name, e)
		}
	}

	// An unknown transaction, answered by the server, with options too.
	_, err := c.WaitForResultWith(GetResultRequest{SignatureID: "no-such-signature", ReturnImageType: ReturnImageBase64}, wait)
	if e := asError(t, err); e.Code != "SIGNATURE_NOT_EXIST" || !e.FaultsTheRequest || e.Retryable || e.MayHaveBeenProcessed {
		t.Fatalf("got %+v", e)
	}

	// A NUL byte in either field is refused here, naming the field, never the value.
	for _, req := range []GetResultRequest{
		{SignatureID: "sig\x00hidden-tail"},
		{SignatureID: "sig", ReturnImageType: "URL\x00hidden-tail"},
	} {
		for name, call := range map[string]func() error{
			"GetResultWith":     func() error { _, err := c.GetResultWith(req); return err },
			"WaitForResultWith": func() error { _, err := c.WaitForResultWith(req, wait); return err },
		} {
			err := call()
			e := asError(t, err)
			field := "SignatureID"
			if req.ReturnImageType != "" {
				field = "ReturnImageType"
			}
			if e.Kind != StatusInvalidInput || !strings.Contains(e.Message, field) || strings.Contains(err.Error(), "hidden-tail") {
				t.Errorf("%s(%q): %v", name, field, err)
			}
		}
	}

	// The wait's options are checked before the request.
	_, err = c.WaitForResultWith(GetResultRequest{SignatureID: "sig\x00"}, WaitOptions{})
	if e := asError(t, err); e.Kind != StatusInvalidInput || !strings.Contains(e.Message, "WaitOptions.Timeout") {
		t.Fatalf("got %v", err)
	}
	_, err = c.WaitForResultWith(GetResultRequest{SignatureID: "sig"}, WaitOptions{Timeout: time.Second, MaxInterval: -time.Second})
	if e := asError(t, err); e.Kind != StatusConfigError || !strings.Contains(e.Message, "WaitOptions.MaxInterval") {
		t.Fatalf("got %v", err)
	}
}
