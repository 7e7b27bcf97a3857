//! Main-text extraction over the 181 pages of the Zyte article-extraction benchmark
//! (`../shared/data/extraction/scrapinghub-aeb/html/*.html.gz`), in process.
//!
//! Criterion times one pass over all pages (throughput = pages). Before that, the bench prints the median and 90th
//! percentile of single-page times, the figure `docs/benchmarks.md` records. The same pages also go through the
//! `rs-trafilatura` crate (a dev-dependency used only here) for comparison.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn pages_dir() -> Option<PathBuf> {
    let candidates = [
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/extraction/scrapinghub-aeb/html"),
        PathBuf::from("/work/shared/data/extraction/scrapinghub-aeb/html"),
    ];
    candidates.into_iter().find(|dir| dir.is_dir())
}

/// The benchmark pages, decompressed and decoded (they are UTF-8; bad bytes are replaced).
fn load_pages() -> Vec<String> {
    use std::io::Read;
    let Some(dir) = pages_dir() else { return Vec::new() };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.to_string_lossy().ends_with(".html.gz"));
    paths.sort();
    paths
        .iter()
        .filter_map(|path| {
            let file = std::fs::File::open(path).ok()?;
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(file).read_to_end(&mut bytes).ok()?;
            Some(String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

/// Median and 90th percentile of the best of `runs` timings of each page.
fn per_page(pages: &[String], runs: usize, f: impl Fn(&str)) -> (Duration, Duration) {
    let mut times: Vec<Duration> = pages
        .iter()
        .map(|page| {
            (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    f(page);
                    start.elapsed()
                })
                .min()
                .unwrap_or_default()
        })
        .collect();
    times.sort();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    (at(0.5), at(0.9))
}

fn crosscheck_extract(page: &str) {
    black_box(crosscheck::extract::extract(black_box(page), None));
}

/// The peer, run only with `cargo bench --features compare-rs-trafilatura` so that ordinary builds do not carry it.
#[cfg(feature = "compare-rs-trafilatura")]
fn rs_trafilatura_extract(page: &str) {
    let _ = black_box(rs_trafilatura::extract(black_box(page)));
}

fn bench(c: &mut Criterion) {
    let pages = load_pages();
    if pages.is_empty() {
        eprintln!("extract bench: benchmark pages not found, nothing to time");
        return;
    }
    let (median, p90) = per_page(&pages, 5, crosscheck_extract);
    eprintln!(
        "crosscheck extract: {} pages, per page median {median:?}, p90 {p90:?}",
        pages.len()
    );
    #[cfg(feature = "compare-rs-trafilatura")]
    {
        let (median, p90) = per_page(&pages, 3, rs_trafilatura_extract);
        eprintln!(
            "rs-trafilatura:     {} pages, per page median {median:?}, p90 {p90:?}",
            pages.len()
        );
    }

    let mut group = c.benchmark_group("extract_181_pages");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.sample_size(10);
    group.bench_function("crosscheck", |b| {
        b.iter(|| pages.iter().for_each(|p| crosscheck_extract(p)))
    });
    #[cfg(feature = "compare-rs-trafilatura")]
    group.bench_function("rs_trafilatura", |b| {
        b.iter(|| pages.iter().for_each(|p| rs_trafilatura_extract(p)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
