//! The client's `tracing` spans, seen by a capturing subscriber: what they carry (endpoint,
//! attempt, latency, HTTP status, code, transactionId) and what they never carry (keys,
//! token, ID numbers, person fields).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use advanceai_core::{GenerateUrlRequest, GetResultRequest, IdNumberVerificationRequest, Pii};
use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig,
};
use advanceai_transport::{Client, ClientConfig, ProxySetting, RetryPolicy};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// One span as the subscriber saw it: its name and every field recorded on it.
#[derive(Clone, Debug, Default)]
struct CapturedSpan {
    name: String,
    fields: Vec<(String, String)>,
}

impl CapturedSpan {
    fn get(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .rev()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.as_str())
    }
}

/// A span's or an event's fields, name and value as text.
type Fields = Vec<(String, String)>;

/// An event: the name of the span it happened in, and its fields.
type CapturedEvent = (Option<String>, Fields);

#[derive(Clone, Default)]
struct Captured {
    spans: Arc<Mutex<Vec<CapturedSpan>>>,
    /// Every event's fields, and the name of the span it happened in.
    events: Arc<Mutex<Vec<CapturedEvent>>>,
}

/// Collects a field's value as text, whatever its type.
struct Collect<'a>(&'a mut Vec<(String, String)>);

impl Visit for Collect<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

/// The span index of a span id, kept in the registry's extensions.
struct Index(usize);

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Captured {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut span = CapturedSpan {
            name: attrs.metadata().name().to_owned(),
            ..CapturedSpan::default()
        };
        attrs.record(&mut Collect(&mut span.fields));
        let mut spans = self.spans.lock().unwrap();
        spans.push(span);
        let index = spans.len() - 1;
        ctx.span(id).unwrap().extensions_mut().insert(Index(index));
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let span = ctx.span(id).unwrap();
        let extensions = span.extensions();
        let Index(index) = extensions.get::<Index>().unwrap();
        values.record(&mut Collect(&mut self.spans.lock().unwrap()[*index].fields));
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut fields = Vec::new();
        event.record(&mut Collect(&mut fields));
        let parent = ctx.event_span(event).map(|s| s.name().to_owned());
        self.events.lock().unwrap().push((parent, fields));
    }
}

fn client(sandbox: &RunningSandbox) -> Client {
    Client::new(
        ClientConfig::builder()
            .base_url(sandbox.base_url())
            .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
            .proxy(ProxySetting::None)
            .retry(
                RetryPolicy::default()
                    .with_backoff(Duration::from_millis(5), Duration::from_millis(20))
                    .with_max_retry_after(Duration::from_millis(20)),
            )
            .build()
            .unwrap(),
    )
}

/// Every string the calls below must never put in telemetry.
struct Private(Vec<String>);

#[test]
fn spans_carry_the_call_and_never_a_secret() {
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let client = client(&sandbox);
    let captured = Captured::default();
    let subscriber = tracing_subscriber::registry().with(captured.clone());

    let number = "22222222222";
    let full_name = "Rina Wijaya Kusuma";
    let mut private = Private(vec![
        DEFAULT_ACCESS_KEY.to_owned(),
        DEFAULT_SECRET_KEY.to_owned(),
        number.to_owned(),
        full_name.to_owned(),
    ]);
    tracing::subscriber::with_default(subscriber, || {
        let token = client.token().unwrap();
        private.0.push(token.expose().to_owned());
        // A pass, with a masked person record in the answer.
        let verified = client
            .verify_id_number(&IdNumberVerificationRequest::new(
                "order-telemetry",
                "user-1",
                "NGA",
                "BVN",
                number,
            ))
            .unwrap();
        let person = serde_json::to_value(verified.doc_database_detail.unwrap()).unwrap();
        collect_strings(&person, &mut private.0);
        // Its Get Result answers SERVICE_BUSY once, then is retried.
        let mut request = GenerateUrlRequest::new(
            "result-fault-busy-once-telemetry",
            "user-1",
            "IDN",
            "NIK",
            "https://example.com/ok",
            "https://example.com/fail",
        );
        request.full_name = Some(Pii::new(full_name));
        let page = client.generate_url(&request).unwrap();
        let signature_id = page.signature_id.unwrap();
        ureq::post(&format!("{}/sandbox/complete", sandbox.base_url()))
            .header("Content-Type", "application/json")
            .send(serde_json::json!({ "signatureId": signature_id, "outcome": "PASS" }).to_string())
            .unwrap();
        let result = client
            .get_result(&GetResultRequest::new(&signature_id))
            .unwrap();
        let person = serde_json::to_value(result.doc_database_detail.unwrap()).unwrap();
        collect_strings(&person, &mut private.0);
        // An API error: the code and transactionId are recorded, as on success.
        let error = client
            .get_result(&GetResultRequest::new("no-such-signature"))
            .unwrap_err();
        assert!(error.code().is_some(), "{error}");
    });
    private
        .0
        .retain(|s| s.len() >= 4 && s.chars().any(|c| c.is_ascii_alphanumeric()));
    assert!(
        private.0.len() > 8,
        "too little to look for: {}",
        private.0.len()
    );

    let spans = captured.spans.lock().unwrap().clone();
    let calls: Vec<&CapturedSpan> = spans
        .iter()
        .filter(|s| s.name == "advanceai.call")
        .collect();
    let endpoints: Vec<&str> = calls.iter().map(|s| s.get("endpoint").unwrap()).collect();
    assert_eq!(
        endpoints,
        [
            "token",
            "id_number_verification",
            "generate_url",
            "get_result",
            "get_result"
        ],
        "{spans:#?}"
    );
    for call in &calls {
        assert!(call.get("latency_ms").is_some(), "{call:?}");
        assert!(call.get("attempts").is_some(), "{call:?}");
    }
    let verify = calls[1];
    assert_eq!(verify.get("outcome"), Some("SUCCESS"));
    assert_eq!(verify.get("code"), Some("SUCCESS"));
    assert_eq!(verify.get("attempts"), Some("1"));
    assert_eq!(calls[2].get("attempts"), Some("1"));
    let result = calls[3];
    assert_eq!(result.get("attempts"), Some("2"), "busy once, then retried");
    assert_eq!(result.get("outcome"), Some("SUCCESS"));
    assert_eq!(result.get("code"), Some("SUCCESS"));
    let missing = calls[4];
    assert_eq!(missing.get("outcome"), Some("API_ERROR"));
    assert!(missing.get("code").is_some_and(|c| c != "SUCCESS"));
    assert!(missing.get("transaction_id").is_some(), "{missing:?}");

    let attempts: Vec<&CapturedSpan> = spans
        .iter()
        .filter(|s| s.name == "advanceai.attempt")
        .collect();
    // token, verify, generate, get result (busy + success), get result (refused).
    assert_eq!(attempts.len(), 6, "{attempts:#?}");
    let busy = attempts
        .iter()
        .find(|a| a.get("code") == Some("SERVICE_BUSY"))
        .expect("the busy attempt");
    assert_eq!(busy.get("endpoint"), Some("get_result"));
    assert_eq!(busy.get("attempt"), Some("1"));
    assert_eq!(busy.get("outcome"), Some("API_ERROR"));
    for attempt in &attempts {
        assert_eq!(attempt.get("http_status"), Some("200"), "{attempt:?}");
        assert!(attempt.get("latency_ms").is_some(), "{attempt:?}");
        let id = attempt.get("transaction_id").unwrap_or("");
        assert!(!id.is_empty(), "no transactionId: {attempt:?}");
    }
    let ok = attempts
        .iter()
        .filter(|a| a.get("code") == Some("SUCCESS") && a.get("endpoint") == Some("get_result"))
        .count();
    assert_eq!(ok, 1);

    let events = captured.events.lock().unwrap().clone();
    let finished: Vec<_> = events
        .iter()
        .filter(|(_, fields)| {
            fields
                .iter()
                .any(|(k, v)| k == "message" && v == "attempt finished")
        })
        .collect();
    assert_eq!(finished.len(), attempts.len());
    assert!(
        finished
            .iter()
            .all(|(parent, _)| parent.as_deref() == Some("advanceai.attempt"))
    );

    // Nothing private, anywhere: span names, field values, event fields.
    let mut everything = String::new();
    for span in &spans {
        everything.push_str(&format!("{span:?}\n"));
    }
    for event in &events {
        everything.push_str(&format!("{event:?}\n"));
    }
    for value in &private.0 {
        assert!(
            !everything.contains(value.as_str()),
            "telemetry carries a private value ({} chars)",
            value.len()
        );
    }
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}
