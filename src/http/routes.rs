//! The route handlers: parse, call the engine, shape the answer. Nothing else lives here.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use super::claimreview::{claim_review, ClaimReview};
use super::error::{ApiError, Problem};
use super::openapi::{
    BatchAnswer, BatchItem, Health, HistoryEntry, JobAccepted, JobView, NewsroomEvent, SourcesList, StoredCheckView,
};
use super::AppState;
use crate::jobs::signature;
use crate::jobs::webhook::WebhookEvent;
use crate::model::{BatchRequest, CheckAnswer, CheckRequest};
use crate::store::{new_id, JobKind, NewJob, StoredCheck};

/// 200 while the service is serving.
#[utoipa::path(get, path = "/healthz", tag = "service", responses((status = 200, body = Health)))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok".into() })
}

/// Checks one claim against its sources (or the registry).
#[utoipa::path(
    post,
    path = "/v1/checks",
    tag = "checks",
    request_body = CheckRequest,
    responses(
        (status = 200, description = "The verdict; unreadable sources are reported in `sources[].status`.", body = CheckAnswer),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Cannot be checked", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Token required", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Token refused", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Rate limited", body = Problem, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
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

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BatchQuery {
    /// Queue the batch as a job and answer 202 at once.
    #[serde(default, rename = "async")]
    #[param(rename = "async")]
    run_async: bool,
}

/// Checks up to 1,000 claims; each distinct URL is fetched once.
#[utoipa::path(
    post,
    path = "/v1/checks/batch",
    tag = "checks",
    params(BatchQuery),
    request_body = BatchRequest,
    responses(
        (status = 200, description = "One answer or item-level problem per claim, in order", body = BatchAnswer),
        (status = 202, description = "With `?async=true`: the job", body = JobAccepted),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No claims, or more than 1,000", body = Problem, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
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
    let mut results = Vec::with_capacity(n);
    for a in answers {
        match a {
            Ok(mut answer) => {
                let check_id = new_id("chk");
                answer.check_id = Some(check_id.clone());
                results.push(BatchItem::Answer(Box::new(answer.clone())));
                stored.push(StoredCheck {
                    check_id,
                    created_at: created_at.clone(),
                    answer,
                });
            }
            Err(e) => results.push(BatchItem::Problem(ApiError::from(e).problem())),
        }
    }
    let store = state.store.clone();
    web::block(move || store.put_checks(&stored))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    tracing::info!(claims = n, "batch");
    Ok(HttpResponse::Ok().json(BatchAnswer { results }))
}

/// `POST /v1/webhooks/newsroom`: signed draft in, job out (the same article revision gives the same job).
#[utoipa::path(
    post,
    path = "/v1/webhooks/newsroom",
    tag = "jobs",
    request_body = NewsroomEvent,
    params(
        ("X-Crosscheck-Timestamp" = String, Header, description = "Unix seconds; more than 300 s away is refused"),
        ("X-Crosscheck-Signature" = String, Header, description = "`sha256=<hex HMAC-SHA256 of \"<timestamp>.<raw body>\">`"),
    ),
    responses(
        (status = 202, description = "Queued (or the same revision's earlier job)", body = JobAccepted),
        (status = 401, description = "Bad signature or replay", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a usable event", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "CROSSCHECK_WEBHOOK_SECRET unset", body = Problem, content_type = "application/problem+json"),
    )
)]
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
    Ok(HttpResponse::Accepted().json(JobAccepted {
        status_url: format!("/v1/jobs/{}", job.id),
        job_id: job.id,
        status: job.status,
        created,
    }))
}

/// `GET /v1/jobs/{id}`: status, progress, results, and where the callback stands.
#[utoipa::path(
    get,
    path = "/v1/jobs/{id}",
    tag = "jobs",
    params(("id" = String, Path, description = "The job id from the 202 answer")),
    responses(
        (status = 200, body = JobView),
        (status = 404, description = "No such job", body = Problem, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
pub async fn get_job(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let store = state.store.clone();
    let job = web::block(move || store.get_job(&id))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .ok_or_else(|| ApiError::NotFound("no job has that id".into()))?;
    Ok(HttpResponse::Ok().json(JobView::of(&job)))
}

/// Gives the answer its `check_id` and keeps it.
pub(super) async fn store_check(state: &AppState, mut answer: CheckAnswer) -> Result<CheckAnswer, ApiError> {
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

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CheckQuery {
    /// `claimreview` answers schema.org ClaimReview JSON-LD, like `Accept: application/ld+json`.
    format: Option<String>,
}

/// A stored check, with the earlier answers to the same claim (newest first) so a changed page shows; as
/// schema.org `ClaimReview` JSON-LD with `Accept: application/ld+json` or `?format=claimreview`.
#[utoipa::path(
    get,
    path = "/v1/checks/{id}",
    tag = "checks",
    params(("id" = String, Path, description = "`check_id` of an answer"), CheckQuery),
    responses(
        (status = 200, description = "The stored check", content(
            (StoredCheckView = "application/json"),
            (ClaimReview = "application/ld+json"),
        )),
        (status = 404, description = "No such check", body = Problem, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
pub async fn get_check(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<CheckQuery>,
) -> Result<HttpResponse, ApiError> {
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
    if wants_claim_review(&req, query.format.as_deref()) {
        return Ok(HttpResponse::Ok()
            .content_type(JSON_LD)
            .body(serde_json::to_string(&claim_review(&found)).map_err(|e| ApiError::Internal(e.to_string()))?));
    }
    let history = history
        .into_iter()
        .filter(|h| h.check_id != found.check_id)
        .map(|h| HistoryEntry {
            check_id: h.check_id,
            created_at: h.created_at,
            verdict: h.answer.verdict,
            sources: h.answer.sources,
        })
        .collect();
    Ok(HttpResponse::Ok().json(StoredCheckView {
        answer: found.answer,
        created_at: found.created_at,
        history,
    }))
}

const JSON_LD: &str = "application/ld+json";

/// `?format=claimreview`, or an `Accept` that names JSON-LD (any q above zero).
fn wants_claim_review(req: &HttpRequest, format: Option<&str>) -> bool {
    if format.is_some_and(|f| f.eq_ignore_ascii_case("claimreview")) {
        return true;
    }
    req.headers()
        .get_all(actix_web::http::header::ACCEPT)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let mime = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f64>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            mime.eq_ignore_ascii_case(JSON_LD) && !refused
        })
}

/// `GET /metrics`: Prometheus text; the queue gauges are left out when the store cannot be read.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "service",
    responses((status = 200, description = "Prometheus text format 0.0.4", body = String, content_type = "text/plain; version=0.0.4"))
)]
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

/// The registry of known sources searched when a check names none.
#[utoipa::path(get, path = "/v1/sources", tag = "checks", responses((status = 200, body = SourcesList)), security((), ("bearer" = [])))]
pub async fn list_sources(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(json!({"sources": state.engine.registry().entries()}))
}

/// This document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "service",
    responses((status = 200, description = "OpenAPI 3.1", body = Object))
)]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(super::openapi::document_json())
}

pub async fn not_found(req: actix_web::HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound(format!(
        "no route for {} {}",
        req.method(),
        req.path()
    )))
}
