//! Prints what the quantity engine reads in each line of standard input: a tool for looking, not a test.
//!
//! `echo "86.2% of 999 calls" | cargo run --release --example figures`

use std::io::BufRead;

use crosscheck::quantity::{extract, Context, Lang};

fn main() {
    // PUBLISHED=2019-11-20 resolves "last year", "a year ago" against that date.
    let published = std::env::var("PUBLISHED")
        .ok()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    // PAGE_LANG=de-DE reads decimal commas and German scale words.
    let lang = std::env::var("PAGE_LANG").ok().and_then(|t| Lang::from_tag(&t));
    let ctx = Context { published, lang };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("{line}");
        for q in extract(&line, &ctx) {
            println!(
                "  {:?} value={} [{}, {}] unit={} counts={:?} change={:?} bound={:?} role={:?} per={:?} period={:?} ctx={:?}",
                q.text,
                q.value,
                q.low,
                q.high,
                q.unit,
                q.counts,
                q.change,
                q.bound,
                q.role,
                q.per,
                q.period.as_ref().map(|p| p.text.as_str()),
                q.clause_context
            );
        }
    }
}
