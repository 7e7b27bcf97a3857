//! Stance of one source on a claim without figures or quotations ("The council approved the plan", "The minister
//! did not resign"): supported only when a unit states it — its words, every name, the same polarity — and
//! contradicted when a unit states it with the opposite polarity.
//!
//! The key decision: a statement is judged on one unit at a time, never on words scattered over a page, and support
//! demands nearly all of the claim's rarity-weighted words in that unit (`SUPPORT_COVERAGE`), because there is no
//! figure to check: the words are all there is.

use super::claim::Claim;
use super::figures::{Finding, MENTION_COVERAGE, TOP_UNITS};
use super::ReadPage;
use crate::model::Stance;
use crate::text;

/// Share of a statement's rarity-weighted words one unit must hold to state it.
pub const SUPPORT_COVERAGE: f64 = 0.9;
/// Share of a statement's words a unit must hold to state its opposite (a negation away).
pub const CONTRADICT_COVERAGE: f64 = 0.75;

/// The stance of one page on a plain statement; `None` when nothing on it bears on the claim.
pub fn assess(claim: &Claim, page: &ReadPage) -> Option<Finding> {
    let analysis = page.analysis();
    let index = &analysis.index;
    let hits = index.search(&claim.terms, TOP_UNITS);
    let unreadable_digits = claim.body_text().chars().any(|c| c.is_ascii_digit());
    let mut best: Option<Finding> = None;
    for h in &hits {
        if h.coverage < MENTION_COVERAGE {
            continue;
        }
        let unit = index.units[h.unit];
        let passage = &page.doc.text[unit.start..unit.end];
        let words = text::words(passage);
        let names_here = claim.names.iter().all(|n| words.contains(n));
        let negated = text::negated(passage);
        let stance = if !names_here || unreadable_digits {
            Stance::Mentions
        } else if h.coverage >= SUPPORT_COVERAGE && negated == claim.negated {
            Stance::Supports
        } else if h.coverage >= CONTRADICT_COVERAGE && negated != claim.negated {
            Stance::Contradicts
        } else {
            Stance::Mentions
        };
        let finding = Finding {
            stance,
            start: unit.start,
            end: unit.end,
            similarity: h.coverage,
            matched: Vec::new(),
            differences: Vec::new(),
        };
        let better = best.as_ref().is_none_or(|b| {
            let rank = |s: Stance| u8::from(s != Stance::Mentions);
            (rank(finding.stance), finding.similarity) > (rank(b.stance), b.similarity)
        });
        if better {
            best = Some(finding);
        }
    }
    best
}
