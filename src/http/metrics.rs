//! Prometheus metrics for `GET /metrics` (text exposition format 0.0.4), kept by hand: a few labelled counters and
//! fixed-bucket histograms behind mutexes, rendered on scrape.
//!
//! What is counted, and where:
//! - requests and their latency: the [`track`] middleware, labelled by the matched route *pattern*
//!   (`/v1/checks/{id}`, never the raw path) so the number of series stays bounded;
//! - check latency: the check handlers; job run time: the store wrapper, from `claim_job` to `finish_job`;
//! - verdicts, fetch outcomes, cache hits and callback deliveries: [`MeteredStore`], a wrapper around the store.
//!   Every answer the service gives (a check, a batch, a webhook job) is stored and every delivery is recorded
//!   through the store, so counting there sees the HTTP handlers and the background workers alike without the
//!   engine or the workers knowing about metrics;
//! - job queue depth and oldest age: read from the store at scrape time, so replicas sharing a database agree.
//!
//! Not for: tracing or per-claim detail (logs carry that). Counters are per process, as Prometheus expects.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, Error};

use super::AppState;
use crate::store::{DeliveryOutcome, Job, NewJob, Snapshot, Store, StoreError, StoredCheck};

/// Upper bounds (seconds) of the latency buckets: from a cached 5 ms answer to a batch of slow pages.
pub const LATENCY_BUCKETS: [f64; 14] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0,
];

/// Methods that get their own label value; anything else is `OTHER`, so a client cannot mint series.
const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// Route label of a request that matched no route.
const UNMATCHED: &str = "unmatched";

#[derive(Debug, Clone, Default)]
struct Histogram {
    /// Per-bucket (not cumulative) counts; the last slot is `+Inf`.
    buckets: [u64; LATENCY_BUCKETS.len() + 1],
    sum: f64,
    count: u64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        let slot = LATENCY_BUCKETS
            .iter()
            .position(|le| seconds <= *le)
            .unwrap_or(LATENCY_BUCKETS.len());
        self.buckets[slot] += 1;
        self.sum += seconds;
        self.count += 1;
    }
}

/// A metric family: label values → value.
type Family<T> = Mutex<BTreeMap<Vec<String>, T>>;

/// Everything the service counts. One per process, shared by the app's workers and the store wrapper.
#[derive(Default)]
pub struct Metrics {
    requests: Family<u64>,
    request_seconds: Family<Histogram>,
    check_seconds: Family<Histogram>,
    job_seconds: Family<Histogram>,
    verdicts: Family<u64>,
    fetches: Family<u64>,
    cache: Family<u64>,
    revalidations: Family<u64>,
    deliveries: Family<u64>,
}

fn bump(family: &Family<u64>, labels: &[&str], by: u64) {
    let mut map = family.lock().unwrap_or_else(PoisonError::into_inner);
    *map.entry(labels.iter().map(|s| (*s).to_string()).collect())
        .or_default() += by;
}

fn observe(family: &Family<Histogram>, labels: &[&str], seconds: f64) {
    let mut map = family.lock().unwrap_or_else(PoisonError::into_inner);
    map.entry(labels.iter().map(|s| (*s).to_string()).collect())
        .or_default()
        .observe(seconds);
}

impl Metrics {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// One HTTP request answered.
    pub fn request(&self, route: &str, method: &str, status: u16, elapsed: Duration) {
        bump(&self.requests, &[route, method, &status.to_string()], 1);
        observe(&self.request_seconds, &[route, method], elapsed.as_secs_f64());
    }

    /// One check (`single`) or one whole batch (`batch`) computed.
    pub fn check(&self, kind: &str, elapsed: Duration) {
        observe(&self.check_seconds, &[kind], elapsed.as_secs_f64());
    }

    /// A job (`webhook`, `batch`) run by this process's workers, from being taken to being finished.
    pub fn job(&self, kind: &str, elapsed: Duration) {
        observe(&self.job_seconds, &[kind], elapsed.as_secs_f64());
    }

    /// An answer given: its verdict and what became of each source.
    pub fn answer(&self, answer: &crate::model::CheckAnswer) {
        bump(&self.verdicts, &[answer.verdict.as_str()], 1);
        for s in &answer.sources {
            bump(&self.fetches, &[&s.status], 1);
        }
    }

    /// A URL looked up in the snapshot cache: `hit` when a fresh snapshot was reused without a request, else `miss`.
    pub fn cache(&self, outcome: &str) {
        bump(&self.cache, &[outcome], 1);
    }

    /// A stale snapshot confirmed unchanged by a 304.
    pub fn revalidated(&self) {
        bump(&self.revalidations, &[], 1);
    }

    pub fn delivery(&self, outcome: &DeliveryOutcome) {
        let label = match outcome {
            DeliveryOutcome::Delivered => "delivered",
            DeliveryOutcome::RetryAt { .. } => "retry",
            DeliveryOutcome::GaveUp { .. } => "gave_up",
        };
        bump(&self.deliveries, &[label], 1);
    }

    /// The exposition text; `queue` is (jobs queued or running, age of the oldest in seconds) when the store answered.
    pub fn render(&self, queue: Option<(u64, f64)>) -> String {
        let mut out = String::with_capacity(4096);
        counter(
            &mut out,
            "crosscheck_http_requests_total",
            "HTTP requests answered, by route pattern, method and status.",
            &["route", "method", "status"],
            &self.requests,
        );
        histogram(
            &mut out,
            "crosscheck_http_request_duration_seconds",
            "Time to answer an HTTP request, by route pattern and method.",
            &["route", "method"],
            &self.request_seconds,
        );
        histogram(
            &mut out,
            "crosscheck_check_duration_seconds",
            "Time to check one claim (kind=single) or a whole batch (kind=batch), fetching included.",
            &["kind"],
            &self.check_seconds,
        );
        histogram(
            &mut out,
            "crosscheck_job_duration_seconds",
            "Time a worker took to run a job (extract the draft's claims and check them all), by kind.",
            &["kind"],
            &self.job_seconds,
        );
        counter(
            &mut out,
            "crosscheck_verdicts_total",
            "Answers given (HTTP checks, batch items and webhook jobs), by verdict.",
            &["verdict"],
            &self.verdicts,
        );
        counter(
            &mut out,
            "crosscheck_fetches_total",
            "Sources read for an answer, by the status reported in sources[].status (ok, timeout, http_404, ...).",
            &["status"],
            &self.fetches,
        );
        counter(
            &mut out,
            "crosscheck_cache_lookups_total",
            "URLs looked up in the snapshot cache: hit = a fresh snapshot reused without a request, miss = fetched.",
            &["outcome"],
            &self.cache,
        );
        counter(
            &mut out,
            "crosscheck_cache_revalidations_total",
            "Stale snapshots confirmed unchanged by a 304 (a miss that cost a request but no body).",
            &[],
            &self.revalidations,
        );
        counter(
            &mut out,
            "crosscheck_callback_deliveries_total",
            "Callback delivery attempts, by outcome (delivered, retry, gave_up).",
            &["outcome"],
            &self.deliveries,
        );
        if let Some((depth, age)) = queue {
            gauge(
                &mut out,
                "crosscheck_job_queue_depth",
                "Jobs queued or running.",
                depth as f64,
            );
            gauge(
                &mut out,
                "crosscheck_job_queue_oldest_age_seconds",
                "Age of the oldest job queued or running (0 when none).",
                age,
            );
        }
        out
    }
}

fn header(out: &mut String, name: &str, help: &str, kind: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

fn labels(names: &[&str], values: &[String], extra: Option<(&str, &str)>) -> String {
    let mut pairs: Vec<String> = names
        .iter()
        .zip(values)
        .map(|(n, v)| format!("{n}=\"{}\"", escape(v)))
        .collect();
    if let Some((n, v)) = extra {
        pairs.push(format!("{n}=\"{v}\""));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("{{{}}}", pairs.join(","))
    }
}

/// Label values escape backslash, double quote and newline (the format's only escapes).
fn escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

fn counter(out: &mut String, name: &str, help: &str, names: &[&str], family: &Family<u64>) {
    header(out, name, help, "counter");
    let map = family.lock().unwrap_or_else(PoisonError::into_inner);
    if names.is_empty() && map.is_empty() {
        let _ = writeln!(out, "{name} 0");
    }
    for (values, n) in map.iter() {
        let _ = writeln!(out, "{name}{} {n}", labels(names, values, None));
    }
}

fn gauge(out: &mut String, name: &str, help: &str, value: f64) {
    header(out, name, help, "gauge");
    let _ = writeln!(out, "{name} {value}");
}

fn histogram(out: &mut String, name: &str, help: &str, names: &[&str], family: &Family<Histogram>) {
    header(out, name, help, "histogram");
    let map = family.lock().unwrap_or_else(PoisonError::into_inner);
    for (values, h) in map.iter() {
        let mut cumulative = 0;
        for (i, n) in h.buckets.iter().enumerate() {
            cumulative += n;
            let le = LATENCY_BUCKETS
                .get(i)
                .map_or_else(|| "+Inf".to_string(), f64::to_string);
            let _ = writeln!(
                out,
                "{name}_bucket{} {cumulative}",
                labels(names, values, Some(("le", &le)))
            );
        }
        let l = labels(names, values, None);
        let _ = writeln!(out, "{name}_sum{l} {}", h.sum);
        let _ = writeln!(out, "{name}_count{l} {}", h.count);
    }
}

/// Middleware: counts and times every request by its route pattern.
pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let route = req.match_pattern().unwrap_or_else(|| UNMATCHED.to_string());
    let method = METHODS
        .iter()
        .find(|m| **m == req.method().as_str())
        .copied()
        .unwrap_or("OTHER");
    let metrics = req.app_data::<web::Data<AppState>>().map(|s| s.metrics.clone());
    let res = next.call(req).await;
    if let Some(metrics) = metrics {
        let status = match &res {
            Ok(r) => r.status().as_u16(),
            Err(e) => e.as_response_error().status_code().as_u16(),
        };
        metrics.request(&route, method, status, started.elapsed());
    }
    res
}

/// The store, counting what passes through it (see the module doc). `ttl` must be the engine's cache TTL: a
/// snapshot younger than it, handed out by `latest_snapshot`, is one the engine reuses without a request.
/// Jobs taken by this process's workers and not yet finished are timed from `claim_job` to `finish_job`.
pub struct MeteredStore {
    inner: Arc<dyn Store>,
    metrics: Arc<Metrics>,
    ttl: Duration,
    running: Mutex<std::collections::HashMap<String, (Instant, String)>>,
}

impl MeteredStore {
    pub fn wrap(inner: Arc<dyn Store>, metrics: Arc<Metrics>, ttl: Duration) -> Arc<dyn Store> {
        Arc::new(MeteredStore {
            inner,
            metrics,
            ttl,
            running: Mutex::default(),
        })
    }
}

impl Store for MeteredStore {
    fn put_snapshot(&self, s: &Snapshot) -> Result<(), StoreError> {
        self.inner.put_snapshot(s)
    }

    fn latest_snapshot(&self, url: &str) -> Result<Option<Snapshot>, StoreError> {
        let found = self.inner.latest_snapshot(url)?;
        let fresh = found.as_ref().is_some_and(|snap| {
            chrono::Utc::now()
                .signed_duration_since(snap.fetched_at)
                .to_std()
                .unwrap_or_default()
                < self.ttl
        });
        self.metrics.cache(if fresh { "hit" } else { "miss" });
        Ok(found)
    }

    fn touch_snapshot(&self, url: &str, at: chrono::DateTime<chrono::Utc>) -> Result<(), StoreError> {
        self.inner.touch_snapshot(url, at)?;
        self.metrics.revalidated();
        Ok(())
    }

    fn snapshot_by_hash(&self, sha256: &str) -> Result<Option<Snapshot>, StoreError> {
        self.inner.snapshot_by_hash(sha256)
    }

    fn put_check(&self, check: &StoredCheck) -> Result<(), StoreError> {
        self.inner.put_check(check)?;
        self.metrics.answer(&check.answer);
        Ok(())
    }

    fn put_checks(&self, checks: &[StoredCheck]) -> Result<(), StoreError> {
        self.inner.put_checks(checks)?;
        for c in checks {
            self.metrics.answer(&c.answer);
        }
        Ok(())
    }

    fn get_check(&self, check_id: &str) -> Result<Option<StoredCheck>, StoreError> {
        self.inner.get_check(check_id)
    }

    fn history(&self, claim: &str, speaker: Option<&str>, limit: usize) -> Result<Vec<StoredCheck>, StoreError> {
        self.inner.history(claim, speaker, limit)
    }

    fn count_checks(&self) -> Result<u64, StoreError> {
        self.inner.count_checks()
    }

    fn enqueue_job(&self, job: &NewJob) -> Result<(Job, bool), StoreError> {
        self.inner.enqueue_job(job)
    }

    fn claim_job(&self, worker: &str, lease: Duration) -> Result<Option<Job>, StoreError> {
        let job = self.inner.claim_job(worker, lease)?;
        if let Some(j) = &job {
            let kind = serde_json::to_value(j.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_else(|| "other".into());
            let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
            running.insert(j.id.clone(), (Instant::now(), kind));
        }
        Ok(job)
    }

    fn job_progress(&self, id: &str, worker: &str, done: u32, total: u32, lease: Duration) -> Result<bool, StoreError> {
        self.inner.job_progress(id, worker, done, total, lease)
    }

    fn finish_job(
        &self,
        id: &str,
        worker: &str,
        outcome: Result<&serde_json::Value, &str>,
    ) -> Result<bool, StoreError> {
        let finished = self.inner.finish_job(id, worker, outcome)?;
        let started = self.running.lock().unwrap_or_else(PoisonError::into_inner).remove(id);
        if let (true, Some((at, kind))) = (finished, started) {
            self.metrics.job(&kind, at.elapsed());
        }
        Ok(finished)
    }

    fn get_job(&self, id: &str) -> Result<Option<Job>, StoreError> {
        self.inner.get_job(id)
    }

    fn claim_delivery(&self, worker: &str, lease: Duration) -> Result<Option<Job>, StoreError> {
        self.inner.claim_delivery(worker, lease)
    }

    fn delivery_done(&self, id: &str, worker: &str, outcome: &DeliveryOutcome) -> Result<(), StoreError> {
        self.inner.delivery_done(id, worker, outcome)?;
        self.metrics.delivery(outcome);
        Ok(())
    }

    fn queue_stats(&self) -> Result<(u64, f64), StoreError> {
        self.inner.queue_stats()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_end_in_inf() {
        let m = Metrics::default();
        m.check("single", Duration::from_millis(3));
        m.check("single", Duration::from_millis(300));
        m.check("single", Duration::from_secs(500));
        let text = m.render(None);
        assert!(text.contains("crosscheck_check_duration_seconds_bucket{kind=\"single\",le=\"0.005\"} 1"));
        assert!(text.contains("crosscheck_check_duration_seconds_bucket{kind=\"single\",le=\"0.5\"} 2"));
        assert!(text.contains("crosscheck_check_duration_seconds_bucket{kind=\"single\",le=\"120\"} 2"));
        assert!(text.contains("crosscheck_check_duration_seconds_bucket{kind=\"single\",le=\"+Inf\"} 3"));
        assert!(text.contains("crosscheck_check_duration_seconds_count{kind=\"single\"} 3"));
    }

    #[test]
    fn label_values_are_escaped() {
        let m = Metrics::default();
        m.request("/a\"b\\c\nd", "GET", 200, Duration::ZERO);
        assert!(m.render(None).contains(r#"route="/a\"b\\c\nd""#));
    }

    #[test]
    fn every_family_has_help_and_type() {
        let text = Metrics::default().render(Some((2, 1.5)));
        for name in [
            "crosscheck_http_requests_total",
            "crosscheck_http_request_duration_seconds",
            "crosscheck_check_duration_seconds",
            "crosscheck_job_duration_seconds",
            "crosscheck_verdicts_total",
            "crosscheck_fetches_total",
            "crosscheck_cache_lookups_total",
            "crosscheck_cache_revalidations_total",
            "crosscheck_callback_deliveries_total",
            "crosscheck_job_queue_depth",
            "crosscheck_job_queue_oldest_age_seconds",
        ] {
            assert!(text.contains(&format!("# TYPE {name} ")), "{name}");
            assert!(text.contains(&format!("# HELP {name} ")), "{name}");
        }
        assert!(text.contains("crosscheck_job_queue_depth 2\n"));
    }
}
