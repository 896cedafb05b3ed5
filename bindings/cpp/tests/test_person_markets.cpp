// test_person_markets.cpp: every PersonField, market by market. One H5 transaction per
// market of the sandbox (NGA BVN, IDN NIK, BRA CPF, ARG DNI, ZAF SAID), completed through
// POST /sandbox/complete with a pass, or with the failure one check is about
// (NAME_NOT_MATCH, SIMILARITY_FAILED); each of the 30 fields of its Get Result is compared
// with the sandbox's record, and every field the market's shape does not send must be
// std::nullopt. Then every field through parse_get_result, each from its own wire key,
// nulls as std::nullopt and unknown values as sent. Usage: test_person_markets <sandbox
// base URL>. Never prints person fields: a failure names the case and the field's number.
#include "support.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using advanceai::Client;
using advanceai::GetResult;
using advanceai::PersonField;
using advanceai::UrlRequest;
using namespace test_support;

using F = PersonField;

/// Every PersonField, in the order of its values.
constexpr std::array<PersonField, 30> kAllFields = {
    F::FirstName, F::MiddleName, F::LastName, F::Gender, F::Birthday, F::PhoneNumber, F::Bvn,
    F::NumberValue, F::PhoneNumber1, F::PhoneNumber2, F::NumberTypeInfoNumberType,
    F::NumberTypeInfoRegion, F::Nin, F::FullName, F::Email, F::CpfStatus, F::MotherName,
    F::TaxId, F::TaxIdType, F::VerificationNumberValue, F::VerificationFullName,
    F::VerificationDob, F::VerificationFace, F::AddressNumber, F::AddressCity,
    F::AddressStreet, F::AddressPostalCode, F::AddressNeighborhood, F::AddressState,
    F::AddressType,
};

/// The values are the C enum's, 0 to the last C field with no gap: kAllFields is every
/// field, and the C values stay what they were.
constexpr bool numbered_in_order() {
    for (std::size_t i = 0; i < kAllFields.size(); ++i) {
        if (static_cast<std::uint32_t>(kAllFields[i]) != i) {
            return false;
        }
    }
    return true;
}
static_assert(numbered_in_order());
static_assert(kAllFields.size() == ADVANCEAI_PERSON_ADDRESS_TYPE + 1);
static_assert(static_cast<std::uint32_t>(F::Nin) == 12 &&
              static_cast<std::uint32_t>(F::VerificationNumberValue) == 19 &&
              static_cast<std::uint32_t>(F::AddressType) == 29);

/// The fields a record must have, with their values; every other field must be absent.
using Record = std::vector<std::pair<PersonField, std::string_view>>;

/// Compares `person` (a reader of one field) with `want` field by field. A difference
/// prints the case and the field's number, never a value.
template <typename Reader>
void check_record(const std::string& what, const Reader& person, const Record& want) {
    for (const PersonField field : kAllFields) {
        std::optional<std::string_view> expected;
        for (const auto& [wanted, value] : want) {
            if (wanted == field) {
                expected = value;
            }
        }
        const std::optional<std::string> got = person(field);
        const bool same = expected ? got == *expected : !got.has_value();
        if (!same) {
            std::fprintf(stderr, "%s: person field %u %s\n", what.c_str(),
                         static_cast<unsigned>(field),
                         expected ? "is not the expected value" : "is present, expected absent");
        }
        CHECK(same);
    }
}

/// `base` with `field` set to `value` (a field of `base` or a new one).
Record with(Record base, PersonField field, std::string_view value) {
    for (auto& [f, v] : base) {
        if (f == field) {
            v = value;
            return base;
        }
    }
    base.emplace_back(field, value);
    return base;
}

// The sandbox's person is derived from the request's number (the same on every run), in
// the shape and masking of the market's DocDatabaseDetail example (non-doc-flow.md §4.7;
// crates/sandbox/src/person_markets.rs). What follows from the request shows below (the
// masked or punctuated number, Indonesia's masked full name), and so do the documented
// constants (cpfStatus Regular, address type residential, each check pass unless the
// outcome is about it); names, dates, phones and the address are the number's fake person.

const Record kBvn = {
    {F::FirstName, "O*******n"}, {F::MiddleName, "T******e"}, {F::LastName, "O****r"},
    {F::Gender, "MALE"}, {F::Birthday, "1962/03/10"}, {F::PhoneNumber, "080******46"},
    {F::PhoneNumber2, ""}, {F::Bvn, "22********1"}, {F::NumberValue, "22********1"},
    {F::NumberTypeInfoNumberType, "NG_BVN"}, {F::NumberTypeInfoRegion, "NGA"},
};

const Record kNik = {
    {F::Gender, "MALE"}, {F::Birthday, "1965/**/**"}, {F::PhoneNumber, "+62*******5688"},
    {F::NumberValue, "************8901"}, {F::NumberTypeInfoNumberType, "ID_NIK"},
    {F::NumberTypeInfoRegion, "IDN"},
    {F::FullName, "R*** W*****"},  // "Rina Wijaya", given to Generate URL
    {F::Email, "r*********a@*******.com"}, {F::VerificationNumberValue, "pass"},
    {F::VerificationFullName, "pass"}, {F::VerificationDob, "pass"},
    {F::VerificationFace, "pass"},
};

const Record kCpf = {
    {F::Gender, "MALE"}, {F::Birthday, "1975/04/12"}, {F::NumberValue, "078.734.383-84"},
    {F::NumberTypeInfoNumberType, "BR_CPF"}, {F::NumberTypeInfoRegion, "BRA"},
    {F::FullName, "OLUWASEUN KELECHI OKAFOR"}, {F::CpfStatus, "Regular"},
    {F::MotherName, "ADAEZE OKAFOR"}, {F::VerificationFace, "pass"},
    {F::AddressNumber, "614"}, {F::AddressCity, "SALVADOR"},
    {F::AddressStreet, "AVENIDA BEIRA MAR"}, {F::AddressPostalCode, "06834163"},
    {F::AddressNeighborhood, "ALDEOTA"}, {F::AddressState, "BA"},
    {F::AddressType, "residential"},
};

const Record kDni = {
    {F::FirstName, "F*******o"}, {F::LastName, "I****e"}, {F::Gender, "MALE"},
    {F::Birthday, "1971/09/03"}, {F::NumberValue, "12*****8"},
    {F::NumberTypeInfoNumberType, "AR_DNI"}, {F::NumberTypeInfoRegion, "ARG"},
    {F::FullName, "F******** T******* I*****"}, {F::VerificationFace, "pass"},
};

// Only the "Common" rows: numberValue, numberTypeInfo, verification.face.
const Record kSaid = {
    {F::NumberValue, "80**********7"}, {F::NumberTypeInfoNumberType, "ZA_SAID"},
    {F::NumberTypeInfoRegion, "ZAF"}, {F::VerificationFace, "pass"},
};

/// One H5 transaction of a market and the record its Get Result must hold.
struct Flow {
    const char* title;
    const char* region;
    const char* number_type;
    const char* number;
    std::optional<std::string_view> full_name;
    std::optional<std::string_view> gender;
    const char* outcome;
    bool passed;
    Record want;
};

void test_flow(const std::string& base_url, const Client& client, const Flow& flow) {
    UrlRequest request("person-" + std::string(flow.region) + "-" + std::to_string(now_ms()),
                       "user-cpp", flow.region, flow.number_type, "https://example.com/ok",
                       "https://example.com/fail");
    request.number_value(flow.number).full_name(flow.full_name).gender(flow.gender);
    const std::string id = client.generate_url(request).signature_id().value_or("");
    CHECK(!id.empty());
    CHECK(complete(base_url, id, flow.outcome));
    const GetResult result = client.get_result(id);
    CHECK(result.is_final() && result.passed() == flow.passed);
    CHECK(result.country_code_iso3() == flow.region);
    check_record(flow.title, [&](PersonField f) { return result.person(f); }, flow.want);
}

void test_markets(const std::string& base_url, const Client& client) {
    const std::vector<Flow> flows = {
        {"NGA BVN", "NGA", "BVN", "22345678901", std::nullopt, std::nullopt, "PASS", true, kBvn},
        {"IDN NIK", "IDN", "NIK", "3174012345678901", "Rina Wijaya", std::nullopt, "PASS", true,
         kNik},
        // The name check failed: verification.fullName is "fail", the other checks pass.
        {"IDN NIK name not matched", "IDN", "NIK", "3174012345678901", "Rina Wijaya",
         std::nullopt, "NAME_NOT_MATCH", false, with(kNik, F::VerificationFullName, "fail")},
        {"BRA CPF", "BRA", "CPF", "07873438384", std::nullopt, std::nullopt, "PASS", true, kCpf},
        // The face did not match: verification.face is "fail".
        {"BRA CPF face not matched", "BRA", "CPF", "07873438384", std::nullopt, std::nullopt,
         "SIMILARITY_FAILED", false, with(kCpf, F::VerificationFace, "fail")},
        {"ARG DNI", "ARG", "DNI", "12345678", std::nullopt, "MALE", "PASS", true, kDni},
        {"ZAF SAID", "ZAF", "SAID", "8001015009087", std::nullopt, std::nullopt, "PASS", true,
         kSaid},
    };
    for (const Flow& flow : flows) {
        run(flow.title, [&] { test_flow(base_url, client, flow); });
    }
}

/// Every field of a Get Result person record, each with its own value.
const char* const kEveryField =
    R"({"code":"SUCCESS","message":"OK","data":{"signatureId":"sig-all",)"
    R"("overallResult":"PASS","errorCode":"SUCCESS","docDatabaseDetail":{)"
    R"("firstName":"v-first","middleName":"v-middle","lastName":"v-last","gender":"female",)"
    R"("birthday":"1976/**/**","phoneNumber":"v-phone","bvn":"v-bvn","numberValue":"v-number",)"
    R"("phoneNumber1":"v-phone1","phoneNumber2":"v-phone2",)"
    R"("numberTypeInfo":{"numberType":"v-type","region":"v-region"},)"
    R"("nin":"v-nin","fullName":"v-full","email":"v-email","cpfStatus":"Holder's Death",)"
    R"("motherName":"v-mother","taxId":"v-tax","taxIdType":"v-tax-type",)"
    R"("verification":{"numberValue":"pass","fullName":"fail","dob":"NOT_CHECKED",)"
    R"("face":"PARTIAL"},"address":{"number":"SN","city":"v-city","street":"v-street",)"
    R"("postalCode":"v-postal","neighborhood":"v-neighborhood","state":"v-state",)"
    R"("type":"v-address-type"}}}})";

void test_parsed_fields() {
    GetResult every = advanceai::parse_get_result(kEveryField);
    check_record("every field", [&](PersonField f) { return every.person(f); },
                 {
                     {F::FirstName, "v-first"}, {F::MiddleName, "v-middle"},
                     {F::LastName, "v-last"}, {F::Gender, "FEMALE"},
                     {F::Birthday, "1976/**/**"}, {F::PhoneNumber, "v-phone"},
                     {F::Bvn, "v-bvn"}, {F::NumberValue, "v-number"},
                     {F::PhoneNumber1, "v-phone1"}, {F::PhoneNumber2, "v-phone2"},
                     {F::NumberTypeInfoNumberType, "v-type"},
                     {F::NumberTypeInfoRegion, "v-region"}, {F::Nin, "v-nin"},
                     {F::FullName, "v-full"}, {F::Email, "v-email"},
                     {F::CpfStatus, "Holder's Death"}, {F::MotherName, "v-mother"},
                     {F::TaxId, "v-tax"}, {F::TaxIdType, "v-tax-type"},
                     // Unknown check results are kept as sent, case included.
                     {F::VerificationNumberValue, "pass"}, {F::VerificationFullName, "fail"},
                     {F::VerificationDob, "NOT_CHECKED"}, {F::VerificationFace, "PARTIAL"},
                     {F::AddressNumber, "SN"}, {F::AddressCity, "v-city"},
                     {F::AddressStreet, "v-street"}, {F::AddressPostalCode, "v-postal"},
                     {F::AddressNeighborhood, "v-neighborhood"}, {F::AddressState, "v-state"},
                     {F::AddressType, "v-address-type"},
                 });
    // Nulls are absent, nested ones included; an unknown cpfStatus is kept as sent.
    const GetResult nulls = advanceai::parse_get_result(
        R"({"code":"SUCCESS","message":"OK","data":{"signatureId":"s","overallResult":"PASS",)"
        R"("errorCode":"SUCCESS","docDatabaseDetail":{"nin":null,"cpfStatus":"Cancelled",)"
        R"("verification":{"numberValue":null,"fullName":null,"dob":null,"face":"pass"},)"
        R"("address":{"city":"ARACOIABA","number":null}}}})");
    check_record("nulls", [&](PersonField f) { return nulls.person(f); },
                 {{F::CpfStatus, "Cancelled"}, {F::VerificationFace, "pass"},
                  {F::AddressCity, "ARACOIABA"}});
    // The first value past the last field is not a field.
    CHECK(!every.person(static_cast<PersonField>(ADVANCEAI_PERSON_ADDRESS_TYPE + 1)));
    // A moved-from result has no field.
    const GetResult moved = std::move(every);
    CHECK(moved.person(F::AddressCity) == "v-city");
    CHECK(!every.person(F::AddressCity).has_value());

    // A database verification answer reads the same fields.
    const auto verification = advanceai::parse_verification(
        R"({"code":"SUCCESS","message":"OK","data":{"signatureId":"s","overallResult":"PASS",)"
        R"("errorCode":"","docDatabaseDetail":{"nin":"v-nin","fullName":"v-full",)"
        R"("verification":{"face":"fail"}}}})");
    check_record("verification", [&](PersonField f) { return verification.person(f); },
                 {{F::Nin, "v-nin"}, {F::FullName, "v-full"}, {F::VerificationFace, "fail"}});
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: test_person_markets <sandbox base URL>\n");
        return 2;
    }
    const std::string base_url = argv[1];
    run("parsed_fields", test_parsed_fields);
    std::optional<Client> client;
    run("client", [&] { client.emplace(sandbox_config(base_url)); });
    if (client) {
        run("markets", [&] { test_markets(base_url, *client); });
    }
    return finish("test_person_markets");
}
