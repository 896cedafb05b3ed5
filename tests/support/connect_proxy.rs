//! A small HTTP CONNECT proxy on loopback, for tests: the Rust, C, Go and CLI tests include
//! this one file (`#[path = ".../tests/support/connect_proxy.rs"] mod connect_proxy;`).
//!
//! Standard library only: a listener thread, one thread per client connection that reads
//! `CONNECT host:port HTTP/1.1` and its headers, and either answers `200` and pipes bytes
//! both ways (counting the tunnel) or refuses with the configured status (403, or 407 with
//! `Proxy-Authenticate`). It tunnels to loopback addresses only. Every wait has a deadline:
//! reading a request head 5 s, connecting 5 s, each pipe read 100 ms between checks of the
//! stop flag that [`Drop`] sets.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What the proxy does with a CONNECT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Answer `200 Connection established` and pipe bytes both ways.
    Tunnel,
    /// Answer this status (403, 407...) and close.
    Refuse(u16),
}

#[derive(Default)]
struct Seen {
    connects: AtomicU64,
    tunnels: AtomicU64,
    targets: Mutex<Vec<String>>,
    authorizations: Mutex<Vec<String>>,
}

/// A running proxy; stops when dropped.
pub(crate) struct ConnectProxy {
    addr: SocketAddr,
    seen: Arc<Seen>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const PIPE_POLL: Duration = Duration::from_millis(100);
const MAX_HEAD: usize = 8192;

impl ConnectProxy {
    /// Starts a proxy on `127.0.0.1` and a free port.
    pub(crate) fn start(mode: Mode) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Seen::default());
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (seen, stop) = (Arc::clone(&seen), Arc::clone(&stop));
            std::thread::spawn(move || accept_loop(&listener, mode, &seen, &stop))
        };
        Self {
            addr,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://user:password@127.0.0.1:<port>`.
    pub(crate) fn url_with_credentials(&self, user: &str, password: &str) -> String {
        format!("http://{user}:{password}@{}", self.addr)
    }

    /// CONNECT requests received (answered in any way).
    pub(crate) fn connects(&self) -> u64 {
        self.seen.connects.load(Ordering::SeqCst)
    }

    /// Tunnels opened (`200` answered).
    pub(crate) fn tunnels(&self) -> u64 {
        self.seen.tunnels.load(Ordering::SeqCst)
    }

    /// The `host:port` of every CONNECT, in order.
    pub(crate) fn targets(&self) -> Vec<String> {
        self.seen.targets.lock().unwrap().clone()
    }

    /// The `Proxy-Authorization` header of every CONNECT that had one.
    pub(crate) fn authorizations(&self) -> Vec<String> {
        self.seen.authorizations.lock().unwrap().clone()
    }
}

impl Drop for ConnectProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept_loop(listener: &TcpListener, mode: Mode, seen: &Arc<Seen>, stop: &Arc<AtomicBool>) {
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((client, _)) => {
                let (seen, stop) = (Arc::clone(seen), Arc::clone(stop));
                std::thread::spawn(move || {
                    let _ = handle(client, mode, &seen, &stop);
                });
            }
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

/// Reads up to the blank line ending the request head; returns the head and any bytes
/// read past it.
fn read_head(client: &mut TcpStream) -> io::Result<(String, Vec<u8>)> {
    client.set_nonblocking(false)?;
    client.set_read_timeout(Some(HEAD_TIMEOUT))?;
    let deadline = Instant::now() + HEAD_TIMEOUT;
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 1024];
    loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let rest = buffer.split_off(end + 4);
            return Ok((String::from_utf8_lossy(&buffer).into_owned(), rest));
        }
        if buffer.len() > MAX_HEAD || Instant::now() > deadline {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "no request head",
            ));
        }
        let n = client.read(&mut chunk)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
}

fn handle(
    mut client: TcpStream,
    mode: Mode,
    seen: &Seen,
    stop: &Arc<AtomicBool>,
) -> io::Result<()> {
    let (head, rest) = read_head(&mut client)?;
    let mut lines = head.split("\r\n");
    let request = lines.next().unwrap_or_default();
    let mut words = request.split(' ');
    let (Some("CONNECT"), Some(target)) = (words.next(), words.next()) else {
        client.write_all(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")?;
        return Ok(());
    };
    seen.connects.fetch_add(1, Ordering::SeqCst);
    seen.targets.lock().unwrap().push(target.to_owned());
    let authorizations = lines
        .filter_map(|line| line.split_once(':'))
        .filter(|(name, _)| name.eq_ignore_ascii_case("proxy-authorization"))
        .map(|(_, value)| value.trim().to_owned());
    seen.authorizations.lock().unwrap().extend(authorizations);
    if let Mode::Refuse(status) = mode {
        let extra = if status == 407 {
            "Proxy-Authenticate: Basic realm=\"test\"\r\n"
        } else {
            ""
        };
        let answer = format!(
            "HTTP/1.1 {status} Refused\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"
        );
        client.write_all(answer.as_bytes())?;
        return Ok(());
    }
    // Loopback targets only: a test proxy must not reach anything else.
    let address = target
        .to_socket_addrs()?
        .find(|a| a.ip().is_loopback())
        .ok_or_else(|| io::Error::new(io::ErrorKind::PermissionDenied, "not loopback"))?;
    let mut server = match TcpStream::connect_timeout(&address, CONNECT_TIMEOUT) {
        Ok(server) => server,
        Err(error) => {
            client.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")?;
            return Err(error);
        }
    };
    // Bytes go on as they come (no Nagle delay on the small writes of an HTTP exchange).
    client.set_nodelay(true)?;
    server.set_nodelay(true)?;
    client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
    seen.tunnels.fetch_add(1, Ordering::SeqCst);
    server.write_all(&rest)?;
    let upstream = {
        let (from, to, stop) = (client.try_clone()?, server.try_clone()?, Arc::clone(stop));
        std::thread::spawn(move || pipe(from, to, &stop))
    };
    pipe(server, client, stop);
    let _ = upstream.join();
    Ok(())
}

/// Copies `from` to `to` until end of file, an error or the stop flag; then closes the
/// writing half of `to` (and, on an error, both connections).
fn pipe(mut from: TcpStream, mut to: TcpStream, stop: &AtomicBool) {
    let _ = from.set_read_timeout(Some(PIPE_POLL));
    let mut chunk = [0u8; 16 * 1024];
    while !stop.load(Ordering::SeqCst) {
        match from.read(&mut chunk) {
            Ok(0) => {
                let _ = to.shutdown(Shutdown::Write);
                return;
            }
            Ok(n) => {
                if to.write_all(&chunk[..n]).is_err() {
                    break;
                }
            }
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break,
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}
