//! Host name resolution without a thread per request.
//!
//! ureq's default resolver bounds each lookup by the request's timeout by running it on a
//! new thread, and it resolves before it looks for a pooled connection: every call paid for
//! a thread (about 35 µs here, measured with `strace` and the FFI and Go benchmarks), and
//! with no local DNS cache a real lookup too. This resolver answers IP literals directly
//! and keeps a name's addresses for [`NAME_TTL`]; a miss goes to ureq's resolver, timeout
//! included. Resolution is ureq's `unversioned` API: it may change in a ureq minor release,
//! and this file is where to adapt.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// How long a name's addresses are reused: short enough to follow a DNS change (a failover)
/// within half a minute, long enough that a busy client resolves rarely.
pub(crate) const NAME_TTL: Duration = Duration::from_secs(30);

/// The most names kept (a client talks to one host, a proxy at most): the cache is cleared
/// rather than grown past it.
const MAX_NAMES: usize = 16;

/// IP literals directly, names through a short cache in front of ureq's resolver.
#[derive(Debug, Default)]
pub(crate) struct CachingResolver {
    inner: DefaultResolver,
    names: Mutex<HashMap<String, (Instant, ResolvedSocketAddrs)>>,
}

impl Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let Some(authority) = uri.authority() else {
            return self.inner.resolve(uri, config, timeout);
        };
        let host = authority.host();
        let literal = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host)
            .parse::<IpAddr>();
        if let (Ok(ip), Some(port)) = (literal, authority.port_u16()) {
            let mut addrs = self.empty();
            addrs.push(SocketAddr::new(ip, port));
            return Ok(addrs);
        }
        let key = format!(
            "{}://{}",
            uri.scheme_str().unwrap_or(""),
            authority.as_str()
        );
        let now = Instant::now();
        {
            let names = self.names.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((at, addrs)) = names.get(&key) {
                if now.duration_since(*at) < NAME_TTL {
                    return Ok(addrs.clone());
                }
            }
        }
        let addrs = self.inner.resolve(uri, config, timeout)?;
        let mut names = self.names.lock().unwrap_or_else(|e| e.into_inner());
        if names.len() >= MAX_NAMES {
            names.clear();
        }
        names.insert(key, (now, addrs.clone()));
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use ureq::Agent;

    fn resolve(resolver: &CachingResolver, url: &str) -> Vec<SocketAddr> {
        let config = Agent::config_builder().build();
        let uri: Uri = url.parse().unwrap();
        let timeout = NextTimeout {
            after: ureq::unversioned::transport::time::Duration::from_secs(5),
            reason: ureq::Timeout::Resolve,
            ..NextTimeout::default()
        };
        let addrs = resolver.resolve(&uri, &config, timeout).unwrap();
        addrs.iter().copied().collect()
    }

    #[test]
    fn ip_literals_need_no_lookup() {
        let resolver = CachingResolver::default();
        assert_eq!(
            resolve(&resolver, "http://127.0.0.1:8080/x"),
            vec!["127.0.0.1:8080".parse::<SocketAddr>().unwrap()]
        );
        assert_eq!(
            resolve(&resolver, "http://[::1]:9/x"),
            vec!["[::1]:9".parse::<SocketAddr>().unwrap()]
        );
        assert!(resolver.names.lock().unwrap().is_empty());
    }

    #[test]
    fn names_are_resolved_once_then_cached() {
        let resolver = CachingResolver::default();
        let first = resolve(&resolver, "http://localhost:8080/x");
        assert!(
            first
                .iter()
                .all(|a| a.ip().is_loopback() && a.port() == 8080)
        );
        assert_eq!(resolver.names.lock().unwrap().len(), 1);
        assert_eq!(resolve(&resolver, "http://localhost:8080/y"), first);
        assert_eq!(resolver.names.lock().unwrap().len(), 1);
    }
}
