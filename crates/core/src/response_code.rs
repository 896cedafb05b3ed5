//! The top-level `code` of every response envelope.

wire_enum! {
    /// The envelope's top-level `code`: whether the request itself was processed.
    ///
    /// Every response is HTTP 200; this code, not the HTTP status, says what happened. For
    /// the verification endpoints `Success` only means the request reached business
    /// processing: the verdict is in the `data` object (see [`crate::OverallResult`] and
    /// [`crate::ErrorCode`]). Codes the vendor adds later parse into `Unknown` with their text.
    pub enum ResponseCode {
        /// The request was processed; look at `data`.
        Success = "SUCCESS",
        /// Server error on the vendor's side.
        Error = "ERROR",
        /// A request parameter is invalid; the message says which rule it broke.
        ParameterError = "PARAMETER_ERROR",
        /// A required parameter is empty.
        EmptyParameterError = "EMPTY_PARAMETER_ERROR",
        /// The token is missing, expired or lacks the entitlement for this API.
        IamFailed = "IAM_FAILED",
        /// The account has run out of balance.
        InsufficientBalance = "INSUFFICIENT_BALANCE",
        /// The server is overloaded; sent with a `Retry-After` header.
        ServiceBusy = "SERVICE_BUSY",
        /// The account has reached its query quota.
        OverQueryLimit = "OVER_QUERY_LIMIT",
        /// A transient failure; the same request may succeed later.
        RetryLater = "RETRY_LATER",
        /// The client's request was refused (for example by the token API).
        ClientError = "CLIENT_ERROR",
        /// The account is disabled.
        AccountDisabled = "ACCOUNT_DISABLED",
        /// Get Result was asked for a `signatureId` the server does not know.
        SignatureNotExist = "SIGNATURE_NOT_EXIST",
        /// Clear Data: the same request is already being processed ("Please do not submit
        /// it repeatedly"). Not a failure of the request: try again later.
        RequestInProcessing = "REQUEST_IN_PROCESSING",
    }
}

impl ResponseCode {
    /// Whether the request was processed (`SUCCESS`).
    pub fn is_success(&self) -> bool {
        matches!(self, Self::Success)
    }

    /// Whether the server said it is temporarily unable to answer (`SERVICE_BUSY`,
    /// `RETRY_LATER`, and Clear Data's `REQUEST_IN_PROCESSING`): the same request, sent
    /// again after a pause, may succeed.
    ///
    /// Whether to actually resend is the caller's decision: a billable request that got this
    /// answer was not processed, but see the transport crate's retry policy.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Self::ServiceBusy | Self::RetryLater | Self::RequestInProcessing
        )
    }

    /// Whether this answer proves the request was refused before any work was done, so
    /// nothing was billed: a bad or empty parameter, failed authentication, no balance,
    /// overload or rate limit, a disabled account, an unknown `signatureId`, a request
    /// already in processing (`REQUEST_IN_PROCESSING`: this one was not taken up; the one
    /// before it is being processed).
    ///
    /// `false` for `SUCCESS`, for the generic `ERROR` (the vendor does not say at which
    /// stage it happened) and for codes this library does not know: when in doubt, assume
    /// the request may have been processed.
    pub fn proves_not_processed(&self) -> bool {
        matches!(
            self,
            Self::ParameterError
                | Self::EmptyParameterError
                | Self::IamFailed
                | Self::InsufficientBalance
                | Self::ServiceBusy
                | Self::OverQueryLimit
                | Self::RetryLater
                | Self::ClientError
                | Self::AccountDisabled
                | Self::SignatureNotExist
                | Self::RequestInProcessing
        )
    }

    /// Whether this answer refuses the whole account rather than one request: bad or
    /// unentitled keys (`IAM_FAILED`, after the client's one forced token refresh), no
    /// balance, the query quota reached, a disabled account, a refused client. No other
    /// request can succeed until someone acts, so a batch must stop.
    pub fn refuses_account(&self) -> bool {
        matches!(
            self,
            Self::IamFailed
                | Self::InsufficientBalance
                | Self::OverQueryLimit
                | Self::AccountDisabled
                | Self::ClientError
        )
    }

    /// Whether this answer says the request itself is wrong (a bad or empty parameter, an
    /// unknown `signatureId`): sending it again unchanged can never succeed.
    pub fn faults_the_request(&self) -> bool {
        matches!(
            self,
            Self::ParameterError | Self::EmptyParameterError | Self::SignatureNotExist
        )
    }
}
