//! Job records: what the queue holds, whoever stores it.
//!
//! A job is taken with a lease; a worker that dies leaves a lease that expires, and the job is taken again. Only
//! the lease holder can complete it, so a job is never completed twice. A finished job with a callback URL then
//! waits for delivery, which is leased and retried the same way.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    Webhook,
    Batch,
}

impl JobKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Webhook => "webhook",
            JobKind::Batch => "batch",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "webhook" => Some(JobKind::Webhook),
            "batch" => Some(JobKind::Batch),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Queued,
    Running,
    Done,
    Failed,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "queued" => Some(JobStatus::Queued),
            "running" => Some(JobStatus::Running),
            "done" => Some(JobStatus::Done),
            "failed" => Some(JobStatus::Failed),
            _ => None,
        }
    }
}

/// Where the result's callback stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// No callback was asked for.
    None,
    Pending,
    Delivered,
    DeliveryFailed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::None => "none",
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::DeliveryFailed => "delivery_failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "none" => Some(DeliveryStatus::None),
            "pending" => Some(DeliveryStatus::Pending),
            "delivered" => Some(DeliveryStatus::Delivered),
            "delivery_failed" => Some(DeliveryStatus::DeliveryFailed),
            _ => None,
        }
    }
}

/// A job to be queued.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: JobKind,
    /// Same key, same job: a webhook's `article.id` + `revision`.
    pub dedupe_key: Option<String>,
    pub payload: serde_json::Value,
    pub callback_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Job {
    pub id: String,
    pub kind: JobKind,
    #[serde(skip)]
    pub dedupe_key: Option<String>,
    #[serde(skip)]
    pub payload: serde_json::Value,
    pub status: JobStatus,
    pub done: u32,
    pub total: u32,
    pub attempts: u32,
    pub result: Option<serde_json::Value>,
    pub error: Option<String>,
    pub callback_url: Option<String>,
    pub delivery_status: DeliveryStatus,
    pub delivery_attempts: u32,
    pub delivery_error: Option<String>,
    pub delivery_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What a delivery attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryOutcome {
    Delivered,
    RetryAt {
        at: chrono::DateTime<chrono::Utc>,
        error: String,
    },
    GaveUp {
        error: String,
    },
}

/// Times are stored as fixed-width RFC 3339 UTC strings so they compare as text.
pub fn stamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}
