//! Serving on the bound listener, plain HTTP or TLS, until the sandbox is stopped.

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::serve::{Listener, ListenerExt};
use tokio::sync::watch;

use crate::{server, tls};

/// Runs the server on `runtime` (the calling thread blocks) until `stopped`; `accepted`
/// counts TCP connections. With `tls`, every connection is a TLS handshake first.
pub(crate) fn serve(
    runtime: tokio::runtime::Runtime,
    listener: TcpListener,
    tls: Option<Arc<rustls::ServerConfig>>,
    accepted: Arc<AtomicU64>,
    app: Arc<server::App>,
    stopped: watch::Receiver<bool>,
) {
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::from_std(listener) {
            Ok(listener) => listener,
            Err(error) => {
                tracing::error!(%error, "cannot serve");
                return;
            }
        };
        match tls {
            Some(tls) => match tls::TlsListener::start(listener, tls, accepted) {
                Ok(listener) => serve_on(listener, app, stopped).await,
                Err(error) => tracing::error!(%error, "cannot serve"),
            },
            None => {
                let listener = listener.tap_io(move |_| {
                    accepted.fetch_add(1, Ordering::SeqCst);
                });
                serve_on(listener, app, stopped).await;
            }
        }
    });
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
}

/// Serves on `listener` until `stopped`, then lets open requests finish for up to
/// [`server::SHUTDOWN_GRACE`].
async fn serve_on<L>(listener: L, app: Arc<server::App>, stopped: watch::Receiver<bool>)
where
    L: Listener<Addr = SocketAddr>,
{
    let mut graceful = stopped.clone();
    let mut hard = stopped;
    let server = axum::serve(listener, server::router(app)).with_graceful_shutdown(async move {
        let _ = graceful.wait_for(|stop| *stop).await;
    });
    tokio::select! {
        result = std::future::IntoFuture::into_future(server) => {
            if let Err(error) = result {
                tracing::error!(%error, "server stopped");
            }
        }
        () = async move {
            let _ = hard.wait_for(|stop| *stop).await;
            tokio::time::sleep(server::SHUTDOWN_GRACE).await;
        } => {
            tracing::warn!("open requests dropped at shutdown");
        }
    }
}
