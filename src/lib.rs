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
pub mod jobs;
pub mod model;
pub mod quantity;
pub mod quote;
pub mod read_cache;
pub mod sources;
pub mod store;
pub mod telemetry;
pub mod text;
pub mod verify;

use std::collections::HashMap;
use std::sync::Arc;

use futures_util::future::join_all;

use fetch::{FetchError, FetchOptions, Fetched, Fetcher, Page, Validators};
use model::{CheckAnswer, CheckInput, SourceRef};
use sources::Registry;
use store::{Snapshot, Store};
use verify::{ReadPage, ReadSource};

/// Everything a check needs that outlives one check: the HTTP client and the registry (extracted once).
#[derive(Clone)]
pub struct Engine {
    fetcher: Fetcher,
    registry: Arc<Registry>,
    registry_pages: Arc<Vec<ReadSource>>,
    max_body_bytes: usize,
    store: Option<Arc<dyn Store>>,
    cache_ttl: std::time::Duration,
    in_flight: Arc<InFlightMap>,
    read_cache: Arc<read_cache::ReadCache>,
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
                ReadSource {
                    label: s.label(),
                    outcome: Ok(Arc::new(read)),
                }
            })
            .collect();
        Ok(Engine {
            max_body_bytes: opts.max_body_bytes,
            fetcher: Fetcher::new(opts)?,
            registry: Arc::new(registry),
            registry_pages: Arc::new(registry_pages),
            store: None,
            cache_ttl: std::time::Duration::ZERO,
            in_flight: Arc::default(),
            read_cache: Arc::default(),
        })
    }

    /// Keeps every fetched body in the store and reuses a snapshot younger than `ttl` without a request.
    pub fn with_store(mut self, store: Arc<dyn Store>, ttl: std::time::Duration) -> Self {
        self.store = Some(store);
        self.cache_ttl = ttl;
        self
    }

    pub fn store(&self) -> Option<&Arc<dyn Store>> {
        self.store.as_ref()
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

    /// Checks many claims: every distinct source is read once for the whole batch, then the claims are verified
    /// in parallel on the blocking pool (all cores). Results keep the order of `items`; a bad item stays an error.
    pub async fn check_batch(
        &self,
        items: Vec<Result<CheckInput, model::RequestError>>,
    ) -> Vec<Result<CheckAnswer, model::RequestError>> {
        self.check_batch_with(items, false).await
    }

    /// As [`Engine::check_batch`]; with `with_registry` the registry's sources are read beside each claim's own.
    pub async fn check_batch_with(
        &self,
        items: Vec<Result<CheckInput, model::RequestError>>,
        with_registry: bool,
    ) -> Vec<Result<CheckAnswer, model::RequestError>> {
        let mut refs: Vec<SourceRef> = Vec::new();
        for input in items.iter().flatten() {
            for r in input.sources.iter().flatten() {
                if !refs.contains(r) {
                    refs.push(r.clone());
                }
            }
        }
        let read: HashMap<String, ReadSource> = self
            .read_all(&refs)
            .await
            .into_iter()
            .map(|s| (s.label.clone(), s))
            .collect();
        let read = Arc::new(read);
        let registry = Arc::new(self.registry_sources());
        let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let items = Arc::new(items);
        let chunk = items.len().div_ceil(workers).max(1);
        let tasks: Vec<_> = (0..items.len())
            .step_by(chunk)
            .map(|from| {
                let (items, read, registry) = (items.clone(), read.clone(), registry.clone());
                tokio::task::spawn_blocking(move || {
                    items[from..(from + chunk).min(items.len())]
                        .iter()
                        .map(|item| {
                            let input = item.as_ref().map_err(Clone::clone)?;
                            let mut sources: Vec<ReadSource> = match &input.sources {
                                Some(rs) => distinct(rs).into_iter().map(|r| read[&r.label()].clone()).collect(),
                                None => registry.as_ref().clone(),
                            };
                            if with_registry && input.sources.is_some() {
                                sources.extend(registry.iter().cloned());
                            }
                            Ok(verify::verify(input, &sources))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for t in join_all(tasks).await {
            match t {
                Ok(results) => out.extend(results),
                Err(e) => tracing::error!(error = %e, "batch worker failed"),
            }
        }
        out
    }

    /// Reads each distinct source once, concurrently; the result is in the order given.
    pub async fn read_all(&self, refs: &[SourceRef]) -> Vec<ReadSource> {
        let distinct = distinct(refs);
        let read = join_all(distinct.iter().map(|r| self.read_one(r))).await;
        distinct
            .iter()
            .zip(read)
            .map(|(r, outcome)| ReadSource {
                label: r.label(),
                outcome,
            })
            .collect()
    }

    /// The registry's snapshots, already read.
    pub fn registry_sources(&self) -> Vec<ReadSource> {
        self.registry_pages
            .iter()
            .map(|s| ReadSource {
                label: s.label.clone(),
                outcome: s.outcome.clone(),
            })
            .collect()
    }

    async fn read_one(&self, r: &SourceRef) -> Result<Arc<ReadPage>, FetchError> {
        let page = match r {
            SourceRef::Url(url) => self.fetch_url(url).await?,
            SourceRef::File(path) => fetch::read_file(path, self.max_body_bytes)?,
        };
        if let Some(read) = self.read_cache.get(&page.url, &page.sha256) {
            return Ok(Arc::new(read.refetched(page)));
        }
        // Extraction is CPU work: keep it off the async workers.
        let read = tokio::task::spawn_blocking(move || Arc::new(read_page(page)))
            .await
            .map_err(|e| FetchError::Io(format!("extraction failed: {e}")))?;
        self.read_cache.put(read.clone());
        Ok(read)
    }
}

impl Engine {
    /// Fetches a URL within the fetch deadline, counting the wait behind another check of the same URL.
    async fn fetch_url(&self, url: &url::Url) -> Result<Page, FetchError> {
        let total = self.fetcher.options().total_timeout;
        tokio::time::timeout(total, self.fetch_url_shared(url))
            .await
            .unwrap_or(Err(FetchError::Timeout(total)))
    }

    /// One fetch per URL at a time: a second check of the same URL waits and then finds the fresh snapshot.
    /// The per-URL lock is dropped from the map when its last user is done, so the map holds only URLs in flight.
    async fn fetch_url_shared(&self, url: &url::Url) -> Result<Page, FetchError> {
        let Some(store) = self.store.clone() else {
            return self.fetcher.fetch(url).await;
        };
        let key = url.to_string();
        let slot = InFlight::enter(&self.in_flight, &key)?;
        let _guard = slot.lock.lock().await;
        let prior = blocking(store.clone(), {
            let key = key.clone();
            move |s| s.latest_snapshot(&key)
        })
        .await;
        let now = chrono::Utc::now();
        if let Some(snap) = &prior {
            let age = now.signed_duration_since(snap.fetched_at).to_std().unwrap_or_default();
            if age < self.cache_ttl {
                return Ok(page_from_snapshot(snap.clone()));
            }
        }
        let validators = prior
            .as_ref()
            .map(|s| Validators {
                etag: s.etag.clone(),
                last_modified: s.last_modified.clone(),
            })
            .unwrap_or_default();
        let page = match self.fetcher.fetch_conditional(url, &validators).await? {
            Fetched::Page(page) => *page,
            Fetched::NotModified => {
                let snap = prior.ok_or(FetchError::HttpStatus(304))?;
                let k = key.clone();
                blocking(store.clone(), move |s| s.touch_snapshot(&k, now).map(|()| Some(()))).await;
                return Ok(page_from_snapshot(Snapshot {
                    fetched_at: now,
                    ..snap
                }));
            }
        };
        let snap = Snapshot {
            url: key,
            final_url: page.final_url.clone(),
            status: 200,
            content_type: page.content_type.clone(),
            etag: page.etag.clone(),
            last_modified: page.last_modified.clone(),
            sha256: page.sha256.clone(),
            body: page.body.clone(),
            fetched_at: page.fetched_at,
        };
        blocking(store, move |s| s.put_snapshot(&snap).map(|()| Some(()))).await;
        Ok(page)
    }
}

type InFlightMap = std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>;

/// A check's hold on a URL's fetch lock; the last holder takes the entry out of the map, even when the check is
/// cancelled by its deadline, so the map only ever holds URLs being fetched.
struct InFlight<'a> {
    map: &'a InFlightMap,
    key: String,
    lock: Arc<tokio::sync::Mutex<()>>,
}

impl<'a> InFlight<'a> {
    fn enter(map: &'a InFlightMap, key: &str) -> Result<Self, FetchError> {
        let lock = map
            .lock()
            .map_err(|_| FetchError::Io("fetch lock poisoned".into()))?
            .entry(key.to_string())
            .or_default()
            .clone();
        Ok(InFlight {
            map,
            key: key.to_string(),
            lock,
        })
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if let Ok(mut map) = self.map.lock() {
            // Ours and the map's: nobody else is waiting.
            if Arc::strong_count(&self.lock) == 2 {
                map.remove(&self.key);
            }
        }
    }
}

/// The sources in order of first appearance, each once.
fn distinct(refs: &[SourceRef]) -> Vec<&SourceRef> {
    let mut out: Vec<&SourceRef> = Vec::new();
    for r in refs {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// Runs a store call on the blocking pool; a store failure is logged and treated as "nothing stored" so a
/// check still answers from the network.
async fn blocking<T: Send + 'static>(
    store: Arc<dyn Store>,
    f: impl FnOnce(&dyn Store) -> Result<Option<T>, store::StoreError> + Send + 'static,
) -> Option<T> {
    match tokio::task::spawn_blocking(move || f(store.as_ref())).await {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "store call failed");
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "store task failed");
            None
        }
    }
}

fn page_from_snapshot(s: Snapshot) -> Page {
    let mut page = Page::new(s.url, s.final_url, s.content_type, s.body);
    page.etag = s.etag;
    page.last_modified = s.last_modified;
    page.fetched_at = s.fetched_at;
    page
}

/// Extracts a fetched page into the document the matchers read.
pub fn read_page(page: Page) -> ReadPage {
    let doc = if page.is_plain_text() {
        extract::from_plain_text(&page.text)
    } else {
        extract::extract(&page.text, Some(&page.final_url))
    };
    ReadPage::new(page, doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_holder_of_a_url_lock_takes_it_out_of_the_map() {
        let map = InFlightMap::default();
        let a = InFlight::enter(&map, "https://a.example/").unwrap();
        let b = InFlight::enter(&map, "https://a.example/").unwrap();
        assert!(Arc::ptr_eq(&a.lock, &b.lock), "checks of one URL share one lock");
        drop(a);
        assert_eq!(map.lock().unwrap().len(), 1, "still held by the second check");
        drop(b);
        assert!(map.lock().unwrap().is_empty());
    }
}
