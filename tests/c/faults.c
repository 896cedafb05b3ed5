/* faults.c: every fault the sandbox injects, each mapped to its status and error details,
 * on the billable calls (never resent once they may have reached the server) and on Get
 * Result (retried on transient failures).
 *
 * The answers (kind, code, retryable, may have been processed, refuses the account) come
 * from tests/fixtures/fault_dispositions.tsv, the table every layer's tests read; the
 * driver passes its path in ADVANCEAI_FAULT_DISPOSITIONS. This program checks every row
 * of it, then the recoveries and details the table does not hold. */
#include "check.h"
#include "fault_fixture.h"

static int id_counter = 0;

/* Checks a failed call against its row: the status and the error's kind by name, the code,
 * and the verdict's flags. A billable call is safe to resend only when it was provably not
 * processed; Get Result always is. */
static void check_answer(const fault_row *row, advanceai_status status,
                         const advanceai_error *err) {
    int before = check_failures;
    CHECK(err != NULL);
    CHECK(streq(advanceai_status_name(status), row->kind));
    CHECK(advanceai_error_kind(err) == status);
    CHECK(streq(advanceai_status_name(advanceai_error_kind(err)), row->kind));
    if (streq(row->code, "-")) {
        CHECK(advanceai_error_code(err) == NULL);
    } else {
        CHECK(streq(advanceai_error_code(err), row->code));
        CHECK(advanceai_error_transaction_id(err) != NULL);
    }
    CHECK(advanceai_error_retryable(err) == (row->retryable != 0));
    CHECK(advanceai_error_may_have_been_processed(err) == (row->may_have_been_processed != 0));
    CHECK(advanceai_error_refuses_account(err) == (row->refuses_account != 0));
    CHECK(advanceai_error_safe_to_resend(err) ==
          (streq(row->call, "result") || !row->may_have_been_processed));
    CHECK(advanceai_error_http_status(err) ==
          (streq(row->kind, "UNEXPECTED_RESPONSE") ? 502 : 0));
    if (check_failures != before) {
        fprintf(stderr, "  (fixture row %s %s; got %s: %s)\n", row->call, row->prefix,
                advanceai_status_name(status), error_text(err));
    }
}

/* Verifies the PASS test number with a bizId starting with `prefix`; returns the status,
 * and the error through `err` (the result, if any, is checked by the caller). */
static advanceai_status verify(advanceai_client *client, const char *prefix,
                               advanceai_verification_result **result, advanceai_error **err) {
    char biz_id[96];
    unique_id(biz_id, sizeof biz_id, prefix, ++id_counter);
    return advanceai_client_verify_id_number(client, biz_id, "user-1", "NGA", "BVN",
                                             "22222222222", result, err);
}

/* A Generate URL transaction whose every Get Result gets the fault `result-<prefix>`
 * names; returns its signatureId in `out` (empty on failure). */
static void transaction_with_fault(advanceai_client *client, const char *prefix, char *out,
                                   size_t size) {
    advanceai_url_request *request = NULL;
    advanceai_url_result *url = NULL;
    advanceai_error *err = NULL;
    char biz_id[96];
    out[0] = '\0';
    unique_id(biz_id, sizeof biz_id, prefix, ++id_counter);
    CHECK_STATUS(advanceai_url_request_new(biz_id, "user-1", "NGA", "BVN", "https://example.com/ok",
                                           "https://example.com/fail", &request, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_generate_url(client, request, &url, &err),
                 ADVANCEAI_STATUS_OK, err);
    if (advanceai_url_result_signature_id(url) != NULL) {
        snprintf(out, size, "%s", advanceai_url_result_signature_id(url));
    }
    CHECK(strlen(out) > 0);
    advanceai_url_result_free(url);
    advanceai_url_request_free(request);
    advanceai_error_free(err);
}

/* Every row of the fixture, with one attempt per call (the answers are under test here,
 * not the retries) and a request timeout shorter than fault-delay-3000's delay. */
static void every_fixture_row(const test_args *args) {
    advanceai_client *client = sandbox_client(args, args->slow ? 2000 : 1000, 1);
    advanceai_token *token = NULL;
    advanceai_error *err = NULL;
    size_t verify_rows = 0;
    size_t result_rows = 0;
    size_t i;

    /* The token first, so that only the faulty calls meet the short deadline. */
    CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_OK, err);
    advanceai_token_free(token);
    for (i = 0; i < row_count; i++) {
        const fault_row *row = &rows[i];
        char prefix[FIELD_SIZE + 16];
        advanceai_status status;
        if (streq(row->call, "verify")) {
            advanceai_verification_result *result = NULL;
            snprintf(prefix, sizeof prefix, "%s-", row->prefix);
            status = verify(client, prefix, &result, &err);
            CHECK(result == NULL);
            verify_rows++;
        } else {
            advanceai_get_result *result = NULL;
            char signature_id[128];
            snprintf(prefix, sizeof prefix, "result-%s-", row->prefix);
            transaction_with_fault(client, prefix, signature_id, sizeof signature_id);
            status = advanceai_client_get_result(client, signature_id, &result, &err);
            CHECK(result == NULL);
            result_rows++;
        }
        CHECK(status != ADVANCEAI_STATUS_OK);
        check_answer(row, status, err);
        drop_error(&err);
    }
    CHECK(verify_rows > 0 && result_rows > 0);
    /* The driver compares this count with the fixture's, so that no row goes unchecked. */
    printf("faults: %u fixture rows checked\n", (unsigned)(verify_rows + result_rows));
    advanceai_client_free(client);
}

static void billable_faults(const test_args *args) {
    advanceai_client *client = sandbox_client(args, scaled_ms(args, 5000), 3);
    advanceai_verification_result *result = NULL;
    advanceai_error *err = NULL;
    char biz_id[96];

    /* SERVICE_BUSY: the vendor's id of the call is kept, and no HTTP status. */
    CHECK_STATUS(verify(client, "fault-busy-", &result, &err), ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(result == NULL);
    check_answer(row_of("verify", "fault-busy"), ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(advanceai_error_transaction_id(err) != NULL);
    CHECK(advanceai_error_http_status(err) == 0);
    drop_error(&err);

    /* busy-once: not resent by the library (billable); the caller's second try passes. */
    unique_id(biz_id, sizeof biz_id, "fault-busy-once-", ++id_counter);
    CHECK_STATUS(advanceai_client_verify_id_number(client, biz_id, "user-1", "NGA", "BVN",
                                                   "22222222222", &result, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(streq(advanceai_error_code(err), "SERVICE_BUSY"));
    drop_error(&err);
    CHECK_STATUS(advanceai_client_verify_id_number(client, biz_id, "user-1", "NGA", "BVN",
                                                   "22222222222", &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_verification_result_passed(result));
    advanceai_verification_result_free(result);
    result = NULL;

    /* A proxy's HTML 502, with three attempts allowed: still not resent. */
    CHECK_STATUS(verify(client, "fault-502-", &result, &err),
                 ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, err);
    CHECK(result == NULL);
    check_answer(row_of("verify", "fault-502"), ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, err);
    CHECK(advanceai_error_http_status(err) == 502);
    CHECK(contains(advanceai_error_message(err), "502"));
    drop_error(&err);

    /* The connection closed mid-body. */
    CHECK_STATUS(verify(client, "fault-cut-", &result, &err), ADVANCEAI_STATUS_TRANSPORT_ERROR,
                 err);
    CHECK(result == NULL);
    check_answer(row_of("verify", "fault-cut"), ADVANCEAI_STATUS_TRANSPORT_ERROR, err);
    drop_error(&err);

    /* Half a JSON body. */
    CHECK_STATUS(verify(client, "fault-truncated-", &result, &err),
                 ADVANCEAI_STATUS_PARSE_ERROR, err);
    CHECK(result == NULL);
    check_answer(row_of("verify", "fault-truncated"), ADVANCEAI_STATUS_PARSE_ERROR, err);
    drop_error(&err);

    /* Over 2 MiB: refused with the default 1 MiB limit. */
    CHECK_STATUS(verify(client, "fault-huge-", &result, &err),
                 ADVANCEAI_STATUS_RESPONSE_TOO_LARGE, err);
    CHECK(result == NULL);
    CHECK(contains(advanceai_error_message(err), "1048576-byte limit"));
    drop_error(&err);

    /* IAM_FAILED once: the client refreshes its token and tries once more. */
    CHECK_STATUS(verify(client, "fault-iam-once-", &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_verification_result_passed(result));
    advanceai_verification_result_free(result);
    result = NULL;

    /* An envelope code this version does not know: an API error carrying it, and in doubt
     * the call may have been processed. */
    CHECK_STATUS(verify(client, "fault-unknown-code-", &result, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    check_answer(row_of("verify", "fault-unknown-code"), ADVANCEAI_STATUS_API_ERROR, err);
    drop_error(&err);

    /* An errorCode this version does not know: a result, never a pass, for review. */
    CHECK_STATUS(verify(client, "fault-unknown-error-code-", &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(!advanceai_verification_result_passed(result));
    CHECK(streq(advanceai_verification_result_overall_result(result), "FAIL"));
    CHECK(streq(advanceai_verification_result_error_code(result), "SANDBOX_UNKNOWN_ERROR_CODE"));
    CHECK(streq(advanceai_verification_result_category(result), "needs_review"));
    advanceai_verification_result_free(result);
    result = NULL;

    /* Generate URL is billable too: a 502 is not resent, and answers as verification's. */
    {
        advanceai_url_request *request = NULL;
        advanceai_url_result *url = NULL;
        unique_id(biz_id, sizeof biz_id, "fault-502-", ++id_counter);
        CHECK_STATUS(advanceai_url_request_new(biz_id, "user-1", "NGA", "BVN",
                                               "https://example.com/ok",
                                               "https://example.com/fail", &request, &err),
                     ADVANCEAI_STATUS_OK, err);
        CHECK_STATUS(advanceai_client_generate_url(client, request, &url, &err),
                     ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, err);
        CHECK(url == NULL);
        CHECK(advanceai_error_http_status(err) == 502);
        check_answer(row_of("verify", "fault-502"), ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, err);
        drop_error(&err);
        advanceai_url_request_free(request);
    }
    advanceai_client_free(client);

    /* The huge answer fits a 4 MiB limit. */
    {
        advanceai_config *config = sandbox_config(args, scaled_ms(args, 5000), 1);
        CHECK_STATUS(advanceai_config_set_max_response_bytes(config, 4u * 1024u * 1024u),
                     ADVANCEAI_STATUS_OK, NULL);
        client = build_client(config);
        CHECK_STATUS(verify(client, "fault-huge-", &result, &err), ADVANCEAI_STATUS_OK, err);
        CHECK(advanceai_verification_result_passed(result));
        advanceai_verification_result_free(result);
        result = NULL;
        advanceai_error_free(err);
        err = NULL;
        advanceai_client_free(client);
    }
}

/* A slow answer against a short request timeout: it answers as the fixture's
 * fault-delay-3000 row (any delay longer than the timeout does). The token is fetched
 * first, so that only the delayed call meets the short deadline (under valgrind a call
 * takes tens of ms, so a 5x stretch is enough here). */
static void timeout(const test_args *args) {
    uint64_t limit = args->slow ? 2000 : 400;
    advanceai_client *client = sandbox_client(args, limit, 1);
    advanceai_token *token = NULL;
    advanceai_verification_result *result = NULL;
    advanceai_get_result *pending = NULL;
    advanceai_error *err = NULL;
    char prefix[64];
    uint64_t started;

    CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_OK, err);
    advanceai_token_free(token);
    snprintf(prefix, sizeof prefix, "fault-delay-%u-", (unsigned)(limit * 3));
    started = now_ms();
    CHECK_STATUS(verify(client, prefix, &result, &err), ADVANCEAI_STATUS_TIMEOUT, err);
    CHECK(now_ms() - started >= limit - limit / 10);
    CHECK(result == NULL);
    CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_TIMEOUT);
    check_answer(row_of("verify", "fault-delay-3000"), ADVANCEAI_STATUS_TIMEOUT, err);
    drop_error(&err);

    /* A delay shorter than the timeout is just slow. */
    snprintf(prefix, sizeof prefix, "fault-delay-%u-", (unsigned)(limit / 4));
    CHECK_STATUS(verify(client, prefix, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_verification_result_passed(result));
    advanceai_verification_result_free(result);

    /* Get Result times out the same way (one attempt here), and answers as its row. */
    snprintf(prefix, sizeof prefix, "fault-delay-%u-sig", (unsigned)(limit * 3));
    CHECK_STATUS(advanceai_client_get_result(client, prefix, &pending, &err),
                 ADVANCEAI_STATUS_TIMEOUT, err);
    CHECK(pending == NULL);
    check_answer(row_of("result", "fault-delay-3000"), ADVANCEAI_STATUS_TIMEOUT, err);
    drop_error(&err);
    advanceai_client_free(client);
}

static void get_result_faults(const test_args *args) {
    advanceai_client *retrying = sandbox_client(args, scaled_ms(args, 5000), 3);
    advanceai_client *single = sandbox_client(args, scaled_ms(args, 5000), 1);
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    char signature_id[128];

    /* Busy once: retried (Retry-After capped at 20 ms) and answered. */
    transaction_with_fault(retrying, "result-fault-busy-once-", signature_id,
                           sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(retrying, signature_id, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(!advanceai_get_result_is_final(result));
    advanceai_get_result_free(result);
    result = NULL;

    /* Busy once with retries off: the caller sees SERVICE_BUSY, then the answer. */
    transaction_with_fault(single, "result-fault-busy-once-", signature_id, sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(single, signature_id, &result, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    check_answer(row_of("result", "fault-busy"), ADVANCEAI_STATUS_API_ERROR, err);
    drop_error(&err);
    CHECK_STATUS(advanceai_client_get_result(single, signature_id, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    advanceai_get_result_free(result);
    result = NULL;

    /* Always busy: every attempt used, then the API error, answered as its row. */
    transaction_with_fault(retrying, "result-fault-busy-", signature_id, sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(retrying, signature_id, &result, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    check_answer(row_of("result", "fault-busy"), ADVANCEAI_STATUS_API_ERROR, err);
    drop_error(&err);

    /* A 502 on every attempt. */
    transaction_with_fault(retrying, "result-fault-502-", signature_id, sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(retrying, signature_id, &result, &err),
                 ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, err);
    CHECK(advanceai_error_http_status(err) == 502);
    check_answer(row_of("result", "fault-502"), ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, err);
    drop_error(&err);

    /* Cut, truncated and huge answers to Get Result, after the retries. */
    transaction_with_fault(retrying, "result-fault-cut-", signature_id, sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(retrying, signature_id, &result, &err),
                 ADVANCEAI_STATUS_TRANSPORT_ERROR, err);
    drop_error(&err);
    transaction_with_fault(retrying, "result-fault-truncated-", signature_id,
                           sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(retrying, signature_id, &result, &err),
                 ADVANCEAI_STATUS_PARSE_ERROR, err);
    drop_error(&err);
    transaction_with_fault(retrying, "result-fault-huge-", signature_id, sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(retrying, signature_id, &result, &err),
                 ADVANCEAI_STATUS_RESPONSE_TOO_LARGE, err);
    drop_error(&err);

    /* IAM_FAILED once: token refreshed, answered. */
    transaction_with_fault(single, "result-fault-iam-once-", signature_id, sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(single, signature_id, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    advanceai_get_result_free(result);
    result = NULL;

    /* Unknown envelope code, and an unknown errorCode once the user finished. */
    transaction_with_fault(retrying, "result-fault-unknown-code-", signature_id,
                           sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(retrying, signature_id, &result, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(streq(advanceai_error_code(err), "SANDBOX_UNKNOWN_CODE"));
    drop_error(&err);
    transaction_with_fault(retrying, "result-fault-unknown-error-code-", signature_id,
                           sizeof signature_id);
    CHECK_STATUS(advanceai_client_get_result(retrying, signature_id, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_get_result_is_final(result));
    CHECK(!advanceai_get_result_passed(result));
    CHECK(streq(advanceai_get_result_error_code(result), "SANDBOX_UNKNOWN_ERROR_CODE"));
    CHECK(streq(advanceai_get_result_category(result), "needs_review"));
    advanceai_get_result_free(result);
    result = NULL;

    /* A fault prefix with no transaction behind it mangles the SIGNATURE_NOT_EXIST answer. */
    CHECK_STATUS(advanceai_client_get_result(retrying, "fault-truncated-nothing", &result, &err),
                 ADVANCEAI_STATUS_PARSE_ERROR, err);
    CHECK(result == NULL);
    drop_error(&err);

    advanceai_client_free(single);
    advanceai_client_free(retrying);
}

/* Retry-After is honoured up to the configured cap: with the default 10 s cap the busy
 * answer's 1 s is waited for; with a 20 ms cap it is not (checked only at full speed). */
static void retry_after(const test_args *args) {
    advanceai_config *config = sandbox_config(args, scaled_ms(args, 5000), 3);
    advanceai_client *patient;
    advanceai_client *capped = sandbox_client(args, scaled_ms(args, 5000), 3);
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    char signature_id[128];
    uint64_t started;

    CHECK_STATUS(advanceai_config_set_max_retry_after_ms(config, 10000), ADVANCEAI_STATUS_OK,
                 NULL);
    patient = build_client(config);
    transaction_with_fault(patient, "result-fault-busy-once-", signature_id,
                           sizeof signature_id);
    started = now_ms();
    CHECK_STATUS(advanceai_client_get_result(patient, signature_id, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(now_ms() - started >= 950);
    advanceai_get_result_free(result);
    result = NULL;

    transaction_with_fault(capped, "result-fault-busy-once-", signature_id, sizeof signature_id);
    started = now_ms();
    CHECK_STATUS(advanceai_client_get_result(capped, signature_id, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    if (!args->slow) {
        CHECK(now_ms() - started < 900);
    }
    advanceai_get_result_free(result);
    advanceai_error_free(err);
    advanceai_client_free(patient);
    advanceai_client_free(capped);
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    read_fixture();
    every_fixture_row(&args);
    billable_faults(&args);
    timeout(&args);
    get_result_faults(&args);
    retry_after(&args);
    return test_finish("faults");
}
