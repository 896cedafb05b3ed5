//! Get Result's person record in each market's documented shape.
//!
//! Each shape has the fields of that market's example on the DocDatabaseDetail page
//! (non-doc-flow.md §4.7), masked the way the example is masked (§9.4):
//!
//! * IDN (`ID_NIK`): `numberValue` with only its last 4 digits shown, each word of
//!   `fullName` (the one given to Generate URL) with only its first letter, `birthday` with only the year
//!   (`1976/**/**`), `phoneNumber` `+62*******4455`, `email` `w*****c@***.com`, and the
//!   four per-field checks;
//! * BRA (`BR_CPF`): nothing masked, as in the example: the punctuated CPF, full names in
//!   capitals, `cpfStatus`, `motherName`, `address`, and only the `face` check.
//!
//! The page's ARG and ZAF examples are not readable. ARG gets the fields its presence row
//! lists (§4.2) whose format another market documents (`firstName`, `lastName`,
//! `fullName`, `gender`, `birthday`, `verification.face`), masked as Nigeria masks; not
//! `taxId` / `taxIdType`, whose values are undocumented. ZAF gets only the "Common" rows:
//! `numberValue`, `numberTypeInfo`, `verification.face`.

use advanceai_core::{
    Address, Birthday, CheckResult, CpfStatus, PersonRecord, PersonVerification, Pii, mask,
};

use crate::person::{FakePerson, pick};

const STREETS: &[&str] = &[
    "COMENDADOR EUGENIO CASTRO SILVA",
    "RUA DAS FLORES",
    "AVENIDA BEIRA MAR",
    "RUA SAO JOSE",
];
const CITIES: &[(&str, &str)] = &[
    ("ARACOIABA", "CE"),
    ("FORTALEZA", "CE"),
    ("RECIFE", "PE"),
    ("SALVADOR", "BA"),
];
const NEIGHBORHOODS: &[&str] = &["CENTRO", "ALDEOTA", "BOA VIAGEM", "BARRA"];

/// Each word of `name` with only its first character shown (`R**** I**********`).
fn mask_words(name: &str) -> String {
    name.split(' ')
        .map(|word| mask(word, 1, 0))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `w*****c@***.com`: the local part's first and last characters, the domain's
/// top-level part.
fn mask_email(email: &str) -> String {
    let Some((local, domain)) = email.split_once('@') else {
        return mask(email, 0, 0);
    };
    let (name, tld) = domain.rsplit_once('.').unwrap_or((domain, ""));
    format!("{}@{}.{tld}", mask(local, 1, 1), mask(name, 0, 0))
}

/// `078.734.383-84`: an 11-digit CPF punctuated; anything else as it is.
fn punctuate_cpf(number: &str) -> String {
    match (
        number.get(0..3),
        number.get(3..6),
        number.get(6..9),
        number.get(9..),
    ) {
        (Some(a), Some(b), Some(c), Some(d)) if number.len() == 11 => format!("{a}.{b}.{c}-{d}"),
        _ => number.to_owned(),
    }
}

fn checks(all: bool) -> PersonVerification {
    let mut checks = PersonVerification::default();
    if all {
        checks.number_value = Some(CheckResult::Pass);
        checks.full_name = Some(CheckResult::Pass);
        checks.dob = Some(CheckResult::Pass);
    }
    checks.face = Some(CheckResult::Pass);
    checks
}

impl FakePerson {
    /// The name as one string: given, middle (when there is one), family.
    fn full_name(&self) -> String {
        [&self.first_name, &self.middle_name, &self.last_name]
            .into_iter()
            .map(String::as_str)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn slash_date(&self) -> String {
        format!("{:04}/{:02}/{:02}", self.year, self.month, self.day)
    }

    /// Indonesia's shape. `fullName` is the person's, which is the one given to Generate
    /// URL ("From Generate URL input", §4.2; [`FakePerson::described_by`]).
    pub(crate) fn idn_record(&self, record: &mut PersonRecord) {
        record.number_value = Some(Pii::new(mask(&self.number, 0, 4)));
        record.full_name = Some(Pii::new(mask_words(&self.full_name())));
        record.gender = Some(self.gender());
        record.birthday = Some(Birthday::new(format!("{:04}/**/**", self.year)));
        // `+62` and 11 digits, as in the example.
        let phone = format!("+6281{}", self.phone.get(2..).unwrap_or_default());
        record.phone_number = Some(Pii::new(mask(&phone, 3, 4)));
        // `first.last@example.com`, or one name when the person has only one.
        let local = [&self.first_name, &self.last_name]
            .into_iter()
            .filter(|part| !part.is_empty())
            .map(|part| part.to_lowercase())
            .collect::<Vec<_>>()
            .join(".");
        let email = format!("{local}@example.com");
        record.email = Some(Pii::new(mask_email(&email)));
        record.verification = Some(checks(true));
    }

    /// Brazil's shape: unmasked, names in capitals.
    pub(crate) fn bra_record(&self, record: &mut PersonRecord) {
        let hash = self.hash;
        record.number_value = Some(Pii::new(punctuate_cpf(&self.number)));
        record.full_name = Some(Pii::new(self.full_name().to_uppercase()));
        record.gender = Some(self.gender());
        record.birthday = Some(Birthday::new(self.slash_date()));
        record.cpf_status = Some(CpfStatus::Regular);
        let mother = format!(
            "{} {}",
            pick(crate::person::FIRST_NAMES, hash >> 44),
            self.last_name
        );
        record.mother_name = Some(Pii::new(mother.to_uppercase()));
        let (city, state) = CITIES
            .get(usize::try_from((hash >> 48) % 4).unwrap_or(0))
            .copied()
            .unwrap_or(("ARACOIABA", "CE"));
        let mut address = Address::default();
        address.number = Some(Pii::new(if hash & 2 == 0 {
            "SN".to_owned()
        } else {
            ((hash >> 4) % 2000 + 1).to_string()
        }));
        address.city = Some(Pii::new(city));
        address.street = Some(Pii::new(pick(STREETS, hash >> 52)));
        address.postal_code = Some(Pii::new(format!("{:08}", (hash >> 8) % 100_000_000)));
        address.neighborhood = Some(Pii::new(pick(NEIGHBORHOODS, hash >> 56)));
        address.state = Some(Pii::new(state));
        address.address_type = Some(Pii::new("residential"));
        record.address = Some(address);
        record.verification = Some(checks(false));
    }

    /// Argentina's shape, from its presence row (no readable example).
    pub(crate) fn arg_record(&self, record: &mut PersonRecord) {
        record.number_value = Some(Pii::new(mask(&self.number, 2, 1)));
        record.first_name = Some(Pii::new(mask(&self.first_name, 1, 1)));
        record.last_name = Some(Pii::new(mask(&self.last_name, 1, 1)));
        record.full_name = Some(Pii::new(mask_words(&self.full_name())));
        record.gender = Some(self.gender());
        record.birthday = Some(Birthday::new(self.slash_date()));
        record.verification = Some(checks(false));
    }

    /// South Africa's shape: the "Common" rows only.
    pub(crate) fn zaf_record(&self, record: &mut PersonRecord) {
        record.number_value = Some(Pii::new(mask(&self.number, 2, 1)));
        record.verification = Some(checks(false));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_like_the_examples() {
        assert_eq!(mask_words("Rina Ismaningtyas"), "R*** I***********");
        assert_eq!(mask_email("wulanc@mail.com"), "w****c@****.com");
        assert_eq!(mask_email("nobody"), "******");
        assert_eq!(mask("+6281234564455", 3, 4), "+62*******4455");
        assert_eq!(mask("3174000000000005", 0, 4), "************0005");
        assert_eq!(punctuate_cpf("07873438384"), "078.734.383-84");
        assert_eq!(punctuate_cpf("0787"), "0787");
    }
}
