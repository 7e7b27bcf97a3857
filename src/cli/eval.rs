//! `crosscheck eval`: the engine over a labelled claim file, in process, with the same scoring rules as the
//! shared `run_claims.py` (verdict accuracy, false `supported`, evidence passages).

use std::path::Path;

use serde::Deserialize;

use crate::model::{CheckInput, SourceRef, Verdict};
use crate::Engine;

#[derive(Debug, Deserialize)]
struct Row {
    id: String,
    claim: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    verdict: Verdict,
    #[serde(default)]
    evidence: Option<String>,
}

/// Runs every row; prints each miss and a summary line. True when every verdict and evidence was right.
pub async fn run(engine: &Engine, claims: &Path, pages: &Path) -> anyhow::Result<bool> {
    let raw = std::fs::read_to_string(claims).map_err(|e| anyhow::anyhow!("{}: {e}", claims.display()))?;
    let rows: Vec<Row> = raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| anyhow::anyhow!("{} line {}: {e}", claims.display(), i + 1)))
        .collect::<Result<_, _>>()?;
    let (mut correct, mut false_support, mut ev_need, mut ev_hit) = (0, 0, 0, 0);
    for row in &rows {
        let sources = row
            .sources
            .iter()
            .map(|s| SourceRef::File(pages.join(s)))
            .collect::<Vec<_>>();
        let input = CheckInput::new(
            row.claim.clone(),
            row.speaker.clone(),
            (!sources.is_empty()).then_some(sources),
            Some(row.id.clone()),
        )?;
        let answer = engine.check(&input).await;
        let ok = answer.verdict == row.verdict;
        correct += usize::from(ok);
        false_support += usize::from(answer.verdict == Verdict::Supported && row.verdict != Verdict::Supported);
        let mut ev_ok = true;
        if let Some(needle) = row.evidence.as_deref().filter(|_| row.verdict != Verdict::NotFound) {
            ev_need += 1;
            let needle = norm(needle);
            ev_ok = answer.evidence.iter().any(|e| norm(&e.passage).contains(&needle));
            ev_hit += usize::from(ev_ok);
        }
        if !ok || !ev_ok {
            let extra = if ev_ok {
                String::new()
            } else {
                format!(
                    " (no evidence passage holds {:?})",
                    row.evidence.as_deref().unwrap_or("")
                )
            };
            println!(
                "MISS {}: expected {}, got {}{extra} | {}",
                row.id,
                row.verdict.as_str(),
                answer.verdict.as_str(),
                row.claim
            );
        }
    }
    let n = rows.len().max(1);
    let evidence = if ev_need == 0 {
        1.0
    } else {
        ev_hit as f64 / ev_need as f64
    };
    println!(
        "accuracy={:.3} ({correct}/{}) false_support={false_support} evidence={evidence:.3} ({ev_hit}/{ev_need})",
        correct as f64 / n as f64,
        rows.len()
    );
    Ok(correct == rows.len() && ev_hit == ev_need)
}

/// As the shared tools compare: straight quotes, collapsed white space, lower case.
fn norm(s: &str) -> String {
    crate::text::normalise(s)
}
