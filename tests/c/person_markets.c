/* person_markets.c: the DocDatabaseDetail page's Brazil (CPF) and Indonesia (NIK) examples,
 * parsed with advanceai_parse_get_result, and every per-market person field read through
 * advanceai_get_result_person_field: the nested verification.* and address.* fields, masked
 * and partial values as sent, absent fields NULL. Needs no server. Person data: compared,
 * never printed. */
#include "check.h"

/* Parses from a heap copy of exactly `text`'s bytes (no NUL after them). */
static advanceai_get_result *parse(const char *text) {
    size_t len = strlen(text);
    uint8_t *bytes = malloc(len);
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    if (bytes == NULL) {
        CHECK(!"out of memory");
        return NULL;
    }
    memcpy(bytes, text, len);
    CHECK_STATUS(advanceai_parse_get_result(bytes, len, &result, &err), ADVANCEAI_STATUS_OK, err);
    free(bytes);
    advanceai_error_free(err);
    return result;
}

static const char *field(const advanceai_get_result *result, advanceai_person_field which) {
    return advanceai_get_result_person_field(result, which);
}

static void brazil(void) {
    /* non-doc-flow.md §4.7, "Brazil: CPF", inside a PASS envelope. */
    static const char body[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"sig-bra\","
        "\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\",\"docDatabaseDetail\":{"
        "\"numberValue\": \"078.734.383-84\","
        "\"numberTypeInfo\": {\"numberType\": \"BR_CPF\", \"region\": \"BRA\"},"
        "\"fullName\": \"GLEICIANE RODRIGUES DA SILVA\","
        "\"gender\": \"FEMALE\","
        "\"birthday\": \"1999/12/26\","
        "\"cpfStatus\": \"Regular\","
        "\"motherName\": \"ALDAIZA RODRIGUES DA SILVA\","
        "\"address\": {\"number\": \"SN\", \"city\": \"ARACOIABA\","
        "\"street\": \"COMENDADOR EUGENIO CASTRO SILVA\", \"postalCode\": \"62750000\","
        "\"neighborhood\": \"CENTRO\", \"state\": \"CE\", \"type\": \"residential\"},"
        "\"verification\": {\"numberValue\": null, \"fullName\": null, \"dob\": null,"
        "\"face\": \"pass\"}}}}";
    advanceai_get_result *result = parse(body);
    if (result == NULL) {
        return;
    }
    CHECK(streq(field(result, ADVANCEAI_PERSON_NUMBER_VALUE), "078.734.383-84"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE), "BR_CPF"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_FULL_NAME), "GLEICIANE RODRIGUES DA SILVA"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_CPF_STATUS), "Regular"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_MOTHER_NAME), "ALDAIZA RODRIGUES DA SILVA"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_ADDRESS_NUMBER), "SN"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_ADDRESS_CITY), "ARACOIABA"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_ADDRESS_STREET),
                "COMENDADOR EUGENIO CASTRO SILVA"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_ADDRESS_POSTAL_CODE), "62750000"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_ADDRESS_NEIGHBORHOOD), "CENTRO"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_ADDRESS_STATE), "CE"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_ADDRESS_TYPE), "residential"));
    CHECK(streq(field(result, ADVANCEAI_PERSON_VERIFICATION_FACE), "pass"));
    /* null in the body, absent here. */
    CHECK(field(result, ADVANCEAI_PERSON_VERIFICATION_NUMBER_VALUE) == NULL);
    CHECK(field(result, ADVANCEAI_PERSON_VERIFICATION_FULL_NAME) == NULL);
    CHECK(field(result, ADVANCEAI_PERSON_VERIFICATION_DOB) == NULL);
    /* Not in Brazil's shape. */
    CHECK(field(result, ADVANCEAI_PERSON_BVN) == NULL);
    CHECK(field(result, ADVANCEAI_PERSON_NIN) == NULL);
    CHECK(field(result, ADVANCEAI_PERSON_EMAIL) == NULL);
    CHECK(field(result, ADVANCEAI_PERSON_TAX_ID) == NULL);
    CHECK(field(result, ADVANCEAI_PERSON_TAX_ID_TYPE) == NULL);
    /* Owned by the result: the same pointer every time. */
    CHECK(field(result, ADVANCEAI_PERSON_ADDRESS_CITY) ==
          field(result, ADVANCEAI_PERSON_ADDRESS_CITY));
    CHECK(field(result, ADVANCEAI_PERSON_VERIFICATION_FACE) ==
          field(result, ADVANCEAI_PERSON_VERIFICATION_FACE));
    advanceai_get_result_free(result);
}

static void indonesia(void) {
    /* non-doc-flow.md §4.7, "Indonesia: NIK", inside a FAIL envelope. */
    static const char body[] =
        "{\"code\":\"SUCCESS\",\"message\":\"OK\",\"data\":{\"signatureId\":\"sig-idn\","
        "\"overallResult\":\"FAIL\",\"errorCode\":\"NAME_NOT_MATCH\",\"docDatabaseDetail\":{"
        "\"bvn\": null, \"nin\": null, \"numberValue\": \"************0005\","
        "\"numberTypeInfo\": {\"numberType\": \"ID_NIK\", \"region\": \"IDN\"},"
        "\"firstName\": null, \"middleName\": null, \"lastName\": null,"
        "\"fullName\": \"R**** I**********\", \"gender\": \"FEMALE\","
        "\"birthday\": \"1976/**/**\", \"phoneNumber\": \"+62*******4455\","
        "\"phoneNumber2\": null, \"email\": \"w*****c@***.com\","
        "\"verification\": {\"numberValue\": \"pass\", \"fullName\": \"fail\","
        "\"dob\": \"fail\", \"face\": \"fail\"}}}}";
    /* A value the vendor may add tomorrow is kept as sent. */
    static const char unknown[] =
        "{\"code\":\"SUCCESS\",\"data\":{\"docDatabaseDetail\":{"
        "\"cpfStatus\":\"Cancelled\",\"verification\":{\"face\":\"PARTIAL\"},"
        "\"taxId\":\"20-12345678-3\",\"taxIdType\":\"CUIL\",\"nin\":\"7*********1\"}}}";
    advanceai_get_result *result = parse(body);
    if (result != NULL) {
        CHECK(streq(field(result, ADVANCEAI_PERSON_NUMBER_VALUE), "************0005"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_FULL_NAME), "R**** I**********"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_BIRTHDAY), "1976/**/**"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_PHONE_NUMBER), "+62*******4455"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_EMAIL), "w*****c@***.com"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_VERIFICATION_NUMBER_VALUE), "pass"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_VERIFICATION_FULL_NAME), "fail"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_VERIFICATION_DOB), "fail"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_VERIFICATION_FACE), "fail"));
        CHECK(field(result, ADVANCEAI_PERSON_BVN) == NULL);
        CHECK(field(result, ADVANCEAI_PERSON_NIN) == NULL);
        CHECK(field(result, ADVANCEAI_PERSON_FIRST_NAME) == NULL);
        CHECK(field(result, ADVANCEAI_PERSON_PHONE_NUMBER2) == NULL);
        CHECK(field(result, ADVANCEAI_PERSON_CPF_STATUS) == NULL);
        CHECK(field(result, ADVANCEAI_PERSON_ADDRESS_CITY) == NULL);
        advanceai_get_result_free(result);
    }
    result = parse(unknown);
    if (result != NULL) {
        CHECK(streq(field(result, ADVANCEAI_PERSON_CPF_STATUS), "Cancelled"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_VERIFICATION_FACE), "PARTIAL"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_TAX_ID), "20-12345678-3"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_TAX_ID_TYPE), "CUIL"));
        CHECK(streq(field(result, ADVANCEAI_PERSON_NIN), "7*********1"));
        CHECK(field(result, ADVANCEAI_PERSON_VERIFICATION_DOB) == NULL);
        /* The first number past the last field is not one. */
        CHECK(advanceai_get_result_person_field(result, ADVANCEAI_PERSON_ADDRESS_TYPE + 1) ==
              NULL);
        advanceai_get_result_free(result);
    }
}

int main(int argc, char **argv) {
    test_start(argc, argv);
    brazil();
    indonesia();
    return test_finish("person_markets");
}
