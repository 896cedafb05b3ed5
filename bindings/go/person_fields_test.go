package advanceai

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// personPaths lists the string fields of a struct value, nested structs included, by
// path ("Address.City").
func personPaths(v reflect.Value, prefix string) []string {
	var paths []string
	for i := 0; i < v.NumField(); i++ {
		name := prefix + v.Type().Field(i).Name
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			paths = append(paths, name)
		case reflect.Struct:
			paths = append(paths, personPaths(f, name+".")...)
		}
	}
	return paths
}

// personDiff names the fields in which got and want differ, never their values (person
// data is not printed, even by a failing test).
func personDiff(got, want Person) []string {
	var differ []string
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	for _, path := range personPaths(g, "") {
		if fieldAt(g, path) != fieldAt(w, path) {
			differ = append(differ, path)
		}
	}
	return differ
}

// fieldAt is the string field of v at path.
func fieldAt(v reflect.Value, path string) string {
	for _, name := range strings.Split(path, ".") {
		v = v.FieldByName(name)
	}
	return v.String()
}

// The one table fills every string field of Person (nested ones included) from exactly
// one C field, and no two C fields fill the same one.
func TestPersonFieldsFillEveryPersonFieldOnce(t *testing.T) {
	all := personPaths(reflect.ValueOf(Person{}), "")
	if len(all) != len(personFields) {
		t.Fatalf("Person has %d string fields, the table %d entries", len(all), len(personFields))
	}
	filledBy := map[string]int{}
	for i, field := range personFields {
		if field == nil {
			t.Errorf("C person field %d fills nothing", i)
			continue
		}
		var p Person
		*field(&p) = "set"
		changed := personDiff(p, Person{})
		if len(changed) != 1 {
			t.Errorf("C person field %d fills %v", i, changed)
			continue
		}
		if other, seen := filledBy[changed[0]]; seen {
			t.Errorf("C person fields %d and %d both fill %s", other, i, changed[0])
		}
		filledBy[changed[0]] = i
	}
	if len(filledBy) != len(all) {
		t.Errorf("the table fills %d of Person's %d string fields", len(filledBy), len(all))
	}
}

// The table is as long as the header's enum advanceai_person_field: a field the C library
// gains cannot be left out of Person unnoticed.
func TestPersonFieldsCoverTheHeader(t *testing.T) {
	header, err := os.ReadFile(filepath.Join("..", "..", "include", "advanceai.h"))
	if err != nil {
		t.Fatal(err)
	}
	values := regexp.MustCompile(`(?m)^\s*ADVANCEAI_PERSON_[A-Z0-9_]+ = (\d+),`).FindAllSubmatch(header, -1)
	seen := map[int]bool{}
	for _, m := range values {
		n, err := strconv.Atoi(string(m[1]))
		if err != nil || seen[n] {
			t.Fatalf("person field value %q is not a new number", m[1])
		}
		seen[n] = true
	}
	if len(seen) != len(personFields) {
		t.Fatalf("the header has %d person fields, the table %d", len(seen), len(personFields))
	}
	for n := range seen {
		if n >= len(personFields) {
			t.Errorf("person field %d is past the table's end", n)
		}
	}
}

// Every field of a Get Result person record, each with its own value: each lands in its
// own Person field (the C field's wire key, not a neighbour's).
const everyPersonFieldBody = `{"code":"SUCCESS","message":"OK","data":{"signatureId":"sig-all",
"overallResult":"PASS","errorCode":"SUCCESS","docDatabaseDetail":{
"firstName":"v-first","middleName":"v-middle","lastName":"v-last","gender":"female",
"birthday":"1976/**/**","phoneNumber":"v-phone","bvn":"v-bvn","numberValue":"v-number",
"phoneNumber1":"v-phone1","phoneNumber2":"v-phone2",
"numberTypeInfo":{"numberType":"v-type","region":"v-region"},
"nin":"v-nin","fullName":"v-full","email":"v-email","cpfStatus":"Holder's Death",
"motherName":"v-mother","taxId":"v-tax","taxIdType":"v-tax-type",
"verification":{"numberValue":"pass","fullName":"fail","dob":"NOT_CHECKED","face":"PARTIAL"},
"address":{"number":"SN","city":"v-city","street":"v-street","postalCode":"v-postal",
"neighborhood":"v-neighborhood","state":"v-state","type":"v-address-type"}}}}`

func TestParsedPersonHasEveryField(t *testing.T) {
	r, err := ParseGetResult([]byte(everyPersonFieldBody))
	if err != nil {
		t.Fatal(err)
	}
	want := Person{
		FirstName: "v-first", MiddleName: "v-middle", LastName: "v-last", Gender: "FEMALE",
		Birthday: "1976/**/**", PhoneNumber: "v-phone", BVN: "v-bvn", NumberValue: "v-number",
		PhoneNumber1: "v-phone1", PhoneNumber2: "v-phone2",
		NumberTypeInfo: NumberTypeInfo{NumberType: "v-type", Region: "v-region"},
		NIN:            "v-nin", FullName: "v-full", Email: "v-email", CPFStatus: "Holder's Death",
		MotherName: "v-mother", TaxID: "v-tax", TaxIDType: "v-tax-type",
		// Unknown check results are kept as sent, case included.
		Verification: PersonVerification{NumberValue: "pass", FullName: "fail", DOB: "NOT_CHECKED", Face: "PARTIAL"},
		Address: Address{Number: "SN", City: "v-city", Street: "v-street", PostalCode: "v-postal",
			Neighborhood: "v-neighborhood", State: "v-state", Type: "v-address-type"},
	}
	if r.Person == nil {
		t.Fatal("no person")
	}
	if d := personDiff(*r.Person, want); len(d) != 0 {
		t.Fatalf("fields not as sent: %v", d)
	}
}

func TestParsedPersonNullsAreEmpty(t *testing.T) {
	// Brazil's example's checks: only face; nulls are "" (not "null"), and a partial
	// address leaves the rest "".
	r, err := ParseGetResult([]byte(`{"code":"SUCCESS","message":"OK","data":{"signatureId":"s",
"overallResult":"PASS","errorCode":"SUCCESS","docDatabaseDetail":{"cpfStatus":"Cancelled",
"verification":{"numberValue":null,"fullName":null,"dob":null,"face":"pass"},
"address":{"city":"ARACOIABA","number":null}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Person{CPFStatus: "Cancelled", Verification: PersonVerification{Face: "pass"}, Address: Address{City: "ARACOIABA"}}
	if r.Person == nil {
		t.Fatal("no person")
	}
	if d := personDiff(*r.Person, want); len(d) != 0 {
		t.Fatalf("fields not as sent: %v", d)
	}
	// A record whose every field is null is no person at all, nested ones included.
	r, err = ParseGetResult([]byte(`{"code":"SUCCESS","message":"OK","data":{"signatureId":"s",
"overallResult":"PASS","errorCode":"SUCCESS","docDatabaseDetail":{"nin":null,
"verification":{"face":null},"address":{"city":null}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.Person != nil {
		t.Fatal("an all-null record gave a Person")
	}
}

func TestVerificationPersonReadsTheNewFields(t *testing.T) {
	r, err := ParseVerification([]byte(`{"code":"SUCCESS","message":"OK","data":{"signatureId":"s",
"overallResult":"PASS","errorCode":"","docDatabaseDetail":{"nin":"v-nin","fullName":"v-full",
"verification":{"face":"fail"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Person{NIN: "v-nin", FullName: "v-full", Verification: PersonVerification{Face: "fail"}}
	if r.Person == nil {
		t.Fatal("no person")
	}
	if d := personDiff(*r.Person, want); len(d) != 0 {
		t.Fatalf("fields not as sent: %v", d)
	}
}
