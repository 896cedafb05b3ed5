package advanceai

import (
	"testing"
)

// marketFlow is one H5 transaction of a market, completed with an outcome, and the person
// record Get Result must then hold, field by field ("" for every field the market's
// shape does not send).
//
// The sandbox's person is derived from the request's number (the same on every run), in
// the shape and masking of the market's DocDatabaseDetail example (non-doc-flow.md §4.7;
// crates/sandbox/src/person_markets.rs): what follows from the request is visible below
// (the masked or punctuated number, Indonesia's masked full name), and so are the
// documented constants (cpfStatus Regular, address type residential, each check pass
// unless the outcome is about it). Names, dates, phones and the address are the fake
// person of that number.
type marketFlow struct {
	title                                        string
	region, numberType, number, fullName, gender string
	outcome                                      string
	passed                                       bool
	want                                         Person
}

var nikPerson = Person{
	Gender: "MALE", Birthday: "1965/**/**", PhoneNumber: "+62*******5688",
	NumberValue:    "************8901",
	NumberTypeInfo: NumberTypeInfo{NumberType: "ID_NIK", Region: "IDN"},
	FullName:       "R*** W*****", // "Rina Wijaya", given to Generate URL
	Email:          "r*********a@*******.com",
	Verification:   PersonVerification{NumberValue: "pass", FullName: "pass", DOB: "pass", Face: "pass"},
}

var cpfPerson = Person{
	Gender: "MALE", Birthday: "1975/04/12",
	NumberValue:    "078.734.383-84",
	NumberTypeInfo: NumberTypeInfo{NumberType: "BR_CPF", Region: "BRA"},
	FullName:       "OLUWASEUN KELECHI OKAFOR",
	CPFStatus:      "Regular",
	MotherName:     "ADAEZE OKAFOR",
	Verification:   PersonVerification{Face: "pass"},
	Address: Address{Number: "614", City: "SALVADOR", Street: "AVENIDA BEIRA MAR", PostalCode: "06834163",
		Neighborhood: "ALDEOTA", State: "BA", Type: "residential"},
}

// with is p after edit.
func with(p Person, edit func(*Person)) Person {
	edit(&p)
	return p
}

var marketFlows = []marketFlow{
	{title: "NGA BVN", region: "NGA", numberType: "BVN", number: "22345678901", outcome: "PASS", passed: true,
		want: Person{
			FirstName: "O*******n", MiddleName: "T******e", LastName: "O****r", Gender: "MALE",
			Birthday: "1962/03/10", PhoneNumber: "080******46", BVN: "22********1", NumberValue: "22********1",
			NumberTypeInfo: NumberTypeInfo{NumberType: "NG_BVN", Region: "NGA"},
		}},
	{title: "IDN NIK", region: "IDN", numberType: "NIK", number: "3174012345678901", fullName: "Rina Wijaya",
		outcome: "PASS", passed: true, want: nikPerson},
	// The name check failed: verification.fullName is "fail", the other checks pass.
	{title: "IDN NIK name not matched", region: "IDN", numberType: "NIK", number: "3174012345678901",
		fullName: "Rina Wijaya", outcome: "NAME_NOT_MATCH",
		want: with(nikPerson, func(p *Person) { p.Verification.FullName = "fail" })},
	{title: "BRA CPF", region: "BRA", numberType: "CPF", number: "07873438384", outcome: "PASS", passed: true,
		want: cpfPerson},
	// The face did not match: verification.face is "fail".
	{title: "BRA CPF face not matched", region: "BRA", numberType: "CPF", number: "07873438384",
		outcome: "SIMILARITY_FAILED",
		want:    with(cpfPerson, func(p *Person) { p.Verification.Face = "fail" })},
	{title: "ARG DNI", region: "ARG", numberType: "DNI", number: "12345678", gender: "MALE", outcome: "PASS", passed: true,
		want: Person{
			FirstName: "F*******o", LastName: "I****e", Gender: "MALE", Birthday: "1971/09/03",
			NumberValue:    "12*****8",
			NumberTypeInfo: NumberTypeInfo{NumberType: "AR_DNI", Region: "ARG"},
			FullName:       "F******** T******* I*****",
			Verification:   PersonVerification{Face: "pass"},
		}},
	// Only the "Common" rows: numberValue, numberTypeInfo, verification.face.
	{title: "ZAF SAID", region: "ZAF", numberType: "SAID", number: "8001015009087", outcome: "PASS", passed: true,
		want: Person{
			NumberValue:    "80**********7",
			NumberTypeInfo: NumberTypeInfo{NumberType: "ZA_SAID", Region: "ZAF"},
			Verification:   PersonVerification{Face: "pass"},
		}},
}

func TestPersonRecordPerMarket(t *testing.T) {
	c := newSandboxClient(t)
	for _, flow := range marketFlows {
		flow := flow
		t.Run(flow.title, func(t *testing.T) {
			req := urlRequest(uniqueID("person-" + flow.region))
			req.Region, req.NumberType, req.NumberValue = flow.region, flow.numberType, flow.number
			req.FullName, req.Gender = flow.fullName, flow.gender
			u, err := c.GenerateURL(req)
			if err != nil {
				t.Fatal(err)
			}
			complete(t, u.SignatureID, flow.outcome)
			r, err := c.GetResult(u.SignatureID)
			if err != nil {
				t.Fatal(err)
			}
			if !r.IsFinal || r.Passed != flow.passed || r.CountryCodeISO3 != flow.region {
				t.Fatalf("after %s: %v", flow.outcome, r)
			}
			if r.Person == nil {
				t.Fatal("no person record")
			}
			if d := personDiff(*r.Person, flow.want); len(d) != 0 {
				t.Fatalf("fields not as the sandbox's %s record: %v", flow.region, d)
			}
			// The record's personal values print nowhere, nested ones included. (Not the
			// short ones, such as the address number "614": a byte count may show it.)
			p := r.Person
			secrets := []string{p.FirstName, p.LastName, p.Birthday, p.PhoneNumber, p.BVN, p.NumberValue,
				p.FullName, p.Email, p.MotherName, p.Address.City, p.Address.Street,
				p.Address.PostalCode, p.Address.Neighborhood}
			assertRedacted(t, flow.title+" result", r, secrets...)
			assertRedacted(t, flow.title+" person", p, secrets...)
			assertRedacted(t, flow.title+" address", p.Address, secrets...)
		})
	}
}
