//! Stance of each source on a quotation claim, and the verdict across sources: whose words, and were they these.

use crate::model::{Difference, Evidence, Stance, Verdict};
use crate::quote;

use super::{evidence_item, ReadPage};

pub(super) fn check_quotation(claim: &quote::QuoteClaim, pages: &[&ReadPage]) -> (Verdict, f64, Vec<Evidence>) {
    let mut evidence = Vec::new();
    let mut outcomes = Vec::new();
    for page in pages {
        let f = quote::check(claim, &page.doc, page.analysis().quotes(&page.doc));
        let stance = match f.outcome {
            quote::Outcome::Supported => Stance::Supports,
            quote::Outcome::Misquoted | quote::Outcome::Misattributed => Stance::Contradicts,
            quote::Outcome::NotFound => continue,
        };
        outcomes.push((f.outcome, f.similarity));
        let mut ev = evidence_item(page, f.start, f.end, stance, f.similarity);
        ev.speaker = f.speaker.clone();
        ev.differences = f
            .differences
            .iter()
            .map(|d| Difference {
                claim: d.claim.clone(),
                source: d.source.clone(),
            })
            .collect();
        evidence.push(ev);
    }
    let has = |o: quote::Outcome| {
        outcomes
            .iter()
            .filter(|(x, _)| *x == o)
            .map(|(_, s)| *s)
            .fold(None, |a: Option<f64>, s| Some(a.map_or(s, |a| a.max(s))))
    };
    let (verdict, confidence) = if let Some(s) = has(quote::Outcome::Supported) {
        (Verdict::Supported, s)
    } else if let Some(s) = has(quote::Outcome::Misattributed) {
        (Verdict::Misattributed, s)
    } else if let Some(s) = has(quote::Outcome::Misquoted) {
        (Verdict::Misquoted, s)
    } else {
        (Verdict::NotFound, 0.8)
    };
    (verdict, confidence.clamp(0.0, 1.0), evidence)
}
