//! One store test suite, two backends: every case runs against a fresh SQLite store, and against PostgreSQL when
//! `CROSSCHECK_TEST_DATABASE_URL` is set (`.ci/postgres.sh` starts one and sets it). Each PostgreSQL case gets a
//! schema of its own, dropped afterwards, so cases run in parallel on one database.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;
use std::time::Duration;

use crosscheck::model::{CheckAnswer, Verdict};
use crosscheck::store::jobs::stamp;
use crosscheck::store::{
    DeliveryOutcome, DeliveryStatus, JobKind, JobStatus, NewJob, PostgresStore, Snapshot, SqliteStore, Store,
    StoredCheck,
};
use serde_json::json;

const LONG: Duration = Duration::from_secs(60);

// ---- the suite ------------------------------------------------------------------------------------------------

fn answer(claim: &str, speaker: Option<&str>, verdict: Verdict) -> CheckAnswer {
    CheckAnswer {
        id: None,
        check_id: None,
        claim: claim.into(),
        speaker: speaker.map(String::from),
        kind: crosscheck::model::ClaimKind::Figures,
        verdict,
        confidence: 0.5,
        summary: String::new(),
        quantities: vec![],
        evidence: vec![],
        sources: vec![],
    }
}

fn check(id: &str, claim: &str, speaker: Option<&str>, day: u32, verdict: Verdict) -> StoredCheck {
    StoredCheck {
        check_id: id.into(),
        created_at: stamp(chrono::DateTime::from_timestamp(1_767_225_600 + i64::from(day) * 86_400, 0).unwrap()),
        answer: answer(claim, speaker, verdict),
    }
}

fn snap(url: &str, body: &[u8], at: i64) -> Snapshot {
    use sha2::Digest;
    Snapshot {
        url: url.into(),
        final_url: format!("{url}final"),
        status: 200,
        content_type: Some("text/html".into()),
        etag: Some("\"e1\"".into()),
        last_modified: None,
        sha256: sha2::Sha256::digest(body).iter().map(|b| format!("{b:02x}")).collect(),
        body: body.to_vec(),
        fetched_at: chrono::DateTime::from_timestamp(at, 0).unwrap(),
    }
}

fn job(key: Option<&str>, callback: Option<&str>) -> NewJob {
    NewJob {
        kind: JobKind::Webhook,
        dedupe_key: key.map(String::from),
        payload: json!({"article": {"id": "cms-1", "body_text": "Crime fell 22%."}}),
        callback_url: callback.map(String::from),
    }
}

fn the_newest_snapshot_of_a_url_is_returned_and_older_ones_stay_findable_by_hash(s: &dyn Store) {
    let (old, new) = (snap("http://a/", b"old", 100), snap("http://a/", b"new", 200));
    s.put_snapshot(&old).unwrap();
    s.put_snapshot(&new).unwrap();
    assert_eq!(s.latest_snapshot("http://a/").unwrap().unwrap().body, b"new");
    assert_eq!(s.snapshot_by_hash(&old.sha256).unwrap().unwrap().body, b"old");
    assert!(s.latest_snapshot("http://b/").unwrap().is_none());
    assert!(s.snapshot_by_hash("0000").unwrap().is_none());
}

fn a_snapshot_round_trips_every_field_and_binary_bodies(s: &dyn Store) {
    let mut page = snap(
        "https://example.org/a?b=c",
        b"\x00\xff<p>caf\xc3\xa9</p>\x00",
        1_700_000_000,
    );
    page.status = 203;
    page.content_type = None;
    page.last_modified = Some("Wed, 21 Oct 2015 07:28:00 GMT".into());
    s.put_snapshot(&page).unwrap();
    assert_eq!(s.latest_snapshot(&page.url).unwrap().unwrap(), page);
    assert_eq!(s.snapshot_by_hash(&page.sha256).unwrap().unwrap(), page);
}

fn touching_a_snapshot_makes_the_newest_one_fresh_without_a_new_row(s: &dyn Store) {
    s.put_snapshot(&snap("http://a/", b"old", 100)).unwrap();
    s.put_snapshot(&snap("http://a/", b"new", 200)).unwrap();
    let now = chrono::DateTime::from_timestamp(5_000, 0).unwrap();
    s.touch_snapshot("http://a/", now).unwrap();
    let latest = s.latest_snapshot("http://a/").unwrap().unwrap();
    assert_eq!((latest.body.as_slice(), latest.fetched_at), (&b"new"[..], now));
    s.touch_snapshot("http://nothing-here/", now).unwrap();
    assert!(s.latest_snapshot("http://nothing-here/").unwrap().is_none());
}

fn checks_round_trip_and_history_is_newest_first_per_speaker(s: &dyn Store) {
    s.put_check(&check("chk_0", "a claim", None, 1, Verdict::Supported))
        .unwrap();
    s.put_check(&check("chk_1", "a claim", None, 2, Verdict::Contradicted))
        .unwrap();
    s.put_check(&check("chk_2", "a claim", Some("Sadiq Khan"), 3, Verdict::Misquoted))
        .unwrap();
    let got = s.get_check("chk_1").unwrap().unwrap();
    assert_eq!(got.answer.verdict, Verdict::Contradicted);
    assert_eq!(
        got.created_at,
        check("chk_1", "", None, 2, Verdict::Supported).created_at,
        "the time comes back as given"
    );
    let ids = |h: Vec<StoredCheck>| h.into_iter().map(|c| c.check_id).collect::<Vec<_>>();
    assert_eq!(ids(s.history("a claim", None, 10).unwrap()), ["chk_1", "chk_0"]);
    assert_eq!(ids(s.history("a claim", None, 1).unwrap()), ["chk_1"]);
    assert_eq!(ids(s.history("a claim", Some("Sadiq Khan"), 10).unwrap()), ["chk_2"]);
    assert!(s.history("another claim", None, 10).unwrap().is_empty());
    assert!(s.get_check("chk_missing").unwrap().is_none());
    assert_eq!(s.count_checks().unwrap(), 3);
}

fn a_batch_of_checks_is_stored_whole_or_not_at_all(s: &dyn Store) {
    let batch: Vec<_> = (0..3)
        .map(|i| check(&format!("chk_{i}"), "c", None, i, Verdict::NotFound))
        .collect();
    s.put_checks(&batch).unwrap();
    assert_eq!(s.count_checks().unwrap(), 3);
    let clash = [
        check("chk_new", "c", None, 9, Verdict::NotFound),
        check("chk_0", "c", None, 9, Verdict::NotFound),
    ];
    assert!(s.put_checks(&clash).is_err(), "a check id is stored once");
    assert_eq!(s.count_checks().unwrap(), 3, "the failed batch left nothing behind");
    assert!(s.get_check("chk_new").unwrap().is_none());
}

fn the_same_key_returns_the_same_job(s: &dyn Store) {
    let (a, created_a) = s.enqueue_job(&job(Some("cms-1:7"), None)).unwrap();
    let (b, created_b) = s.enqueue_job(&job(Some("cms-1:7"), None)).unwrap();
    assert!(created_a && !created_b);
    assert_eq!(a.id, b.id);
    let (c, created_c) = s.enqueue_job(&job(Some("cms-1:8"), None)).unwrap();
    assert!(created_c);
    assert_ne!(a.id, c.id);
    let (d, _) = s.enqueue_job(&job(None, None)).unwrap();
    let (e, _) = s.enqueue_job(&job(None, None)).unwrap();
    assert_ne!(d.id, e.id, "jobs without a key are never merged");
}

/// `n` characters that do not compress (a repeated letter would, and then fit any index).
fn noise(n: usize) -> String {
    use sha2::Digest;
    let mut out: String = (0u32..)
        .flat_map(|i| sha2::Sha256::digest(i.to_le_bytes()).to_vec())
        .take(n.div_ceil(2))
        .map(|b| format!("{b:02x}"))
        .collect();
    out.truncate(n);
    out
}

fn keys_of_any_length_are_stored_and_found(s: &dyn Store) {
    let article = noise(20_000);
    let (a, _) = s.enqueue_job(&job(Some(&article), None)).unwrap();
    let (b, created) = s.enqueue_job(&job(Some(&article), None)).unwrap();
    assert_eq!((a.id.as_str(), created), (b.id.as_str(), false));
    let (c, created) = s.enqueue_job(&job(Some(&format!("{article}y")), None)).unwrap();
    assert!(created && c.id != a.id);
    let url = format!("https://example.org/?q={}", noise(20_000));
    s.put_snapshot(&snap(&url, b"long", 1)).unwrap();
    assert_eq!(s.latest_snapshot(&url).unwrap().unwrap().body, b"long");
    let claim = noise(8_000);
    s.put_check(&check("chk_long", &claim, None, 1, Verdict::Supported))
        .unwrap();
    assert_eq!(s.history(&claim, None, 5).unwrap().len(), 1);
}

fn a_new_job_is_queued_with_its_payload_and_fixed_width_times(s: &dyn Store) {
    let (j, _) = s
        .enqueue_job(&job(Some("k"), Some("https://cms.example/hook")))
        .unwrap();
    assert_eq!(
        (j.status, j.delivery_status, j.attempts),
        (JobStatus::Queued, DeliveryStatus::Pending, 0)
    );
    assert_eq!(j.payload["article"]["body_text"], "Crime fell 22%.");
    assert_eq!(j.callback_url.as_deref(), Some("https://cms.example/hook"));
    assert!(j.delivery_id.is_some());
    for t in [&j.created_at, &j.updated_at] {
        assert_eq!(t.len(), "2026-01-01T00:00:00.000000Z".len(), "{t}");
        assert!(
            t.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(t).is_ok(),
            "{t}"
        );
    }
    let got = s.get_job(&j.id).unwrap().unwrap();
    assert_eq!((got.created_at, got.payload), (j.created_at, j.payload));
    assert!(s.get_job("job_missing").unwrap().is_none());
}

fn a_job_is_taken_by_one_worker_and_only_its_holder_completes_it(s: &dyn Store) {
    let (j, _) = s.enqueue_job(&job(None, None)).unwrap();
    let taken = s.claim_job("w1", LONG).unwrap().unwrap();
    assert_eq!(
        (taken.id.as_str(), taken.status, taken.attempts),
        (j.id.as_str(), JobStatus::Running, 1)
    );
    assert!(s.claim_job("w2", LONG).unwrap().is_none());
    assert!(!s.finish_job(&j.id, "w2", Ok(&json!({}))).unwrap());
    assert!(s.finish_job(&j.id, "w1", Ok(&json!({"ok": true}))).unwrap());
    assert!(
        !s.finish_job(&j.id, "w1", Ok(&json!({}))).unwrap(),
        "never completed twice"
    );
    let done = s.get_job(&j.id).unwrap().unwrap();
    assert_eq!((done.status, done.result), (JobStatus::Done, Some(json!({"ok": true}))));
}

fn jobs_are_taken_oldest_first(s: &dyn Store) {
    let ids: Vec<_> = (0..5).map(|_| s.enqueue_job(&job(None, None)).unwrap().0.id).collect();
    let taken: Vec<_> = (0..5).map(|_| s.claim_job("w", LONG).unwrap().unwrap().id).collect();
    assert_eq!(taken, ids);
    assert!(s.claim_job("w", LONG).unwrap().is_none());
}

fn an_expired_lease_lets_another_worker_take_the_job(s: &dyn Store) {
    let (j, _) = s.enqueue_job(&job(None, None)).unwrap();
    s.claim_job("dead", Duration::from_millis(1)).unwrap().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let again = s.claim_job("alive", LONG).unwrap().unwrap();
    assert_eq!((again.id.as_str(), again.attempts), (j.id.as_str(), 2));
    assert!(
        !s.finish_job(&j.id, "dead", Ok(&json!({}))).unwrap(),
        "the dead worker lost its lease"
    );
    assert!(s.finish_job(&j.id, "alive", Ok(&json!({}))).unwrap());
}

fn progress_is_kept_and_extends_the_lease_only_for_its_holder(s: &dyn Store) {
    let (j, _) = s.enqueue_job(&job(None, None)).unwrap();
    s.claim_job("w", Duration::from_millis(200)).unwrap().unwrap();
    assert!(!s.job_progress(&j.id, "other", 1, 4, LONG).unwrap());
    assert!(s.job_progress(&j.id, "w", 2, 4, LONG).unwrap());
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        s.claim_job("thief", LONG).unwrap().is_none(),
        "the extended lease still holds"
    );
    let running = s.get_job(&j.id).unwrap().unwrap();
    assert_eq!((running.done, running.total), (2, 4));
    s.finish_job(&j.id, "w", Ok(&json!({}))).unwrap();
    let done = s.get_job(&j.id).unwrap().unwrap();
    assert_eq!(
        (done.done, done.total),
        (4, 4),
        "a finished job counts all its parts done"
    );
}

fn a_job_abandoned_too_often_fails_instead_of_being_retried(s: &dyn Store) {
    let (j, _) = s.enqueue_job(&job(None, Some("https://cms.example/hook"))).unwrap();
    let mut takes = 0;
    while let Some(taken) = s
        .claim_job(&format!("crashing-{takes}"), Duration::from_millis(1))
        .unwrap()
    {
        assert_eq!(taken.id, j.id);
        takes += 1;
        std::thread::sleep(Duration::from_millis(10));
        assert!(takes < 20, "retried forever");
    }
    let failed = s.get_job(&j.id).unwrap().unwrap();
    assert_eq!(takes, 5);
    assert_eq!(failed.status, JobStatus::Failed);
    assert_eq!(failed.error.as_deref(), Some("abandoned by its worker too many times"));
}

fn a_failed_job_sends_no_callback(s: &dyn Store) {
    let (j, _) = s.enqueue_job(&job(None, Some("https://cms.example/hook"))).unwrap();
    s.claim_job("w", LONG).unwrap().unwrap();
    assert!(s.finish_job(&j.id, "w", Err("the draft has no text")).unwrap());
    let failed = s.get_job(&j.id).unwrap().unwrap();
    assert_eq!(
        (failed.status, failed.delivery_status),
        (JobStatus::Failed, DeliveryStatus::None)
    );
    assert_eq!(failed.error.as_deref(), Some("the draft has no text"));
    assert!(s.claim_delivery("d", LONG).unwrap().is_none());
}

fn a_finished_job_with_a_callback_is_delivered_then_retried_then_given_up(s: &dyn Store) {
    let (j, _) = s.enqueue_job(&job(None, Some("https://cms.example/hook"))).unwrap();
    assert!(
        s.claim_delivery("d", LONG).unwrap().is_none(),
        "not before the job is done"
    );
    s.claim_job("w", LONG).unwrap();
    s.finish_job(&j.id, "w", Ok(&json!({}))).unwrap();
    let d = s.claim_delivery("d", LONG).unwrap().unwrap();
    assert!(
        s.claim_delivery("d2", LONG).unwrap().is_none(),
        "leased to one deliverer"
    );
    s.delivery_done(&d.id, "d2", &DeliveryOutcome::Delivered).unwrap();
    assert_eq!(
        s.get_job(&j.id).unwrap().unwrap().delivery_status,
        DeliveryStatus::Pending,
        "not the lease holder"
    );
    let retry_at = chrono::Utc::now() - chrono::Duration::seconds(1);
    s.delivery_done(
        &d.id,
        "d",
        &DeliveryOutcome::RetryAt {
            at: retry_at,
            error: "HTTP 500".into(),
        },
    )
    .unwrap();
    let d = s.claim_delivery("d", LONG).unwrap().unwrap();
    s.delivery_done(
        &d.id,
        "d",
        &DeliveryOutcome::GaveUp {
            error: "HTTP 500".into(),
        },
    )
    .unwrap();
    let j = s.get_job(&j.id).unwrap().unwrap();
    assert_eq!(j.delivery_status, DeliveryStatus::DeliveryFailed);
    assert_eq!(j.delivery_attempts, 2);
    assert_eq!(j.delivery_error.as_deref(), Some("HTTP 500"));
}

fn a_retry_in_the_future_waits_and_a_delivered_callback_is_not_sent_again(s: &dyn Store) {
    let (j, _) = s.enqueue_job(&job(None, Some("https://cms.example/hook"))).unwrap();
    s.claim_job("w", LONG).unwrap();
    s.finish_job(&j.id, "w", Ok(&json!({}))).unwrap();
    let d = s.claim_delivery("d", LONG).unwrap().unwrap();
    let later = chrono::Utc::now() + chrono::Duration::milliseconds(300);
    s.delivery_done(
        &d.id,
        "d",
        &DeliveryOutcome::RetryAt {
            at: later,
            error: "timeout".into(),
        },
    )
    .unwrap();
    assert!(
        s.claim_delivery("d", LONG).unwrap().is_none(),
        "not before its retry time"
    );
    std::thread::sleep(Duration::from_millis(400));
    let d = s.claim_delivery("d", LONG).unwrap().unwrap();
    s.delivery_done(&d.id, "d", &DeliveryOutcome::Delivered).unwrap();
    assert!(s.claim_delivery("d", LONG).unwrap().is_none());
    assert_eq!(
        s.get_job(&j.id).unwrap().unwrap().delivery_status,
        DeliveryStatus::Delivered
    );
}

fn queue_stats_count_queued_and_running_jobs(s: &dyn Store) {
    assert_eq!(s.queue_stats().unwrap(), (0, 0.0));
    for _ in 0..3 {
        s.enqueue_job(&job(None, None)).unwrap();
    }
    std::thread::sleep(Duration::from_millis(50));
    let taken = s.claim_job("w", LONG).unwrap().unwrap();
    s.finish_job(&taken.id, "w", Ok(&json!({}))).unwrap();
    s.claim_job("w", LONG).unwrap().unwrap();
    let (n, age) = s.queue_stats().unwrap();
    assert_eq!(n, 2);
    assert!((0.04..60.0).contains(&age), "age of the oldest: {age}");
}

fn eight_workers_claiming_200_jobs_take_each_exactly_once(s: &dyn Store) {
    let mut ids: Vec<_> = (0..200)
        .map(|_| s.enqueue_job(&job(None, None)).unwrap().0.id)
        .collect();
    let mut taken: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|w| {
                scope.spawn(move || {
                    let name = format!("worker-{w}");
                    let mut mine = Vec::new();
                    while let Some(j) = s.claim_job(&name, LONG).unwrap() {
                        assert!(s.finish_job(&j.id, &name, Ok(&json!({"by": name}))).unwrap());
                        mine.push(j.id);
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    assert_eq!(taken.len(), 200, "each job taken once");
    taken.sort();
    ids.sort();
    assert_eq!(taken, ids, "every job taken");
    assert_eq!(s.queue_stats().unwrap().0, 0);
}

// ---- the backends ---------------------------------------------------------------------------------------------

/// A PostgreSQL schema of its own for one case, dropped with it.
struct PgSchema {
    url: String,
    name: String,
}

impl PgSchema {
    fn new() -> Option<Self> {
        static NOTE: Once = Once::new();
        let Some(url) = std::env::var("CROSSCHECK_TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
        else {
            // Written past the test harness's capture, so a run without PostgreSQL says so.
            NOTE.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "store suite: PostgreSQL cases SKIPPED (CROSSCHECK_TEST_DATABASE_URL is not set; \
                     `source .ci/postgres.sh` starts one)"
                );
            });
            return None;
        };
        static N: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let name = format!(
            "store_{}_{}_{nanos}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        let mut admin = ::postgres::Client::connect(&url, ::postgres::NoTls).expect("the test database answers");
        admin.batch_execute(&format!("CREATE SCHEMA {name}")).unwrap();
        Some(PgSchema { url, name })
    }

    /// The URL with this schema first on the search path.
    fn url(&self) -> String {
        let sep = if self.url.contains('?') { '&' } else { '?' };
        format!("{}{sep}options=-csearch_path%3D{}", self.url, self.name)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut admin) = ::postgres::Client::connect(&self.url, ::postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

macro_rules! suite {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $case() {
                    super::$case(&super::SqliteStore::in_memory().unwrap());
                }
            )*
        }

        mod postgres {
            $(
                #[test]
                fn $case() {
                    let Some(schema) = super::PgSchema::new() else { return };
                    let store = super::PostgresStore::connect(&schema.url()).unwrap();
                    super::$case(&store);
                    drop(store);
                }
            )*
        }
    };
}

suite!(
    the_newest_snapshot_of_a_url_is_returned_and_older_ones_stay_findable_by_hash,
    a_snapshot_round_trips_every_field_and_binary_bodies,
    touching_a_snapshot_makes_the_newest_one_fresh_without_a_new_row,
    checks_round_trip_and_history_is_newest_first_per_speaker,
    a_batch_of_checks_is_stored_whole_or_not_at_all,
    the_same_key_returns_the_same_job,
    keys_of_any_length_are_stored_and_found,
    a_new_job_is_queued_with_its_payload_and_fixed_width_times,
    a_job_is_taken_by_one_worker_and_only_its_holder_completes_it,
    jobs_are_taken_oldest_first,
    an_expired_lease_lets_another_worker_take_the_job,
    progress_is_kept_and_extends_the_lease_only_for_its_holder,
    a_job_abandoned_too_often_fails_instead_of_being_retried,
    a_failed_job_sends_no_callback,
    a_finished_job_with_a_callback_is_delivered_then_retried_then_given_up,
    a_retry_in_the_future_waits_and_a_delivered_callback_is_not_sent_again,
    queue_stats_count_queued_and_running_jobs,
    eight_workers_claiming_200_jobs_take_each_exactly_once,
);

// ---- PostgreSQL only: migrations -------------------------------------------------------------------------------

#[test]
fn postgres_replicas_starting_at_once_migrate_once_and_reconnecting_keeps_data() {
    let Some(schema) = PgSchema::new() else { return };
    let url = schema.url();
    let versions: Vec<u32> = std::thread::scope(|scope| {
        let starts: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| PostgresStore::connect(&url).unwrap().schema_version().unwrap()))
            .collect();
        starts.into_iter().map(|s| s.join().unwrap()).collect()
    });
    assert!(versions.iter().all(|v| *v == versions[0] && *v >= 2), "{versions:?}");
    {
        let store = PostgresStore::connect(&url).unwrap();
        store.put_snapshot(&snap("http://a/", b"kept", 1)).unwrap();
    }
    let store = PostgresStore::connect(&url).unwrap();
    assert_eq!(store.schema_version().unwrap(), versions[0], "no migration ran twice");
    assert_eq!(store.latest_snapshot("http://a/").unwrap().unwrap().body, b"kept");
}

#[test]
fn postgres_a_wrong_url_is_an_error_not_a_panic() {
    assert!(PostgresStore::connect("not a url at all").is_err());
    assert!(PostgresStore::connect("postgres://nobody@127.0.0.1:1/none?connect_timeout=2").is_err());
}

#[test]
fn postgres_connections_cut_by_the_server_are_replaced() {
    let Some(schema) = PgSchema::new() else { return };
    // Its own application name, so cutting its connections leaves the cases running beside it alone.
    let url = format!("{}&application_name={}", schema.url(), schema.name);
    let store = PostgresStore::connect(&url).unwrap();
    store.put_snapshot(&snap("http://a/", b"x", 1)).unwrap();
    let cut = || {
        let mut admin = ::postgres::Client::connect(&schema.url, ::postgres::NoTls).unwrap();
        let row = admin
            .query_one(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1",
                &[&schema.name],
            )
            .unwrap();
        row.get::<_, i64>(0)
    };
    assert_eq!(cut(), 1, "one pooled connection");
    // Idle for a while (a database restart overnight): checked before it is lent, so no call fails.
    std::thread::sleep(Duration::from_millis(5_500));
    assert!(store.latest_snapshot("http://a/").unwrap().is_some());
    // Cut while busy: that call may fail, and the next one has a fresh connection.
    assert_eq!(cut(), 1);
    let _ = store.count_checks();
    assert!(store.latest_snapshot("http://a/").unwrap().is_some());
}
