//! Test helpers: the real app on a random loopback port, and a loopback page server over a folder.

#![allow(dead_code)]

pub mod hostile;

pub mod receiver;
pub mod serve;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use crosscheck::config::Settings;
use crosscheck::http::Application;

pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

pub fn fixtures() -> PathBuf {
    shared().join("fixtures/pages")
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    _data: TempDir,
}

/// A data directory removed when the test ends.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "crosscheck-test-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Starts the service as `crosscheck serve` would, on port 0, with private hosts allowed (pages are on loopback).
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let data = TempDir::new("data");
    let mut settings = Settings::from_env(|_| None).unwrap();
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.data_dir = data.0.clone();
    settings.sources_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
    settings.allow_private_hosts = true;
    adjust(&mut settings);
    let app = Application::build(settings).expect("app builds");
    let port = app.port();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        base: format!("http://127.0.0.1:{port}"),
        client: reqwest::Client::new(),
        _data: data,
    }
}

impl TestApp {
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> (u16, String, serde_json::Value) {
        self.post_raw(path, "application/json", body.to_string()).await
    }

    pub async fn post_raw(&self, path: &str, content_type: &str, body: String) -> (u16, String, serde_json::Value) {
        let resp = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request sent");
        split(resp).await
    }

    pub async fn get(&self, path: &str) -> (u16, String, serde_json::Value) {
        split(
            self.client
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .expect("request sent"),
        )
        .await
    }
}

async fn split(resp: reqwest::Response) -> (u16, String, serde_json::Value) {
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let text = resp.text().await.unwrap_or_default();
    let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
    (status, ct, json)
}

/// Serves the files of a folder on loopback and counts requests per path.
pub struct PageServer {
    pub base: String,
    pub hits: Arc<std::sync::Mutex<std::collections::HashMap<String, usize>>>,
}

pub fn serve_pages(dir: PathBuf) -> PageServer {
    let hits: Arc<std::sync::Mutex<std::collections::HashMap<String, usize>>> = Arc::default();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (d, h) = (web::Data::new(dir), web::Data::new(hits.clone()));
    let server = HttpServer::new(move || {
        App::new()
            .app_data(d.clone())
            .app_data(h.clone())
            .default_service(web::to(serve_file))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    PageServer {
        base: format!("http://127.0.0.1:{port}/"),
        hits,
    }
}

async fn serve_file(
    req: HttpRequest,
    dir: web::Data<PathBuf>,
    hits: web::Data<Arc<std::sync::Mutex<std::collections::HashMap<String, usize>>>>,
) -> HttpResponse {
    let name = req.path().trim_start_matches('/').to_string();
    *hits.lock().unwrap().entry(name.clone()).or_default() += 1;
    if name.contains("..") {
        return HttpResponse::BadRequest().finish();
    }
    match std::fs::read(dir.join(&name)) {
        // No charset in the header: the page's own <meta charset> must be honoured.
        Ok(body) => HttpResponse::Ok().content_type("text/html").body(body),
        Err(_) => HttpResponse::NotFound().body("no such page"),
    }
}
