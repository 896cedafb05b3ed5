package advanceai

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The verbs someone might log a value with, alone and nested in a struct, a slice and a
// map (fmt reaches nested values through their own methods).
var logFormats = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"}

func assertRedacted(t *testing.T, what string, value interface{}, secrets ...string) {
	t.Helper()
	for _, format := range logFormats {
		for _, wrapped := range []interface{}{
			value,
			struct{ Inner interface{} }{value},
			[]interface{}{value},
			map[string]interface{}{"k": value},
		} {
			text := fmt.Sprintf(format, wrapped)
			for i, s := range secrets {
				// Which secret leaked is said by its place in the list: a failure must
				// not print it either.
				if s != "" && strings.Contains(text, s) {
					t.Errorf("%s printed with %s (%T) shows secret #%d", what, format, wrapped, i)
				}
			}
		}
		if text := fmt.Sprint(value); !strings.Contains(text, redacted) {
			t.Errorf("%s prints without %q", what, redacted)
		}
	}
}

func TestPersonAndRequestsAreRedacted(t *testing.T) {
	p := Person{
		FirstName: "Adaeze", MiddleName: "Ngozi", LastName: "Okafor", Gender: "FEMALE",
		Birthday: "1994/07/13", PhoneNumber: "08012345678", BVN: "22345678901", NumberValue: "22345678902",
		PhoneNumber1: "08087654321", PhoneNumber2: "07011223344",
		NumberTypeInfo: NumberTypeInfo{NumberType: "ZZ_SECRET_TYPE", Region: "ZQX"},
		NIN:            "71234567890", FullName: "Gleiciane Rodrigues", Email: "adaeze@example.com",
		CPFStatus: "Holder's Death", MotherName: "Aldaiza Rodrigues", TaxID: "20-12345678-3", TaxIDType: "ZZ_TAX_KIND",
		Verification: PersonVerification{NumberValue: "ZZ_NUMBER_CHECK", FullName: "ZZ_NAME_CHECK",
			DOB: "ZZ_DOB_CHECK", Face: "ZZ_FACE_CHECK"},
		Address: Address{Number: "1234", City: "ARACOIABA", Street: "COMENDADOR EUGENIO CASTRO SILVA",
			PostalCode: "62750000", Neighborhood: "CENTRO", State: "ZZ_STATE", Type: "ZZ_ADDRESS_KIND"},
	}
	// Every string field of the record, the nested ones included.
	var fields []string
	for _, path := range personPaths(reflect.ValueOf(p), "") {
		if value := fieldAt(reflect.ValueOf(p), path); value != "FEMALE" {
			fields = append(fields, value)
		}
	}
	assertRedacted(t, "Person", p, fields...)
	assertRedacted(t, "*Person", &p, fields...)
	for name, part := range map[string]interface{}{
		"NumberTypeInfo": p.NumberTypeInfo, "*NumberTypeInfo": &p.NumberTypeInfo,
		"PersonVerification": p.Verification, "*PersonVerification": &p.Verification,
		"Address": p.Address, "*Address": &p.Address,
	} {
		assertRedacted(t, name, part, fields...)
	}
	for _, v := range []interface {
		fmt.Stringer
		fmt.GoStringer
	}{p, p.NumberTypeInfo, p.Verification, p.Address} {
		if v.String() != redacted || !strings.Contains(v.GoString(), redacted) {
			t.Errorf("%T: String %q, GoString %q", v, v.String(), v.GoString())
		}
	}

	assertRedacted(t, "GetResult", GetResult{IsFinal: true, Person: &p, JSON: []byte(`{"firstName":"Adaeze"}`)}, fields...)
	assertRedacted(t, "VerificationResult", &VerificationResult{Person: &p, JSON: []byte(`{"firstName":"Adaeze"}`)}, fields...)
	assertRedacted(t, "URLResult", URLResult{SignatureID: "s", URL: "https://h5.example/secret-session"}, "secret-session")
	assertRedacted(t, "VerificationRequest", verification("biz", "22345678901"), "22345678901")
	req := urlRequest("biz")
	req.CallbackURL = "https://example.com/cb?auth=hunter2"
	assertRedacted(t, "URLRequest", req, "hunter2")
	assertRedacted(t, "Config", Config{AccessKey: "ak-visible?", SecretKey: "sk-visible?", Proxy: "http://user:pw@proxy:3128"},
		"ak-visible?", "sk-visible?", "user:pw")
	assertRedacted(t, "Token", Token{value: "eyJ.token.value"}, "eyJ.token.value")
}

func TestRealResultsAreRedacted(t *testing.T) {
	c := newSandboxClient(t)
	v, err := c.VerifyIDNumber(verification(uniqueID("redact"), "22222222222"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Person == nil {
		t.Fatal("no person to check")
	}
	pv := v.Person
	if pv.PhoneNumber1 == "" {
		t.Fatal("no phoneNumber1 to check")
	}
	assertRedacted(t, "verification result", v, pv.FirstName, pv.MiddleName, pv.LastName, pv.Birthday, pv.PhoneNumber1)

	h5 := urlRequest(uniqueID("redact-h5"))
	h5.NumberType = "BVN"
	page, err := c.GenerateURL(h5)
	if err != nil {
		t.Fatal(err)
	}
	sig := page.SignatureID
	complete(t, sig, "PASS")
	g, err := c.GetResult(sig)
	if err != nil {
		t.Fatal(err)
	}
	if g.Person == nil {
		t.Fatal("no person to check")
	}
	pg := g.Person
	if pg.NumberTypeInfo.NumberType == "" {
		t.Fatal("no numberTypeInfo to check")
	}
	// numberTypeInfo.region is the transaction's region, which the summary shows as
	// CountryCodeISO3: only its numberType can be looked for.
	assertRedacted(t, "get result", g, pg.FirstName, pg.LastName, pg.Birthday, pg.PhoneNumber, pg.BVN, pg.NumberValue,
		pg.NumberTypeInfo.NumberType)
	assertRedacted(t, "get result's numberTypeInfo", pg.NumberTypeInfo, pg.NumberTypeInfo.NumberType, pg.NumberTypeInfo.Region)
	// What is not personal data stays readable in logs.
	if text := fmt.Sprint(g); !strings.Contains(text, sig) || !strings.Contains(text, "SUCCESS") {
		t.Errorf("the summary lost the signature id or the code: %s", text)
	}
}
