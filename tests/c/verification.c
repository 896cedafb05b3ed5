/* verification.c: database ID-number verification against the sandbox: every test number
 * (BVN and NIN), the result getters, and local validation refusals with the server's own
 * code and message, through the client and through advanceai_validate_verification_request. */
#include "check.h"

typedef struct {
    const char *number;
    const char *overall;
    const char *error_code;
    const char *category;
    int passed;
    int has_person;
} expected_outcome;

/* The sandbox's table (README "The sandbox"); "12345678901" is "any other valid number". */
static const expected_outcome OUTCOMES[] = {
    {"22222222222", "PASS", "SUCCESS", "passed", 1, 1},
    {"12345678901", "PASS", "SUCCESS", "passed", 1, 1},
    {"00000000000", "FAIL", "NUMBER_NOT_EXIST", "user_can_retry", 0, 0},
    {"11111111111", "FAIL", "BVN_SUSPEND", "needs_review", 0, 0},
    {"33333333333", "FAIL", "INFO_ABNORMAL", "retry_later", 0, 0},
    {"55555555555", "FAIL", "INVALID_FORMAT", "user_can_retry", 0, 0},
    {"44444444444", "INCOMPLETE", "ERROR", "retry_later", 0, 0},
};

static void check_person(const advanceai_verification_result *result, int present) {
    /* Person data: compared, never printed. The sandbox masks names as the vendor does. */
    const char *first = advanceai_verification_result_person_field(
        result, ADVANCEAI_PERSON_FIRST_NAME);
    const char *last =
        advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_LAST_NAME);
    const char *birthday =
        advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_BIRTHDAY);
    const char *gender =
        advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_GENDER);
    const char *phone1 =
        advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER1);
    const char *phone2 =
        advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER2);
    if (present) {
        CHECK(first != NULL && strchr(first, '*') != NULL);
        CHECK(last != NULL && strchr(last, '*') != NULL);
        CHECK(birthday != NULL && strlen(birthday) == 10);
        CHECK(streq(gender, "MALE") || streq(gender, "FEMALE"));
        /* Database verification's shape: phoneNumber1 (masked) and phoneNumber2 (empty
         * here), never Get Result's phoneNumber or numberTypeInfo. */
        CHECK(phone1 != NULL && strchr(phone1, '*') != NULL && strlen(phone1) == 11);
        CHECK(streq(phone2, ""));
        CHECK(phone1 == advanceai_verification_result_person_field(
                            result, ADVANCEAI_PERSON_PHONE_NUMBER1));
    } else {
        CHECK(first == NULL);
        CHECK(last == NULL);
        CHECK(birthday == NULL);
        CHECK(phone1 == NULL);
        CHECK(phone2 == NULL);
    }
    CHECK(advanceai_verification_result_person_field(result, ADVANCEAI_PERSON_PHONE_NUMBER) ==
          NULL);
    CHECK(advanceai_verification_result_person_field(
              result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE) == NULL);
    CHECK(advanceai_verification_result_person_field(
              result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION) == NULL);
    /* Values outside the enum are NULL, not a crash. 30 is the first value past the enum
     * (this was 8 until phoneNumber1 took that value, 12 until the per-market fields). */
    CHECK(advanceai_verification_result_person_field(result, 30) == NULL);
    CHECK(advanceai_verification_result_person_field(result, UINT32_MAX) == NULL);
}

static void every_test_number(advanceai_client *client) {
    static const char *const types[] = {"BVN", "NIN"};
    size_t i;
    size_t t;
    for (t = 0; t < 2; t++) {
        for (i = 0; i < sizeof OUTCOMES / sizeof OUTCOMES[0]; i++) {
            const expected_outcome *want = &OUTCOMES[i];
            advanceai_verification_result *result = NULL;
            advanceai_error *err = NULL;
            const char *json;
            char biz_id[64];
            unique_id(biz_id, sizeof biz_id, "order-", (int)(t * 100 + i));
            CHECK_STATUS(advanceai_client_verify_id_number(client, biz_id, "user-1", "NGA",
                                                           types[t], want->number, &result,
                                                           &err),
                         ADVANCEAI_STATUS_OK, err);
            CHECK(err == NULL);
            if (result == NULL) {
                fprintf(stderr, "  (no result for row %u, %s)\n", (unsigned)i, types[t]);
                advanceai_error_free(err);
                continue;
            }
            CHECK(advanceai_verification_result_passed(result) == (want->passed != 0));
            CHECK(streq(advanceai_verification_result_overall_result(result), want->overall));
            CHECK(streq(advanceai_verification_result_error_code(result), want->error_code));
            CHECK(streq(advanceai_verification_result_category(result), want->category));
            CHECK(advanceai_verification_result_signature_id(result) != NULL &&
                  strlen(advanceai_verification_result_signature_id(result)) > 0);
            check_person(result, want->has_person);
            json = advanceai_verification_result_to_json(result);
            CHECK(contains(json, "\"overallResult\""));
            CHECK(contains(json, want->overall));
            CHECK(contains(json, want->error_code));
            /* The same pointer every time: owned by the result, not a fresh copy. */
            CHECK(json == advanceai_verification_result_to_json(result));
            if (!(advanceai_verification_result_passed(result) == (want->passed != 0) &&
                  streq(advanceai_verification_result_error_code(result), want->error_code))) {
                fprintf(stderr, "  (row %u of the table, %s)\n", (unsigned)i, types[t]);
            }
            advanceai_verification_result_free(result);
        }
    }
}

typedef struct {
    const char *biz_id;
    const char *user_id;
    const char *region;
    const char *number_type;
    const char *number_value;
    const char *message;
} refusal;

static void refusals(advanceai_client *client) {
    static char long_biz_id[101];
    static char biz_id_99_two_byte[2 * 99 + 1];
    static char biz_id_100_two_byte[2 * 100 + 1];
    refusal cases[9];
    size_t i;
    size_t n = 0;

    memset(long_biz_id, 'b', 100);
    long_biz_id[100] = '\0';
    /* "é" is 2 bytes of UTF-8 and 1 UTF-16 unit: 99 of them are allowed, as the Java
     * server counts. */
    for (i = 0; i < 100; i++) {
        memcpy(biz_id_100_two_byte + 2 * i, "\xc3\xa9", 2);
    }
    biz_id_100_two_byte[200] = '\0';
    memcpy(biz_id_99_two_byte, biz_id_100_two_byte, 198);
    biz_id_99_two_byte[198] = '\0';

#define REFUSAL(b, u, r, t, v, m)                                                         \
    do {                                                                                  \
        refusal c_ = {b, u, r, t, v, m};                                                  \
        cases[n++] = c_;                                                                  \
    } while (0)
    REFUSAL("", "user-1", "NGA", "BVN", "22222222222", "BizId is wrong");
    REFUSAL(long_biz_id, "user-1", "NGA", "BVN", "22222222222", "BizId is too long");
    REFUSAL(biz_id_100_two_byte, "user-1", "NGA", "BVN", "22222222222", "BizId is too long");
    REFUSAL("order-1", "", "NGA", "BVN", "22222222222", "UserId is invalid");
    REFUSAL("order-1", "user-1", "nga", "BVN", "22222222222", "Region is wrong");
    REFUSAL("order-1", "user-1", "NGA", "", "22222222222", "numberType is empty");
    REFUSAL("order-1", "user-1", "NGA", "PASSPORTX", "22222222222", "numberType is wrong");
    REFUSAL("order-1", "user-1", "NGA", "bvn", "22222222222",
            "Number type and country are not match");
    REFUSAL("order-1", "user-1", "NGA", "BVN", "123", "Invalid ID number, please check");
#undef REFUSAL

    for (i = 0; i < n; i++) {
        const refusal *c = &cases[i];
        advanceai_error *err = NULL;
        advanceai_verification_result *result = NULL;
        CHECK_STATUS(advanceai_validate_verification_request(c->biz_id, c->user_id, c->region,
                                                             c->number_type, c->number_value,
                                                             &err),
                     ADVANCEAI_STATUS_INVALID_INPUT, err);
        CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_INVALID_INPUT);
        CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
        CHECK(contains(advanceai_error_message(err), c->message));
        CHECK(advanceai_error_transaction_id(err) == NULL);
        CHECK(!advanceai_error_retryable(err));
        CHECK(!advanceai_error_may_have_been_processed(err));
        if (!contains(advanceai_error_message(err), c->message)) {
            fprintf(stderr, "  (refusal %u: expected \"%s\")\n", (unsigned)i, c->message);
        }
        drop_error(&err);
        /* No error slot: the status alone. */
        CHECK(advanceai_validate_verification_request(c->biz_id, c->user_id, c->region,
                                                      c->number_type, c->number_value,
                                                      NULL) == ADVANCEAI_STATUS_INVALID_INPUT);

        /* The client refuses the same way, before sending. */
        CHECK_STATUS(advanceai_client_verify_id_number(client, c->biz_id, c->user_id,
                                                       c->region, c->number_type,
                                                       c->number_value, &result, &err),
                     ADVANCEAI_STATUS_INVALID_INPUT, err);
        CHECK(result == NULL);
        CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
        CHECK(contains(advanceai_error_message(err), c->message));
        CHECK(!advanceai_error_may_have_been_processed(err));
        drop_error(&err);
    }

    {
        advanceai_error *err = NULL;
        CHECK_STATUS(advanceai_validate_verification_request(biz_id_99_two_byte, "user-1",
                                                             "NGA", "NIN", "22222222222",
                                                             &err),
                     ADVANCEAI_STATUS_OK, err);
        CHECK(err == NULL);
        advanceai_error_free(err);
    }
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    advanceai_client *client = sandbox_client(&args, scaled_ms(&args, 5000), 1);
    every_test_number(client);
    refusals(client);
    advanceai_client_free(client);
    return test_finish("verification");
}
