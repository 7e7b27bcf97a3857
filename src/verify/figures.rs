//! Stance of one source on a claim of fact (figures, or plain statements): the best passage and what it says.
//!
//! A passage decides only when it is about the claim (weighted coverage at or above `DECISIVE_COVERAGE`). Then a
//! paired figure that disagrees contradicts; every claim figure paired and agreeing supports; anything less only
//! mentions. A claim without figures is supported only by a near-verbatim passage with the same polarity — there
//! is nothing to contradict it with, so it never contradicts.

use crate::model::{MatchedQuantity, Stance};
use crate::quantity::{self, Quantity};
use crate::text;

use super::passages::{Analysis, ClaimWords, Window};
use crate::extract::Document;

/// Below this a passage is not about the claim at all.
pub const MENTION_COVERAGE: f64 = 0.30;
/// At or above this a passage is about the claim, so its figures can support or contradict it.
pub const DECISIVE_COVERAGE: f64 = 0.50;
/// A claim without figures needs nearly all its words in one passage.
pub const PLAIN_SUPPORT_COVERAGE: f64 = 0.90;
/// A second sentence must earn its place: a two-sentence window scores a little lower than the same evidence in one.
const TWO_SENTENCE_FACTOR: f64 = 0.97;

/// The claim, prepared once.
pub struct FactClaim {
    pub words: Vec<String>,
    pub quantities: Vec<Quantity>,
    pub negated: bool,
    /// Digits the quantity engine could not read: such a claim is never supported on words alone.
    pub has_digits: bool,
}

impl FactClaim {
    pub fn new(claim: &str) -> Self {
        FactClaim {
            words: text::content_words(claim),
            quantities: quantity::extract(claim, &quantity::Context::default()),
            negated: text::negated(claim),
            has_digits: claim.chars().any(|c| c.is_ascii_digit()),
        }
    }
}

/// What one source says: the passage that decided, how, and the figures paired in it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub stance: Stance,
    pub window: Window,
    pub coverage: f64,
    pub score: f64,
    pub matched: Vec<MatchedQuantity>,
    pub differences: Vec<crate::model::Difference>,
}

struct Scored {
    window: Window,
    coverage: f64,
    score: f64,
    pairs: Vec<quantity::Pairing>,
    source_qs: Vec<Quantity>,
}

/// The best passage of one document for the claim, with its stance; `None` when nothing in it is about the claim.
pub fn assess(claim: &FactClaim, words: &ClaimWords, doc: &Document, analysis: &Analysis) -> Option<Finding> {
    // Figures per sentence are found once per page; a window's figures are its sentences' figures.
    let sentence_qs: &[Vec<Quantity>] = if claim.quantities.is_empty() {
        &[]
    } else {
        analysis.quantities(doc)
    };
    let mut best: Option<Scored> = None;
    for (w, cov) in words.scan(analysis) {
        if cov < MENTION_COVERAGE {
            continue;
        }
        let (pairs, source_qs, figure_share) = if claim.quantities.is_empty() {
            (Vec::new(), Vec::new(), cov)
        } else {
            let source_qs: Vec<Quantity> = sentence_qs[w.first..w.first + w.len]
                .iter()
                .flatten()
                .cloned()
                .collect();
            let pairs = quantity::pair(&claim.quantities, &source_qs);
            let paired = pairs.iter().filter(|p| p.source.is_some()).count();
            (pairs, source_qs, paired as f64 / claim.quantities.len() as f64)
        };
        let mut score = 0.6 * cov + 0.4 * figure_share;
        if w.len == 2 {
            score *= TWO_SENTENCE_FACTOR;
        }
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Scored {
                window: w,
                coverage: cov,
                score,
                pairs,
                source_qs,
            });
        }
    }
    Some(judge(claim, doc, best?))
}

fn judge(claim: &FactClaim, doc: &Document, s: Scored) -> Finding {
    let mut matched = Vec::new();
    let mut differences = Vec::new();
    let (mut agree, mut disagree) = (0, 0);
    for p in &s.pairs {
        let Some(si) = p.source else { continue };
        let (cq, sq) = (&claim.quantities[p.claim], &s.source_qs[si]);
        matched.push(MatchedQuantity {
            claim: cq.text.clone(),
            source: sq.text.clone(),
            agree: p.agree,
        });
        if p.agree {
            agree += 1;
        } else {
            disagree += 1;
            differences.push(crate::model::Difference {
                claim: cq.text.clone(),
                source: sq.text.clone(),
            });
        }
    }
    let about = s.coverage >= DECISIVE_COVERAGE;
    let stance = if claim.quantities.is_empty() {
        let passage = &doc.text[s.window.start..s.window.end];
        if !claim.has_digits && s.coverage >= PLAIN_SUPPORT_COVERAGE && text::negated(passage) == claim.negated {
            Stance::Supports
        } else {
            Stance::Mentions
        }
    } else if about && disagree > 0 {
        Stance::Contradicts
    } else if about && agree == claim.quantities.len() {
        Stance::Supports
    } else {
        Stance::Mentions
    };
    Finding {
        stance,
        window: s.window,
        coverage: s.coverage,
        score: s.score,
        matched,
        differences,
    }
}
