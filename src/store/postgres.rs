//! The PostgreSQL store: what several `crosscheck serve` replicas share when `CROSSCHECK_DATABASE_URL` is set.
//!
//! Same semantics as the SQLite store, row for row: snapshots, checks and the job queue (in `postgres_jobs`).
//! Migrations are applied on connect inside one transaction holding an advisory lock, so two replicas starting at
//! once migrate one after the other and the second finds nothing left to do. Times are `timestamptz` and leave the
//! store as the fixed-width RFC 3339 strings of [`stamp`]. JSON is kept as text, byte for byte what SQLite keeps.
//!
//! The `postgres` client is synchronous and runs a small runtime of its own per connection, which is what the
//! synchronous [`Store`] trait wants (callers are on tokio's blocking pool); a fixed pool of such connections lives
//! here. Not for: TLS to the database (a loopback or private-network database is assumed; see docs/decisions.md).

use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use ::postgres::{Client, Config, NoTls, Row};

use super::jobs::{stamp, DeliveryOutcome, Job, NewJob};
use super::{Snapshot, Store, StoreError, StoredCheck};

/// Connections per process: the job workers, the deliverer and a few requests at once.
pub const POOL_SIZE: usize = 8;

/// How long a call waits for a free connection before it fails.
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(30);

/// A connection idle longer than this is checked with a round trip before it is lent, so a database that restarted
/// meanwhile costs a reconnect, not a failed call. Busier connections are lent as they are.
const VALIDATE_AFTER_IDLE: Duration = Duration::from_secs(5);

/// Taken (per transaction) while migrating, so replicas starting together migrate one at a time. The key is
/// "crossche" in ASCII: any constant does, as long as nothing else in the database uses it.
const MIGRATION_LOCK: i64 = 0x6372_6f73_7363_6865;

/// Migrations, applied in order once each; the index is the schema version recorded in `schema_version`.
/// Long text (URLs, claims) is indexed by hash: a btree entry cannot exceed a third of a page.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE snapshots (
        id BIGSERIAL PRIMARY KEY,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT,
        etag TEXT,
        last_modified TEXT,
        sha256 TEXT NOT NULL,
        body BYTEA NOT NULL,
        fetched_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX snapshots_url ON snapshots USING hash (url);
    CREATE INDEX snapshots_sha ON snapshots (sha256, id);
    CREATE TABLE checks (
        seq BIGSERIAL NOT NULL,
        check_id TEXT PRIMARY KEY,
        claim TEXT NOT NULL,
        speaker TEXT,
        verdict TEXT NOT NULL,
        answer TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX checks_claim ON checks USING hash (claim);",
    super::postgres_jobs::JOB_MIGRATION,
];

/// A PostgreSQL-backed [`Store`].
pub struct PostgresStore {
    pool: Pool,
}

pub(super) fn db(e: &::postgres::Error) -> StoreError {
    // The driver's own Display says only "db error"; the server's message is what a reader can act on.
    match e.as_db_error() {
        Some(d) => StoreError::Database(format!("{}: {}", d.code().code(), d.message())),
        None => StoreError::Database(e.to_string()),
    }
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/db?options=…`) and applies pending migrations.
    ///
    /// Safe to call from inside an async runtime: the connecting is done on a thread of its own.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let mut config: Config = url
            .parse()
            .map_err(|e| StoreError::Database(format!("the database URL is not valid: {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        if config.get_application_name().is_none() {
            config.application_name("crosscheck");
        }
        let store = PostgresStore {
            pool: Pool::new(config, POOL_SIZE),
        };
        // The sync client starts a runtime of its own, which tokio refuses inside a runtime's worker thread.
        std::thread::scope(|s| {
            s.spawn(|| store.with(migrate))
                .join()
                .unwrap_or_else(|_| Err(StoreError::Database("migrating panicked".into())))
        })?;
        Ok(store)
    }

    /// The schema version now in the database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let v: i32 = self
            .with(|c| c.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[]))?
            .get(0);
        Ok(u32::try_from(v).unwrap_or(0))
    }

    pub(super) fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T, ::postgres::Error>) -> Result<T, StoreError> {
        let mut conn = self.pool.get()?;
        f(conn.client()).map_err(|e| db(&e))
    }
}

fn migrate(c: &mut Client) -> Result<(), ::postgres::Error> {
    let mut tx = c.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )",
    )?;
    let version: i32 = tx
        .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?
        .get(0);
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        tx.batch_execute(sql)?;
        let v = i32::try_from(i + 1).unwrap_or(i32::MAX);
        tx.execute("INSERT INTO schema_version (version) VALUES ($1)", &[&v])?;
    }
    tx.commit()
}

/// A fixed number of connections, opened on demand, handed out one caller at a time.
struct Pool {
    config: Config,
    size: usize,
    state: Mutex<PoolState>,
    freed: Condvar,
}

#[derive(Default)]
struct PoolState {
    /// Free connections and when each was last handed back.
    idle: Vec<(Client, Instant)>,
    open: usize,
}

/// A connection on loan; back to the pool when dropped, or closed for good if it broke.
struct Conn<'a> {
    pool: &'a Pool,
    client: Option<Client>,
}

impl Pool {
    fn new(config: Config, size: usize) -> Self {
        Pool {
            config,
            size: size.max(1),
            state: Mutex::default(),
            freed: Condvar::new(),
        }
    }

    fn get(&self) -> Result<Conn<'_>, StoreError> {
        let deadline = Instant::now() + CHECKOUT_TIMEOUT;
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some((mut client, since)) = state.idle.pop() {
                if since.elapsed() > VALIDATE_AFTER_IDLE {
                    drop(state);
                    if client.is_valid(Duration::from_secs(5)).is_err() {
                        // Gone with a restarted server: count it closed and look again.
                        self.state.lock().unwrap_or_else(PoisonError::into_inner).open -= 1;
                        drop(client);
                        state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
                        continue;
                    }
                }
                return Ok(Conn {
                    pool: self,
                    client: Some(client),
                });
            }
            if state.open < self.size {
                state.open += 1;
                drop(state);
                return match self.config.connect(NoTls) {
                    Ok(client) => Ok(Conn {
                        pool: self,
                        client: Some(client),
                    }),
                    Err(e) => {
                        self.state.lock().unwrap_or_else(PoisonError::into_inner).open -= 1;
                        self.freed.notify_one();
                        Err(StoreError::Database(format!("cannot connect to PostgreSQL: {e}")))
                    }
                };
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(StoreError::Database(format!(
                    "no database connection came free within {} s",
                    CHECKOUT_TIMEOUT.as_secs()
                )));
            }
            state = self
                .freed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl Conn<'_> {
    fn client(&mut self) -> &mut Client {
        self.client
            .as_mut()
            .expect("a loaned connection holds its client until dropped")
    }
}

impl Drop for Conn<'_> {
    fn drop(&mut self) {
        let Some(client) = self.client.take() else { return };
        let mut state = self.pool.state.lock().unwrap_or_else(PoisonError::into_inner);
        if client.is_closed() {
            state.open -= 1;
        } else {
            state.idle.push((client, Instant::now()));
        }
        drop(state);
        self.pool.freed.notify_one();
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Each client owns a runtime, and tokio panics when a runtime is dropped on one of its async threads.
        let idle = std::mem::take(&mut self.state.get_mut().unwrap_or_else(PoisonError::into_inner).idle);
        let _ = std::thread::spawn(move || drop(idle)).join();
    }
}

const SNAPSHOT_COLUMNS: &str = "url, final_url, status, content_type, etag, last_modified, sha256, body, fetched_at";

fn snapshot_row(r: &Row) -> Result<Snapshot, StoreError> {
    let status: i32 = r.get(2);
    Ok(Snapshot {
        url: r.get(0),
        final_url: r.get(1),
        status: u16::try_from(status).map_err(|_| StoreError::Corrupt(format!("snapshot status {status}")))?,
        content_type: r.get(3),
        etag: r.get(4),
        last_modified: r.get(5),
        sha256: r.get(6),
        body: r.get(7),
        fetched_at: r.get(8),
    })
}

fn parse_check(r: &Row) -> Result<StoredCheck, StoreError> {
    let check_id: String = r.get(0);
    let created_at: chrono::DateTime<chrono::Utc> = r.get(1);
    let answer: String = r.get(2);
    let answer = serde_json::from_str(&answer).map_err(|e| StoreError::Corrupt(format!("check {check_id}: {e}")))?;
    Ok(StoredCheck {
        check_id,
        created_at: stamp(created_at),
        answer,
    })
}

/// A stored time given as text (a check's `created_at`) must be RFC 3339 to become a `timestamptz`.
fn parse_time(what: &str, t: &str) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    chrono::DateTime::parse_from_rfc3339(t)
        .map(|t| t.to_utc())
        .map_err(|e| StoreError::Corrupt(format!("{what} {t:?} is not an RFC 3339 time: {e}")))
}

impl Store for PostgresStore {
    fn put_snapshot(&self, s: &Snapshot) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                &format!("INSERT INTO snapshots ({SNAPSHOT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"),
                &[
                    &s.url,
                    &s.final_url,
                    &i32::from(s.status),
                    &s.content_type,
                    &s.etag,
                    &s.last_modified,
                    &s.sha256,
                    &s.body,
                    &s.fetched_at,
                ],
            )
            .map(|_| ())
        })
    }

    fn latest_snapshot(&self, url: &str) -> Result<Option<Snapshot>, StoreError> {
        let row = self.with(|c| {
            c.query_opt(
                &format!(
                    "SELECT {SNAPSHOT_COLUMNS} FROM snapshots WHERE url = $1 ORDER BY fetched_at DESC, id DESC LIMIT 1"
                ),
                &[&url],
            )
        })?;
        row.as_ref().map(snapshot_row).transpose()
    }

    fn touch_snapshot(&self, url: &str, at: chrono::DateTime<chrono::Utc>) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "UPDATE snapshots SET fetched_at = $2
                 WHERE id = (SELECT id FROM snapshots WHERE url = $1 ORDER BY fetched_at DESC, id DESC LIMIT 1)",
                &[&url, &at],
            )
            .map(|_| ())
        })
    }

    fn snapshot_by_hash(&self, sha256: &str) -> Result<Option<Snapshot>, StoreError> {
        let row = self.with(|c| {
            c.query_opt(
                &format!("SELECT {SNAPSHOT_COLUMNS} FROM snapshots WHERE sha256 = $1 ORDER BY id DESC LIMIT 1"),
                &[&sha256],
            )
        })?;
        row.as_ref().map(snapshot_row).transpose()
    }

    fn put_check(&self, check: &StoredCheck) -> Result<(), StoreError> {
        self.put_checks(std::slice::from_ref(check))
    }

    fn put_checks(&self, checks: &[StoredCheck]) -> Result<(), StoreError> {
        let rows = checks
            .iter()
            .map(|c| {
                let answer = serde_json::to_string(&c.answer).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                Ok((c, answer, parse_time("created_at", &c.created_at)?))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.with(|c| {
            let mut tx = c.transaction()?;
            let stmt = tx.prepare(
                "INSERT INTO checks (check_id, claim, speaker, verdict, answer, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )?;
            for (c, answer, at) in &rows {
                tx.execute(
                    &stmt,
                    &[
                        &c.check_id,
                        &c.answer.claim,
                        &c.answer.speaker,
                        &c.answer.verdict.as_str(),
                        answer,
                        at,
                    ],
                )?;
            }
            tx.commit()
        })
    }

    fn get_check(&self, check_id: &str) -> Result<Option<StoredCheck>, StoreError> {
        let row = self.with(|c| {
            c.query_opt(
                "SELECT check_id, created_at, answer FROM checks WHERE check_id = $1",
                &[&check_id],
            )
        })?;
        row.as_ref().map(parse_check).transpose()
    }

    fn history(&self, claim: &str, speaker: Option<&str>, limit: usize) -> Result<Vec<StoredCheck>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self.with(|c| {
            c.query(
                "SELECT check_id, created_at, answer FROM checks WHERE claim = $1 AND speaker IS NOT DISTINCT FROM $2
                 ORDER BY created_at DESC, seq DESC LIMIT $3",
                &[&claim, &speaker, &limit],
            )
        })?;
        rows.iter().map(parse_check).collect()
    }

    fn count_checks(&self) -> Result<u64, StoreError> {
        let n: i64 = self.with(|c| c.query_one("SELECT COUNT(*) FROM checks", &[]))?.get(0);
        Ok(u64::try_from(n).unwrap_or(0))
    }

    fn enqueue_job(&self, job: &NewJob) -> Result<(Job, bool), StoreError> {
        self.pg_enqueue(job)
    }

    fn claim_job(&self, worker: &str, lease: Duration) -> Result<Option<Job>, StoreError> {
        self.pg_claim_job(worker, lease)
    }

    fn job_progress(&self, id: &str, worker: &str, done: u32, total: u32, lease: Duration) -> Result<bool, StoreError> {
        self.pg_progress(id, worker, done, total, lease)
    }

    fn finish_job(
        &self,
        id: &str,
        worker: &str,
        outcome: Result<&serde_json::Value, &str>,
    ) -> Result<bool, StoreError> {
        self.pg_finish_job(id, worker, outcome)
    }

    fn get_job(&self, id: &str) -> Result<Option<Job>, StoreError> {
        self.pg_get_job(id)
    }

    fn claim_delivery(&self, worker: &str, lease: Duration) -> Result<Option<Job>, StoreError> {
        self.pg_claim_delivery(worker, lease)
    }

    fn delivery_done(&self, id: &str, worker: &str, outcome: &DeliveryOutcome) -> Result<(), StoreError> {
        self.pg_delivery_done(id, worker, outcome)
    }

    fn queue_stats(&self) -> Result<(u64, f64), StoreError> {
        self.pg_queue_stats()
    }
}
