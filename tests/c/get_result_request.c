/* get_result_request.c: Get Result with options against the sandbox: the request builder
 * (returnImageType BASE64 and URL, cleared with NULL), advanceai_client_get_result_with and
 * advanceai_client_wait_for_result_with on a pending and a completed transaction, the
 * Get Result fields beyond the verdict (numberTypeInfo, countryCodeIso3, inputParameters,
 * submissionCompleted), and an empty signatureId refused before sending. */
#include "check.h"

/* A new H5 transaction for a BVN flow; its signatureId in `out` (empty on failure). */
static void new_transaction(advanceai_client *client, char *out, size_t size) {
    advanceai_url_request *request = NULL;
    advanceai_url_result *url = NULL;
    advanceai_error *err = NULL;
    char biz_id[64];
    static int n = 0;
    out[0] = '\0';
    unique_id(biz_id, sizeof biz_id, "options-", ++n);
    CHECK_STATUS(advanceai_url_request_new(biz_id, "user-1", "NGA", "BVN",
                                           "https://example.com/ok", "https://example.com/fail",
                                           &request, &err),
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

/* What a pending answer has: the echo of the request, and nothing decided. */
static void check_pending(const advanceai_get_result *result, const char *signature_id) {
    bool submitted = true;
    CHECK(!advanceai_get_result_is_final(result));
    CHECK(streq(advanceai_get_result_signature_id(result), signature_id));
    CHECK(advanceai_get_result_error_code(result) == NULL);
    CHECK(streq(advanceai_get_result_country_code_iso3(result), "NGA"));
    CHECK(streq(advanceai_get_result_input_region(result), "NGA"));
    CHECK(streq(advanceai_get_result_input_number_type(result), "BVN"));
    CHECK(advanceai_get_result_submission_completed(result, &submitted) && !submitted);
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION) ==
          NULL);
}

/* What the PASS answer has beyond the verdict: Get Result's person shape. Person data:
 * compared, never printed. */
static void check_pass(const advanceai_get_result *result) {
    bool submitted = false;
    const char *phone;
    CHECK(advanceai_get_result_is_final(result));
    CHECK(advanceai_get_result_passed(result));
    CHECK(advanceai_get_result_submission_completed(result, &submitted) && submitted);
    CHECK(advanceai_get_result_submission_completed(result, NULL));
    CHECK(streq(advanceai_get_result_person_field(
                    result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE),
                "NG_BVN"));
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION),
                "NGA"));
    phone = advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER);
    CHECK(phone != NULL && strchr(phone, '*') != NULL);
    /* Get Result's shape: phoneNumber and phoneNumber2, no phoneNumber1. */
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER1) == NULL);
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER2), ""));
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_VALUE) != NULL);
    /* Owned by the result: the same pointer on every call. */
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION) ==
          advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION));
    CHECK(contains(advanceai_get_result_to_json(result), "\"numberTypeInfo\""));
}

static void with_options(const test_args *args, advanceai_client *client) {
    advanceai_get_result_request *request = NULL;
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    char signature_id[128];

    new_transaction(client, signature_id, sizeof signature_id);
    CHECK_STATUS(advanceai_get_result_request_new(signature_id, &request, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(request != NULL);

    /* BASE64 is accepted: a pending answer. */
    CHECK_STATUS(advanceai_get_result_request_set_return_image_type(request, "BASE64", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_get_result_with(client, request, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    check_pending(result, signature_id);
    advanceai_get_result_free(result);
    result = NULL;

    /* A wait that runs out, with the options on every poll: pending, and waiting longer
     * may help (Get Result is idempotent). */
    CHECK_STATUS(advanceai_client_wait_for_result_with(client, request, 50, 10, 20, &result,
                                                       &err),
                 ADVANCEAI_STATUS_RESULT_PENDING, err);
    CHECK(result == NULL);
    CHECK(streq(advanceai_status_name(advanceai_error_kind(err)), "RESULT_PENDING"));
    CHECK(advanceai_error_retryable(err));
    CHECK(advanceai_error_safe_to_resend(err));
    CHECK(!advanceai_error_refuses_account(err));
    drop_error(&err);

    /* The user passes; URL, then the server's default (NULL clears the option). */
    CHECK(sandbox_complete(args->base_url, signature_id, "PASS"));
    CHECK_STATUS(advanceai_get_result_request_set_return_image_type(request, "URL", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_wait_for_result_with(client, request, scaled_ms(args, 5000),
                                                       0, 0, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    check_pass(result);
    advanceai_get_result_free(result);
    result = NULL;
    CHECK_STATUS(advanceai_get_result_request_set_return_image_type(request, NULL, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_get_result_with(client, request, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    check_pass(result);
    advanceai_get_result_free(result);
    result = NULL;

    /* The same request object again, BASE64 this time, through the plain wait too. */
    CHECK_STATUS(advanceai_get_result_request_set_return_image_type(request, "BASE64", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_wait_for_result_with(client, request, scaled_ms(args, 5000),
                                                       0, 0, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_get_result_passed(result));
    advanceai_get_result_free(result);
    result = NULL;
    CHECK_STATUS(advanceai_client_wait_for_result(client, signature_id, scaled_ms(args, 5000),
                                                  0, 0, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    check_pass(result);
    advanceai_get_result_free(result);

    advanceai_get_result_request_free(request);
    advanceai_error_free(err);
}

/* An empty signatureId: refused locally with the server's code and message, nothing sent
 * and nothing processed; and an unknown one, answered by the server. */
static void refused(advanceai_client *client) {
    advanceai_get_result_request *request = NULL;
    advanceai_get_result *result = SENTINEL;
    advanceai_error *err = NULL;

    CHECK_STATUS(advanceai_get_result_request_new("", &request, &err), ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_get_result_with(client, request, &result, &err),
                 ADVANCEAI_STATUS_INVALID_INPUT, err);
    CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
    CHECK(contains(advanceai_error_message(err), "Parameter should not be empty"));
    CHECK(!advanceai_error_may_have_been_processed(err));
    CHECK(advanceai_error_safe_to_resend(err));
    CHECK(advanceai_error_faults_the_request(err));
    CHECK(!advanceai_error_retryable(err));
    drop_error(&err);
    CHECK_STATUS(advanceai_client_wait_for_result_with(client, request, 1000, 0, 0, &result,
                                                       &err),
                 ADVANCEAI_STATUS_INVALID_INPUT, err);
    CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
    drop_error(&err);
    advanceai_get_result_request_free(request);
    request = NULL;

    CHECK_STATUS(advanceai_get_result_request_new("no-such-signature", &request, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_get_result_request_set_return_image_type(request, "BASE64", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_wait_for_result_with(client, request, 1000, 0, 0, &result,
                                                       &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(streq(advanceai_error_code(err), "SIGNATURE_NOT_EXIST"));
    CHECK(advanceai_error_faults_the_request(err));
    CHECK(!advanceai_error_retryable(err));
    CHECK(!advanceai_error_may_have_been_processed(err));
    drop_error(&err);
    CHECK(result == SENTINEL);
    advanceai_get_result_request_free(request);
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    advanceai_client *client = sandbox_client(&args, scaled_ms(&args, 5000), 3);
    with_options(&args, client);
    refused(client);
    advanceai_client_free(client);
    return test_finish("get_result_request");
}
