package advanceai

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestH5FlowPendingThenPass(t *testing.T) {
	c := newSandboxClient(t)
	req := urlRequest(uniqueID("h5"))
	req.NumberType = "BVN"
	req.CallbackURL = "http://127.0.0.1:1/callback?token=abc"
	req.Language = "en-US"
	req.ColorScheme = "dark"
	before := time.Now()
	u, err := c.GenerateURL(req)
	if err != nil {
		t.Fatal(err)
	}
	if u.SignatureID == "" || !strings.HasPrefix(u.URL, sandboxURL(t)+"/h5/") {
		t.Fatalf("GenerateURL: %v, url prefix ok: %v", u, strings.HasPrefix(u.URL, sandboxURL(t)))
	}
	if u.ExpiredTime.Before(before.Add(50*time.Minute)) || u.ExpiredTime.After(before.Add(2*time.Hour)) {
		t.Fatalf("ExpiredTime %v is not about an hour from now", u.ExpiredTime)
	}
	if !strings.Contains(string(u.JSON), u.SignatureID) {
		t.Fatal("the JSON lacks the signature id")
	}

	pending, err := c.GetResult(u.SignatureID)
	if err != nil {
		t.Fatal(err)
	}
	if pending.IsFinal || pending.Passed || pending.ErrorCode != "" || pending.Category != "" {
		t.Fatalf("before completion: %v", pending)
	}

	complete(t, u.SignatureID, "PASS")
	r, err := c.GetResult(u.SignatureID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.IsFinal || !r.Passed || r.ErrorCode != "SUCCESS" || r.Category != "passed" ||
		r.OverallResult != "PASS" || r.SignatureID != u.SignatureID || r.FaceResult != "PASS" {
		t.Fatalf("after PASS: %v", r)
	}
	if r.FaceLivenessScore == nil || r.FaceSimilarityScore == nil || *r.FaceLivenessScore <= 0 {
		t.Fatalf("scores missing: %v", r)
	}
	if r.Person == nil || r.Person.BVN == "" || r.Person.NumberValue == "" || r.Person.PhoneNumber == "" {
		t.Fatal("the Get Result person lacks bvn, numberValue or phoneNumber")
	}
}

func TestH5FailureOutcome(t *testing.T) {
	c := newSandboxClient(t)
	sig := generate(t, c, uniqueID("h5-fail"))
	complete(t, sig, "LIVENESS_ATTACK")
	r, err := c.GetResult(sig)
	if err != nil {
		t.Fatal(err)
	}
	if !r.IsFinal || r.Passed || r.ErrorCode != "LIVENESS_ATTACK" || r.Category == "" || r.Category == "passed" {
		t.Fatalf("after LIVENESS_ATTACK: %v", r)
	}
}

func TestWaitForResult(t *testing.T) {
	c := newSandboxClient(t)
	sig := generate(t, c, uniqueID("wait"))
	base := sandboxURL(t)
	completed := make(chan error, 1)
	go func() {
		time.Sleep(200 * time.Millisecond)
		completed <- completeErr(base, sig, "PASS")
	}()
	r, err := c.WaitForResult(sig, WaitOptions{Timeout: 5 * time.Second, InitialInterval: 50 * time.Millisecond, MaxInterval: 100 * time.Millisecond})
	if cerr := <-completed; cerr != nil {
		t.Fatal(cerr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !r.IsFinal || !r.Passed {
		t.Fatalf("WaitForResult: %v", r)
	}
}

func TestWaitForResultPending(t *testing.T) {
	c := newSandboxClient(t)
	sig := generate(t, c, uniqueID("wait-pending"))
	start := time.Now()
	_, err := c.WaitForResult(sig, WaitOptions{Timeout: 300 * time.Millisecond, InitialInterval: 50 * time.Millisecond})
	if !errors.Is(err, ErrResultPending) {
		t.Fatalf("got %v, want RESULT_PENDING", err)
	}
	if e := asError(t, err); !e.Retryable {
		t.Fatalf("a pending result should be retryable: %+v", e)
	}
	if elapsed := time.Since(start); elapsed < 250*time.Millisecond || elapsed > 3*time.Second {
		t.Fatalf("a 300 ms wait took %v", elapsed)
	}
	if _, err := c.WaitForResult(sig, WaitOptions{}); !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("a zero timeout: %v", err)
	}
}

func TestUnknownSignatureIsSignatureNotExist(t *testing.T) {
	c := newSandboxClient(t)
	_, err := c.GetResult("no-such-signature")
	e := asError(t, err)
	if e.Kind != StatusAPIError || e.Code != "SIGNATURE_NOT_EXIST" || e.TransactionID == "" || e.Retryable {
		t.Fatalf("got %+v", e)
	}
	if !errors.Is(err, &Error{Kind: StatusAPIError, Code: "SIGNATURE_NOT_EXIST"}) {
		t.Fatal("errors.Is with a kind and code does not match")
	}
	if errors.Is(err, &Error{Kind: StatusAPIError, Code: "IAM_FAILED"}) {
		t.Fatal("errors.Is matches another code")
	}
	if !strings.Contains(err.Error(), "SIGNATURE_NOT_EXIST") || !strings.Contains(err.Error(), e.TransactionID) {
		t.Fatalf("Error() = %q lacks the code or the transaction id", err.Error())
	}
}

func TestURLRequestRefusedLocally(t *testing.T) {
	c := newSandboxClient(t)
	cases := map[string]URLRequest{
		"no scheme return URL": {BizID: "b", UserID: "u", Region: "NGA", NumberType: "BVN", ReturnURL: "example.com/ok", FailReturnURL: "https://example.com/f"},
		"lowercase region":     {BizID: "b", UserID: "u", Region: "nga", NumberType: "BVN", ReturnURL: "https://example.com/ok", FailReturnURL: "https://example.com/f"},
		"no number type":       {BizID: "b", UserID: "u", Region: "NGA", ReturnURL: "https://example.com/ok", FailReturnURL: "https://example.com/f"},
		"ftp callback":         {BizID: "b", UserID: "u", Region: "NGA", NumberType: "BVN", ReturnURL: "https://example.com/ok", FailReturnURL: "https://example.com/f", CallbackURL: "ftp://example.com/cb"},
	}
	for name, req := range cases {
		t.Run(name, func(t *testing.T) {
			v := asError(t, ValidateURLRequest(req))
			if v.Kind != StatusInvalidInput || v.Code != "PARAMETER_ERROR" || v.Message == "" {
				t.Fatalf("Validate: %+v", v)
			}
			_, err := c.GenerateURL(req)
			e := asError(t, err)
			if *e != *v || e.MayHaveBeenProcessed {
				t.Fatalf("GenerateURL: %+v, Validate: %+v", e, v)
			}
		})
	}
	if err := ValidateURLRequest(urlRequest("b")); err != nil {
		t.Fatalf("a valid request is refused: %v", err)
	}
}
