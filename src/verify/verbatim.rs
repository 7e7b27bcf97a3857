//! A claim the page states word for word: the sentence is quoted, or copied with a figure changed.
//!
//! What it is for: a claim that repeats a passage ("Problematic cannabis use rose by 37 percent, from 0.90 percent
//! to 1.23 percent, after …") needs no reading of frames to know which of the passage's figures each of its own
//! is: the words around them are the same words, in the same order. Aligning the two word sequences pairs every
//! figure with the one in its place, and the values decide: all equal supports, one different contradicts.
//!
//! The key decisions:
//! - Words are compared as written (folded), each figure as one slot; the longest common subsequence gives the
//!   pairs. The claim is verbatim when `VERBATIM_SHARE` of its tokens are matched in order, as densely in the
//!   passage (the matched stretch holds few other words), and it has at least
//!   `VERBATIM_MIN_TOKENS` (a short claim is a phrase, and a phrase repeats on any page).
//! - Labels count here ("Fortune 500"): in a copied sentence, a label with another number is another thing.
//! - It decides nothing when it cannot be sure: a figure of the claim left unpaired, two paired figures of
//!   different kinds, a negation or an opposite only on one side, or a paired figure the page retracts. The frame
//!   reading then decides as for any claim.

use super::claim::Claim;
use super::figures::Finding;
use super::frames::Figure;
use super::index::Hit;
use super::ReadPage;
use crate::model::{Difference, MatchedQuantity, Stance};
use crate::quantity::{self, Quantity};
use crate::text::{self, lexicon};

/// Share of the claim's tokens (words and figure slots) that must stand, in order, in the passage.
pub const VERBATIM_SHARE: f64 = 0.8;
/// Fewest tokens a claim needs to be read as a copied sentence.
pub const VERBATIM_MIN_TOKENS: usize = 8;
/// Most tokens of a claim read as a copied sentence, and of a passage it is looked for in: the alignment costs
/// their product, so a paragraph-long claim or a table-sized unit is left to the frame reading.
const MAX_CLAIM_TOKENS: usize = 200;
const MAX_PASSAGE_TOKENS: usize = 1_500;
/// Units read around each retrieved one: a copied sentence may run over the page's own sentence breaks.
const WINDOW: usize = 1;

/// One token of a word sequence: a folded word, or the figure at an index.
#[derive(Debug, Clone, PartialEq)]
enum Slot {
    Word(String),
    Figure(usize),
}

/// A text as slots, with each slot's byte range.
fn slots(text: &str, base: usize, figures: &[(usize, usize)]) -> Vec<(Slot, usize, usize)> {
    let mut out: Vec<(Slot, usize, usize)> = Vec::new();
    for t in text::tokens(text) {
        let (s, e) = (base + t.start, base + t.end);
        match figures.iter().position(|&(fs, fe)| s < fe && e > fs) {
            Some(f) => {
                if !matches!(out.last(), Some((Slot::Figure(g), _, _)) if *g == f) {
                    out.push((Slot::Figure(f), s, e));
                } else if let Some(last) = out.last_mut() {
                    last.2 = e;
                }
            }
            None => out.push((Slot::Word(t.form), s, e)),
        }
    }
    out
}

/// The pairs (claim index, passage index) of a longest common subsequence, figure slots matching each other.
fn align(a: &[(Slot, usize, usize)], b: &[(Slot, usize, usize)]) -> Vec<(usize, usize)> {
    let same = |x: &Slot, y: &Slot| match (x, y) {
        (Slot::Word(p), Slot::Word(q)) => p == q,
        (Slot::Figure(_), Slot::Figure(_)) => true,
        _ => false,
    };
    let (n, m) = (a.len(), b.len());
    let mut dp = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[at(i, j)] = if same(&a[i].0, &b[j].0) {
                dp[at(i + 1, j + 1)] + 1
            } else {
                dp[at(i + 1, j)].max(dp[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n && j < m {
        if same(&a[i].0, &b[j].0) && dp[at(i, j)] == dp[at(i + 1, j + 1)] + 1 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if dp[at(i + 1, j)] >= dp[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

fn polar(s: &Slot) -> bool {
    matches!(s, Slot::Word(w) if lexicon::is_negation(w) || w.ends_with("n't"))
}

/// Whether a claim figure and the passage figure in its place say the same.
fn agree(c: &Quantity, s: &Quantity) -> bool {
    if c.is_label() || s.is_label() {
        quantity::labels_align(c, s)
    } else {
        quantity::agrees(c, s)
    }
}

/// The stance of a page that states the claim word for word; `None` when no passage does, or it cannot decide.
pub fn assess(claim: &Claim, page: &ReadPage, hits: &[Hit]) -> Option<Finding> {
    let body = claim.body_text();
    let claimed: Vec<Quantity> = quantity::extract(body, &Claim::context(body));
    let claim_spans: Vec<(usize, usize)> = claimed.iter().map(|q| (q.start, q.end)).collect();
    let cs = slots(body, 0, &claim_spans);
    if cs.len() < VERBATIM_MIN_TOKENS || cs.len() > MAX_CLAIM_TOKENS || claimed.is_empty() {
        return None;
    }
    let analysis = page.analysis();
    let index = &analysis.index;
    let figures = analysis.figures(&page.doc);
    let text = page.doc.text.as_str();
    let mut tried: Vec<(usize, usize)> = Vec::new();
    for h in hits {
        let lo = h.unit.saturating_sub(WINDOW);
        let hi = (h.unit + WINDOW).min(index.units.len() - 1);
        // neighbours only from the same block or the next
        let lo = (lo..=h.unit)
            .find(|&u| index.units[u].block + 1 >= index.units[h.unit].block)
            .unwrap_or(h.unit);
        let hi = (h.unit..=hi)
            .rev()
            .find(|&u| index.units[h.unit].block + 1 >= index.units[u].block)
            .unwrap_or(h.unit);
        if tried.contains(&(lo, hi)) {
            continue;
        }
        tried.push((lo, hi));
        let (start, end) = (index.units[lo].start, index.units[hi].end);
        let found: Vec<&Figure> = (lo..=hi).flat_map(|u| figures[u].iter()).collect();
        let spans: Vec<(usize, usize)> = found.iter().map(|f| (f.q.start, f.q.end)).collect();
        let ps = slots(&text[start..end], start, &spans);
        if ps.len() > MAX_PASSAGE_TOKENS {
            continue;
        }
        let pairs = align(&cs, &ps);
        if !dense(&pairs, cs.len()) {
            continue;
        }
        return decide(&cs, &ps, &pairs, &claimed, &found, index, h.unit);
    }
    None
}

/// Whether `passage` holds `claim` word for word (numbers as written), by the same measure as a figure claim.
pub fn states(claim: &str, passage: &str) -> bool {
    let cs = slots(claim, 0, &[]);
    let ps = slots(passage, 0, &[]);
    if cs.len() > MAX_CLAIM_TOKENS || ps.len() > MAX_PASSAGE_TOKENS {
        return false;
    }
    let pairs = align(&cs, &ps);
    // every number of the claim among the words paired: one changed number is the one word that matters
    let numbers_paired = cs.iter().enumerate().all(|(i, (s, _, _))| {
        let number = matches!(s, Slot::Word(w) if w.chars().any(|c| c.is_ascii_digit()) || lexicon::is_number_word(w));
        !number || pairs.iter().any(|p| p.0 == i)
    });
    cs.len() >= VERBATIM_MIN_TOKENS && numbers_paired && dense(&pairs, cs.len())
}

/// Most of the claim's `n` tokens paired, in order, and close together in the passage: not words gathered from
/// three sentences.
fn dense(pairs: &[(usize, usize)], n: usize) -> bool {
    let spread = pairs.last().map_or(0, |l| l.1 + 1) - pairs.first().map_or(0, |f| f.1);
    let share = pairs.len() as f64;
    share >= VERBATIM_SHARE * n as f64 && share >= VERBATIM_SHARE * spread as f64
}

/// The stance of a verbatim passage, from its paired figures.
fn decide(
    cs: &[(Slot, usize, usize)],
    ps: &[(Slot, usize, usize)],
    pairs: &[(usize, usize)],
    claimed: &[Quantity],
    found: &[&Figure],
    index: &super::index::PageIndex,
    hit: usize,
) -> Option<Finding> {
    let (first, last) = (pairs.first()?.1, pairs.last()?.1);
    let matched_c: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    let matched_p: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    // A negation on one side only turns the statement over.
    let claim_polar = cs
        .iter()
        .enumerate()
        .any(|(i, s)| polar(&s.0) && !matched_c.contains(&i));
    let page_polar = (first..=last).any(|j| polar(&ps[j].0) && !matched_p.contains(&j));
    let opposite = cs.iter().enumerate().any(|(i, (s, _, _))| {
        !matched_c.contains(&i)
            && matches!(s, Slot::Word(w) if (first..=last).any(|j| matches!(&ps[j].0, Slot::Word(x) if lexicon::opposite(w, x))))
    });
    if claim_polar || page_polar || opposite {
        return None;
    }
    let mut matched = Vec::new();
    let mut differences = Vec::new();
    let mut paired = 0;
    for &(i, j) in pairs {
        let (Slot::Figure(ci), Slot::Figure(pj)) = (&cs[i].0, &ps[j].0) else {
            continue;
        };
        let (c, s) = (&claimed[*ci], found[*pj]);
        if s.superseded || c.unit.dimension() != s.q.unit.dimension() {
            return None;
        }
        paired += 1;
        let agrees = agree(c, &s.q);
        matched.push(MatchedQuantity {
            claim: c.text.clone(),
            source: s.q.text.clone(),
            agree: agrees,
        });
        if !agrees {
            differences.push(Difference {
                claim: c.text.clone(),
                source: s.q.text.clone(),
            });
        }
    }
    if paired < claimed.len() {
        return None;
    }
    let (start, end) = (ps[first].1, ps[last].2);
    let unit_of = |pos: usize| index.unit_at(pos).unwrap_or(hit);
    let (start, end) = (
        index.units[unit_of(start)].start,
        index.units[unit_of(end.saturating_sub(1))].end,
    );
    Some(Finding {
        stance: if differences.is_empty() {
            Stance::Supports
        } else {
            Stance::Contradicts
        },
        start,
        end,
        similarity: pairs.len() as f64 / cs.len() as f64,
        matched,
        differences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(Slot, usize, usize)> {
        let spans: Vec<(usize, usize)> = quantity::extract(text, &quantity::Context::default())
            .iter()
            .map(|q| (q.start, q.end))
            .collect();
        slots(text, 0, &spans)
    }

    #[test]
    fn a_figure_is_one_slot_and_slots_pair_whatever_their_values() {
        let a = words("Cannabis use rose by 37 percent after legalization");
        let b = words("Problematic cannabis use rose by 55 percent after legalization in Canada");
        assert_eq!(a.iter().filter(|s| matches!(s.0, Slot::Figure(_))).count(), 1);
        let pairs = align(&a, &b);
        assert_eq!(pairs.len(), a.len());
        assert!(pairs
            .iter()
            .any(|&(i, j)| matches!((&a[i].0, &b[j].0), (Slot::Figure(_), Slot::Figure(_)))));
    }

    #[test]
    fn a_negation_on_one_side_is_a_polar_word() {
        assert!(polar(&Slot::Word("not".into())));
        assert!(polar(&Slot::Word("didn't".into())));
        assert!(!polar(&Slot::Word("knot".into())));
    }
}
