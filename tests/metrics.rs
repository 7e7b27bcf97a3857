//! `GET /metrics`: Prometheus text that counts what the service did, by route pattern, verdict and fetch outcome.

mod common;

use common::{fixtures, serve_pages, spawn_app};
use serde_json::json;

async fn scrape(app: &common::TestApp) -> (String, String) {
    let resp = app
        .client
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .expect("scrape");
    assert_eq!(resp.status(), 200);
    let ct = resp.headers()["content-type"].to_str().unwrap_or("").to_string();
    (ct, resp.text().await.unwrap_or_default())
}

/// The value of one sample line (`name{labels} value`), if present.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .and_then(|v| v.parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_verdicts_and_fetch_outcomes() {
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let (status, _, body) = app
        .post_json("/v1/checks", &json!({"claim": "86.2% of 999 calls in 10 seconds"}))
        .await;
    assert_eq!(status, 200, "{body}");
    let id = body["check_id"].as_str().expect("check id").to_string();
    assert_eq!(app.get(&format!("/v1/checks/{id}")).await.0, 200);
    let missing = format!("{}no-such-page.html", pages.base);
    app.post_json(
        "/v1/checks",
        &json!({"claim": "86.2% of 999 calls", "sources": [missing]}),
    )
    .await;
    app.get("/v1/nothing-here").await;

    let (ct, text) = scrape(&app).await;
    assert!(ct.starts_with("text/plain; version=0.0.4"), "{ct}");
    let requests = |route: &str, method: &str, status: u16| {
        sample(
            &text,
            &format!("crosscheck_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}}"),
        )
    };
    assert_eq!(requests("/v1/checks", "POST", 200), Some(2.0), "{text}");
    assert_eq!(requests("/v1/checks/{id}", "GET", 200), Some(1.0), "{text}");
    assert_eq!(requests("unmatched", "GET", 404), Some(1.0), "{text}");
    assert!(!text.contains(&id), "raw paths must not become labels");
    assert_eq!(
        sample(&text, "crosscheck_verdicts_total{verdict=\"supported\"}"),
        Some(1.0)
    );
    assert_eq!(
        sample(&text, "crosscheck_verdicts_total{verdict=\"unverifiable\"}"),
        Some(1.0)
    );
    assert_eq!(
        sample(&text, "crosscheck_fetches_total{status=\"http_404\"}"),
        Some(1.0)
    );
    assert_eq!(
        sample(&text, "crosscheck_check_duration_seconds_count{kind=\"single\"}"),
        Some(2.0)
    );
    assert!(
        sample(
            &text,
            "crosscheck_http_request_duration_seconds_bucket{route=\"/v1/checks\",method=\"POST\",le=\"+Inf\"}"
        ) == Some(2.0),
        "{text}"
    );
    assert_eq!(sample(&text, "crosscheck_job_queue_depth"), Some(0.0));
    assert_eq!(sample(&text, "crosscheck_job_queue_oldest_age_seconds"), Some(0.0));
}

#[tokio::test]
async fn a_reused_snapshot_counts_as_a_cache_hit() {
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let url = format!("{}standard-met-special-measures.html", pages.base);
    for _ in 0..2 {
        let (status, _, body) = app
            .post_json("/v1/checks", &json!({"claim": "86.2% of 999 calls", "sources": [url]}))
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let (_, text) = scrape(&app).await;
    assert_eq!(
        sample(&text, "crosscheck_cache_lookups_total{outcome=\"miss\"}"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        sample(&text, "crosscheck_cache_lookups_total{outcome=\"hit\"}"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        sample(&text, "crosscheck_fetches_total{status=\"ok\"}"),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        *pages
            .hits
            .lock()
            .unwrap()
            .get("standard-met-special-measures.html")
            .unwrap_or(&0),
        1
    );
}

#[tokio::test]
async fn every_metric_family_is_exposed_before_anything_happened() {
    let app = spawn_app().await;
    let (_, text) = scrape(&app).await;
    for (name, kind) in [
        ("crosscheck_http_requests_total", "counter"),
        ("crosscheck_http_request_duration_seconds", "histogram"),
        ("crosscheck_check_duration_seconds", "histogram"),
        ("crosscheck_job_duration_seconds", "histogram"),
        ("crosscheck_verdicts_total", "counter"),
        ("crosscheck_fetches_total", "counter"),
        ("crosscheck_cache_lookups_total", "counter"),
        ("crosscheck_cache_revalidations_total", "counter"),
        ("crosscheck_callback_deliveries_total", "counter"),
        ("crosscheck_job_queue_depth", "gauge"),
        ("crosscheck_job_queue_oldest_age_seconds", "gauge"),
    ] {
        assert!(
            text.contains(&format!("# TYPE {name} {kind}\n")),
            "{name} missing:\n{text}"
        );
    }
}

#[tokio::test]
async fn webhook_jobs_count_their_verdicts_and_callback_deliveries() {
    use crosscheck::jobs::signature;
    let app = common::spawn_app_with(|s| s.webhook_secret = Some("metrics-secret".into())).await;
    let pages = serve_pages(fixtures());
    let receiver = common::receiver::Receiver::start(200);
    let body = json!({
        "event": "article.updated",
        "article": {"id": "cms-metrics", "revision": "1",
                    "body_html": "<p>The Met now answers 86.2% of 999 calls within 10 seconds.</p>",
                    "sources": [format!("{}standard-met-special-measures.html", pages.base)]},
        "callback_url": receiver.url,
    })
    .to_string();
    let ts = chrono::Utc::now().timestamp();
    let resp = app
        .client
        .post(format!("{}/v1/webhooks/newsroom", app.base))
        .header("content-type", "application/json")
        .header(signature::TIMESTAMP_HEADER, ts.to_string())
        .header(
            signature::SIGNATURE_HEADER,
            signature::sign("metrics-secret", ts, body.as_bytes()),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let mut text = String::new();
    for _ in 0..300 {
        text = scrape(&app).await.1;
        if sample(&text, "crosscheck_callback_deliveries_total{outcome=\"delivered\"}") == Some(1.0) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        sample(&text, "crosscheck_callback_deliveries_total{outcome=\"delivered\"}"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(receiver.count(), 1);
    assert_eq!(
        sample(&text, "crosscheck_verdicts_total{verdict=\"supported\"}"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        sample(
            &text,
            "crosscheck_http_requests_total{route=\"/v1/webhooks/newsroom\",method=\"POST\",status=\"202\"}"
        ),
        Some(1.0)
    );
    assert_eq!(sample(&text, "crosscheck_job_queue_depth"), Some(0.0));
    assert_eq!(
        sample(&text, "crosscheck_job_duration_seconds_count{kind=\"webhook\"}"),
        Some(1.0),
        "{text}"
    );
}
