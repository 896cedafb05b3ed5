/* parse.c: advanceai_parse_get_result and advanceai_parse_verification, for callers with
 * their own HTTP stack: good bodies, pending results, API error envelopes, SUCCESS without
 * data, bodies that cannot be read, and an empty body. Needs no server. */
#include "check.h"

/* Parses from a heap copy of exactly `text`'s bytes, without a NUL after them, so that
 * valgrind and ASan catch any read past `len`. */
static advanceai_status parse_result(const char *text, advanceai_get_result **out,
                                     advanceai_error **err) {
    size_t len = strlen(text);
    uint8_t *bytes = malloc(len > 0 ? len : 1);
    advanceai_status status;
    if (bytes == NULL) {
        return ADVANCEAI_STATUS_PANIC;
    }
    memcpy(bytes, text, len);
    status = advanceai_parse_get_result(bytes, len, out, err);
    free(bytes);
    return status;
}

static advanceai_status parse_verification(const char *text,
                                           advanceai_verification_result **out,
                                           advanceai_error **err) {
    size_t len = strlen(text);
    uint8_t *bytes = malloc(len > 0 ? len : 1);
    advanceai_status status;
    if (bytes == NULL) {
        return ADVANCEAI_STATUS_PANIC;
    }
    memcpy(bytes, text, len);
    status = advanceai_parse_verification(bytes, len, out, err);
    free(bytes);
    return status;
}

static void get_result_bodies(void) {
    static const char final_pass[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"transactionId\":\"t-1\",\"data\":{"
        "\"signatureId\":\"sig-1\",\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\","
        "\"faceDetail\":{\"faceResult\":\"PASS\",\"faceLivenessScore\":99,"
        "\"faceSimilarityScore\":\"82.5\"},"
        "\"docDatabaseDetail\":{\"firstName\":\"J**N\",\"bvn\":\"222****2222\"}},"
        "\"extra\":null,\"pricingStrategy\":\"PAY\",\"unknownField\":[1,2,3]}";
    static const char face_fail[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"sig-2\","
        "\"overallResult\":\"FAIL\",\"errorCode\":\"LIVENESS_ATTACK\","
        "\"faceDetail\":{\"faceResult\":\"FAIL\",\"faceLivenessScore\":12.5}}}";
    static const char pending[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"sig-3\","
        "\"overallResult\":null,\"errorCode\":null,\"submissionCompleted\":false}}";
    static const char idv_only[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"sig-4\","
        "\"idvResult\":\"INCOMPLETE\",\"errorCode\":\"USER_TIMEOUT\"}}";
    static const char unknown_code[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"sig-5\","
        "\"overallResult\":\"PASS\",\"errorCode\":\"SOME_FUTURE_CODE\"}}";
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    double score = -1.0;

    CHECK_STATUS(parse_result(final_pass, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(err == NULL);
    CHECK(advanceai_get_result_is_final(result));
    CHECK(advanceai_get_result_passed(result));
    CHECK(streq(advanceai_get_result_signature_id(result), "sig-1"));
    CHECK(streq(advanceai_get_result_overall_result(result), "PASS"));
    CHECK(streq(advanceai_get_result_error_code(result), "SUCCESS"));
    CHECK(streq(advanceai_get_result_category(result), "passed"));
    CHECK(streq(advanceai_get_result_face_result(result), "PASS"));
    CHECK(advanceai_get_result_face_liveness_score(result, &score) && score == 99.0);
    CHECK(advanceai_get_result_face_similarity_score(result, &score) && score == 82.5);
    CHECK(advanceai_get_result_face_similarity_score(result, NULL));
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_FIRST_NAME),
                "J**N"));
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_BVN),
                "222****2222"));
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER) == NULL);
    CHECK(advanceai_get_result_person_field(result, 8) == NULL);
    CHECK(contains(advanceai_get_result_to_json(result), "\"signatureId\":\"sig-1\""));
    advanceai_get_result_free(result);
    result = NULL;

    CHECK_STATUS(parse_result(face_fail, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_get_result_is_final(result));
    CHECK(!advanceai_get_result_passed(result));
    CHECK(streq(advanceai_get_result_error_code(result), "LIVENESS_ATTACK"));
    CHECK(streq(advanceai_get_result_category(result), "user_can_retry"));
    CHECK(streq(advanceai_get_result_face_result(result), "FAIL"));
    score = -1.0;
    CHECK(advanceai_get_result_face_liveness_score(result, &score) && score == 12.5);
    CHECK(!advanceai_get_result_face_similarity_score(result, &score));
    CHECK(score == 12.5);
    advanceai_get_result_free(result);
    result = NULL;

    CHECK_STATUS(parse_result(pending, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(!advanceai_get_result_is_final(result));
    CHECK(!advanceai_get_result_passed(result));
    CHECK(streq(advanceai_get_result_signature_id(result), "sig-3"));
    CHECK(advanceai_get_result_overall_result(result) == NULL);
    CHECK(advanceai_get_result_error_code(result) == NULL);
    CHECK(advanceai_get_result_category(result) == NULL);
    CHECK(advanceai_get_result_face_result(result) == NULL);
    CHECK(!advanceai_get_result_face_liveness_score(result, NULL));
    CHECK(advanceai_get_result_to_json(result) != NULL);
    advanceai_get_result_free(result);
    result = NULL;

    CHECK_STATUS(parse_result(idv_only, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(streq(advanceai_get_result_overall_result(result), "INCOMPLETE"));
    CHECK(streq(advanceai_get_result_error_code(result), "USER_TIMEOUT"));
    CHECK(advanceai_get_result_is_final(result));
    CHECK(!advanceai_get_result_passed(result));
    advanceai_get_result_free(result);
    result = NULL;

    /* A code this version does not know: kept as sent, never a pass, needs review. */
    CHECK_STATUS(parse_result(unknown_code, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(streq(advanceai_get_result_error_code(result), "SOME_FUTURE_CODE"));
    CHECK(!advanceai_get_result_passed(result));
    CHECK(streq(advanceai_get_result_category(result), "needs_review"));
    advanceai_get_result_free(result);
    advanceai_error_free(err);
}

/* The fields beyond the verdict, in Get Result's Nigeria shape; each string made once. */
static void get_result_fields(void) {
    static const char nigeria[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"sig-6\","
        "\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\",\"submissionCompleted\":true,"
        "\"countryCodeIso3\":\"NGA\",\"inputParameters\":{\"region\":\"NGA\","
        "\"numberType\":\"BVN\",\"extra\":1},\"docDatabaseDetail\":{\"bvn\":\"22*******4\","
        "\"numberTypeInfo\":{\"numberType\":\"NG_BVN\",\"region\":\"NGA\"},"
        "\"phoneNumber\":\"080******12\",\"phoneNumber2\":\"\",\"gender\":\"female\"}}}";
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    bool submitted = false;

    CHECK_STATUS(parse_result(nigeria, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_get_result_submission_completed(result, &submitted) && submitted);
    CHECK(streq(advanceai_get_result_country_code_iso3(result), "NGA"));
    CHECK(streq(advanceai_get_result_input_region(result), "NGA"));
    CHECK(streq(advanceai_get_result_input_number_type(result), "BVN"));
    CHECK(streq(advanceai_get_result_person_field(
                    result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE),
                "NG_BVN"));
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION),
                "NGA"));
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER),
                "080******12"));
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER2), ""));
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER1) == NULL);
    CHECK(streq(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_GENDER), "FEMALE"));
    CHECK(advanceai_get_result_person_field(result, 30) == NULL); /* past the last field */
    /* Every string is made once and owned by the result: the same pointer every time. */
    CHECK(advanceai_get_result_error_code(result) == advanceai_get_result_error_code(result));
    CHECK(advanceai_get_result_country_code_iso3(result) ==
          advanceai_get_result_country_code_iso3(result));
    CHECK(advanceai_get_result_to_json(result) == advanceai_get_result_to_json(result));
    CHECK(contains(advanceai_get_result_to_json(result), "\"numberTypeInfo\""));
    advanceai_get_result_free(result);
    result = NULL;

    /* Absent: NULL, and nothing written. */
    CHECK_STATUS(parse_result("{\"code\":\"SUCCESS\",\"data\":{}}", &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(!advanceai_get_result_submission_completed(result, &submitted) && submitted);
    CHECK(advanceai_get_result_country_code_iso3(result) == NULL);
    CHECK(advanceai_get_result_input_region(result) == NULL);
    CHECK(advanceai_get_result_input_number_type(result) == NULL);
    CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION) ==
          NULL);
    advanceai_get_result_free(result);
    advanceai_error_free(err);
}

static void error_bodies(void) {
    static const char not_exist[] =
        "{\"code\":\"SIGNATURE_NOT_EXIST\",\"message\":\"This signatureId is not exist\","
        "\"transactionId\":\"0123456789abcdef\",\"data\":null}";
    static const char busy[] =
        "{\"code\":\"SERVICE_BUSY\",\"message\":\"Service is busy\",\"data\":null}";
    static const char no_data[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"transactionId\":\"tx-9\",\"data\":null}";
    /* A person's name in the part of the body that is kept: it must not reach the
     * message. */
    static const char truncated[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"s\","
        "\"docDatabaseDetail\":{\"firstName\":\"SECRETNAME";
    static const char no_code[] = "{\"message\":\"OK\",\"data\":{}}";
    static const char twice[] =
        "{\"code\":\"SUCCESS\",\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{}}";
    static const char html[] = "<html><body>502 Bad Gateway</body></html>";
    static const char *const unreadable[] = {truncated, no_code, twice, html};
    advanceai_get_result *result = NULL;
    advanceai_verification_result *verification = NULL;
    advanceai_error *err = NULL;
    size_t i;

    CHECK_STATUS(parse_result(not_exist, &result, &err), ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(result == NULL);
    CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_API_ERROR);
    CHECK(streq(advanceai_error_code(err), "SIGNATURE_NOT_EXIST"));
    CHECK(contains(advanceai_error_message(err), "This signatureId is not exist"));
    CHECK(streq(advanceai_error_transaction_id(err), "0123456789abcdef"));
    CHECK(advanceai_error_http_status(err) == 0);
    CHECK(!advanceai_error_retryable(err));
    /* The code proves the server refused the request before doing any work. */
    CHECK(!advanceai_error_may_have_been_processed(err));
    drop_error(&err);

    CHECK_STATUS(parse_verification(busy, &verification, &err), ADVANCEAI_STATUS_API_ERROR,
                 err);
    CHECK(verification == NULL);
    CHECK(streq(advanceai_error_code(err), "SERVICE_BUSY"));
    CHECK(advanceai_error_transaction_id(err) == NULL);
    CHECK(advanceai_error_retryable(err));
    CHECK(!advanceai_error_may_have_been_processed(err));
    drop_error(&err);

    CHECK_STATUS(parse_result(no_data, &result, &err), ADVANCEAI_STATUS_MISSING_DATA, err);
    CHECK(result == NULL);
    CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_MISSING_DATA);
    CHECK(streq(advanceai_error_transaction_id(err), "tx-9"));
    drop_error(&err);

    for (i = 0; i < sizeof unreadable / sizeof unreadable[0]; i++) {
        CHECK_STATUS(parse_result(unreadable[i], &result, &err), ADVANCEAI_STATUS_PARSE_ERROR,
                     err);
        CHECK(result == NULL);
        CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_PARSE_ERROR);
        CHECK(advanceai_error_message(err) != NULL && strlen(advanceai_error_message(err)) > 0);
        CHECK(!contains(advanceai_error_message(err), "SECRETNAME"));
        CHECK(advanceai_error_code(err) == NULL);
        CHECK(advanceai_error_may_have_been_processed(err));
        if (advanceai_error_kind(err) != ADVANCEAI_STATUS_PARSE_ERROR) {
            fprintf(stderr, "  (unreadable body %u)\n", (unsigned)i);
        }
        drop_error(&err);
        CHECK_STATUS(parse_verification(unreadable[i], &verification, &err),
                     ADVANCEAI_STATUS_PARSE_ERROR, err);
        CHECK(verification == NULL);
        drop_error(&err);
    }

    /* An empty body, with NULL bytes (allowed when len is 0). */
    CHECK_STATUS(advanceai_parse_get_result(NULL, 0, &result, &err),
                 ADVANCEAI_STATUS_PARSE_ERROR, err);
    CHECK(result == NULL);
    drop_error(&err);
    CHECK_STATUS(advanceai_parse_verification(NULL, 0, &verification, &err),
                 ADVANCEAI_STATUS_PARSE_ERROR, err);
    CHECK(verification == NULL);
    drop_error(&err);
    CHECK(advanceai_parse_verification(NULL, 0, &verification, NULL) ==
          ADVANCEAI_STATUS_PARSE_ERROR);
}

static void verification_bodies(void) {
    /* Database verification writes a pass as errorCode "": normalized to SUCCESS. */
    static const char pass[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"transactionId\":\"t1\",\"data\":{"
        "\"signatureId\":\"s1\",\"overallResult\":\"PASS\",\"errorCode\":\"\","
        "\"docDatabaseDetail\":{\"firstName\":\"T****E\",\"lastName\":\"A***I\","
        "\"gender\":\"Male\",\"birthday\":\"1990-01-31\"}}}";
    static const char suspended[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"s2\","
        "\"overallResult\":\"FAIL\",\"errorCode\":\"BVN_SUSPEND\",\"docDatabaseDetail\":null}}";
    /* A pass code next to another verdict is not a pass. */
    static const char mixed[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"overallResult\":\"FAIL\","
        "\"errorCode\":\"SUCCESS\"}}";
    advanceai_verification_result *result = NULL;
    advanceai_error *err = NULL;

    CHECK_STATUS(parse_verification(pass, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_verification_result_passed(result));
    CHECK(streq(advanceai_verification_result_signature_id(result), "s1"));
    CHECK(streq(advanceai_verification_result_overall_result(result), "PASS"));
    CHECK(streq(advanceai_verification_result_error_code(result), "SUCCESS"));
    CHECK(streq(advanceai_verification_result_category(result), "passed"));
    CHECK(streq(advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_FIRST_NAME),
                "T****E"));
    CHECK(streq(advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_LAST_NAME),
                "A***I"));
    CHECK(streq(advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_GENDER),
                "MALE"));
    CHECK(streq(advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_BIRTHDAY),
                "1990-01-31"));
    CHECK(advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_MIDDLE_NAME) ==
          NULL);
    CHECK(contains(advanceai_verification_result_to_json(result), "\"errorCode\":\"SUCCESS\""));
    advanceai_verification_result_free(result);
    result = NULL;

    CHECK_STATUS(parse_verification(suspended, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(!advanceai_verification_result_passed(result));
    CHECK(streq(advanceai_verification_result_error_code(result), "BVN_SUSPEND"));
    CHECK(streq(advanceai_verification_result_category(result), "needs_review"));
    CHECK(advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_FIRST_NAME) ==
          NULL);
    advanceai_verification_result_free(result);
    result = NULL;

    CHECK_STATUS(parse_verification(mixed, &result, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(!advanceai_verification_result_passed(result));
    CHECK(advanceai_verification_result_signature_id(result) == NULL);
    CHECK(streq(advanceai_verification_result_category(result), "needs_review"));
    advanceai_verification_result_free(result);
    advanceai_error_free(err);
}

int main(int argc, char **argv) {
    test_start(argc, argv);
    get_result_bodies();
    get_result_fields();
    error_bodies();
    verification_bodies();
    return test_finish("parse");
}
