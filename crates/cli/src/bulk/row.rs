//! What a bulk run does with each row: the two kinds of run, and a row as read.
//!
//! A row is checked against the server's rules once, when it is read, and carries what its
//! output line shows of it (its [`Subject`]) and what to do with it (its [`Work`]).

use advanceai_core::{
    GetResultRequest, IdNumberVerificationRequest, Idempotency, InvalidRequest, Operation,
    Validated,
};

/// The columns (CSV) or keys (JSONL) of a verification run, in the documented order.
const VERIFY_COLUMNS: [&str; 5] = ["bizId", "userId", "region", "numberType", "numberValue"];

/// The column of a Get Result run.
const RESULTS_COLUMNS: [&str; 1] = ["signatureId"];

/// The kind of bulk run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Database verification of each row's ID number: billable, sent at most once.
    Verify,
    /// Get Result of each row's H5 transaction (`--results`): idempotent, fetched again
    /// while pending.
    Results,
}

impl Mode {
    /// The columns every row has, in the documented order; the first is the row's key
    /// (`bizId`, `signatureId`): an output line carries it, and resuming checks it against
    /// the input's row of the same number.
    pub(crate) fn columns(self) -> &'static [&'static str] {
        match self {
            Self::Verify => &VERIFY_COLUMNS,
            Self::Results => &RESULTS_COLUMNS,
        }
    }

    /// The idempotency of the mode's call, from its descriptor.
    pub(crate) fn idempotency(self) -> Idempotency {
        match self {
            Self::Verify => IdNumberVerificationRequest::DESCRIPTOR.idempotency,
            Self::Results => GetResultRequest::DESCRIPTOR.idempotency,
        }
    }

    /// Whether a request may bill: sent at most once, recorded before it leaves.
    pub(crate) fn is_billable(self) -> bool {
        self.idempotency() == Idempotency::Billable
    }

    /// The row `number` made of the values the reader got.
    pub(crate) fn row(self, number: u64, fields: Fields) -> Row {
        match (self, fields) {
            (Self::Verify, Fields::Read(values)) => verify_row(number, values),
            (Self::Results, Fields::Read(values)) => results_row(number, values),
            (_, Fields::Unreadable { known, reason }) => {
                let known = |i: usize| known.get(i).cloned().flatten();
                let subject = Subject {
                    key: known(0),
                    user_id: (self == Self::Verify).then(|| known(1)).flatten(),
                    number_value: None,
                };
                Row {
                    number,
                    subject,
                    work: Work::Unreadable(reason),
                }
            }
        }
    }
}

/// One data row of the input.
#[derive(Debug)]
pub(crate) struct Row {
    /// 1-based: the CSV record after the header, or the JSONL line.
    pub(crate) number: u64,
    /// What the output line shows of the row.
    pub(crate) subject: Subject,
    /// What to do with it.
    pub(crate) work: Work,
}

/// What an output line shows of its row: never an ID number in clear.
#[derive(Debug, Default)]
pub(crate) struct Subject {
    /// The key column's value (`bizId`, `signatureId`), when readable.
    pub(crate) key: Option<String>,
    /// `userId` (verification), when readable.
    pub(crate) user_id: Option<String>,
    /// The ID number masked like the vendor masks it (2 and 1); verification only.
    pub(crate) number_value: Option<String>,
}

/// What a row asks for.
#[derive(Debug)]
pub(crate) enum Work {
    /// A verification that passed validation: it will be sent.
    Verify(Validated<IdNumberVerificationRequest>),
    /// A Get Result that passed validation: it will be fetched.
    Fetch(Validated<GetResultRequest>),
    /// A request that breaks a server rule (the server's code and message): never sent.
    Invalid(InvalidRequest),
    /// A row that could not be read; why, without the row's content.
    Unreadable(String),
}

impl Row {
    /// Whether the row will be sent: readable, and valid by the server's rules.
    pub(crate) fn is_sendable(&self) -> bool {
        matches!(self.work, Work::Verify(_) | Work::Fetch(_))
    }
}

/// What the reader got for a row.
#[derive(Debug)]
pub(crate) enum Fields {
    /// Every column's value, in [`Mode::columns`] order.
    Read(Vec<String>),
    /// The row could not be read.
    Unreadable {
        /// The values that could be read, in column order (`None` where not).
        known: Vec<Option<String>>,
        /// Why, without the row's content.
        reason: String,
    },
}

fn verify_row(number: u64, values: Vec<String>) -> Row {
    let mut values = values.into_iter();
    let mut next = || values.next().unwrap_or_default();
    let request = IdNumberVerificationRequest::new(next(), next(), next(), next(), next());
    let subject = Subject {
        key: Some(request.biz_id.clone()),
        user_id: Some(request.user_id.clone()),
        number_value: Some(request.number_value.masked(2, 1)),
    };
    let work = match Validated::new(request) {
        Ok(request) => Work::Verify(request),
        Err((_, problem)) => Work::Invalid(problem),
    };
    Row {
        number,
        subject,
        work,
    }
}

fn results_row(number: u64, values: Vec<String>) -> Row {
    let signature_id = values.into_iter().next().unwrap_or_default();
    let subject = Subject {
        key: Some(signature_id.clone()),
        ..Subject::default()
    };
    let work = match Validated::new(GetResultRequest::new(signature_id)) {
        Ok(request) => Work::Fetch(request),
        Err((_, problem)) => Work::Invalid(problem),
    };
    Row {
        number,
        subject,
        work,
    }
}
