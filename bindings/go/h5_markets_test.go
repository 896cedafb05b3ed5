package advanceai

import (
	"strings"
	"testing"
)

// nikRequest is a Generate URL request for an Indonesian NIK flow, without a full name.
func nikRequest(bizID string) URLRequest {
	req := urlRequest(bizID)
	req.Region = "IDN"
	req.NumberType = "NIK"
	req.NumberValue = "3174012345678901"
	return req
}

func TestNIKFlowWithTheNewFields(t *testing.T) {
	c := newSandboxClient(t)
	req := nikRequest(uniqueID("h5-nik"))

	// NIK needs a full name: refused before sending, with the server's message.
	v := asError(t, ValidateURLRequest(req))
	if v.Kind != StatusInvalidInput || v.Code != "PARAMETER_ERROR" || !strings.Contains(v.Message, "Parameter should not be empty") {
		t.Fatalf("NIK without a full name: %+v", v)
	}
	_, err := c.GenerateURL(req)
	if e := asError(t, err); *e != *v || e.MayHaveBeenProcessed {
		t.Fatalf("GenerateURL: %+v, Validate: %+v", e, v)
	}
	// A NIK of the wrong length, with the number not in the message.
	short := req
	short.FullName = "Rina Wijaya"
	short.NumberValue = "317401234567890"
	e := asError(t, ValidateURLRequest(short))
	if e.Kind != StatusInvalidInput || !strings.Contains(e.Message, "Number is invalid format") || strings.Contains(e.Error(), short.NumberValue) {
		t.Fatalf("a 15-digit NIK: %+v", e)
	}

	req.FullName = "Rina Wijaya"
	req.Gender = "FEMALE"
	req.BizCode = "WhiteCard"
	req.IgnoreFailWhenJump = Bool(false)
	req.IframeEnabled = Bool(true)
	u, err := c.GenerateURL(req)
	if err != nil {
		t.Fatal(err)
	}
	complete(t, u.SignatureID, "PASS")
	r, err := c.GetResult(u.SignatureID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.IsFinal || !r.Passed || r.InputParameters.Region != "IDN" || r.InputParameters.NumberType != "NIK" || r.CountryCodeISO3 != "IDN" {
		t.Fatalf("after PASS: %v", r)
	}
	if r.Person == nil || r.Person.NumberTypeInfo.NumberType != "ID_NIK" || r.Person.NumberTypeInfo.Region != "IDN" {
		t.Fatal("the Get Result person does not name ID_NIK in IDN")
	}
}

func TestURLRequestFlagsAndPersonFieldsPrintSafely(t *testing.T) {
	req := nikRequest("biz")
	req.FullName = "Rina Wijaya"
	req.Gender = "FEMALE"
	req.BizCode = "WhiteCard"
	assertRedacted(t, "URLRequest", req, req.NumberValue, req.FullName, "FEMALE")
	text := req.String()
	if !strings.Contains(text, `"WhiteCard"`) || !strings.Contains(text, "IgnoreFailWhenJump: nil") {
		t.Fatalf("String() = %s", text)
	}
	req.IgnoreFailWhenJump, req.IframeEnabled = Bool(true), Bool(false)
	text = req.String()
	if !strings.Contains(text, "IgnoreFailWhenJump: true") || !strings.Contains(text, "IframeEnabled: false") {
		t.Fatalf("String() = %s", text)
	}
	if err := ValidateURLRequest(req); err != nil {
		t.Fatalf("a valid NIK request with flags is refused: %v", err)
	}
}

// ColorScheme reaches the request: a value the vendor does not list is refused with the
// server's message before anything is sent; "light" or "" (left out), it is valid.
func TestColorSchemeIsChecked(t *testing.T) {
	c := newSandboxClient(t)
	req := urlRequest(uniqueID("h5-scheme"))
	req.ColorScheme = "blue"
	v := asError(t, ValidateURLRequest(req))
	if v.Kind != StatusInvalidInput || v.Code != "PARAMETER_ERROR" || !strings.Contains(v.Message, "Prefers color scheme is wrong") {
		t.Fatalf("ColorScheme blue: %+v", v)
	}
	_, err := c.GenerateURL(req)
	if e := asError(t, err); *e != *v || e.MayHaveBeenProcessed {
		t.Fatalf("GenerateURL: %+v, Validate: %+v", e, v)
	}
	for _, scheme := range []string{"light", "dark", ""} {
		req.ColorScheme = scheme
		if err := ValidateURLRequest(req); err != nil {
			t.Fatalf("ColorScheme %q: %v", scheme, err)
		}
	}
}
