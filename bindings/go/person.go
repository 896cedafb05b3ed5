package advanceai

import "fmt"

// Person is the person record the server sent with a result, each field exactly as sent
// (masked by the server, e.g. "22********4"); "" when absent. It is personal data: it
// prints as "[redacted]" under every fmt verb, and so do its NumberTypeInfo,
// Verification and Address; read the fields explicitly, never log them.
//
// Each market sends its own subset: database verification PhoneNumber1 and PhoneNumber2;
// Get Result in Nigeria BVN (or NIN), NumberValue, the names, PhoneNumber and
// NumberTypeInfo; in Indonesia FullName (the one given to Generate URL), Email and
// Verification; in Brazil FullName, CPFStatus, MotherName, Address and Verification.Face;
// in Argentina FullName, TaxID and TaxIDType.
type Person struct {
	FirstName  string
	MiddleName string
	LastName   string
	// Gender is in capitals ("MALE", "FEMALE") whatever case the database used.
	Gender string
	// Birthday is as sent ("yyyy-MM-dd", "yyyy/MM/dd", or partly masked: "1976/**/**").
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
	// NIN is nin, the Nigerian National Identity Number.
	NIN string
	// FullName is fullName (Indonesia: the name given to Generate URL, masked; Brazil,
	// Argentina).
	FullName string
	Email    string
	// CPFStatus is cpfStatus (Brazil): "Regular", "Holder's Death", "Suspended",
	// "Not exist", or another value as sent.
	CPFStatus string
	// MotherName is motherName (Brazil).
	MotherName string
	// TaxID and TaxIDType are taxId and taxIdType (Argentina), as sent.
	TaxID     string
	TaxIDType string
	// Verification is the per-field checks of the record.
	Verification PersonVerification
	// Address is the address (Brazil).
	Address Address
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

// PersonVerification is a person record's verification: the result of each per-field
// check, "pass" or "fail" (lowercase, as sent), another value exactly as sent, or "" when
// the field was not checked. It is part of the person record and prints as "[redacted]"
// like Person.
type PersonVerification struct {
	// NumberValue is verification.numberValue: whether the ID number checked out.
	NumberValue string
	// FullName is verification.fullName: whether the name matched.
	FullName string
	// DOB is verification.dob: whether the date of birth matched.
	DOB string
	// Face is verification.face: whether the face matched.
	Face string
}

// Address is a person record's address (Brazil), each field as sent. It is part of the
// person record and prints as "[redacted]" like Person.
type Address struct {
	// Number is the house number as sent ("SN" when there is none).
	Number       string
	City         string
	Street       string
	PostalCode   string
	Neighborhood string
	// State is the state's code ("CE").
	State string
	// Type is the kind of address ("residential").
	Type string
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

// String is "[redacted]".
func (v PersonVerification) String() string { return redacted }

// GoString is "advanceai.PersonVerification{[redacted]}".
func (v PersonVerification) GoString() string {
	return "advanceai.PersonVerification{" + redacted + "}"
}

// Format prints the redacted form for every verb.
func (v PersonVerification) Format(f fmt.State, verb rune) { formatSafe(f, verb, v, v) }

// String is "[redacted]".
func (a Address) String() string { return redacted }

// GoString is "advanceai.Address{[redacted]}".
func (a Address) GoString() string { return "advanceai.Address{" + redacted + "}" }

// Format prints the redacted form for every verb.
func (a Address) Format(f fmt.State, verb rune) { formatSafe(f, verb, a, a) }
