//! Measurement behind the comparison rules in docs/decisions.md, run by hand:
//! `cargo test --release quantity::measure -- --ignored --nocapture`.
//!
//! Every sentence with a figure in the 181 gold texts is checked against itself (each figure must pair and agree),
//! then with the first digit of its first figure changed (86.2 → 46.2): a changed claim must not come out with every
//! figure paired and agreeing, which is what the verdict calls support.

use std::path::PathBuf;

use super::{extract, pair, Context};

fn gold_texts() -> Vec<String> {
    let local =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/extraction/scrapinghub-aeb/ground-truth.json");
    let shared = PathBuf::from("/work/shared/data/extraction/scrapinghub-aeb/ground-truth.json");
    let raw = std::fs::read_to_string(local)
        .or_else(|_| std::fs::read_to_string(shared))
        .unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
    json.as_object()
        .map(|o| {
            o.values()
                .filter_map(|a| a["articleBody"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The sentence with the first digit of its first non-date figure moved by four (1→5, 6→2).
fn perturbed(sentence: &str) -> Option<String> {
    let qs = extract(sentence, &Context::default());
    let q = qs.iter().find(|q| q.unit != "date")?;
    let pos = (q.start..q.end).find(|&i| sentence.as_bytes()[i].is_ascii_digit())?;
    let d = sentence.as_bytes()[pos] - b'0';
    let nd = if d >= 5 { d - 4 } else { d + 4 };
    let mut out = sentence.to_string();
    out.replace_range(pos..=pos, &char::from(b'0' + nd).to_string());
    Some(out)
}

#[test]
#[ignore = "measurement over the gold texts; run by hand"]
fn changed_figures_are_not_supported() {
    let texts = gold_texts();
    assert!(!texts.is_empty(), "gold texts not found");
    let ctx = Context::default();
    let (mut sentences, mut self_agree, mut changed, mut still_supported) = (0, 0, 0, 0);
    for text in &texts {
        for sentence in text.split('\n').flat_map(|l| l.split(". ")) {
            let qs = extract(sentence, &ctx);
            if !qs.iter().any(|q| q.unit != "date") {
                continue;
            }
            sentences += 1;
            if pair(&qs, &qs).iter().all(|p| p.source.is_some() && p.agree) {
                self_agree += 1;
            }
            let Some(claim) = perturbed(sentence) else { continue };
            let cq = extract(&claim, &ctx);
            changed += 1;
            let pairs = pair(&cq, &qs);
            if !pairs.is_empty() && pairs.iter().all(|p| p.source.is_some() && p.agree) {
                still_supported += 1;
                println!("still supported: {claim:?}");
            }
        }
    }
    println!(
        "sentences {sentences}, agree with themselves {self_agree}; changed {changed}, still supported \
         {still_supported} ({:.4})",
        f64::from(still_supported) / f64::from(changed.max(1))
    );
    assert_eq!(self_agree, sentences);
}
