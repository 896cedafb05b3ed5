//! Waiting for the signal that stops a sandbox served from the command line (the
//! `advanceai-sandbox` binary and `advanceai sandbox` both use it; `advanceai bulk` uses it
//! to stop gracefully).

/// Blocks the calling thread until SIGINT (Ctrl-C) or, on Unix, SIGTERM arrives.
///
/// # Errors
/// When the signal handlers cannot be installed.
pub fn wait_for_stop_signal() -> std::io::Result<()> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map(|runtime| runtime.block_on(stop_signal()))
}

/// Resolves on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    () = interrupt => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => interrupt.await,
        }
    }
    #[cfg(not(unix))]
    interrupt.await;
}
