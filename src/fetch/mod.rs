//! Fetching source pages: HTTP(S) with timeouts, size limits, a redirect cap and the SSRF guard; local files for
//! the CLI and the shipped registry.
//!
//! A failed fetch is a value (`FetchError` with a stable `code()`), never a panic: the verdict code reports it in
//! `sources[].status` and carries on with the sources that could be read.
//!
//! Limits are enforced while reading, never after: the body limit counts decompressed bytes chunk by chunk (a gzip
//! bomb stops at the limit), a `Content-Length` over it stops before the body, the content type is judged from the
//! headers before the body is read, and one deadline covers the whole fetch — waiting for a per-host slot,
//! redirects, retries and a body that arrives a byte a second. `tests/security.rs` drives each of these through the
//! service.

mod decode;
pub mod guard;

use std::path::{Path, PathBuf};
use std::time::Duration;

use reqwest::redirect;
use sha2::{Digest, Sha256};
use url::Url;

pub use decode::decode;

/// At most this many redirects are followed.
pub const MAX_REDIRECTS: usize = 5;

/// Content types read as pages; anything else is `unsupported_content_type`.
const READABLE_TYPES: &[&str] = &[
    "text/html",
    "application/xhtml+xml",
    "text/xml",
    "application/xml",
    "text/plain",
];

/// Why a source could not be read. `code()` is the stable word clients see in `sources[].status`.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    #[error("{0}")]
    InvalidUrl(String),
    #[error("refused: {0}")]
    BlockedAddress(String),
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    #[error("the page is larger than {0} bytes")]
    TooLarge(usize),
    #[error("the server answered HTTP {0}")]
    HttpStatus(u16),
    #[error("more than {MAX_REDIRECTS} redirects, or a redirect loop")]
    TooManyRedirects,
    #[error("content type {0} is not a readable page")]
    UnsupportedContentType(String),
    #[error("TLS failed: {0}")]
    Tls(String),
    #[error("could not connect: {0}")]
    Connect(String),
    #[error("could not resolve the host: {0}")]
    Dns(String),
    #[error("no such file: {0}")]
    FileNotFound(PathBuf),
    #[error("reading failed: {0}")]
    Io(String),
}

impl FetchError {
    /// The stable status code for `sources[].status`.
    pub fn code(&self) -> String {
        match self {
            FetchError::InvalidUrl(_) => "invalid_url".into(),
            FetchError::BlockedAddress(_) => "blocked_address".into(),
            FetchError::Timeout(_) => "timeout".into(),
            FetchError::TooLarge(_) => "too_large".into(),
            FetchError::HttpStatus(s) => format!("http_{s}"),
            FetchError::TooManyRedirects => "too_many_redirects".into(),
            FetchError::UnsupportedContentType(_) => "unsupported_content_type".into(),
            FetchError::Tls(_) => "tls_error".into(),
            FetchError::Connect(_) => "connect_error".into(),
            FetchError::Dns(_) => "dns_error".into(),
            FetchError::FileNotFound(_) => "file_not_found".into(),
            FetchError::Io(_) => "io_error".into(),
        }
    }
}

/// A page as read: where from, what it said, when, and its hash.
#[derive(Debug, Clone)]
pub struct Page {
    pub url: String,
    pub final_url: String,
    pub content_type: Option<String>,
    /// The body as received (after transfer decoding), kept so a snapshot can be stored and re-read.
    pub body: Vec<u8>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub text: String,
    pub fetched_at: chrono::DateTime<chrono::Utc>,
    pub sha256: String,
}

impl Page {
    pub fn new(url: String, final_url: String, content_type: Option<String>, body: Vec<u8>) -> Self {
        let text = decode(&body, content_type.as_deref());
        Page {
            url,
            final_url,
            content_type,
            sha256: hex(&Sha256::digest(&body)),
            body,
            etag: None,
            last_modified: None,
            text,
            fetched_at: chrono::Utc::now(),
        }
    }

    /// Whether the body should be read as plain text rather than HTML.
    pub fn is_plain_text(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(|ct| ct.starts_with("text/plain"))
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Limits and identity of the fetcher.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Lifts the SSRF guard's address and port rules (tests, intranets).
    pub allow_private_hosts: bool,
    /// Hosts exempt from the address rules while everything else stays guarded: `host` (on the ordinary web
    /// ports) or `host:port`, compared with the URL's host as the URL parser normalises it.
    pub allowed_hosts: Vec<String>,
    /// Largest body read, counted after decompression.
    pub max_body_bytes: usize,
    pub connect_timeout: Duration,
    /// How long to wait for the response headers (after redirects) before the attempt counts as a timeout.
    pub first_byte_timeout: Duration,
    /// The most one fetch may take, redirects, retries, slow bodies and waiting for a per-host slot included.
    pub total_timeout: Duration,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions::from_settings(&crate::config::Settings::default())
    }
}

impl FetchOptions {
    pub fn from_settings(s: &crate::config::Settings) -> Self {
        FetchOptions {
            allow_private_hosts: s.allow_private_hosts,
            allowed_hosts: s.allowed_hosts.clone(),
            max_body_bytes: s.max_body_bytes,
            connect_timeout: s.connect_timeout,
            first_byte_timeout: s.fetch_timeout.min(FIRST_BYTE_TIMEOUT),
            total_timeout: s.fetch_timeout,
            user_agent: format!("crosscheck/{} (+{})", env!("CARGO_PKG_VERSION"), s.user_agent_contact),
        }
    }
}

/// The HTTP client with its guard and limits. Cheap to clone.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    opts: FetchOptions,
    guard: guard::Guard,
    hosts: HostLimits,
}

/// The longest wait for response headers: a server that has not started answering by then is retried, within the
/// total.
pub const FIRST_BYTE_TIMEOUT: Duration = Duration::from_secs(10);
/// Past this many hosts seen, idle per-host slots are forgotten so the table cannot grow without bound.
const HOST_TABLE_PRUNE_AT: usize = 1024;

/// Retries after the first attempt, for 5xx answers and timeouts only.
pub const MAX_RETRIES: u32 = 2;
/// Requests in flight to one host at once.
pub const PER_HOST_CONCURRENCY: usize = 4;

/// Validators from an earlier snapshot, for a conditional request.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a (conditional) fetch brought back.
#[derive(Debug)]
pub enum Fetched {
    Page(Box<Page>),
    /// 304: the stored snapshot is still current.
    NotModified,
}

/// A semaphore per host, created on first use.
#[derive(Clone, Default)]
struct HostLimits {
    map: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<tokio::sync::Semaphore>>>>,
}

impl HostLimits {
    async fn permit(&self, host: &str) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let sem = {
            let mut map = self.map.lock().ok()?;
            if map.len() >= HOST_TABLE_PRUNE_AT {
                // Only this table holds an idle host's semaphore.
                map.retain(|_, sem| std::sync::Arc::strong_count(sem) > 1);
            }
            map.entry(host.to_string())
                .or_insert_with(|| std::sync::Arc::new(tokio::sync::Semaphore::new(PER_HOST_CONCURRENCY)))
                .clone()
        };
        sem.acquire_owned().await.ok()
    }
}

/// 250 ms, 500 ms, … with ±50% jitter so that retrying clients do not arrive together.
fn backoff(attempt: u32) -> Duration {
    use std::hash::{BuildHasher, Hasher};
    let base = 250u64 << attempt.min(6);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(attempt);
    let jitter = h.finish() % base;
    Duration::from_millis(base / 2 + jitter)
}

fn header(headers: &reqwest::header::HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(String::from)
}

impl Fetcher {
    pub fn new(opts: FetchOptions) -> Result<Self, FetchError> {
        let guard = guard::Guard::new(opts.allow_private_hosts, &opts.allowed_hosts)?;
        let redirect_guard = guard.clone();
        let policy = redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > MAX_REDIRECTS || attempt.previous().contains(attempt.url()) {
                return attempt.error(FetchError::TooManyRedirects);
            }
            match redirect_guard.check_url(attempt.url()) {
                Ok(()) => attempt.follow(),
                Err(e) => attempt.error(e),
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(opts.user_agent.clone())
            .connect_timeout(opts.connect_timeout)
            .read_timeout(opts.total_timeout)
            .timeout(opts.total_timeout)
            .redirect(policy)
            .referer(false)
            // A proxy would resolve and connect on our behalf, out of the guard's sight.
            .no_proxy()
            .dns_resolver(guard.resolver())
            .build()
            .map_err(|e| FetchError::Io(e.to_string()))?;
        Ok(Fetcher {
            client,
            opts,
            guard,
            hosts: HostLimits::default(),
        })
    }

    /// The limits this fetcher was built with (callers that wait before fetching hold themselves to the same total).
    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// Fetches one URL (already parsed) within the limits.
    pub async fn fetch(&self, url: &Url) -> Result<Page, FetchError> {
        match self.fetch_conditional(url, &Validators::default()).await? {
            Fetched::Page(p) => Ok(*p),
            Fetched::NotModified => Err(FetchError::HttpStatus(304)),
        }
    }

    /// Fetches with `If-None-Match` / `If-Modified-Since` from an earlier snapshot; retries 5xx and timeouts
    /// with jittered backoff; at most `PER_HOST_CONCURRENCY` requests to one host at a time.
    pub async fn fetch_conditional(&self, url: &Url, prior: &Validators) -> Result<Fetched, FetchError> {
        self.guard.check_url(url)?;
        let total = self.opts.total_timeout;
        // One deadline for the whole fetch: a slow-drip server, a busy host or a run of retries cannot hold a
        // worker past the total.
        match tokio::time::timeout(total, self.fetch_with_retries(url, prior)).await {
            Ok(result) => result,
            Err(_) => Err(FetchError::Timeout(total)),
        }
    }

    async fn fetch_with_retries(&self, url: &Url, prior: &Validators) -> Result<Fetched, FetchError> {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let _permit = self.hosts.permit(&host).await;
        let mut attempt = 0;
        loop {
            let result = self.fetch_inner(url, prior).await;
            let retryable = matches!(
                &result,
                Err(FetchError::Timeout(_)) | Err(FetchError::HttpStatus(500..=599))
            );
            if !retryable || attempt >= MAX_RETRIES {
                return result;
            }
            attempt += 1;
            tokio::time::sleep(backoff(attempt)).await;
        }
    }

    async fn fetch_inner(&self, url: &Url, prior: &Validators) -> Result<Fetched, FetchError> {
        let mut req = self.client.get(url.clone());
        if let Some(etag) = &prior.etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &prior.last_modified {
            req = req.header(reqwest::header::IF_MODIFIED_SINCE, lm);
        }
        let first_byte = self.opts.first_byte_timeout;
        let mut resp = match tokio::time::timeout(first_byte, req.send()).await {
            Ok(sent) => sent.map_err(|e| self.classify(&e))?,
            Err(_) => return Err(FetchError::Timeout(first_byte)),
        };
        let status = resp.status();
        if status == reqwest::StatusCode::NOT_MODIFIED && (prior.etag.is_some() || prior.last_modified.is_some()) {
            return Ok(Fetched::NotModified);
        }
        if status.is_redirection() {
            // The policy follows every redirect it allows and fails the others; one left standing had a Location
            // the client would not follow at all (another scheme, not a URL).
            if let Some(loc) = header(resp.headers(), reqwest::header::LOCATION) {
                let shown: String = loc.chars().take(200).collect();
                return Err(FetchError::InvalidUrl(format!(
                    "the page redirects to {shown:?}, which cannot be fetched"
                )));
            }
        }
        if !status.is_success() {
            return Err(FetchError::HttpStatus(status.as_u16()));
        }
        let resp_headers = resp.headers().clone();
        let content_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        if let Some(ct) = &content_type {
            let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            if !mime.is_empty() && !READABLE_TYPES.contains(&mime.as_str()) {
                return Err(FetchError::UnsupportedContentType(mime));
            }
        }
        let limit = self.opts.max_body_bytes;
        if resp.content_length().is_some_and(|n| n as usize > limit) {
            return Err(FetchError::TooLarge(limit));
        }
        let final_url = resp.url().to_string();
        // Read in chunks so the limit holds on the decompressed stream (a gzip bomb stops early).
        let mut body = Vec::with_capacity(resp.content_length().map_or(0, |n| (n as usize).min(limit)));
        while let Some(chunk) = resp.chunk().await.map_err(|e| self.classify(&e))? {
            if body.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge(limit));
            }
            body.extend_from_slice(&chunk);
        }
        if content_type.is_none() {
            if let Some(kind) = sniff_binary(&body) {
                return Err(FetchError::UnsupportedContentType(kind.into()));
            }
        }
        let mut page = Page::new(url.to_string(), final_url, content_type, body);
        page.etag = header(&resp_headers, reqwest::header::ETAG);
        page.last_modified = header(&resp_headers, reqwest::header::LAST_MODIFIED);
        Ok(Fetched::Page(Box::new(page)))
    }

    fn classify(&self, e: &reqwest::Error) -> FetchError {
        let chain = error_chain(e);
        if let Some(fe) = find_source::<FetchError>(e) {
            return fe.clone();
        }
        if let Some(b) = find_source::<guard::BlockedByGuard>(e) {
            return FetchError::BlockedAddress(b.0.clone());
        }
        if e.is_timeout() {
            return FetchError::Timeout(self.opts.total_timeout);
        }
        if e.is_redirect() {
            return FetchError::TooManyRedirects;
        }
        let lower = chain.to_lowercase();
        if TLS_PHRASES.iter().any(|p| lower.contains(p)) {
            return FetchError::Tls(chain);
        }
        if lower.contains("dns") || lower.contains("resolve") || lower.contains("lookup") {
            return FetchError::Dns(chain);
        }
        if e.is_connect() {
            return FetchError::Connect(chain);
        }
        FetchError::Io(chain)
    }
}

/// Leading bytes of binary formats a server may send without a content type: (magic, what it is).
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"RIFF", "application/x-riff"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"\x7fELF", "application/x-executable"),
];

/// What an unlabelled body is when it is plainly not text: a known magic number, or NUL bytes early on (no text
/// encoding a page would use puts them there, UTF-16 aside, which announces itself with a byte-order mark).
fn sniff_binary(body: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = BINARY_MAGIC.iter().find(|(magic, _)| body.starts_with(magic)) {
        return Some(kind);
    }
    let head = &body[..body.len().min(1024)];
    let utf16_bom = head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff");
    (!utf16_bom && head.contains(&0)).then_some("application/octet-stream")
}

/// How rustls and the platform verifiers word a failed handshake (a bad certificate, a fatal alert, a plain-HTTP
/// answer to a ClientHello): the error types themselves are not exposed through reqwest.
const TLS_PHRASES: &[&str] = &[
    "certificate",
    "tls",
    "handshake",
    "received corrupt message",
    "received fatal alert",
    "peer is incompatible",
    "peer misbehaved",
    "unexpected message",
];

fn find_source<'a, T: std::error::Error + 'static>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a T> {
    let mut cur: Option<&'a (dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(t) = err.downcast_ref::<T>() {
            return Some(t);
        }
        cur = err.source();
    }
    None
}

fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(err) = cur {
        parts.push(err.to_string());
        cur = err.source();
    }
    parts.dedup();
    parts.join(": ")
}

/// Reads a local file as a page (for the CLI and the registry's snapshots).
pub fn read_file(path: &Path, max_bytes: usize) -> Result<Page, FetchError> {
    let meta = std::fs::metadata(path).map_err(|_| FetchError::FileNotFound(path.to_path_buf()))?;
    if meta.len() as usize > max_bytes {
        return Err(FetchError::TooLarge(max_bytes));
    }
    let body = std::fs::read(path).map_err(|e| FetchError::Io(e.to_string()))?;
    let plain = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let ct = plain.then(|| "text/plain".to_string());
    let shown = path.display().to_string();
    Ok(Page::new(shown.clone(), shown, ct, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlabelled_binary_bodies_are_recognised() {
        assert_eq!(sniff_binary(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff_binary(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(sniff_binary(b"\x1f\x8b\x08\x00"), Some("application/gzip"));
        assert_eq!(sniff_binary(b"<p>a\0b</p>"), Some("application/octet-stream"));
    }

    #[test]
    fn unlabelled_text_is_not_binary() {
        assert_eq!(sniff_binary(b"<html><body>caf\xe9</body></html>"), None);
        assert_eq!(sniff_binary("<p>£480m — “quoted”</p>".as_bytes()), None);
        assert_eq!(
            sniff_binary(b"\xff\xfe<\0p\0>\0"),
            None,
            "UTF-16 with a byte-order mark"
        );
        assert_eq!(sniff_binary(b""), None);
    }

    #[test]
    fn stable_codes_are_the_documented_words() {
        for (err, code) in [
            (FetchError::Timeout(Duration::from_secs(1)), "timeout"),
            (FetchError::TooLarge(1), "too_large"),
            (FetchError::BlockedAddress(String::new()), "blocked_address"),
            (FetchError::HttpStatus(404), "http_404"),
            (FetchError::Tls(String::new()), "tls_error"),
            (FetchError::TooManyRedirects, "too_many_redirects"),
            (
                FetchError::UnsupportedContentType(String::new()),
                "unsupported_content_type",
            ),
            (FetchError::InvalidUrl(String::new()), "invalid_url"),
        ] {
            assert_eq!(err.code(), code);
        }
    }

    #[test]
    fn the_first_byte_wait_never_exceeds_the_total() {
        let mut s = crate::config::Settings {
            fetch_timeout: Duration::from_secs(2),
            ..Default::default()
        };
        assert_eq!(
            FetchOptions::from_settings(&s).first_byte_timeout,
            Duration::from_secs(2)
        );
        s.fetch_timeout = Duration::from_secs(60);
        assert_eq!(FetchOptions::from_settings(&s).first_byte_timeout, FIRST_BYTE_TIMEOUT);
    }
}
