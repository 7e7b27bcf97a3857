//! The labelled dev set (`../shared/claims/dev.jsonl`) through the real HTTP service over loopback-served pages.
//! A ratchet: the floor rises as the engine improves, and a false `supported` always fails.

mod common;

use common::{fixtures, serve_pages, shared, spawn_app};
use serde_json::{json, Value};

/// The accuracy reached so far; raise it when the engine improves, never lower it.
const MIN_ACCURACY: f64 = 1.0;

#[tokio::test]
async fn dev_claims_meet_the_ratchet_with_no_false_support() {
    let app = spawn_app().await;
    let pages = serve_pages(fixtures());
    let rows: Vec<Value> = std::fs::read_to_string(shared().join("claims/dev.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (mut correct, mut false_support, mut misses) = (0, 0, Vec::new());
    for row in &rows {
        let sources: Vec<String> = row["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("{}{}", pages.base, s.as_str().unwrap()))
            .collect();
        let mut req = json!({"claim": row["claim"], "sources": sources});
        if let Some(sp) = row.get("speaker") {
            req["speaker"] = sp.clone();
        }
        let (status, _, answer) = app.post_json("/v1/checks", &req).await;
        assert_eq!(status, 200, "{}: {answer}", row["id"]);
        let got = answer["verdict"].as_str().unwrap_or("?");
        let want = row["verdict"].as_str().unwrap();
        if got == want {
            correct += 1;
        } else {
            misses.push(format!("{}: want {want}, got {got} | {}", row["id"], row["claim"]));
        }
        if got == "supported" && want != "supported" {
            false_support += 1;
        }
    }
    let accuracy = correct as f64 / rows.len() as f64;
    eprintln!(
        "dev accuracy {accuracy:.3} ({correct}/{}), false supported {false_support}\n{}",
        rows.len(),
        misses.join("\n")
    );
    assert_eq!(false_support, 0, "false supported verdicts:\n{}", misses.join("\n"));
    assert!(
        accuracy >= MIN_ACCURACY,
        "accuracy {accuracy:.3} fell below {MIN_ACCURACY}:\n{}",
        misses.join("\n")
    );
}
