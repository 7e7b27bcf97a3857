//! Stance of each source on a quotation claim, and the verdict across sources: whose words, and were they these.
//!
//! Each source says `supported` (the speaker's words, verbatim), `misattributed` (someone else's), `misquoted`
//! (the speaker's, changed) or nothing. Across sources a support never outvotes a disagreement: one source with the
//! speaker's words and another giving them to someone else, or quoting them otherwise, is `mixed` (an opinion column
//! that misquotes the debate it reports). With no source supporting, words someone else said make the claim
//! `misattributed` before a close version makes it `misquoted`: the words exist, only not from this speaker.

use crate::model::{Difference, Evidence, Stance, Verdict};
use crate::quote;

use super::{evidence_item, ReadPage};

/// Confidence of a `mixed` verdict: the sources disagree, so neither side is more likely from them alone.
const MIXED_CONFIDENCE: f64 = 0.5;
/// Confidence of `not_found` when every source was read and none has anything close.
const NOT_FOUND_CONFIDENCE: f64 = 0.8;

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
    let best = |o: quote::Outcome| {
        outcomes
            .iter()
            .filter(|(x, _)| *x == o)
            .map(|(_, s)| *s)
            .fold(None, |a: Option<f64>, s| Some(a.map_or(s, |a| a.max(s))))
    };
    let supported = best(quote::Outcome::Supported);
    let misattributed = best(quote::Outcome::Misattributed);
    let misquoted = best(quote::Outcome::Misquoted);
    let (verdict, confidence) = match (supported, misattributed.or(misquoted)) {
        // one source has the speaker's words, another gives them to someone else or quotes them otherwise
        (Some(_), Some(_)) => (Verdict::Mixed, MIXED_CONFIDENCE),
        (Some(s), None) => (Verdict::Supported, s),
        (None, _) => match (misattributed, misquoted) {
            (Some(s), _) => (Verdict::Misattributed, s),
            (None, Some(s)) => (Verdict::Misquoted, s),
            (None, None) => (Verdict::NotFound, NOT_FOUND_CONFIDENCE),
        },
    };
    (verdict, confidence.clamp(0.0, 1.0), evidence)
}
