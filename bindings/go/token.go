package advanceai

import "fmt"

// Token is an access token. It prints as "[redacted]" under every fmt verb; Value gives
// the text to send.
type Token struct {
	value string
}

// Value is the token's text: send it as the X-ACCESS-TOKEN header, never log it.
func (t Token) Value() string { return t.value }

// String is "[redacted]".
func (t Token) String() string { return redacted }

// GoString is "advanceai.Token{[redacted]}".
func (t Token) GoString() string { return "advanceai.Token{" + redacted + "}" }

// Format prints the redacted form for every verb.
func (t Token) Format(f fmt.State, verb rune) { formatSafe(f, verb, t, t) }
