//! Batch checks, the newsroom webhook and its jobs, over real HTTP on loopback.

mod common;

use std::time::Duration;

use common::receiver::Receiver;
use common::{fixtures, serve_pages, spawn_app, spawn_app_with, TestApp};
use crosscheck::jobs::signature;
use serde_json::{json, Value};

const SECRET: &str = "test-secret";

async fn post_signed(app: &TestApp, body: &Value, ts: i64, secret: &str) -> (u16, Value) {
    let raw = body.to_string();
    let sig = signature::sign(secret, ts, raw.as_bytes());
    let resp = app
        .client
        .post(format!("{}/v1/webhooks/newsroom", app.base))
        .header("content-type", "application/json")
        .header(signature::TIMESTAMP_HEADER, ts.to_string())
        .header(signature::SIGNATURE_HEADER, sig)
        .body(raw)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (
        status,
        serde_json::from_str(&resp.text().await.unwrap_or_default()).unwrap_or(Value::Null),
    )
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

async fn wait_job(app: &TestApp, id: &str, pred: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..300 {
        let (_, _, job) = app.get(&format!("/v1/jobs/{id}")).await;
        if pred(&job) {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("job {id} did not reach the expected state");
}

fn draft(pages: &str, callback: Option<&str>, revision: &str) -> Value {
    let mut body = json!({
        "event": "article.updated",
        "article": {
            "id": "cms-123", "revision": revision, "title": "Met leaves special measures",
            "body_html": "<p>The Met now answers 86.2% of 999 calls within 10 seconds.</p>\
                          <p>Burglary is up 22% over the mayoralty.</p>\
                          <p>The Mayor of London, Sadiq Khan, said: “There’s still more to do.”</p>\
                          <p>It was a cold day in London.</p>",
            "sources": [format!("{pages}standard-met-special-measures.html"), format!("{pages}mayor-statement-met-special-measures.html")]
        }
    });
    if let Some(cb) = callback {
        body["callback_url"] = json!(cb);
    }
    body
}

#[tokio::test]
async fn batch_keeps_order_fetches_each_page_once_and_answers_bad_items_in_place() {
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let std_url = format!("{}standard-met-special-measures.html", pages.base);
    let claims: Vec<Value> = vec![
        json!({"claim": "86.2% of 999 calls are answered within 10 seconds", "id": "a"}),
        json!({"claim": ""}),
        json!({"claim": "88% of 999 calls are answered within 10 seconds", "id": "c"}),
        json!({"claim": 7}),
        json!({"claim": "Around 80 per cent of 999 calls are answered within 10 seconds", "id": "e",
               "sources": [format!("{}community-blog-999-calls.html", pages.base)]}),
    ];
    let (status, _, body) = app
        .post_json("/v1/checks/batch", &json!({"claims": claims, "sources": [std_url]}))
        .await;
    assert_eq!(status, 200, "{body}");
    let r = body["results"].as_array().unwrap();
    assert_eq!(r.len(), 5);
    assert_eq!(
        (r[0]["id"].as_str(), r[0]["verdict"].as_str()),
        (Some("a"), Some("supported"))
    );
    assert_eq!(r[1]["status"], 422);
    assert_eq!(
        (r[2]["id"].as_str(), r[2]["verdict"].as_str()),
        (Some("c"), Some("contradicted"))
    );
    assert_eq!(r[3]["status"], 422);
    assert_eq!(
        (r[4]["id"].as_str(), r[4]["verdict"].as_str()),
        (Some("e"), Some("supported"))
    );
    let hits = pages.hits.lock().unwrap().clone();
    assert_eq!(hits.get("standard-met-special-measures.html"), Some(&1), "{hits:?}");
    assert_eq!(hits.get("community-blog-999-calls.html"), Some(&1), "{hits:?}");
    // Every answer was stored and can be fetched again.
    let (s, _, stored) = app
        .get(&format!("/v1/checks/{}", r[0]["check_id"].as_str().unwrap()))
        .await;
    assert_eq!((s, stored["verdict"].as_str()), (200, Some("supported")));
}

#[tokio::test]
async fn a_batch_over_the_limit_is_refused_whole() {
    let app = spawn_app().await;
    let claims: Vec<Value> = (0..1001).map(|i| json!({"claim": format!("claim {i}")})).collect();
    let (status, ct, _) = app.post_json("/v1/checks/batch", &json!({"claims": claims})).await;
    assert_eq!((status, ct.as_str()), (422, "application/problem+json"));
}

#[tokio::test]
async fn an_async_batch_answers_202_and_its_job_reports_results() {
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let src = format!("{}standard-met-special-measures.html", pages.base);
    let (status, _, accepted) = app
        .post_json("/v1/checks/batch?async=true", &json!({"claims": [{"claim": "About 8,000 officers have been trained to identify child exploitation"}], "sources": [src]}))
        .await;
    assert_eq!(status, 202, "{accepted}");
    let id = accepted["job_id"].as_str().unwrap();
    assert_eq!(accepted["status_url"], format!("/v1/jobs/{id}"));
    let job = wait_job(&app, id, |j| j["status"] == "done").await;
    assert_eq!(job["progress"], json!({"done": 1, "total": 1}));
    assert_eq!(job["results"]["results"][0]["verdict"], "supported");
}

#[tokio::test]
async fn webhook_without_a_secret_is_503() {
    let app = spawn_app().await;
    let (status, _) = post_signed(&app, &json!({"article": {}}), now(), SECRET).await;
    assert_eq!(status, 503);
}

#[tokio::test]
async fn webhook_signatures_bad_expired_and_replayed_are_401() {
    let app = spawn_app_with(|s| s.webhook_secret = Some(SECRET.into())).await;
    let body = draft("http://127.0.0.1:9/", None, "1");
    assert_eq!(post_signed(&app, &body, now(), "wrong-secret").await.0, 401);
    assert_eq!(post_signed(&app, &body, now() - 301, SECRET).await.0, 401, "expired");
    assert_eq!(
        post_signed(&app, &body, now() + 301, SECRET).await.0,
        401,
        "from the future"
    );
    // A captured request replayed later: same body, same signature, old timestamp.
    let resp = app
        .client
        .post(format!("{}/v1/webhooks/newsroom", app.base))
        .header("content-type", "application/json")
        .header(signature::TIMESTAMP_HEADER, (now() - 3600).to_string())
        .header(
            signature::SIGNATURE_HEADER,
            signature::sign(SECRET, now() - 3600, body.to_string().as_bytes()),
        )
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    let unsigned = app.post_json("/v1/webhooks/newsroom", &body).await;
    assert_eq!(unsigned.0, 401);
    assert_eq!(unsigned.1, "application/problem+json");
    assert_eq!(app.get("/healthz").await.0, 200);
}

#[tokio::test]
async fn webhook_job_checks_the_draft_and_calls_back_signed_once() {
    let app = spawn_app_with(|s| s.webhook_secret = Some(SECRET.into())).await;
    let pages = serve_pages(fixtures());
    let receiver = Receiver::start(200);
    let body = draft(&pages.base, Some(&receiver.url), "7");
    let (status, first) = post_signed(&app, &body, now(), SECRET).await;
    assert_eq!(status, 202, "{first}");
    let (status, again) = post_signed(&app, &body, now(), SECRET).await;
    assert_eq!(status, 202);
    assert_eq!(first["job_id"], again["job_id"], "same article and revision, same job");
    let id = first["job_id"].as_str().unwrap();
    let job = wait_job(&app, id, |j| j["delivery"]["status"] == "delivered").await;
    let claims = job["results"]["claims"].as_array().unwrap();
    let verdict_of = |needle: &str| {
        claims
            .iter()
            .find(|c| c["claim"].as_str().unwrap_or("").contains(needle))
            .map(|c| c["check"]["verdict"].clone())
    };
    assert_eq!(verdict_of("86.2%"), Some(json!("supported")), "{claims:#?}");
    assert_eq!(verdict_of("Burglary"), Some(json!("contradicted")), "{claims:#?}");
    assert_eq!(verdict_of("still more to do"), Some(json!("supported")), "{claims:#?}");
    assert_eq!(
        verdict_of("cold day"),
        None,
        "a sentence with neither figure nor quote is not a claim"
    );
    tokio::time::sleep(Duration::from_millis(600)).await;
    let got = receiver.got.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "exactly one callback");
    let cb = &got[0];
    let verified = signature::verify(
        SECRET,
        cb.timestamp.as_deref(),
        cb.signature.as_deref(),
        &cb.body,
        now(),
    );
    assert_eq!(verified, Ok(()));
    assert!(cb.delivery.is_some());
    let payload: Value = serde_json::from_slice(&cb.body).unwrap();
    assert_eq!(payload["job_id"], id);
}

#[tokio::test]
async fn a_failing_callback_receiver_gets_retries_then_the_job_shows_delivery_failed() {
    let app = spawn_app_with(|s| {
        s.webhook_secret = Some(SECRET.into());
        s.callback_backoff = Duration::from_millis(20);
        s.callback_max_attempts = 3;
    })
    .await;
    let pages = serve_pages(fixtures());
    let receiver = Receiver::start(500);
    let (status, accepted) = post_signed(&app, &draft(&pages.base, Some(&receiver.url), "8"), now(), SECRET).await;
    assert_eq!(status, 202);
    let job = wait_job(&app, accepted["job_id"].as_str().unwrap(), |j| {
        j["delivery"]["status"] == "delivery_failed"
    })
    .await;
    assert_eq!(job["status"], "done");
    assert_eq!(job["delivery"]["attempts"], 3);
    assert!(job["delivery"]["last_error"].as_str().unwrap().contains("500"));
    assert_eq!(receiver.count(), 3);
    let ids: std::collections::HashSet<_> = receiver
        .got
        .lock()
        .unwrap()
        .iter()
        .map(|r| r.delivery.clone())
        .collect();
    assert_eq!(ids.len(), 1, "retries carry the same delivery id");
}

#[tokio::test]
async fn a_callback_to_a_private_address_is_refused_by_the_guard() {
    let app = spawn_app_with(|s| {
        s.webhook_secret = Some(SECRET.into());
        s.allow_private_hosts = false;
        s.callback_max_attempts = 1;
    })
    .await;
    let body = json!({"article": {"id": "x", "revision": "1", "body_text": "Crime fell 5% in 2024.", "sources": ["https://example.invalid/"]},
                      "callback_url": "http://169.254.169.254/latest/meta-data/"});
    let (status, accepted) = post_signed(&app, &body, now(), SECRET).await;
    assert_eq!(status, 202);
    let job = wait_job(&app, accepted["job_id"].as_str().unwrap(), |j| {
        j["delivery"]["status"] == "delivery_failed"
    })
    .await;
    assert!(
        job["delivery"]["last_error"]
            .as_str()
            .unwrap()
            .contains("not a public address"),
        "{job}"
    );
}
