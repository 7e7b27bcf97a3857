//! SIGTERM with the real binary: the server stops taking connections but finishes the check in flight, then exits 0.

mod common;

use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpResponse, HttpServer};
use common::{fixtures, TempDir};
use serde_json::json;
use tokio::sync::Notify;

/// Serves one fixture page, answering only after `delay`, and says when a request has arrived.
fn slow_page_server(delay: Duration, arrived: Arc<Notify>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let page = std::fs::read(fixtures().join("standard-met-special-measures.html")).unwrap();
    let server = HttpServer::new(move || {
        let (page, arrived) = (page.clone(), arrived.clone());
        App::new().default_service(web::to(move || {
            let (page, arrived) = (page.clone(), arrived.clone());
            async move {
                arrived.notify_one();
                tokio::time::sleep(delay).await;
                HttpResponse::Ok().content_type("text/html; charset=utf-8").body(page)
            }
        }))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    format!("http://127.0.0.1:{port}/page.html")
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_lets_the_check_in_flight_finish_then_exits_cleanly() {
    let data = TempDir::new("shutdown");
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CROSSCHECK_BIND", format!("127.0.0.1:{port}"))
        .env("CROSSCHECK_DATA_DIR", &data.0)
        .env("CROSSCHECK_ALLOW_PRIVATE_HOSTS", "true")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut up = false;
    for _ in 0..200 {
        if reqwest::get(format!("{base}/healthz"))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if !up {
        let _ = child.kill();
        let _ = child.wait();
        panic!("crosscheck serve did not start");
    }

    let arrived = Arc::new(Notify::new());
    let url = slow_page_server(Duration::from_millis(1500), arrived.clone());
    let check = tokio::spawn({
        let base = base.clone();
        async move {
            let resp = reqwest::Client::new()
                .post(format!("{base}/v1/checks"))
                .header("content-type", "application/json")
                .body(json!({"claim": "86.2% of 999 calls in 10 seconds", "sources": [url]}).to_string())
                .send()
                .await?;
            let status = resp.status().as_u16();
            let body: serde_json::Value = serde_json::from_str(&resp.text().await?).unwrap_or_default();
            Ok::<_, reqwest::Error>((status, body))
        }
    });
    // The check is in flight once its source has been asked for.
    tokio::time::timeout(Duration::from_secs(10), arrived.notified())
        .await
        .expect("the check fetched its source");
    let sent = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -TERM {}", child.id()))
        .status()
        .expect("kill runs");
    assert!(sent.success());

    let (status, body) = check.await.expect("task").expect("the in-flight check was answered");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["verdict"], "supported", "{body}");

    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server did not exit within 30 s of SIGTERM");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(exit.success(), "exit status {exit:?}");
    assert!(
        reqwest::get(format!("{base}/healthz")).await.is_err(),
        "nothing listens after shutdown"
    );
}
