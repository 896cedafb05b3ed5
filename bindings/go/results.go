package advanceai

/*
#include <string.h>
#include "advanceai.h"

// Everything a verification or Get Result answer holds, read in one cgo call (a cgo
// call costs far more than a C getter; one per field would be thirty per result).
// person[i] is person field i: the fields are numbered from 0 with no gap, and
// personFields (below, in Go) says which Person field each one fills.
enum { AAI_PERSON_FIELD_COUNT = ADVANCEAI_PERSON_ADDRESS_TYPE + 1 };

typedef struct {
	bool passed;
	bool is_final;
	const char *signature_id;
	const char *overall_result;
	const char *error_code;
	const char *category;
	const char *face_result;
	bool has_liveness;
	double liveness;
	bool has_similarity;
	double similarity;
	bool has_submission_completed;
	bool submission_completed;
	const char *country_code_iso3;
	const char *input_region;
	const char *input_number_type;
	const char *person[AAI_PERSON_FIELD_COUNT];
	const char *json;
	size_t json_len;
} aai_outcome_view;

static void aai_read_verification(const advanceai_verification_result *r, aai_outcome_view *v) {
	v->passed = advanceai_verification_result_passed(r);
	v->is_final = true;
	v->signature_id = advanceai_verification_result_signature_id(r);
	v->overall_result = advanceai_verification_result_overall_result(r);
	v->error_code = advanceai_verification_result_error_code(r);
	v->category = advanceai_verification_result_category(r);
	for (uint32_t i = 0; i < AAI_PERSON_FIELD_COUNT; i++) {
		v->person[i] = advanceai_verification_result_person_field(r, i);
	}
	v->json = advanceai_verification_result_to_json(r);
	v->json_len = v->json != NULL ? strlen(v->json) : 0;
}

static void aai_read_get_result(const advanceai_get_result *r, aai_outcome_view *v) {
	v->passed = advanceai_get_result_passed(r);
	v->is_final = advanceai_get_result_is_final(r);
	v->signature_id = advanceai_get_result_signature_id(r);
	v->overall_result = advanceai_get_result_overall_result(r);
	v->error_code = advanceai_get_result_error_code(r);
	v->category = advanceai_get_result_category(r);
	v->face_result = advanceai_get_result_face_result(r);
	v->has_liveness = advanceai_get_result_face_liveness_score(r, &v->liveness);
	v->has_similarity = advanceai_get_result_face_similarity_score(r, &v->similarity);
	v->has_submission_completed =
		advanceai_get_result_submission_completed(r, &v->submission_completed);
	v->country_code_iso3 = advanceai_get_result_country_code_iso3(r);
	v->input_region = advanceai_get_result_input_region(r);
	v->input_number_type = advanceai_get_result_input_number_type(r);
	for (uint32_t i = 0; i < AAI_PERSON_FIELD_COUNT; i++) {
		v->person[i] = advanceai_get_result_person_field(r, i);
	}
	v->json = advanceai_get_result_to_json(r);
	v->json_len = v->json != NULL ? strlen(v->json) : 0;
}

typedef struct {
	const char *signature_id;
	const char *url;
	bool has_expired_time;
	uint64_t expired_time_ms;
	const char *json;
	size_t json_len;
} aai_url_view;

static void aai_read_url_result(const advanceai_url_result *r, aai_url_view *v) {
	v->signature_id = advanceai_url_result_signature_id(r);
	v->url = advanceai_url_result_url(r);
	v->has_expired_time = advanceai_url_result_expired_time_ms(r, &v->expired_time_ms);
	v->json = advanceai_url_result_to_json(r);
	v->json_len = v->json != NULL ? strlen(v->json) : 0;
}
*/
import "C"

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

// VerificationResult is a database verification answer. Strings are "" when the server
// sent no value. It prints without the person data and the JSON.
type VerificationResult struct {
	// Passed: OverallResult is PASS and ErrorCode is a pass.
	Passed bool
	// SignatureID identifies the check (quote it to support).
	SignatureID string
	// OverallResult is "PASS", "FAIL", "INCOMPLETE" or a newer value.
	OverallResult string
	// ErrorCode is normalized: a pass is "SUCCESS".
	ErrorCode string
	// Category says what to do: "passed", "user_can_retry", "needs_review" or
	// "retry_later".
	Category string
	// Person is the person record, or nil when the server sent none.
	Person *Person
	// JSON is the full normalized JSON of the answer's data, person fields included.
	JSON []byte
}

// GetResult is an H5 Get Result answer. Strings are "" when absent (ErrorCode and
// Category while pending). It prints without the person data and the JSON.
type GetResult struct {
	// IsFinal is false while the user has not finished: poll again (or WaitForResult).
	IsFinal bool
	// Passed: the result is final and a pass.
	Passed bool
	// SignatureID is the transaction's id.
	SignatureID string
	// OverallResult is overallResult (or idvResult when only that was sent).
	OverallResult string
	// ErrorCode is normalized: a pass is "SUCCESS"; "" while pending.
	ErrorCode string
	// Category says what to do ("passed", "user_can_retry", "needs_review",
	// "retry_later"); "" while pending.
	Category string
	// FaceResult is faceDetail.faceResult.
	FaceResult string
	// FaceLivenessScore and FaceSimilarityScore are nil when absent.
	FaceLivenessScore   *float64
	FaceSimilarityScore *float64
	// SubmissionCompleted is submissionCompleted, whether the user's page finished
	// submitting its data; nil when absent. Use IsFinal, not this, to decide whether to
	// poll again.
	SubmissionCompleted *bool
	// CountryCodeISO3 is countryCodeIso3, the region of the transaction (ISO 3166-1
	// alpha-3).
	CountryCodeISO3 string
	// InputParameters is inputParameters, the echo of the Generate URL request.
	InputParameters InputParameters
	// Person is the person record, or nil when the server sent none.
	Person *Person
	// JSON is the full normalized JSON of the answer's data, person fields included.
	JSON []byte
}

// InputParameters is a Get Result's echo of the Generate URL request it belongs to
// (fields "" when absent). Other echoed inputs are in GetResult.JSON.
type InputParameters struct {
	// Region is the region Generate URL was asked for ("NGA").
	Region string
	// NumberType is the ID type Generate URL was asked for ("BVN").
	NumberType string
}

// URLResult is an H5 Generate URL answer. The URL lets whoever holds it complete the
// user's verification, so it prints redacted.
type URLResult struct {
	// SignatureID identifies the transaction: keep it for GetResult.
	SignatureID string
	// URL is the page to send the user to.
	URL string
	// ExpiredTime is when the URL stops working; the zero Time when the server did not
	// say.
	ExpiredTime time.Time
	// JSON is the full normalized JSON of the answer's data.
	JSON []byte
}

// String shows the verdict, never the person data or the JSON.
func (r VerificationResult) String() string {
	return summary("advanceai.VerificationResult",
		"Passed", strconv.FormatBool(r.Passed),
		"SignatureID", strconv.Quote(r.SignatureID),
		"OverallResult", strconv.Quote(r.OverallResult),
		"ErrorCode", strconv.Quote(r.ErrorCode),
		"Category", strconv.Quote(r.Category),
		"Person", personMark(r.Person),
		"JSON", jsonMark(r.JSON))
}

// GoString is String.
func (r VerificationResult) GoString() string { return r.String() }

// Format prints String for every verb.
func (r VerificationResult) Format(f fmt.State, verb rune) { formatSafe(f, verb, r, r) }

// String shows the verdict, the scores and the echoed inputs, never the person data or
// the JSON.
func (r GetResult) String() string {
	return summary("advanceai.GetResult",
		"IsFinal", strconv.FormatBool(r.IsFinal),
		"Passed", strconv.FormatBool(r.Passed),
		"SignatureID", strconv.Quote(r.SignatureID),
		"OverallResult", strconv.Quote(r.OverallResult),
		"ErrorCode", strconv.Quote(r.ErrorCode),
		"Category", strconv.Quote(r.Category),
		"FaceResult", strconv.Quote(r.FaceResult),
		"FaceLivenessScore", scoreText(r.FaceLivenessScore),
		"FaceSimilarityScore", scoreText(r.FaceSimilarityScore),
		"SubmissionCompleted", boolText(r.SubmissionCompleted),
		"CountryCodeISO3", strconv.Quote(r.CountryCodeISO3),
		"InputParameters", summary("",
			"Region", strconv.Quote(r.InputParameters.Region),
			"NumberType", strconv.Quote(r.InputParameters.NumberType)),
		"Person", personMark(r.Person),
		"JSON", jsonMark(r.JSON))
}

// GoString is String.
func (r GetResult) GoString() string { return r.String() }

// Format prints String for every verb.
func (r GetResult) Format(f fmt.State, verb rune) { formatSafe(f, verb, r, r) }

// String shows the signature id and the expiry, not the URL.
func (r URLResult) String() string {
	expired := "<unknown>"
	if !r.ExpiredTime.IsZero() {
		expired = r.ExpiredTime.UTC().Format(time.RFC3339)
	}
	return summary("advanceai.URLResult",
		"SignatureID", strconv.Quote(r.SignatureID),
		"URL", mask(r.URL),
		"ExpiredTime", expired,
		"JSON", jsonMark(r.JSON))
}

// GoString is String.
func (r URLResult) GoString() string { return r.String() }

// Format prints String for every verb.
func (r URLResult) Format(f fmt.State, verb rune) { formatSafe(f, verb, r, r) }

// summary writes "name{k1: v1, k2: v2}".
func summary(name string, pairs ...string) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteString("{")
	for i := 0; i+1 < len(pairs); i += 2 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pairs[i])
		b.WriteString(": ")
		b.WriteString(pairs[i+1])
	}
	b.WriteString("}")
	return b.String()
}

func personMark(p *Person) string {
	if p == nil {
		return "<nil>"
	}
	return redacted
}

func jsonMark(j []byte) string {
	return redacted + " (" + strconv.Itoa(len(j)) + " bytes)"
}

func boolText(b *bool) string {
	if b == nil {
		return "<nil>"
	}
	return strconv.FormatBool(*b)
}

func scoreText(s *float64) string {
	if s == nil {
		return "<nil>"
	}
	return strconv.FormatFloat(*s, 'g', -1, 64)
}

// The conversions below copy every C string into Go memory; the caller frees the C
// object afterwards.

func verificationFromC(r *C.advanceai_verification_result) *VerificationResult {
	var v C.aai_outcome_view
	C.aai_read_verification(r, &v)
	return &VerificationResult{
		Passed:        bool(v.passed),
		SignatureID:   goString(v.signature_id),
		OverallResult: goString(v.overall_result),
		ErrorCode:     goString(v.error_code),
		Category:      goString(v.category),
		Person:        personFromView(&v),
		JSON:          C.GoBytes(unsafe.Pointer(v.json), C.int(v.json_len)),
	}
}

func getResultFromC(r *C.advanceai_get_result) *GetResult {
	var v C.aai_outcome_view
	C.aai_read_get_result(r, &v)
	out := &GetResult{
		IsFinal:         bool(v.is_final),
		Passed:          bool(v.passed),
		SignatureID:     goString(v.signature_id),
		OverallResult:   goString(v.overall_result),
		ErrorCode:       goString(v.error_code),
		Category:        goString(v.category),
		FaceResult:      goString(v.face_result),
		CountryCodeISO3: goString(v.country_code_iso3),
		InputParameters: InputParameters{
			Region:     goString(v.input_region),
			NumberType: goString(v.input_number_type),
		},
		Person: personFromView(&v),
		JSON:   C.GoBytes(unsafe.Pointer(v.json), C.int(v.json_len)),
	}
	if v.has_submission_completed {
		completed := bool(v.submission_completed)
		out.SubmissionCompleted = &completed
	}
	if v.has_liveness {
		score := float64(v.liveness)
		out.FaceLivenessScore = &score
	}
	if v.has_similarity {
		score := float64(v.similarity)
		out.FaceSimilarityScore = &score
	}
	return out
}

func urlResultFromC(r *C.advanceai_url_result) *URLResult {
	var v C.aai_url_view
	C.aai_read_url_result(r, &v)
	out := &URLResult{
		SignatureID: goString(v.signature_id),
		URL:         goString(v.url),
		JSON:        C.GoBytes(unsafe.Pointer(v.json), C.int(v.json_len)),
	}
	if v.has_expired_time && uint64(v.expired_time_ms) <= 1<<62 {
		out.ExpiredTime = time.UnixMilli(int64(v.expired_time_ms))
	}
	return out
}

// personFields is the one table of the person record: for each C person field (an
// advanceai_person_field value, the index), the Person field it fills. Tests check that
// it fills every Person field once, and that AAI_PERSON_FIELD_COUNT still counts every
// field of the header.
var personFields = [C.AAI_PERSON_FIELD_COUNT]func(*Person) *string{
	C.ADVANCEAI_PERSON_FIRST_NAME:                   func(p *Person) *string { return &p.FirstName },
	C.ADVANCEAI_PERSON_MIDDLE_NAME:                  func(p *Person) *string { return &p.MiddleName },
	C.ADVANCEAI_PERSON_LAST_NAME:                    func(p *Person) *string { return &p.LastName },
	C.ADVANCEAI_PERSON_GENDER:                       func(p *Person) *string { return &p.Gender },
	C.ADVANCEAI_PERSON_BIRTHDAY:                     func(p *Person) *string { return &p.Birthday },
	C.ADVANCEAI_PERSON_PHONE_NUMBER:                 func(p *Person) *string { return &p.PhoneNumber },
	C.ADVANCEAI_PERSON_BVN:                          func(p *Person) *string { return &p.BVN },
	C.ADVANCEAI_PERSON_NUMBER_VALUE:                 func(p *Person) *string { return &p.NumberValue },
	C.ADVANCEAI_PERSON_PHONE_NUMBER1:                func(p *Person) *string { return &p.PhoneNumber1 },
	C.ADVANCEAI_PERSON_PHONE_NUMBER2:                func(p *Person) *string { return &p.PhoneNumber2 },
	C.ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE: func(p *Person) *string { return &p.NumberTypeInfo.NumberType },
	C.ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION:      func(p *Person) *string { return &p.NumberTypeInfo.Region },
	C.ADVANCEAI_PERSON_NIN:                          func(p *Person) *string { return &p.NIN },
	C.ADVANCEAI_PERSON_FULL_NAME:                    func(p *Person) *string { return &p.FullName },
	C.ADVANCEAI_PERSON_EMAIL:                        func(p *Person) *string { return &p.Email },
	C.ADVANCEAI_PERSON_CPF_STATUS:                   func(p *Person) *string { return &p.CPFStatus },
	C.ADVANCEAI_PERSON_MOTHER_NAME:                  func(p *Person) *string { return &p.MotherName },
	C.ADVANCEAI_PERSON_TAX_ID:                       func(p *Person) *string { return &p.TaxID },
	C.ADVANCEAI_PERSON_TAX_ID_TYPE:                  func(p *Person) *string { return &p.TaxIDType },
	C.ADVANCEAI_PERSON_VERIFICATION_NUMBER_VALUE:    func(p *Person) *string { return &p.Verification.NumberValue },
	C.ADVANCEAI_PERSON_VERIFICATION_FULL_NAME:       func(p *Person) *string { return &p.Verification.FullName },
	C.ADVANCEAI_PERSON_VERIFICATION_DOB:             func(p *Person) *string { return &p.Verification.DOB },
	C.ADVANCEAI_PERSON_VERIFICATION_FACE:            func(p *Person) *string { return &p.Verification.Face },
	C.ADVANCEAI_PERSON_ADDRESS_NUMBER:               func(p *Person) *string { return &p.Address.Number },
	C.ADVANCEAI_PERSON_ADDRESS_CITY:                 func(p *Person) *string { return &p.Address.City },
	C.ADVANCEAI_PERSON_ADDRESS_STREET:               func(p *Person) *string { return &p.Address.Street },
	C.ADVANCEAI_PERSON_ADDRESS_POSTAL_CODE:          func(p *Person) *string { return &p.Address.PostalCode },
	C.ADVANCEAI_PERSON_ADDRESS_NEIGHBORHOOD:         func(p *Person) *string { return &p.Address.Neighborhood },
	C.ADVANCEAI_PERSON_ADDRESS_STATE:                func(p *Person) *string { return &p.Address.State },
	C.ADVANCEAI_PERSON_ADDRESS_TYPE:                 func(p *Person) *string { return &p.Address.Type },
}

// personFromView is nil when the server sent no person field at all.
func personFromView(v *C.aai_outcome_view) *Person {
	var p Person
	present := false
	for i, s := range v.person {
		if s == nil {
			continue
		}
		present = true
		if field := personFields[i]; field != nil {
			*field(&p) = goString(s)
		}
	}
	if !present {
		return nil
	}
	return &p
}
