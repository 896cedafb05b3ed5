//! HTTPS: a throwaway CA and a server certificate made in-process at start (rcgen), served
//! with rustls (the version ureq uses, through tokio-rustls).
//!
//! Nothing is read from or written to disk here: the CA's private key lives only in this
//! process and is dropped once the server certificate is signed, so a CA bundle written out
//! for clients ([`crate::RunningSandbox::save_ca_pem`]) can sign nothing.

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::ServerConfig;
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// The names the server certificate is issued for unless configured otherwise.
pub const DEFAULT_TLS_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "::1"];

/// How long a client may take to finish its TLS handshake before the connection is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// How the sandbox serves HTTPS ([`crate::SandboxConfig::with_tls`]): the names and the
/// validity of the server certificate its throwaway CA issues at start.
///
/// The defaults make a certificate clients accept once they trust the CA: issued for
/// `localhost`, `127.0.0.1` and `::1`, valid from an hour before the start for 30 days.
/// The other settings exist to test that a client refuses what it must:
///
/// ```
/// use advanceai_sandbox::TlsOptions;
///
/// let wrong_host = TlsOptions::default().with_names(["example.test"]);
/// assert_eq!(wrong_host.names, ["example.test"]);
/// let expired = TlsOptions::expired();
/// let (_, not_after) = expired.validity.unwrap();
/// assert!(not_after < std::time::SystemTime::now());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TlsOptions {
    /// DNS names and IP addresses the server certificate is issued for (default
    /// [`DEFAULT_TLS_NAMES`]); text that parses as an IP address is an IP address entry.
    pub names: Vec<String>,
    /// When the server certificate's validity starts and ends; `None` (the default): from
    /// an hour before the start to 30 days after it. The CA is always valid.
    pub validity: Option<(SystemTime, SystemTime)>,
}

impl Default for TlsOptions {
    fn default() -> Self {
        Self {
            names: DEFAULT_TLS_NAMES.map(String::from).to_vec(),
            validity: None,
        }
    }
}

impl TlsOptions {
    /// These options with a certificate for `names` only.
    pub fn with_names<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.names = names.into_iter().map(Into::into).collect();
        self
    }

    /// These options with a certificate valid from `not_before` to `not_after`.
    pub fn with_validity(mut self, not_before: SystemTime, not_after: SystemTime) -> Self {
        self.validity = Some((not_before, not_after));
        self
    }

    /// The default names with a certificate that expired a day ago (valid for the 30 days
    /// before that), for testing that a client refuses it.
    pub fn expired() -> Self {
        let now = SystemTime::now();
        let day = Duration::from_secs(86_400);
        Self::default().with_validity(
            now.checked_sub(day * 31).unwrap_or(UNIX_EPOCH),
            now.checked_sub(day).unwrap_or(UNIX_EPOCH),
        )
    }
}

/// What a TLS sandbox serves with: the rustls configuration, and the CA clients must trust.
#[derive(Debug)]
pub(crate) struct Identity {
    pub(crate) server: Arc<ServerConfig>,
    pub(crate) ca_pem: String,
}

/// Why the certificates could not be made (a name that is neither a DNS name nor an IP
/// address, a validity rcgen cannot encode, ...).
#[derive(Debug)]
pub(crate) struct TlsSetupError(pub(crate) String);

impl<E: std::fmt::Display> From<E> for TlsSetupError {
    fn from(error: E) -> Self {
        Self(error.to_string())
    }
}

/// Makes a fresh CA and a server certificate signed by it, as `options` say.
pub(crate) fn identity(options: &TlsOptions) -> Result<Identity, TlsSetupError> {
    let now = SystemTime::now();
    let hour = Duration::from_secs(3600);
    let (not_before, not_after) = options.validity.unwrap_or((
        now.checked_sub(hour).unwrap_or(UNIX_EPOCH),
        now + hour * 24 * 30,
    ));

    let ca_key = KeyPair::generate()?;
    let mut ca = CertificateParams::new(Vec::<String>::new())?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca.distinguished_name
        .push(DnType::CommonName, "advanceai-sandbox throwaway CA");
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    ca.not_before = datetime(now.checked_sub(hour).unwrap_or(UNIX_EPOCH))?;
    ca.not_after = datetime(now + hour * 24 * 365)?;
    let ca_cert = ca.self_signed(&ca_key)?;
    let issuer = Issuer::new(ca, ca_key);

    let key = KeyPair::generate()?;
    let mut server = CertificateParams::new(options.names.clone())?;
    server
        .distinguished_name
        .push(DnType::CommonName, "advanceai-sandbox");
    server.is_ca = IsCa::ExplicitNoCa;
    server.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    server.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    server.not_before = datetime(not_before)?;
    server.not_after = datetime(not_after)?;
    let cert = server.signed_by(&key, &issuer)?;

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Identity {
        server: Arc::new(config),
        ca_pem: pem_certificate(ca_cert.der()),
    })
}

/// A DER certificate as PEM (RFC 7468: base64 in lines of 64 characters).
fn pem_certificate(der: &[u8]) -> String {
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD.encode(der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in text.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

/// `time` as the date type rcgen takes (whole seconds).
fn datetime(time: SystemTime) -> Result<time::OffsetDateTime, TlsSetupError> {
    let seconds = match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs())?,
        Err(before) => -i64::try_from(before.duration().as_secs())?,
    };
    Ok(time::OffsetDateTime::from_unix_timestamp(seconds)?)
}

/// Writes `pem` to `path`, or to a new file of the temporary directory
/// (`advanceai-sandbox-ca-<pid>-<random>.pem`, created anew, never an existing file).
pub(crate) fn save_pem(pem: &str, path: Option<&Path>) -> io::Result<PathBuf> {
    match path {
        Some(path) => {
            std::fs::write(path, pem)?;
            Ok(path.to_path_buf())
        }
        None => {
            let name = format!(
                "advanceai-sandbox-ca-{}-{:016x}.pem",
                std::process::id(),
                rand::random::<u64>()
            );
            let path = std::env::temp_dir().join(name);
            let mut file = std::fs::File::create_new(&path)?;
            io::Write::write_all(&mut file, pem.as_bytes())?;
            Ok(path)
        }
    }
}

/// An axum listener that answers TLS: a task accepts TCP connections and runs each
/// handshake on its own task (bounded by [`HANDSHAKE_TIMEOUT`]), so a slow or failing
/// client holds up no other; finished handshakes are handed to the server.
pub(crate) struct TlsListener {
    incoming: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    addr: SocketAddr,
}

impl TlsListener {
    /// Starts accepting on `tcp` (call from inside the runtime); `accepted` counts every
    /// TCP connection, whether its handshake succeeds or not.
    pub(crate) fn start(
        tcp: TcpListener,
        server: Arc<ServerConfig>,
        accepted: Arc<AtomicU64>,
    ) -> io::Result<Self> {
        let addr = tcp.local_addr()?;
        let (sender, incoming) = mpsc::channel(64);
        tokio::spawn(accept_loop(
            tcp,
            TlsAcceptor::from(server),
            sender,
            accepted,
        ));
        Ok(Self { incoming, addr })
    }
}

async fn accept_loop(
    tcp: TcpListener,
    acceptor: TlsAcceptor,
    sender: mpsc::Sender<(TlsStream<TcpStream>, SocketAddr)>,
    accepted: Arc<AtomicU64>,
) {
    while !sender.is_closed() {
        let (stream, peer) = match tcp.accept().await {
            Ok(connection) => connection,
            Err(error) => {
                // Out of file descriptors and the like: wait a little, as axum does.
                tracing::warn!(%error, "cannot accept a connection");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        accepted.fetch_add(1, Ordering::SeqCst);
        let acceptor = acceptor.clone();
        let sender = sender.clone();
        tokio::spawn(async move {
            match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
                Ok(Ok(tls)) => {
                    let _ = sender.send((tls, peer)).await;
                }
                // The client refused the certificate (or spoke no TLS): its side reports it.
                Ok(Err(error)) => tracing::debug!(%peer, %error, "TLS handshake failed"),
                Err(_) => tracing::debug!(%peer, "TLS handshake timed out"),
            }
        });
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.incoming.recv().await {
            Some(connection) => connection,
            // The accept task is gone (the runtime is stopping): accept nothing more.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(self.addr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_is_not_ascii_is_refused() {
        let error = identity(&TlsOptions::default().with_names(["bücher.example"]));
        assert!(error.is_err());
    }

    #[test]
    fn the_ca_is_one_pem_certificate() {
        use rustls::pki_types::CertificateDer;
        use rustls::pki_types::pem::PemObject;

        let made = identity(&TlsOptions::default()).map_err(|e| e.0);
        let pem = made.map(|identity| identity.ca_pem).unwrap_or_default();
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"), "{pem}");
        assert!(pem.lines().all(|line| line.len() <= 64), "{pem}");
        assert!(!pem.contains("PRIVATE KEY"));
        let parsed: Vec<_> = CertificateDer::pem_slice_iter(pem.as_bytes()).collect();
        assert_eq!(parsed.len(), 1, "{pem}");
        assert!(parsed.iter().all(Result::is_ok), "{pem}");
    }
}
