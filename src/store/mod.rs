//! What was seen and what was answered: page snapshots and stored checks, behind one trait so that a second
//! backend (PostgreSQL) can stand beside the embedded SQLite one.
//!
//! A check answer cites the sha256 of each snapshot it read; the snapshot rows keep those bodies, so a check can be
//! reproduced later from what the page said then.

pub mod jobs;
mod postgres;
mod postgres_jobs;
mod sqlite;
mod sqlite_jobs;

use serde::Serialize;

pub use self::postgres::PostgresStore;
pub use jobs::{DeliveryOutcome, DeliveryStatus, Job, JobKind, JobStatus, NewJob};
pub use sqlite::SqliteStore;

use crate::model::CheckAnswer;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database failed: {0}")]
    Database(String),
    #[error("a stored value is unreadable: {0}")]
    Corrupt(String),
}

/// One fetched body as it was received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub url: String,
    pub final_url: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub sha256: String,
    pub body: Vec<u8>,
    pub fetched_at: chrono::DateTime<chrono::Utc>,
}

/// A stored answer with when it was made.
#[derive(Debug, Clone, Serialize)]
pub struct StoredCheck {
    pub check_id: String,
    pub created_at: String,
    pub answer: CheckAnswer,
}

/// The store boundary. Calls are short and synchronous; async callers run them on the blocking pool.
pub trait Store: Send + Sync {
    fn put_snapshot(&self, s: &Snapshot) -> Result<(), StoreError>;
    /// The newest snapshot of a URL.
    fn latest_snapshot(&self, url: &str) -> Result<Option<Snapshot>, StoreError>;
    /// Marks the newest snapshot of a URL as confirmed now (a 304 answer).
    fn touch_snapshot(&self, url: &str, at: chrono::DateTime<chrono::Utc>) -> Result<(), StoreError>;
    fn snapshot_by_hash(&self, sha256: &str) -> Result<Option<Snapshot>, StoreError>;
    fn put_check(&self, check: &StoredCheck) -> Result<(), StoreError>;
    /// Many checks at once (a batch), in one transaction where the backend has them.
    fn put_checks(&self, checks: &[StoredCheck]) -> Result<(), StoreError> {
        checks.iter().try_for_each(|c| self.put_check(c))
    }
    fn get_check(&self, check_id: &str) -> Result<Option<StoredCheck>, StoreError>;
    /// Earlier checks of the same claim (and speaker), newest first, for showing how an answer changed.
    fn history(&self, claim: &str, speaker: Option<&str>, limit: usize) -> Result<Vec<StoredCheck>, StoreError>;
    fn count_checks(&self) -> Result<u64, StoreError>;

    /// Queues a job; with a dedupe key already present, returns that job instead (`false`: not created).
    fn enqueue_job(&self, job: &NewJob) -> Result<(Job, bool), StoreError>;
    /// Takes the oldest queued job, or one whose lease expired, leasing it to `worker`.
    fn claim_job(&self, worker: &str, lease: std::time::Duration) -> Result<Option<Job>, StoreError>;
    /// Records progress and extends the lease; false when the lease was lost.
    fn job_progress(
        &self,
        id: &str,
        worker: &str,
        done: u32,
        total: u32,
        lease: std::time::Duration,
    ) -> Result<bool, StoreError>;
    /// Completes (Ok result) or fails (Err reason) a job; only the lease holder can, once.
    fn finish_job(&self, id: &str, worker: &str, outcome: Result<&serde_json::Value, &str>)
        -> Result<bool, StoreError>;
    fn get_job(&self, id: &str) -> Result<Option<Job>, StoreError>;
    /// Takes a finished job whose callback is due, leasing the delivery to `worker`.
    fn claim_delivery(&self, worker: &str, lease: std::time::Duration) -> Result<Option<Job>, StoreError>;
    fn delivery_done(&self, id: &str, worker: &str, outcome: &DeliveryOutcome) -> Result<(), StoreError>;
    /// Jobs queued or running, and the age in seconds of the oldest.
    fn queue_stats(&self) -> Result<(u64, f64), StoreError>;
}

/// A new opaque identifier: `prefix_` and 20 hex digits from the clock, a counter and the process's hash seed.
pub fn new_id(prefix: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    h.write_u128(nanos);
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    let a = h.finish();
    h.write_u64(a);
    format!("{prefix}_{a:016x}{:04x}", h.finish() & 0xffff)
}
