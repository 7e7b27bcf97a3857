//! The route handlers: parse, call the engine, shape the answer. Nothing else lives here.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use super::error::ApiError;
use super::AppState;
use crate::jobs::signature;
use crate::jobs::webhook::WebhookEvent;
use crate::model::{BatchRequest, CheckAnswer, CheckRequest};
use crate::store::{new_id, Job, JobKind, NewJob, StoredCheck};

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

pub async fn create_check(state: web::Data<AppState>, body: web::Json<CheckRequest>) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner().parse()?;
    let started = std::time::Instant::now();
    let answer = state.engine.check(&input).await;
    state.metrics.check("single", started.elapsed());
    let answer = store_check(&state, answer).await?;
    tracing::info!(
        verdict = answer.verdict.as_str(),
        sources = answer.sources.len(),
        "check"
    );
    Ok(HttpResponse::Ok().json(answer))
}

#[derive(serde::Deserialize)]
pub struct BatchQuery {
    #[serde(default, rename = "async")]
    run_async: bool,
}

pub async fn create_batch(
    state: web::Data<AppState>,
    query: web::Query<BatchQuery>,
    body: web::Json<BatchRequest>,
) -> Result<HttpResponse, ApiError> {
    let request = body.into_inner();
    if query.run_async {
        request.clone().parse()?;
        let payload = serde_json::to_value(&request).map_err(|e| ApiError::Internal(e.to_string()))?;
        let job = NewJob {
            kind: JobKind::Batch,
            dedupe_key: None,
            payload,
            callback_url: None,
        };
        return enqueue(&state, job).await;
    }
    let items = request.parse()?;
    let n = items.len();
    let started = std::time::Instant::now();
    let answers = state.engine.check_batch(items).await;
    state.metrics.check("batch", started.elapsed());
    let created_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let mut stored = Vec::new();
    let mut results: Vec<serde_json::Value> = Vec::with_capacity(n);
    for a in answers {
        match a {
            Ok(mut answer) => {
                let check_id = new_id("chk");
                answer.check_id = Some(check_id.clone());
                results.push(serde_json::to_value(&answer).map_err(|e| ApiError::Internal(e.to_string()))?);
                stored.push(StoredCheck {
                    check_id,
                    created_at: created_at.clone(),
                    answer,
                });
            }
            Err(e) => results.push(
                serde_json::to_value(ApiError::from(e).problem()).map_err(|e| ApiError::Internal(e.to_string()))?,
            ),
        }
    }
    let store = state.store.clone();
    web::block(move || store.put_checks(&stored))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    tracing::info!(claims = n, "batch");
    Ok(HttpResponse::Ok().json(json!({"results": results})))
}

/// `POST /v1/webhooks/newsroom`: signed draft in, job out (the same article revision gives the same job).
pub async fn newsroom_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let secret = state.settings.webhook_secret.as_deref().ok_or_else(|| {
        ApiError::Unavailable("the newsroom webhook is not configured: set CROSSCHECK_WEBHOOK_SECRET".into())
    })?;
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    signature::verify(
        secret,
        header(signature::TIMESTAMP_HEADER),
        header(signature::SIGNATURE_HEADER),
        &body,
        chrono::Utc::now().timestamp(),
    )
    .map_err(|e| ApiError::BadSignature(e.to_string()))?;
    let event = WebhookEvent::parse(&body).map_err(|e| ApiError::Unprocessable(e.to_string()))?;
    let job = NewJob {
        kind: JobKind::Webhook,
        dedupe_key: Some(event.dedupe_key()),
        callback_url: event.callback_url.clone(),
        payload: serde_json::to_value(&event).map_err(|e| ApiError::Internal(e.to_string()))?,
    };
    enqueue(&state, job).await
}

async fn enqueue(state: &AppState, job: NewJob) -> Result<HttpResponse, ApiError> {
    let store = state.store.clone();
    let (job, created) = web::block(move || store.enqueue_job(&job))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    if created {
        state.queue.wake.notify_waiters();
    }
    tracing::info!(job = %job.id, created, "job queued");
    Ok(HttpResponse::Accepted().json(json!({
        "job_id": job.id,
        "status_url": format!("/v1/jobs/{}", job.id),
        "status": job.status,
        "created": created,
    })))
}

/// `GET /v1/jobs/{id}`: status, progress, results, and where the callback stands.
pub async fn get_job(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let store = state.store.clone();
    let job = web::block(move || store.get_job(&id))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .ok_or_else(|| ApiError::NotFound("no job has that id".into()))?;
    Ok(HttpResponse::Ok().json(job_json(&job)))
}

pub fn job_json(job: &Job) -> serde_json::Value {
    json!({
        "job_id": job.id,
        "kind": job.kind,
        "status": job.status,
        "progress": {"done": job.done, "total": job.total},
        "attempts": job.attempts,
        "results": job.result,
        "error": job.error,
        "delivery": job.callback_url.as_ref().map(|url| json!({
            "callback_url": url,
            "status": job.delivery_status,
            "attempts": job.delivery_attempts,
            "last_error": job.delivery_error,
            "delivery_id": job.delivery_id,
        })),
        "created_at": job.created_at,
        "updated_at": job.updated_at,
    })
}

/// Gives the answer its `check_id` and keeps it.
async fn store_check(state: &AppState, mut answer: CheckAnswer) -> Result<CheckAnswer, ApiError> {
    let id = new_id("chk");
    answer.check_id = Some(id.clone());
    let stored = StoredCheck {
        check_id: id,
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        answer,
    };
    let store = state.store.clone();
    let record = stored.clone();
    web::block(move || store.put_check(&record))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(stored.answer)
}

/// A stored check, with the earlier answers to the same claim (newest first) so a changed page shows.
pub async fn get_check(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let store = state.store.clone();
    let (found, history) = web::block(move || -> Result<_, crate::store::StoreError> {
        let Some(found) = store.get_check(&id)? else {
            return Ok((None, Vec::new()));
        };
        let history = store.history(&found.answer.claim, found.answer.speaker.as_deref(), 20)?;
        Ok((Some(found), history))
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    let found = found.ok_or_else(|| ApiError::NotFound("no stored check has that id".into()))?;
    let history: Vec<_> = history
        .into_iter()
        .filter(|h| h.check_id != found.check_id)
        .map(|h| {
            json!({"check_id": h.check_id, "created_at": h.created_at, "verdict": h.answer.verdict,
                         "sources": h.answer.sources})
        })
        .collect();
    let mut body = serde_json::to_value(&found.answer).map_err(|e| ApiError::Internal(e.to_string()))?;
    body["created_at"] = json!(found.created_at);
    body["history"] = json!(history);
    Ok(HttpResponse::Ok().json(body))
}

/// `GET /metrics`: Prometheus text; the queue gauges are left out when the store cannot be read.
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let store = state.store.clone();
    let queue = match web::block(move || store.queue_stats()).await {
        Ok(Ok(q)) => Some(q),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "queue stats unavailable for /metrics");
            None
        }
        Err(_) => None,
    };
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(state.metrics.render(queue))
}

pub async fn list_sources(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(json!({"sources": state.engine.registry().entries()}))
}

pub async fn not_found(req: actix_web::HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound(format!(
        "no route for {} {}",
        req.method(),
        req.path()
    )))
}
