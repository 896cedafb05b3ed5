// advanceai/status.hpp: the status and person-field enums, and the library's names and
// texts for them. Part of advanceai.hpp (include that).
#ifndef ADVANCEAI_STATUS_HPP
#define ADVANCEAI_STATUS_HPP

#include "advanceai.h"

#include <cstdint>
#include <string_view>

namespace advanceai {

/// The status of a failed call; same numeric values as advanceai_status.
enum class Status : std::uint32_t {
    Ok = ADVANCEAI_STATUS_OK,
    NullParameter = ADVANCEAI_STATUS_NULL_PARAMETER,
    InvalidUtf8 = ADVANCEAI_STATUS_INVALID_UTF8,
    InvalidInput = ADVANCEAI_STATUS_INVALID_INPUT,
    ApiError = ADVANCEAI_STATUS_API_ERROR,
    TransportError = ADVANCEAI_STATUS_TRANSPORT_ERROR,
    Timeout = ADVANCEAI_STATUS_TIMEOUT,
    UnexpectedResponse = ADVANCEAI_STATUS_UNEXPECTED_RESPONSE,
    ParseError = ADVANCEAI_STATUS_PARSE_ERROR,
    ResponseTooLarge = ADVANCEAI_STATUS_RESPONSE_TOO_LARGE,
    ConfigError = ADVANCEAI_STATUS_CONFIG_ERROR,
    ResultPending = ADVANCEAI_STATUS_RESULT_PENDING,
    Panic = ADVANCEAI_STATUS_PANIC,
    MissingData = ADVANCEAI_STATUS_MISSING_DATA,
};

/// A person field of a result, read with VerificationResult::person and GetResult::person;
/// same numeric values as advanceai_person_field. Database verification sends
/// PhoneNumber1/PhoneNumber2, Get Result (Nigeria) PhoneNumber, Bvn, NumberValue and the
/// NumberTypeInfo fields; each market sends its own subset of the rest (Indonesia FullName,
/// Email and the Verification fields; Brazil FullName, CpfStatus, MotherName, the Address
/// fields and VerificationFace; Argentina FullName, TaxId, TaxIdType). A nested field
/// (verification.face, address.city) is its own value.
enum class PersonField : std::uint32_t {
    FirstName = ADVANCEAI_PERSON_FIRST_NAME,
    MiddleName = ADVANCEAI_PERSON_MIDDLE_NAME,
    LastName = ADVANCEAI_PERSON_LAST_NAME,
    /// gender, in capitals ("MALE", "FEMALE") whatever case the database used.
    Gender = ADVANCEAI_PERSON_GENDER,
    /// birthday, as sent ("yyyy-MM-dd", "yyyy/MM/dd", or partly masked: "1976/**/**").
    Birthday = ADVANCEAI_PERSON_BIRTHDAY,
    PhoneNumber = ADVANCEAI_PERSON_PHONE_NUMBER,
    Bvn = ADVANCEAI_PERSON_BVN,
    NumberValue = ADVANCEAI_PERSON_NUMBER_VALUE,
    /// phoneNumber1: the primary phone number (database verification's shape).
    PhoneNumber1 = ADVANCEAI_PERSON_PHONE_NUMBER1,
    /// phoneNumber2: the secondary phone number; may be empty.
    PhoneNumber2 = ADVANCEAI_PERSON_PHONE_NUMBER2,
    /// numberTypeInfo.numberType: the vendor's name of the kind of number the record was
    /// found by ("NG_BVN"), not the request's numberType.
    NumberTypeInfoNumberType = ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE,
    /// numberTypeInfo.region: ISO 3166-1 alpha-3.
    NumberTypeInfoRegion = ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION,
    /// nin: the Nigerian National Identity Number.
    Nin = ADVANCEAI_PERSON_NIN,
    /// fullName (Indonesia: the name given to Generate URL, masked; Brazil, Argentina).
    FullName = ADVANCEAI_PERSON_FULL_NAME,
    Email = ADVANCEAI_PERSON_EMAIL,
    /// cpfStatus (Brazil): "Regular", "Holder's Death", "Suspended", "Not exist", or
    /// another value as sent.
    CpfStatus = ADVANCEAI_PERSON_CPF_STATUS,
    /// motherName (Brazil).
    MotherName = ADVANCEAI_PERSON_MOTHER_NAME,
    /// taxId (Argentina), as sent.
    TaxId = ADVANCEAI_PERSON_TAX_ID,
    /// taxIdType (Argentina), as sent.
    TaxIdType = ADVANCEAI_PERSON_TAX_ID_TYPE,
    /// verification.numberValue: "pass", "fail" (lowercase, as sent) or another value as
    /// sent; empty when not checked.
    VerificationNumberValue = ADVANCEAI_PERSON_VERIFICATION_NUMBER_VALUE,
    /// verification.fullName: as VerificationNumberValue.
    VerificationFullName = ADVANCEAI_PERSON_VERIFICATION_FULL_NAME,
    /// verification.dob: as VerificationNumberValue.
    VerificationDob = ADVANCEAI_PERSON_VERIFICATION_DOB,
    /// verification.face: as VerificationNumberValue.
    VerificationFace = ADVANCEAI_PERSON_VERIFICATION_FACE,
    /// address.number (Brazil), as sent ("SN" when there is none).
    AddressNumber = ADVANCEAI_PERSON_ADDRESS_NUMBER,
    AddressCity = ADVANCEAI_PERSON_ADDRESS_CITY,
    AddressStreet = ADVANCEAI_PERSON_ADDRESS_STREET,
    AddressPostalCode = ADVANCEAI_PERSON_ADDRESS_POSTAL_CODE,
    AddressNeighborhood = ADVANCEAI_PERSON_ADDRESS_NEIGHBORHOOD,
    /// address.state: the state's code ("CE").
    AddressState = ADVANCEAI_PERSON_ADDRESS_STATE,
    /// address.type: the kind of address ("residential").
    AddressType = ADVANCEAI_PERSON_ADDRESS_TYPE,
};

/// The library version ("0.1.0").
inline std::string_view version() noexcept {
    const char* text = advanceai_version();
    return text != nullptr ? std::string_view(text) : std::string_view();
}

/// The library's name of a status, its C identifier without the ADVANCEAI_STATUS_ prefix
/// ("API_ERROR", "NULL_PARAMETER"): stable, for logs and for matching the CLI's and the
/// other bindings' error kinds, which use the same names. "UNKNOWN" for a value that is
/// not a status. A view of a static string.
inline std::string_view status_name(Status status) noexcept {
    const char* text = advanceai_status_name(static_cast<std::uint32_t>(status));
    return text != nullptr ? std::string_view(text) : std::string_view("UNKNOWN");
}

/// A short English description of a status ("unknown status" for a value this library
/// does not know).
inline std::string_view status_message(Status status) noexcept {
    const char* text = advanceai_status_message(static_cast<std::uint32_t>(status));
    return text != nullptr ? std::string_view(text) : std::string_view("unknown status");
}

}  // namespace advanceai

#endif  // ADVANCEAI_STATUS_HPP
