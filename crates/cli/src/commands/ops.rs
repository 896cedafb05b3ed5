//! The commands around a verification: `health` (before starting) and `clear` (once the
//! result is no longer needed).

use advanceai_transport::Client;
use serde_json::json;

use super::checks::{Done, field, to_json};
use super::output::{Exit, Failure};
use crate::cli::{ClearArgs, HealthArgs};

/// `advanceai health`: exit 0 when the status is `health`, 1 for any other status
/// (`unstable`, or one this version does not know: core's `HealthData::can_start`).
pub(crate) fn health(client: &Client, args: &HealthArgs) -> Result<Done, Failure> {
    let data = client.health(&args.number_type)?;
    let json = to_json(&data)?;
    let can_start = data.can_start();
    let advice = if can_start {
        "start verifications"
    } else {
        "do not start verifications now"
    };
    let text = format!(
        "Health of {}: {} ({advice})\n",
        field(&json, "numberType"),
        field(&json, "status")
    );
    let exit = if can_start { Exit::Ok } else { Exit::NotPassed };
    Ok(Done { text, json, exit })
}

/// `advanceai clear`: deletes a finished transaction's personal data at the vendor.
pub(crate) fn clear(client: &Client, args: &ClearArgs) -> Result<Done, Failure> {
    client.clear_data(&args.signature_id)?;
    Ok(Done {
        text: format!("Cleared the personal data of {}\n", args.signature_id),
        json: json!({ "signatureId": args.signature_id, "cleared": true }),
        exit: Exit::Ok,
    })
}
