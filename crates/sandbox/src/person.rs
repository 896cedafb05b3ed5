//! Deterministic test outcomes and fake people.
//!
//! Every number maps to the same answer on every run and every machine: the fake person is
//! derived from a 64-bit FNV-1a hash of the number, not from a random source.

use advanceai_core::{
    Birthday, ErrorCode, Gender, NumberTypeInfo, OverallResult, PersonRecord, Pii, mask,
};

/// One row of the database-verification test-number table.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TestNumber {
    pub(crate) number: &'static str,
    pub(crate) overall_result: &'static str,
    pub(crate) error_code: &'static str,
}

/// The documented test numbers; every other valid number passes.
pub(crate) const TEST_NUMBERS: &[TestNumber] = &[
    TestNumber {
        number: "22222222222",
        overall_result: "PASS",
        error_code: "",
    },
    TestNumber {
        number: "00000000000",
        overall_result: "FAIL",
        error_code: "NUMBER_NOT_EXIST",
    },
    TestNumber {
        number: "11111111111",
        overall_result: "FAIL",
        error_code: "BVN_SUSPEND",
    },
    TestNumber {
        number: "33333333333",
        overall_result: "FAIL",
        error_code: "INFO_ABNORMAL",
    },
    TestNumber {
        number: "55555555555",
        overall_result: "FAIL",
        error_code: "INVALID_FORMAT",
    },
    TestNumber {
        number: "44444444444",
        overall_result: "INCOMPLETE",
        error_code: "ERROR",
    },
];

/// The verdict for a valid number: `(overallResult, errorCode)` as the wire spells them.
pub(crate) fn verdict_for(number: &str) -> (OverallResult, ErrorCode) {
    TEST_NUMBERS
        .iter()
        .find(|row| row.number == number)
        .map(|row| {
            (
                OverallResult::from_wire(row.overall_result),
                ErrorCode::from_wire(row.error_code),
            )
        })
        .unwrap_or((OverallResult::Pass, ErrorCode::Success))
}

const FIRST_NAMES: &[&str] = &[
    "Tochukwu",
    "Adaeze",
    "Oluwaseun",
    "Chiamaka",
    "Ibrahim",
    "Funmilayo",
    "Emeka",
    "Ngozi",
];
const MIDDLE_NAMES: &[&str] = &[
    "Chinedu", "Abiola", "", "Kelechi", "Temitope", "", "Uche", "Bola",
];
const LAST_NAMES: &[&str] = &[
    "Ibekwe", "Okafor", "Adeyemi", "Balogun", "Eze", "Okonkwo", "Abubakar", "Nwosu",
];

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn pick(list: &[&'static str], bits: u64) -> &'static str {
    let len = u64::try_from(list.len()).unwrap_or(1).max(1);
    let index = usize::try_from(bits % len).unwrap_or(0);
    list.get(index).copied().unwrap_or_default()
}

/// A fake person, unmasked, derived from `seed` (an ID number or a signatureId).
#[derive(Clone, Debug)]
pub(crate) struct FakePerson {
    pub(crate) first_name: &'static str,
    pub(crate) middle_name: &'static str,
    pub(crate) last_name: &'static str,
    pub(crate) female: bool,
    pub(crate) year: u64,
    pub(crate) month: u64,
    pub(crate) day: u64,
    pub(crate) phone: String,
    pub(crate) number: String,
}

impl FakePerson {
    pub(crate) fn from_seed(seed: &str) -> Self {
        let hash = fnv1a(seed);
        let number = if seed.len() == 11 && seed.bytes().all(|b| b.is_ascii_digit()) {
            seed.to_owned()
        } else {
            format!("22{:09}", hash % 1_000_000_000)
        };
        Self {
            first_name: pick(FIRST_NAMES, hash),
            middle_name: pick(MIDDLE_NAMES, hash >> 8),
            last_name: pick(LAST_NAMES, hash >> 16),
            female: (hash >> 24) & 1 == 1,
            year: 1960 + (hash >> 25) % 45,
            month: 1 + (hash >> 32) % 12,
            day: 1 + (hash >> 40) % 28,
            phone: format!("080{:08}", (hash >> 20) % 100_000_000),
            number,
        }
    }

    fn masked_name(name: &str) -> Pii {
        Pii::new(mask(name, 1, 1))
    }

    /// The database-verification shape: `phoneNumber1`, `phoneNumber2`, `yyyy-MM-dd`; core's
    /// wire form writes its `gender` `Male` / `Female`.
    pub(crate) fn verification_record(&self) -> PersonRecord {
        let mut record = PersonRecord::default();
        record.first_name = Some(Self::masked_name(self.first_name));
        record.middle_name = Some(Self::masked_name(self.middle_name));
        record.last_name = Some(Self::masked_name(self.last_name));
        record.gender = Some(self.gender());
        record.birthday = Some(Birthday::new(format!(
            "{:04}-{:02}-{:02}",
            self.year, self.month, self.day
        )));
        record.phone_number1 = Some(Pii::new(mask(&self.phone, 3, 2)));
        record.phone_number2 = Some(Pii::new(""));
        record
    }

    /// Get Result's Nigeria shape: `bvn`, `numberValue`, `numberTypeInfo`, `phoneNumber`,
    /// `FEMALE`, `yyyy/MM/dd`.
    pub(crate) fn get_result_record(&self, number_type: &str, region: &str) -> PersonRecord {
        let mut record = PersonRecord::default();
        let masked_number = Pii::new(mask(&self.number, 2, 1));
        record.bvn = Some(masked_number.clone());
        record.number_value = Some(masked_number);
        let mut info = NumberTypeInfo::default();
        info.number_type = Some(format!("NG_{number_type}"));
        info.region = Some(region.to_owned());
        record.number_type_info = Some(info);
        record.first_name = Some(Self::masked_name(self.first_name));
        record.middle_name = Some(Self::masked_name(self.middle_name));
        record.last_name = Some(Self::masked_name(self.last_name));
        record.gender = Some(self.gender());
        record.birthday = Some(Birthday::new(format!(
            "{:04}/{:02}/{:02}",
            self.year, self.month, self.day
        )));
        record.phone_number = Some(Pii::new(mask(&self.phone, 3, 2)));
        record.phone_number2 = Some(Pii::new(""));
        record
    }

    pub(crate) fn gender(&self) -> Gender {
        if self.female {
            Gender::Female
        } else {
            Gender::Male
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_number_same_person() {
        let a = FakePerson::from_seed("12345678901");
        let b = FakePerson::from_seed("12345678901");
        assert_eq!(a.first_name, b.first_name);
        assert_eq!(a.phone, b.phone);
        assert_eq!(a.number, "12345678901");
        assert_eq!(a.phone.len(), 11);
        let c = FakePerson::from_seed("f302f5d2454a85c2");
        assert_eq!(c.number.len(), 11);
        assert!((1..=28).contains(&c.day) && (1..=12).contains(&c.month));
    }

    #[test]
    fn table_verdicts() {
        assert_eq!(
            verdict_for("22222222222"),
            (OverallResult::Pass, ErrorCode::Success)
        );
        assert_eq!(
            verdict_for("98765432109"),
            (OverallResult::Pass, ErrorCode::Success)
        );
        assert_eq!(
            verdict_for("44444444444"),
            (OverallResult::Incomplete, ErrorCode::Error)
        );
    }
}
