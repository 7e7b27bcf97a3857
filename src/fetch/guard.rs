//! The SSRF guard: which URLs and addresses the fetcher may reach.
//!
//! Names are vetted where they are resolved (the client's DNS resolver refuses to hand out a non-public address),
//! so the address that was checked is the one connected to — there is no window for DNS rebinding between a check
//! and the connection. IP literals (including decimal/octal/hex IPv4 spellings, which the URL parser normalises)
//! and local names are checked before the request and on every redirect, with the scheme, port and credentials.
//!
//! Two ways to reach private space, both off by default: `allow_private_hosts` lifts the address and port rules
//! (tests, a trusted network), and the allow-list exempts named hosts only (`host` on the ordinary ports, or
//! `host:port`), so an intranet wiki can be read while everything else stays guarded. Not for: deciding which
//! public sites are worth fetching.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

use super::FetchError;

/// Ports a public page is served on; others only with `allow_private_hosts` or an allow-list entry naming the port.
const ORDINARY_PORTS: &[u16] = &[80, 443, 8080, 8443];

/// Names that are local by convention, whatever they resolve to (suffixes match any subdomain too).
const LOCAL_NAMES: &[&str] = &["localhost", "internal", "local", "localdomain", "home.arpa"];

/// What the fetcher may reach: the public internet, plus the hosts an operator trusts (an intranet wiki, a test
/// server), or everything when private hosts are allowed. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Guard {
    allow_private: bool,
    allowed: Arc<[AllowedHost]>,
}

/// One allow-list entry: a host as the URL parser normalises it, and the one port it is trusted on (`None`: the
/// ordinary web ports).
#[derive(Debug, Clone, PartialEq, Eq)]
struct AllowedHost {
    host: String,
    port: Option<u16>,
}

impl AllowedHost {
    /// Parses `host` or `host:port` (`[v6]:port` for IPv6) the way a URL's authority is parsed, so that `0x7f.1`
    /// and `127.0.0.1`, or `Intranet.` and `intranet`, name the same host.
    fn parse(entry: &str) -> Result<Self, FetchError> {
        let bad = || FetchError::InvalidUrl(format!("allowed host {entry:?} is not a host or host:port"));
        let entry = entry.trim();
        if entry.is_empty() || entry.contains(['/', '@', '?', '#']) {
            return Err(bad());
        }
        let url = Url::parse(&format!("http://{entry}/")).map_err(|_| bad())?;
        let host = url.host_str().map(normalise_name).ok_or_else(bad)?;
        // The URL parser drops an explicit :80 as the default: that port is ordinary anyway.
        Ok(AllowedHost { host, port: url.port() })
    }

    fn permits(&self, host: &str, port: u16) -> bool {
        self.host == host && self.port.map_or(ORDINARY_PORTS.contains(&port), |p| p == port)
    }
}

/// Lower case, without the trailing dot that makes `example.com.` the same host as `example.com`.
fn normalise_name(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl Guard {
    /// A guard that refuses non-public addresses except for the `allowed_hosts` entries (`host` or `host:port`);
    /// with `allow_private` it refuses only what is never fetched (other schemes, credentials in the URL).
    pub fn new(allow_private: bool, allowed_hosts: &[String]) -> Result<Self, FetchError> {
        let allowed = allowed_hosts
            .iter()
            .filter(|e| !e.trim().is_empty())
            .map(|e| AllowedHost::parse(e))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Guard {
            allow_private,
            allowed: allowed.into(),
        })
    }

    /// Whether the URL's host and port are on the allow-list.
    fn is_allowed(&self, url: &Url) -> bool {
        let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
            return false;
        };
        let host = normalise_name(host);
        self.allowed.iter().any(|a| a.permits(&host, port))
    }

    /// Whether a name (as the resolver sees it, without a port) is on the allow-list; its port was vetted by
    /// `check_url` before the request or redirect.
    fn is_allowed_name(&self, name: &str) -> bool {
        let name = normalise_name(name);
        self.allowed.iter().any(|a| a.host == name)
    }

    /// Checks scheme, credentials, port and (for IP literals and local names) the host of a URL, before it is
    /// requested and on every redirect. Names are vetted again by the resolver, on the addresses they resolve to.
    pub fn check_url(&self, url: &Url) -> Result<(), FetchError> {
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
        if self.allow_private || self.is_allowed(url) {
            return Ok(());
        }
        // An allowed name resolves to anything: on a port its entry does not name, it must not be reached at all.
        if matches!(host, Host::Domain(name) if self.is_allowed_name(name)) {
            return Err(FetchError::BlockedAddress(format!(
                "{host} is allowed on another port only"
            )));
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
                return if is_local_name(name) {
                    Err(FetchError::BlockedAddress(format!("{name} is a local name")))
                } else {
                    Ok(())
                };
            }
        };
        if is_public(ip) {
            Ok(())
        } else {
            Err(FetchError::BlockedAddress(format!("{ip} is not a public address")))
        }
    }

    /// The DNS resolver for the HTTP client: it hands out only addresses this guard accepts.
    pub fn resolver(&self) -> Arc<GuardedResolver> {
        Arc::new(GuardedResolver { guard: self.clone() })
    }
}

/// Checks a URL with no allow-list (see [`Guard::check_url`]).
pub fn check_url(url: &Url, allow_private: bool) -> Result<(), FetchError> {
    Guard {
        allow_private,
        ..Guard::default()
    }
    .check_url(url)
}

/// `localhost`, `*.localhost`, `*.internal` (cloud metadata names such as `metadata.google.internal`), mDNS `.local`
/// and the like: local whatever a resolver says.
fn is_local_name(name: &str) -> bool {
    let name = normalise_name(name);
    LOCAL_NAMES
        .iter()
        .any(|&local| name == local || name.strip_suffix(local).is_some_and(|rest| rest.ends_with('.')))
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
    // Only 2000::/3 is global unicast: this alone refuses unique local fc00::/7 (incl. the fd00:ec2::254 metadata
    // address), link-local fe80::/10, multicast ff00::/8 and the discard prefix 100::/64.
    let global_unicast = (seg[0] & 0xe000) == 0x2000;
    let special = match (seg[0], seg[1]) {
        (0x2001, 0x0db8) => true,        // documentation
        (0x2001, 0) => true,             // Teredo (tunnels to an embedded v4 address)
        (0x2001, 0x0002) => seg[2] == 0, // benchmarking
        (0x3fff, s) => s < 0x1000,       // documentation (RFC 9637)
        _ => false,
    };
    global_unicast && !special
}

/// A DNS resolver that hands out only public addresses (unless private hosts are allowed, or the name is on the
/// allow-list). The client connects to exactly what it returns, so a name cannot resolve to a public address for the
/// check and a private one for the connection.
pub struct GuardedResolver {
    guard: Guard,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        let any_address = self.guard.allow_private || self.guard.is_allowed_name(&host);
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let it: Addrs = Box::new(vet(&host, addrs, any_address)?.into_iter());
            Ok(it)
        })
    }
}

/// The addresses of a name that may be connected to. A name that answers with both public and private addresses
/// (a DNS-rebinding favourite, hoping the client falls back to the second) keeps only the public ones.
fn vet(
    host: &str,
    addrs: Vec<SocketAddr>,
    any_address: bool,
) -> Result<Vec<SocketAddr>, Box<dyn std::error::Error + Send + Sync>> {
    if addrs.is_empty() {
        return Err(format!("{host} did not resolve").into());
    }
    let allowed: Vec<SocketAddr> = addrs
        .iter()
        .copied()
        .filter(|a| any_address || is_public(a.ip()))
        .collect();
    if allowed.is_empty() {
        return Err(Box::new(BlockedByGuard(format!(
            "{host} resolves to a non-public address"
        ))));
    }
    Ok(allowed)
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

    fn guard(allowed: &[&str]) -> Guard {
        Guard::new(false, &allowed.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn loopback_private_and_metadata_literals_are_refused() {
        for url in [
            "http://127.0.0.1/",
            "http://127.0.0.2/",
            "http://127.1/",
            "http://2130706433/",
            "http://0x7f000001/",
            "http://0x7f.0.0.1/",
            "http://0177.0.0.1/",
            "http://017700000001/",
            "http://127.000.000.001/",
            "http://10.0.0.5/",
            "http://172.16.3.4/",
            "http://172.31.255.255/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.100.100.200/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://0/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
            "http://198.18.0.1/",
            "http://192.0.0.170/",
            "http://192.0.2.1/",
            "http://203.0.113.9/",
        ] {
            assert!(refused(url), "{url} should be refused");
        }
    }

    #[test]
    fn ipv6_loopback_private_and_wrapped_v4_are_refused() {
        for url in [
            "http://[::1]/",
            "http://[0:0:0:0:0:0:0:1]/",
            "http://[::]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/",
            "http://[::ffff:10.0.0.1]/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[::127.0.0.1]/",
            "http://[fd00::1]/",
            "http://[fd00:ec2::254]/",
            "http://[fc00::1]/",
            "http://[fe80::1]/",
            "http://[fec0::1]/",
            "http://[ff02::1]/",
            "http://[ff05::2]/",
            "http://[2001:db8::1]/",
            "http://[3fff::1]/",
            "http://[2001::1]/",
            "http://[2001:2::1]/",
            "http://[100::1]/",
            "http://[64:ff9b::7f00:1]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:7f00:1::]/",
            "http://[2002:a9fe:a9fe::1]/",
            "http://[2002:c0a8:101::]/",
        ] {
            assert!(refused(url), "{url} should be refused");
        }
    }

    #[test]
    fn local_names_are_refused_with_or_without_trailing_dot() {
        for url in [
            "http://localhost/",
            "http://LOCALHOST/",
            "http://localhost./",
            "http://foo.localhost/",
            "http://foo.localhost./",
            "http://metadata.google.internal/",
            "http://printer.local/",
            "http://router.home.arpa/",
        ] {
            assert!(refused(url), "{url} should be refused");
        }
        assert!(!refused("http://notlocalhost.example/"));
        assert!(!refused("http://mylocal/"));
    }

    #[test]
    fn other_schemes_ports_and_credentials_are_refused() {
        for url in [
            "file:///etc/passwd",
            "ftp://example.com/",
            "gopher://example.com:70/",
            "dict://example.com:11211/",
            "ldap://example.com/",
            "data:text/html,hello",
            "javascript:alert(1)",
            "http://example.com:22/",
            "http://example.com:6379/",
            "https://example.com:25/",
            "http://u:p@example.com/",
            "http://u@example.com/",
        ] {
            assert!(refused(url), "{url} should be refused");
        }
    }

    #[test]
    fn public_addresses_and_names_pass() {
        for url in [
            "https://example.com/a",
            "https://example.com./a",
            "http://93.184.216.34/",
            "http://8.8.8.8/",
            "http://[2606:4700::1111]/",
            "http://[2a00:1450:4009:81f::200e]/",
            "http://[::ffff:93.184.216.34]/",
            "http://[2002:5db8:d822::1]/",
            "http://example.com:8080/",
            "https://example.com:8443/",
        ] {
            assert!(!refused(url), "{url} should pass");
        }
    }

    #[test]
    fn private_hosts_pass_when_allowed() {
        assert!(check_url(&Url::parse("http://127.0.0.1:5555/x").unwrap(), true).is_ok());
        assert!(check_url(&Url::parse("file:///etc/passwd").unwrap(), true).is_err());
        assert!(check_url(&Url::parse("http://u:p@127.0.0.1/").unwrap(), true).is_err());
    }

    #[test]
    fn an_allowed_host_and_port_passes_and_nothing_else_does() {
        let g = guard(&["127.0.0.1:5555"]);
        let ok = |u: &str| g.check_url(&Url::parse(u).unwrap()).is_ok();
        assert!(ok("http://127.0.0.1:5555/x"));
        assert!(ok("http://0x7f.1:5555/x"), "another spelling of the same address");
        assert!(!ok("http://127.0.0.1:5556/"), "another port");
        assert!(!ok("http://127.0.0.1/"), "the ordinary port is not the allowed one");
        assert!(!ok("http://127.0.0.2:5555/"));
        assert!(!ok("http://localhost:5555/"), "a name is not its address");
        assert!(!ok("file:///etc/passwd"));
    }

    #[test]
    fn an_allowed_name_without_port_passes_on_ordinary_ports_only() {
        let g = guard(&["Wiki.Intranet."]);
        let ok = |u: &str| g.check_url(&Url::parse(u).unwrap()).is_ok();
        assert!(ok("http://wiki.intranet/"));
        assert!(ok("https://WIKI.intranet./page"));
        assert!(!ok("http://wiki.intranet:22/"));
        assert!(g.is_allowed_name("wiki.intranet"));
        assert!(!g.is_allowed_name("other.intranet"));
    }

    #[test]
    fn an_allowed_name_with_a_port_is_refused_on_other_ports() {
        // The resolver hands out private addresses for an allowed name whatever the port, so the port is held here.
        let g = guard(&["wiki.intranet:8000"]);
        let ok = |u: &str| g.check_url(&Url::parse(u).unwrap()).is_ok();
        assert!(ok("http://wiki.intranet:8000/"));
        assert!(!ok("http://wiki.intranet/"));
        assert!(!ok("https://wiki.intranet/"));
    }

    #[test]
    fn allowed_ipv6_entries_need_brackets() {
        let g = guard(&["[::1]:8000"]);
        assert!(g.check_url(&Url::parse("http://[::1]:8000/").unwrap()).is_ok());
        assert!(g.check_url(&Url::parse("http://[::1]:8001/").unwrap()).is_err());
        assert!(Guard::new(false, &["::1".to_string()]).is_err());
    }

    #[test]
    fn malformed_allow_list_entries_are_errors() {
        for entry in ["http://x/", "x/y", "u@x", "x:notaport", "[::1"] {
            assert!(
                Guard::new(false, &[entry.to_string()]).is_err(),
                "{entry:?} should be refused"
            );
        }
        assert!(
            Guard::new(false, &[" ".to_string()]).is_ok(),
            "blank entries are skipped"
        );
    }

    fn addrs(list: &[&str]) -> Vec<SocketAddr> {
        list.iter().map(|a| SocketAddr::new(a.parse().unwrap(), 0)).collect()
    }

    #[test]
    fn a_name_answering_public_and_private_keeps_only_the_public_address() {
        let vetted = vet(
            "rebind.example",
            addrs(&["127.0.0.1", "93.184.216.34", "::1", "10.0.0.1"]),
            false,
        )
        .unwrap();
        assert_eq!(vetted, addrs(&["93.184.216.34"]));
    }

    #[test]
    fn a_name_answering_only_private_addresses_is_blocked_not_unresolved() {
        for answer in [
            &["127.0.0.1"][..],
            &["169.254.169.254"],
            &["::ffff:10.0.0.1", "fd00::1"],
            &["0.0.0.0"],
        ] {
            let err = vet("inside.example", addrs(answer), false).unwrap_err();
            assert!(err.downcast_ref::<BlockedByGuard>().is_some(), "{answer:?}: {err}");
        }
        let err = vet("nothing.example", Vec::new(), false).unwrap_err();
        assert!(err.downcast_ref::<BlockedByGuard>().is_none());
        assert_eq!(
            vet("wiki.intranet", addrs(&["10.1.2.3"]), true).unwrap(),
            addrs(&["10.1.2.3"])
        );
    }

    #[tokio::test]
    async fn the_resolver_refuses_a_name_that_resolves_to_loopback() {
        let resolver = guard(&[]).resolver();
        let name: Name = "localhost".parse().unwrap();
        let err = match resolver.resolve(name).await {
            Ok(_) => panic!("localhost resolved through the guard"),
            Err(e) => e,
        };
        assert!(err.downcast_ref::<BlockedByGuard>().is_some(), "{err}");
    }

    #[tokio::test]
    async fn the_resolver_hands_out_an_allowed_name() {
        let resolver = guard(&["localhost:5555"]).resolver();
        let name: Name = "localhost".parse().unwrap();
        assert!(resolver.resolve(name).await.is_ok());
    }
}
