//! The route handlers: parse, call the engine, shape the answer. Nothing else lives here.

use actix_web::{web, HttpResponse};
use serde_json::json;

use super::error::ApiError;
use super::AppState;
use crate::model::{BatchRequest, CheckAnswer, CheckRequest};
use crate::store::{new_id, StoredCheck};

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

pub async fn create_check(state: web::Data<AppState>, body: web::Json<CheckRequest>) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner().parse()?;
    let answer = state.engine.check(&input).await;
    let answer = store_check(&state, answer).await?;
    tracing::info!(
        verdict = answer.verdict.as_str(),
        sources = answer.sources.len(),
        "check"
    );
    Ok(HttpResponse::Ok().json(answer))
}

pub async fn create_batch(state: web::Data<AppState>, body: web::Json<BatchRequest>) -> Result<HttpResponse, ApiError> {
    let items = body.into_inner().parse()?;
    let n = items.len();
    let answers = state.engine.check_batch(items).await;
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
