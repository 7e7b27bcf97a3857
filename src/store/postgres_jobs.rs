//! The job queue in PostgreSQL, shared by replicas: a job is taken with `FOR UPDATE SKIP LOCKED` and a lease, so
//! of all the workers on all the replicas exactly one holds it, and only that holder can complete it.
//!
//! The dedupe key (a CMS's article id and revision, of any length) is unique by its md5: a btree entry cannot exceed
//! a third of a page, and the key itself is compared too.
//!
//! Lease times come from the database's clock (`now()`), so replicas whose clocks drift still agree on when a
//! lease has run out; a retry time chosen by a deliverer is stored as it was given.

use std::time::Duration;

use ::postgres::Row;

use super::jobs::{stamp, DeliveryOutcome, DeliveryStatus, Job, JobKind, JobStatus, NewJob};
use super::postgres::PostgresStore;
use super::sqlite_jobs::MAX_JOB_ATTEMPTS;
use super::StoreError;

pub const JOB_MIGRATION: &str = "CREATE TABLE jobs (
        seq BIGSERIAL NOT NULL,
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        dedupe_key TEXT,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        result TEXT,
        error TEXT,
        lease_owner TEXT,
        lease_until TIMESTAMPTZ,
        callback_url TEXT,
        delivery_status TEXT NOT NULL,
        delivery_attempts INTEGER NOT NULL DEFAULT 0,
        delivery_error TEXT,
        delivery_id TEXT,
        delivery_owner TEXT,
        delivery_lease TIMESTAMPTZ,
        next_delivery_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
    );
    CREATE UNIQUE INDEX jobs_dedupe ON jobs (md5(dedupe_key));
    CREATE INDEX jobs_queue ON jobs (created_at, seq) WHERE status IN ('queued', 'running');
    CREATE INDEX jobs_delivery ON jobs (next_delivery_at) WHERE status = 'done' AND delivery_status = 'pending';";

const COLUMNS: &str = "id, kind, dedupe_key, payload, status, done, total, attempts, result, error, callback_url, \
                       delivery_status, delivery_attempts, delivery_error, delivery_id, created_at, updated_at";

/// The same columns qualified, for `UPDATE … FROM` whose other table has an `id` too.
const JOB_COLUMNS: &str = "jobs.id, jobs.kind, jobs.dedupe_key, jobs.payload, jobs.status, jobs.done, jobs.total, \
                           jobs.attempts, jobs.result, jobs.error, jobs.callback_url, jobs.delivery_status, \
                           jobs.delivery_attempts, jobs.delivery_error, jobs.delivery_id, jobs.created_at, \
                           jobs.updated_at";

fn count(r: &Row, i: usize) -> u32 {
    u32::try_from(r.get::<_, i32>(i)).unwrap_or(0)
}

fn job_row(r: &Row) -> Job {
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let kind: String = r.get(1);
    let status: String = r.get(4);
    let delivery: String = r.get(11);
    Job {
        id: r.get(0),
        kind: JobKind::parse(&kind).unwrap_or(JobKind::Batch),
        dedupe_key: r.get(2),
        payload: json(r.get(3)).unwrap_or(serde_json::Value::Null),
        status: JobStatus::parse(&status).unwrap_or(JobStatus::Failed),
        done: count(r, 5),
        total: count(r, 6),
        attempts: count(r, 7),
        result: json(r.get(8)),
        error: r.get(9),
        callback_url: r.get(10),
        delivery_status: DeliveryStatus::parse(&delivery).unwrap_or(DeliveryStatus::None),
        delivery_attempts: count(r, 12),
        delivery_error: r.get(13),
        delivery_id: r.get(14),
        created_at: stamp(r.get(15)),
        updated_at: stamp(r.get(16)),
    }
}

/// A lease length in seconds, for `now() + make_interval(secs => …)`.
fn secs(lease: Duration) -> f64 {
    lease.as_secs_f64()
}

impl PostgresStore {
    pub(super) fn pg_enqueue(&self, job: &NewJob) -> Result<(Job, bool), StoreError> {
        let delivery = if job.callback_url.is_some() {
            DeliveryStatus::Pending
        } else {
            DeliveryStatus::None
        };
        let payload = job.payload.to_string();
        self.with(|c| {
            // ON CONFLICT makes two replicas receiving the same revision at once agree on one job.
            let inserted = c.query_opt(
                &format!(
                    "INSERT INTO jobs (id, kind, dedupe_key, payload, status, callback_url, delivery_status, delivery_id,
                                       created_at, updated_at)
                     VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7, now(), now())
                     ON CONFLICT (md5(dedupe_key)) DO NOTHING
                     RETURNING {COLUMNS}"
                ),
                &[
                    &super::new_id("job"),
                    &job.kind.as_str(),
                    &job.dedupe_key,
                    &payload,
                    &job.callback_url,
                    &delivery.as_str(),
                    &super::new_id("dlv"),
                ],
            )?;
            if let Some(row) = inserted {
                return Ok((job_row(&row), true));
            }
            let existing = c.query_one(
                &format!("SELECT {COLUMNS} FROM jobs WHERE md5(dedupe_key) = md5($1) AND dedupe_key = $1"),
                &[&job.dedupe_key],
            )?;
            Ok((job_row(&existing), false))
        })
    }

    pub(super) fn pg_claim_job(&self, worker: &str, lease: Duration) -> Result<Option<Job>, StoreError> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            // A job whose worker died too often is failed, not retried forever; rows another replica holds are
            // left to it rather than waited for.
            tx.execute(
                "UPDATE jobs SET status = 'failed', error = 'abandoned by its worker too many times', updated_at = now()
                 WHERE id IN (SELECT id FROM jobs
                              WHERE status = 'running' AND lease_until < now() AND attempts >= $1
                              FOR UPDATE SKIP LOCKED)",
                &[&i32::try_from(MAX_JOB_ATTEMPTS).unwrap_or(i32::MAX)],
            )?;
            let row = tx.query_opt(
                &format!(
                    "WITH next AS (SELECT id FROM jobs
                                   WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
                                   ORDER BY created_at, seq LIMIT 1
                                   FOR UPDATE SKIP LOCKED)
                     UPDATE jobs SET status = 'running', lease_owner = $1,
                                     lease_until = now() + make_interval(secs => $2), attempts = jobs.attempts + 1,
                                     updated_at = now()
                     FROM next WHERE jobs.id = next.id
                     RETURNING {JOB_COLUMNS}"
                ),
                &[&worker, &secs(lease)],
            )?;
            tx.commit()?;
            Ok(row.as_ref().map(job_row))
        })
    }

    pub(super) fn pg_progress(
        &self,
        id: &str,
        worker: &str,
        done: u32,
        total: u32,
        lease: Duration,
    ) -> Result<bool, StoreError> {
        let (done, total) = (
            i32::try_from(done).unwrap_or(i32::MAX),
            i32::try_from(total).unwrap_or(i32::MAX),
        );
        self.with(|c| {
            let n = c.execute(
                "UPDATE jobs SET done = $3, total = $4, lease_until = now() + make_interval(secs => $5), updated_at = now()
                 WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
                &[&id, &worker, &done, &total, &secs(lease)],
            )?;
            Ok(n == 1)
        })
    }

    pub(super) fn pg_finish_job(
        &self,
        id: &str,
        worker: &str,
        outcome: Result<&serde_json::Value, &str>,
    ) -> Result<bool, StoreError> {
        self.with(|c| {
            let n = match outcome {
                Ok(result) => c.execute(
                    "UPDATE jobs SET status = 'done', result = $3, error = NULL, lease_owner = NULL, updated_at = now(),
                                     done = total, next_delivery_at = now()
                     WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
                    &[&id, &worker, &result.to_string()],
                )?,
                Err(error) => c.execute(
                    "UPDATE jobs SET status = 'failed', error = $3, lease_owner = NULL, updated_at = now(),
                                     delivery_status = CASE delivery_status WHEN 'pending' THEN 'none'
                                                       ELSE delivery_status END
                     WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
                    &[&id, &worker, &error],
                )?,
            };
            Ok(n == 1)
        })
    }

    pub(super) fn pg_get_job(&self, id: &str) -> Result<Option<Job>, StoreError> {
        let row = self.with(|c| c.query_opt(&format!("SELECT {COLUMNS} FROM jobs WHERE id = $1"), &[&id]))?;
        Ok(row.as_ref().map(job_row))
    }

    pub(super) fn pg_claim_delivery(&self, worker: &str, lease: Duration) -> Result<Option<Job>, StoreError> {
        let row = self.with(|c| {
            c.query_opt(
                &format!(
                    "WITH next AS (SELECT id FROM jobs
                                   WHERE status = 'done' AND delivery_status = 'pending' AND next_delivery_at <= now()
                                     AND (delivery_lease IS NULL OR delivery_lease < now())
                                   ORDER BY next_delivery_at LIMIT 1
                                   FOR UPDATE SKIP LOCKED)
                     UPDATE jobs SET delivery_owner = $1, delivery_lease = now() + make_interval(secs => $2)
                     FROM next WHERE jobs.id = next.id
                     RETURNING {JOB_COLUMNS}"
                ),
                &[&worker, &secs(lease)],
            )
        })?;
        Ok(row.as_ref().map(job_row))
    }

    pub(super) fn pg_delivery_done(&self, id: &str, worker: &str, outcome: &DeliveryOutcome) -> Result<(), StoreError> {
        let (status, error, next) = match outcome {
            DeliveryOutcome::Delivered => ("delivered", None, None),
            DeliveryOutcome::RetryAt { at, error } => ("pending", Some(error.as_str()), Some(*at)),
            DeliveryOutcome::GaveUp { error } => ("delivery_failed", Some(error.as_str()), None),
        };
        self.with(|c| {
            c.execute(
                "UPDATE jobs SET delivery_status = $3, delivery_error = $4,
                                 next_delivery_at = COALESCE($5, next_delivery_at),
                                 delivery_attempts = delivery_attempts + 1, delivery_owner = NULL, delivery_lease = NULL,
                                 updated_at = now()
                 WHERE id = $1 AND delivery_owner = $2",
                &[&id, &worker, &status, &error, &next],
            )
            .map(|_| ())
        })
    }

    pub(super) fn pg_queue_stats(&self) -> Result<(u64, f64), StoreError> {
        let row = self.with(|c| {
            c.query_one(
                "SELECT COUNT(*), EXTRACT(EPOCH FROM now() - MIN(created_at))::float8
                 FROM jobs WHERE status IN ('queued', 'running')",
                &[],
            )
        })?;
        let (n, age): (i64, Option<f64>) = (row.get(0), row.get(1));
        Ok((u64::try_from(n).unwrap_or(0), age.unwrap_or(0.0).max(0.0)))
    }
}
