//! Pages already read, kept by the hash of their bytes: a newsroom checks many claims against the same few
//! sources, and a page's extraction, index and figure frames cost far more than one claim's check against them.
//!
//! What it is not: the snapshot store (which keeps bytes, survives restarts and decides when to fetch again). This
//! keeps, in memory and for this process only, the reading of the most recent `capacity` distinct snapshots; a
//! page whose bytes change has a new hash and is read anew.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use crate::verify::ReadPage;

/// Distinct page snapshots kept read: a batch's sources and the registry fit, and a page of a few hundred
/// kilobytes read costs a few megabytes, so this stays well under a gigabyte.
pub const DEFAULT_CAPACITY: usize = 64;

/// A snapshot's key: its URL and the sha256 of its body.
type Key = (String, String);

/// The kept pages and the order they were kept in, oldest first.
#[derive(Default)]
struct Kept {
    pages: HashMap<Key, Arc<ReadPage>>,
    order: VecDeque<Key>,
}

/// The most recently read pages, by (URL, sha256 of the body).
pub struct ReadCache {
    capacity: usize,
    inner: Mutex<Kept>,
}

impl Default for ReadCache {
    fn default() -> Self {
        ReadCache::new(DEFAULT_CAPACITY)
    }
}

impl ReadCache {
    pub fn new(capacity: usize) -> Self {
        ReadCache {
            capacity,
            inner: Mutex::default(),
        }
    }

    /// The page read before with this URL and these bytes, if it is still kept.
    pub fn get(&self, url: &str, sha256: &str) -> Option<Arc<ReadPage>> {
        let guard = self.inner.lock().ok()?;
        guard.pages.get(&(url.to_string(), sha256.to_string())).cloned()
    }

    /// Keeps a read page, forgetting the oldest when full.
    pub fn put(&self, page: Arc<ReadPage>) {
        if self.capacity == 0 {
            return;
        }
        let key = (page.page.url.clone(), page.page.sha256.clone());
        let Ok(mut guard) = self.inner.lock() else { return };
        let kept = &mut *guard;
        if kept.pages.insert(key.clone(), page).is_none() {
            kept.order.push_back(key);
        }
        while kept.order.len() > self.capacity {
            if let Some(old) = kept.order.pop_front() {
                kept.pages.remove(&old);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::Page;

    fn read(url: &str, body: &str) -> Arc<ReadPage> {
        Arc::new(crate::read_page(Page::new(
            url.into(),
            url.into(),
            Some("text/html".into()),
            body.as_bytes().to_vec(),
        )))
    }

    #[test]
    fn a_page_is_kept_by_its_bytes_and_the_oldest_goes_first() {
        let cache = ReadCache::new(2);
        let a = read("https://a.example/", "<p>one</p>");
        cache.put(a.clone());
        assert!(cache.get("https://a.example/", &a.page.sha256).is_some());
        assert!(cache.get("https://a.example/", "other bytes").is_none());
        cache.put(read("https://b.example/", "<p>two</p>"));
        cache.put(read("https://c.example/", "<p>three</p>"));
        assert!(
            cache.get("https://a.example/", &a.page.sha256).is_none(),
            "the oldest is forgotten"
        );
    }
}
