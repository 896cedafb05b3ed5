//! The response parsers, each through its operation's own [`Operation::parse`] and
//! [`Operation::into_output`] (the path `advanceai-transport` runs), and the callback body.

use std::fmt::Debug;

use advanceai_core::{
    CallbackNotification, ClearDataRequest, Cleared, Envelope, GenerateUrlData, GenerateUrlRequest,
    GetResultData, GetResultRequest, HealthData, HealthRequest, IdNumberVerificationRequest,
    Operation, Secret, TokenData, TokenRequest, TokenValue, VerificationData, parse_callback,
};
use serde::Serialize;
use serde_json::Value;

use crate::checks::{SCRUBBED, assert_same_debug, check_parse_error, scrub_person, scrub_unknown};

/// A response `data` whose personal and secret values can be replaced, to check that its
/// `Debug` output does not show them.
trait Scrub: Clone {
    /// Replaces every personal or secret value, keeping which fields are present.
    fn scrub(&mut self);
}

/// Runs operation `O`'s parser on `data` and checks:
/// * a failure is a clean [`advanceai_core::ParseError`];
/// * the parsed envelope's normal form (its serialization) parses to the same normal form
///   and to the same output ([`Operation::into_output`]), so nothing is lost or changed by
///   reading what was written;
/// * `into_output` succeeds only on a `SUCCESS` answer;
/// * the envelope's `Debug` output does not depend on its personal or secret values.
fn response<O: Operation>(data: &[u8])
where
    O::Output: Serialize + PartialEq + Debug + Scrub,
{
    let envelope = match O::parse(data) {
        Ok(envelope) => envelope,
        Err(error) => return check_parse_error(&error),
    };
    let normal = normal_form(&envelope);
    let reparsed = match O::parse(normal.to_string().as_bytes()) {
        Ok(reparsed) => reparsed,
        Err(error) => panic!("the normal form of a response does not parse: {error}"),
    };
    assert!(
        normal_form(&reparsed) == normal,
        "the normal form of a response is not a fixpoint"
    );
    assert_same_debug(&envelope, &scrubbed(&envelope), "a response envelope");
    let success = envelope.is_success();
    let output = O::into_output(envelope);
    assert!(
        output.is_err() || success,
        "an answer other than SUCCESS gave an output"
    );
    assert!(
        O::into_output(reparsed) == output,
        "the normal form of a response gives another output"
    );
}

/// An envelope's serialization as a JSON value.
fn normal_form<T: Serialize>(envelope: &Envelope<T>) -> Value {
    serde_json::to_value(envelope).unwrap_or(Value::Null)
}

/// The envelope with its free-form and personal values replaced.
fn scrubbed<T: Scrub>(envelope: &Envelope<T>) -> Envelope<T> {
    let mut copy = envelope.clone();
    if let Some(extra) = &mut copy.extra {
        *extra = Value::String(SCRUBBED.to_owned());
    }
    scrub_unknown(&mut copy.unknown_fields);
    if let Some(data) = &mut copy.data {
        data.scrub();
    }
    copy
}

impl Scrub for VerificationData {
    fn scrub(&mut self) {
        if let Some(person) = &mut self.doc_database_detail {
            scrub_person(person);
        }
        scrub_unknown(&mut self.unknown_fields);
    }
}

impl Scrub for GetResultData {
    fn scrub(&mut self) {
        if let Some(person) = &mut self.doc_database_detail {
            scrub_person(person);
        }
        if let Some(input) = &mut self.input_parameters {
            scrub_unknown(&mut input.unknown_fields);
        }
        if let Some(face) = &mut self.face_detail {
            scrub_unknown(&mut face.unknown_fields);
        }
        scrub_unknown(&mut self.unknown_fields);
    }
}

impl Scrub for TokenData {
    fn scrub(&mut self) {
        if let Some(token) = &mut self.token {
            *token = TokenValue(Secret::new(SCRUBBED));
        }
        scrub_unknown(&mut self.unknown_fields);
    }
}

impl Scrub for GenerateUrlData {
    fn scrub(&mut self) {
        scrub_unknown(&mut self.unknown_fields);
    }
}

impl Scrub for HealthData {
    fn scrub(&mut self) {
        scrub_unknown(&mut self.unknown_fields);
    }
}

impl Scrub for Cleared {
    fn scrub(&mut self) {}
}

/// Database ID-number verification's answer.
pub fn response_verification(data: &[u8]) {
    response::<IdNumberVerificationRequest>(data);
}

/// Get Result's answer.
pub fn response_get_result(data: &[u8]) {
    response::<GetResultRequest>(data);
}

/// Generate URL's answer.
pub fn response_generate_url(data: &[u8]) {
    response::<GenerateUrlRequest>(data);
}

/// The token call's answer.
pub fn response_token(data: &[u8]) {
    response::<TokenRequest>(data);
}

/// Health Status's answer.
pub fn response_health(data: &[u8]) {
    response::<HealthRequest>(data);
}

/// Clear Data's answer.
pub fn response_clear_data(data: &[u8]) {
    response::<ClearDataRequest>(data);
}

/// The body the vendor posts to a `callbackUrl`: a clean error, or a notification whose
/// serialization parses back to it and whose `Debug` does not show its unknown values.
pub fn callback(data: &[u8]) {
    let notification = match parse_callback(data) {
        Ok(notification) => notification,
        Err(error) => return check_parse_error(&error),
    };
    let normal = serde_json::to_vec(&notification).unwrap_or_default();
    assert!(
        parse_callback(&normal).as_ref() == Ok(&notification),
        "the normal form of a callback body parses to another notification"
    );
    let mut scrubbed: CallbackNotification = notification.clone();
    scrub_unknown(&mut scrubbed.unknown_fields);
    assert_same_debug(&notification, &scrubbed, "a callback notification");
}
