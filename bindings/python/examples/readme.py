"""Verify a Nigerian BVN, then start the H5 flow and wait for its result.

Run with ADVANCEAI_ACCESS_KEY, ADVANCEAI_SECRET_KEY and ADVANCEAI_BASE_URL set (default
https://sg-api.advance.ai; `advanceai sandbox` serves a local one).
"""

import advanceai


def main() -> int:
    # One client per process: thread-safe, one connection pool, one token cache.
    with advanceai.Client.from_env(timeout=15) as client:
        request = advanceai.IdNumberVerificationRequest(
            "order-1", "user-1", "NGA", "BVN", "22222222222"
        )
        try:
            check = client.verify_id_number(request)  # billable
        except advanceai.InvalidInput as error:
            print(f"fix the request (nothing was sent): {error.code}: {error.message}")
            return 2
        except advanceai.Error as error:
            # Never resend a billable call that may have reached the server: check first.
            billed = "may have been billed" if error.may_have_been_processed else "not billed"
            print(f"verification failed ({error.kind}, {billed}): {error}")
            return 1
        # repr() shows the verdict, never the person fields.
        print("BVN check:", check.passed, check.category, check)

        # The hosted H5 flow: send the user to page.url, then fetch the result.
        page = client.generate_url(
            advanceai.GenerateUrlRequest(
                "order-2", "user-1", "NGA", "BVN",
                "https://example.com/kyc/done", "https://example.com/kyc/failed",
            )
        )
        if page.signature_id is None:
            raise RuntimeError("the answer has no signatureId")
        print("send the user to the page of", page.signature_id)
        try:
            result = client.wait_for_result(page.signature_id, timeout=2)
        except advanceai.ResultPending:
            print("the user has not finished yet: poll again later")
            return 0
        print("liveness:", result.passed, result.error_code, result.category)
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
