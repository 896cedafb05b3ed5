//! The person record (`docDatabaseDetail`) and its nested records: personal data, readable
//! field by field, never shown by `repr()` (the core's `Debug` names the present fields
//! only).

use advanceai_transport::{Address, NumberTypeInfo, PersonRecord, PersonVerification};
use pyo3::prelude::*;

record! {
    /// `docDatabaseDetail`: the person as the authoritative database knows them, one
    /// lenient record for every market; values as sent (often masked by the vendor).
    PyPersonRecord(PersonRecord) as "PersonRecord" {
        text { tax_id_type }
        wire { gender, cpf_status }
        exposed {
            first_name,
            middle_name,
            last_name,
            birthday,
            phone_number,
            phone_number1,
            phone_number2,
            bvn,
            number_value,
            nin,
            full_name,
            email,
            mother_name,
            tax_id,
        }
        nested {
            number_type_info: PyNumberTypeInfo,
            verification: PyPersonVerification,
            address: PyAddress,
        }
    }

    /// The birthday as a `datetime.date` when it is a full `yyyy/MM/dd` or `yyyy-MM-dd`
    /// date (not masked); `None` otherwise.
    #[getter]
    fn birthday_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(date) = self.0.birthday.as_ref().and_then(|birthday| birthday.date()) else {
            return Ok(None);
        };
        let class = py.import("datetime")?.getattr("date")?;
        let month: u8 = date.month().into();
        Ok(Some(class.call1((date.year(), month, date.day()))?))
    }
}

record! {
    /// `numberTypeInfo`: the kind of ID number the record was found by.
    PyNumberTypeInfo(NumberTypeInfo) as "NumberTypeInfo" {
        text { number_type, region }
    }
}

record! {
    /// `verification`: the per-field check results (`pass`, `fail`, or a value kept as
    /// sent).
    PyPersonVerification(PersonVerification) as "PersonVerification" {
        wire { number_value, full_name, dob, face }
    }
}

record! {
    /// `address` (Brazil): personal data, every field.
    PyAddress(Address) as "Address" {
        exposed { number, city, street, postal_code, neighborhood, state, address_type }
    }
}
