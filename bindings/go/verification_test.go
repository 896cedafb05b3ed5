package advanceai

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func verification(bizID, number string) VerificationRequest {
	return VerificationRequest{BizID: bizID, UserID: "user-go", Region: "NGA", NumberType: "BVN", NumberValue: number}
}

func TestVerifyIDNumberOutcomes(t *testing.T) {
	c := newSandboxClient(t)
	cases := []struct {
		number, overall, code string
		passed, person        bool
	}{
		{"22222222222", "PASS", "SUCCESS", true, true},
		{"00000000000", "FAIL", "NUMBER_NOT_EXIST", false, false},
		{"11111111111", "FAIL", "BVN_SUSPEND", false, false},
		{"33333333333", "FAIL", "INFO_ABNORMAL", false, false},
		{"55555555555", "FAIL", "INVALID_FORMAT", false, false},
		{"44444444444", "INCOMPLETE", "ERROR", false, false},
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			r, err := c.VerifyIDNumber(verification(uniqueID("verify"), tc.number))
			if err != nil {
				t.Fatal(err)
			}
			if r.Passed != tc.passed || r.OverallResult != tc.overall || r.ErrorCode != tc.code {
				t.Fatalf("got %v, want passed %v, %s, %s", r, tc.passed, tc.overall, tc.code)
			}
			if r.SignatureID == "" || r.Category == "" {
				t.Fatalf("missing signature id or category: %v", r)
			}
			if (r.Category == "passed") != tc.passed {
				t.Fatalf("category %q for passed=%v", r.Category, tc.passed)
			}
			if (r.Person != nil) != tc.person {
				t.Fatalf("person present = %v, want %v", r.Person != nil, tc.person)
			}
			var data map[string]interface{}
			if err := json.Unmarshal(r.JSON, &data); err != nil {
				t.Fatalf("JSON is not JSON: %v", err)
			}
			if data["overallResult"] != tc.overall || data["signatureId"] != r.SignatureID {
				t.Fatalf("JSON disagrees with the fields: %v vs %v", data["overallResult"], r)
			}
		})
	}
}

func TestVerifyIDNumberPersonIsCopied(t *testing.T) {
	c := newSandboxClient(t)
	r, err := c.VerifyIDNumber(verification(uniqueID("person"), "22222222222"))
	if err != nil {
		t.Fatal(err)
	}
	p := r.Person
	if p == nil || p.FirstName == "" || p.LastName == "" || p.Gender == "" || p.Birthday == "" {
		t.Fatalf("person fields missing (first %t, last %t, gender %t, birthday %t)",
			p != nil && p.FirstName != "", p != nil && p.LastName != "", p != nil && p.Gender != "", p != nil && p.Birthday != "")
	}
	// The server masks names, keeping the first and last character.
	if !strings.Contains(p.FirstName, "*") {
		t.Fatal("the first name is not masked as the server sent it")
	}
	// The same values as in the JSON (the C object is freed by now: these are Go copies).
	if !strings.Contains(string(r.JSON), p.FirstName) || !strings.Contains(string(r.JSON), p.Birthday) {
		t.Fatal("the person fields differ from the JSON")
	}
}

func TestVerificationRefusedLocallyWithTheServerMessage(t *testing.T) {
	c := newSandboxClient(t)
	cases := []struct {
		name string
		req  VerificationRequest
	}{
		{"short number", verification("biz", "123")},
		{"lowercase region", VerificationRequest{"biz", "u", "nga", "BVN", "22222222222"}},
		{"empty bizId", verification("", "22222222222")},
		{"unknown number type", VerificationRequest{"biz", "u", "NGA", "PASSPORT", "22222222222"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			validateErr := ValidateVerificationRequest(tc.req)
			v := asError(t, validateErr)
			if v.Kind != StatusInvalidInput || v.Code != "PARAMETER_ERROR" || v.Message == "" {
				t.Fatalf("Validate: %v (kind %v, code %q)", validateErr, v.Kind, v.Code)
			}
			_, err := c.VerifyIDNumber(tc.req)
			e := asError(t, err)
			if *e != *v {
				t.Fatalf("VerifyIDNumber refused differently from Validate:\n%#v\n%#v", e, v)
			}
			if e.MayHaveBeenProcessed || !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("a local refusal: %+v", e)
			}
			if strings.Contains(err.Error(), tc.req.NumberValue) && tc.req.NumberValue != "" {
				t.Fatal("the error shows the ID number")
			}
		})
	}
	if err := ValidateVerificationRequest(verification("biz", "22222222222")); err != nil {
		t.Fatalf("a valid request is refused: %v", err)
	}
}

func TestNULByteIsRefusedNotCut(t *testing.T) {
	// Cut at the NUL, this number would pass; it must be refused instead.
	req := verification("biz", "22222222222\x00-secret")
	for name, err := range map[string]error{
		"Validate": ValidateVerificationRequest(req),
		"Verify": func() error {
			_, err := newSandboxClient(t).VerifyIDNumber(req)
			return err
		}(),
		"GetResult": func() error {
			_, err := newSandboxClient(t).GetResult("abc\x00def")
			return err
		}(),
	} {
		e := asError(t, err)
		if e.Kind != StatusInvalidInput || e.MayHaveBeenProcessed || strings.Contains(e.Message, "secret") {
			t.Errorf("%s: %+v", name, e)
		}
	}
}

func TestInvalidUTF8IsRefusedByTheLibrary(t *testing.T) {
	err := ValidateVerificationRequest(VerificationRequest{"b\xff", "u", "NGA", "BVN", "22222222222"})
	if e := asError(t, err); e.Kind != StatusInvalidUTF8 || !strings.Contains(e.Message, "biz_id") {
		t.Fatalf("got %v", err)
	}
}

// Every database verification row of tests/fixtures/fault_dispositions.tsv answers as the
// row says: whether the billable request may have been processed (a documented refusal
// code such as SERVICE_BUSY proves it was not; a proxy's 502, a cut body or an unknown
// code do not), and so whether it is retryable. The go_binding driver counts these
// subtests against the fixture's rows.
func TestVerificationFaults(t *testing.T) {
	c := faultClient(t)
	for _, row := range faultRows(t, "verify") {
		row := row
		t.Run(row.prefix, func(t *testing.T) {
			r, err := c.VerifyIDNumber(verification(uniqueID(row.prefix), "22222222222"))
			if r != nil {
				t.Fatalf("a failed call gave a result: %v", r)
			}
			checkFaultAnswer(t, row, err)
		})
	}
}
