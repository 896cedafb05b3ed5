/* h5.c: the hosted H5 flow end to end against the sandbox: a Generate URL request with
 * every optional field, its validation, a pending Get Result, the user's outcome (posted to
 * /sandbox/complete as the sandbox's page would, from another thread while this one waits),
 * and the final results: PASS with scores and the person, a face failure, an incomplete
 * one, and an unknown signatureId. */
#include "check.h"

#include <pthread.h>

typedef struct {
    const char *base_url;
    const char *signature_id;
    const char *outcome;
    unsigned delay_ms;
    int ok;
} completion;

/* The user finishing the page a little after the caller started waiting. */
static void *complete_later(void *arg) {
    completion *c = arg;
    sleep_ms(c->delay_ms);
    c->ok = sandbox_complete(c->base_url, c->signature_id, c->outcome);
    return NULL;
}

/* Generates a URL for a request with every optional field set; returns the answer (NULL
 * on failure, after reporting it). */
static advanceai_url_result *generate(const test_args *args, advanceai_client *client,
                                      const char *biz_id) {
    advanceai_url_request *request = NULL;
    advanceai_url_result *url = NULL;
    advanceai_error *err = NULL;
    uint64_t expired = 0;
    uint64_t now = (uint64_t)time(NULL) * 1000u;
    char prefix[300];

    CHECK_STATUS(advanceai_url_request_new(biz_id, "user-1", "NGA", "BVN",
                                           "https://example.com/ok", "https://example.com/fail",
                                           &request, &err),
                 ADVANCEAI_STATUS_OK, err);
    /* Nothing listens on port 9: the sandbox's callback fails quietly in the background. */
    CHECK_STATUS(advanceai_url_request_set_callback_url(
                     request, "http://127.0.0.1:9/kyc-callback?auth=opaque", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_language(request, "en-US", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_color_scheme(request, "dark", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_validate_url_request(request, &err), ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_generate_url(client, request, &url, &err),
                 ADVANCEAI_STATUS_OK, err);
    advanceai_url_request_free(request);
    advanceai_error_free(err);
    if (url == NULL) {
        return NULL;
    }
    snprintf(prefix, sizeof prefix, "%s/h5/%s", args->base_url,
             advanceai_url_result_signature_id(url) != NULL
                 ? advanceai_url_result_signature_id(url)
                 : "(none)");
    CHECK(advanceai_url_result_signature_id(url) != NULL &&
          strlen(advanceai_url_result_signature_id(url)) > 0);
    CHECK(streq(advanceai_url_result_url(url), prefix));
    /* The URL works for about an hour. */
    CHECK(advanceai_url_result_expired_time_ms(url, &expired));
    CHECK(expired > now + 50u * 60u * 1000u && expired < now + 70u * 60u * 1000u);
    CHECK(advanceai_url_result_expired_time_ms(url, NULL));
    CHECK(contains(advanceai_url_result_to_json(url), advanceai_url_result_signature_id(url)));
    return url;
}

static void pass_flow(const test_args *args, advanceai_client *client) {
    advanceai_url_result *url;
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    const char *signature_id;
    completion done;
    pthread_t user;
    double score = 0.0;
    char biz_id[64];

    unique_id(biz_id, sizeof biz_id, "h5-pass-", 1);
    url = generate(args, client, biz_id);
    if (url == NULL) {
        return;
    }
    signature_id = advanceai_url_result_signature_id(url);

    /* Pending: a success, not final, nothing decided yet. */
    CHECK_STATUS(advanceai_client_get_result(client, signature_id, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(!advanceai_get_result_is_final(result));
    CHECK(!advanceai_get_result_passed(result));
    CHECK(streq(advanceai_get_result_signature_id(result), signature_id));
    CHECK(advanceai_get_result_overall_result(result) == NULL);
    CHECK(advanceai_get_result_error_code(result) == NULL);
    CHECK(advanceai_get_result_category(result) == NULL);
    CHECK(!advanceai_get_result_face_liveness_score(result, NULL));
    advanceai_get_result_free(result);
    result = NULL;

    /* A wait that runs out while the user has not finished. */
    CHECK_STATUS(advanceai_client_wait_for_result(client, signature_id, 50, 10, 20, &result,
                                                  &err),
                 ADVANCEAI_STATUS_RESULT_PENDING, err);
    CHECK(result == NULL);
    CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_RESULT_PENDING);
    CHECK(advanceai_error_retryable(err));
    drop_error(&err);

    /* The user passes while this thread waits. */
    done.base_url = args->base_url;
    done.signature_id = signature_id;
    done.outcome = "PASS";
    done.delay_ms = 200;
    done.ok = 0;
    CHECK(pthread_create(&user, NULL, complete_later, &done) == 0);
    CHECK_STATUS(advanceai_client_wait_for_result(client, signature_id,
                                                  scaled_ms(args, 10000), 20, 100, &result,
                                                  &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(pthread_join(user, NULL) == 0);
    CHECK(done.ok);
    CHECK(advanceai_get_result_is_final(result));
    CHECK(advanceai_get_result_passed(result));
    CHECK(streq(advanceai_get_result_signature_id(result), signature_id));
    CHECK(streq(advanceai_get_result_overall_result(result), "PASS"));
    CHECK(streq(advanceai_get_result_error_code(result), "SUCCESS"));
    CHECK(streq(advanceai_get_result_category(result), "passed"));
    CHECK(streq(advanceai_get_result_face_result(result), "PASS"));
    CHECK(advanceai_get_result_face_liveness_score(result, &score) && score == 99.0);
    CHECK(advanceai_get_result_face_similarity_score(result, &score) && score == 82.0);
    /* Person data: checked for presence, never printed. */
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_FIRST_NAME) != NULL);
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_BVN) != NULL);
    /* Get Result's person shape: numberTypeInfo, phoneNumber (not phoneNumber1). */
    CHECK(streq(advanceai_get_result_person_field(
                    result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE),
                "NG_BVN"));
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION),
                "NGA"));
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER) != NULL);
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER1) == NULL);
    CHECK(contains(advanceai_get_result_to_json(result), "\"overallResult\":\"PASS\""));
    advanceai_get_result_free(result);
    result = NULL;

    /* Final results stay final: a plain Get Result, and a second completion refused. */
    CHECK_STATUS(advanceai_client_get_result(client, signature_id, &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_get_result_passed(result));
    advanceai_get_result_free(result);
    fprintf(stderr, "(expected next: the sandbox refuses a second completion)\n");
    CHECK(!sandbox_complete(args->base_url, signature_id, "LIVENESS_ATTACK"));

    advanceai_error_free(err);
    advanceai_url_result_free(url);
}

/* Other outcomes, completed before the wait. */
static void other_outcomes(const test_args *args, advanceai_client *client) {
    static const struct {
        const char *outcome;
        const char *overall;
        const char *category;
        int has_liveness;
        int has_similarity;
    } cases[] = {
        {"LIVENESS_ATTACK", "FAIL", "user_can_retry", 1, 0},
        {"SIMILARITY_FAILED", "FAIL", NULL, 1, 1},
        {"USER_TIMEOUT", "INCOMPLETE", NULL, 0, 0},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        advanceai_url_result *url;
        advanceai_get_result *result = NULL;
        advanceai_error *err = NULL;
        char biz_id[64];
        unique_id(biz_id, sizeof biz_id, "h5-outcome-", (int)i);
        url = generate(args, client, biz_id);
        if (url == NULL) {
            continue;
        }
        CHECK(sandbox_complete(args->base_url, advanceai_url_result_signature_id(url),
                               cases[i].outcome));
        CHECK_STATUS(advanceai_client_wait_for_result(client,
                                                      advanceai_url_result_signature_id(url),
                                                      scaled_ms(args, 5000), 0, 0, &result,
                                                      &err),
                     ADVANCEAI_STATUS_OK, err);
        CHECK(advanceai_get_result_is_final(result));
        CHECK(!advanceai_get_result_passed(result));
        CHECK(streq(advanceai_get_result_overall_result(result), cases[i].overall));
        CHECK(streq(advanceai_get_result_error_code(result), cases[i].outcome));
        CHECK(advanceai_get_result_category(result) != NULL);
        CHECK(!streq(advanceai_get_result_category(result), "passed"));
        if (cases[i].category != NULL) {
            CHECK(streq(advanceai_get_result_category(result), cases[i].category));
        }
        CHECK(advanceai_get_result_face_liveness_score(result, NULL) == cases[i].has_liveness);
        CHECK(advanceai_get_result_face_similarity_score(result, NULL) ==
              cases[i].has_similarity);
        advanceai_get_result_free(result);
        advanceai_error_free(err);
        advanceai_url_result_free(url);
    }
}

/* A request sent twice (the call does not take it over) makes two transactions. */
static void request_reuse(advanceai_client *client) {
    advanceai_url_request *request = NULL;
    advanceai_url_result *first = NULL;
    advanceai_url_result *second = NULL;
    advanceai_error *err = NULL;
    CHECK_STATUS(advanceai_url_request_new("h5-reuse", "user-1", "IDN", "NIK",
                                           "https://example.com/ok", "https://example.com/fail",
                                           &request, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_full_name(request, "Rina Wijaya", &err),
                 ADVANCEAI_STATUS_OK, err);
    /* Setting then clearing optional fields leaves a request the server accepts. */
    CHECK_STATUS(advanceai_url_request_set_language(request, "id-ID", &err), ADVANCEAI_STATUS_OK,
                 err);
    CHECK_STATUS(advanceai_url_request_set_language(request, NULL, &err), ADVANCEAI_STATUS_OK,
                 err);
    CHECK_STATUS(advanceai_url_request_set_callback_url(request, NULL, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_color_scheme(request, NULL, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_generate_url(client, request, &first, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_generate_url(client, request, &second, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_url_result_signature_id(first) != NULL &&
          advanceai_url_result_signature_id(second) != NULL &&
          !streq(advanceai_url_result_signature_id(first),
                 advanceai_url_result_signature_id(second)));
    advanceai_url_result_free(first);
    advanceai_url_result_free(second);
    advanceai_url_request_free(request);
    advanceai_error_free(err);
}

/* Refusals of a Generate URL request, before sending, with the server's code and message. */
static void url_refusals(advanceai_client *client) {
    static const struct {
        const char *biz_id;
        const char *region;
        const char *return_url;
        const char *fail_return_url;
        const char *callback_url;
        const char *message;
    } cases[] = {
        {"", "NGA", "https://example.com/ok", "https://example.com/fail", NULL, "BizId is wrong"},
        {"h5-bad", "Nga", "https://example.com/ok", "https://example.com/fail", NULL,
         "Region is wrong"},
        {"h5-bad", "NGA", "not a url", "https://example.com/fail", NULL, "Invalid returnUrl"},
        {"h5-bad", "NGA", "https://example.com/ok", "", NULL, "Invalid failReturnUrl"},
        {"h5-bad", "NGA", "https://example.com/ok", "https://example.com/fail",
         "ftp://example.com/cb", "Invalid callbackUrl"},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        advanceai_url_request *request = NULL;
        advanceai_url_result *url = NULL;
        advanceai_error *err = NULL;
        CHECK_STATUS(advanceai_url_request_new(cases[i].biz_id, "user-1", cases[i].region, "BVN",
                                               cases[i].return_url, cases[i].fail_return_url,
                                               &request, &err),
                     ADVANCEAI_STATUS_OK, err);
        CHECK_STATUS(advanceai_url_request_set_callback_url(request, cases[i].callback_url, &err),
                     ADVANCEAI_STATUS_OK, err);
        CHECK_STATUS(advanceai_validate_url_request(request, &err),
                     ADVANCEAI_STATUS_INVALID_INPUT, err);
        CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
        CHECK(contains(advanceai_error_message(err), cases[i].message));
        CHECK(!advanceai_error_may_have_been_processed(err));
        drop_error(&err);
        CHECK(advanceai_validate_url_request(request, NULL) == ADVANCEAI_STATUS_INVALID_INPUT);
        CHECK_STATUS(advanceai_client_generate_url(client, request, &url, &err),
                     ADVANCEAI_STATUS_INVALID_INPUT, err);
        CHECK(url == NULL);
        CHECK(contains(advanceai_error_message(err), cases[i].message));
        CHECK(!advanceai_error_may_have_been_processed(err));
        drop_error(&err);
        advanceai_url_request_free(request);
    }
}

static void unknown_and_empty_ids(advanceai_client *client) {
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    CHECK_STATUS(advanceai_client_get_result(client, "no-such-signature", &result, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(result == NULL);
    CHECK(streq(advanceai_error_code(err), "SIGNATURE_NOT_EXIST"));
    CHECK(contains(advanceai_error_message(err), "This signatureId is not exist"));
    CHECK(advanceai_error_transaction_id(err) != NULL);
    CHECK(!advanceai_error_retryable(err));
    CHECK(!advanceai_error_may_have_been_processed(err));
    drop_error(&err);
    CHECK_STATUS(advanceai_client_wait_for_result(client, "no-such-signature", 1000, 0, 0,
                                                  &result, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(streq(advanceai_error_code(err), "SIGNATURE_NOT_EXIST"));
    drop_error(&err);
    CHECK_STATUS(advanceai_client_get_result(client, "", &result, &err),
                 ADVANCEAI_STATUS_INVALID_INPUT, err);
    CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
    CHECK(contains(advanceai_error_message(err), "Parameter should not be empty"));
    CHECK(!advanceai_error_may_have_been_processed(err));
    CHECK(result == NULL);
    drop_error(&err);
}

/* One market outside Nigeria: a South African ID, which the request must carry, with the
 * new optional fields; a PASS names the market's Get Result type. */
static void zaf_market(const test_args *args, advanceai_client *client) {
    advanceai_url_request *request = NULL;
    advanceai_url_result *url = NULL;
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    char biz_id[64];

    unique_id(biz_id, sizeof biz_id, "h5-zaf-", 1);
    CHECK_STATUS(advanceai_url_request_new(biz_id, "user-1", "ZAF", "SAID",
                                           "https://example.com/ok", "myapp://verification/failed",
                                           &request, &err),
                 ADVANCEAI_STATUS_OK, err);
    /* SAID needs its number, of 13 digits; the server's message, and the number not in it. */
    CHECK_STATUS(advanceai_validate_url_request(request, &err), ADVANCEAI_STATUS_INVALID_INPUT,
                 err);
    CHECK(contains(advanceai_error_message(err), "Parameter should not be empty"));
    drop_error(&err);
    CHECK_STATUS(advanceai_url_request_set_number_value(request, "800101500908", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_validate_url_request(request, &err), ADVANCEAI_STATUS_INVALID_INPUT,
                 err);
    CHECK(contains(advanceai_error_message(err), "Number is invalid format"));
    CHECK(!contains(advanceai_error_message(err), "800101500908"));
    drop_error(&err);
    CHECK_STATUS(advanceai_url_request_set_number_value(request, "8001015009087", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_full_name(request, "Thandi Nkosi", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_gender(request, "FEMALE", &err), ADVANCEAI_STATUS_OK,
                 err);
    CHECK_STATUS(advanceai_url_request_set_biz_code(request, "WhiteCard", &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_ignore_fail_when_jump(request, 0, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_url_request_set_iframe_enabled(request, 1, &err), ADVANCEAI_STATUS_OK,
                 err);
    CHECK_STATUS(advanceai_url_request_set_iframe_enabled(request, -1, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_generate_url(client, request, &url, &err),
                 ADVANCEAI_STATUS_OK, err);
    advanceai_url_request_free(request);
    if (url == NULL) {
        advanceai_error_free(err);
        return;
    }
    CHECK(sandbox_complete(args->base_url, advanceai_url_result_signature_id(url), "PASS"));
    CHECK_STATUS(advanceai_client_get_result(client, advanceai_url_result_signature_id(url),
                                             &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_get_result_passed(result));
    CHECK(streq(advanceai_get_result_input_number_type(result), "SAID"));
    CHECK(streq(advanceai_get_result_person_field(result,
                                                  ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE),
                "ZA_SAID"));
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION),
                "ZAF"));
    advanceai_get_result_free(result);
    advanceai_url_result_free(url);
    advanceai_error_free(err);
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    advanceai_client *client = sandbox_client(&args, scaled_ms(&args, 5000), 3);
    pass_flow(&args, client);
    other_outcomes(&args, client);
    request_reuse(client);
    zaf_market(&args, client);
    url_refusals(client);
    unknown_and_empty_ids(client);
    advanceai_client_free(client);
    return test_finish("h5");
}
