package advanceai

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// faultRow is one row of tests/fixtures/fault_dispositions.tsv: the answers every layer
// gives for one sandbox fault (see the fixture's own comments for its columns).
type faultRow struct {
	call      string // "verify" (billable) or "result" (Get Result, idempotent)
	prefix    string // the fault, such as "fault-502"
	kind      string // the status name, such as "UNEXPECTED_RESPONSE"
	code      string // the API code, "" for none
	retryable bool
	processed bool // may_have_been_processed
	refuses   bool // refuses_account
}

// faultFixturePath is the fixture's path: ADVANCEAI_FAULT_DISPOSITIONS (the go_binding
// driver sets it), or its place in the repository relative to this package.
func faultFixturePath() string {
	if path := os.Getenv("ADVANCEAI_FAULT_DISPOSITIONS"); path != "" {
		return path
	}
	return filepath.Join("..", "..", "tests", "fixtures", "fault_dispositions.tsv")
}

// faultRows reads the rows of the fixture for `call`, failing the test (never skipping it)
// when the fixture cannot be read, is malformed or has no such row.
func faultRows(tb testing.TB, call string) []faultRow {
	tb.Helper()
	path := faultFixturePath()
	text, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("the fault fixture: %v", err)
	}
	flag := func(line int, s string) bool {
		switch s {
		case "true":
			return true
		case "false":
			return false
		}
		tb.Fatalf("%s:%d: %q is neither true nor false", path, line, s)
		return false
	}
	var rows []faultRow
	for i, line := range strings.Split(string(text), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 || (f[0] != "verify" && f[0] != "result") || f[1] == "" || f[2] == "" || f[3] == "" {
			tb.Fatalf("%s:%d: malformed row %q", path, i+1, line)
		}
		row := faultRow{
			call: f[0], prefix: f[1], kind: f[2], code: f[3],
			retryable: flag(i+1, f[4]), processed: flag(i+1, f[5]), refuses: flag(i+1, f[6]),
		}
		if row.code == "-" {
			row.code = ""
		}
		if row.call == call {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		tb.Fatalf("%s has no %s row", path, call)
	}
	return rows
}

// checkFaultAnswer checks a failed call against its row: the kind by name, the code, the
// verdict's flags, and what follows from them (the HTTP status of an unexpected answer,
// the transaction id of an API error, SafeToResend: always for Get Result, and for a
// billable call only when it was provably not processed).
func checkFaultAnswer(t *testing.T, row faultRow, err error) {
	t.Helper()
	e := asError(t, err)
	if e.Kind.String() != row.kind || e.Code != row.code || e.Retryable != row.retryable ||
		e.MayHaveBeenProcessed != row.processed || e.RefusesAccount != row.refuses {
		t.Fatalf("got kind %v, code %q, retryable %v, may have been processed %v, refuses account %v; "+
			"the fixture's row: %+v (%v)", e.Kind, e.Code, e.Retryable, e.MayHaveBeenProcessed, e.RefusesAccount, row, err)
	}
	if want := row.call == "result" || !row.processed; e.SafeToResend != want {
		t.Fatalf("SafeToResend = %v, want %v (%v)", e.SafeToResend, want, err)
	}
	if want := map[bool]int{true: 502, false: 0}[row.kind == "UNEXPECTED_RESPONSE"]; e.HTTPStatus != want {
		t.Fatalf("HTTPStatus = %d, want %d", e.HTTPStatus, want)
	}
	if row.code != "" && e.TransactionID == "" {
		t.Fatalf("an API error without the vendor's transaction id: %v", err)
	}
	if !errors.Is(err, &Error{Kind: e.Kind, Code: row.code}) {
		t.Fatal("errors.Is does not match the kind and the code")
	}
}
