//! Waiting for the signals that stop a command gracefully: SIGINT (Ctrl-C) and SIGTERM.
//!
//! signal-hook installs the handlers; once they are installed the signals no longer kill
//! the process, so the command decides what a stop means (bulk: finish the requests in
//! flight and write their answers; `advanceai sandbox`: shut the server down).

use std::io;

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The stop signals, caught from the moment this is made.
pub(crate) struct StopSignals(Signals);

impl StopSignals {
    /// Catches SIGINT and SIGTERM from now on.
    ///
    /// # Errors
    /// When the handlers cannot be installed (the signals then keep their default action).
    pub(crate) fn catch() -> io::Result<Self> {
        Signals::new([SIGINT, SIGTERM]).map(Self)
    }

    /// Blocks until the next SIGINT or SIGTERM.
    pub(crate) fn wait(&mut self) {
        // `forever` only ends when the handle is closed, which nothing here does.
        let _ = self.0.forever().next();
    }
}
