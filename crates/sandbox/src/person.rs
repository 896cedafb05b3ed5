//! Deterministic fake people.
//!
//! Every number maps to the same person on every run and every machine: the fake person is
//! derived from a 64-bit FNV-1a hash of the number, not from a random source. Numbers have
//! the length of core's [`MARKETS`] row for the request. The name and gender the request
//! gives (to Generate URL, or typed on the H5 page) are the person's: the database agrees
//! with the request, so a verdict is only what the tester picked.

use std::fmt;

use advanceai_core::{Birthday, Gender, MARKETS, Market, NumberTypeInfo, PersonRecord, Pii, mask};

/// The market a request gets when it names no type, or one core's table does not know:
/// the table's first, NGA BVN.
pub(crate) const FALLBACK_MARKET: &Market = &MARKETS[0];

pub(crate) const FIRST_NAMES: &[&str] = &[
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

pub(crate) fn pick(list: &[&'static str], bits: u64) -> &'static str {
    let len = u64::try_from(list.len()).unwrap_or(1).max(1);
    let index = usize::try_from(bits % len).unwrap_or(0);
    list.get(index).copied().unwrap_or_default()
}

/// A number of `count` digits made from `hash`: `22` (how BVNs start), then the hash's
/// last digits.
fn fake_number(count: usize, hash: u64) -> String {
    if count <= 2 {
        return "2".repeat(count);
    }
    let rest = count - 2;
    let digits = format!("{hash:020}");
    let tail = digits
        .get(digits.len().saturating_sub(rest)..)
        .unwrap_or_default();
    format!("22{tail:0>rest$}")
}

/// Whether `seed` is already a number of `market`: only ASCII digits, of one of its lengths.
fn is_number_of(market: &Market, seed: &str) -> bool {
    seed.bytes().all(|b| b.is_ascii_digit()) && market.number_lengths.contains(&seed.len())
}

/// A fake person, unmasked, derived from `seed` (an ID number or a signatureId). `Debug`
/// shows none of the person's data.
#[derive(Clone)]
pub(crate) struct FakePerson {
    pub(crate) first_name: String,
    pub(crate) middle_name: String,
    pub(crate) last_name: String,
    pub(crate) female: bool,
    pub(crate) year: u64,
    pub(crate) month: u64,
    pub(crate) day: u64,
    pub(crate) phone: String,
    pub(crate) number: String,
    /// The market of `number`; `None` when the request's type is not in core's table.
    pub(crate) market: Option<&'static Market>,
    /// The hash of the seed, for the details a market's shape adds.
    pub(crate) hash: u64,
}

impl FakePerson {
    /// The person of `seed`, whose number has a length of `market` (else of
    /// [`FALLBACK_MARKET`]): the seed itself when it is such a number.
    pub(crate) fn from_seed(seed: &str, market: Option<&'static Market>) -> Self {
        let hash = fnv1a(seed);
        let of = market.unwrap_or(FALLBACK_MARKET);
        let number = if is_number_of(of, seed) {
            seed.to_owned()
        } else {
            let count = of.number_lengths.last().copied().unwrap_or_default();
            fake_number(count, hash)
        };
        Self {
            first_name: pick(FIRST_NAMES, hash).to_owned(),
            middle_name: pick(MIDDLE_NAMES, hash >> 8).to_owned(),
            last_name: pick(LAST_NAMES, hash >> 16).to_owned(),
            female: (hash >> 24) & 1 == 1,
            year: 1960 + (hash >> 25) % 45,
            month: 1 + (hash >> 32) % 12,
            day: 1 + (hash >> 40) % 28,
            phone: format!("080{:08}", (hash >> 20) % 100_000_000),
            number,
            market,
            hash,
        }
    }

    /// The person with the name and gender a request gives, where it gives them: the name's
    /// first word is the given name, its last the family name, any between the middle name
    /// (one word: a given name alone); a gender core does not know is left as it was.
    pub(crate) fn described_by(mut self, full_name: Option<&str>, gender: Option<&str>) -> Self {
        let words: Vec<&str> = full_name.unwrap_or_default().split_whitespace().collect();
        if let Some((first, rest)) = words.split_first() {
            let (middle, last) = match rest.split_last() {
                Some((last, middle)) => (middle.join(" "), (*last).to_owned()),
                None => (String::new(), String::new()),
            };
            self.first_name = (*first).to_owned();
            self.middle_name = middle;
            self.last_name = last;
        }
        match gender.map(Gender::from_wire) {
            Some(Gender::Female) => self.female = true,
            Some(Gender::Male) => self.female = false,
            _ => {}
        }
        self
    }

    fn masked_name(name: &str) -> Pii {
        Pii::new(mask(name, 1, 1))
    }

    /// The database-verification shape: `phoneNumber1`, `phoneNumber2`, `yyyy-MM-dd`; core's
    /// wire form writes its `gender` `Male` / `Female`.
    pub(crate) fn verification_record(&self) -> PersonRecord {
        let mut record = PersonRecord::default();
        record.first_name = Some(Self::masked_name(&self.first_name));
        record.middle_name = Some(Self::masked_name(&self.middle_name));
        record.last_name = Some(Self::masked_name(&self.last_name));
        record.gender = Some(self.gender());
        record.birthday = Some(Birthday::new(format!(
            "{:04}-{:02}-{:02}",
            self.year, self.month, self.day
        )));
        record.phone_number1 = Some(Pii::new(mask(&self.phone, 3, 2)));
        record.phone_number2 = Some(Pii::new(""));
        record
    }

    /// Get Result's record in the shape of the person's market ([`crate::person_markets`]);
    /// `numberTypeInfo.numberType` is core's Get Result name of the market (`NG_BVN`,
    /// `ZA_SAID`), absent for a type core's table does not know, which gets Nigeria's shape
    /// without `bvn`.
    pub(crate) fn get_result_record(&self, region: &str) -> PersonRecord {
        let mut record = PersonRecord::default();
        let mut info = NumberTypeInfo::default();
        info.number_type = self
            .market
            .map(|market| market.get_result_number_type.to_owned());
        info.region = Some(region.to_owned());
        record.number_type_info = Some(info);
        match self.market.map(|market| market.get_result_number_type) {
            Some("ID_NIK") => self.idn_record(&mut record),
            Some("BR_CPF") => self.bra_record(&mut record),
            Some("AR_DNI") => self.arg_record(&mut record),
            Some("ZA_SAID") => self.zaf_record(&mut record),
            _ => self.nigeria_record(&mut record, region),
        }
        record
    }

    /// Get Result's Nigeria shape: the number under its type's key (`bvn` for NG_BVN, `nin`
    /// for NG_NIN: each is "Always" for its type and "Not returned" for the other, §4.2;
    /// neither outside Nigeria), `numberValue`, `phoneNumber`, `FEMALE`, `yyyy/MM/dd`.
    fn nigeria_record(&self, record: &mut PersonRecord, region: &str) {
        let masked_number = Pii::new(mask(&self.number, 2, 1));
        if region == FALLBACK_MARKET.region {
            let nin = self
                .market
                .is_some_and(|m| m.get_result_number_type == "NG_NIN");
            let key = if nin {
                &mut record.nin
            } else {
                &mut record.bvn
            };
            *key = Some(masked_number.clone());
        }
        record.number_value = Some(masked_number);
        record.first_name = Some(Self::masked_name(&self.first_name));
        record.middle_name = Some(Self::masked_name(&self.middle_name));
        record.last_name = Some(Self::masked_name(&self.last_name));
        record.gender = Some(self.gender());
        record.birthday = Some(Birthday::new(format!(
            "{:04}/{:02}/{:02}",
            self.year, self.month, self.day
        )));
        record.phone_number = Some(Pii::new(mask(&self.phone, 3, 2)));
        record.phone_number2 = Some(Pii::new(""));
    }

    pub(crate) fn gender(&self) -> Gender {
        if self.female {
            Gender::Female
        } else {
            Gender::Male
        }
    }
}

impl fmt::Debug for FakePerson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakePerson")
            .field("market", &self.market.map(|market| market.number_type))
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bvn() -> Option<&'static Market> {
        Market::find("NGA", "BVN")
    }

    #[test]
    fn same_number_same_person() {
        let a = FakePerson::from_seed("12345678901", bvn());
        let b = FakePerson::from_seed("12345678901", bvn());
        assert_eq!(a.first_name, b.first_name);
        assert_eq!(a.phone, b.phone);
        assert_eq!(a.number, "12345678901");
        assert_eq!(a.phone.len(), 11);
        let c = FakePerson::from_seed("f302f5d2454a85c2", bvn());
        assert_eq!(c.number.len(), 11);
        assert!((1..=28).contains(&c.day) && (1..=12).contains(&c.month));
    }

    #[test]
    fn every_market_gets_a_number_of_its_length() {
        for market in MARKETS {
            let person = FakePerson::from_seed("f302f5d2454a85c2", Some(market));
            assert!(is_number_of(market, &person.number), "{}", person.number);
            assert!(person.number.starts_with("22"));
            let record = person.get_result_record(market.region);
            let info = record.number_type_info.unwrap_or_default();
            assert_eq!(
                info.number_type.as_deref(),
                Some(market.get_result_number_type)
            );
            let nin = market.get_result_number_type == "NG_NIN";
            assert_eq!(record.bvn.is_some(), market.region == "NGA" && !nin);
            assert_eq!(record.nin.is_some(), nin);
        }
        // The same digits as before the length came from core's table.
        let hash = fnv1a("f302f5d2454a85c2");
        assert_eq!(
            FakePerson::from_seed("f302f5d2454a85c2", bvn()).number,
            format!("22{:09}", hash % 1_000_000_000)
        );
        assert_eq!(fake_number(25, 7), format!("22{:023}", 7));
        assert_eq!(fake_number(1, 7), "2");
        // A valid DNI of either length is kept.
        let dni = Market::find("ARG", "DNI");
        assert_eq!(FakePerson::from_seed("1234567", dni).number, "1234567");
        assert_eq!(FakePerson::from_seed("12345678", dni).number, "12345678");
    }

    #[test]
    fn the_request_describes_the_person() {
        let person = || FakePerson::from_seed("12345678901", bvn());
        let named = |name: &str| {
            let p = person().described_by(Some(name), None);
            (p.first_name, p.middle_name, p.last_name)
        };
        let owned = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
        assert_eq!(named("Ada  Obi"), owned("Ada", "", "Obi"));
        assert_eq!(
            named(" Ada Ngozi Chi Obi "),
            owned("Ada", "Ngozi Chi", "Obi")
        );
        assert_eq!(named("Budi"), owned("Budi", "", ""));
        let unnamed = person().described_by(Some("  "), Some("female"));
        assert_eq!(unnamed.first_name, person().first_name);
        assert!(unnamed.female);
        assert!(!person().described_by(None, Some("MALE")).female);
        let kept = person().described_by(None, Some("X"));
        assert_eq!(kept.female, person().female);
        let debug = format!("{:?}", person().described_by(Some("Ada Obi"), None));
        assert!(
            !debug.contains("Ada") && !debug.contains("12345"),
            "{debug}"
        );
    }

    #[test]
    fn a_type_core_does_not_know_has_no_get_result_name() {
        let person = FakePerson::from_seed("f302f5d2454a85c2", Market::find("GHA", "GHANACARD"));
        assert!(is_number_of(FALLBACK_MARKET, &person.number));
        let info = person
            .get_result_record("GHA")
            .number_type_info
            .unwrap_or_default();
        assert_eq!(info.number_type, None);
        assert_eq!(info.region.as_deref(), Some("GHA"));
    }
}
