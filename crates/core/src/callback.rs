//! The body the vendor posts to a transaction's `callbackUrl`.

wire_record! {
    /// The body the vendor posts to your `callbackUrl` when a transaction changes state.
    ///
    /// It is unsigned and not guaranteed: authenticate it with a token in the callback URL,
    /// treat it as a hint, fetch the result with Get Result, and poll as a fallback.
    #[derive(Debug)]
    pub struct CallbackNotification {
        /// The transaction that changed.
        "signatureId" => pub signature_id: String,
        /// What happened.
        "type" => pub kind: CallbackType,
    }
    absent = null
}

wire_enum! {
    /// `type` of a [`CallbackNotification`].
    pub enum CallbackType {
        /// The verification has a final result.
        Completed = "COMPLETED",
        /// The user's page finished submitting its data.
        SubmitCompleted = "SUBMIT_COMPLETED",
    }
}
