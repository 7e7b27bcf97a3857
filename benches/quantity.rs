//! Quantity extraction over the 181 gold article texts of the extraction benchmark (field `articleBody`).
//!
//! Run: `cargo bench --bench quantity`. The throughput line is the figure recorded in docs/benchmarks.md.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::quantity::{extract, Context};

fn gold_texts() -> Vec<String> {
    let path = std::env::var_os("CROSSCHECK_GOLD").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/data/extraction/scrapinghub-aeb/ground-truth.json")
        },
        PathBuf::from,
    );
    let fallback = PathBuf::from("/work/shared/data/extraction/scrapinghub-aeb/ground-truth.json");
    let raw = std::fs::read_to_string(&path)
        .or_else(|_| std::fs::read_to_string(&fallback))
        .unwrap_or_else(|e| panic!("cannot read the gold texts at {}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&raw).expect("ground-truth.json is JSON");
    json.as_object()
        .expect("ground-truth.json maps ids to articles")
        .values()
        .filter_map(|a| a.get("articleBody").and_then(|b| b.as_str()).map(str::to_owned))
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let texts = gold_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctx = Context {
        published: chrono::NaiveDate::from_ymd_opt(2025, 1, 23),
        lang: None,
    };
    let mut group = c.benchmark_group("quantity");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(30);
    group.bench_function("extract_181_gold_texts", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                n += extract(black_box(t), &ctx).len();
            }
            black_box(n)
        });
    });
    group.finish();
}

/// A page that is one endless sentence of figures and periods: every pass must stay linear.
fn bench_degenerate(c: &mut Criterion) {
    let text = "5 per cent in 2024 and from 19 to ".repeat(6_000);
    let ctx = Context::default();
    let mut group = c.benchmark_group("quantity");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("extract_one_endless_sentence", |b| {
        b.iter(|| extract(black_box(&text), &ctx).len())
    });
    group.finish();
}

criterion_group!(benches, bench_extract, bench_degenerate);
criterion_main!(benches);
