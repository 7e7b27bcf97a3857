//! The worker pool: each worker takes a job from the store under a lease, runs it, and completes it; a separate
//! loop delivers callbacks. A job whose worker died is taken again when its lease expires, so nothing is lost; only
//! the lease holder may complete a job, so nothing completes twice.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::sync::Notify;

use super::claims::{self, ClaimKind};
use super::deliver::{Deliverer, CALLBACK_TIMEOUT};
use super::webhook::WebhookEvent;
use crate::model::{BatchRequest, CheckInput, SourceRef};
use crate::store::{new_id, Job, JobKind, Store, StoredCheck};
use crate::Engine;

/// How often an idle worker looks for work when nobody wakes it.
const POLL: Duration = Duration::from_millis(500);
/// Claims checked between two progress reports (and lease renewals).
const CHUNK: usize = 25;

/// Everything the workers share.
#[derive(Clone)]
pub struct Queue {
    pub store: Arc<dyn Store>,
    pub engine: Engine,
    pub deliverer: Deliverer,
    pub lease: Duration,
    pub wake: Arc<Notify>,
}

impl Queue {
    /// Starts `n` job workers and one delivery loop on the current runtime.
    pub fn start(&self, n: usize) {
        let host = std::env::var("HOSTNAME").unwrap_or_default();
        for i in 0..n.max(1) {
            let q = self.clone();
            let id = format!("{host}:{}:w{i}:{}", std::process::id(), new_id("lease"));
            tokio::spawn(async move { q.work(id).await });
        }
        let q = self.clone();
        let id = format!("{host}:{}:d:{}", std::process::id(), new_id("lease"));
        tokio::spawn(async move { q.deliver_loop(id).await });
    }

    async fn work(self, worker: String) {
        loop {
            let store = self.store.clone();
            let (w, lease) = (worker.clone(), self.lease);
            let job = tokio::task::spawn_blocking(move || store.claim_job(&w, lease)).await;
            match job {
                Ok(Ok(Some(job))) => {
                    tracing::info!(job = %job.id, kind = job.kind.as_str(), attempt = job.attempts, "job taken");
                    self.run(&worker, job).await;
                }
                Ok(Ok(None)) => {
                    let _ = tokio::time::timeout(POLL, self.wake.notified()).await;
                }
                Ok(Err(e)) => {
                    tracing::warn!(error = %e, "taking a job failed");
                    tokio::time::sleep(POLL).await;
                }
                Err(e) => {
                    tracing::error!(error = %e, "worker task failed");
                    tokio::time::sleep(POLL).await;
                }
            }
        }
    }

    async fn run(&self, worker: &str, job: Job) {
        let outcome = match job.kind {
            JobKind::Webhook => self.run_webhook(worker, &job).await,
            JobKind::Batch => self.run_batch(worker, &job).await,
        };
        let store = self.store.clone();
        let (id, w) = (job.id.clone(), worker.to_string());
        let done = tokio::task::spawn_blocking(move || match &outcome {
            Ok(result) => store.finish_job(&id, &w, Ok(result)),
            Err(reason) => store.finish_job(&id, &w, Err(reason)),
        })
        .await;
        match done {
            Ok(Ok(true)) => {
                tracing::info!(job = %job.id, "job finished");
                self.wake.notify_waiters();
            }
            Ok(Ok(false)) => tracing::warn!(job = %job.id, "job lease lost before completion; another worker has it"),
            Ok(Err(e)) => tracing::error!(job = %job.id, error = %e, "completing a job failed"),
            Err(e) => tracing::error!(job = %job.id, error = %e, "completing a job failed"),
        }
    }

    /// Checks inputs in chunks, reporting progress (which renews the lease) after each; stores every answer.
    async fn check_all(
        &self,
        worker: &str,
        job: &Job,
        inputs: Vec<Result<CheckInput, crate::model::RequestError>>,
        with_registry: bool,
    ) -> Result<Vec<Value>, String> {
        let total = u32::try_from(inputs.len()).unwrap_or(u32::MAX);
        let mut out = Vec::with_capacity(inputs.len());
        let mut inputs = inputs.into_iter().peekable();
        let mut done = 0u32;
        while inputs.peek().is_some() {
            let chunk: Vec<_> = inputs.by_ref().take(CHUNK).collect();
            let n = chunk.len();
            let answers = self.engine.check_batch_with(chunk, with_registry).await;
            let created_at = crate::store::jobs::stamp(chrono::Utc::now());
            let mut stored = Vec::new();
            for a in answers {
                match a {
                    Ok(mut answer) => {
                        let check_id = new_id("chk");
                        answer.check_id = Some(check_id.clone());
                        out.push(serde_json::to_value(&answer).map_err(|e| e.to_string())?);
                        stored.push(StoredCheck {
                            check_id,
                            created_at: created_at.clone(),
                            answer,
                        });
                    }
                    Err(e) => out.push(
                        serde_json::to_value(crate::http::ApiError::from(e).problem()).map_err(|e| e.to_string())?,
                    ),
                }
            }
            done += u32::try_from(n).unwrap_or(0);
            let store = self.store.clone();
            let (id, w, lease) = (job.id.clone(), worker.to_string(), self.lease);
            let kept = tokio::task::spawn_blocking(move || {
                store.put_checks(&stored)?;
                store.job_progress(&id, &w, done, total, lease)
            })
            .await
            .map_err(|e| e.to_string())?
            .map_err(|e| e.to_string())?;
            if !kept {
                return Err("the job's lease was lost".into());
            }
        }
        Ok(out)
    }

    async fn run_batch(&self, worker: &str, job: &Job) -> Result<Value, String> {
        let req: BatchRequest = serde_json::from_value(job.payload.clone()).map_err(|e| e.to_string())?;
        let items = req.parse().map_err(|e| e.to_string())?;
        let results = self.check_all(worker, job, items, false).await?;
        Ok(json!({"results": results}))
    }

    async fn run_webhook(&self, worker: &str, job: &Job) -> Result<Value, String> {
        let ev: WebhookEvent = serde_json::from_value(job.payload.clone()).map_err(|e| e.to_string())?;
        // A plain-text draft is read as written (bullets, hard wraps); offsets then index `body_text` itself.
        let (text, found) = match ev
            .article
            .body_text
            .as_deref()
            .filter(|_| ev.article.body_html.is_none())
        {
            Some(body) => (body.to_string(), claims::from_text(body)),
            None => {
                let doc = ev.document();
                let found = claims::from_document(&doc);
                (doc.text, found)
            }
        };
        let refs: Vec<SourceRef> = ev
            .source_urls()
            .iter()
            .filter_map(|u| url::Url::parse(u).ok())
            .map(SourceRef::Url)
            .collect();
        let sources = (!refs.is_empty()).then_some(refs);
        let inputs = found
            .iter()
            .map(|c| CheckInput::new(c.check_text(), c.speaker.clone(), sources.clone(), None))
            .collect();
        let results = self.check_all(worker, job, inputs, true).await?;
        let claims: Vec<Value> = found
            .iter()
            .zip(results)
            .map(|(c, check)| {
                json!({"claim": c.claim, "speaker": c.speaker, "kind": match c.kind { ClaimKind::Figure => "figure", ClaimKind::Quotation => "quotation" },
                       "start": text[..c.start].chars().count(), "end": text[..c.end].chars().count(), "check": check})
            })
            .collect();
        let mut counts = serde_json::Map::new();
        for c in &claims {
            if let Some(v) = c["check"]["verdict"].as_str() {
                let n = counts.get(v).and_then(Value::as_u64).unwrap_or(0);
                counts.insert(v.to_string(), json!(n + 1));
            }
        }
        Ok(json!({
            "event": ev.event,
            "article": {"id": ev.article.id, "revision": ev.article.revision, "title": ev.article.title, "url": ev.article.url},
            "claims": claims,
            "verdicts": counts,
        }))
    }

    async fn deliver_loop(self, worker: String) {
        loop {
            let store = self.store.clone();
            let w = worker.clone();
            let lease = self.lease.max(MIN_CALLBACK_LEASE);
            let due = tokio::task::spawn_blocking(move || store.claim_delivery(&w, lease)).await;
            match due {
                Ok(Ok(Some(job))) => {
                    let outcome = self.deliverer.deliver(&job).await;
                    tracing::info!(job = %job.id, outcome = ?outcome, "callback");
                    let store = self.store.clone();
                    let (id, w) = (job.id.clone(), worker.clone());
                    if let Ok(Err(e)) =
                        tokio::task::spawn_blocking(move || store.delivery_done(&id, &w, &outcome)).await
                    {
                        tracing::error!(job = %job.id, error = %e, "recording a delivery failed");
                    }
                }
                Ok(Ok(None)) => {
                    let _ = tokio::time::timeout(POLL, self.wake.notified()).await;
                }
                Ok(Err(e)) => {
                    tracing::warn!(error = %e, "taking a delivery failed");
                    tokio::time::sleep(POLL).await;
                }
                Err(e) => {
                    tracing::error!(error = %e, "delivery task failed");
                    tokio::time::sleep(POLL).await;
                }
            }
        }
    }
}

/// A delivery in progress is held for the job lease, but never less than one callback request can take, so a
/// slow receiver is not sent the same result twice by another replica.
const MIN_CALLBACK_LEASE: Duration = CALLBACK_TIMEOUT.saturating_add(Duration::from_secs(5));
