//! Corrections on a page: a figure the page (or a speaker) says was wrong, and the figure given in its place.
//!
//! What it is for: a live blog that keeps the wrong post ("18,400 passengers … Update: the figure in this post was
//! wrong") beside its correction ("our 13:25 post said 18,400 … That was wrong. The airport's figure was 14,800"),
//! and a minister who corrects herself at the end of an interview. The corrected figure is what the page states;
//! the superseded one is what it retracts. What it is not: a running count — a later, larger count is an update,
//! not a correction, and alignment already prefers the statement that matches the claim best.
//!
//! The key decision: a correction is found by general cues (`CUES`), inside one block: the figure reported in it
//! ("said 18,400", "I said … 9,000") is superseded, the next figure of the same kind after it is the correction.
//! Elsewhere on the page, a figure with the superseded value whose frame shares most words with the superseded
//! statement is the retracted statement itself and is superseded too. The corrected figure takes the superseded
//! statement's frame (what it measured, whose), since "The airport's figure was 14,800" names neither.

use super::frames::Figure;
use super::index::PageIndex;
use crate::extract::Document;
use crate::text;

/// Words and phrases (folded, word by word) that say a block corrects an earlier figure.
#[rustfmt::skip]
const CUES: &[&[&str]] = &[
    &["correction"], &["corrected"], &["correct", "something"], &["was", "wrong"], &["were", "wrong"],
    &["was", "incorrect"], &["incorrectly"], &["in", "error"], &["should", "have", "said"], &["misstated"],
    &["earlier", "version"], &["rectificatif"], &["erratum"], &["korrektur"], &["berichtigung"],
];

/// Reported-speech words that mark the figure a correction retracts ("our post said 18,400", "I said … 9,000").
const REPORTED: &[&str] = &["said", "stated", "reported", "gave", "wrote", "put"];

/// Share of a superseded statement's words that another figure with the same value must share to be the same
/// retracted statement: more than half, so "Nine thousand is our target" is not the retracted "recruited 9,000
/// extra staff" (it shares none of its words).
const SAME_STATEMENT_SHARE: f64 = 0.5;

/// One correction: which figures it retracts and the figure it gives instead.
#[derive(Debug, Clone)]
pub struct Correction {
    /// (unit, figure index) of each retracted figure.
    pub superseded: Vec<(usize, usize)>,
    /// (unit, figure index) of the corrected figure.
    pub corrected: (usize, usize),
}

/// Every correction on the page.
pub fn find(doc: &Document, index: &PageIndex, figures: &[Vec<Figure>]) -> Vec<Correction> {
    let mut out = Vec::new();
    let mut blocks_read: Vec<usize> = Vec::new();
    for unit in &index.units {
        let words = text::words(&doc.text[unit.start..unit.end]);
        if blocks_read.contains(&unit.block) || !CUES.iter().any(|cue| holds(&words, cue)) {
            continue;
        }
        blocks_read.push(unit.block);
        // The block of the cue: its units in order.
        let block_units: Vec<usize> = (0..index.units.len())
            .filter(|&v| index.units[v].block == unit.block)
            .collect();
        let in_block: Vec<(usize, usize)> = block_units
            .iter()
            .flat_map(|&v| (0..figures[v].len()).map(move |i| (v, i)))
            .collect();
        let Some(pos) = in_block.iter().position(|&(v, i)| reported(doc, &figures[v][i])) else {
            continue;
        };
        let (sv, si) = in_block[pos];
        let old = &figures[sv][si];
        let Some(&(cv, ci)) = in_block[pos + 1..].iter().find(|&&(v, i)| {
            let f = &figures[v][i];
            f.q.unit == old.q.unit && (f.q.value - old.q.value).abs() > f64::EPSILON && v > sv
        }) else {
            continue;
        };
        let mut superseded = vec![(sv, si)];
        for (v, list) in figures.iter().enumerate() {
            for (i, f) in list.iter().enumerate() {
                if (v, i) == (sv, si) || (v, i) == (cv, ci) || f.q.unit != old.q.unit {
                    continue;
                }
                if (f.q.value - old.q.value).abs() <= f64::EPSILON * old.q.value.abs().max(1.0)
                    && shared(old, f) > SAME_STATEMENT_SHARE
                {
                    superseded.push((v, i));
                }
            }
        }
        out.push(Correction {
            superseded,
            corrected: (cv, ci),
        });
    }
    out
}

fn holds(words: &[String], cue: &[&str]) -> bool {
    words.windows(cue.len()).any(|w| w.iter().zip(cue).all(|(a, b)| a == b))
}

/// A figure reported as said earlier: a reported-speech word stands in its segment before it.
fn reported(doc: &Document, f: &Figure) -> bool {
    let before = &doc.text[f.seg.0..f.q.start.max(f.seg.0)];
    text::words(before).iter().any(|w| REPORTED.contains(&w.as_str()))
}

/// Share of `a`'s words that `b`'s frame holds.
fn shared(a: &Figure, b: &Figure) -> f64 {
    if a.words.is_empty() {
        return 0.0;
    }
    let n = a.words.iter().filter(|w| b.has_word(w)).count();
    n as f64 / a.words.len() as f64
}

/// Applies corrections to the page's figures: retracted ones are marked, and each correction's figure is added, with
/// the retracted statement's frame, to the unit that holds it.
pub fn apply(figures: &mut [Vec<Figure>], corrections: &[Correction]) {
    for c in corrections {
        let Some(&(sv, si)) = c.superseded.first() else {
            continue;
        };
        let old = figures[sv][si].clone();
        for &(v, i) in &c.superseded {
            figures[v][i].superseded = true;
        }
        let (cv, ci) = c.corrected;
        let mut new = figures[cv][ci].clone();
        for w in old.words.iter().chain(&old.head) {
            if !new.words.contains(w) {
                new.words.push(w.clone());
            }
            if !new.near.contains(w) {
                new.near.push(w.clone());
            }
        }
        new.words.sort();
        new.near.sort();
        for n in &old.names {
            if !new.names.contains(n) {
                new.names.push(n.clone());
            }
        }
        new.names.sort();
        if new.head.is_empty() {
            new.head.clone_from(&old.head);
        }
        new.q.counts = new.q.counts.or(old.q.counts.clone());
        new.correction = true;
        figures[cv].push(new);
    }
}

#[cfg(test)]
mod tests {
    use super::super::Analysis;
    use crate::extract::{BlockKind, Document, Metadata};

    fn page() -> Document {
        Document::from_blocks(
            Metadata::default(),
            [
                (BlockKind::Paragraph, "Correction: our 13:25 post said 18,400 passengers had been affected by cancellations by lunchtime. That was wrong. The airport's figure was 14,800. We apologise for the mistake."),
                (BlockKind::Paragraph, "The number of cancelled flights has now risen to 188, the airport says."),
                (BlockKind::Paragraph, "The airport says 18,400 passengers had been affected by cancellations by lunchtime."),
            ],
        )
    }

    #[test]
    fn a_correction_supersedes_the_figure_it_retracts_everywhere_on_the_page() {
        let doc = page();
        let a = Analysis::new(&doc);
        let figures = a.figures(&doc);
        let found = a.corrections(&doc);
        assert_eq!(found.len(), 1);
        let (cu, _) = found[0].corrected;
        let text = &doc.text[a.index.units[cu].start..a.index.units[cu].end];
        assert_eq!(text, "The airport's figure was 14,800.");
        let retracted: Vec<&str> = figures
            .iter()
            .flatten()
            .filter(|f| f.superseded)
            .map(|f| f.q.text.as_str())
            .collect();
        assert_eq!(retracted, ["18,400 passengers", "18,400 passengers"]);
        let corrected = figures[cu]
            .iter()
            .find(|f| f.correction)
            .expect("the corrected figure with the retracted frame");
        assert_eq!(corrected.q.counts.as_deref(), Some("passenger"));
        assert!(corrected.has_word("lunchtim") || corrected.has_word("lunchtime"));
    }
}
