//! Stance of one source on a claim with figures: retrieve the units that bear on the claim, align each claim
//! figure with the source figure that states the same thing, and decide.
//!
//! - contradicts: some claim figure is aligned with a source figure that disagrees (another value, the opposite
//!   direction, percent for percentage points, a retracted figure's correction);
//! - supports: every claim figure is aligned with a source figure that agrees, with the same polarity;
//! - otherwise the source only mentions the subject, or says nothing of it.

use super::align::{self, Alignment};
use super::claim::Claim;
use super::derive;
use super::frames::Figure;
use super::index::Hit;
use super::ReadPage;
use crate::model::{Difference, MatchedQuantity, Stance};
use crate::quantity;

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

/// What the source says of one claim figure: from an aligned figure, or derived from two.
struct Read {
    source: String,
    agree: bool,
    decisive: bool,
    coverage: f64,
    /// Coverage in the figure's own clause (see `Alignment::stated`).
    stated: f64,
    negated: bool,
    /// First and last unit of the evidence.
    units: (usize, usize),
}

impl Read {
    fn aligned(a: &Alignment<'_>) -> Self {
        Read {
            source: a.source.q.text.clone(),
            agree: a.agree,
            decisive: a.decisive,
            coverage: a.coverage,
            stated: a.stated,
            negated: a.source.negated,
            units: (a.source.unit, a.source.unit),
        }
    }

    fn derived(d: &derive::Derived<'_>) -> Self {
        Read {
            source: d.change.text.clone(),
            agree: d.agree,
            decisive: true,
            coverage: d.coverage,
            stated: d.coverage,
            negated: d.from.negated || d.to.negated,
            units: (d.from.unit.min(d.to.unit), d.from.unit.max(d.to.unit)),
        }
    }
}

/// The stance of one page on a claim with figures; `None` when nothing on it bears on the claim.
pub fn assess(claim: &Claim, page: &ReadPage) -> Option<Finding> {
    let dated = claim.dated(page.doc.published_date());
    let claim = dated.as_ref().unwrap_or(claim);
    let analysis = page.analysis();
    let index = &analysis.index;
    let hits = index.search(&claim.terms, TOP_UNITS);
    let first = *hits.first()?;
    // A passage that states the claim word for word decides by the figures in the claim's figures' places.
    if let Some(f) = super::verbatim::assess(claim, page, &hits) {
        return Some(f);
    }
    let figures = analysis.figures(&page.doc);
    let units = candidate_units(page, &hits);
    let candidates: Vec<&Figure> = units.iter().flat_map(|&u| figures[u].iter()).collect();
    let doc_text = page.doc.text.as_str();
    let view = align::Page {
        figures,
        index,
        text: doc_text,
        topic: analysis.topic(&page.doc),
    };
    let unit_text = |u: usize| &doc_text[index.units[u].start..index.units[u].end];
    let read: Vec<Option<Read>> = claim
        .figures
        .iter()
        .map(|c| {
            let a = align::best(claim, c, &candidates, &view);
            tracing::debug!(
                claim = %c.q.text, head = ?c.head, words = ?c.words, names = ?c.names,
                source = ?a.as_ref().map(|a| (&a.source.q.text, &a.source.head, &a.source.names, a.coverage, a.why, a.agree)),
                unit = ?a.as_ref().map(|a| unit_text(a.source.unit)),
                "aligned"
            );
            match a {
                Some(a) if a.decisive => Some(Read::aligned(&a)),
                // A change the page gives only as its two ends: worked out, as a fact-checker would.
                _ if derive::is_change(&c.q) => derive::change(claim, c, &candidates, &view).map(|d| {
                    tracing::debug!(from = %d.from.q.text, to = %d.to.q.text, change = d.change.value, agree = d.agree, "derived");
                    Read::derived(&d)
                }),
                Some(a) => Some(Read::aligned(&a)),
                None => None,
            }
        })
        .collect();
    let mut matched = Vec::new();
    let mut differences = Vec::new();
    for (c, r) in claim.figures.iter().zip(&read) {
        let Some(r) = r.as_ref().filter(|r| r.decisive) else {
            continue;
        };
        matched.push(MatchedQuantity {
            claim: c.q.text.clone(),
            source: r.source.clone(),
            agree: r.agree,
        });
        if !r.agree {
            differences.push(Difference {
                claim: c.q.text.clone(),
                source: r.source.clone(),
            });
        }
    }
    // The claim's labels the evidence names too, shown beside the checked figures.
    let labels_in = |units: (usize, usize)| -> Vec<MatchedQuantity> {
        claim
            .labels
            .iter()
            .filter_map(|c| {
                let s = (units.0..=units.1)
                    .flat_map(|u| figures[u].iter())
                    .find(|s| quantity::labels_align(c, &s.q))?;
                Some(MatchedQuantity {
                    claim: c.text.clone(),
                    source: s.q.text.clone(),
                    agree: true,
                })
            })
            .collect()
    };
    let span = |r: &Read| (index.units[r.units.0].start, index.units[r.units.1].end);
    if let Some(r) = read.iter().flatten().find(|r| r.decisive && !r.agree) {
        let (start, end) = span(r);
        matched.extend(labels_in(r.units));
        return Some(Finding {
            stance: Stance::Contradicts,
            start,
            end,
            similarity: r.coverage,
            matched,
            differences,
        });
    }
    // A claim whose only figures are dates says something happened then: the date agrees only if its own
    // sentence states that too, not the sentence before it.
    let only_dates = claim.figures.iter().all(|c| c.q.unit == "date");
    let all_agree = !claim.figures.is_empty()
        && claim.figures.iter().zip(&read).all(|(c, r)| {
            r.as_ref().is_some_and(|r| {
                r.decisive && r.agree && r.negated == c.negated && (!only_dates || r.stated >= align::MEASURE_MIN)
            })
        });
    let names_on_page = claim.names.iter().all(|n| align::name_on_page(n, index));
    if all_agree && names_on_page {
        let lo = read.iter().flatten().map(|r| r.units.0).min()?;
        let hi = read.iter().flatten().map(|r| r.units.1).max()?;
        let first_read = read.iter().flatten().next()?;
        let (start, end, units) = if hi - lo <= 2 && index.units[lo].block + 1 >= index.units[hi].block {
            (index.units[lo].start, index.units[hi].end, (lo, hi))
        } else {
            let (s, e) = span(first_read);
            (s, e, first_read.units)
        };
        matched.extend(labels_in(units));
        let similarity = read.iter().flatten().map(|r| r.coverage).sum::<f64>() / read.len().max(1) as f64;
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
    let (start, end) = read
        .iter()
        .flatten()
        .next()
        .map_or((index.units[first.unit].start, index.units[first.unit].end), span);
    Some(Finding {
        stance: Stance::Mentions,
        start,
        end,
        similarity: first.coverage,
        matched,
        differences,
    })
}
