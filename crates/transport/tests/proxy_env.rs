//! Proxies from the environment (`ProxySetting::FromEnv`, the default) and `NO_PROXY`, as
//! ureq 3's `Proxy::try_from_env` reads them: what README's Configuration section and
//! `ProxySetting`'s docs say is checked here, one case per claim.
//!
//! The environment belongs to the whole process, so no test here changes this process's:
//! each case runs the ignored test `child_builds_a_client_from_its_environment` in a child
//! process (this same test binary) with the variables it needs, and the parent reads the
//! outcome the child prints and the counters of the two proxies it points at: one that
//! tunnels, one that refuses every CONNECT with 403.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]
#![allow(clippy::print_stdout)] // the child's outcome line

#[path = "../../../tests/support/connect_proxy.rs"]
mod connect_proxy;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig, TlsOptions,
};
use advanceai_transport::{Client, ClientConfig, ProxySetting};
use connect_proxy::{ConnectProxy, Mode};

const CHILD: &str = "child_builds_a_client_from_its_environment";
const CHILD_BASE_URL: &str = "ADVANCEAI_TEST_CHILD_BASE_URL";
const CHILD_CA_PEM: &str = "ADVANCEAI_TEST_CHILD_CA_PEM";
const CHILD_PROXY: &str = "ADVANCEAI_TEST_CHILD_PROXY";
const PROXY_VARIABLES: [&str; 8] = [
    "ALL_PROXY",
    "all_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "NO_PROXY",
    "no_proxy",
];
/// The longest a child may run: far above a loopback token call.
const CHILD_TIMEOUT: Duration = Duration::from_secs(60);

/// Run in a child process by the test below (the variables set), never alone.
#[test]
#[ignore = "run by environment_proxies_and_no_proxy in a child process"]
fn child_builds_a_client_from_its_environment() {
    let base_url = std::env::var(CHILD_BASE_URL)
        .expect("run by environment_proxies_and_no_proxy, which sets the variables");
    let proxy = match std::env::var(CHILD_PROXY).as_deref() {
        Ok("none") => ProxySetting::None,
        _ => ProxySetting::FromEnv,
    };
    let client = Client::new(
        ClientConfig::builder()
            .base_url(base_url)
            .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
            .extra_ca_pem(std::env::var(CHILD_CA_PEM).unwrap())
            .proxy(proxy)
            .build()
            .unwrap(),
    );
    match client.token() {
        Ok(_) => println!("outcome: ok"),
        Err(error) => println!("outcome: {} {error}", error.kind()),
    }
}

/// Runs the child against `base_url` with `vars` (every other proxy variable removed);
/// returns the outcome line it printed.
fn child(sandbox: &RunningSandbox, base_url: &str, proxy: &str, vars: &[(&str, &str)]) -> String {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "--ignored",
            "--exact",
            CHILD,
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_BASE_URL, base_url)
        .env(CHILD_CA_PEM, sandbox.ca_pem().unwrap())
        .env(CHILD_PROXY, proxy)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for name in PROXY_VARIABLES {
        command.env_remove(name);
    }
    command.envs(vars.iter().copied());
    let mut process = command.spawn().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = process.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > CHILD_TIMEOUT {
            let _ = process.kill();
            panic!("the child did not finish within {CHILD_TIMEOUT:?}: {vars:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut stdout = String::new();
    process
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert!(status.success(), "{vars:?}: {status}\n{stdout}");
    let outcome = stdout
        .lines()
        .find_map(|line| line.split_once("outcome: ").map(|(_, outcome)| outcome))
        .unwrap_or_else(|| panic!("{vars:?}: the child printed no outcome:\n{stdout}"));
    outcome.to_owned()
}

/// Where a case's request must go.
#[derive(Clone, Copy, Debug)]
enum Route {
    /// Through the tunnelling proxy.
    Tunnel,
    /// To the refusing proxy (which fails it).
    Refused,
    /// Straight to the sandbox.
    Direct,
}

/// The variables, the base URL, the `ProxySetting` (`env` or `none`) and the route.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str, Route);

#[test]
fn environment_proxies_and_no_proxy() {
    let sandbox = Sandbox::start(SandboxConfig::default().with_tls(TlsOptions::default())).unwrap();
    let tunnel = ConnectProxy::start(Mode::Tunnel);
    let refuse = ConnectProxy::start(Mode::Refuse(403));
    let (good, bad) = (tunnel.url(), refuse.url());
    let port = sandbox.addr().port();
    let by_ip = sandbox.base_url().to_owned();
    let by_name = format!("https://localhost:{port}");
    use Route::{Direct, Refused, Tunnel};
    let cases: &[Case<'_>] = &[
        // Each variable alone is used, for https:// as well (HTTP_PROXY too).
        (&[("HTTPS_PROXY", &good)], &by_ip, "env", Tunnel),
        (&[("https_proxy", &good)], &by_ip, "env", Tunnel),
        (&[("ALL_PROXY", &good)], &by_ip, "env", Tunnel),
        (&[("all_proxy", &good)], &by_ip, "env", Tunnel),
        (&[("HTTP_PROXY", &good)], &by_ip, "env", Tunnel),
        (&[("http_proxy", &good)], &by_ip, "env", Tunnel),
        // Precedence: ALL_PROXY, all_proxy, HTTPS_PROXY, https_proxy, HTTP_PROXY, http_proxy.
        (
            &[("ALL_PROXY", &good), ("HTTPS_PROXY", &bad)],
            &by_ip,
            "env",
            Tunnel,
        ),
        (
            &[("all_proxy", &good), ("HTTPS_PROXY", &bad)],
            &by_ip,
            "env",
            Tunnel,
        ),
        (
            &[("HTTPS_PROXY", &good), ("https_proxy", &bad)],
            &by_ip,
            "env",
            Tunnel,
        ),
        (
            &[("HTTPS_PROXY", &good), ("HTTP_PROXY", &bad)],
            &by_ip,
            "env",
            Tunnel,
        ),
        // A value that is not a proxy URL is skipped for the next variable.
        (
            &[("ALL_PROXY", "ftp://x"), ("HTTPS_PROXY", &good)],
            &by_ip,
            "env",
            Tunnel,
        ),
        // NO_PROXY: exact host names and IP addresses (any case), `*`, suffixes.
        (
            &[("HTTPS_PROXY", &bad), ("NO_PROXY", "localhost")],
            &by_name,
            "env",
            Direct,
        ),
        (
            &[("HTTPS_PROXY", &bad), ("NO_PROXY", "LOCALHOST")],
            &by_name,
            "env",
            Direct,
        ),
        (
            &[("HTTPS_PROXY", &bad), ("NO_PROXY", "127.0.0.1")],
            &by_ip,
            "env",
            Direct,
        ),
        (
            &[("HTTPS_PROXY", &bad), ("no_proxy", "127.0.0.1")],
            &by_ip,
            "env",
            Direct,
        ),
        (
            &[("HTTPS_PROXY", &bad), ("NO_PROXY", "*")],
            &by_ip,
            "env",
            Direct,
        ),
        (
            &[("HTTPS_PROXY", &bad), ("NO_PROXY", "*host")],
            &by_name,
            "env",
            Direct,
        ),
        (
            &[("HTTPS_PROXY", &bad), ("NO_PROXY", "example.com,localhost")],
            &by_name,
            "env",
            Direct,
        ),
        // ...no port, no CIDR, no spaces: these do not match, the proxy is used.
        (
            &[
                ("HTTPS_PROXY", &bad),
                ("NO_PROXY", "example.com, localhost"),
            ],
            &by_name,
            "env",
            Refused,
        ),
        (
            &[("HTTPS_PROXY", &bad), ("NO_PROXY", "127.0.0.0/8")],
            &by_ip,
            "env",
            Refused,
        ),
        (
            &[
                ("HTTPS_PROXY", &bad),
                ("NO_PROXY", &format!("localhost:{port}")),
            ],
            &by_name,
            "env",
            Refused,
        ),
        (
            &[("HTTPS_PROXY", &bad), ("NO_PROXY", ".localhost")],
            &by_name,
            "env",
            Refused,
        ),
        // NO_PROXY, when set, hides no_proxy.
        (
            &[
                ("HTTPS_PROXY", &bad),
                ("NO_PROXY", "example.com"),
                ("no_proxy", "localhost"),
            ],
            &by_name,
            "env",
            Refused,
        ),
        // Loopback is not exempt by itself.
        (&[("HTTPS_PROXY", &bad)], &by_name, "env", Refused),
        // ProxySetting::None ignores every variable.
        (
            &[("ALL_PROXY", &bad), ("HTTPS_PROXY", &bad)],
            &by_ip,
            "none",
            Direct,
        ),
    ];
    for (vars, base_url, setting, expected) in cases {
        let before = (
            tunnel.connects(),
            refuse.connects(),
            sandbox.connections_accepted(),
        );
        let outcome = child(&sandbox, base_url, setting, vars);
        let after = (
            tunnel.connects(),
            refuse.connects(),
            sandbox.connections_accepted(),
        );
        let case = format!("{vars:?} {base_url} {setting}: {outcome}");
        match expected {
            Tunnel => {
                assert_eq!(outcome, "ok", "{case}");
                assert_eq!(after.0, before.0 + 1, "not through the tunnel: {case}");
                assert_eq!(after.1, before.1, "{case}");
            }
            Refused => {
                assert!(outcome.starts_with("TRANSPORT_ERROR"), "{case}");
                assert!(outcome.contains("proxy server responded 403"), "{case}");
                assert!(
                    after.1 > before.1,
                    "the refusing proxy was not asked: {case}"
                );
                assert_eq!(after.2, before.2, "{case}");
            }
            Direct => {
                assert_eq!(outcome, "ok", "{case}");
                assert_eq!((after.0, after.1), (before.0, before.1), "proxied: {case}");
                assert_eq!(after.2, before.2 + 1, "{case}");
            }
        }
    }
}

#[test]
fn no_proxy_matches_an_ipv6_host_with_its_brackets() {
    let sandbox = Sandbox::start(
        SandboxConfig::default()
            .with_address("::1".parse().unwrap(), 0)
            .with_tls(TlsOptions::default()),
    )
    .unwrap();
    let refuse = ConnectProxy::start(Mode::Refuse(403));
    let base_url = sandbox.base_url().to_owned();
    assert!(base_url.starts_with("https://[::1]:"), "{base_url}");
    let proxy = refuse.url();
    let direct = child(
        &sandbox,
        &base_url,
        "env",
        &[("HTTPS_PROXY", &proxy), ("NO_PROXY", "[::1]")],
    );
    assert_eq!(direct, "ok");
    assert_eq!(refuse.connects(), 0);
    let proxied = child(
        &sandbox,
        &base_url,
        "env",
        &[("HTTPS_PROXY", &proxy), ("NO_PROXY", "::1")],
    );
    assert!(proxied.contains("proxy server responded 403"), "{proxied}");
    assert!(refuse.connects() > 0);
}
