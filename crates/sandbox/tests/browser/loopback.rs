//! A loopback HTTP listener that stands for the merchant: the browser lands on its return
//! pages, the sandbox posts its callbacks to it, and the test sees every request.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One request the listener got.
#[derive(Clone, Debug)]
pub(crate) struct Seen {
    pub(crate) method: String,
    /// The path and query, as sent.
    pub(crate) target: String,
    pub(crate) body: String,
}

/// The listener and what it has seen so far.
pub(crate) struct Loopback {
    base: String,
    seen: mpsc::Receiver<Seen>,
    /// Requests already received that no wait asked for yet.
    pending: Vec<Seen>,
}

/// How long one connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(5);

impl Loopback {
    /// Listens on a free loopback port; each connection gets its own thread, so an idle
    /// connection (a browser's preconnect) never holds up the others.
    pub(crate) fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (tx, seen) = mpsc::channel();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let tx = tx.clone();
                std::thread::spawn(move || {
                    if let Some(request) = serve(stream) {
                        let _ = tx.send(request);
                    }
                });
            }
        });
        Self {
            base,
            seen,
            pending: Vec::new(),
        }
    }

    /// `http://127.0.0.1:port`.
    pub(crate) fn base(&self) -> &str {
        &self.base
    }

    /// The first request (received already or within `timeout`) that `matches`; panics at
    /// the deadline, naming what was seen instead.
    pub(crate) fn wait_for(
        &mut self,
        what: &str,
        timeout: Duration,
        matches: impl Fn(&Seen) -> bool,
    ) -> Seen {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(i) = self.pending.iter().position(&matches) {
                return self.pending.remove(i);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.seen.recv_timeout(left) {
                Ok(request) => self.pending.push(request),
                Err(_) => panic!(
                    "no {what} within {timeout:?}; the listener saw: {:?}",
                    self.pending
                ),
            }
        }
    }

    /// Every request received within `quiet` that `matches` (to prove one did not come).
    pub(crate) fn any_within(
        &mut self,
        quiet: Duration,
        matches: impl Fn(&Seen) -> bool,
    ) -> Vec<Seen> {
        let deadline = Instant::now() + quiet;
        while let Ok(request) = self
            .seen
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.pending.push(request);
        }
        self.pending
            .iter()
            .filter(|r| matches(r))
            .cloned()
            .collect()
    }
}

/// Reads one request and answers it: a small page for a GET (the browser shows where it
/// landed), an empty 200 for anything else (a callback is acknowledged).
fn serve(mut stream: TcpStream) -> Option<Seen> {
    stream.set_read_timeout(Some(READ_TIMEOUT)).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok()?;
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let page = if method == "GET" {
        "<!DOCTYPE html><title>merchant</title><p id=\"landed\">back at the merchant</p>"
    } else {
        ""
    };
    let answer = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
        page.len()
    );
    stream.write_all(answer.as_bytes()).ok()?;
    Some(Seen {
        method,
        target,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}
