// test_parse.cpp: what the wrapper reads without a client: parse_get_result and
// parse_verification (every person field, the Get Result fields beyond the verdict) and
// parse_callback, including bodies that cannot be read. Usage: test_parse <sandbox base
// URL> (unused: it needs no server). Never prints person fields.
#include "support.hpp"

#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace {

using advanceai::Callback;
using advanceai::PersonField;
using advanceai::Status;
using namespace test_support;

template <typename T, typename = void>
struct streamable : std::false_type {};
template <typename T>
struct streamable<
    T, std::void_t<decltype(std::declval<std::ostream&>() << std::declval<const T&>())>>
    : std::true_type {};
// The results hold person data: the wrapper gives them no printer at all.
static_assert(streamable<std::string>::value, "the trait itself works");
static_assert(!streamable<advanceai::VerificationResult>::value);
static_assert(!streamable<advanceai::GetResult>::value);
// A callback is a plain value.
static_assert(std::is_nothrow_move_constructible_v<Callback> && std::is_copy_constructible_v<Callback>);

// The same numbers as advanceai_person_field.
static_assert(static_cast<std::uint32_t>(PersonField::PhoneNumber1) == 8);
static_assert(static_cast<std::uint32_t>(PersonField::PhoneNumber2) == 9);
static_assert(static_cast<std::uint32_t>(PersonField::NumberTypeInfoNumberType) == 10);
static_assert(static_cast<std::uint32_t>(PersonField::NumberTypeInfoRegion) == 11);

void test_parse() {
    const std::string pass_body = R"({"code":"SUCCESS","message":"OK","data":{
        "signatureId":"f302f5d2454a85c2","overallResult":"PASS","errorCode":"SUCCESS",
        "docDatabaseDetail":{"bvn":"22********4","firstName":"T****E","gender":"FEMALE"},
        "faceDetail":{"faceResult":"PASS","faceLivenessScore":99,"faceSimilarityScore":"82.5"}},
        "transactionId":"d3fde1547eeaf226"})";
    const auto pass = advanceai::parse_get_result(pass_body);
    CHECK(pass.is_final() && pass.passed());
    CHECK(pass.signature_id() == "f302f5d2454a85c2");
    CHECK(pass.face_liveness_score() == 99.0);
    CHECK(pass.face_similarity_score() == 82.5);
    CHECK(pass.person(PersonField::FirstName) == "T****E");
    CHECK(pass.person(PersonField::Gender) == "FEMALE");
    CHECK(!pass.person(PersonField::MiddleName).has_value());

    const auto pending = advanceai::parse_get_result(
        R"({"code":"SUCCESS","message":"OK","data":{"signatureId":"s","errorCode":null}})");
    CHECK(!pending.is_final() && !pending.face_liveness_score().has_value());

    auto e = error_of([&] { (void)advanceai::parse_get_result(pass_body.substr(0, 60)); });
    CHECK(e && e->status() == Status::ParseError);
    CHECK(e && !contains(e->what(), "f302f5d2454a85c2"));
    e = error_of([] { (void)advanceai::parse_get_result(""); });
    CHECK(e && e->status() == Status::ParseError);
    e = error_of([] {
        (void)advanceai::parse_get_result(
            R"({"code":"SIGNATURE_NOT_EXIST","message":"This signatureId is not exist",
                "data":null,"transactionId":"t1"})");
    });
    CHECK(e && e->status() == Status::ApiError && e->code() == "SIGNATURE_NOT_EXIST");
    CHECK(e && e->transaction_id() == "t1");
    e = error_of([] { (void)advanceai::parse_get_result(R"({"code":"SUCCESS","message":"OK"})"); });
    CHECK(e && e->status() == Status::MissingData);

    const auto verification = advanceai::parse_verification(
        R"({"code":"SUCCESS","message":"OK",
            "data":{"overallResult":"FAIL","errorCode":"NUMBER_NOT_EXIST"}})");
    CHECK(!verification.passed() && verification.error_code() == "NUMBER_NOT_EXIST");
    CHECK(!verification.signature_id().has_value());
    e = error_of([] {
        (void)advanceai::parse_verification(
            R"({"code":"PARAMETER_ERROR","message":"Invalid ID number","data":null})");
    });
    CHECK(e && e->status() == Status::ApiError && e->code() == "PARAMETER_ERROR");
    CHECK(e && e->message().find("Invalid ID number") != std::string::npos);
}


void test_new_fields() {
    // Get Result's person shape, and the fields beyond the verdict.
    const std::string body = R"({"code":"SUCCESS","message":"OK","data":{
        "signatureId":"sig-1","overallResult":"PASS","errorCode":"SUCCESS",
        "submissionCompleted":true,"countryCodeIso3":"NGA",
        "inputParameters":{"region":"NGA","numberType":"BVN"},
        "docDatabaseDetail":{"firstName":"A****e","phoneNumber":"080******78",
            "phoneNumber2":"081******90","numberTypeInfo":{"numberType":"NG_BVN","region":"NGA"}}}})";
    const auto result = advanceai::parse_get_result(body);
    CHECK(result.submission_completed() == true);
    CHECK(result.country_code_iso3() == "NGA");
    CHECK(result.input_region() == "NGA");
    CHECK(result.input_number_type() == "BVN");
    CHECK(result.person(PersonField::PhoneNumber) == "080******78");
    CHECK(!result.person(PersonField::PhoneNumber1).has_value());
    CHECK(result.person(PersonField::PhoneNumber2) == "081******90");
    CHECK(result.person(PersonField::NumberTypeInfoNumberType) == "NG_BVN");
    CHECK(result.person(PersonField::NumberTypeInfoRegion) == "NGA");

    // Absent: every new getter says so.
    const auto pending = advanceai::parse_get_result(
        R"({"code":"SUCCESS","message":"OK","data":{"signatureId":"s","submissionCompleted":false}})");
    CHECK(pending.submission_completed() == false);
    const auto bare = advanceai::parse_get_result(
        R"({"code":"SUCCESS","message":"OK","data":{"signatureId":"s"}})");
    CHECK(!bare.submission_completed().has_value());
    CHECK(!bare.country_code_iso3().has_value());
    CHECK(!bare.input_region().has_value() && !bare.input_number_type().has_value());
    CHECK(!bare.person(PersonField::NumberTypeInfoRegion).has_value());

    // Database verification's shape: phoneNumber1 and phoneNumber2.
    const auto verification = advanceai::parse_verification(
        R"({"code":"SUCCESS","message":"OK","data":{"signatureId":"s-9","overallResult":"PASS",
            "errorCode":"SUCCESS","docDatabaseDetail":{"firstName":"J**n","gender":"Male",
            "phoneNumber1":"080******12","phoneNumber2":"070******34"}}})");
    CHECK(verification.person(PersonField::PhoneNumber1) == "080******12");
    CHECK(verification.person(PersonField::PhoneNumber2) == "070******34");
    CHECK(!verification.person(PersonField::PhoneNumber).has_value());
    CHECK(verification.person(PersonField::Gender) == "MALE");

    // A body cut short in the person record: the error never shows what was read.
    const std::string cut = R"({"code":"SUCCESS","message":"OK","data":{"signatureId":"s",
        "docDatabaseDetail":{"phoneNumber1":"08011112222","phoneNumber2":"07033334444",
        "numberTypeInfo":{"numberType":"ZZ_SECRET_TYPE","region":"ZQX")";
    for (const auto& parse : {+[](std::string_view b) { (void)advanceai::parse_verification(b); },
                              +[](std::string_view b) { (void)advanceai::parse_get_result(b); }}) {
        const auto e = error_of([&] { parse(cut); });
        CHECK(e && e->status() == Status::ParseError);
        for (const char* secret : {"08011112222", "07033334444", "ZZ_SECRET_TYPE", "ZQX"}) {
            CHECK(e && !contains(e->what(), secret) && !contains(e->message(), secret));
        }
    }
}

void test_callback() {
    struct Case {
        std::string_view body;
        const char* signature_id;
        const char* type;
    };
    const Case cases[] = {
        {R"({"signatureId":"f302f5d2454a85c2","type":"COMPLETED"})", "f302f5d2454a85c2",
         "COMPLETED"},
        {R"({"type":"SUBMIT_COMPLETED","signatureId":"sig-2"})", "sig-2", "SUBMIT_COMPLETED"},
        // A type this version does not know is kept as sent; an unknown field is ignored.
        {"\xEF\xBB\xBF {\"signatureId\":\"sig-3\",\"type\":\"REVIEW_STARTED\",\"extra\":[1]}",
         "sig-3", "REVIEW_STARTED"},
    };
    for (const Case& c : cases) {
        const Callback callback = advanceai::parse_callback(c.body);
        CHECK(callback.signature_id == c.signature_id);
        CHECK(callback.type == c.type);
        // A copy outlives nothing: it is a value.
        const Callback copy = callback;
        CHECK(copy.signature_id == callback.signature_id && copy.type == callback.type);
    }
    CHECK(advanceai::parse_callback(R"({"type":"COMPLETED"})").type ==
          advanceai::callback_type::completed);
    CHECK(advanceai::parse_callback(R"({"type":"SUBMIT_COMPLETED"})").type ==
          advanceai::callback_type::submit_completed);
    const Callback empty = advanceai::parse_callback(R"({"signatureId":null})");
    CHECK(!empty.signature_id.has_value() && !empty.type.has_value());

    // An embedded NUL is a byte of the body, never its end: cut there, this body would be
    // a valid callback; whole, it has bytes after the JSON.
    static constexpr char with_nul[] = "{\"signatureId\":\"SECRETNAME\",\"type\":\"COMPLETED\"}\0tail";
    const std::string_view unreadable[] = {
        R"({"signatureId":123,"type":"COMPLETED"})",
        R"({"signatureId":"a","type":["COMPLETED"]})",
        R"({"signatureId":"a","type":"COMPLETED","type":"X"})",
        R"({"signatureId":"SECRETNAME)",
        "[]",
        "<html>502</html>",
        "",
        "   ",
        std::string_view(with_nul, sizeof with_nul - 1),
    };
    for (const std::string_view body : unreadable) {
        const auto e = error_of([&] { (void)advanceai::parse_callback(body); });
        CHECK(e && e->status() == Status::ParseError);
        CHECK(e && advanceai::status_name(e->status()) == "PARSE_ERROR");
        CHECK(e && !e->message().empty() && !contains(e->what(), "SECRETNAME"));
        CHECK(e && !e->code().has_value());
        CHECK(e && !e->retryable() && !e->refuses_account());
    }
    // A default string_view: no bytes at all (NULL with a length of 0 for C).
    const auto e = error_of([] { (void)advanceai::parse_callback(std::string_view()); });
    CHECK(e && e->status() == Status::ParseError);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <sandbox base URL (unused)>\n", argv[0]);
        return 2;
    }
    run("parse", [] { test_parse(); });
    run("new fields", [] { test_new_fields(); });
    run("callback", [] { test_callback(); });
    return finish("test_parse");
}
