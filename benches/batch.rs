//! A newsroom's election-night batch: 1,000 claims over 10 sources, each source read once, claims verified on all
//! cores. Target (issue 8): under 2 s on the 2-core machine.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use crosscheck::fetch::FetchOptions;
use crosscheck::model::{CheckInput, SourceRef};
use crosscheck::sources::Registry;
use crosscheck::Engine;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// The three fixture pages, the two registry snapshots and five real article pages: ten sources.
fn sources() -> Vec<SourceRef> {
    let mut out: Vec<SourceRef> = [
        "standard-met-special-measures.html",
        "mayor-statement-met-special-measures.html",
        "community-blog-999-calls.html",
    ]
    .iter()
    .map(|f| SourceRef::File(shared().join("fixtures/pages").join(f)))
    .collect();
    for f in [
        "standard-met-special-measures.html",
        "mayor-statement-met-special-measures.html",
    ] {
        out.push(SourceRef::File(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sources").join(f),
        ));
    }
    let dir = std::env::temp_dir().join("crosscheck-bench-batch");
    std::fs::create_dir_all(&dir).unwrap();
    let mut html: Vec<PathBuf> = std::fs::read_dir(shared().join("data/extraction/scrapinghub-aeb/html"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    html.sort();
    for gz in html.into_iter().take(5) {
        use std::io::Read;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&gz).unwrap())
            .read_to_end(&mut bytes)
            .unwrap();
        let path = dir.join(gz.file_stem().unwrap());
        std::fs::write(&path, bytes).unwrap();
        out.push(SourceRef::File(path));
    }
    out
}

fn claims(sources: &[SourceRef]) -> Vec<CheckInput> {
    let raw = std::fs::read_to_string(shared().join("claims/dev.jsonl")).unwrap();
    let rows: Vec<serde_json::Value> = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (0..1000)
        .map(|i| {
            let r = &rows[i % rows.len()];
            let speaker = r["speaker"].as_str().map(String::from);
            CheckInput::new(
                r["claim"].as_str().unwrap().to_string(),
                speaker,
                Some(sources.to_vec()),
                None,
            )
            .unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let engine = Engine::new(FetchOptions::from_settings(&Default::default()), Registry::default()).unwrap();
    let sources = sources();
    let inputs = claims(&sources);
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("1000_claims_10_sources", |b| {
        b.iter(|| {
            let items = inputs.iter().cloned().map(Ok).collect();
            black_box(runtime.block_on(engine.check_batch(items)))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
