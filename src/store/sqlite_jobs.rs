//! The job queue in SQLite: one connection behind a mutex makes each take-and-lease a single atomic statement.

use rusqlite::{params, OptionalExtension, Row};

use super::jobs::{stamp, DeliveryOutcome, DeliveryStatus, Job, JobKind, JobStatus, NewJob};
use super::sqlite::SqliteStore;
use super::StoreError;

/// Attempts after which a job that keeps losing its worker is failed rather than retried forever.
pub const MAX_JOB_ATTEMPTS: u32 = 5;

pub const JOB_MIGRATION: &str = "CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        dedupe_key TEXT UNIQUE,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        result TEXT,
        error TEXT,
        lease_owner TEXT,
        lease_until TEXT,
        callback_url TEXT,
        delivery_status TEXT NOT NULL,
        delivery_attempts INTEGER NOT NULL DEFAULT 0,
        delivery_error TEXT,
        delivery_id TEXT,
        delivery_owner TEXT,
        delivery_lease TEXT,
        next_delivery_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX jobs_queue ON jobs (status, created_at);
    CREATE INDEX jobs_delivery ON jobs (delivery_status, next_delivery_at);";

const COLUMNS: &str = "id, kind, dedupe_key, payload, status, done, total, attempts, result, error, callback_url, \
                       delivery_status, delivery_attempts, delivery_error, delivery_id, created_at, updated_at";

fn job_row(r: &Row<'_>) -> rusqlite::Result<Job> {
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let kind: String = r.get(1)?;
    let status: String = r.get(4)?;
    let delivery: String = r.get(11)?;
    Ok(Job {
        id: r.get(0)?,
        kind: JobKind::parse(&kind).unwrap_or(JobKind::Batch),
        dedupe_key: r.get(2)?,
        payload: json(r.get(3)?).unwrap_or(serde_json::Value::Null),
        status: JobStatus::parse(&status).unwrap_or(JobStatus::Failed),
        done: r.get(5)?,
        total: r.get(6)?,
        attempts: r.get(7)?,
        result: json(r.get(8)?),
        error: r.get(9)?,
        callback_url: r.get(10)?,
        delivery_status: DeliveryStatus::parse(&delivery).unwrap_or(DeliveryStatus::None),
        delivery_attempts: r.get(12)?,
        delivery_error: r.get(13)?,
        delivery_id: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
    })
}

fn now() -> String {
    stamp(chrono::Utc::now())
}

fn later(lease: std::time::Duration) -> String {
    stamp(chrono::Utc::now() + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::seconds(60)))
}

impl SqliteStore {
    pub(super) fn sq_enqueue(&self, job: &NewJob) -> Result<(Job, bool), StoreError> {
        self.with(|c| {
            if let Some(key) = &job.dedupe_key {
                let existing = c
                    .query_row(
                        &format!("SELECT {COLUMNS} FROM jobs WHERE dedupe_key = ?1"),
                        [key],
                        job_row,
                    )
                    .optional()?;
                if let Some(j) = existing {
                    return Ok((j, false));
                }
            }
            let id = super::new_id("job");
            let t = now();
            let delivery = if job.callback_url.is_some() {
                DeliveryStatus::Pending
            } else {
                DeliveryStatus::None
            };
            c.execute(
                "INSERT INTO jobs (id, kind, dedupe_key, payload, status, callback_url, delivery_status, delivery_id,
                                   created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?6, ?7, ?8, ?8)",
                params![
                    id,
                    job.kind.as_str(),
                    job.dedupe_key,
                    job.payload.to_string(),
                    job.callback_url,
                    delivery.as_str(),
                    super::new_id("dlv"),
                    t
                ],
            )?;
            let j = c.query_row(&format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1"), [&id], job_row)?;
            Ok((j, true))
        })
    }

    pub(super) fn sq_claim_job(&self, worker: &str, lease: std::time::Duration) -> Result<Option<Job>, StoreError> {
        self.with(|c| {
            let t = now();
            // A job whose worker died too often is failed, not retried forever.
            c.execute(
                "UPDATE jobs SET status = 'failed', error = 'abandoned by its worker too many times', updated_at = ?1
                 WHERE status = 'running' AND lease_until < ?1 AND attempts >= ?2",
                params![t, MAX_JOB_ATTEMPTS],
            )?;
            c.query_row(
                &format!(
                    "UPDATE jobs SET status = 'running', lease_owner = ?1, lease_until = ?2, attempts = attempts + 1,
                                     updated_at = ?3
                     WHERE id = (SELECT id FROM jobs
                                 WHERE status = 'queued' OR (status = 'running' AND lease_until < ?3)
                                 ORDER BY created_at LIMIT 1)
                     RETURNING {COLUMNS}"
                ),
                params![worker, later(lease), t],
                job_row,
            )
            .optional()
        })
    }

    pub(super) fn sq_progress(
        &self,
        id: &str,
        worker: &str,
        done: u32,
        total: u32,
        lease: std::time::Duration,
    ) -> Result<bool, StoreError> {
        self.with(|c| {
            let n = c.execute(
                "UPDATE jobs SET done = ?3, total = ?4, lease_until = ?5, updated_at = ?6
                 WHERE id = ?1 AND lease_owner = ?2 AND status = 'running'",
                params![id, worker, done, total, later(lease), now()],
            )?;
            Ok(n == 1)
        })
    }

    pub(super) fn sq_finish_job(
        &self,
        id: &str,
        worker: &str,
        outcome: Result<&serde_json::Value, &str>,
    ) -> Result<bool, StoreError> {
        self.with(|c| {
            let t = now();
            let n = match outcome {
                Ok(result) => c.execute(
                    "UPDATE jobs SET status = 'done', result = ?3, error = NULL, lease_owner = NULL, updated_at = ?4,
                                     done = total, next_delivery_at = ?4
                     WHERE id = ?1 AND lease_owner = ?2 AND status = 'running'",
                    params![id, worker, result.to_string(), t],
                )?,
                Err(error) => c.execute(
                    "UPDATE jobs SET status = 'failed', error = ?3, lease_owner = NULL, updated_at = ?4,
                                     delivery_status = CASE delivery_status WHEN 'pending' THEN 'none' ELSE delivery_status END
                     WHERE id = ?1 AND lease_owner = ?2 AND status = 'running'",
                    params![id, worker, error, t],
                )?,
            };
            Ok(n == 1)
        })
    }

    pub(super) fn sq_get_job(&self, id: &str) -> Result<Option<Job>, StoreError> {
        self.with(|c| {
            c.query_row(&format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1"), [id], job_row)
                .optional()
        })
    }

    pub(super) fn sq_claim_delivery(
        &self,
        worker: &str,
        lease: std::time::Duration,
    ) -> Result<Option<Job>, StoreError> {
        self.with(|c| {
            let t = now();
            c.query_row(
                &format!(
                    "UPDATE jobs SET delivery_owner = ?1, delivery_lease = ?2
                     WHERE id = (SELECT id FROM jobs
                                 WHERE status = 'done' AND delivery_status = 'pending' AND next_delivery_at <= ?3
                                   AND (delivery_lease IS NULL OR delivery_lease < ?3)
                                 ORDER BY next_delivery_at LIMIT 1)
                     RETURNING {COLUMNS}"
                ),
                params![worker, later(lease), t],
                job_row,
            )
            .optional()
        })
    }

    pub(super) fn sq_delivery_done(&self, id: &str, worker: &str, outcome: &DeliveryOutcome) -> Result<(), StoreError> {
        self.with(|c| {
            let t = now();
            let (status, error, next) = match outcome {
                DeliveryOutcome::Delivered => ("delivered", None, None),
                DeliveryOutcome::RetryAt { at, error } => ("pending", Some(error.as_str()), Some(stamp(*at))),
                DeliveryOutcome::GaveUp { error } => ("delivery_failed", Some(error.as_str()), None),
            };
            c.execute(
                "UPDATE jobs SET delivery_status = ?3, delivery_error = ?4, next_delivery_at = COALESCE(?5, next_delivery_at),
                                 delivery_attempts = delivery_attempts + 1, delivery_owner = NULL, delivery_lease = NULL,
                                 updated_at = ?6
                 WHERE id = ?1 AND delivery_owner = ?2",
                params![id, worker, status, error, next, t],
            )
            .map(|_| ())
        })
    }

    pub(super) fn sq_queue_stats(&self) -> Result<(u64, f64), StoreError> {
        self.with(|c| {
            let (n, oldest): (i64, Option<String>) = c.query_row(
                "SELECT COUNT(*), MIN(created_at) FROM jobs WHERE status IN ('queued', 'running')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let age = oldest
                .and_then(|o| chrono::DateTime::parse_from_rfc3339(&o).ok())
                .map_or(0.0, |o| {
                    (chrono::Utc::now() - o.to_utc()).num_milliseconds() as f64 / 1000.0
                });
            Ok((u64::try_from(n).unwrap_or(0), age.max(0.0)))
        })
    }
}

// Behaviour is tested in tests/store.rs, one suite run against SQLite and PostgreSQL alike.
