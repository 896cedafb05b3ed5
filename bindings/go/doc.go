// Package advanceai is the Go binding of the ADVANCE.AI identity-verification client: the
// database check of a national ID number (Nigeria BVN / NIN) and the hosted H5 flow
// (Generate URL, the user does liveness on the page, Get Result).
//
// It calls the C library of this repository (libadvanceai.a, include/advanceai.h) through
// cgo: validation, token signing and caching, timeouts, retries that never bill twice and
// response parsing are the library's, so a Go service behaves exactly like every other
// user of it.
//
// # Building
//
// Build the static library, then point the Go toolchain at the directory holding it:
//
//	cargo build --release -p advanceai-ffi
//	export CGO_ENABLED=1
//	export CGO_LDFLAGS="-L$(pwd)/target/release"
//	cd bindings/go && go test ./...
//
// The header is found through the package's own directive (-I${SRCDIR}/../../include),
// so the package must be used from this repository's tree (or a vendored copy keeping
// bindings/go and include/ side by side). The library is linked as -l:libadvanceai.a:
// the static library is chosen even when libadvanceai.so is in the same directory, and
// the resulting binary needs no shared library at run time. Without CGO_LDFLAGS the link
// fails with "cannot find -l:libadvanceai.a". -l:NAME needs GNU ld, gold or lld (Linux).
//
// # Usage
//
// Build one Client per set of credentials and share it: it is safe for concurrent use by
// many goroutines and keeps one connection pool and one token cache. Close it when done;
// Close waits for calls in flight, is idempotent, and later calls fail with ErrClosed. A
// finalizer frees a forgotten client, but only as a backstop: the C client holds sockets.
//
// Every call blocks its goroutine (and one OS thread) until the C library returns, and
// takes no context.Context: a C call cannot be interrupted, so a context could only stop
// the wait, not the request (a billable one might still be processed). The configured
// Config.Timeout, Config.MaxAttempts and retry backoff bound every call; WaitForResult
// and WaitForResultWith are bounded by their WaitOptions.Timeout.
//
// Without a client, ParseVerification, ParseGetResult and ParseCallback read bodies
// received by your own HTTP stack (ParseCallback: what the vendor posts to a
// URLRequest.CallbackURL, a hint to call GetResult).
//
// # Errors
//
// Every failure of a call is an *Error: its Kind (the C status; Kind.String() is the
// library's name, "API_ERROR"), the API's Code and message, the vendor's TransactionID,
// the HTTPStatus of an unexpected answer, and the library's verdict: whether a later
// retry may help and cannot bill twice (Retryable), whether resending cannot bill twice
// (SafeToResend), whether a billable request may already have been processed
// (MayHaveBeenProcessed), whether the whole account is refused (RefusesAccount: stop a
// batch) and whether the request itself is wrong (FaultsTheRequest). Use errors.As, or
// errors.Is with the sentinels (ErrAPI, ErrTimeout, ErrResultPending...) or with an
// *Error naming a Kind and a Code.
//
// # Sensitive data
//
// Credentials, tokens, ID numbers and person fields never appear in fmt output: Token,
// Person (and its NumberTypeInfo, PersonVerification and Address), Config,
// VerificationRequest, URLRequest and the result types implement fmt.Formatter,
// fmt.Stringer and fmt.GoStringer to print "[redacted]" in their place, for every verb.
// The values themselves are plain Go strings (Token.Value, the Person fields, the results'
// JSON): do not log them. Go strings cannot be wiped from memory.
package advanceai
