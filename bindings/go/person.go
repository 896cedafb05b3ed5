package advanceai

import "fmt"

// Person is the person record the server sent with a result, each field exactly as sent
// (masked by the server, e.g. "22********4"); "" when absent. It is personal data: it
// prints as "[redacted]" under every fmt verb; read the fields explicitly, never log them.
//
// Database verification sends PhoneNumber1 and PhoneNumber2; Get Result (Nigeria) sends
// PhoneNumber, BVN, NumberValue and NumberTypeInfo.
type Person struct {
	FirstName  string
	MiddleName string
	LastName   string
	// Gender is in capitals ("MALE", "FEMALE") whatever case the database used.
	Gender string
	// Birthday is as sent ("yyyy-MM-dd" or "yyyy/MM/dd").
	Birthday string
	// PhoneNumber is Get Result's phoneNumber.
	PhoneNumber string
	BVN         string
	NumberValue string
	// PhoneNumber1 is phoneNumber1, the primary phone number (database verification's
	// shape).
	PhoneNumber1 string
	// PhoneNumber2 is phoneNumber2, the secondary phone number; may be empty.
	PhoneNumber2 string
	// NumberTypeInfo is Get Result's numberTypeInfo.
	NumberTypeInfo NumberTypeInfo
}

// NumberTypeInfo is a Get Result person record's numberTypeInfo: which kind of number the
// record was found by. It is part of the person record and prints as "[redacted]" like
// Person.
type NumberTypeInfo struct {
	// NumberType is the vendor's name of the kind of number the record was found by
	// ("NG_BVN"), not the request's numberType.
	NumberType string
	// Region is ISO 3166-1 alpha-3 ("NGA").
	Region string
}

// String is "[redacted]".
func (p Person) String() string { return redacted }

// GoString is "advanceai.Person{[redacted]}".
func (p Person) GoString() string { return "advanceai.Person{" + redacted + "}" }

// Format prints the redacted form for every verb.
func (p Person) Format(f fmt.State, verb rune) { formatSafe(f, verb, p, p) }

// String is "[redacted]".
func (n NumberTypeInfo) String() string { return redacted }

// GoString is "advanceai.NumberTypeInfo{[redacted]}".
func (n NumberTypeInfo) GoString() string { return "advanceai.NumberTypeInfo{" + redacted + "}" }

// Format prints the redacted form for every verb.
func (n NumberTypeInfo) Format(f fmt.State, verb rune) { formatSafe(f, verb, n, n) }
