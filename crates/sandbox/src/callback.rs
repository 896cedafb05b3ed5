//! The callback to the merchant's `callbackUrl`, sent in the background with retries.

use std::time::Duration;

/// Sends `{signatureId, type: "COMPLETED"}` to `url` in a background task: up to `attempts`
/// tries, doubling `backoff` after each answer that is not HTTP 200. Never blocks the caller.
///
/// Plain `http://` only: that is what the tests cover (run the receiver on loopback over
/// http); `https://` callbacks are not tested.
pub(crate) fn spawn(url: String, signature_id: String, attempts: u32, backoff: Duration) {
    tokio::spawn(async move {
        let body =
            serde_json::json!({ "signatureId": signature_id, "type": "COMPLETED" }).to_string();
        let agent = agent();
        let mut pause = backoff;
        for attempt in 1..=attempts.max(1) {
            let (agent, url, body) = (agent.clone(), url.clone(), body.clone());
            let status = tokio::task::spawn_blocking(move || send(&agent, &url, &body))
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

/// The agent of one callback's tries: 5 s for each whole exchange, no redirects (a 3xx is
/// an answer that is not 200), and every HTTP status an answer rather than an error.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(5)))
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .new_agent()
}

/// One attempt: the HTTP status, or `None` when no answer came.
fn send(agent: &ureq::Agent, url: &str, body: &str) -> Option<u16> {
    agent
        .post(url)
        .header("Content-Type", "application/json")
        .send(body)
        .ok()
        .map(|response| response.status().as_u16())
}
