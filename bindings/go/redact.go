package advanceai

import (
	"fmt"
	"io"
)

// redacted stands in for every value that must not be printed.
const redacted = "[redacted]"

// formatSafe is the Format method of every type holding secrets or person data: its
// GoString for %#v, its String for every other verb (so that %d or %x cannot print a
// field either).
func formatSafe(f fmt.State, verb rune, s fmt.Stringer, gs fmt.GoStringer) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, gs.GoString())
		return
	}
	_, _ = io.WriteString(f, s.String())
}

// mask is redacted for a set value and "" for an unset one (whether it is set is not a
// secret, and helps to debug a configuration).
func mask(s string) string {
	if s == "" {
		return `""`
	}
	return redacted
}
