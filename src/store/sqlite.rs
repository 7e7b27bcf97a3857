//! The embedded SQLite store: one file under `CROSSCHECK_DATA_DIR`, created and migrated on open, WAL mode.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};

use std::time::Duration;

use super::jobs::{DeliveryOutcome, Job, NewJob};
use super::{Snapshot, Store, StoreError, StoredCheck};

pub const DB_FILE: &str = "crosscheck.sqlite3";

/// Migrations, applied in order once each; the index is the schema version.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT,
        etag TEXT,
        last_modified TEXT,
        sha256 TEXT NOT NULL,
        body BLOB NOT NULL,
        fetched_at TEXT NOT NULL
    );
    CREATE INDEX snapshots_url ON snapshots (url, fetched_at);
    CREATE INDEX snapshots_sha ON snapshots (sha256);
    CREATE TABLE checks (
        check_id TEXT PRIMARY KEY,
        claim TEXT NOT NULL,
        speaker TEXT,
        verdict TEXT NOT NULL,
        answer TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX checks_claim ON checks (claim, created_at);",
    super::sqlite_jobs::JOB_MIGRATION,
];

pub struct SqliteStore {
    conn: Mutex<Connection>,
}

pub(super) fn db(e: rusqlite::Error) -> StoreError {
    StoreError::Database(e.to_string())
}

impl SqliteStore {
    /// Opens (creating and migrating) the database in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Database(format!("{}: {e}", dir.display())))?;
        let conn = Connection::open(dir.join(DB_FILE)).map_err(db)?;
        Self::init(conn)
    }

    /// A private in-memory database (tests, the CLI).
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory().map_err(db)?)
    }

    fn init(conn: Connection) -> Result<Self, StoreError> {
        conn.pragma_update(None, "journal_mode", "WAL").map_err(db)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(db)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(db)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(db)?;
        for (i, sql) in MIGRATIONS
            .iter()
            .enumerate()
            .skip(usize::try_from(version).unwrap_or(0))
        {
            conn.execute_batch(&format!("BEGIN; {sql}; PRAGMA user_version = {}; COMMIT;", i + 1))
                .map_err(db)?;
        }
        Ok(SqliteStore { conn: Mutex::new(conn) })
    }

    pub(super) fn with<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let conn = self
            .conn
            .lock()
            .map_err(|_| StoreError::Database("the connection lock is poisoned".into()))?;
        f(&conn).map_err(db)
    }
}

const SNAPSHOT_COLUMNS: &str = "url, final_url, status, content_type, etag, last_modified, sha256, body, fetched_at";

fn snapshot_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Snapshot> {
    let at: String = r.get(8)?;
    Ok(Snapshot {
        url: r.get(0)?,
        final_url: r.get(1)?,
        status: r.get(2)?,
        content_type: r.get(3)?,
        etag: r.get(4)?,
        last_modified: r.get(5)?,
        sha256: r.get(6)?,
        body: r.get(7)?,
        fetched_at: chrono::DateTime::parse_from_rfc3339(&at).map_or_else(|_| chrono::Utc::now(), |t| t.to_utc()),
    })
}

fn check_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
}

fn parse_check((check_id, created_at, answer): (String, String, String)) -> Result<StoredCheck, StoreError> {
    let answer = serde_json::from_str(&answer).map_err(|e| StoreError::Corrupt(format!("check {check_id}: {e}")))?;
    Ok(StoredCheck {
        check_id,
        created_at,
        answer,
    })
}

impl Store for SqliteStore {
    fn put_snapshot(&self, s: &Snapshot) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                &format!("INSERT INTO snapshots ({SNAPSHOT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
                params![
                    s.url,
                    s.final_url,
                    s.status,
                    s.content_type,
                    s.etag,
                    s.last_modified,
                    s.sha256,
                    s.body,
                    s.fetched_at.to_rfc3339()
                ],
            )
            .map(|_| ())
        })
    }

    fn latest_snapshot(&self, url: &str) -> Result<Option<Snapshot>, StoreError> {
        self.with(|c| {
            c.query_row(
                &format!(
                    "SELECT {SNAPSHOT_COLUMNS} FROM snapshots WHERE url = ?1 ORDER BY fetched_at DESC, id DESC LIMIT 1"
                ),
                [url],
                snapshot_row,
            )
            .optional()
        })
    }

    fn touch_snapshot(&self, url: &str, at: chrono::DateTime<chrono::Utc>) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "UPDATE snapshots SET fetched_at = ?2 WHERE id = (SELECT id FROM snapshots WHERE url = ?1 ORDER BY fetched_at DESC, id DESC LIMIT 1)",
                params![url, at.to_rfc3339()],
            )
            .map(|_| ())
        })
    }

    fn snapshot_by_hash(&self, sha256: &str) -> Result<Option<Snapshot>, StoreError> {
        self.with(|c| {
            c.query_row(
                &format!("SELECT {SNAPSHOT_COLUMNS} FROM snapshots WHERE sha256 = ?1 ORDER BY id DESC LIMIT 1"),
                [sha256],
                snapshot_row,
            )
            .optional()
        })
    }

    fn put_check(&self, check: &StoredCheck) -> Result<(), StoreError> {
        self.put_checks(std::slice::from_ref(check))
    }

    fn put_checks(&self, checks: &[StoredCheck]) -> Result<(), StoreError> {
        let rows = checks
            .iter()
            .map(|c| serde_json::to_string(&c.answer).map(|a| (c, a)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut conn = self
            .conn
            .lock()
            .map_err(|_| StoreError::Database("the connection lock is poisoned".into()))?;
        let tx = conn.transaction().map_err(db)?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO checks (check_id, claim, speaker, verdict, answer, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(db)?;
            for (c, answer) in rows {
                stmt.execute(params![
                    c.check_id,
                    c.answer.claim,
                    c.answer.speaker,
                    c.answer.verdict.as_str(),
                    answer,
                    c.created_at
                ])
                .map_err(db)?;
            }
        }
        tx.commit().map_err(db)
    }

    fn get_check(&self, check_id: &str) -> Result<Option<StoredCheck>, StoreError> {
        let row = self.with(|c| {
            c.query_row(
                "SELECT check_id, created_at, answer FROM checks WHERE check_id = ?1",
                [check_id],
                check_row,
            )
            .optional()
        })?;
        row.map(parse_check).transpose()
    }

    fn history(&self, claim: &str, speaker: Option<&str>, limit: usize) -> Result<Vec<StoredCheck>, StoreError> {
        let rows = self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT check_id, created_at, answer FROM checks WHERE claim = ?1 AND speaker IS ?2
                 ORDER BY created_at DESC, rowid DESC LIMIT ?3",
            )?;
            let rows = stmt.query_map(params![claim, speaker, limit as i64], check_row)?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?;
        rows.into_iter().map(parse_check).collect()
    }

    fn enqueue_job(&self, job: &NewJob) -> Result<(Job, bool), StoreError> {
        self.sq_enqueue(job)
    }

    fn claim_job(&self, worker: &str, lease: Duration) -> Result<Option<Job>, StoreError> {
        self.sq_claim_job(worker, lease)
    }

    fn job_progress(&self, id: &str, worker: &str, done: u32, total: u32, lease: Duration) -> Result<bool, StoreError> {
        self.sq_progress(id, worker, done, total, lease)
    }

    fn finish_job(
        &self,
        id: &str,
        worker: &str,
        outcome: Result<&serde_json::Value, &str>,
    ) -> Result<bool, StoreError> {
        self.sq_finish_job(id, worker, outcome)
    }

    fn get_job(&self, id: &str) -> Result<Option<Job>, StoreError> {
        self.sq_get_job(id)
    }

    fn claim_delivery(&self, worker: &str, lease: Duration) -> Result<Option<Job>, StoreError> {
        self.sq_claim_delivery(worker, lease)
    }

    fn delivery_done(&self, id: &str, worker: &str, outcome: &DeliveryOutcome) -> Result<(), StoreError> {
        self.sq_delivery_done(id, worker, outcome)
    }

    fn queue_stats(&self) -> Result<(u64, f64), StoreError> {
        self.sq_queue_stats()
    }

    fn count_checks(&self) -> Result<u64, StoreError> {
        let n: i64 = self.with(|c| c.query_row("SELECT COUNT(*) FROM checks", [], |r| r.get(0)))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckAnswer, Verdict};

    fn answer(claim: &str, verdict: Verdict) -> CheckAnswer {
        CheckAnswer {
            id: None,
            check_id: None,
            claim: claim.into(),
            speaker: None,
            kind: crate::model::ClaimKind::Figures,
            verdict,
            confidence: 0.5,
            summary: String::new(),
            quantities: vec![],
            evidence: vec![],
            sources: vec![],
        }
    }

    fn snap(url: &str, body: &str, at: i64) -> Snapshot {
        Snapshot {
            url: url.into(),
            final_url: url.into(),
            status: 200,
            content_type: Some("text/html".into()),
            etag: Some("\"e1\"".into()),
            last_modified: None,
            sha256: crate::fetch::hex(&<sha2::Sha256 as sha2::Digest>::digest(body.as_bytes())),
            body: body.as_bytes().to_vec(),
            fetched_at: chrono::DateTime::from_timestamp(at, 0).unwrap(),
        }
    }

    #[test]
    fn the_newest_snapshot_of_a_url_is_returned_and_older_ones_stay_findable_by_hash() {
        let store = SqliteStore::in_memory().unwrap();
        let (old, new) = (snap("http://a/", "old", 100), snap("http://a/", "new", 200));
        store.put_snapshot(&old).unwrap();
        store.put_snapshot(&new).unwrap();
        assert_eq!(store.latest_snapshot("http://a/").unwrap().unwrap().body, b"new");
        assert_eq!(store.snapshot_by_hash(&old.sha256).unwrap().unwrap().body, b"old");
        assert!(store.latest_snapshot("http://b/").unwrap().is_none());
    }

    #[test]
    fn checks_round_trip_and_history_is_newest_first() {
        let store = SqliteStore::in_memory().unwrap();
        for (i, v) in [Verdict::Supported, Verdict::Contradicted].into_iter().enumerate() {
            store
                .put_check(&StoredCheck {
                    check_id: format!("chk_{i}"),
                    created_at: format!("2026-01-0{}T00:00:00Z", i + 1),
                    answer: answer("a claim", v),
                })
                .unwrap();
        }
        assert_eq!(
            store.get_check("chk_1").unwrap().unwrap().answer.verdict,
            Verdict::Contradicted
        );
        let h = store.history("a claim", None, 10).unwrap();
        assert_eq!(
            h.iter().map(|c| c.check_id.as_str()).collect::<Vec<_>>(),
            vec!["chk_1", "chk_0"]
        );
        assert_eq!(store.count_checks().unwrap(), 2);
    }

    #[test]
    fn reopening_keeps_data_and_does_not_rerun_migrations() {
        let dir = std::env::temp_dir().join(format!("crosscheck-sqlite-{}", std::process::id()));
        {
            let s = SqliteStore::open(&dir).unwrap();
            s.put_snapshot(&snap("http://a/", "x", 1)).unwrap();
        }
        let s = SqliteStore::open(&dir).unwrap();
        assert!(s.latest_snapshot("http://a/").unwrap().is_some());
        std::fs::remove_dir_all(&dir).ok();
    }
}
