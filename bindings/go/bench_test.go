package advanceai

// The binding against a plain Go client (net/http + encoding/json), both fetching the
// same final Get Result from the same sandbox:
//
//	ADVANCEAI_SANDBOX_URL=http://127.0.0.1:PORT go test -run '^$' -bench . -benchtime 3000x -count 5
//
// Without -bench only TestPlainClientAgreesWithBinding runs, which keeps the plain client
// honest: it must read the same answer the binding reads.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// plainClient is what a Go team would write without the binding: one reused http.Client
// (keep-alive), a token fetched once, requests encoded and answers decoded with
// encoding/json into typed structs.
type plainClient struct {
	base  string
	http  *http.Client
	token string
}

// tokenSignature is the lowercase hex SHA-256 of accessKey + secretKey + timestamp.
func tokenSignature(accessKey, secretKey, timestamp string) string {
	sum := sha256.Sum256([]byte(accessKey + secretKey + timestamp))
	return hex.EncodeToString(sum[:])
}

type plainEnvelope struct {
	Code          string          `json:"code"`
	Message       string          `json:"message"`
	TransactionID string          `json:"transactionId"`
	Data          json.RawMessage `json:"data"`
}

type plainGetResult struct {
	SignatureID   string  `json:"signatureId"`
	OverallResult *string `json:"overallResult"`
	ErrorCode     *string `json:"errorCode"`
	FaceDetail    *struct {
		FaceResult          string   `json:"faceResult"`
		FaceLivenessScore   *float64 `json:"faceLivenessScore"`
		FaceSimilarityScore *float64 `json:"faceSimilarityScore"`
	} `json:"faceDetail"`
	DocDatabaseDetail *struct {
		FirstName   string `json:"firstName"`
		MiddleName  string `json:"middleName"`
		LastName    string `json:"lastName"`
		Gender      string `json:"gender"`
		Birthday    string `json:"birthday"`
		PhoneNumber string `json:"phoneNumber"`
		BVN         string `json:"bvn"`
		NumberValue string `json:"numberValue"`
	} `json:"docDatabaseDetail"`
}

func newPlainClient(base string) (*plainClient, error) {
	p := &plainClient{
		base: base,
		http: &http.Client{
			Timeout:   30 * time.Second,
			Transport: &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: 90 * time.Second},
		},
	}
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	var data struct {
		Token string `json:"token"`
	}
	err := p.post("/openapi/auth/ticket/v1/generate-token", map[string]string{
		"accessKey": sandboxAccessKey,
		"timestamp": ts,
		"signature": tokenSignature(sandboxAccessKey, sandboxSecretKey, ts),
	}, &data)
	if err != nil {
		return nil, err
	}
	p.token = data.Token
	return p, nil
}

// post sends body as JSON and decodes the envelope's data into out.
func (p *plainClient) post(path string, body interface{}, out interface{}) error {
	payload, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, p.base+path, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if p.token != "" {
		req.Header.Set("X-ACCESS-TOKEN", p.token)
	}
	resp, err := p.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var env plainEnvelope
	err = json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&env)
	_, _ = io.Copy(io.Discard, resp.Body) // drain, so the connection is reused
	if err != nil {
		return fmt.Errorf("%s: HTTP %d: %w", path, resp.StatusCode, err)
	}
	if env.Code != "SUCCESS" {
		return fmt.Errorf("%s: %s: %s (transaction %s)", path, env.Code, env.Message, env.TransactionID)
	}
	return json.Unmarshal(env.Data, out)
}

func (p *plainClient) getResult(signatureID string) (*plainGetResult, error) {
	var r plainGetResult
	err := p.post("/intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result", map[string]string{"signatureId": signatureID}, &r)
	return &r, err
}

func TestTokenSignatureVector(t *testing.T) {
	// The vendor's documented test vector.
	got := tokenSignature("sampleaccesskey", "samplesecretkey", "1665993522952")
	if got != "02209bbeaf0d0a3dd587f6a1ba22f84c98d142e3b545e77db7e4906ca56349f5" {
		t.Fatalf("signature %s", got)
	}
}

// completedTransaction is a PASS H5 transaction: the heaviest Get Result answer.
func completedTransaction(tb testing.TB, c *Client) string {
	sig := generate(tb, c, uniqueID("bench"))
	complete(tb, sig, "PASS")
	return sig
}

func TestPlainClientAgreesWithBinding(t *testing.T) {
	c := newSandboxClient(t)
	sig := completedTransaction(t, c)
	plain, err := newPlainClient(sandboxURL(t))
	if err != nil {
		t.Fatal(err)
	}
	p, err := plain.getResult(sig)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.GetResult(sig)
	if err != nil {
		t.Fatal(err)
	}
	if p.SignatureID != b.SignatureID || p.OverallResult == nil || *p.OverallResult != b.OverallResult ||
		p.ErrorCode == nil || *p.ErrorCode != b.ErrorCode || p.FaceDetail == nil ||
		p.FaceDetail.FaceLivenessScore == nil || *p.FaceDetail.FaceLivenessScore != *b.FaceLivenessScore ||
		p.DocDatabaseDetail == nil || p.DocDatabaseDetail.BVN != b.Person.BVN || p.DocDatabaseDetail.FirstName != b.Person.FirstName {
		t.Fatalf("the plain client and the binding read different answers: binding %v", b)
	}
}

func BenchmarkGetResultBinding(b *testing.B) {
	c := newSandboxClient(b)
	sig := completedTransaction(b, c)
	if _, err := c.GetResult(sig); err != nil { // token fetched and connection open
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := c.GetResult(sig)
		if err != nil || !r.Passed {
			b.Fatalf("%v %v", r, err)
		}
	}
}

func BenchmarkGetResultPlainGo(b *testing.B) {
	c := newSandboxClient(b)
	sig := completedTransaction(b, c)
	plain, err := newPlainClient(sandboxURL(b))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := plain.getResult(sig); err != nil { // connection open
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := plain.getResult(sig)
		if err != nil || r.ErrorCode == nil || *r.ErrorCode != "SUCCESS" {
			b.Fatalf("%v %v", r, err)
		}
	}
}

func BenchmarkGetResultBindingParallel(b *testing.B) {
	c := newSandboxClient(b)
	sig := completedTransaction(b, c)
	if _, err := c.GetResult(sig); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if r, err := c.GetResult(sig); err != nil || !r.Passed {
				b.Errorf("%v %v", r, err)
				return
			}
		}
	})
}

func BenchmarkGetResultPlainGoParallel(b *testing.B) {
	c := newSandboxClient(b)
	sig := completedTransaction(b, c)
	plain, err := newPlainClient(sandboxURL(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if r, err := plain.getResult(sig); err != nil || r.ErrorCode == nil || *r.ErrorCode != "SUCCESS" {
				b.Errorf("%v %v", r, err)
				return
			}
		}
	})
}

// A final PASS Get Result as the sandbox sends it (masked, fake person).
const sandboxPassBody = `{"code":"SUCCESS","message":"OK","data":{"countryCodeIso3":"NGA","docDatabaseDetail":` +
	`{"birthday":"1980/10/13","bvn":"22********5","firstName":"C******a","gender":"MALE","lastName":"A*****i",` +
	`"middleName":"B**a","numberTypeInfo":{"numberType":"NG_BVN","region":"NGA"},"numberValue":"22********5",` +
	`"phoneNumber":"080******01","phoneNumber2":""},"errorCode":"SUCCESS","faceDetail":{"faceLivenessScore":99,` +
	`"faceResult":"PASS","faceSimilarityScore":82},"idvResult":"PASS","inputParameters":{"numberType":"BVN",` +
	`"region":"NGA"},"overallResult":"PASS","signatureId":"b089d06af6d782cf","submissionCompleted":true},` +
	`"extra":null,"transactionId":"cbbd9e09e91a2b4c","pricingStrategy":"FREE"}`

// The binding's own cost, without the network: parse one final Get Result body and copy
// it into Go values, against encoding/json decoding the same body into plain structs.
func BenchmarkParseGetResultBinding(b *testing.B) {
	body := []byte(sandboxPassBody)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if r, err := ParseGetResult(body); err != nil || !r.Passed {
			b.Fatalf("%v %v", r, err)
		}
	}
}

func BenchmarkParseGetResultPlainGo(b *testing.B) {
	body := []byte(sandboxPassBody)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var env plainEnvelope
		var r plainGetResult
		if err := json.Unmarshal(body, &env); err != nil {
			b.Fatal(err)
		}
		if err := json.Unmarshal(env.Data, &r); err != nil || r.ErrorCode == nil {
			b.Fatalf("%v %v", r, err)
		}
	}
}
