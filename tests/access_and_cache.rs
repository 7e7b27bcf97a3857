//! Bearer tokens, per-client rate limits, and the snapshot cache with conditional requests, over real HTTP.

mod common;

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use common::{spawn_app_with, TestApp};
use serde_json::json;

const PAGE: &str = "<html><head><title>Figures</title></head><body><article><p>The council said about 8,000 \
                    officers have been trained in the identification of child exploitation this year, it \
                    reported on Monday.</p></article></body></html>";

/// A page server that answers `ETag: "v1"` and honours `If-None-Match`; it records what each request carried.
fn etag_server() -> (String, Arc<Mutex<Vec<Option<String>>>>) {
    let seen: Arc<Mutex<Vec<Option<String>>>> = Arc::default();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let s = web::Data::new(seen.clone());
    let server = HttpServer::new(move || {
        App::new().app_data(s.clone()).default_service(web::to(
            |req: HttpRequest, seen: web::Data<Arc<Mutex<Vec<Option<String>>>>>| async move {
                let inm = req
                    .headers()
                    .get("if-none-match")
                    .and_then(|v| v.to_str().ok())
                    .map(String::from);
                seen.lock().unwrap().push(inm.clone());
                if inm.as_deref() == Some("\"v1\"") {
                    HttpResponse::NotModified().insert_header(("ETag", "\"v1\"")).finish()
                } else {
                    HttpResponse::Ok()
                        .insert_header(("ETag", "\"v1\""))
                        .content_type("text/html")
                        .body(PAGE)
                }
            },
        ))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    (format!("http://127.0.0.1:{port}/page.html"), seen)
}

async fn check(app: &TestApp, url: &str) -> serde_json::Value {
    let claim =
        json!({"claim": "About 8,000 officers have been trained to identify child exploitation", "sources": [url]});
    let (status, _, body) = app.post_json("/v1/checks", &claim).await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test]
async fn a_fresh_snapshot_is_reused_without_a_request() {
    let app = spawn_app_with(|s| s.cache_ttl = Duration::from_secs(600)).await;
    let (url, seen) = etag_server();
    assert_eq!(check(&app, &url).await["verdict"], "supported");
    assert_eq!(check(&app, &url).await["verdict"], "supported");
    assert_eq!(
        seen.lock().unwrap().len(),
        1,
        "the second check read the stored snapshot"
    );
}

#[tokio::test]
async fn a_stale_snapshot_is_revalidated_with_its_etag_and_a_304_reuses_it() {
    let app = spawn_app_with(|s| s.cache_ttl = Duration::ZERO).await;
    let (url, seen) = etag_server();
    let first = check(&app, &url).await;
    let second = check(&app, &url).await;
    assert_eq!(*seen.lock().unwrap(), vec![None, Some("\"v1\"".to_string())]);
    assert_eq!(second["verdict"], "supported");
    assert_eq!(
        first["sources"][0]["sha256"], second["sources"][0]["sha256"],
        "the same snapshot answered"
    );
}

#[tokio::test]
async fn tokens_are_required_on_v1_when_configured() {
    let app = spawn_app_with(|s| s.api_tokens = vec!["good-token".into()]).await;
    let body = json!({"claim": "86.2% of 999 calls in 10 seconds"});
    let (status, ct, problem) = app.post_json("/v1/checks", &body).await;
    assert_eq!((status, ct.as_str()), (401, "application/problem+json"), "{problem}");
    let send = |token: &'static str| {
        app.client
            .post(format!("{}/v1/checks", app.base))
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {token}"))
            .body(body.to_string())
            .send()
    };
    assert_eq!(send("bad-token").await.unwrap().status().as_u16(), 403);
    assert_eq!(send("good-token").await.unwrap().status().as_u16(), 200);
    assert_eq!(app.get("/healthz").await.0, 200, "health stays open");
}

#[tokio::test]
async fn a_client_over_its_rate_limit_gets_429_with_retry_after() {
    let app = spawn_app_with(|s| s.rate_limit_per_minute = 3).await;
    for _ in 0..3 {
        assert_eq!(app.get("/v1/sources").await.0, 200);
    }
    let resp = app.client.get(format!("{}/v1/sources", app.base)).send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 429);
    let wait: u64 = resp.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(app.get("/healthz").await.0, 200);
}
