package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	advanceai "github.com/advanceai/advanceai/bindings/go"
)

// Verifies a Nigerian BVN, then starts an H5 liveness flow and waits for its result.
func main() {
	client, err := advanceai.NewClient(advanceai.Config{
		BaseURL:   os.Getenv("ADVANCEAI_BASE_URL"), // "" means https://sg-api.advance.ai
		AccessKey: os.Getenv("ADVANCEAI_ACCESS_KEY"),
		SecretKey: os.Getenv("ADVANCEAI_SECRET_KEY"),
		Timeout:   15 * time.Second,
	})
	if err != nil {
		log.Fatal(err) // says what is wrong, never shows a key
	}
	defer client.Close()

	// Database check of an ID number (billable).
	check, err := client.VerifyIDNumber(advanceai.VerificationRequest{
		BizID: "order-1", UserID: "user-1", Region: "NGA", NumberType: "BVN", NumberValue: "22222222222",
	})
	var apiErr *advanceai.Error
	switch {
	case errors.Is(err, advanceai.ErrInvalidInput):
		log.Fatalf("fix the request (nothing was sent): %v", err)
	case errors.As(err, &apiErr):
		// Resending may bill twice when the request may have been processed.
		log.Fatalf("verification failed (retryable %v, may have been processed %v): %v",
			apiErr.Retryable, apiErr.MayHaveBeenProcessed, err)
	case err != nil:
		log.Fatal(err)
	}
	// Prints the verdict only: person data is redacted from fmt output.
	fmt.Println("BVN check:", check.Passed, check.Category, check)

	// H5 flow: send the user to page.URL, then fetch the result.
	page, err := client.GenerateURL(advanceai.URLRequest{
		BizID: "order-2", UserID: "user-1", Region: "NGA", NumberType: "BVN",
		ReturnURL: "https://example.com/kyc/done", FailReturnURL: "https://example.com/kyc/failed",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("send the user to the page of", page.SignatureID)
	result, err := client.WaitForResult(page.SignatureID, advanceai.WaitOptions{Timeout: 10 * time.Minute})
	if errors.Is(err, advanceai.ErrResultPending) {
		log.Fatal("the user has not finished yet: poll again later")
	} else if err != nil {
		log.Fatal(err)
	}
	fmt.Println("liveness:", result.Passed, result.ErrorCode, result.Category)
}
