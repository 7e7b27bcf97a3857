//! The fetcher as an attack surface, driven through the real service: hostile URLs, redirect chains into private
//! space, bodies built to exhaust memory or time, and request bodies built to crash the parser. Every input must
//! get its clear status, and the service must answer `/healthz` straight after.
//!
//! The service runs with the SSRF guard on (`allow_private_hosts = false`) and exactly one loopback server on its
//! allow-list: the hostile server the test starts. A second loopback server, the canary, is not allowed; any request
//! reaching it is an escape. Each test prints `security: <what>: tried N, refused M, got through K` (run with
//! `--nocapture`).

mod common;

use std::time::{Duration, Instant};

use common::hostile::bodies::{BROKEN, ODD_BODIES, UNTYPED};
use common::hostile::inputs::{hostile_urls, Tally, REFUSED};
use common::hostile::{Hostile, BODY_LIMIT, HUGE};
use common::TestApp;
use serde_json::json;

const CLAIM: &str = "The council's budget rose by 12% in 2023";

/// The guarded service, with `allowed` the one host:port it may reach on loopback.
async fn guarded_app(allowed: &Hostile, timeout: Duration) -> TestApp {
    let allowed = format!("127.0.0.1:{}", allowed.port);
    common::spawn_app_with(move |s| {
        s.allow_private_hosts = false;
        s.allowed_hosts = vec![allowed];
        s.fetch_timeout = timeout;
        s.connect_timeout = Duration::from_secs(1);
    })
    .await
}

/// What the service said about one source URL: its `sources[].status`, or `http <code>` when the request itself
/// was refused. Checks that the service still answers `/healthz` afterwards.
async fn source_status(app: &TestApp, url: &str) -> String {
    let (status, _, body) = app
        .post_json("/v1/checks", &json!({"claim": CLAIM, "sources": [url]}))
        .await;
    assert_eq!(
        app.get("/healthz").await.0,
        200,
        "service stopped answering after {url}"
    );
    if status != 200 {
        return format!("http {status}");
    }
    assert_eq!(body["verdict"], "unverifiable", "{url} was read: {body}");
    assert!(
        body["sources"][0]["error"].as_str().is_some_and(|e| !e.is_empty()),
        "no readable error for {url}: {body}"
    );
    body["sources"][0]["status"].as_str().unwrap_or("missing").to_string()
}

#[tokio::test]
async fn hostile_urls_are_refused_before_any_request() {
    let (allowed, canary) = (Hostile::start().await, Hostile::start().await);
    let app = guarded_app(&allowed, Duration::from_secs(3)).await;
    let mut tally = Tally::default();
    for url in hostile_urls(canary.port, allowed.port).await {
        let status = source_status(&app, &url).await;
        tally.record(&url, &status, REFUSED.contains(&status.as_str()));
    }
    assert_eq!(canary.total_hits(), 0, "the canary was reached");
    assert_eq!(
        allowed.total_hits(),
        0,
        "a URL that names the allowed server only in disguise reached it"
    );
    tally.finish("hostile URLs", "refused");
}

#[tokio::test]
async fn redirects_into_private_space_are_refused() {
    let (allowed, canary) = (Hostile::start().await, Hostile::start().await);
    let app = guarded_app(&allowed, Duration::from_secs(3)).await;
    let mut targets = hostile_urls(canary.port, allowed.port).await;
    // Spellings a Location header allows and a source list does not: relative to the allowed server.
    targets.extend([
        "//127.0.0.2/".to_string(),
        format!("//127.0.0.1:{}/", canary.port),
        "http:\\\\127.0.0.2\\".to_string(),
        "/\\127.0.0.2/".to_string(),
        format!("https://127.0.0.1:{}/", canary.port),
    ]);
    let mut tally = Tally::default();
    for (i, target) in targets.iter().enumerate() {
        let code = [301, 302, 303, 307, 308][i % 5];
        let url = allowed.redirect(code, target);
        let status = source_status(&app, &url).await;
        tally.record(
            &format!("{code} → {target}"),
            &status,
            REFUSED.contains(&status.as_str()),
        );
        // The same target two hops down a chain on the allowed server.
        let first = allowed.redirect(302, &url);
        let status = source_status(&app, &first).await;
        tally.record(
            &format!("302 → {code} → {target}"),
            &status,
            REFUSED.contains(&status.as_str()),
        );
    }
    assert_eq!(canary.total_hits(), 0, "a redirect reached the canary");
    tally.finish("redirect chains", "refused");
}

#[tokio::test]
async fn the_allowed_server_itself_is_read() {
    let allowed = Hostile::start().await;
    let app = guarded_app(&allowed, Duration::from_secs(3)).await;
    let (status, _, body) = app
        .post_json(
            "/v1/checks",
            &json!({"claim": CLAIM, "sources": [format!("{}/page", allowed.base)]}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["sources"][0]["status"], "ok", "{body}");
    assert_ne!(body["verdict"], "unverifiable", "{body:#}");
    // Five redirects are allowed, on the allowed server.
    let status = {
        let (_, _, body) = app
            .post_json(
                "/v1/checks",
                &json!({"claim": CLAIM, "sources": [format!("{}/hop/5", allowed.base)]}),
            )
            .await;
        body["sources"][0]["status"].clone()
    };
    assert_eq!(status, "ok");
}

#[tokio::test]
async fn redirect_loops_and_long_chains_stop_at_five() {
    let allowed = Hostile::start().await;
    let app = guarded_app(&allowed, Duration::from_secs(5)).await;
    let mut tally = Tally::default();
    for path in ["/loop", "/ping", "/hop/6", "/hop/50", "/endless/0"] {
        let started = Instant::now();
        let status = source_status(&app, &format!("{}{path}", allowed.base)).await;
        tally.record(path, &status, status == "too_many_redirects");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{path} took {:?}",
            started.elapsed()
        );
    }
    assert!(
        allowed.total_hits() < 5 * 7,
        "followed too far: {} requests",
        allowed.total_hits()
    );
    tally.finish("redirect loops", "refused");
}

#[tokio::test]
async fn a_gzip_bomb_stops_at_the_body_limit() {
    let allowed = Hostile::start().await;
    let app = guarded_app(&allowed, Duration::from_secs(10)).await;
    let mut tally = Tally::default();
    for path in ["/bomb", "/bomb-chunked"] {
        let started = Instant::now();
        let status = source_status(&app, &format!("{}{path}", allowed.base)).await;
        let took = started.elapsed();
        tally.record(path, &status, status == "too_large");
        println!(
            "security: {path}: {status} after {took:?}, {} compressed bytes sent",
            allowed.sent(path)
        );
        assert!(took < Duration::from_secs(5), "{path} took {took:?}");
        // The compressed bomb is small: all of it may well be sent, and it still must not be inflated in full.
        assert!(
            allowed.sent(path) < BODY_LIMIT,
            "{path}: {} compressed bytes",
            allowed.sent(path)
        );
    }
    tally.finish("gzip bombs", "refused");
}

#[tokio::test]
async fn a_50_mb_body_is_too_large_without_being_read() {
    let allowed = Hostile::start().await;
    let app = guarded_app(&allowed, Duration::from_secs(10)).await;
    let mut tally = Tally::default();
    for path in ["/big", "/big-chunked"] {
        let started = Instant::now();
        let status = source_status(&app, &format!("{}{path}", allowed.base)).await;
        tally.record(path, &status, status == "too_large");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{path} took {:?}",
            started.elapsed()
        );
        // Give the server a moment to notice the closed connection, then check it was not drained.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let sent = allowed.sent(path);
        println!("security: {path}: {status}, {sent} of {HUGE} bytes sent before the fetcher hung up");
        assert!(sent < HUGE / 2, "{path}: {sent} of {HUGE} bytes were read");
    }
    tally.finish("50 MB bodies", "refused");
}

#[tokio::test]
async fn a_one_byte_a_second_server_times_out_within_the_total() {
    let allowed = Hostile::start().await;
    let total = Duration::from_secs(2);
    let app = guarded_app(&allowed, total).await;
    let mut tally = Tally::default();
    for path in ["/drip", "/drip-head"] {
        let started = Instant::now();
        let status = source_status(&app, &format!("{}{path}", allowed.base)).await;
        let took = started.elapsed();
        tally.record(path, &status, status == "timeout");
        println!("security: {path}: {status} after {took:?} (total {total:?})");
        assert!(
            took < total + Duration::from_secs(2),
            "{path} held the check for {took:?}"
        );
    }
    tally.finish("slow drip", "refused");
}

#[tokio::test]
async fn slow_servers_cannot_hold_checks_past_the_total_even_when_queued_for_a_host_slot() {
    let allowed = Hostile::start().await;
    let total = Duration::from_secs(2);
    let app = guarded_app(&allowed, total).await;
    // More slow fetches to one host than it has slots: the ones waiting for a slot count that wait too.
    let n = crosscheck::fetch::PER_HOST_CONCURRENCY + 3;
    let started = Instant::now();
    let checks = (0..n).map(|i| {
        let url = format!("{}/drip?copy={i}", allowed.base);
        let app = &app;
        async move {
            let (_, _, body) = app
                .post_json("/v1/checks", &json!({"claim": CLAIM, "sources": [url]}))
                .await;
            (
                started.elapsed(),
                body["sources"][0]["status"].as_str().unwrap_or("missing").to_string(),
            )
        }
    });
    let mut tally = Tally::default();
    for (i, (took, status)) in futures_util::future::join_all(checks).await.into_iter().enumerate() {
        tally.record(
            &format!("slow copy {i}"),
            &format!("{status} after {took:?}"),
            status == "timeout" && took < total + Duration::from_secs(2),
        );
    }
    assert_eq!(app.get("/healthz").await.0, 200);
    tally.finish("queued slow drips", "refused");
}

#[tokio::test]
async fn binary_content_types_are_unsupported() {
    let allowed = Hostile::start().await;
    let app = guarded_app(&allowed, Duration::from_secs(3)).await;
    let mut tally = Tally::default();
    for mime in [
        "image/png",
        "image/svg+xml",
        "application/pdf",
        "application/octet-stream",
        "application/zip",
        "application/json",
        "application/javascript",
        "video/mp4",
        "audio/mpeg",
        "multipart/x-mixed-replace; boundary=x",
    ] {
        let path = format!("/type/{}", mime.replace('/', "_"));
        let status = source_status(&app, &format!("{}{path}", allowed.base)).await;
        tally.record(mime, &status, status == "unsupported_content_type");
    }
    for name in UNTYPED {
        let status = source_status(&app, &format!("{}/untyped/{name}", allowed.base)).await;
        tally.record(
            &format!("{name} without a content type"),
            &status,
            status == "unsupported_content_type",
        );
    }
    tally.finish("binary content types", "refused");
}

#[tokio::test]
async fn odd_bodies_are_decoded_or_reported_without_a_crash() {
    let allowed = Hostile::start().await;
    let app = guarded_app(&allowed, Duration::from_secs(3)).await;
    let mut tally = Tally::default();
    for name in ODD_BODIES {
        let url = format!("{}/bytes/{name}", allowed.base);
        let (status, _, body) = app
            .post_json("/v1/checks", &json!({"claim": CLAIM, "sources": [url]}))
            .await;
        assert_eq!(
            app.get("/healthz").await.0,
            200,
            "service stopped answering after {name}"
        );
        let source = body["sources"][0]["status"].as_str().unwrap_or("missing").to_string();
        // Handled: a 200 with a status (`ok` when the bytes could be decoded, a code when not).
        let handled = status == 200 && (source == "ok" || body["sources"][0]["error"].is_string());
        tally.record(name, &format!("{source} (HTTP {status})"), handled);
        if name.starts_with("invalid-utf8") {
            assert_eq!(source, "ok", "{name}: {body}");
        }
    }
    tally.finish("odd bodies", "handled");
}

#[tokio::test]
async fn malformed_responses_are_reported_within_the_total() {
    let allowed = Hostile::start().await;
    let total = Duration::from_secs(3);
    let app = guarded_app(&allowed, total).await;
    let mut tally = Tally::default();
    for name in BROKEN {
        let started = Instant::now();
        let status = source_status(&app, &format!("{}/broken/{name}", allowed.base)).await;
        let took = started.elapsed();
        // `source_status` has checked there is a readable error; a clear code, and in time, is what counts here.
        let clear = status != "ok" && status != "missing" && took < total + Duration::from_secs(2);
        tally.record(name, &format!("{status} after {took:?}"), clear);
    }
    assert!(
        allowed.sent("/broken/header-flood") < 4 * 1024 * 1024,
        "the header flood was read on and on"
    );
    tally.finish("malformed responses", "refused");
}

#[tokio::test]
async fn error_statuses_have_stable_codes() {
    let allowed = Hostile::start().await;
    let app = guarded_app(&allowed, Duration::from_secs(3)).await;
    for (path, want) in [
        ("/status/404", "http_404"),
        ("/status/410", "http_410"),
        ("/status/500", "http_500"),
        ("/status/403", "http_403"),
    ] {
        let url = format!("{}{path}", allowed.base);
        let (_, _, body) = app
            .post_json("/v1/checks", &json!({"claim": CLAIM, "sources": [url]}))
            .await;
        assert_eq!(body["sources"][0]["status"], want, "{path}: {body}");
    }
    // TLS spoken to a plain HTTP server.
    let url = format!("https://127.0.0.1:{}/page", allowed.port);
    let (_, _, body) = app
        .post_json("/v1/checks", &json!({"claim": CLAIM, "sources": [url]}))
        .await;
    assert_eq!(body["sources"][0]["status"], "tls_error", "{body}");
}

#[tokio::test]
async fn hostile_request_bodies_are_refused_and_the_service_keeps_serving() {
    let allowed = Hostile::start().await;
    let app = guarded_app(&allowed, Duration::from_secs(3)).await;
    let ten_mb = json!({"claim": "x".repeat(10 * 1024 * 1024)}).to_string();
    let deep_arrays = format!("{{\"claim\": {}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_objects = format!("{}\"x\"{}", "{\"claim\":".repeat(100_000), "}".repeat(100_000));
    let deep_batch = format!("{{\"claims\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let unterminated = "[".repeat(200_000);
    let many_batch = json!({"claims": (0..1001).map(|i| json!({"claim": format!("claim {i}")})).collect::<Vec<_>>()});
    let cases: Vec<(&str, &str, String, &[u16])> = vec![
        ("10 MB check", "/v1/checks", ten_mb.clone(), &[413]),
        ("10 MB batch", "/v1/checks/batch", ten_mb, &[413]),
        ("100,000-deep arrays", "/v1/checks", deep_arrays, &[400, 413, 422]),
        ("100,000-deep objects", "/v1/checks", deep_objects, &[400, 413, 422]),
        ("100,000-deep batch", "/v1/checks/batch", deep_batch, &[400, 413, 422]),
        ("200,000 open brackets", "/v1/checks", unterminated, &[400, 413, 422]),
        (
            "1,001-claim batch",
            "/v1/checks/batch",
            many_batch.to_string(),
            &[413, 422],
        ),
    ];
    let mut tally = Tally::default();
    for (what, path, body, want) in cases {
        let (status, ct, answer) = app.post_raw(path, "application/json", body).await;
        assert_eq!(
            app.get("/healthz").await.0,
            200,
            "service stopped answering after {what}"
        );
        let ok = want.contains(&status) && ct == "application/problem+json";
        tally.record(what, &format!("{status} {ct} {answer}"), ok);
    }
    // Raw invalid UTF-8 bytes and a body with no length that never stops.
    let raw = app
        .client
        .post(format!("{}/v1/checks", app.base))
        .header("content-type", "application/json")
        .body(b"{\"claim\": \"\xff\xfe\xfd\"}".to_vec())
        .send()
        .await
        .expect("sent");
    let status = raw.status().as_u16();
    tally.record(
        "invalid UTF-8 bytes",
        &status.to_string(),
        status == 400 || status == 422,
    );
    let endless = futures_util::stream::iter(
        std::iter::once(Ok::<_, std::io::Error>(b"{\"claim\": \"".to_vec()))
            .chain(std::iter::repeat_with(|| Ok(vec![b'x'; 64 * 1024])).take(200)),
    );
    let status = app
        .client
        .post(format!("{}/v1/checks", app.base))
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(endless))
        .send()
        .await
        .map(|r| r.status().as_u16().to_string())
        .unwrap_or_else(|_| "connection closed by the service".into());
    // The service may answer 413 or hang up mid-upload; either way it stopped reading.
    tally.record(
        "12 MB chunked body without length",
        &status,
        status == "413" || status.starts_with("connection closed"),
    );
    assert_eq!(app.get("/healthz").await.0, 200);
    tally.finish("request bodies", "refused");
}

#[tokio::test]
async fn concurrent_checks_of_one_slow_url_share_the_total() {
    let allowed = Hostile::start().await;
    let total = Duration::from_secs(2);
    let app = guarded_app(&allowed, total).await;
    let url = format!("{}/drip?shared", allowed.base);
    let started = Instant::now();
    let checks = (0..3).map(|_| {
        let (app, url) = (&app, url.clone());
        async move {
            let (_, _, body) = app
                .post_json("/v1/checks", &json!({"claim": CLAIM, "sources": [url]}))
                .await;
            (
                started.elapsed(),
                body["sources"][0]["status"].as_str().unwrap_or("missing").to_string(),
            )
        }
    });
    let mut tally = Tally::default();
    for (i, (took, status)) in futures_util::future::join_all(checks).await.into_iter().enumerate() {
        tally.record(
            &format!("same slow URL, check {i}"),
            &format!("{status} after {took:?}"),
            status == "timeout" && took < total + Duration::from_secs(2),
        );
    }
    tally.finish("one slow URL checked three times at once", "refused");
}

const WEBHOOK_SECRET: &str = "security-test-secret";

/// Posts a signed newsroom webhook; answers the status and the body.
async fn post_webhook(app: &TestApp, body: &serde_json::Value) -> (u16, serde_json::Value) {
    use crosscheck::jobs::signature;
    let raw = body.to_string();
    let ts = chrono::Utc::now().timestamp();
    let resp = app
        .client
        .post(format!("{}/v1/webhooks/newsroom", app.base))
        .header("content-type", "application/json")
        .header(signature::TIMESTAMP_HEADER, ts.to_string())
        .header(
            signature::SIGNATURE_HEADER,
            signature::sign(WEBHOOK_SECRET, ts, raw.as_bytes()),
        )
        .body(raw)
        .send()
        .await
        .expect("webhook sent");
    let status = resp.status().as_u16();
    (
        status,
        serde_json::from_str(&resp.text().await.unwrap_or_default()).unwrap_or_default(),
    )
}

/// Waits until a job is done and, when it has a callback, the callback has been delivered or given up.
async fn settled_job(app: &TestApp, id: &str, callback: bool) -> serde_json::Value {
    for _ in 0..600 {
        let (_, _, job) = app.get(&format!("/v1/jobs/{id}")).await;
        let done = matches!(job["status"].as_str(), Some("done" | "failed"));
        let delivered = matches!(
            job["delivery"]["status"].as_str(),
            Some("delivered" | "delivery_failed")
        );
        if done && (delivered || !callback) {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("job {id} never settled");
}

/// How a refusal by the guard reads in a delivery error (a connection refused by a closed port does not count).
const GUARD_WORDS: &[&str] = &[
    "refused: ",
    "non-public address",
    "only http and https",
    "credentials are not fetched",
    "has no host",
];

#[tokio::test]
async fn webhook_callbacks_cannot_reach_private_space() {
    let (allowed, canary) = (Hostile::start().await, Hostile::start().await);
    let allowed_host = format!("127.0.0.1:{}", allowed.port);
    let app = common::spawn_app_with(move |s| {
        s.allow_private_hosts = false;
        s.allowed_hosts = vec![allowed_host];
        s.webhook_secret = Some(WEBHOOK_SECRET.into());
        s.callback_max_attempts = 1;
        s.fetch_timeout = Duration::from_secs(3);
        s.connect_timeout = Duration::from_secs(1);
    })
    .await;
    let mut targets = hostile_urls(canary.port, allowed.port).await;
    // Through the allowed server, which redirects the callback on.
    for to in [
        format!("http://127.0.0.1:{}/", canary.port),
        "http://169.254.169.254/latest/meta-data/".to_string(),
        "http://[::1]/".to_string(),
        "http://0x7f.0.0.2/".to_string(),
    ] {
        targets.push(allowed.redirect(307, &to));
    }
    let mut tally = Tally::default();
    let mut jobs = Vec::new();
    for (i, target) in targets.iter().enumerate() {
        let body = json!({
            "event": "article.updated",
            "article": {"id": "security-callback", "revision": i.to_string(),
                        "body_text": CLAIM, "sources": [format!("{}/page", allowed.base)]},
            "callback_url": target,
        });
        let (status, answer) = post_webhook(&app, &body).await;
        match (status, answer["job_id"].as_str()) {
            (202, Some(id)) => jobs.push((target.clone(), id.to_string())),
            _ => tally.record(target, &format!("http {status}"), status == 422),
        }
    }
    for (target, id) in jobs {
        let job = settled_job(&app, &id, true).await;
        let status = job["delivery"]["status"].as_str().unwrap_or("").to_string();
        let error = job["delivery"]["last_error"].as_str().unwrap_or("").to_string();
        let refused = status == "delivery_failed" && GUARD_WORDS.iter().any(|w| error.contains(w));
        tally.record(&target, &format!("{status}: {error}"), refused);
    }
    assert_eq!(canary.total_hits(), 0, "a callback reached the canary");
    assert_eq!(app.get("/healthz").await.0, 200);
    tally.finish("webhook callbacks", "refused");
}

#[tokio::test]
async fn links_in_a_webhook_draft_cannot_reach_private_space() {
    let (allowed, canary) = (Hostile::start().await, Hostile::start().await);
    let allowed_host = format!("127.0.0.1:{}", allowed.port);
    let app = common::spawn_app_with(move |s| {
        s.allow_private_hosts = false;
        s.allowed_hosts = vec![allowed_host];
        s.webhook_secret = Some(WEBHOOK_SECRET.into());
        s.fetch_timeout = Duration::from_secs(3);
        s.connect_timeout = Duration::from_secs(1);
    })
    .await;
    let links: Vec<String> = hostile_urls(canary.port, allowed.port)
        .await
        .into_iter()
        .filter(|u| u.starts_with("http"))
        .chain([allowed.redirect(302, &format!("http://127.0.0.1:{}/", canary.port))])
        .collect();
    let mut jobs = Vec::new();
    for (i, group) in links.chunks(10).enumerate() {
        let anchors: String = group.iter().map(|u| format!("<a href=\"{u}\">a source</a> ")).collect();
        let body = json!({
            "event": "article.updated",
            "article": {"id": "security-links", "revision": i.to_string(),
                        "body_html": format!("<p>{CLAIM}, according to {anchors}.</p>")},
        });
        let (status, answer) = post_webhook(&app, &body).await;
        assert_eq!(status, 202, "{answer}");
        jobs.push(answer["job_id"].as_str().expect("job id").to_string());
    }
    let mut tally = Tally::default();
    let mut seen = 0;
    for id in jobs {
        let job = settled_job(&app, &id, false).await;
        let claims = job["results"]["claims"].as_array().cloned().unwrap_or_default();
        assert!(!claims.is_empty(), "the draft's claim was not checked: {job}");
        for claim in claims {
            for source in claim["check"]["sources"].as_array().cloned().unwrap_or_default() {
                let url = source["url"].as_str().unwrap_or("");
                if !url.starts_with("http") {
                    continue; // the registry's offline snapshots
                }
                seen += 1;
                let status = source["status"].as_str().unwrap_or("missing");
                tally.record(url, status, REFUSED.contains(&status));
            }
        }
    }
    // Every link was tried (the same address in two spellings may be reported once).
    assert!(
        seen * 10 >= links.len() * 8,
        "only {seen} of {} links were checked",
        links.len()
    );
    assert_eq!(canary.total_hits(), 0, "a draft link reached the canary");
    tally.finish("webhook draft links", "refused");
}

#[tokio::test]
async fn a_batch_with_hostile_shared_sources_reads_none_of_them() {
    let (allowed, canary) = (Hostile::start().await, Hostile::start().await);
    let app = guarded_app(&allowed, Duration::from_secs(3)).await;
    let urls: Vec<String> = hostile_urls(canary.port, allowed.port)
        .await
        .into_iter()
        .filter(|u| u.starts_with("http") && url::Url::parse(u).is_ok())
        .collect();
    let mut tally = Tally::default();
    for group in urls.chunks(20) {
        let claims: Vec<_> = (0..3).map(|i| json!({"claim": format!("{CLAIM}, item {i}")})).collect();
        let (status, _, body) = app
            .post_json("/v1/checks/batch", &json!({"claims": claims, "sources": group}))
            .await;
        assert_eq!(status, 200, "{body}");
        // Spellings of one address are one URL once parsed, and one source.
        let first = &body["results"][0]["sources"];
        let reported = first.as_array().cloned().unwrap_or_default();
        let sent: std::collections::BTreeSet<String> = group
            .iter()
            .filter_map(|u| url::Url::parse(u).ok())
            .map(String::from)
            .collect();
        let got: std::collections::BTreeSet<String> = reported
            .iter()
            .filter_map(|s| s["url"].as_str().map(String::from))
            .collect();
        assert_eq!(got, sent, "every shared source is reported");
        for source in reported {
            let status = source["status"].as_str().unwrap_or("missing");
            tally.record(source["url"].as_str().unwrap_or("?"), status, REFUSED.contains(&status));
        }
        for result in body["results"].as_array().cloned().unwrap_or_default() {
            assert_eq!(result["sources"], *first, "every item reports the shared sources alike");
        }
        assert_eq!(app.get("/healthz").await.0, 200);
    }
    assert_eq!(canary.total_hits() + allowed.total_hits(), 0);
    tally.finish("batch shared sources", "refused");
}
