//! The three labelled claim sets (`../shared/claims/`: dev on the seed pages, real on published article pages,
//! shapes on pages in hard shapes) through the real HTTP service over loopback-served pages, each against floors
//! set at what the engine measured. A ratchet: raise a floor when the engine improves, never lower it; a false
//! `supported` above the set's allowance always fails.

mod common;

use common::{serve_pages, shared, spawn_app};
use serde_json::{json, Value};

/// One labelled set and what it must reach.
struct Set {
    claims: &'static str,
    pages: &'static str,
    min_accuracy: f64,
    max_false_support: usize,
    min_evidence: f64,
}

/// Floors measured on this engine (docs/decisions.md, "Verdicts"): accuracy, false supported, evidence.
const SETS: &[Set] = &[
    Set {
        claims: "claims/dev.jsonl",
        pages: "fixtures/pages",
        min_accuracy: 0.95,
        max_false_support: 0,
        min_evidence: 1.0,
    },
    Set {
        claims: "claims/real.jsonl",
        pages: "fixtures/real",
        min_accuracy: 0.69,
        max_false_support: 2,
        min_evidence: 0.81,
    },
    Set {
        claims: "claims/shapes.jsonl",
        pages: "fixtures/shapes",
        min_accuracy: 0.69,
        max_false_support: 0,
        min_evidence: 0.74,
    },
];

/// Whitespace, quote marks and case folded as the shared scoring tool folds them.
fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

async fn score(set: &Set) -> (f64, usize, f64, Vec<String>) {
    let app = spawn_app().await;
    let pages = serve_pages(shared().join(set.pages));
    let rows: Vec<Value> = std::fs::read_to_string(shared().join(set.claims))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (mut correct, mut false_support, mut ev_need, mut ev_hit) = (0, 0, 0, 0);
    let mut misses = Vec::new();
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
        let evidence = row["evidence"].as_str().unwrap_or("");
        if !evidence.is_empty() && want != "not_found" {
            ev_need += 1;
            let passages = answer["evidence"].as_array().cloned().unwrap_or_default();
            if passages
                .iter()
                .any(|e| norm(e["passage"].as_str().unwrap_or("")).contains(&norm(evidence)))
            {
                ev_hit += 1;
            }
        }
    }
    let accuracy = correct as f64 / rows.len() as f64;
    let evidence = if ev_need == 0 {
        1.0
    } else {
        f64::from(ev_hit) / f64::from(ev_need)
    };
    (accuracy, false_support, evidence, misses)
}

#[tokio::test]
async fn every_claim_set_meets_its_floors() {
    let mut failures = Vec::new();
    for set in SETS {
        let (accuracy, false_support, evidence, misses) = score(set).await;
        eprintln!(
            "{}: accuracy {accuracy:.3}, false supported {false_support}, evidence {evidence:.3}\n  {}",
            set.claims,
            misses.join("\n  ")
        );
        if accuracy < set.min_accuracy || false_support > set.max_false_support || evidence < set.min_evidence {
            failures.push(format!(
                "{}: accuracy {accuracy:.3} (floor {}), false supported {false_support} (at most {}), evidence {evidence:.3} (floor {})",
                set.claims, set.min_accuracy, set.max_false_support, set.min_evidence
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
