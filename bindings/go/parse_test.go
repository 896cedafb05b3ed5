package advanceai

import (
	"errors"
	"strings"
	"testing"
)

const finalGetResultBody = `{"code":"SUCCESS","message":"OK","transactionId":"t-1","pricingStrategy":"FREE",
"data":{"signatureId":"sig-1","overallResult":"PASS","errorCode":"SUCCESS",
"faceDetail":{"faceResult":"PASS","faceLivenessScore":99.5,"faceSimilarityScore":"82"},
"docDatabaseDetail":{"firstName":"A****e","lastName":"O****r","bvn":"22********4","phoneNumber":"080******78",
"phoneNumber2":"081******90","numberTypeInfo":{"numberType":"NG_BVN","region":"NGA"}},
"submissionCompleted":true,"countryCodeIso3":"NGA","inputParameters":{"region":"NGA","numberType":"BVN"}}}`

func TestParseGetResultFinal(t *testing.T) {
	r, err := ParseGetResult([]byte(finalGetResultBody))
	if err != nil {
		t.Fatal(err)
	}
	if !r.IsFinal || !r.Passed || r.SignatureID != "sig-1" || r.ErrorCode != "SUCCESS" || r.Category != "passed" || r.FaceResult != "PASS" {
		t.Fatalf("got %v", r)
	}
	if r.FaceLivenessScore == nil || *r.FaceLivenessScore != 99.5 || r.FaceSimilarityScore == nil || *r.FaceSimilarityScore != 82 {
		t.Fatalf("scores: %v", r)
	}
	if r.Person == nil || r.Person.FirstName != "A****e" || r.Person.BVN != "22********4" || r.Person.PhoneNumber != "080******78" || r.Person.Birthday != "" {
		t.Fatal("the person fields are not the ones sent")
	}
	if r.Person.PhoneNumber1 != "" || r.Person.PhoneNumber2 != "081******90" ||
		r.Person.NumberTypeInfo != (NumberTypeInfo{NumberType: "NG_BVN", Region: "NGA"}) {
		t.Fatal("the phone numbers or numberTypeInfo are not the ones sent")
	}
	if r.SubmissionCompleted == nil || !*r.SubmissionCompleted || r.CountryCodeISO3 != "NGA" ||
		r.InputParameters != (InputParameters{Region: "NGA", NumberType: "BVN"}) {
		t.Fatalf("submissionCompleted, countryCodeIso3 or inputParameters: %v", r)
	}
	if !strings.Contains(string(r.JSON), `"signatureId":"sig-1"`) {
		t.Fatalf("JSON: %s", r.JSON)
	}
}

func TestParseGetResultPending(t *testing.T) {
	r, err := ParseGetResult([]byte(`{"code":"SUCCESS","message":"OK","data":{"signatureId":"sig-2","errorCode":null,"overallResult":null}}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.IsFinal || r.Passed || r.ErrorCode != "" || r.Person != nil || r.FaceLivenessScore != nil {
		t.Fatalf("got %v", r)
	}
	// Absent: nil, "" and the zero InputParameters.
	if r.SubmissionCompleted != nil || r.CountryCodeISO3 != "" || r.InputParameters != (InputParameters{}) {
		t.Fatalf("got %v", r)
	}
	// numberTypeInfo alone is a person record.
	r, err = ParseGetResult([]byte(`{"code":"SUCCESS","message":"OK","data":{"signatureId":"s",
"submissionCompleted":false,"docDatabaseDetail":{"numberTypeInfo":{"region":"NGA"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.SubmissionCompleted == nil || *r.SubmissionCompleted || r.Person == nil ||
		r.Person.NumberTypeInfo != (NumberTypeInfo{Region: "NGA"}) {
		t.Fatalf("got %v", r)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, body string
		kind       Status
		code       string
	}{
		{"API error", `{"code":"SIGNATURE_NOT_EXIST","message":"This signatureId is not exist","data":null,"transactionId":"t-2"}`, StatusAPIError, "SIGNATURE_NOT_EXIST"},
		{"no data", `{"code":"SUCCESS","message":"OK","data":null,"transactionId":"t-3"}`, StatusMissingData, ""},
		{"truncated", finalGetResultBody[:len(finalGetResultBody)/2], StatusParseError, ""},
		{"empty", ``, StatusParseError, ""},
		{"not JSON", `<html>502</html>`, StatusParseError, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for name, parse := range map[string]func([]byte) error{
				"ParseGetResult":    func(b []byte) error { _, err := ParseGetResult(b); return err },
				"ParseVerification": func(b []byte) error { _, err := ParseVerification(b); return err },
			} {
				err := parse([]byte(tc.body))
				e := asError(t, err)
				if e.Kind != tc.kind || e.Code != tc.code {
					t.Fatalf("%s: got %+v", name, e)
				}
				if tc.kind == StatusAPIError && (e.TransactionID != "t-2" || !strings.Contains(e.Message, "This signatureId is not exist")) {
					t.Fatalf("%s: the server's message or transaction id is lost: %+v", name, e)
				}
				if tc.kind == StatusParseError && strings.Contains(e.Message, "sig-1") {
					t.Fatalf("%s: a parse error shows the body: %s", name, e.Message)
				}
			}
		})
	}
}

func TestParseVerification(t *testing.T) {
	body := `{"code":"SUCCESS","message":"OK","data":{"signatureId":"s-9","overallResult":"PASS","errorCode":"",
"docDatabaseDetail":{"firstName":"J**n","lastName":"D*e","birthday":"1990-01-02","gender":"Male","phoneNumber1":"080******12",
"phoneNumber2":"070******34"}}}`
	r, err := ParseVerification([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Passed || r.ErrorCode != "SUCCESS" || r.SignatureID != "s-9" || r.Category != "passed" {
		t.Fatalf("got %v", r)
	}
	if r.Person == nil || r.Person.FirstName != "J**n" || r.Person.Birthday != "1990-01-02" || r.Person.Gender != "MALE" {
		t.Fatal("person fields lost")
	}
	if r.Person.PhoneNumber1 != "080******12" || r.Person.PhoneNumber2 != "070******34" || r.Person.PhoneNumber != "" {
		t.Fatal("the phone numbers are not the ones sent")
	}
	fail := `{"code":"SUCCESS","message":"OK","data":{"signatureId":"s-10","overallResult":"FAIL","errorCode":"BVN_SUSPEND","docDatabaseDetail":null}}`
	r, err = ParseVerification([]byte(fail))
	if err != nil {
		t.Fatal(err)
	}
	if r.Passed || r.ErrorCode != "BVN_SUSPEND" || r.Person != nil {
		t.Fatalf("got %v", r)
	}
	if _, err := ParseVerification(nil); !errors.Is(err, ErrParse) {
		t.Fatalf("nil body: %v", err)
	}
}
