//! Authenticating the vendor's callbacks: a random secret token carried in the callback URL.
//!
//! The vendor does not sign the notification it posts to a Generate URL request's
//! `callbackUrl`; its only protection is "an authorization query parameter" in the URL.
//! [`CallbackSecret`] makes that parameter: a random token, put in the URL given to the
//! vendor, and checked in constant time on every request the callback endpoint receives.
//! A request with the right token still only says "go and look": fetch the outcome with
//! Get Result.

use std::fmt;

use advanceai_core::Secret;
use rand::RngCore;
use subtle::ConstantTimeEq;

/// The number of random bytes in a generated token (shown as twice as many hex digits).
const TOKEN_BYTES: usize = 32;

/// A secret token for a callback URL's query string: [`CallbackSecret::url`] builds the URL
/// to send as `callbackUrl`, [`CallbackSecret::verify`] checks what a request presents.
///
/// Keep it (its [`CallbackSecret::token`]) where the callback endpoint can read it, per
/// transaction or per deployment. `Debug` never shows it.
///
/// ```
/// use advanceai_transport::CallbackSecret;
///
/// let secret = CallbackSecret::generate();
/// let url = secret.url("https://example.com/advance/callback", "auth");
/// assert!(url.starts_with("https://example.com/advance/callback?auth="));
/// // On the callback endpoint: the query's `auth` value, checked in constant time.
/// let query = url.split_once('?').map(|(_, query)| query).unwrap_or("");
/// assert!(secret.verify_query(query, "auth"));
/// assert!(!secret.verify("not-the-token"));
/// assert!(!format!("{secret:?}").contains(secret.token()));
/// ```
#[derive(Clone)]
pub struct CallbackSecret {
    /// Wiped from memory on drop, like every credential ([`Secret`]).
    token: Secret,
}

impl CallbackSecret {
    /// A new token: 32 bytes from the thread's cryptographically secure generator, as 64
    /// lowercase hex digits (nothing in a URL needs escaping).
    pub fn generate() -> Self {
        let mut bytes = [0u8; TOKEN_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        let mut token = String::with_capacity(TOKEN_BYTES * 2);
        for byte in bytes {
            token.push(char::from(HEX[usize::from(byte >> 4)]));
            token.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        Self {
            token: Secret::new(token),
        }
    }

    /// A token kept from an earlier [`CallbackSecret::generate`]; `None` for an empty one
    /// (which would accept a request presenting no token).
    pub fn from_token(token: impl Into<String>) -> Option<Self> {
        let token = token.into();
        (!token.is_empty()).then(|| Self {
            token: Secret::new(token),
        })
    }

    /// The token, to store for the callback endpoint. A secret: never log it.
    pub fn token(&self) -> &str {
        self.token.expose()
    }

    /// `base` with `param=<token>` added to its query: after `?` when it has no query,
    /// after `&` when it has one (nothing is added after a trailing `?` or `&`), before any
    /// `#fragment`. `param` is form-encoded; the token needs no escaping. The result holds
    /// the secret: send it to the vendor, never log it.
    pub fn url(&self, base: &str, param: &str) -> String {
        let (head, fragment) = match base.find('#') {
            Some(at) => base.split_at(at),
            None => (base, ""),
        };
        let separator = match head.find('?') {
            None => "?",
            Some(_) if head.ends_with('?') || head.ends_with('&') => "",
            Some(_) => "&",
        };
        let param: String = url::form_urlencoded::byte_serialize(param.as_bytes()).collect();
        format!("{head}{separator}{param}={}{fragment}", self.token())
    }

    /// Whether `presented` is the token, compared in constant time (the time does not
    /// depend on where the two first differ). An empty or other-length value is refused.
    pub fn verify(&self, presented: &str) -> bool {
        bool::from(self.token().as_bytes().ct_eq(presented.as_bytes()))
    }

    /// Whether the query string `query` (without the `?`, form-encoded, as a request's
    /// URL carries it) holds `param` exactly once, with the token as its value. A missing
    /// or repeated parameter is refused.
    pub fn verify_query(&self, query: &str, param: &str) -> bool {
        let mut values = url::form_urlencoded::parse(query.as_bytes())
            .filter(|(name, _)| name == param)
            .map(|(_, value)| value);
        match (values.next(), values.next()) {
            (Some(value), None) => self.verify(&value),
            _ => false,
        }
    }
}

/// The hex digits of a generated token.
const HEX: &[u8; 16] = b"0123456789abcdef";

impl fmt::Debug for CallbackSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallbackSecret")
            .field("token", &"[redacted]")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tokens_are_64_hex_digits_and_differ() {
        let a = CallbackSecret::generate();
        let b = CallbackSecret::generate();
        assert_eq!(a.token().len(), 64);
        assert!(a.token().bytes().all(|c| HEX.contains(&c)));
        assert_ne!(a.token(), b.token());
    }

    #[test]
    fn the_token_round_trips_through_the_url() {
        let secret = CallbackSecret::generate();
        let url = secret.url("https://example.com/cb", "auth");
        assert_eq!(
            url,
            format!("https://example.com/cb?auth={}", secret.token())
        );
        let parsed = url::Url::parse(&url).expect("a URL");
        assert!(secret.verify_query(parsed.query().unwrap_or_default(), "auth"));
        let kept = CallbackSecret::from_token(secret.token()).expect("a token");
        assert!(kept.verify(secret.token()));
    }

    #[test]
    fn wrong_empty_and_other_length_tokens_are_refused() {
        let secret = CallbackSecret::generate();
        let token = secret.token().to_owned();
        let mut wrong = token.clone().into_bytes();
        wrong[63] = if wrong[63] == b'0' { b'1' } else { b'0' };
        assert!(!secret.verify(std::str::from_utf8(&wrong).expect("hex")));
        assert!(!secret.verify(""));
        assert!(!secret.verify(&token[..63]));
        assert!(!secret.verify(&format!("{token}0")));
        assert!(!secret.verify(&token.to_uppercase()));
        assert!(secret.verify(&token));
        assert!(CallbackSecret::from_token("").is_none());
    }

    #[test]
    fn the_query_must_carry_the_parameter_once() {
        let secret = CallbackSecret::from_token("s3cret").expect("a token");
        assert!(secret.verify_query("a=1&auth=s3cret", "auth"));
        assert!(!secret.verify_query("a=1", "auth"));
        assert!(!secret.verify_query("auth=", "auth"));
        assert!(!secret.verify_query("auth=other", "auth"));
        assert!(!secret.verify_query("auth=s3cret&auth=s3cret", "auth"));
        assert!(!secret.verify_query("Auth=s3cret", "auth"));
    }

    #[test]
    fn the_url_keeps_an_existing_query_and_fragment() {
        let secret = CallbackSecret::from_token("t0k").expect("a token");
        assert_eq!(
            secret.url("https://e.com/cb", "auth"),
            "https://e.com/cb?auth=t0k"
        );
        assert_eq!(
            secret.url("https://e.com/cb?order=7", "auth"),
            "https://e.com/cb?order=7&auth=t0k"
        );
        assert_eq!(
            secret.url("https://e.com/cb?", "auth"),
            "https://e.com/cb?auth=t0k"
        );
        assert_eq!(
            secret.url("https://e.com/cb?a=1&", "auth"),
            "https://e.com/cb?a=1&auth=t0k"
        );
        assert_eq!(
            secret.url("https://e.com/cb#top", "auth"),
            "https://e.com/cb?auth=t0k#top"
        );
        assert_eq!(
            secret.url("https://e.com/cb?a=1#x?y", "a b"),
            "https://e.com/cb?a=1&a+b=t0k#x?y"
        );
        let url = url::Url::parse(&secret.url("https://e.com/cb?order=7", "auth")).expect("a URL");
        assert!(secret.verify_query(url.query().unwrap_or_default(), "auth"));
    }

    #[test]
    fn debug_never_shows_the_token() {
        let secret = CallbackSecret::generate();
        let shown = format!("{secret:?} {secret:#?}");
        assert!(!shown.contains(secret.token()));
        assert!(shown.contains("[redacted]"));
    }
}
