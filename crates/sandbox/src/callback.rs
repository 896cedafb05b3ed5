//! The callback to the merchant's `callbackUrl`, sent in the background with retries.

use std::time::Duration;

/// Sends `{signatureId, type: "COMPLETED"}` to `url` in a background task: up to `attempts`
/// tries, doubling `backoff` after each answer that is not HTTP 200. Never blocks the caller.
///
/// Plain `http://` only: the sandbox carries no TLS stack, so an `https://` callback fails
/// and is logged (run the receiver on loopback over http).
pub(crate) fn spawn(url: String, signature_id: String, attempts: u32, backoff: Duration) {
    tokio::spawn(async move {
        let body =
            serde_json::json!({ "signatureId": signature_id, "type": "COMPLETED" }).to_string();
        let mut pause = backoff;
        for attempt in 1..=attempts.max(1) {
            let url = url.clone();
            let body = body.clone();
            let status = tokio::task::spawn_blocking(move || send(&url, &body))
                .await
                .unwrap_or(None);
            if status == Some(200) {
                tracing::info!(attempt, "callback delivered");
                return;
            }
            tracing::warn!(
                attempt,
                status = status.unwrap_or(0),
                "callback not accepted"
            );
            if attempt < attempts {
                tokio::time::sleep(pause).await;
                pause = pause.saturating_mul(2);
            }
        }
        tracing::warn!("callback given up");
    });
}

/// One attempt: the HTTP status, or `None` when no answer came.
fn send(url: &str, body: &str) -> Option<u16> {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .redirects(0)
        .build();
    match agent
        .post(url)
        .set("Content-Type", "application/json")
        .send_string(body)
    {
        Ok(response) => Some(response.status()),
        Err(ureq::Error::Status(status, _)) => Some(status),
        Err(ureq::Error::Transport(_)) => None,
    }
}
