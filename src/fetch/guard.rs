//! The SSRF guard: which URLs and addresses the fetcher may reach.
//!
//! Names are vetted where they are resolved (the client's DNS resolver refuses to hand out a non-public address),
//! so the address that was checked is the one connected to — there is no window for DNS rebinding between a check
//! and the connection. IP literals (including decimal/octal/hex IPv4 spellings, which the URL parser normalises)
//! are checked before the request and on every redirect.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

use super::FetchError;

/// Ports a public page is served on; others only with `allow_private_hosts`.
const ORDINARY_PORTS: &[u16] = &[80, 443, 8080, 8443];

/// Checks scheme, port and (for IP literals) address of a URL before it is requested.
pub fn check_url(url: &Url, allow_private: bool) -> Result<(), FetchError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::InvalidUrl(format!(
            "only http and https URLs can be fetched, not {}:",
            url.scheme()
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(FetchError::InvalidUrl("URLs with credentials are not fetched".into()));
    }
    let host = url
        .host()
        .ok_or_else(|| FetchError::InvalidUrl("the URL has no host".into()))?;
    if allow_private {
        return Ok(());
    }
    let port = url.port_or_known_default().unwrap_or(0);
    if !ORDINARY_PORTS.contains(&port) {
        return Err(FetchError::BlockedAddress(format!(
            "port {port} is not an ordinary web port"
        )));
    }
    let ip = match host {
        Host::Ipv4(ip) => IpAddr::V4(ip),
        Host::Ipv6(ip) => IpAddr::V6(ip),
        Host::Domain(name) => {
            let lower = name.trim_end_matches('.').to_ascii_lowercase();
            if lower == "localhost"
                || lower.ends_with(".localhost")
                || lower.ends_with(".internal")
                || lower.ends_with(".local")
            {
                return Err(FetchError::BlockedAddress(format!("{name} is a local name")));
            }
            return Ok(());
        }
    };
    if is_public(ip) {
        Ok(())
    } else {
        Err(FetchError::BlockedAddress(format!("{ip} is not a public address")))
    }
}

/// Whether an address is on the public internet (not loopback, private, link-local, CGNAT, multicast, documentation,
/// reserved, or a v6 wrapping of any of those).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

/// IPv4 ranges that are never a public web server: (network, prefix length).
const BLOCKED_V4: &[([u8; 4], u8)] = &[
    ([0, 0, 0, 0], 8),       // "this network", unspecified
    ([10, 0, 0, 0], 8),      // private
    ([100, 64, 0, 0], 10),   // CGNAT (and some cloud metadata, e.g. 100.100.100.200)
    ([127, 0, 0, 0], 8),     // loopback
    ([169, 254, 0, 0], 16),  // link-local, cloud metadata 169.254.169.254
    ([172, 16, 0, 0], 12),   // private
    ([192, 0, 0, 0], 24),    // IETF protocol assignments
    ([192, 0, 2, 0], 24),    // documentation
    ([192, 88, 99, 0], 24),  // 6to4 relay anycast
    ([192, 168, 0, 0], 16),  // private
    ([198, 18, 0, 0], 15),   // benchmarking
    ([198, 51, 100, 0], 24), // documentation
    ([203, 0, 113, 0], 24),  // documentation
    ([224, 0, 0, 0], 4),     // multicast
    ([240, 0, 0, 0], 4),     // reserved, broadcast
];

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let addr = u32::from(ip);
    !BLOCKED_V4.iter().any(|&(net, len)| {
        let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
        addr & mask == u32::from(Ipv4Addr::from(net)) & mask
    })
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let seg = ip.segments();
    if ip.is_unspecified() || ip.is_loopback() {
        return false;
    }
    // v4-mapped ::ffff:a.b.c.d and v4-compatible ::a.b.c.d carry a v4 address: judge that.
    if seg[..5] == [0, 0, 0, 0, 0] && (seg[5] == 0xffff || seg[5] == 0) {
        return is_public_v4(Ipv4Addr::new(
            (seg[6] >> 8) as u8,
            seg[6] as u8,
            (seg[7] >> 8) as u8,
            seg[7] as u8,
        ));
    }
    // NAT64 64:ff9b::/96 also embeds a v4 address.
    if seg[0] == 0x64 && seg[1] == 0xff9b && seg[2..6] == [0, 0, 0, 0] {
        return is_public_v4(Ipv4Addr::new(
            (seg[6] >> 8) as u8,
            seg[6] as u8,
            (seg[7] >> 8) as u8,
            seg[7] as u8,
        ));
    }
    // 6to4 2002:AABB:CCDD::/48 embeds a v4 address.
    if seg[0] == 0x2002 {
        return is_public_v4(Ipv4Addr::new(
            (seg[1] >> 8) as u8,
            seg[1] as u8,
            (seg[2] >> 8) as u8,
            seg[2] as u8,
        ));
    }
    let blocked = (seg[0] & 0xfe00) == 0xfc00 // unique local (incl. fd00:ec2::254 metadata)
        || (seg[0] & 0xffc0) == 0xfe80 // link-local
        || (seg[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (seg[0] & 0xff00) == 0xff00 // multicast
        || (seg[0] == 0x2001 && seg[1] == 0x0db8) // documentation
        || (seg[0] == 0x2001 && seg[1] == 0) // Teredo
        || (seg[0] == 0x0100 && seg[1..4] == [0, 0, 0]); // discard-only
    !blocked
}

/// A DNS resolver that hands out only public addresses (unless private hosts are allowed).
pub struct GuardedResolver {
    pub allow_private: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = addrs
                .iter()
                .copied()
                .filter(|a| allow_private || is_public(a.ip()))
                .collect();
            if allowed.is_empty() {
                let err: Box<dyn std::error::Error + Send + Sync> = if addrs.is_empty() {
                    format!("{host} did not resolve").into()
                } else {
                    Box::new(BlockedByGuard(format!("{host} resolves to a non-public address")))
                };
                return Err(err);
            }
            let it: Addrs = Box::new(allowed.into_iter());
            Ok(it)
        })
    }
}

impl GuardedResolver {
    pub fn shared(allow_private: bool) -> Arc<Self> {
        Arc::new(GuardedResolver { allow_private })
    }
}

/// Marks a resolver refusal so the fetcher can report `blocked_address` rather than a DNS failure.
#[derive(Debug)]
pub struct BlockedByGuard(pub String);

impl std::fmt::Display for BlockedByGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BlockedByGuard {}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(url: &str) -> bool {
        check_url(&Url::parse(url).unwrap(), false).is_err()
    }

    #[test]
    fn loopback_private_and_metadata_literals_are_refused() {
        for url in [
            "http://127.0.0.1/",
            "http://2130706433/",
            "http://0x7f.0.0.1/",
            "http://0177.0.0.1/",
            "http://10.0.0.5/",
            "http://172.16.3.4/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.100.100.200/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[fd00:ec2::254]/",
            "http://[fe80::1]/",
            "http://[64:ff9b::7f00:1]/",
            "http://[2002:7f00:1::]/",
            "http://localhost/",
            "http://foo.localhost/",
            "http://224.0.0.1/",
            "http://203.0.113.9/",
        ] {
            assert!(refused(url), "{url} should be refused");
        }
    }

    #[test]
    fn other_schemes_ports_and_credentials_are_refused() {
        for url in [
            "file:///etc/passwd",
            "ftp://example.com/",
            "http://example.com:22/",
            "http://u:p@example.com/",
        ] {
            assert!(refused(url), "{url} should be refused");
        }
    }

    #[test]
    fn public_addresses_and_names_pass() {
        for url in [
            "https://example.com/a",
            "http://93.184.216.34/",
            "http://[2606:4700::1111]/",
            "http://example.com:8080/",
        ] {
            assert!(!refused(url), "{url} should pass");
        }
    }

    #[test]
    fn private_hosts_pass_when_allowed() {
        assert!(check_url(&Url::parse("http://127.0.0.1:5555/x").unwrap(), true).is_ok());
        assert!(check_url(&Url::parse("file:///etc/passwd").unwrap(), true).is_err());
    }
}
