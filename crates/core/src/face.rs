//! The liveness and face-comparison outcome of an H5 transaction, and its scores.

use std::fmt;

use serde::{Deserialize, Serialize};

wire_record! {
    /// `faceDetail`: the liveness and face-comparison outcome.
    #[derive(Debug)]
    pub struct FaceDetail {
        /// `PASS` or `FAIL`.
        "faceResult" => pub face_result: FaceResult,
        /// Liveness score, 0 to 100.
        "faceLivenessScore" => pub face_liveness_score: Score,
        /// Similarity between the live face and the face on record, 0 to 100.
        "faceSimilarityScore" => pub face_similarity_score: Score,
    }
    absent = skip
}

wire_enum! {
    /// `faceResult` of a [`FaceDetail`].
    pub enum FaceResult {
        /// The face checks passed.
        Pass = "PASS",
        /// The face checks failed.
        Fail = "FAIL",
    }
}

/// A score (`faceLivenessScore`, `faceSimilarityScore`).
///
/// Accepts a JSON integer, a decimal, or a string holding a number: the vendor's examples
/// show integers, other products of theirs send decimals. Serialized as an integer when it
/// is whole, so `99` stays `99`.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Score(f64);

impl Score {
    /// A score; `None` for NaN or an infinity, which JSON cannot carry.
    pub fn new(value: f64) -> Option<Self> {
        value.is_finite().then_some(Self(value))
    }

    /// The score.
    pub fn value(self) -> f64 {
        self.0
    }
}

/// The largest magnitude below which every whole `f64` is an exact integer.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < EXACT_INTEGER_LIMIT {
            // Exact: a whole number below 2^53 converts without loss.
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScoreVisitor;

        impl serde::de::Visitor<'_> for ScoreVisitor {
            type Value = Score;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a score as a number or a numeric string")
            }

            #[allow(clippy::cast_precision_loss)] // scores are 0..=100
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Score, E> {
                Ok(Score(v as f64))
            }

            #[allow(clippy::cast_precision_loss)] // scores are 0..=100
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Score, E> {
                Ok(Score(v as f64))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Score, E> {
                Score::new(v).ok_or_else(|| E::custom("a score that is not finite"))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Score, E> {
                v.trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(Score::new)
                    .ok_or_else(|| E::custom("a score string that is not a number"))
            }
        }

        deserializer.deserialize_any(ScoreVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_scores_serialize_as_integers() {
        let json = |v: f64| serde_json::to_string(&Score::new(v).unwrap()).unwrap();
        assert_eq!(json(99.0), "99");
        assert_eq!(json(82.5), "82.5");
        assert_eq!(json(-0.0), "0");
        assert!(Score::new(f64::NAN).is_none());
    }
}
