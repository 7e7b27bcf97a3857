//! Stance of one source on a claim without figures or quotations ("The council approved the plan", "The minister
//! did not resign"): supported only when a passage states it — most of its words, every name, the same polarity,
//! no word turned into its opposite — and contradicted when a passage states it with the opposite polarity or an
//! opposite word ("pleaded not guilty" for "pleaded guilty", "pulled into the enterprise" for "pushed").
//!
//! The key decisions: a passage is one unit or two adjacent ones (a statement often runs over two sentences: "The
//! sergeant who first searched the room … He was later fired"), never words scattered over a page; support demands
//! `SUPPORT_COVERAGE` of the claim's rarity-weighted words, because there is no figure to check and the words are
//! all there is; polarity is read only in the stretches of the passage that hold the claim's words, so a negation in
//! another clause does not flip it.

use super::align::same_name;
use super::claim::Claim;
use super::figures::{Finding, MENTION_COVERAGE, TOP_UNITS};
use super::ReadPage;
use crate::model::Stance;
use crate::text::{self, lexicon};

/// Share of a statement's rarity-weighted words a passage must hold to state it.
pub const SUPPORT_COVERAGE: f64 = 0.8;
/// Share of a statement's words a passage must hold to state its opposite (a negation or an opposite word away).
pub const CONTRADICT_COVERAGE: f64 = 0.55;
/// How many words after a negation cue a claim word must stand for the cue to negate what the claim says.
const NEGATION_REACH: usize = 3;
/// A two-unit passage must earn its second unit: it scores this much less than the same coverage in one.
const TWO_UNIT_FACTOR: f64 = 0.95;

struct Read {
    start: usize,
    end: usize,
    coverage: f64,
    names_here: bool,
    negated: bool,
    opposite: bool,
    /// The claim says "every", "all" or "each"; the passage does not.
    universal_unstated: bool,
}

/// The stance of one page on a plain statement; `None` when nothing on it bears on the claim.
pub fn assess(claim: &Claim, page: &ReadPage) -> Option<Finding> {
    let analysis = page.analysis();
    let index = &analysis.index;
    let hits = index.search(&claim.terms, TOP_UNITS);
    if hits.first().is_none_or(|h| h.coverage < MENTION_COVERAGE) {
        return None;
    }
    // A number the quantity engine could not read ("July 25", "19:56", "four") is supported on words alone only
    // when the passage states the claim word for word.
    let unread_number = text::tokens(claim.body_text())
        .iter()
        .any(|t| t.form.chars().any(|c| c.is_ascii_digit()) || lexicon::is_number_word(&t.form));
    // Negation cues are the claim's polarity, not what it is about.
    let words: Vec<String> = distinct(&claim.words)
        .into_iter()
        .filter(|w| !lexicon::is_negation(w))
        .collect();
    let weights: Vec<f64> = words.iter().map(|w| index.idf(w).max(0.1)).collect();
    let total: f64 = weights.iter().sum::<f64>().max(f64::EPSILON);
    let mut best: Option<(Stance, f64, Read)> = None;
    for h in &hits {
        let u = h.unit;
        // One unit, or two when the second continues the first ("… the sergeant who first searched the room. He
        // was later fired"): never two that each say part of something else.
        let mut spans = vec![(u, u)];
        let continues = |v: usize| {
            v > 0 && index.units[v - 1].block + 1 >= index.units[v].block && {
                let unit = index.units[v];
                super::analysis::points_back(&page.doc.text[unit.start..unit.end])
            }
        };
        if u + 1 < index.units.len() && continues(u + 1) {
            spans.push((u, u + 1));
        }
        if continues(u) {
            spans.push((u - 1, u));
        }
        for (a, b) in spans {
            let (start, end) = (index.units[a].start, index.units[b].end);
            let read = read(claim, &words, &weights, total, &page.doc.text[start..end], start);
            let coverage = if a == b {
                read.coverage
            } else {
                read.coverage * TWO_UNIT_FACTOR
            };
            let mut stance = judge(claim, &read);
            if stance == Stance::Supports
                && unread_number
                && !super::verbatim::states(claim.body_text(), &page.doc.text[start..end])
            {
                stance = Stance::Mentions;
            }
            let rank = |s: Stance, c: f64| (u8::from(s != Stance::Mentions), c);
            if best
                .as_ref()
                .is_none_or(|(s, c, _)| rank(stance, coverage) > rank(*s, *c))
            {
                best = Some((stance, coverage, read));
            }
        }
    }
    let (stance, similarity, read) = best?;
    Some(Finding {
        stance,
        start: read.start,
        end: read.end,
        similarity,
        matched: Vec::new(),
        differences: Vec::new(),
    })
}

fn judge(claim: &Claim, r: &Read) -> Stance {
    if !r.names_here {
        return Stance::Mentions;
    }
    let flipped = r.negated != claim.negated || r.opposite;
    if r.coverage >= SUPPORT_COVERAGE && !flipped && !r.universal_unstated {
        Stance::Supports
    } else if r.coverage >= CONTRADICT_COVERAGE && flipped {
        Stance::Contradicts
    } else {
        Stance::Mentions
    }
}

fn distinct(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        if !out.contains(w) {
            out.push(w.clone());
        }
    }
    out
}

/// How a passage (`text`, at byte `base` of the page) states the claim.
fn read(claim: &Claim, words: &[String], weights: &[f64], total: f64, text: &str, base: usize) -> Read {
    let toks = text::tokens(text);
    let stems: Vec<String> = toks.iter().map(|t| text::stem(&t.form)).collect();
    let mut covered = 0.0;
    let mut matched: Vec<usize> = Vec::new();
    let mut opposite = false;
    for (w, x) in words.iter().zip(weights) {
        if let Some(i) = stems.iter().position(|s| text::same_word(s, w)) {
            covered += x;
            matched.push(i);
        } else if let Some(i) = stems.iter().position(|s| lexicon::opposite(w, s)) {
            // "held" where the claim says "released": the passage speaks of the same thing, the other way.
            covered += x;
            matched.push(i);
            opposite = true;
        }
    }
    // "more than enough" where the passage says "almost enough": the same words, the other side of the mark.
    let claim_words = text::words(claim.body_text());
    let passage_words = text::words(text);
    if let (Some(c), Some(p)) = (lexicon::degree(&claim_words), lexicon::degree(&passage_words)) {
        opposite |= c != p;
    }
    // "in every area" is not stated by a passage that says it of some.
    let universal_unstated =
        claim_words.iter().any(|w| lexicon::is_universal(w)) && !passage_words.iter().any(|w| lexicon::is_universal(w));
    let names_here = claim.names.iter().all(|n| {
        toks.iter().any(|t| same_name(n, t.form.trim_end_matches("'s")))
            || claim.initials_of(n).is_some_and(|a| toks.iter().any(|t| t.form == a))
    });
    // Polarity where the claim's words are: a negation is read only when one of the claim's words follows it closely
    // ("pleaded not guilty", "didn't see Holcomb"), not when it negates something else ("did not find the girl").
    let negated = toks.iter().enumerate().any(|(i, t)| {
        (lexicon::is_negation(&t.form) || t.form.ends_with("n't"))
            && matched.iter().any(|&m| m > i && m <= i + NEGATION_REACH)
    });
    Read {
        start: base,
        end: base + text.len(),
        coverage: covered / total,
        names_here,
        negated,
        opposite,
        universal_unstated,
    }
}
