package advanceai

import "fmt"

// Person is the person record the server sent with a result, each field exactly as sent
// (masked by the server, e.g. "22********4"); "" when absent. It is personal data: it
// prints as "[redacted]" under every fmt verb; read the fields explicitly, never log them.
type Person struct {
	FirstName  string
	MiddleName string
	LastName   string
	Gender     string
	Birthday   string
	// PhoneNumber is Get Result's phoneNumber. Database verification sends phoneNumber1
	// and phoneNumber2 instead, which the C API does not give as fields yet: read them
	// from the result's JSON.
	PhoneNumber string
	BVN         string
	NumberValue string
}

// String is "[redacted]".
func (p Person) String() string { return redacted }

// GoString is "advanceai.Person{[redacted]}".
func (p Person) GoString() string { return "advanceai.Person{" + redacted + "}" }

// Format prints the redacted form for every verb.
func (p Person) Format(f fmt.State, verb rune) { formatSafe(f, verb, p, p) }
