/* basic.c: the C API against the sandbox. Usage: basic <sandbox base URL>.
 * Exits 0 only if every check passes. */
#include "advanceai.h"

#include <stdio.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                      \
            failures++;                                                    \
        }                                                                  \
    } while (0)

static int streq(const char *a, const char *b) {
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static advanceai_client *make_client(const char *base_url, const char *secret) {
    advanceai_config *config = NULL;
    advanceai_client *client = NULL;
    advanceai_error *err = NULL;
    CHECK(advanceai_config_new(&config) == ADVANCEAI_STATUS_OK);
    CHECK(advanceai_config_set_base_url(config, base_url) == ADVANCEAI_STATUS_OK);
    CHECK(advanceai_config_set_credentials(config, "sandbox-access-key", secret) ==
          ADVANCEAI_STATUS_OK);
    CHECK(advanceai_config_set_proxy(config, NULL) == ADVANCEAI_STATUS_OK);
    CHECK(advanceai_config_set_timeout_ms(config, 10000) == ADVANCEAI_STATUS_OK);
    CHECK(advanceai_config_set_max_attempts(config, 1) == ADVANCEAI_STATUS_OK);
    CHECK(advanceai_client_new(config, &client, &err) == ADVANCEAI_STATUS_OK);
    CHECK(err == NULL);
    advanceai_config_free(config);
    return client;
}

int main(int argc, char **argv) {
    const char *base_url;
    advanceai_client *client;
    advanceai_error *err = NULL;
    advanceai_status status;

    if (argc != 2) {
        fprintf(stderr, "usage: %s <base url>\n", argv[0]);
        return 2;
    }
    base_url = argv[1];

    /* Version and status messages. */
    CHECK(advanceai_version() != NULL && strlen(advanceai_version()) > 0);
    CHECK(streq(advanceai_status_message(ADVANCEAI_STATUS_OK), "ok"));
    CHECK(streq(advanceai_status_message(9999), "unknown status"));

    /* _free(NULL) is a no-op. */
    advanceai_config_free(NULL);
    advanceai_client_free(NULL);
    advanceai_error_free(NULL);
    advanceai_token_free(NULL);
    advanceai_verification_result_free(NULL);
    advanceai_get_result_free(NULL);
    advanceai_url_result_free(NULL);

    /* NULL arguments. */
    CHECK(advanceai_config_new(NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(advanceai_config_set_base_url(NULL, "http://127.0.0.1:1") ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
    {
        advanceai_client *never = NULL;
        status = advanceai_client_new(NULL, &never, &err);
        CHECK(status == ADVANCEAI_STATUS_NULL_PARAMETER);
        CHECK(never == NULL);
        CHECK(err != NULL && advanceai_error_kind(err) == ADVANCEAI_STATUS_NULL_PARAMETER);
        CHECK(advanceai_error_message(err) != NULL);
        advanceai_error_free(err);
        err = NULL;
    }
    CHECK(advanceai_validate_verification_request(NULL, "u", "NGA", "BVN", "22222222222",
                                                  NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);

    /* Invalid UTF-8. */
    status = advanceai_validate_verification_request("order-\xff", "u", "NGA", "BVN",
                                                     "22222222222", &err);
    CHECK(status == ADVANCEAI_STATUS_INVALID_UTF8);
    CHECK(err != NULL && advanceai_error_kind(err) == ADVANCEAI_STATUS_INVALID_UTF8);
    advanceai_error_free(err);
    err = NULL;

    /* Validation with the server's code and message, and a valid request. */
    status = advanceai_validate_verification_request("order-1", "user-1", "NGA", "BVN", "2222",
                                                     &err);
    CHECK(status == ADVANCEAI_STATUS_INVALID_INPUT);
    CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
    CHECK(advanceai_error_message(err) != NULL &&
          strstr(advanceai_error_message(err), "Invalid ID number, please check the format") !=
              NULL);
    CHECK(!advanceai_error_retryable(err));
    CHECK(!advanceai_error_may_have_been_processed(err));
    advanceai_error_free(err);
    err = NULL;
    CHECK(advanceai_validate_verification_request("order-1", "user-1", "NGA", "BVN",
                                                  "22222222222", &err) == ADVANCEAI_STATUS_OK);
    CHECK(err == NULL);

    /* An insecure configuration is refused with an error object. */
    {
        advanceai_config *config = NULL;
        advanceai_client *never = NULL;
        CHECK(advanceai_config_new(&config) == ADVANCEAI_STATUS_OK);
        CHECK(advanceai_config_set_host(config, "nowhere.example") ==
              ADVANCEAI_STATUS_CONFIG_ERROR);
        CHECK(advanceai_config_set_host(config, "sg-api.advance.ai") == ADVANCEAI_STATUS_OK);
        CHECK(advanceai_config_set_base_url(config, "http://api.example.com") ==
              ADVANCEAI_STATUS_OK);
        CHECK(advanceai_config_set_credentials(config, "a", "b") == ADVANCEAI_STATUS_OK);
        CHECK(advanceai_client_new(config, &never, &err) == ADVANCEAI_STATUS_CONFIG_ERROR);
        CHECK(never == NULL);
        CHECK(err != NULL && advanceai_error_kind(err) == ADVANCEAI_STATUS_CONFIG_ERROR);
        advanceai_error_free(err);
        err = NULL;
        advanceai_config_free(config);
    }

    client = make_client(base_url, "sandbox-secret-key");
    CHECK(client != NULL);

    /* Token. */
    {
        advanceai_token *token = NULL;
        CHECK(advanceai_client_token(client, &token, &err) == ADVANCEAI_STATUS_OK);
        CHECK(token != NULL && advanceai_token_value(token) != NULL &&
              strlen(advanceai_token_value(token)) > 0);
        advanceai_token_free(token);
    }

    /* A PASS verification. */
    {
        advanceai_verification_result *result = NULL;
        const char *json;
        status = advanceai_client_verify_id_number(client, "order-1", "user-1", "NGA", "BVN",
                                                   "22222222222", &result, &err);
        CHECK(status == ADVANCEAI_STATUS_OK);
        if (status != ADVANCEAI_STATUS_OK && err != NULL) {
            fprintf(stderr, "verify: %s\n", advanceai_error_message(err));
            advanceai_error_free(err);
            err = NULL;
        }
        CHECK(advanceai_verification_result_passed(result));
        CHECK(streq(advanceai_verification_result_overall_result(result), "PASS"));
        CHECK(streq(advanceai_verification_result_error_code(result), "SUCCESS"));
        CHECK(streq(advanceai_verification_result_category(result), "passed"));
        CHECK(advanceai_verification_result_signature_id(result) != NULL);
        CHECK(advanceai_verification_result_person_field(result, 999) == NULL);
        json = advanceai_verification_result_to_json(result);
        CHECK(json != NULL && strstr(json, "\"overallResult\":\"PASS\"") != NULL);
        advanceai_verification_result_free(result);
    }

    /* The H5 flow: Generate URL, a pending Get Result, a wait that runs out. */
    {
        advanceai_url_request *request = NULL;
        advanceai_url_result *url = NULL;
        advanceai_get_result *result = NULL;
        advanceai_get_result *never = NULL;
        CHECK(advanceai_url_request_new("order-2", "user-1", "NGA", "https://example.com/ok",
                                        "https://example.com/fail", &request,
                                        &err) == ADVANCEAI_STATUS_OK);
        status = advanceai_client_generate_url(client, request, &url, &err);
        advanceai_url_request_free(request);
        CHECK(status == ADVANCEAI_STATUS_OK);
        CHECK(advanceai_url_result_url(url) != NULL);
        CHECK(advanceai_url_result_signature_id(url) != NULL);
        CHECK(advanceai_url_result_to_json(url) != NULL);
        if (advanceai_url_result_signature_id(url) != NULL) {
            CHECK(advanceai_client_get_result(client, advanceai_url_result_signature_id(url),
                                              &result, &err) == ADVANCEAI_STATUS_OK);
            CHECK(!advanceai_get_result_is_final(result));
            CHECK(advanceai_get_result_error_code(result) == NULL);
            CHECK(advanceai_get_result_category(result) == NULL);
            advanceai_get_result_free(result);
            status = advanceai_client_wait_for_result(
                client, advanceai_url_result_signature_id(url), 1, 0, 0, &never, &err);
            CHECK(status == ADVANCEAI_STATUS_RESULT_PENDING);
            CHECK(never == NULL);
            CHECK(advanceai_error_retryable(err));
            advanceai_error_free(err);
            err = NULL;
        }
        CHECK(advanceai_client_get_result(client, "", &never, &err) ==
              ADVANCEAI_STATUS_INVALID_INPUT);
        CHECK(never == NULL);
        advanceai_error_free(err);
        err = NULL;
        advanceai_url_result_free(url);
    }

    /* A pure parse from bytes. */
    {
        static const char body[] =
            "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"transactionId\":\"t1\",\"data\":{"
            "\"signatureId\":\"s1\",\"overallResult\":\"FAIL\",\"errorCode\":\"LIVENESS_ATTACK\","
            "\"faceDetail\":{\"faceLivenessScore\":12.5}}}";
        advanceai_get_result *result = NULL;
        double score = 0.0;
        CHECK(advanceai_parse_get_result((const uint8_t *)body, strlen(body), &result, &err) ==
              ADVANCEAI_STATUS_OK);
        CHECK(advanceai_get_result_is_final(result));
        CHECK(!advanceai_get_result_passed(result));
        CHECK(streq(advanceai_get_result_error_code(result), "LIVENESS_ATTACK"));
        CHECK(advanceai_get_result_face_liveness_score(result, &score) && score == 12.5);
        CHECK(!advanceai_get_result_face_similarity_score(result, &score));
        advanceai_get_result_free(result);
        result = NULL;
        CHECK(advanceai_parse_get_result((const uint8_t *)"{\"code\":", 8, &result, &err) ==
              ADVANCEAI_STATUS_PARSE_ERROR);
        CHECK(result == NULL);
        advanceai_error_free(err);
        err = NULL;
    }

    advanceai_client_free(client);

    /* Wrong credentials: an API error with the server's code. */
    client = make_client(base_url, "wrong-secret");
    {
        advanceai_token *token = NULL;
        status = advanceai_client_token(client, &token, &err);
        CHECK(status == ADVANCEAI_STATUS_API_ERROR);
        CHECK(token == NULL);
        CHECK(err != NULL && advanceai_error_code(err) != NULL &&
              strlen(advanceai_error_code(err)) > 0);
        CHECK(advanceai_error_message(err) != NULL);
        advanceai_error_free(err);
        err = NULL;
    }
    advanceai_client_free(client);

    if (failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("basic.c: all checks passed\n");
    return 0;
}
