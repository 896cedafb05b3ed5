//! The base URL rule: what an API base may look like, and plain `http` for loopback only.

use std::net::IpAddr;

use super::ConfigError;

/// Parses and normalizes a base URL: http(s), a host, no user info, query or fragment;
/// `http` only for loopback hosts (127.0.0.0/8, `::1`, `localhost`).
pub(super) fn check_base_url(raw: &str) -> Result<String, ConfigError> {
    let url =
        url::Url::parse(raw.trim()).map_err(|e| ConfigError::InvalidBaseUrl(format!("{e}")))?;
    let host = match url.host() {
        Some(host) => host,
        None => return Err(ConfigError::InvalidBaseUrl("no host".into())),
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ConfigError::InvalidBaseUrl(
            "credentials in the URL are not allowed".into(),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ConfigError::InvalidBaseUrl(
            "a query or fragment is not allowed".into(),
        ));
    }
    let loopback = match &host {
        url::Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        url::Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
        url::Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(ConfigError::InsecureBaseUrl {
                host: host.to_string(),
            });
        }
        other => {
            return Err(ConfigError::InvalidBaseUrl(format!(
                "scheme {other} is not http(s)"
            )));
        }
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            check_base_url("https://sg-api.advance.ai/").as_deref(),
            Ok("https://sg-api.advance.ai")
        );
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.3.4.5",
            "http://[::1]:9",
            "http://localhost:1/prefix/",
            "http://LOCALHOST",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for insecure in ["http://api.advance.ai", "http://10.0.0.1", "http://[::2]"] {
            assert!(
                matches!(
                    check_base_url(insecure),
                    Err(ConfigError::InsecureBaseUrl { .. })
                ),
                "{insecure}"
            );
        }
        for bad in [
            "ftp://x",
            "not a url",
            "https://user:pw@host",
            "https://host/?q=1",
            "https://host/#f",
        ] {
            assert!(
                matches!(check_base_url(bad), Err(ConfigError::InvalidBaseUrl(_))),
                "{bad}"
            );
        }
    }
}
