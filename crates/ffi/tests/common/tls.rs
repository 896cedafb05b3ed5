//! What the C and Go tests of TLS and proxies run against: sandboxes serving HTTPS (a
//! trusted certificate, one for another host, an expired one), their CA files, and two
//! CONNECT proxies on loopback (one tunnels, one refuses with 403). The programs get them
//! in environment variables ([`TlsFixtures::env`]); the drivers read the proxies' counters
//! afterwards to prove what went through them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../../../tests/support/connect_proxy.rs"]
mod connect_proxy;

use std::path::PathBuf;

use advanceai_sandbox::{RunningSandbox, Sandbox, SandboxConfig, TlsOptions};
pub(crate) use connect_proxy::{ConnectProxy, Mode};

/// The sandboxes and proxies; their CA files are removed on drop.
pub(crate) struct TlsFixtures {
    pub(crate) trusted: RunningSandbox,
    pub(crate) wrong_host: RunningSandbox,
    pub(crate) expired: RunningSandbox,
    pub(crate) tunnel: ConnectProxy,
    pub(crate) refusing: ConnectProxy,
    dir: PathBuf,
}

impl TlsFixtures {
    /// Starts everything; the CA files go to a scratch directory named after `name`.
    pub(crate) fn start(name: &str) -> Self {
        let start = |options| Sandbox::start(SandboxConfig::default().with_tls(options)).unwrap();
        let dir = super::out_dir(&format!("tls-fixtures/{name}-{}", std::process::id()));
        Self {
            trusted: start(TlsOptions::default()),
            wrong_host: start(TlsOptions::default().with_names(["example.test"])),
            expired: start(TlsOptions::expired()),
            tunnel: ConnectProxy::start(Mode::Tunnel),
            refusing: ConnectProxy::start(Mode::Refuse(403)),
            dir,
        }
    }

    fn ca_file(&self, sandbox: &RunningSandbox, name: &str) -> String {
        let path = self.dir.join(format!("{name}.pem"));
        sandbox
            .save_ca_pem(Some(&path))
            .unwrap()
            .display()
            .to_string()
    }

    /// The variables the programs read: each sandbox's URL and CA file, the proxies' URLs.
    pub(crate) fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("ADVANCEAI_TLS_URL", self.trusted.base_url().to_owned()),
            (
                "ADVANCEAI_TLS_CA_BUNDLE",
                self.ca_file(&self.trusted, "trusted"),
            ),
            (
                "ADVANCEAI_TLS_WRONG_HOST_URL",
                self.wrong_host.base_url().to_owned(),
            ),
            (
                "ADVANCEAI_TLS_WRONG_HOST_CA_BUNDLE",
                self.ca_file(&self.wrong_host, "wrong-host"),
            ),
            (
                "ADVANCEAI_TLS_EXPIRED_URL",
                self.expired.base_url().to_owned(),
            ),
            (
                "ADVANCEAI_TLS_EXPIRED_CA_BUNDLE",
                self.ca_file(&self.expired, "expired"),
            ),
            ("ADVANCEAI_CONNECT_PROXY_URL", self.tunnel.url()),
            ("ADVANCEAI_REFUSING_PROXY_URL", self.refusing.url()),
        ]
    }

    /// The proxies' counters: (tunnels opened, CONNECTs refused).
    pub(crate) fn proxy_counts(&self) -> (u64, u64) {
        (self.tunnel.tunnels(), self.refusing.connects())
    }
}

impl Drop for TlsFixtures {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
