//! Two `crosscheck serve` replicas on one PostgreSQL database (runs when `CROSSCHECK_TEST_DATABASE_URL` is set):
//! 200 signed webhook jobs are submitted to both, one replica is killed mid-way, and every job still completes
//! exactly once with its callback delivered once (a callback cut by the kill is sent again under its delivery id);
//! a page fetched by one replica is reused by the other.

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpResponse, HttpServer};
use common::receiver::Receiver;
use common::serve::ServeProcess;
use common::{fixtures, TempDir};
use crosscheck::jobs::signature;
use crosscheck::store::{DeliveryStatus, JobStatus, PostgresStore, Store};
use serde_json::{json, Value};

const SECRET: &str = "replicas-secret";
const JOBS: usize = 200;
/// The page every job cites: fetched once, by whichever replica comes first.
const SHARED_PAGE: &str = "mayor-statement-met-special-measures.html";
/// Each job also cites a page of its own, answered this slowly, so jobs are still running when a replica dies.
const SLOW: Duration = Duration::from_millis(150);

/// A schema of its own on the test database, dropped afterwards.
struct Schema {
    admin_url: String,
    name: String,
}

impl Schema {
    /// The sync client runs a runtime of its own, so it is used from a plain thread, never on tokio's workers.
    fn create(admin_url: String) -> Self {
        let name = format!(
            "replicas_{}_{}",
            std::process::id(),
            chrono::Utc::now().timestamp_micros()
        );
        let (url, n) = (admin_url.clone(), name.clone());
        std::thread::spawn(move || {
            let mut admin = ::postgres::Client::connect(&url, ::postgres::NoTls).expect("the test database answers");
            admin.batch_execute(&format!("CREATE SCHEMA {n}")).unwrap();
        })
        .join()
        .unwrap();
        Schema { admin_url, name }
    }

    fn url(&self) -> String {
        let sep = if self.admin_url.contains('?') { '&' } else { '?' };
        format!("{}{sep}options=-csearch_path%3D{}", self.admin_url, self.name)
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        let (url, name) = (self.admin_url.clone(), self.name.clone());
        let _ = std::thread::spawn(move || {
            if let Ok(mut admin) = ::postgres::Client::connect(&url, ::postgres::NoTls) {
                let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"));
            }
        })
        .join();
    }
}

struct Replica {
    server: ServeProcess,
    _data: TempDir,
}

impl Replica {
    async fn start(database_url: &str) -> Self {
        let data = TempDir::new("replica");
        let server = ServeProcess::start(&[
            ("CROSSCHECK_DATA_DIR", data.0.display().to_string()),
            ("CROSSCHECK_DATABASE_URL", database_url.to_string()),
            ("CROSSCHECK_ALLOW_PRIVATE_HOSTS", "true".into()),
            ("CROSSCHECK_WEBHOOK_SECRET", SECRET.into()),
            ("CROSSCHECK_JOB_LEASE_SECS", "2".into()),
            ("CROSSCHECK_CALLBACK_BACKOFF_MS", "50".into()),
            ("CROSSCHECK_WORKERS", "2".into()),
        ])
        .await;
        Replica { server, _data: data }
    }

    async fn post(&self, path: &str, body: &Value, headers: &[(&str, String)]) -> Value {
        self.server.post(path, body, headers).await
    }

    async fn webhook(&self, draft: &Value) -> String {
        let ts = chrono::Utc::now().timestamp();
        let sig = signature::sign(SECRET, ts, draft.to_string().as_bytes());
        let headers = [
            (signature::TIMESTAMP_HEADER, ts.to_string()),
            (signature::SIGNATURE_HEADER, sig),
        ];
        let accepted = self.post("/v1/webhooks/newsroom", draft, &headers).await;
        accepted["job_id"]
            .as_str()
            .unwrap_or_else(|| panic!("not accepted: {accepted}"))
            .to_string()
    }
}

/// Serves the fixture pages (anything under `/slow/` after [`SLOW`]) and counts requests per path.
fn counting_pages() -> (String, Arc<Mutex<HashMap<String, usize>>>) {
    let counts: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let c = counts.clone();
    let server = HttpServer::new(move || {
        let c = c.clone();
        App::new().default_service(web::to(move |req: actix_web::HttpRequest| {
            let c = c.clone();
            async move {
                *c.lock().unwrap().entry(req.path().to_string()).or_default() += 1;
                let name = match req.path().strip_prefix("/slow/") {
                    Some(rest) => {
                        tokio::time::sleep(SLOW).await;
                        rest.split('/').next_back().unwrap_or_default().to_string()
                    }
                    None => req.path().trim_start_matches('/').to_string(),
                };
                match std::fs::read(fixtures().join(name)) {
                    Ok(body) => HttpResponse::Ok().content_type("text/html").body(body),
                    Err(_) => HttpResponse::NotFound().finish(),
                }
            }
        }))
    })
    .workers(2)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    (format!("http://127.0.0.1:{port}"), counts)
}

fn draft(i: usize, pages: &str, callback: &str) -> Value {
    json!({
        "event": "article.updated",
        "article": {"id": format!("cms-replica-{i}"), "revision": "1",
                    "body_text": "Burglary is down 22% over the mayoralty.",
                    "sources": [format!("{pages}/{SHARED_PAGE}"),
                                format!("{pages}/slow/{i}/standard-met-special-measures.html")]},
        "callback_url": callback,
    })
}

/// The job ids each callback was for, and the delivery ids seen per job.
fn callbacks_by_job(receiver: &Receiver) -> HashMap<String, Vec<Option<String>>> {
    let mut by_job: HashMap<String, Vec<Option<String>>> = HashMap::new();
    for r in receiver.got.lock().unwrap().iter() {
        let body: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
        let job = body["job_id"].as_str().unwrap_or("?").to_string();
        by_job.entry(job).or_default().push(r.delivery.clone());
    }
    by_job
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_share_one_database_and_a_killed_one_loses_no_job_and_completes_none_twice() {
    let Some(admin_url) = std::env::var("CROSSCHECK_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        let _ = writeln!(
            std::io::stderr(),
            "replicas test SKIPPED: CROSSCHECK_TEST_DATABASE_URL is not set (`source .ci/postgres.sh` starts one)"
        );
        return;
    };
    let started = Instant::now();
    let schema = Schema::create(admin_url);
    let url = schema.url();
    let (pages, fetches) = counting_pages();
    let receiver = Receiver::start(200);
    let count = |path: &str| fetches.lock().unwrap().get(path).copied().unwrap_or(0);

    let (a, b) = tokio::join!(Replica::start(&url), Replica::start(&url));

    // A page one replica fetched is read from the shared store by the other.
    let claim = json!({"claim": "Burglary is down 22% over the mayoralty",
                       "sources": [format!("{pages}/{SHARED_PAGE}")]});
    let first = a.post("/v1/checks", &claim, &[]).await;
    let second = b.post("/v1/checks", &claim, &[]).await;
    let shared_path = format!("/{SHARED_PAGE}");
    assert_eq!(
        count(&shared_path),
        1,
        "the second replica reused the first one's snapshot"
    );
    assert_eq!(
        first["sources"][0]["sha256"], second["sources"][0]["sha256"],
        "{second}"
    );
    assert_eq!(first["verdict"], second["verdict"]);

    // 200 jobs, half through each replica.
    let mut ids = Vec::with_capacity(JOBS);
    for i in 0..JOBS {
        let replica = if i % 2 == 0 { &a } else { &b };
        ids.push(replica.webhook(&draft(i, &pages, &receiver.url)).await);
    }
    let submitted_in = started.elapsed();

    // Kill replica A once roughly a quarter of the callbacks are in: it holds leased jobs at that moment.
    let deadline = Instant::now() + Duration::from_secs(120);
    while receiver.count() < JOBS / 4 {
        assert!(
            Instant::now() < deadline,
            "jobs stalled before the kill: {} callbacks",
            receiver.count()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let callbacks_at_kill = receiver.count();
    drop(a);

    // Replica B finishes everything, including what A had leased: a job after its 2 s lease, and a callback A was
    // sending when it died after the 60 s delivery lease (at most one: a replica has one delivery loop). The store
    // is the judge: a callback A sent but never recorded is sent again, under the same delivery id.
    let store = {
        let url = url.clone();
        Arc::new(
            tokio::task::spawn_blocking(move || PostgresStore::connect(&url).unwrap())
                .await
                .unwrap(),
        )
    };
    let ids = Arc::new(ids);
    let deadline = Instant::now() + Duration::from_secs(180);
    let jobs = loop {
        let (s, i) = (store.clone(), ids.clone());
        let jobs = tokio::task::spawn_blocking(move || {
            i.iter()
                .map(|id| s.get_job(id).unwrap().expect("the job is stored"))
                .collect::<Vec<_>>()
        })
        .await
        .unwrap();
        let settled = jobs.iter().all(|j| {
            matches!(j.status, JobStatus::Done | JobStatus::Failed)
                && !matches!(j.delivery_status, DeliveryStatus::Pending)
        });
        if settled || Instant::now() > deadline {
            break jobs;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    // Let any repeat arrive before counting.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let finished_in = started.elapsed();

    let done = jobs.iter().filter(|j| j.status == JobStatus::Done).count();
    let delivered = jobs
        .iter()
        .filter(|j| j.delivery_status == DeliveryStatus::Delivered)
        .count();
    let retaken = jobs.iter().filter(|j| j.attempts >= 2).count();
    let supported = jobs
        .iter()
        .filter(|j| {
            j.result
                .as_ref()
                .is_some_and(|r| r["claims"][0]["check"]["verdict"] == "supported")
        })
        .count();
    let by_job = callbacks_by_job(&receiver);
    let repeated: Vec<_> = by_job.iter().filter(|(_, d)| d.len() > 1).collect();
    let slow_fetches: usize = fetches
        .lock()
        .unwrap()
        .iter()
        .filter(|(p, _)| p.starts_with("/slow/"))
        .map(|(_, n)| n)
        .sum();

    println!(
        "two replicas on PostgreSQL: {JOBS} jobs submitted in {:.1} s; replica A killed after {callbacks_at_kill} \
         callbacks; {done} done, {delivered} delivered, {retaken} taken again after the kill, {supported} supported; \
         callbacks {} for {} distinct jobs ({} repeated); shared page fetched {} time(s) for {} checks; \
         per-job pages fetched {slow_fetches} times for {JOBS} jobs; all finished in {:.1} s",
        submitted_in.as_secs_f64(),
        receiver.count(),
        by_job.len(),
        repeated.len(),
        count(&shared_path),
        JOBS + 2,
        finished_in.as_secs_f64(),
    );

    assert_eq!(done, JOBS, "every job completes");
    assert_eq!(delivered, JOBS, "every callback is delivered");
    assert_eq!(supported, JOBS, "every job's claim is checked to the end");
    assert_eq!(by_job.len(), JOBS, "a callback for every job");
    assert!(
        ids_are_the_callbacks(&jobs, &by_job),
        "a callback arrived for a job nobody submitted"
    );
    // A replica has one delivery loop: the kill can cut at most one delivery between its POST and its record, and
    // that callback is then sent again under the same delivery id, which the receiver uses to drop repeats.
    assert!(repeated.len() <= 1, "callbacks repeated: {repeated:?}");
    for (job, deliveries) in &repeated {
        assert_eq!(deliveries.len(), 2, "{job}: {deliveries:?}");
        assert!(deliveries.iter().all(|d| d == &deliveries[0]), "{job}: {deliveries:?}");
    }
    assert_eq!(
        count(&shared_path),
        1,
        "one fetch of the shared page across both replicas"
    );
    drop(b);
    drop(store);
    drop(schema);
}

fn ids_are_the_callbacks(jobs: &[crosscheck::store::Job], by_job: &HashMap<String, Vec<Option<String>>>) -> bool {
    by_job.keys().all(|id| jobs.iter().any(|j| &j.id == id))
}
