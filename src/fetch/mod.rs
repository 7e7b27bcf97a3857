//! Fetching source pages: HTTP(S) with timeouts, size limits, a redirect cap and the SSRF guard; local files for
//! the CLI and the shipped registry.
//!
//! A failed fetch is a value (`FetchError` with a stable `code()`), never a panic: the verdict code reports it in
//! `sources[].status` and carries on with the sources that could be read.

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
const READABLE_TYPES: &[&str] = &["text/html", "application/xhtml+xml", "text/xml", "application/xml", "text/plain"];

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
    pub text: String,
    pub fetched_at: chrono::DateTime<chrono::Utc>,
    pub sha256: String,
}

impl Page {
    fn new(url: String, final_url: String, content_type: Option<String>, body: &[u8]) -> Self {
        let text = decode(body, content_type.as_deref());
        Page {
            url,
            final_url,
            content_type,
            text,
            fetched_at: chrono::Utc::now(),
            sha256: hex(&Sha256::digest(body)),
        }
    }

    /// Whether the body should be read as plain text rather than HTML.
    pub fn is_plain_text(&self) -> bool {
        self.content_type.as_deref().is_some_and(|ct| ct.starts_with("text/plain"))
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Limits and identity of the fetcher.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub allow_private_hosts: bool,
    pub max_body_bytes: usize,
    pub connect_timeout: Duration,
    pub total_timeout: Duration,
    pub user_agent: String,
}

impl FetchOptions {
    pub fn from_settings(s: &crate::config::Settings) -> Self {
        FetchOptions {
            allow_private_hosts: s.allow_private_hosts,
            max_body_bytes: s.max_body_bytes,
            connect_timeout: s.connect_timeout,
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
}

impl Fetcher {
    pub fn new(opts: FetchOptions) -> Result<Self, FetchError> {
        let allow_private = opts.allow_private_hosts;
        let policy = redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= MAX_REDIRECTS || attempt.previous().contains(attempt.url()) {
                return attempt.error(FetchError::TooManyRedirects);
            }
            match guard::check_url(attempt.url(), allow_private) {
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
            .dns_resolver(guard::GuardedResolver::shared(allow_private))
            .build()
            .map_err(|e| FetchError::Io(e.to_string()))?;
        Ok(Fetcher { client, opts })
    }

    /// Fetches one URL (already parsed) within the limits.
    pub async fn fetch(&self, url: &Url) -> Result<Page, FetchError> {
        guard::check_url(url, self.opts.allow_private_hosts)?;
        let total = self.opts.total_timeout;
        match tokio::time::timeout(total, self.fetch_inner(url)).await {
            Ok(result) => result,
            Err(_) => Err(FetchError::Timeout(total)),
        }
    }

    async fn fetch_inner(&self, url: &Url) -> Result<Page, FetchError> {
        let mut resp = self.client.get(url.clone()).send().await.map_err(|e| self.classify(&e))?;
        let status = resp.status();
        if !status.is_success() {
            return Err(FetchError::HttpStatus(status.as_u16()));
        }
        let content_type = resp.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(String::from);
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
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| self.classify(&e))? {
            if body.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge(limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Page::new(url.to_string(), final_url, content_type, &body))
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
        if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
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
    Ok(Page::new(shown.clone(), shown, ct, &body))
}
