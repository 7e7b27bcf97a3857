//! The registry of known sources (`sources/registry.toml`) with their offline snapshots.
//!
//! A check that names no sources is run against every registry entry. Snapshots are read once when the registry
//! is loaded, so a registry check never touches the network.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fetch::{self, FetchError, Page};

pub const REGISTRY_FILE: &str = "registry.toml";

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("cannot read the sources registry {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("the sources registry {path} is not valid: {reason}")]
    Parse { path: PathBuf, reason: String },
    #[error("source {id:?} in the registry: {reason}")]
    Entry { id: String, reason: String },
}

/// Whether a source is the originator of the facts or reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Primary,
    Secondary,
}

/// One registry entry as written in `registry.toml` (and listed by `GET /v1/sources`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceEntry {
    pub id: String,
    pub title: String,
    pub publisher: String,
    #[serde(default)]
    pub url: Option<String>,
    pub kind: SourceKind,
    #[serde(default)]
    pub published: Option<String>,
    pub snapshot: String,
}

#[derive(Debug, Deserialize)]
struct RegistryFile {
    #[serde(default)]
    source: Vec<SourceEntry>,
}

/// A registry entry with its snapshot read.
#[derive(Debug, Clone)]
pub struct RegisteredSource {
    pub entry: SourceEntry,
    pub page: Page,
}

impl RegisteredSource {
    /// The name a source goes by in answers: its URL when known, else `registry:<id>`.
    pub fn label(&self) -> String {
        self.entry
            .url
            .clone()
            .unwrap_or_else(|| format!("registry:{}", self.entry.id))
    }
}

/// The loaded registry.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub sources: Vec<RegisteredSource>,
}

impl Registry {
    /// Loads `DIR/registry.toml` and every snapshot it names. A missing directory is an empty registry.
    pub fn load(dir: &Path) -> Result<Self, RegistryError> {
        let path = dir.join(REGISTRY_FILE);
        if !path.exists() {
            tracing::warn!(path = %path.display(), "no sources registry; checks without sources will find nothing");
            return Ok(Registry::default());
        }
        let raw = std::fs::read_to_string(&path).map_err(|e| RegistryError::Read {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        let file: RegistryFile = toml::from_str(&raw).map_err(|e| RegistryError::Parse {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        let mut sources = Vec::with_capacity(file.source.len());
        for entry in file.source {
            let snapshot = dir.join(&entry.snapshot);
            let mut page = fetch::read_file(&snapshot, usize::MAX).map_err(|e: FetchError| RegistryError::Entry {
                id: entry.id.clone(),
                reason: e.to_string(),
            })?;
            let label = entry.url.clone().unwrap_or_else(|| format!("registry:{}", entry.id));
            page.url.clone_from(&label);
            page.final_url = label;
            sources.push(RegisteredSource { entry, page });
        }
        Ok(Registry { sources })
    }

    pub fn entries(&self) -> Vec<&SourceEntry> {
        self.sources.iter().map(|s| &s.entry).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_registry_loads_both_seed_snapshots() {
        let reg = Registry::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sources")).unwrap();
        assert_eq!(reg.sources.len(), 2);
        assert!(reg
            .sources
            .iter()
            .any(|s| s.page.text.contains("86.2 per cent of 999 calls")));
        assert!(reg.sources.iter().any(|s| s.entry.kind == SourceKind::Primary));
        assert!(reg.sources.iter().all(|s| s.label().starts_with("registry:")));
    }

    #[test]
    fn a_missing_directory_is_an_empty_registry() {
        assert!(Registry::load(Path::new("/nonexistent/crosscheck"))
            .unwrap()
            .sources
            .is_empty());
    }

    #[test]
    fn a_broken_registry_names_the_file() {
        let dir = std::env::temp_dir().join(format!("crosscheck-reg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(REGISTRY_FILE), "[[source]]\nid = 3").unwrap();
        let err = Registry::load(&dir).unwrap_err().to_string();
        assert!(err.contains("registry.toml"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
