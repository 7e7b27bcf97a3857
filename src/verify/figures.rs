//! Stance of one source on a claim with figures: retrieve the units that bear on the claim, align each claim
//! figure with the source figure that states the same thing, and decide.
//!
//! - contradicts: some claim figure is aligned with a source figure that disagrees (another value, the opposite
//!   direction, percent for percentage points, a retracted figure's correction);
//! - supports: every claim figure is aligned with a source figure that agrees, with the same polarity;
//! - otherwise the source only mentions the subject, or says nothing of it.

use super::align::{self, Alignment};
use super::claim::Claim;
use super::frames::Figure;
use super::index::Hit;
use super::ReadPage;
use crate::model::{Difference, MatchedQuantity, Stance};

/// Units retrieved per claim and page before alignment: enough that the statement of the claimed measure is among
/// them on a long page, few enough that an unrelated figure is rarely a candidate.
pub const TOP_UNITS: usize = 12;

/// Below this share of the claim's rarity-weighted terms, a unit is not about the claim at all, not even a mention.
pub const MENTION_COVERAGE: f64 = 0.3;

/// What one source says of a claim: the deciding passage (a byte range of the page text), how, and the figures.
#[derive(Debug, Clone)]
pub struct Finding {
    pub stance: Stance,
    pub start: usize,
    pub end: usize,
    pub similarity: f64,
    pub matched: Vec<MatchedQuantity>,
    pub differences: Vec<Difference>,
}

/// The units to read for a claim: the retrieved ones, their neighbours in the same block, and the unit of the
/// correction of any figure they hold that the page retracts.
pub fn candidate_units(page: &ReadPage, hits: &[Hit]) -> Vec<usize> {
    let analysis = page.analysis();
    let units = &analysis.index.units;
    let mut out: Vec<usize> = Vec::new();
    for h in hits {
        for u in [h.unit.checked_sub(1), Some(h.unit), Some(h.unit + 1)]
            .into_iter()
            .flatten()
        {
            let same_block = units.get(u).is_some_and(|x| x.block == units[h.unit].block);
            if same_block && !out.contains(&u) {
                out.push(u);
            }
        }
    }
    for c in analysis.corrections(&page.doc) {
        if c.superseded.iter().any(|(u, _)| out.contains(u)) && !out.contains(&c.corrected.0) {
            out.push(c.corrected.0);
        }
    }
    out
}

/// The stance of one page on a claim with figures; `None` when nothing on it bears on the claim.
pub fn assess(claim: &Claim, page: &ReadPage) -> Option<Finding> {
    let analysis = page.analysis();
    let index = &analysis.index;
    let hits = index.search(&claim.terms, TOP_UNITS);
    let first = *hits.first()?;
    let figures = analysis.figures(&page.doc);
    let units = candidate_units(page, &hits);
    tracing::debug!(units = ?units.iter().map(|&u| &page.doc.text[index.units[u].start..index.units[u].end.min(index.units[u].start + 40)]).collect::<Vec<_>>(), "candidates");
    let candidates: Vec<&Figure> = units.iter().flat_map(|&u| figures[u].iter()).collect();
    let doc_text = page.doc.text.as_str();
    let view = align::Page {
        figures,
        index,
        text: doc_text,
        topic: analysis.topic(&page.doc),
    };
    let unit_text = |u: usize| &doc_text[index.units[u].start..index.units[u].end];
    let aligned: Vec<Option<Alignment<'_>>> = claim
        .figures
        .iter()
        .map(|c| align::best(claim, c, &candidates, &view))
        .collect();
    for (c, a) in claim.figures.iter().zip(&aligned) {
        tracing::debug!(
            claim = %c.q.text, head = ?c.head, words = ?c.words, names = ?c.names,
            source = ?a.as_ref().map(|a| (&a.source.q.text, &a.source.head, &a.source.names, a.coverage, a.why, a.agree)),
            unit = ?a.as_ref().map(|a| unit_text(a.source.unit)),
            "aligned"
        );
    }
    let mut matched = Vec::new();
    let mut differences = Vec::new();
    for (c, a) in claim.figures.iter().zip(&aligned) {
        let Some(a) = a.as_ref().filter(|a| a.decisive) else {
            continue;
        };
        matched.push(MatchedQuantity {
            claim: c.q.text.clone(),
            source: a.source.q.text.clone(),
            agree: a.agree,
        });
        if !a.agree {
            differences.push(Difference {
                claim: c.q.text.clone(),
                source: a.source.q.text.clone(),
            });
        }
    }
    let unit_span = |u: usize| (index.units[u].start, index.units[u].end);
    if let Some(a) = aligned.iter().flatten().find(|a| a.decisive && !a.agree) {
        let (start, end) = unit_span(a.source.unit);
        return Some(Finding {
            stance: Stance::Contradicts,
            start,
            end,
            similarity: a.coverage,
            matched,
            differences,
        });
    }
    let all_agree = !claim.figures.is_empty()
        && claim.figures.iter().zip(&aligned).all(|(c, a)| {
            a.as_ref()
                .is_some_and(|a| a.decisive && a.agree && a.source.negated == c.negated)
        });
    let names_on_page = claim.names.iter().all(|n| index.has_form(n));
    if all_agree && names_on_page {
        let units: Vec<usize> = aligned.iter().flatten().map(|a| a.source.unit).collect();
        let (lo, hi) = (units.iter().min().copied()?, units.iter().max().copied()?);
        let (start, end) = if hi - lo <= 2 && index.units[lo].block + 1 >= index.units[hi].block {
            (unit_span(lo).0, unit_span(hi).1)
        } else {
            unit_span(units[0])
        };
        let similarity = aligned.iter().flatten().map(|a| a.coverage).sum::<f64>() / aligned.len().max(1) as f64;
        return Some(Finding {
            stance: Stance::Supports,
            start,
            end,
            similarity,
            matched,
            differences,
        });
    }
    if first.coverage < MENTION_COVERAGE {
        return None;
    }
    // A mention: the aligned figure's unit if there is one, else the best-ranked unit.
    let u = aligned.iter().flatten().next().map_or(first.unit, |a| a.source.unit);
    let (start, end) = unit_span(u);
    Some(Finding {
        stance: Stance::Mentions,
        start,
        end,
        similarity: first.coverage,
        matched,
        differences,
    })
}
