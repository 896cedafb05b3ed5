//! H5 helpers shared by the H5 test files: Generate URL, Get Result, a callback receiver.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;

use serde_json::{Value, json};

use super::{GENERATE_PATH, RESULT_PATH, post};

/// A one-purpose callback receiver: answers each request with the next status of
/// `statuses` (200 once they run out) and reports each body it got.
pub fn callback_receiver(statuses: Vec<u16>) -> (String, mpsc::Receiver<(u16, Value)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/hook?auth=secret-token",
        listener.local_addr().unwrap()
    );
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut statuses = statuses.into_iter();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0usize;
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.trim().parse().unwrap();
                    }
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            assert!(
                request_line.starts_with("POST /hook?auth=secret-token "),
                "{request_line}"
            );
            let status = statuses.next().unwrap_or(200);
            write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let _ = tx.send((status, serde_json::from_slice(&body).unwrap()));
        }
    });
    (url, rx)
}

pub fn generate(agent: &ureq::Agent, base: &str, token: &str, body: &Value) -> Value {
    let body = post(agent, &format!("{base}{GENERATE_PATH}"), Some(token), body).envelope();
    assert_eq!(body["code"], "SUCCESS", "{body}");
    body["data"].clone()
}

pub fn result(agent: &ureq::Agent, base: &str, token: &str, signature_id: &str) -> Value {
    post(
        agent,
        &format!("{base}{RESULT_PATH}"),
        Some(token),
        &json!({ "signatureId": signature_id }),
    )
    .envelope()
}
