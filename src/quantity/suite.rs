//! The peer test suite of `../shared/tools/number_suite.py`, scored in process: each spec input read as a claim,
//! its values (durations and dates left out, as the tool does) against the values the spec expects. Run by hand
//! while working on the engine; the tool is the measure of record.
//!
//! `cargo test --lib quantity::suite -- --ignored --nocapture` (set `SUITE_VERBOSE=1` to print every miss).

use super::{extract, Context, Unit};

const MODELS: &[&str] = &[
    "NumberModel",
    "PercentModel",
    "CurrencyModel",
    "DimensionModel",
    "TemperatureModel",
];

fn suite_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/quantities/recognizers-text")
}

fn expected(case: &serde_json::Value) -> Vec<f64> {
    let results = case["Results"].as_array().cloned().unwrap_or_default();
    results
        .iter()
        .filter_map(|r| {
            let v = &r["Resolution"]["value"];
            let s = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            s.trim_end_matches('%').replace(',', "").parse::<f64>().ok()
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9_f64.max(1e-6 * a.abs().max(b.abs()))
}

#[test]
#[ignore = "measurement over the peer suite; run by hand"]
fn peer_suite_in_process() {
    let verbose = std::env::var_os("SUITE_VERBOSE").is_some();
    let (mut all, mut all_exact, mut hits, mut wanted, mut gots) = (0, 0, 0, 0, 0);
    for model in MODELS {
        let path = suite_dir().join(format!("{model}.json"));
        let Ok(raw) = std::fs::read_to_string(&path) else {
            println!("no suite at {}", path.display());
            return;
        };
        let cases: Vec<serde_json::Value> = serde_json::from_str(&raw).unwrap_or_default();
        let (mut n, mut exact) = (0, 0);
        for case in &cases {
            let input = case["Input"].as_str().unwrap_or("");
            let want = expected(case);
            if want.is_empty() || input.trim().is_empty() {
                continue;
            }
            let text: String = input.chars().take(2000).collect();
            let got: Vec<f64> = extract(&text, &Context::default())
                .iter()
                .filter(|q| q.unit != Unit::Date && q.unit.as_str() != "second")
                .map(|q| q.value)
                .collect();
            let mut left: Vec<Option<f64>> = got.iter().copied().map(Some).collect();
            let mut hit = 0;
            for w in &want {
                if let Some(slot) = left.iter_mut().find(|g| g.is_some_and(|g| close(*w, g))) {
                    *slot = None;
                    hit += 1;
                }
            }
            let extra = left.iter().filter(|g| g.is_some()).count();
            let ok = hit == want.len() && extra == 0;
            n += 1;
            exact += usize::from(ok);
            hits += hit;
            wanted += want.len();
            gots += hit + extra;
            if verbose && !ok {
                println!(
                    "{model:16} want {want:?} got {got:?}: {:?}",
                    &text.chars().take(100).collect::<String>()
                );
            }
        }
        println!("{model:16} exact={:.3} ({exact}/{n})", exact as f64 / n.max(1) as f64);
        all += n;
        all_exact += exact;
    }
    println!(
        "exact={:.3} recall={:.3} precision={:.3} cases={all}",
        all_exact as f64 / all.max(1) as f64,
        hits as f64 / wanted.max(1) as f64,
        hits as f64 / gots.max(1) as f64
    );
}

/// Prints the figures of `PROBE` (one text a line, `LANG` for the page language): a look while working.
#[test]
#[ignore = "prints the figures of PROBE; run by hand"]
fn probe() {
    let lang = std::env::var("LANG_TAG").ok().and_then(|l| super::Lang::from_tag(&l));
    let ctx = Context { published: None, lang };
    for text in std::env::var("PROBE").unwrap_or_default().lines() {
        println!("{text}");
        for q in extract(text, &ctx) {
            println!(
                "    {:?} = {} {} [{}, {}] counts={:?} change={:?} bound={:?}",
                q.text, q.value, q.unit, q.low, q.high, q.counts, q.change, q.bound
            );
        }
    }
}
