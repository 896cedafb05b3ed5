//! The body the vendor posts to a transaction's `callbackUrl`.

wire_record! {
    /// The body the vendor posts to your `callbackUrl` when a transaction changes state
    /// (`POST`, `application/json`; answer HTTP 200, or the vendor "may retry", how often
    /// and for how long it does not say).
    ///
    /// It is unsigned and not guaranteed: authenticate it with a secret token in the
    /// callback URL (`advanceai-transport`'s `CallbackSecret`), treat it as a hint, fetch
    /// the result with Get Result, and poll as a fallback (the vendor asks for an interval
    /// of 10 minutes or more). See [`CallbackType`] for what each kind means, and which
    /// transactions send none.
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
    /// `type` of a [`CallbackNotification`]: which step of the transaction ended.
    ///
    /// A transaction whose result ends `INCOMPLETE` (such as `USER_TIMEOUT`) may send no
    /// [`CallbackType::Completed`]: the vendor's newer callback page says only
    /// "(overallResult INCOMPLETE is not included)" beside `COMPLETED`; that no `COMPLETED`
    /// is sent for it is issue 12's reading of that line, not confirmed by the vendor. Do
    /// not wait for a callback to learn an outcome: poll Get Result as well.
    pub enum CallbackType {
        /// `COMPLETED`: the transaction has a final result ("the whole verification
        /// finished"), ready for Get Result.
        Completed = "COMPLETED",
        /// `SUBMIT_COMPLETED`: the user's page finished submitting its data (document and
        /// face if needed); the result may still be pending.
        SubmitCompleted = "SUBMIT_COMPLETED",
    }
}
