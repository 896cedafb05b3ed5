/* api_contract.c: the rules every function of the C API follows, function by function:
 * NULL for each pointer argument is ADVANCEAI_STATUS_NULL_PARAMETER with an error naming
 * the parameter (an error of the C boundary: not retryable, not processed, safe to
 * resend, the request's fault, not the account's) and the outputs untouched; a string that is not UTF-8 is
 * ADVANCEAI_STATUS_INVALID_UTF8; every _free accepts NULL; every getter answers
 * NULL / false / 0 for a NULL object; the status texts and the version.
 * No request reaches the network: every call here fails before sending. */
#include "check.h"

static const char BAD[] = "bad-\xff-utf8";

/* An error of the C boundary itself: nothing was sent, so resending cannot bill twice,
 * but the call is wrong as made and the account is not refused. */
#define CHECK_BOUNDARY_VERDICT(err)                                                       \
    do {                                                                                  \
        CHECK(advanceai_error_safe_to_resend(err));                                       \
        CHECK(advanceai_error_faults_the_request(err));                                   \
        CHECK(!advanceai_error_refuses_account(err));                                     \
    } while (0)

/* Checks the error a NULL argument produced: its kind, a message naming the parameter,
 * and none of the details only a server answer has; then frees it. */
#define CHECK_NULL_ERROR(err, name)                                                       \
    do {                                                                                  \
        CHECK((err) != NULL);                                                             \
        CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_NULL_PARAMETER);              \
        CHECK(contains(advanceai_error_message(err), name));                              \
        CHECK(advanceai_error_code(err) == NULL);                                         \
        CHECK(advanceai_error_transaction_id(err) == NULL);                               \
        CHECK(advanceai_error_http_status(err) == 0);                                     \
        CHECK(!advanceai_error_retryable(err));                                           \
        CHECK(!advanceai_error_may_have_been_processed(err));                             \
        CHECK_BOUNDARY_VERDICT(err);                                                      \
        drop_error(&(err));                                                               \
    } while (0)

#define CHECK_UTF8_ERROR(err, name)                                                       \
    do {                                                                                  \
        CHECK((err) != NULL);                                                             \
        CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_INVALID_UTF8);                \
        CHECK(contains(advanceai_error_message(err), name));                              \
        CHECK(!advanceai_error_may_have_been_processed(err));                             \
        CHECK(!advanceai_error_retryable(err));                                           \
        CHECK_BOUNDARY_VERDICT(err);                                                      \
        drop_error(&(err));                                                               \
    } while (0)

static void version_and_status_texts(const test_args *args) {
    const char *texts[14];
    uint32_t i;
    uint32_t j;
    CHECK(streq(advanceai_version(), args->version));
    CHECK(advanceai_version() == advanceai_version());
    for (i = 0; i < 14; i++) {
        texts[i] = advanceai_status_message(i);
        CHECK(texts[i] != NULL && strlen(texts[i]) > 0);
        CHECK(!streq(texts[i], "unknown status"));
        for (j = 0; j < i; j++) {
            CHECK(!streq(texts[i], texts[j]));
        }
    }
    CHECK(streq(advanceai_status_message(ADVANCEAI_STATUS_OK), "ok"));
    CHECK(contains(advanceai_status_message(ADVANCEAI_STATUS_NULL_PARAMETER), "NULL"));
    CHECK(contains(advanceai_status_message(ADVANCEAI_STATUS_INVALID_UTF8), "UTF-8"));
    CHECK(contains(advanceai_status_message(ADVANCEAI_STATUS_TIMEOUT), "timed out"));
    CHECK(contains(advanceai_status_message(ADVANCEAI_STATUS_RESULT_PENDING), "pending"));
    CHECK(streq(advanceai_status_message(14), "unknown status"));
    CHECK(streq(advanceai_status_message(9999), "unknown status"));
    CHECK(streq(advanceai_status_message(UINT32_MAX), "unknown status"));
    /* Names (tests/c/status.c checks each one): never NULL, distinct, static. */
    for (i = 0; i < 14; i++) {
        texts[i] = advanceai_status_name(i);
        CHECK(texts[i] != NULL && strlen(texts[i]) > 0 && !streq(texts[i], "UNKNOWN"));
        CHECK(texts[i] == advanceai_status_name(i));
        for (j = 0; j < i; j++) {
            CHECK(!streq(texts[i], texts[j]));
        }
    }
    CHECK(streq(advanceai_status_name(14), "UNKNOWN"));
    CHECK(streq(advanceai_status_name(UINT32_MAX), "UNKNOWN"));
}

static void frees_accept_null(void) {
    advanceai_config_free(NULL);
    advanceai_client_free(NULL);
    advanceai_error_free(NULL);
    advanceai_token_free(NULL);
    advanceai_verification_result_free(NULL);
    advanceai_get_result_free(NULL);
    advanceai_url_result_free(NULL);
    advanceai_url_request_free(NULL);
    advanceai_get_result_request_free(NULL);
    advanceai_callback_free(NULL);
}

static void getters_on_null(void) {
    double score = 1.5;
    uint64_t expired = 7;
    CHECK(advanceai_error_kind(NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_error_code(NULL) == NULL);
    CHECK(advanceai_error_message(NULL) == NULL);
    CHECK(advanceai_error_transaction_id(NULL) == NULL);
    CHECK(advanceai_error_http_status(NULL) == 0);
    CHECK(!advanceai_error_retryable(NULL));
    CHECK(!advanceai_error_may_have_been_processed(NULL));
    CHECK(!advanceai_error_refuses_account(NULL));
    CHECK(!advanceai_error_safe_to_resend(NULL));
    CHECK(!advanceai_error_faults_the_request(NULL));

    CHECK(advanceai_token_value(NULL) == NULL);
    CHECK(advanceai_callback_signature_id(NULL) == NULL);
    CHECK(advanceai_callback_type(NULL) == NULL);

    CHECK(!advanceai_verification_result_passed(NULL));
    CHECK(advanceai_verification_result_signature_id(NULL) == NULL);
    CHECK(advanceai_verification_result_overall_result(NULL) == NULL);
    CHECK(advanceai_verification_result_error_code(NULL) == NULL);
    CHECK(advanceai_verification_result_category(NULL) == NULL);
    CHECK(advanceai_verification_result_person_field(NULL, ADVANCEAI_PERSON_FIRST_NAME) ==
          NULL);
    CHECK(advanceai_verification_result_to_json(NULL) == NULL);

    CHECK(!advanceai_get_result_is_final(NULL));
    CHECK(!advanceai_get_result_passed(NULL));
    CHECK(advanceai_get_result_signature_id(NULL) == NULL);
    CHECK(advanceai_get_result_overall_result(NULL) == NULL);
    CHECK(advanceai_get_result_error_code(NULL) == NULL);
    CHECK(advanceai_get_result_category(NULL) == NULL);
    CHECK(advanceai_get_result_face_result(NULL) == NULL);
    CHECK(!advanceai_get_result_face_liveness_score(NULL, &score));
    CHECK(!advanceai_get_result_face_similarity_score(NULL, &score));
    CHECK(score == 1.5);
    CHECK(!advanceai_get_result_face_liveness_score(NULL, NULL));
    CHECK(advanceai_get_result_person_field(NULL, ADVANCEAI_PERSON_BVN) == NULL);
    CHECK(advanceai_get_result_person_field(NULL, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION) ==
          NULL);
    CHECK(advanceai_get_result_to_json(NULL) == NULL);
    {
        bool submitted = true;
        CHECK(!advanceai_get_result_submission_completed(NULL, &submitted));
        CHECK(!advanceai_get_result_submission_completed(NULL, NULL));
        CHECK(submitted);
    }
    CHECK(advanceai_get_result_country_code_iso3(NULL) == NULL);
    CHECK(advanceai_get_result_input_region(NULL) == NULL);
    CHECK(advanceai_get_result_input_number_type(NULL) == NULL);

    CHECK(advanceai_url_result_signature_id(NULL) == NULL);
    CHECK(advanceai_url_result_url(NULL) == NULL);
    CHECK(!advanceai_url_result_expired_time_ms(NULL, &expired));
    CHECK(!advanceai_url_result_expired_time_ms(NULL, NULL));
    CHECK(expired == 7);
    CHECK(advanceai_url_result_to_json(NULL) == NULL);
}

static void config_null_and_utf8(void) {
    advanceai_config *config = NULL;
    advanceai_client *client = SENTINEL;
    advanceai_error *err = NULL;

    CHECK(advanceai_config_new(NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_base_url(NULL, "http://127.0.0.1:1") ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_host(NULL, "sg-api.advance.ai") ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_credentials(NULL, "a", "b") == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_timeout_ms(NULL, 1000) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_connect_timeout_ms(NULL, 1000) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_proxy(NULL, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_proxy(NULL, "http://127.0.0.1:3128") ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_ca_bundle_path(NULL, "/nonexistent.pem") ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_max_response_bytes(NULL, 1024) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_max_attempts(NULL, 1) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_retry_backoff_ms(NULL, 1, 2) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_max_retry_after_ms(NULL, 1) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_deadline_ms(NULL, 1000) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_retry_budget(NULL, 500) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_no_retry_budget(NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_token_period_seconds(NULL, 600) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_token_refresh_margin_ms(NULL, 1000) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);

    CHECK_STATUS(advanceai_config_new(&config), ADVANCEAI_STATUS_OK, NULL);
    CHECK(config != NULL);
    CHECK(advanceai_config_set_base_url(config, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_host(config, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_credentials(config, NULL, "b") ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_credentials(config, "a", NULL) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_ca_bundle_path(config, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);

    CHECK(advanceai_config_set_base_url(config, BAD) == ADVANCEAI_STATUS_INVALID_UTF8);
    CHECK(advanceai_config_set_host(config, BAD) == ADVANCEAI_STATUS_INVALID_UTF8);
    CHECK(advanceai_config_set_credentials(config, BAD, "b") == ADVANCEAI_STATUS_INVALID_UTF8);
    CHECK(advanceai_config_set_credentials(config, "a", BAD) == ADVANCEAI_STATUS_INVALID_UTF8);
    CHECK(advanceai_config_set_proxy(config, BAD) == ADVANCEAI_STATUS_INVALID_UTF8);
    CHECK(advanceai_config_set_ca_bundle_path(config, BAD) == ADVANCEAI_STATUS_INVALID_UTF8);

    /* client_new: NULL configuration, NULL output, and a NULL error slot (the status
     * alone is returned). */
    CHECK_STATUS(advanceai_client_new(NULL, &client, &err), ADVANCEAI_STATUS_NULL_PARAMETER,
                 err);
    CHECK(client == SENTINEL);
    CHECK_NULL_ERROR(err, "config");
    CHECK_STATUS(advanceai_client_new(config, NULL, &err), ADVANCEAI_STATUS_NULL_PARAMETER,
                 err);
    CHECK_NULL_ERROR(err, "out");
    CHECK(advanceai_client_new(NULL, &client, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(client == SENTINEL);
    /* No credentials yet: refused, and with no error slot nothing is written. */
    CHECK(advanceai_client_new(config, &client, NULL) == ADVANCEAI_STATUS_CONFIG_ERROR);
    CHECK(client == SENTINEL);
    advanceai_config_free(config);
}

static void client_calls_null_and_utf8(const test_args *args) {
    advanceai_client *client = sandbox_client(args, 5000, 1);
    advanceai_url_request *request = NULL;
    advanceai_error *err = NULL;
    advanceai_token *token = SENTINEL;
    advanceai_verification_result *verification = SENTINEL;
    advanceai_url_result *url = SENTINEL;
    advanceai_get_result *result = SENTINEL;
    const char *name[5] = {"biz_id", "user_id", "region", "number_type", "number_value"};
    int i;

    CHECK_STATUS(advanceai_client_token(NULL, &token, &err), ADVANCEAI_STATUS_NULL_PARAMETER,
                 err);
    CHECK_NULL_ERROR(err, "client");
    CHECK_STATUS(advanceai_client_token(client, NULL, &err), ADVANCEAI_STATUS_NULL_PARAMETER,
                 err);
    CHECK_NULL_ERROR(err, "out");
    CHECK(advanceai_client_token(client, NULL, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(token == SENTINEL);

    /* Each of the five strings of a verification NULL, then not UTF-8. */
    for (i = 0; i < 5; i++) {
        const char *values[5] = {"order-1", "user-1", "NGA", "BVN", "22222222222"};
        values[i] = NULL;
        CHECK_STATUS(advanceai_client_verify_id_number(client, values[0], values[1],
                                                       values[2], values[3], values[4],
                                                       &verification, &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, name[i]);
        CHECK_STATUS(advanceai_validate_verification_request(values[0], values[1], values[2],
                                                             values[3], values[4], &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, name[i]);
        CHECK(advanceai_validate_verification_request(values[0], values[1], values[2],
                                                      values[3], values[4], NULL) ==
              ADVANCEAI_STATUS_NULL_PARAMETER);
        values[i] = BAD;
        CHECK_STATUS(advanceai_client_verify_id_number(client, values[0], values[1],
                                                       values[2], values[3], values[4],
                                                       &verification, &err),
                     ADVANCEAI_STATUS_INVALID_UTF8, err);
        CHECK_UTF8_ERROR(err, name[i]);
        CHECK_STATUS(advanceai_validate_verification_request(values[0], values[1], values[2],
                                                             values[3], values[4], &err),
                     ADVANCEAI_STATUS_INVALID_UTF8, err);
        CHECK_UTF8_ERROR(err, name[i]);
    }
    CHECK_STATUS(advanceai_client_verify_id_number(NULL, "order-1", "user-1", "NGA", "BVN",
                                                   "22222222222", &verification, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "client");
    CHECK_STATUS(advanceai_client_verify_id_number(client, "order-1", "user-1", "NGA", "BVN",
                                                   "22222222222", NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "out");
    CHECK(verification == SENTINEL);

    /* Get Result and its wait. */
    CHECK_STATUS(advanceai_client_get_result(NULL, "sig", &result, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "client");
    CHECK_STATUS(advanceai_client_get_result(client, NULL, &result, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "signature_id");
    CHECK_STATUS(advanceai_client_get_result(client, "sig", NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "out");
    CHECK_STATUS(advanceai_client_get_result(client, BAD, &result, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "signature_id");
    CHECK_STATUS(advanceai_client_wait_for_result(NULL, "sig", 10, 0, 0, &result, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "client");
    CHECK_STATUS(advanceai_client_wait_for_result(client, NULL, 10, 0, 0, &result, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "signature_id");
    CHECK_STATUS(advanceai_client_wait_for_result(client, "sig", 10, 0, 0, NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "out");
    CHECK_STATUS(advanceai_client_wait_for_result(client, BAD, 10, 0, 0, &result, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "signature_id");
    CHECK(result == SENTINEL);

    /* The Get Result request builder, and Get Result and its wait with a request. */
    {
        advanceai_get_result_request *never = SENTINEL;
        advanceai_get_result_request *options = NULL;
        CHECK_STATUS(advanceai_get_result_request_new(NULL, &never, &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "signature_id");
        CHECK_STATUS(advanceai_get_result_request_new(BAD, &never, &err),
                     ADVANCEAI_STATUS_INVALID_UTF8, err);
        CHECK_UTF8_ERROR(err, "signature_id");
        CHECK_STATUS(advanceai_get_result_request_new("sig", NULL, &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "out");
        CHECK(advanceai_get_result_request_new(NULL, &never, NULL) ==
              ADVANCEAI_STATUS_NULL_PARAMETER);
        CHECK(never == SENTINEL);
        CHECK_STATUS(advanceai_get_result_request_new("sig", &options, &err),
                     ADVANCEAI_STATUS_OK, err);

        CHECK_STATUS(advanceai_get_result_request_set_return_image_type(NULL, "BASE64", &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "request");
        CHECK(advanceai_get_result_request_set_return_image_type(NULL, NULL, NULL) ==
              ADVANCEAI_STATUS_NULL_PARAMETER);
        CHECK_STATUS(advanceai_get_result_request_set_return_image_type(options, BAD, &err),
                     ADVANCEAI_STATUS_INVALID_UTF8, err);
        CHECK_UTF8_ERROR(err, "return_image_type");

        CHECK_STATUS(advanceai_client_get_result_with(NULL, options, &result, &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "client");
        CHECK_STATUS(advanceai_client_get_result_with(client, NULL, &result, &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "request");
        CHECK_STATUS(advanceai_client_get_result_with(client, options, NULL, &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "out");
        CHECK(advanceai_client_get_result_with(client, NULL, &result, NULL) ==
              ADVANCEAI_STATUS_NULL_PARAMETER);
        CHECK_STATUS(advanceai_client_wait_for_result_with(NULL, options, 10, 0, 0, &result,
                                                           &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "client");
        CHECK_STATUS(advanceai_client_wait_for_result_with(client, NULL, 10, 0, 0, &result,
                                                           &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "request");
        CHECK_STATUS(advanceai_client_wait_for_result_with(client, options, 10, 0, 0, NULL,
                                                           &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "out");
        CHECK(result == SENTINEL);
        advanceai_get_result_request_free(options);
    }

    /* Generate URL: the request builder, each setter, validation and the call. */
    {
        const char *url_name[6] = {"biz_id",      "user_id",   "region",
                                   "number_type", "return_url", "fail_return_url"};
        advanceai_url_request *never = SENTINEL;
        for (i = 0; i < 6; i++) {
            const char *values[6] = {"order-1", "user-1", "NGA", "BVN", "https://example.com/ok",
                                     "https://example.com/fail"};
            values[i] = NULL;
            CHECK_STATUS(advanceai_url_request_new(values[0], values[1], values[2], values[3],
                                                   values[4], values[5], &never, &err),
                         ADVANCEAI_STATUS_NULL_PARAMETER, err);
            CHECK_NULL_ERROR(err, url_name[i]);
            values[i] = BAD;
            CHECK_STATUS(advanceai_url_request_new(values[0], values[1], values[2], values[3],
                                                   values[4], values[5], &never, &err),
                         ADVANCEAI_STATUS_INVALID_UTF8, err);
            CHECK_UTF8_ERROR(err, url_name[i]);
        }
        CHECK_STATUS(advanceai_url_request_new("order-1", "user-1", "NGA", "BVN",
                                               "https://example.com/ok",
                                               "https://example.com/fail", NULL, &err),
                     ADVANCEAI_STATUS_NULL_PARAMETER, err);
        CHECK_NULL_ERROR(err, "out");
        CHECK(never == SENTINEL);
    }
    CHECK_STATUS(advanceai_url_request_new("order-1", "user-1", "NGA", "BVN",
                                           "https://example.com/ok", "https://example.com/fail",
                                           &request, &err),
                 ADVANCEAI_STATUS_OK, err);

    CHECK_STATUS(advanceai_url_request_set_callback_url(NULL, "https://example.com/cb", &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK_STATUS(advanceai_url_request_set_language(NULL, "en-US", &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK_STATUS(advanceai_url_request_set_color_scheme(NULL, "dark", &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK(advanceai_url_request_set_language(NULL, "en-US", NULL) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK_STATUS(advanceai_url_request_set_number_value(NULL, "22222222222", &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK_STATUS(advanceai_url_request_set_full_name(NULL, "Ada", &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK_STATUS(advanceai_url_request_set_gender(NULL, "MALE", &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK_STATUS(advanceai_url_request_set_biz_code(NULL, "WhiteCard", &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK_STATUS(advanceai_url_request_set_ignore_fail_when_jump(NULL, 1, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK_STATUS(advanceai_url_request_set_iframe_enabled(NULL, 0, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK(advanceai_url_request_set_iframe_enabled(NULL, 0, NULL) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);

    CHECK_STATUS(advanceai_url_request_set_callback_url(request, BAD, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "callback_url");
    CHECK_STATUS(advanceai_url_request_set_language(request, BAD, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "language");
    CHECK_STATUS(advanceai_url_request_set_color_scheme(request, BAD, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "color_scheme");
    CHECK_STATUS(advanceai_url_request_set_number_value(request, BAD, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "number_value");
    CHECK_STATUS(advanceai_url_request_set_full_name(request, BAD, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "full_name");
    CHECK_STATUS(advanceai_url_request_set_gender(request, BAD, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "gender");
    CHECK_STATUS(advanceai_url_request_set_biz_code(request, BAD, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_UTF8_ERROR(err, "biz_code");
    /* NULL clears an optional text field. */
    CHECK_STATUS(advanceai_url_request_set_number_value(request, NULL, &err), ADVANCEAI_STATUS_OK,
                 err);
    CHECK_STATUS(advanceai_url_request_set_full_name(request, NULL, &err), ADVANCEAI_STATUS_OK,
                 err);
    CHECK_STATUS(advanceai_url_request_set_gender(request, NULL, &err), ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_biz_code(request, NULL, &err), ADVANCEAI_STATUS_OK,
                 err);

    CHECK_STATUS(advanceai_validate_url_request(NULL, &err), ADVANCEAI_STATUS_NULL_PARAMETER,
                 err);
    CHECK_NULL_ERROR(err, "request");
    CHECK(advanceai_validate_url_request(NULL, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    /* The refused setters left the request valid. */
    CHECK_STATUS(advanceai_validate_url_request(request, &err), ADVANCEAI_STATUS_OK, err);

    CHECK_STATUS(advanceai_client_generate_url(NULL, request, &url, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "client");
    CHECK_STATUS(advanceai_client_generate_url(client, NULL, &url, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "request");
    CHECK_STATUS(advanceai_client_generate_url(client, request, NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "out");
    CHECK(url == SENTINEL);

    advanceai_url_request_free(request);
    advanceai_client_free(client);
}

static void parse_null(void) {
    static const uint8_t body[] = "{}";
    advanceai_error *err = NULL;
    advanceai_get_result *result = SENTINEL;
    advanceai_verification_result *verification = SENTINEL;
    advanceai_callback *callback = SENTINEL;

    CHECK_STATUS(advanceai_parse_get_result(NULL, 5, &result, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "bytes");
    CHECK_STATUS(advanceai_parse_get_result(body, 2, NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "out");
    CHECK(advanceai_parse_get_result(NULL, 5, &result, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(result == SENTINEL);

    CHECK_STATUS(advanceai_parse_verification(NULL, 5, &verification, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "bytes");
    CHECK_STATUS(advanceai_parse_verification(body, 2, NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "out");
    CHECK(verification == SENTINEL);

    CHECK_STATUS(advanceai_parse_callback(NULL, 5, &callback, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_NULL_ERROR(err, "bytes");
    CHECK_STATUS(advanceai_parse_callback(body, 2, NULL, &err), ADVANCEAI_STATUS_NULL_PARAMETER,
                 err);
    CHECK_NULL_ERROR(err, "out");
    CHECK(advanceai_parse_callback(NULL, 5, &callback, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(callback == SENTINEL);
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    version_and_status_texts(&args);
    frees_accept_null();
    getters_on_null();
    config_null_and_utf8();
    client_calls_null_and_utf8(&args);
    parse_null();
    return test_finish("api_contract");
}
