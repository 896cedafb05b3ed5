//! The `address` sub-object of a person record (Brazil's CPF shape).

use std::fmt;

use crate::Pii;
use crate::pii::debug_present_fields;

wire_record! {
    /// `address`: where the database says the person lives.
    ///
    /// The keys come from the Brazil (CPF) example (non-doc-flow.md §4.5); the vendor gives
    /// no per-key descriptions, so every value is kept as the opaque text it sent (the
    /// example's `number` is `"SN"`, "sem número", not a number). Other keys are kept in
    /// `unknown_fields`. `Debug` shows only which keys are present.
    pub struct Address {
        /// House number as sent (`"SN"` when there is none).
        "number" => pub number: Pii,
        /// City.
        "city" => pub city: Pii,
        /// Street.
        "street" => pub street: Pii,
        /// Postal code as sent (the example's is 8 digits, unpunctuated).
        "postalCode" => pub postal_code: Pii,
        /// Neighbourhood.
        "neighborhood" => pub neighborhood: Pii,
        /// State (the example's is a two-letter code, `"CE"`).
        "state" => pub state: Pii,
        /// Kind of address (the example's is `"residential"`; no list of values is
        /// documented).
        "type" => pub address_type: Pii,
    }
    absent = skip
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_present_fields(
            f,
            "Address",
            &[
                ("number", self.number.is_some()),
                ("city", self.city.is_some()),
                ("street", self.street.is_some()),
                ("postal_code", self.postal_code.is_some()),
                ("neighborhood", self.neighborhood.is_some()),
                ("state", self.state.is_some()),
                ("address_type", self.address_type.is_some()),
            ],
            &self.unknown_fields,
        )
    }
}
