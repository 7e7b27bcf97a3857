//! Settings: one struct, loaded in layers — defaults, then `crosscheck.toml` if present, then `CROSSCHECK_*`
//! environment variables (the environment wins).
//!
//! Every default is a documented `DEFAULT_*` constant so the README table and the code cannot drift apart silently.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_DATA_DIR: &str = "./data";
pub const DEFAULT_SOURCES_DIR: &str = "./sources";
/// Largest page body the fetcher reads, in bytes.
pub const DEFAULT_MAX_BODY_BYTES: usize = 5 * 1024 * 1024;
/// Largest HTTP request body the service accepts, in bytes.
pub const DEFAULT_MAX_REQUEST_BYTES: usize = 256 * 1024;
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
pub const DEFAULT_FETCH_TIMEOUT: Duration = Duration::from_secs(15);
/// A snapshot younger than this is reused without a request.
pub const DEFAULT_CACHE_TTL: Duration = Duration::from_secs(600);
/// Requests a minute one client may make to `/v1/*`; 0, the default, is unlimited — a newsroom sets a budget for
/// its clients (a scripted batch of claims from one desk is legitimate traffic).
pub const DEFAULT_RATE_LIMIT: u32 = 0;
pub const DEFAULT_WORKERS: usize = 2;
pub const DEFAULT_JOB_LEASE: Duration = Duration::from_secs(60);
pub const DEFAULT_CALLBACK_BACKOFF: Duration = Duration::from_secs(2);
pub const DEFAULT_CALLBACK_MAX_ATTEMPTS: u32 = 8;
pub const DEFAULT_USER_AGENT_CONTACT: &str = "https://github.com/crosscheck/crosscheck";
pub const CONFIG_FILE: &str = "crosscheck.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("cannot read {path}: {reason}")]
    File { path: PathBuf, reason: String },
}

/// The service's configuration, fully resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: Option<String>,
    pub sources_dir: PathBuf,
    pub allow_private_hosts: bool,
    /// Hosts (`host` or `host:port`) fetched even when they resolve to non-public addresses (intranets).
    pub allowed_hosts: Vec<String>,
    pub webhook_secret: Option<String>,
    pub api_tokens: Vec<String>,
    pub max_body_bytes: usize,
    pub max_request_bytes: usize,
    pub connect_timeout: Duration,
    pub fetch_timeout: Duration,
    pub cache_ttl: Duration,
    pub rate_limit_per_minute: u32,
    pub user_agent_contact: String,
    /// Background workers taking jobs from the queue.
    pub workers: usize,
    /// How long a worker holds a job before another may take it over.
    pub job_lease: Duration,
    /// Callback delivery: first retry delay (doubling, with jitter) and attempts before giving up.
    pub callback_backoff: Duration,
    pub callback_max_attempts: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: DEFAULT_BIND.parse().expect("default bind address parses"),
            data_dir: PathBuf::from(DEFAULT_DATA_DIR),
            database_url: None,
            sources_dir: PathBuf::from(DEFAULT_SOURCES_DIR),
            allow_private_hosts: false,
            allowed_hosts: Vec::new(),
            webhook_secret: None,
            api_tokens: Vec::new(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_request_bytes: DEFAULT_MAX_REQUEST_BYTES,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            fetch_timeout: DEFAULT_FETCH_TIMEOUT,
            cache_ttl: DEFAULT_CACHE_TTL,
            rate_limit_per_minute: DEFAULT_RATE_LIMIT,
            workers: DEFAULT_WORKERS,
            job_lease: DEFAULT_JOB_LEASE,
            callback_backoff: DEFAULT_CALLBACK_BACKOFF,
            callback_max_attempts: DEFAULT_CALLBACK_MAX_ATTEMPTS,
            user_agent_contact: DEFAULT_USER_AGENT_CONTACT.to_string(),
        }
    }
}

/// The keys `crosscheck.toml` may set: the variable names without the `CROSSCHECK_` prefix, lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLayer {
    bind: Option<String>,
    data_dir: Option<String>,
    database_url: Option<String>,
    sources_dir: Option<String>,
    allow_private_hosts: Option<bool>,
    allowed_hosts: Option<String>,
    webhook_secret: Option<String>,
    api_tokens: Option<String>,
    max_body_bytes: Option<usize>,
    fetch_timeout_secs: Option<u64>,
    cache_ttl: Option<u64>,
    rate_limit: Option<u32>,
    user_agent_contact: Option<String>,
    workers: Option<usize>,
    job_lease_secs: Option<u64>,
    callback_backoff_ms: Option<u64>,
    callback_max_attempts: Option<u32>,
}

impl Settings {
    /// Defaults, then `./crosscheck.toml` when it exists, then the process environment.
    pub fn load() -> Result<Self, ConfigError> {
        let file = Path::new(CONFIG_FILE);
        let layer = if file.exists() {
            read_file(file)?
        } else {
            FileLayer::default()
        };
        Self::from_layers(layer, |name| std::env::var(name).ok())
    }

    /// Settings from the environment only (as a lookup function, so tests need not touch the process env).
    pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        Self::from_layers(FileLayer::default(), lookup)
    }

    fn from_layers(file: FileLayer, env: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut s = Settings::default();
        let get = |name: &'static str, from_file: Option<String>| -> Option<String> {
            env(name).filter(|v| !v.trim().is_empty()).or(from_file)
        };
        if let Some(v) = get("CROSSCHECK_BIND", file.bind) {
            s.bind = v.trim().parse().map_err(|e| invalid("CROSSCHECK_BIND", e))?;
        }
        if let Some(v) = get("CROSSCHECK_DATA_DIR", file.data_dir) {
            s.data_dir = PathBuf::from(v);
        }
        s.database_url = get("CROSSCHECK_DATABASE_URL", file.database_url);
        if let Some(v) = get("CROSSCHECK_SOURCES_DIR", file.sources_dir) {
            s.sources_dir = PathBuf::from(v);
        }
        if let Some(v) = get(
            "CROSSCHECK_ALLOW_PRIVATE_HOSTS",
            file.allow_private_hosts.map(|b| b.to_string()),
        ) {
            s.allow_private_hosts = parse_bool("CROSSCHECK_ALLOW_PRIVATE_HOSTS", &v)?;
        }
        if let Some(v) = get("CROSSCHECK_ALLOWED_HOSTS", file.allowed_hosts) {
            s.allowed_hosts = split_list(&v);
        }
        s.webhook_secret = get("CROSSCHECK_WEBHOOK_SECRET", file.webhook_secret);
        if let Some(v) = get("CROSSCHECK_API_TOKENS", file.api_tokens) {
            s.api_tokens = v
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
        }
        if let Some(v) = get("CROSSCHECK_MAX_BODY_BYTES", file.max_body_bytes.map(|n| n.to_string())) {
            s.max_body_bytes = v.trim().parse().map_err(|e| invalid("CROSSCHECK_MAX_BODY_BYTES", e))?;
        }
        if let Some(v) = get(
            "CROSSCHECK_FETCH_TIMEOUT_SECS",
            file.fetch_timeout_secs.map(|n| n.to_string()),
        ) {
            let secs: u64 = v
                .trim()
                .parse()
                .map_err(|e| invalid("CROSSCHECK_FETCH_TIMEOUT_SECS", e))?;
            s.fetch_timeout = Duration::from_secs(secs.max(1));
        }
        if let Some(v) = get("CROSSCHECK_CACHE_TTL", file.cache_ttl.map(|n| n.to_string())) {
            s.cache_ttl = Duration::from_secs(parse_secs("CROSSCHECK_CACHE_TTL", &v)?);
        }
        if let Some(v) = get("CROSSCHECK_RATE_LIMIT", file.rate_limit.map(|n| n.to_string())) {
            s.rate_limit_per_minute = v.trim().parse().map_err(|e| invalid("CROSSCHECK_RATE_LIMIT", e))?;
        }
        if let Some(v) = get("CROSSCHECK_USER_AGENT_CONTACT", file.user_agent_contact) {
            s.user_agent_contact = v;
        }
        if let Some(v) = get("CROSSCHECK_WORKERS", file.workers.map(|n| n.to_string())) {
            s.workers = v.trim().parse().map_err(|e| invalid("CROSSCHECK_WORKERS", e))?;
        }
        if let Some(v) = get("CROSSCHECK_JOB_LEASE_SECS", file.job_lease_secs.map(|n| n.to_string())) {
            s.job_lease = Duration::from_secs(parse_secs("CROSSCHECK_JOB_LEASE_SECS", &v)?.max(1));
        }
        if let Some(v) = get(
            "CROSSCHECK_CALLBACK_BACKOFF_MS",
            file.callback_backoff_ms.map(|n| n.to_string()),
        ) {
            s.callback_backoff = Duration::from_millis(
                v.trim()
                    .parse()
                    .map_err(|e| invalid("CROSSCHECK_CALLBACK_BACKOFF_MS", e))?,
            );
        }
        if let Some(v) = get(
            "CROSSCHECK_CALLBACK_MAX_ATTEMPTS",
            file.callback_max_attempts.map(|n| n.to_string()),
        ) {
            s.callback_max_attempts = v
                .trim()
                .parse()
                .map_err(|e| invalid("CROSSCHECK_CALLBACK_MAX_ATTEMPTS", e))?;
        }
        Ok(s)
    }
}

fn split_list(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

fn read_file(path: &Path) -> Result<FileLayer, ConfigError> {
    let err = |reason: String| ConfigError::File {
        path: path.to_path_buf(),
        reason,
    };
    let raw = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
    toml::from_str(&raw).map_err(|e| err(e.to_string()))
}

fn invalid(name: &'static str, e: impl std::fmt::Display) -> ConfigError {
    ConfigError::Invalid {
        name,
        reason: e.to_string(),
    }
}

/// Seconds, as a bare number or with an `s`/`m`/`h` suffix.
fn parse_secs(name: &'static str, v: &str) -> Result<u64, ConfigError> {
    let v = v.trim();
    let (num, mult) = match v.chars().last() {
        Some('s') => (&v[..v.len() - 1], 1),
        Some('m') => (&v[..v.len() - 1], 60),
        Some('h') => (&v[..v.len() - 1], 3600),
        _ => (v, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n * mult)
        .map_err(|e| invalid(name, e))
}

fn parse_bool(name: &'static str, v: &str) -> Result<bool, ConfigError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        other => Err(invalid(name, format!("expected true or false, got {other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn defaults_match_the_contract() {
        let s = Settings::from_env(env(&[])).unwrap();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.data_dir, PathBuf::from("./data"));
        assert_eq!(s.sources_dir, PathBuf::from("./sources"));
        assert!(!s.allow_private_hosts);
        assert!(s.webhook_secret.is_none() && s.api_tokens.is_empty() && s.database_url.is_none());
    }

    #[test]
    fn environment_overrides_and_tokens_split_on_commas() {
        let s = Settings::from_env(env(&[
            ("CROSSCHECK_BIND", "0.0.0.0:9000"),
            ("CROSSCHECK_ALLOW_PRIVATE_HOSTS", "true"),
            ("CROSSCHECK_API_TOKENS", "a, b,,c"),
        ]))
        .unwrap();
        assert_eq!(s.bind.port(), 9000);
        assert!(s.allow_private_hosts);
        assert_eq!(s.api_tokens, vec!["a", "b", "c"]);
    }

    #[test]
    fn cache_ttl_takes_seconds_or_a_suffix() {
        assert_eq!(
            Settings::from_env(env(&[("CROSSCHECK_CACHE_TTL", "90")]))
                .unwrap()
                .cache_ttl
                .as_secs(),
            90
        );
        assert_eq!(
            Settings::from_env(env(&[("CROSSCHECK_CACHE_TTL", "10m")]))
                .unwrap()
                .cache_ttl
                .as_secs(),
            600
        );
        assert!(Settings::from_env(env(&[("CROSSCHECK_CACHE_TTL", "soon")])).is_err());
    }

    #[test]
    fn environment_wins_over_the_file() {
        let file = FileLayer {
            bind: Some("127.0.0.1:1".into()),
            data_dir: Some("/x".into()),
            ..Default::default()
        };
        let s = Settings::from_layers(file, env(&[("CROSSCHECK_BIND", "127.0.0.1:2")])).unwrap();
        assert_eq!(s.bind.port(), 2);
        assert_eq!(s.data_dir, PathBuf::from("/x"));
    }

    #[test]
    fn a_bad_value_is_refused_with_its_name() {
        let err = Settings::from_env(env(&[("CROSSCHECK_ALLOW_PRIVATE_HOSTS", "maybe")])).unwrap_err();
        assert!(err.to_string().contains("CROSSCHECK_ALLOW_PRIVATE_HOSTS"));
    }
}
