package advanceai

// #include <stdlib.h>
import "C"

import (
	"strings"
	"unsafe"
)

// cStrings holds the C copies of a call's string arguments until the call returns.
type cStrings struct {
	ptrs [8]*C.char
	n    int
	more []*C.char
}

// add copies s into C memory. C strings end at the first NUL byte, so a value holding one
// would be sent cut short (an ID number "22222222222\x00..." would be checked as
// "22222222222"): it is refused instead, naming the field, never the value.
func (a *cStrings) add(field, s string) (*C.char, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return nil, localError(StatusInvalidInput, field+" contains a NUL byte")
	}
	p := C.CString(s)
	if a.n < len(a.ptrs) {
		a.ptrs[a.n] = p
		a.n++
	} else {
		a.more = append(a.more, p)
	}
	return p, nil
}

// addOptional is add, with "" meaning "not given" (NULL).
func (a *cStrings) addOptional(field, s string) (*C.char, error) {
	if s == "" {
		return nil, nil
	}
	return a.add(field, s)
}

// free releases every copy; call it once the C call has returned.
func (a *cStrings) free() {
	for _, p := range a.ptrs[:a.n] {
		C.free(unsafe.Pointer(p))
	}
	for _, p := range a.more {
		C.free(unsafe.Pointer(p))
	}
	a.n, a.more = 0, nil
}
