//! Measurements behind the thresholds in `docs/decisions.md` ("Quotations"): an in-process run of what
//! `../shared/tools/quote_recall.py` asks the service, on the gold article texts of the extraction benchmark.
//!
//! `cargo test --release quote::measure -- --ignored --nocapture` prints recall on the quotations, false support on
//! the same quotations with one word swapped, and the similarity of changed quotations (should be `Misquoted`)
//! against quotations checked on the wrong page (should be `NotFound`), per threshold.

use std::path::PathBuf;
use std::time::Instant;

use super::*;
use crate::extract::{BlockKind, Document, Metadata};

const SWAPS: &[&str] = &[
    "never",
    "always",
    "rarely",
    "entirely",
    "partly",
    "dramatic",
    "modest",
    "purple",
    "seventeen",
];

/// Page id → article text from one file of the benchmark (`ground-truth.json` or a `reference-outputs/` file).
fn bodies(rel: &str) -> Option<Vec<(String, String)>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rel = format!("data/extraction/scrapinghub-aeb/{rel}");
    let path = [root.join("../shared").join(&rel), root.join("../../shared").join(&rel)]
        .into_iter()
        .find(|p| p.exists())?;
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let items = json.get("output").unwrap_or(&json).as_object()?;
    let mut pages: Vec<(String, String)> = items
        .iter()
        .filter_map(|(id, item)| Some((id.clone(), item["articleBody"].as_str()?.to_string())))
        .collect();
    pages.sort();
    Some(pages)
}

/// What quote_recall's `SPAN` regex finds: a double mark, 20–400 characters without marks or newlines, a closing mark.
fn spans(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '\u{201c}' | '"') {
            let stop = (i + 1..chars.len()).find(|&k| matches!(chars[k], '\u{201c}' | '\u{201d}' | '"' | '\n'));
            if let Some(k) = stop {
                let len = k - i - 1;
                if matches!(chars[k], '\u{201d}' | '"') && (20..=400).contains(&len) {
                    let span: String = chars[i + 1..k].iter().collect::<String>().trim().to_string();
                    if span
                        .split(|c: char| !c.is_alphanumeric() && c != '_')
                        .filter(|w| !w.is_empty())
                        .count()
                        >= 4
                    {
                        out.push(span);
                    }
                    i = k + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// quote_recall's normalisation: straight marks, collapsed whitespace, lower case.
fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A deterministic stand-in for quote_recall's random word swap.
fn swap(span: &str, seed: usize, page: &str, count: usize) -> Option<String> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in span.char_indices().chain([(span.len(), ' ')]) {
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s >= 4 {
                    words.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    if words.len() > 1 {
        words.remove(0);
    }
    if words.len() < count {
        return None;
    }
    for attempt in 0..10 {
        let mut out = span.to_string();
        let mut picked: Vec<usize> = Vec::new();
        for k in 0..count {
            let w = (seed * 7919 + attempt * 104_729 + k * 31) % words.len();
            if !picked.contains(&w) {
                picked.push(w);
            }
        }
        picked.sort_unstable();
        for &w in picked.iter().rev() {
            let (s, e) = words[w];
            let new = SWAPS[(seed + attempt + w) % SWAPS.len()];
            if span[s..e].eq_ignore_ascii_case(new) {
                continue;
            }
            out.replace_range(s..e, new);
        }
        if !page.contains(&norm(&out)) {
            return Some(out);
        }
    }
    None
}

fn document(text: &str) -> Document {
    Document::from_blocks(Metadata::default(), text.lines().map(|l| (BlockKind::Paragraph, l)))
}

#[test]
#[ignore = "measurement: needs ../shared/data, prints figures"]
fn gold_quotations_recall_and_false_support() {
    let Some(pages) = bodies("ground-truth.json") else {
        return;
    };
    // QUOTE_MEASURE_DOCS=trafilatura checks the gold quotations against another extractor's text of the same pages
    let extracted = std::env::var("QUOTE_MEASURE_DOCS")
        .ok()
        .and_then(|n| bodies(&format!("reference-outputs/{n}.json")));
    let docs: Vec<(Document, Vec<Quotation>, String)> = pages
        .iter()
        .map(|(id, body)| {
            let text = extracted
                .as_ref()
                .map_or(Some(body), |e| e.iter().find(|(i, _)| i == id).map(|(_, t)| t));
            let d = document(text.unwrap_or(body));
            let q = quotations(&d);
            (d, q, norm(body))
        })
        .collect();
    let (mut kept, mut found, mut changed, mut false_support) = (0, 0, 0, 0);
    let mut changed_sims: Vec<(usize, f64, Outcome)> = Vec::new();
    let mut control_sims: Vec<(f64, Outcome)> = Vec::new();
    let mut misses = Vec::new();
    let clock = Instant::now();
    let mut checks = 0;
    for (p, (d, quotes, normed)) in docs.iter().enumerate() {
        for (k, span) in spans(&pages[p].1).into_iter().enumerate() {
            let Some(claim) = parse_claim(&format!("\u{201c}{span}\u{201d}"), None) else {
                continue;
            };
            kept += 1;
            checks += 1;
            let f = check(&claim, d, quotes);
            if f.outcome == Outcome::Supported {
                found += 1;
            } else {
                misses.push(format!("{:?} {span}", f.outcome));
            }
            for count in 1..=3 {
                let Some(other) = swap(&span, p * 1000 + k, normed, count) else {
                    continue;
                };
                let Some(c) = parse_claim(&format!("\u{201c}{other}\u{201d}"), None) else {
                    continue;
                };
                let f = check(&c, d, quotes);
                checks += 1;
                if count == 1 {
                    changed += 1;
                    false_support += usize::from(f.outcome == Outcome::Supported);
                }
                changed_sims.push((count, f.similarity, f.outcome));
            }
            // the same quotation against the next page: nothing there should look close
            let (od, oq, _) = &docs[(p + 1) % docs.len()];
            let f = check(&claim, od, oq);
            checks += 1;
            if f.similarity >= 0.5 {
                println!("control {:.3} {:?}: {span}", f.similarity, f.outcome);
            }
            control_sims.push((f.similarity, f.outcome));
        }
    }
    let elapsed = clock.elapsed();
    for m in misses.iter().take(30) {
        println!("miss: {m}");
    }
    println!(
        "recall={:.4} ({found}/{kept}) changed_false_support={:.4} ({false_support}/{changed}) pages={} checks={checks} \
         time/check={:.2?}",
        found as f64 / kept.max(1) as f64,
        false_support as f64 / changed.max(1) as f64,
        docs.len(),
        elapsed / checks.max(1) as u32,
    );
    println!("threshold  changed1>=t changed2>=t changed3>=t  control>=t");
    for t in [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let share = |n: usize| {
            let all: Vec<_> = changed_sims.iter().filter(|c| c.0 == n).collect();
            all.iter().filter(|c| c.1 >= t).count() as f64 / all.len().max(1) as f64
        };
        let control = control_sims.iter().filter(|c| c.0 >= t).count() as f64 / control_sims.len().max(1) as f64;
        println!(
            "{t:9.2}  {:11.4} {:11.4} {:11.4}  {control:10.4}",
            share(1),
            share(2),
            share(3)
        );
    }
    let outcome_counts = |n: usize| {
        let mut counts = std::collections::BTreeMap::new();
        for c in changed_sims.iter().filter(|c| c.0 == n) {
            *counts.entry(format!("{:?}", c.2)).or_insert(0) += 1;
        }
        counts
    };
    println!(
        "changed outcomes: 1 word {:?}; 2 words {:?}; 3 words {:?}",
        outcome_counts(1),
        outcome_counts(2),
        outcome_counts(3)
    );
    let mut control_counts = std::collections::BTreeMap::new();
    for c in &control_sims {
        *control_counts.entry(format!("{:?}", c.1)).or_insert(0) += 1;
    }
    println!("control outcomes: {control_counts:?}");
    // the speaker path: each attributed quotation claimed for its speaker, changed, and for another speaker
    let mut tally = std::collections::BTreeMap::new();
    for (d, quotes, normed) in &docs {
        let speakers: Vec<&String> = quotes.iter().filter_map(|q| q.speaker.as_ref()).collect();
        for (k, q) in quotes.iter().enumerate() {
            let (Some(who), words) = (&q.speaker, &d.text[q.start..q.end]) else {
                continue;
            };
            if words.split_whitespace().count() < 4 {
                continue;
            }
            let own = check(
                &QuoteClaim {
                    words: words.to_string(),
                    speaker: Some(who.clone()),
                },
                d,
                quotes,
            );
            *tally.entry(format!("own speaker -> {:?}", own.outcome)).or_insert(0) += 1;
            if let Some(changed) = swap(words, k, normed, 1) {
                let f = check(
                    &QuoteClaim {
                        words: changed,
                        speaker: Some(who.clone()),
                    },
                    d,
                    quotes,
                );
                *tally
                    .entry(format!("own speaker, 1 word changed -> {:?}", f.outcome))
                    .or_insert(0) += 1;
            }
            if let Some(other) = speakers.iter().find(|s| !same_person(s, who)) {
                let f = check(
                    &QuoteClaim {
                        words: words.to_string(),
                        speaker: Some((*other).clone()),
                    },
                    d,
                    quotes,
                );
                *tally.entry(format!("other speaker -> {:?}", f.outcome)).or_insert(0) += 1;
            }
        }
    }
    for (k, v) in &tally {
        println!("{k}: {v}");
    }
    let attributed: usize = docs
        .iter()
        .map(|(_, q, _)| q.iter().filter(|q| q.speaker.is_some()).count())
        .sum();
    let all: usize = docs.iter().map(|(_, q, _)| q.len()).sum();
    println!("quotations extracted={all} with speaker={attributed}");
}

#[test]
#[ignore = "inspection: prints quotations and speakers of gold pages"]
fn gold_quotations_with_speakers() {
    let Some(pages) = bodies("ground-truth.json") else {
        return;
    };
    let every: usize = std::env::var("QUOTE_SAMPLE_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    for (id, body) in pages.iter().step_by(every) {
        let d = document(body);
        for q in quotations(&d) {
            let lo = d.text[..q.start].char_indices().rev().nth(90).map_or(0, |(i, _)| i);
            let hi = d.text[q.end..]
                .char_indices()
                .nth(50)
                .map_or(d.text.len(), |(i, _)| q.end + i);
            let ctx = d.text[lo..hi].replace('\n', " / ");
            println!("{} {:?} :: {ctx}", &id[..6], q.speaker);
        }
    }
}

#[test]
#[ignore = "measurement: needs ../shared/data, prints figures"]
fn benchmark_pages_read_as_transcripts() {
    use std::io::Read;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = ["../shared", "../../shared"]
        .iter()
        .map(|s| root.join(s).join("data/extraction/scrapinghub-aeb/html"))
        .find(|p| p.exists());
    let Some(dir) = dir else { return };
    let mut pages = 0;
    let mut transcripts = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let mut html = String::new();
        let Ok(file) = std::fs::File::open(entry.path()) else {
            continue;
        };
        if flate2::read::GzDecoder::new(file).read_to_string(&mut html).is_err() {
            continue;
        }
        pages += 1;
        let doc = crate::extract::extract(&html, None);
        if !super::transcript::labels(&doc).is_empty() {
            transcripts.push(entry.file_name().to_string_lossy().to_string());
        }
    }
    println!(
        "benchmark pages read as transcripts: {} of {pages} {transcripts:?}",
        transcripts.len()
    );
    let mut fixtures = Vec::new();
    for set in ["pages", "real", "shapes"] {
        let dir = root.join("../shared/fixtures").join(set);
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            let doc = crate::extract::extract(&String::from_utf8_lossy(&bytes), None);
            if !super::transcript::labels(&doc).is_empty() {
                fixtures.push(entry.file_name().to_string_lossy().to_string());
            }
        }
    }
    println!("fixture pages read as transcripts: {fixtures:?}");
}
