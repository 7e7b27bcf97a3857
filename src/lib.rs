//! crosscheck: checks a claim — a figure or a quotation — against its sources.
//!
//! The pipeline, top to bottom, is [`Engine::check`]:
//! fetch ([`fetch`]) → extract the main text ([`extract`]) → find candidate passages and compare figures and
//! words ([`verify`], with [`quantity`] and [`quote`]) → a stance per source → one verdict across sources.
//! The HTTP service ([`http`]) and the CLI ([`cli`]) are thin edges over it.

pub mod cli;
pub mod config;
pub mod extract;
pub mod fetch;
pub mod http;
pub mod model;
#[path = "stub_quantity.rs"]
pub mod quantity;
#[path = "stub_quote.rs"]
pub mod quote;
pub mod sources;
pub mod telemetry;
pub mod text;
pub mod verify;

use std::collections::HashMap;
use std::sync::Arc;

use futures_util::future::join_all;

use fetch::{FetchError, FetchOptions, Fetcher, Page};
use model::{CheckAnswer, CheckInput, SourceRef};
use sources::Registry;
use verify::{ReadPage, ReadSource};

/// Everything a check needs that outlives one check: the HTTP client and the registry (extracted once).
#[derive(Clone)]
pub struct Engine {
    fetcher: Fetcher,
    registry: Arc<Registry>,
    registry_pages: Arc<Vec<ReadSource>>,
    max_body_bytes: usize,
}

impl Engine {
    pub fn new(opts: FetchOptions, registry: Registry) -> Result<Self, FetchError> {
        let registry_pages = registry
            .sources
            .iter()
            .map(|s| {
                let mut read = read_page(s.page.clone());
                read.title = Some(s.entry.title.clone());
                read.publisher = Some(s.entry.publisher.clone());
                if read.doc.meta.published.is_none() {
                    read.doc.meta.published.clone_from(&s.entry.published);
                }
                ReadSource { label: s.label(), outcome: Ok(Arc::new(read)) }
            })
            .collect();
        Ok(Engine {
            max_body_bytes: opts.max_body_bytes,
            fetcher: Fetcher::new(opts)?,
            registry: Arc::new(registry),
            registry_pages: Arc::new(registry_pages),
        })
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Checks one claim: read its sources (or the registry), then verify.
    pub async fn check(&self, input: &CheckInput) -> CheckAnswer {
        let sources = match &input.sources {
            Some(refs) => self.read_all(refs).await,
            None => self.registry_sources(),
        };
        verify::verify(input, &sources)
    }

    /// Reads each distinct source once, concurrently; the result is in the order given.
    pub async fn read_all(&self, refs: &[SourceRef]) -> Vec<ReadSource> {
        let mut distinct: Vec<&SourceRef> = Vec::new();
        for r in refs {
            if !distinct.contains(&r) {
                distinct.push(r);
            }
        }
        let read = join_all(distinct.iter().map(|r| self.read_one(r))).await;
        let by_label: HashMap<String, Result<Arc<ReadPage>, FetchError>> =
            distinct.iter().map(|r| r.label()).zip(read).collect();
        let mut seen = Vec::new();
        refs.iter()
            .filter(|r| {
                let new = !seen.contains(r);
                seen.push(*r);
                new
            })
            .map(|r| ReadSource { label: r.label(), outcome: by_label[&r.label()].clone() })
            .collect()
    }

    /// The registry's snapshots, already read.
    pub fn registry_sources(&self) -> Vec<ReadSource> {
        self.registry_pages
            .iter()
            .map(|s| ReadSource { label: s.label.clone(), outcome: s.outcome.clone() })
            .collect()
    }

    async fn read_one(&self, r: &SourceRef) -> Result<Arc<ReadPage>, FetchError> {
        let page = match r {
            SourceRef::Url(url) => self.fetcher.fetch(url).await?,
            SourceRef::File(path) => fetch::read_file(path, self.max_body_bytes)?,
        };
        // Extraction is CPU work: keep it off the async workers.
        tokio::task::spawn_blocking(move || Arc::new(read_page(page)))
            .await
            .map_err(|e| FetchError::Io(format!("extraction failed: {e}")))
    }
}

/// Extracts a fetched page into the document the matchers read.
pub fn read_page(page: Page) -> ReadPage {
    let doc = if page.is_plain_text() {
        extract::from_plain_text(&page.text)
    } else {
        extract::extract(&page.text, Some(&page.final_url))
    };
    ReadPage { title: doc.meta.title.clone(), publisher: doc.meta.publisher.clone(), page, doc }
}
