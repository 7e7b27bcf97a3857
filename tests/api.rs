//! The HTTP contract: routes, problem+json errors, and a server that keeps serving after bad input.

mod common;

use common::{fixtures, serve_pages, spawn_app};
use serde_json::json;

async fn assert_problem(app: &common::TestApp, (status, ct, body): (u16, String, serde_json::Value), want: u16) {
    assert_eq!(status, want, "{body}");
    assert_eq!(ct, "application/problem+json");
    assert_eq!(body["status"], want);
    for field in ["type", "title", "detail"] {
        assert!(
            body[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field} missing in {body}"
        );
    }
    assert_eq!(
        app.get("/healthz").await.0,
        200,
        "server stopped serving after a {want}"
    );
}

#[tokio::test]
async fn healthz_answers_ok() {
    let app = spawn_app().await;
    let (status, _, body) = app.get("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn malformed_json_is_400() {
    let app = spawn_app().await;
    let r = app
        .post_raw("/v1/checks", "application/json", "{\"claim\": ".into())
        .await;
    assert_problem(&app, r, 400).await;
}

#[tokio::test]
async fn oversized_body_is_413() {
    let app = spawn_app().await;
    let body = json!({"claim": "x".repeat(300 * 1024)}).to_string();
    let r = app.post_raw("/v1/checks", "application/json", body).await;
    assert_problem(&app, r, 413).await;
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let app = spawn_app().await;
    let r = app
        .post_raw("/v1/checks", "text/plain", json!({"claim": "x"}).to_string())
        .await;
    assert_problem(&app, r, 415).await;
}

#[tokio::test]
async fn unusable_requests_are_422() {
    let app = spawn_app().await;
    let many: Vec<String> = (0..21).map(|i| format!("https://example.com/{i}")).collect();
    for body in [
        json!({"claim": ""}),
        json!({"claim": "   "}),
        json!({}),
        json!({"claim": "x".repeat(2001)}),
        json!({"claim": "a claim", "sources": many}),
        json!({"claim": "a claim", "sources": ["file:///etc/passwd"]}),
        json!({"claim": "a claim", "sources": ["ftp://example.com/x"]}),
        json!({"claim": 42}),
    ] {
        let r = app.post_json("/v1/checks", &body).await;
        assert_problem(&app, r, 422).await;
    }
}

#[tokio::test]
async fn unknown_route_is_a_404_problem() {
    let app = spawn_app().await;
    let r = app.get("/v1/nothing-here").await;
    assert_problem(&app, r, 404).await;
}

#[tokio::test]
async fn an_unreadable_source_is_reported_not_an_error() {
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let missing = format!("{}no-such-page.html", pages.base);
    let (status, _, body) = app
        .post_json(
            "/v1/checks",
            &json!({"claim": "86.2% of 999 calls", "sources": [missing], "id": "ref-7"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["verdict"], "unverifiable");
    assert_eq!(body["id"], "ref-7");
    assert_eq!(body["sources"][0]["status"], "http_404");
    assert!(body["sources"][0]["error"].as_str().is_some());
}

#[tokio::test]
async fn private_addresses_are_refused_by_default() {
    let app = common::spawn_app_with(|s| s.allow_private_hosts = false).await;
    let pages = serve_pages(fixtures());
    let url = format!("{}standard-met-special-measures.html", pages.base);
    let (status, _, body) = app
        .post_json("/v1/checks", &json!({"claim": "86.2% of 999 calls", "sources": [url]}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["verdict"], "unverifiable");
    assert_eq!(body["sources"][0]["status"], "blocked_address");
    assert_eq!(
        *pages
            .hits
            .lock()
            .unwrap()
            .get("standard-met-special-measures.html")
            .unwrap_or(&0),
        0
    );
}

#[tokio::test]
async fn the_registry_is_listed() {
    let app = spawn_app().await;
    let (status, _, body) = app.get("/v1/sources").await;
    assert_eq!(status, 200);
    let list = body["sources"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert!(list
        .iter()
        .all(|s| s["snapshot"].as_str().is_some() && s["kind"].as_str().is_some()));
}

#[tokio::test]
async fn the_card_example_is_supported_by_the_registry_with_offsets_into_the_extracted_text() {
    let app = spawn_app().await;
    let (status, _, body) = app
        .post_json("/v1/checks", &json!({"claim": "86.2% of 999 calls in 10 seconds"}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["verdict"], "supported", "{body:#}");
    let ev = body["evidence"].as_array().unwrap();
    let top = &ev[0];
    assert_eq!(top["stance"], "supports");
    assert!(top["passage"].as_str().unwrap().contains("86.2 per cent of 999 calls"));
    // Offsets are character offsets into what `crosscheck extract --format text` prints for that source.
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sources/standard-met-special-measures.html"
    ))
    .unwrap();
    let text = crosscheck::extract::extract(&page, None).text;
    let (s, e) = (
        top["start"].as_u64().unwrap() as usize,
        top["end"].as_u64().unwrap() as usize,
    );
    let slice: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(slice, top["passage"].as_str().unwrap());
    assert!(body["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["unit"] == "percent"));
}

#[tokio::test]
async fn a_windows_1252_page_is_decoded() {
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let url = format!("{}community-blog-999-calls.html", pages.base);
    let (status, _, body) = app
        .post_json(
            "/v1/checks",
            &json!({"claim": "The Met has a £480m reform budget", "sources": [url]}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["verdict"], "supported", "{body:#}");
    assert!(body["evidence"][0]["passage"]
        .as_str()
        .unwrap()
        .contains("Met’s £480m reform budget"));
}
