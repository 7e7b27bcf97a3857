//! The route handlers: parse, call the engine, shape the answer. Nothing else lives here.

use actix_web::{web, HttpResponse};
use serde_json::json;

use super::error::ApiError;
use super::AppState;
use crate::model::CheckRequest;

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

pub async fn create_check(state: web::Data<AppState>, body: web::Json<CheckRequest>) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner().parse()?;
    let answer = state.engine.check(&input).await;
    tracing::info!(verdict = answer.verdict.as_str(), sources = answer.sources.len(), "check");
    Ok(HttpResponse::Ok().json(answer))
}

pub async fn list_sources(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(json!({"sources": state.engine.registry().entries()}))
}

pub async fn not_found(req: actix_web::HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound(format!("no route for {} {}", req.method(), req.path())))
}
