//! Hostile inputs and their bookkeeping: the URLs no fetch may reach, and a tally of what was tried, refused and
//! got through, printed for the closing note.

/// Statuses that mean "refused before anything was read from the target".
pub const REFUSED: &[&str] = &["blocked_address", "invalid_url", "http 422"];

/// Hostile inputs tried, refused, and what got through, for the closing note.
#[derive(Default)]
pub struct Tally {
    tried: usize,
    refused: usize,
    through: Vec<String>,
    /// How many inputs ended with each status, for the printout.
    outcomes: std::collections::BTreeMap<String, usize>,
}

impl Tally {
    pub fn record(&mut self, input: &str, outcome: &str, refused: bool) {
        self.tried += 1;
        let word = outcome.split_whitespace().next().unwrap_or("none").to_string();
        *self.outcomes.entry(word).or_default() += 1;
        if refused {
            self.refused += 1;
        } else {
            self.through.push(format!("{input} → {outcome}"));
        }
    }

    /// `verb` says what counted as stopping an input: `refused` (not fetched, not read) or `handled` (read safely
    /// and reported, as for odd but harmless bodies).
    pub fn finish(self, what: &str, verb: &str) {
        println!(
            "security: {what}: tried {}, {verb} {}, got through {} ({:?})",
            self.tried,
            self.refused,
            self.through.len(),
            self.outcomes
        );
        assert!(
            self.through.is_empty(),
            "{what}: got through:\n{}",
            self.through.join("\n")
        );
    }
}

/// The machine's own name when it resolves to a non-public address: a name the guard can only catch in the resolver.
async fn own_hostname() -> Option<String> {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()?
        .trim()
        .to_string();
    let addrs: Vec<_> = tokio::net::lookup_host((name.as_str(), 80)).await.ok()?.collect();
    let private = !addrs.is_empty() && addrs.iter().all(|a| !crosscheck::fetch::guard::is_public(a.ip()));
    (private && !name.contains('.')).then_some(name)
}

/// URLs no fetch may reach: loopback, private, link-local, CGNAT, multicast, reserved and metadata addresses in every
/// spelling, local names, odd ports and credentials. `canary` is a loopback port that is not allowed.
pub async fn hostile_urls(canary: u16, allowed: u16) -> Vec<String> {
    let mut urls: Vec<String> = [
        "http://127.0.0.1:{canary}/",
        "http://127.0.0.1/",
        "http://127.0.0.2/",
        "http://127.1/",
        "http://127.1:{canary}/",
        "http://0/",
        "http://0.0.0.0/",
        "http://0.0.0.0:{canary}/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0177.0.0.1/",
        "http://0x7f.0.0.1/",
        "http://017700000001/",
        "http://127.000.000.001/",
        "http://0x7f.1:{canary}/",
        "http://localhost/",
        "http://localhost:{canary}/",
        "http://LOCALHOST./",
        "http://foo.localhost/",
        "http://[::1]/",
        "http://[::1]:{canary}/",
        "http://[::]/",
        "http://[0:0:0:0:0:0:0:1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]:{canary}/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:a9fe:a9fe::]/",
        "http://[2002:7f00:1::]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://[ff02::1]/",
        "http://[2001:db8::1]/",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://2852039166/latest/meta-data/",
        "http://0xa9.0xfe.0xa9.0xfe/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://100.100.100.200/latest/meta-data/",
        "http://100.64.0.1/",
        "http://10.0.0.1/",
        "http://10.255.255.255:8080/",
        "http://172.16.0.1/",
        "http://192.168.0.1/",
        "http://192.168.1.1:8443/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://198.18.0.1/",
        "http://192.0.0.170/",
        "http://203.0.113.1/",
        "http://example.com:22/",
        "http://example.com:6379/",
        "https://example.com:25/",
        "http://u:p@example.com/",
        "http://localhost:{allowed}/",
        "http://127.0.0.2:{allowed}/",
        "http://[::ffff:127.0.0.1]:{allowed}/",
        "http://0.0.0.0:{allowed}/",
        "http://127.0.0.1:{allowed}@127.0.0.2/",
        "http://127.0.0.2#@127.0.0.1:{allowed}/",
        "http://127.0.0.1:{allowed}.nip.io/",
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "gopher://127.0.0.1:{canary}/_GET%20/",
        "dict://127.0.0.1:11211/stat",
        "ftp://127.0.0.1/",
        "ldap://127.0.0.1/",
        "jar:http://127.0.0.1:{canary}/x.jar!/",
        "data:text/html,<p>hi</p>",
        "javascript:alert(1)",
    ]
    .iter()
    .map(|u| {
        u.replace("{canary}", &canary.to_string())
            .replace("{allowed}", &allowed.to_string())
    })
    .collect();
    if let Some(name) = own_hostname().await {
        urls.push(format!("http://{name}/"));
    }
    urls
}
