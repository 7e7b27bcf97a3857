//! Crash and restart with the real binary: a job interrupted by a killed server completes after a restart, its
//! callback arrives exactly once, and stored checks and snapshots survive.

mod common;

use std::net::TcpListener;
use std::time::Duration;

use actix_web::{web, App, HttpResponse, HttpServer};
use common::receiver::Receiver;
use common::serve::ServeProcess;
use common::{fixtures, TempDir};
use crosscheck::jobs::signature;
use serde_json::{json, Value};

const SECRET: &str = "restart-secret";

/// The service on `data`, with short leases and backoff so a killed job is taken up again quickly.
async fn start(data: &TempDir) -> ServeProcess {
    ServeProcess::start(&[
        ("CROSSCHECK_DATA_DIR", data.0.display().to_string()),
        ("CROSSCHECK_ALLOW_PRIVATE_HOSTS", "true".into()),
        ("CROSSCHECK_WEBHOOK_SECRET", SECRET.into()),
        ("CROSSCHECK_JOB_LEASE_SECS", "2".into()),
        ("CROSSCHECK_CALLBACK_BACKOFF_MS", "50".into()),
    ])
    .await
}

/// Serves the fixture pages, each answer held back `delay`, so a job is still running when its server is killed.
fn slow_pages(delay: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = HttpServer::new(move || {
        App::new().default_service(web::to(move |req: actix_web::HttpRequest| async move {
            tokio::time::sleep(delay).await;
            match std::fs::read(fixtures().join(req.path().trim_start_matches('/'))) {
                Ok(body) => HttpResponse::Ok().content_type("text/html").body(body),
                Err(_) => HttpResponse::NotFound().finish(),
            }
        }))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    format!("http://127.0.0.1:{port}/")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_killed_mid_way_completes_after_restart_with_one_callback_and_stored_checks_survive() {
    let data = TempDir::new("restart");
    let pages = slow_pages(Duration::from_secs(3));
    let receiver = Receiver::start(200);
    let first = start(&data).await;

    // A stored check from before the crash.
    let check = first
        .post("/v1/checks", &json!({"claim": "86.2% of 999 calls in 10 seconds"}), &[])
        .await;
    let check_id = check["check_id"].as_str().unwrap().to_string();

    let draft = json!({
        "event": "article.updated",
        "article": {"id": "cms-9", "revision": "1", "body_text": "Burglary is down 22% over the mayoralty.",
                    "sources": [format!("{pages}mayor-statement-met-special-measures.html")]},
        "callback_url": receiver.url,
    });
    let ts = chrono::Utc::now().timestamp();
    let sig = signature::sign(SECRET, ts, draft.to_string().as_bytes());
    let accepted = first
        .post(
            "/v1/webhooks/newsroom",
            &draft,
            &[
                (signature::TIMESTAMP_HEADER, ts.to_string()),
                (signature::SIGNATURE_HEADER, sig),
            ],
        )
        .await;
    let job_id = accepted["job_id"].as_str().unwrap().to_string();
    for _ in 0..100 {
        if first.get(&format!("/v1/jobs/{job_id}")).await["status"] == "running" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(first.get(&format!("/v1/jobs/{job_id}")).await["status"], "running");
    first.kill();
    assert_eq!(receiver.count(), 0, "no callback before the job completed");

    let second = start(&data).await;
    let mut job = Value::Null;
    for _ in 0..300 {
        job = second.get(&format!("/v1/jobs/{job_id}")).await;
        if job["delivery"]["status"] == "delivered" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(job["status"], "done", "{job}");
    assert_eq!(job["delivery"]["status"], "delivered", "{job}");
    assert!(
        job["attempts"].as_u64().unwrap() >= 2,
        "taken again after the crash: {job}"
    );
    assert_eq!(job["results"]["claims"][0]["check"]["verdict"], "supported", "{job}");
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(receiver.count(), 1, "the callback arrives exactly once");

    let stored = second.get(&format!("/v1/checks/{check_id}")).await;
    assert_eq!(stored["verdict"], "supported", "a stored check survives the restart");
    assert_eq!(stored["check_id"], check_id);

    // The page the job read is kept, under the hash its evidence cites, and survives this server too.
    let cited = job["results"]["claims"][0]["check"]["evidence"][0]["snapshot"]
        .as_str()
        .unwrap()
        .to_string();
    second.kill();
    use crosscheck::store::Store;
    let store = crosscheck::store::SqliteStore::open(&data.0).unwrap();
    let snap = store
        .snapshot_by_hash(&cited)
        .unwrap()
        .expect("the cited snapshot is stored");
    assert!(String::from_utf8_lossy(&snap.body).contains("Burglary (down 22%)"));
}
