package advanceai

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestVersionIsSemver(t *testing.T) {
	v := Version()
	if !regexp.MustCompile(`^\d+\.\d+\.\d+`).MatchString(v) {
		t.Fatalf("Version() = %q, want a semantic version", v)
	}
}

func TestStatusNamesAndValues(t *testing.T) {
	// The numeric values are the C ABI's: a change here is a breaking change.
	want := map[Status]uint32{
		StatusOK: 0, StatusNullParameter: 1, StatusInvalidUTF8: 2, StatusInvalidInput: 3,
		StatusAPIError: 4, StatusTransportError: 5, StatusTimeout: 6, StatusUnexpectedResponse: 7,
		StatusParseError: 8, StatusResponseTooLarge: 9, StatusConfigError: 10,
		StatusResultPending: 11, StatusPanic: 12, StatusMissingData: 13,
	}
	// The names are the C library's (advanceai_status_name): upper-case identifiers
	// without the ADVANCEAI_STATUS_ prefix, one per status. The fault tests check them
	// against the kinds of tests/fixtures/fault_dispositions.tsv.
	name := regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)
	seen := map[string]Status{}
	for s, n := range want {
		if uint32(s) != n {
			t.Errorf("%v = %d, want %d", s, uint32(s), n)
		}
		text := s.String()
		if !name.MatchString(text) || text == "UNKNOWN" || strings.HasPrefix(text, "ADVANCEAI_") || s.Description() == "" {
			t.Errorf("status %d has no name (%q) or description (%q)", n, text, s.Description())
		}
		if other, ok := seen[text]; ok {
			t.Errorf("statuses %d and %d are both named %q", uint32(other), n, text)
		}
		seen[text] = s
	}
	for s, text := range map[Status]string{
		StatusOK: "OK", StatusAPIError: "API_ERROR", StatusNullParameter: "NULL_PARAMETER",
		StatusResultPending: "RESULT_PENDING",
	} {
		if s.String() != text {
			t.Errorf("Status(%d).String() = %q, want %q", uint32(s), s.String(), text)
		}
	}
	// A value the C library calls UNKNOWN prints as a Go value.
	for _, s := range []Status{StatusMissingData + 1, 999, ^Status(0)} {
		if want := "Status(" + strconv.FormatUint(uint64(s), 10) + ")"; s.String() != want {
			t.Errorf("Status(%d).String() = %q, want %q", uint32(s), s.String(), want)
		}
		if fmt.Sprint(s) != s.String() {
			t.Errorf("fmt prints Status(%d) as %q", uint32(s), fmt.Sprint(s))
		}
	}
	e := &Error{Kind: StatusTimeout, Message: "late"}
	if e.Error() != "advanceai: TIMEOUT: late" {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestNewClientRefusesBadConfigurations(t *testing.T) {
	missingFile := filepath.Join(t.TempDir(), "no-such-bundle.pem")
	cases := []struct {
		name string
		cfg  Config
	}{
		{"no credentials", Config{BaseURL: "https://example.com"}},
		{"plain http to a remote host", Config{BaseURL: "http://example.com", AccessKey: "a", SecretKey: "s"}},
		{"unknown host", Config{Host: "evil.example.com", AccessKey: "a", SecretKey: "s"}},
		{"both BaseURL and Host", Config{BaseURL: "https://example.com", Host: "sg-api.advance.ai", AccessKey: "a", SecretKey: "s"}},
		{"both Proxy and NoProxy", Config{AccessKey: "a", SecretKey: "s", Proxy: "http://p:1", NoProxy: true}},
		{"negative timeout", Config{AccessKey: "a", SecretKey: "s", Timeout: -time.Second}},
		{"negative attempts", Config{AccessKey: "a", SecretKey: "s", MaxAttempts: -1}},
		{"token period out of range", Config{AccessKey: "a", SecretKey: "s", TokenPeriod: 30 * time.Second}},
		{"token period not whole seconds", Config{AccessKey: "a", SecretKey: "s", TokenPeriod: 90500 * time.Millisecond}},
		{"missing CA bundle", Config{AccessKey: "a", SecretKey: "s", CABundlePath: missingFile}},
		{"NUL in the secret key", Config{AccessKey: "a", SecretKey: "s\x00ecret-tail"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewClient(tc.cfg)
			if err == nil {
				_ = c.Close()
				t.Fatal("NewClient accepted the configuration")
			}
			e := asError(t, err)
			if e.Kind != StatusConfigError && e.Kind != StatusInvalidInput {
				t.Fatalf("Kind = %v, want CONFIG_ERROR (or INVALID_INPUT for a NUL): %v", e.Kind, err)
			}
			if e.Message == "" {
				t.Fatal("the error has no message")
			}
			if strings.Contains(err.Error(), "ecret-tail") {
				t.Fatalf("the error shows the secret: %v", err)
			}
			if e.MayHaveBeenProcessed {
				t.Fatal("a configuration error claims the request may have been processed")
			}
		})
	}
}

func TestWrongCredentialsAreAnAPIErrorWithoutTheSecret(t *testing.T) {
	const secret = "not-the-sandbox-secret-0123"
	c := newSandboxClient(t, func(cfg *Config) { cfg.SecretKey = secret })
	_, err := c.Token()
	e := asError(t, err)
	if e.Kind != StatusAPIError || e.Code != "PARAMETER_ERROR" || !strings.Contains(e.Message, "Signature error") {
		t.Fatalf("got %v (kind %v, code %q), want API_ERROR PARAMETER_ERROR Signature error", err, e.Kind, e.Code)
	}
	if !errors.Is(err, ErrAPI) || errors.Is(err, ErrTimeout) {
		t.Fatalf("errors.Is does not follow the kind: %v", err)
	}
	if e.TransactionID == "" {
		t.Fatal("an API error without the vendor's transaction id")
	}
	for _, text := range []string{err.Error(), fmt.Sprintf("%+v", e), fmt.Sprintf("%#v", e)} {
		if strings.Contains(text, secret) || strings.Contains(text, sandboxAccessKey) {
			t.Fatalf("the error shows a credential: %s", text)
		}
	}
	// Every call fetches the token first, so every call fails the same way.
	_, err = c.GetResult("any-signature")
	if e := asError(t, err); e.Code != "PARAMETER_ERROR" {
		t.Fatalf("GetResult with wrong credentials: %v", err)
	}
}

func TestTokenIsCachedAndRedacted(t *testing.T) {
	c := newSandboxClient(t)
	tok, err := c.Token()
	if err != nil {
		t.Fatal(err)
	}
	if tok.Value() == "" {
		t.Fatal("empty token")
	}
	again, err := c.Token()
	if err != nil {
		t.Fatal(err)
	}
	if again.Value() != tok.Value() {
		t.Fatal("the token was not cached")
	}
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		text := fmt.Sprintf(format, tok)
		if strings.Contains(text, tok.Value()) || !strings.Contains(text, redacted) {
			t.Fatalf("%s of a token = %q", format, text)
		}
		text = fmt.Sprintf(format, struct{ T Token }{tok})
		if strings.Contains(text, tok.Value()) {
			t.Fatalf("%s of a struct holding a token = %q", format, text)
		}
	}
}

func TestCloseIsIdempotentAndLaterCallsFail(t *testing.T) {
	c := newSandboxClient(t)
	sig := generate(t, c, uniqueID("close"))
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	calls := map[string]func() error{
		"Token":     func() error { _, err := c.Token(); return err },
		"GetResult": func() error { _, err := c.GetResult(sig); return err },
		"WaitForResult": func() error {
			_, err := c.WaitForResult(sig, WaitOptions{Timeout: time.Second})
			return err
		},
		"GetResultWith": func() error {
			_, err := c.GetResultWith(GetResultRequest{SignatureID: sig, ReturnImageType: ReturnImageBase64})
			return err
		},
		"WaitForResultWith": func() error {
			_, err := c.WaitForResultWith(GetResultRequest{SignatureID: sig}, WaitOptions{Timeout: time.Second})
			return err
		},
		"GenerateURL": func() error { _, err := c.GenerateURL(urlRequest(uniqueID("closed"))); return err },
		"VerifyIDNumber": func() error {
			_, err := c.VerifyIDNumber(VerificationRequest{"b", "u", "NGA", "BVN", "22222222222"})
			return err
		},
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrClosed) {
			t.Errorf("%s after Close: %v, want ErrClosed", name, err)
		}
	}
	var nilClient *Client
	if _, err := nilClient.GetResult(sig); !errors.Is(err, ErrClosed) {
		t.Errorf("GetResult on a nil client: %v, want ErrClosed", err)
	}
	if err := nilClient.Close(); err != nil {
		t.Errorf("Close on a nil client: %v", err)
	}
}

func TestCloseWaitsForTheCallInFlight(t *testing.T) {
	c := newSandboxClient(t)
	result := make(chan error, 1)
	started := time.Now()
	go func() {
		// The sandbox answers this id after 400 ms (SIGNATURE_NOT_EXIST: it is not real).
		_, err := c.GetResult(uniqueID("fault-delay-400"))
		result <- err
	}()
	time.Sleep(100 * time.Millisecond) // let the call start
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	// Close can only return once the call in flight has let go of the client: about 400 ms
	// after the call started. (Timing the call's return instead would race with Close.)
	if waited := time.Since(started); waited < 350*time.Millisecond {
		t.Fatalf("Close returned %v after the call started, before the call in flight did", waited)
	}
	if e := asError(t, <-result); e.Code != "SIGNATURE_NOT_EXIST" {
		t.Fatalf("the call in flight during Close: %v, want its normal answer", e)
	}
	if _, err := c.Token(); !errors.Is(err, ErrClosed) {
		t.Fatalf("Token after Close: %v", err)
	}
}

func TestDeadlineBoundsACall(t *testing.T) {
	c := newSandboxClient(t, func(cfg *Config) {
		cfg.Timeout = 300 * time.Millisecond
		cfg.MaxAttempts = 1
	})
	if _, err := c.Token(); err != nil { // the token call is not the one under test
		t.Fatal(err)
	}
	start := time.Now()
	_, err := c.GetResult(uniqueID("fault-delay-3000"))
	elapsed := time.Since(start)
	if e := asError(t, err); e.Kind != StatusTimeout || !e.Retryable || !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v (kind %v, retryable %v), want a retryable TIMEOUT", err, e.Kind, e.Retryable)
	}
	if elapsed > 2*time.Second {
		t.Fatalf("the 300 ms timeout took %v", elapsed)
	}
}

func TestUnreachableServerIsATransportErrorNeverSent(t *testing.T) {
	// Port 1 on loopback: connection refused, so the request provably never left.
	c, err := NewClient(Config{BaseURL: "http://127.0.0.1:1", AccessKey: "a", SecretKey: "s", NoProxy: true, MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, err = c.VerifyIDNumber(VerificationRequest{"b", "u", "NGA", "BVN", "22222222222"})
	e := asError(t, err)
	if e.Kind != StatusTransportError || e.MayHaveBeenProcessed {
		t.Fatalf("got %v (kind %v, may have been processed %v)", err, e.Kind, e.MayHaveBeenProcessed)
	}
}
