package advanceai

import (
	"errors"
	"strings"
	"testing"
)

func TestParseCallback(t *testing.T) {
	cases := []struct {
		body string
		want Callback
	}{
		{`{"signatureId":"f302f5d2454a85c2","type":"COMPLETED"}`, Callback{"f302f5d2454a85c2", CallbackCompleted}},
		{`{"type":"SUBMIT_COMPLETED","signatureId":"sig-2"}`, Callback{"sig-2", CallbackSubmitCompleted}},
		// A type this version does not know is kept as sent; an unknown field is ignored.
		{"\xEF\xBB\xBF {\"signatureId\":\"sig-3\",\"type\":\"REVIEW_STARTED\",\"extra\":[1]}", Callback{"sig-3", "REVIEW_STARTED"}},
		// Absent and null fields are "".
		{`{"signatureId":null}`, Callback{}},
		{`{}`, Callback{}},
	}
	for _, tc := range cases {
		got, err := ParseCallback([]byte(tc.body))
		if err != nil {
			t.Fatalf("%q: %v", tc.body, err)
		}
		if *got != tc.want {
			t.Fatalf("%q: got %+v, want %+v", tc.body, *got, tc.want)
		}
	}
}

func TestParseCallbackRefusesUnreadableBodies(t *testing.T) {
	bodies := []string{
		`{"signatureId":123,"type":"COMPLETED"}`,
		`{"signatureId":"a","type":["COMPLETED"]}`,
		`{"signatureId":"a","type":"COMPLETED","type":"X"}`,
		`{"signatureId":"SECRETNAME`,
		`[]`,
		`<html>502</html>`,
		``,
		`   `,
	}
	for _, body := range bodies {
		got, err := ParseCallback([]byte(body))
		if got != nil {
			t.Fatalf("%q: a callback from an unreadable body: %+v", body, got)
		}
		e := asError(t, err)
		if !errors.Is(err, ErrParse) || e.Kind.String() != "PARSE_ERROR" || e.Code != "" || e.Message == "" {
			t.Fatalf("%q: %v", body, err)
		}
		if e.Retryable || e.RefusesAccount {
			t.Fatalf("%q: %+v", body, e)
		}
		if strings.Contains(err.Error(), "SECRETNAME") {
			t.Fatalf("%q: the error shows the body: %v", body, err)
		}
	}
	// A nil body is an empty one (NULL with a length of 0 for C).
	if _, err := ParseCallback(nil); !errors.Is(err, ErrParse) {
		t.Fatalf("nil body: %v", err)
	}
}
