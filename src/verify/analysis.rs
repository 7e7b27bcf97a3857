//! What the verifier knows of one page snapshot, worked out once and kept with it: the retrieval index, every
//! figure with its frame, the page's corrections, and its quotations.
//!
//! A batch of a thousand claims over the same pages pays for this once per page; each claim then asks the index
//! for a few units and reads only their figures.

use std::sync::OnceLock;

use super::corrections::{self, Correction};
use super::frames::{self, Figure};
use super::index::PageIndex;
use super::records;
use crate::extract::{BlockKind, Document};
use crate::quantity::{self, Context};
use crate::quote::{self, Quotation};
use crate::text;

/// A page's index, figures, corrections and quotations.
#[derive(Debug, Default)]
pub struct Analysis {
    pub index: PageIndex,
    figures: OnceLock<Vec<Vec<Figure>>>,
    corrections: OnceLock<Vec<Correction>>,
    quotes: OnceLock<Vec<Quotation>>,
    topic: OnceLock<Vec<String>>,
}

impl Analysis {
    pub fn new(doc: &Document) -> Self {
        Analysis {
            index: PageIndex::new(doc),
            ..Analysis::default()
        }
    }

    /// The quantity engine's context for this page: its date resolves "last year", its language its numbers.
    pub fn context(doc: &Document) -> Context {
        Context {
            published: doc.published_date(),
            lang: doc.meta.language.as_deref().and_then(quantity::Lang::from_tag),
        }
    }

    /// Whether a capitalised word with this stem opening a sentence is a common word on this page, not a name:
    /// the page never writes it capitalised inside a sentence.
    pub fn common(&self, stem: &str) -> bool {
        !self.index.writes_mid_capital(stem)
    }

    /// The figures of every unit, with their frames, found on first use.
    pub fn figures(&self, doc: &Document) -> &[Vec<Figure>] {
        self.figures.get_or_init(|| {
            let mut figures = self.raw_figures(doc);
            let found = corrections::find(doc, &self.index, &figures);
            for c in &found {
                let (cu, ci) = c.corrected;
                tracing::debug!(corrected = %figures[cu][ci].q.text, superseded = ?c.superseded.iter().map(|&(u, i)| figures[u][i].q.text.clone()).collect::<Vec<_>>(), "correction");
            }
            corrections::apply(&mut figures, &found);
            let _ = self.corrections.set(found);
            figures
        })
    }

    fn raw_figures(&self, doc: &Document) -> Vec<Vec<Figure>> {
        let mut figures = self.unit_figures(doc);
        for (u, list) in figures.iter_mut().enumerate() {
            if list.is_empty() {
                continue;
            }
            let record_like =
                self.index.units[u].record || doc.blocks[self.index.units[u].block].kind == BlockKind::ListItem;
            // A lead-in names what a list or table is about, but less surely than a cell's own header: it counts
            // as a sentence before does; the antecedent of "it" counts fully.
            let (context, nearby) = if record_like {
                (Vec::new(), self.context_words(doc, u))
            } else {
                (self.context_words(doc, u), self.nearby_words(doc, u))
            };
            for f in list {
                f.context.clone_from(&context);
                f.nearby.clone_from(&nearby);
            }
        }
        figures
    }

    /// What a unit continues, as stems and folded names: a list item's or table row's lead-in (the paragraph or
    /// heading before the list), or the sentence before one that opens with a word pointing back ("In January, it
    /// reached 90.9 per cent", "The figure so far is 6,900").
    fn context_words(&self, doc: &Document, u: usize) -> Vec<String> {
        let units = &self.index.units;
        let unit = units[u];
        let kind = doc.blocks[unit.block].kind;
        let mut spans: Vec<(usize, usize)> = Vec::new();
        if unit.record || kind == BlockKind::ListItem {
            let lead = doc.blocks[..unit.block].iter().rev().take(40).find(|b| {
                !matches!(
                    b.kind,
                    BlockKind::ListItem | BlockKind::TableRow | BlockKind::Preformatted
                )
            });
            spans.extend(lead.map(|b| (b.start, b.end)));
            if lead.is_some_and(|b| b.kind != BlockKind::Heading) {
                spans.extend(self.heading_of(doc, u));
            }
        } else if u > 0 && points_back(&doc.text[unit.start..unit.end]) {
            let prev = units[u - 1];
            if prev.block + 1 >= unit.block && !prev.record {
                spans.push((prev.start, prev.end));
            }
        }
        let mut out: Vec<String> = Vec::new();
        for (s, e) in spans {
            for t in text::tokens(&doc.text[s..e]) {
                if text::is_content(&t.form) && !text::lexicon::is_calendar(&t.form) {
                    out.push(text::stem(&t.form));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Stems of the prose sentence before a prose unit, in its block or the block before.
    fn nearby_words(&self, doc: &Document, u: usize) -> Vec<String> {
        let units = &self.index.units;
        if u == 0 || units[u].record || units[u - 1].record || units[u - 1].block + 1 < units[u].block {
            return Vec::new();
        }
        let prev = units[u - 1];
        let mut out = text::content_words(&doc.text[prev.start..prev.end]);
        out.sort();
        out.dedup();
        out
    }

    fn unit_figures(&self, doc: &Document) -> Vec<Vec<Figure>> {
        {
            let ctx = Self::context(doc);
            let common = |w: &str| self.common(w);
            self.index
                .units
                .iter()
                .enumerate()
                .map(|(u, unit)| {
                    let span = &doc.text[unit.start..unit.end];
                    let kind = doc.blocks[unit.block].kind;
                    if unit.record && matches!(kind, BlockKind::TableRow) || looks_like_row(span) {
                        records::cells(span, unit.start, u, &ctx, &common)
                    } else {
                        let mut qs = quantity::extract(span, &ctx);
                        for q in &mut qs {
                            q.start += unit.start;
                            q.end += unit.start;
                        }
                        frames::prose(span, unit.start, u, &qs, &common)
                    }
                })
                .collect()
        }
    }

    /// The page's corrections (a figure it says was wrong, and the one it gives instead).
    pub fn corrections(&self, doc: &Document) -> &[Correction] {
        self.figures(doc);
        self.corrections.get().map_or(&[], Vec::as_slice)
    }

    /// Names of the page's own subject: those in its title and its first two blocks (the headline and the lead).
    pub fn topic(&self, doc: &Document) -> &[String] {
        self.topic.get_or_init(|| {
            let mut spans: Vec<&str> = doc.meta.title.iter().map(String::as_str).collect();
            spans.extend(doc.blocks.iter().take(2).map(|b| doc.block_text(b)));
            let mut out: Vec<String> = Vec::new();
            for span in spans {
                let toks = text::tokens(span);
                for (i, t) in toks.iter().enumerate() {
                    if frames::is_name(t, frames::opens(span, &toks, i), &|w| self.common(w)) {
                        out.push(t.form.trim_end_matches("'s").to_string());
                    }
                }
            }
            out.sort();
            out.dedup();
            out
        })
    }

    /// The page's quotations with their speakers, found on first use.
    pub fn quotes(&self, doc: &Document) -> &[Quotation] {
        self.quotes.get_or_init(|| quote::quotations(doc))
    }

    /// The heading above a unit, if its block has one before it in the page.
    pub fn heading_of(&self, doc: &Document, unit: usize) -> Option<(usize, usize)> {
        let block = self.index.units[unit].block;
        doc.blocks[..block]
            .iter()
            .rev()
            .take(12)
            .find(|b| b.kind == BlockKind::Heading)
            .map(|b| (b.start, b.end))
    }
}

/// Words that open a sentence continuing the one before: a pronoun, or a noun phrase that refers back.
#[rustfmt::skip]
const POINTING_BACK: &[&str] = &[
    "it", "this", "that", "they", "these", "those", "which", "he", "she", "its", "their", "there", "the figure",
    "the number", "the rate", "the total", "the share", "the figure so far", "that figure", "this figure", "il",
    "elle", "ils", "cela", "es", "sie", "dies",
];

/// Whether a unit opens with a word pointing back, or is too short to say what it measures on its own.
pub(super) fn points_back(unit: &str) -> bool {
    let words = text::words(unit);
    let lead: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| {
            // an opening adverbial ("In January, it reached …") comes before the subject
            matches!(*w, "in" | "by" | "on" | "at" | "so" | "far" | "now" | "then" | "still")
                || text::lexicon::is_calendar(w)
                || w.chars().all(|c| c.is_ascii_digit())
        })
        .take(4)
        .collect();
    let opening = lead.join(" ");
    POINTING_BACK
        .iter()
        .any(|p| opening == *p || opening.starts_with(&format!("{p} ")))
        || words.iter().filter(|w| text::is_content(w)).count() < 3
}

/// A line written as cells ("Key; Header: value; Header: value") even outside a table.
fn looks_like_row(span: &str) -> bool {
    let cells = span.split("; ").count();
    cells >= 3 && span.matches(": ").count() + 1 >= cells && !span.contains(". ") && text::words(span).len() < 120
}
