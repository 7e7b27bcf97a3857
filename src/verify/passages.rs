//! Candidate passages: one sentence, or two adjacent ones, scored by how much of the claim's subject they carry.
//!
//! "About the claim" is weighted word coverage: each content word of the claim counts by its rarity across the
//! sentences being read (an inverse document frequency), so "rents" or "burglary" decide relevance and "Met" or
//! "London" barely count. Two-sentence windows let a figure in the next sentence ("In January, it reached 90.9 per
//! cent.") join the sentence that names what it measures.
//!
//! The per-document work (sentences, their words as ids into the page's vocabulary, figures, quotations) is done
//! once per page and kept with it ([`Analysis`]), so a batch of a thousand claims over the same pages pays it once.
//! Per claim, each claim word is matched against the vocabulary once, and a sentence becomes a bit mask of the
//! claim words it holds.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::extract::{BlockKind, Document};
use crate::quantity::{self, Quantity};
use crate::quote::{self, Quotation};
use crate::text::{self, Sentence};

/// Claim words beyond this many do not count towards coverage (a claim is a sentence, not an essay).
const MAX_CLAIM_WORDS: usize = 64;

/// A run of one or two adjacent sentences: `doc.text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub len: usize,
    pub start: usize,
    pub end: usize,
}

/// What the matchers need of one document, computed once.
#[derive(Debug, Default)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    /// Whether each sentence's block is running prose (a paragraph or blockquote), which may continue into the next.
    prose: Vec<bool>,
    /// Content words of each sentence, as ids into `vocab`.
    sentence_words: Vec<Vec<u32>>,
    vocab: Vec<String>,
    index: HashMap<String, u32>,
    /// Vocabulary ids by first character, for near-spelling matches.
    by_initial: HashMap<char, Vec<u32>>,
    /// In how many sentences each vocabulary word occurs.
    df: Vec<u32>,
    quantities: OnceLock<Vec<Vec<Quantity>>>,
    quotes: OnceLock<Vec<Quotation>>,
}

impl Analysis {
    pub fn new(doc: &Document) -> Self {
        let sentences = text::sentences(doc);
        let prose = sentences
            .iter()
            .map(|s| {
                doc.blocks
                    .get(s.block)
                    .is_some_and(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Blockquote))
            })
            .collect();
        let mut a = Analysis {
            sentences,
            prose,
            ..Analysis::default()
        };
        for s in &a.sentences {
            let mut ids = Vec::new();
            for w in text::content_words(&doc.text[s.start..s.end]) {
                let id = match a.index.get(&w) {
                    Some(&id) => id,
                    None => {
                        let id = u32::try_from(a.vocab.len()).unwrap_or(u32::MAX);
                        if let Some(c) = w.chars().next() {
                            a.by_initial.entry(c).or_default().push(id);
                        }
                        a.index.insert(w.clone(), id);
                        a.vocab.push(w);
                        a.df.push(0);
                        id
                    }
                };
                if !ids.contains(&id) {
                    ids.push(id);
                    a.df[id as usize] += 1;
                }
            }
            a.sentence_words.push(ids);
        }
        a
    }

    /// Figures of each sentence (offsets into the document's text), found on first use.
    pub fn quantities(&self, doc: &Document) -> &[Vec<Quantity>] {
        self.quantities.get_or_init(|| {
            let ctx = quantity::Context {
                published: doc.published_date(),
                lang: doc.meta.language.as_deref().and_then(quantity::Lang::from_tag),
            };
            self.sentences
                .iter()
                .map(|s| {
                    let mut qs = quantity::extract(&doc.text[s.start..s.end], &ctx);
                    for q in &mut qs {
                        q.start += s.start;
                        q.end += s.start;
                    }
                    qs
                })
                .collect()
        })
    }

    /// The page's quotations with their speakers, found on first use.
    pub fn quotes(&self, doc: &Document) -> &[Quotation] {
        self.quotes.get_or_init(|| quote::quotations(doc))
    }

    /// Every window of one or two adjacent sentences: two within a block, or across two consecutive paragraphs of
    /// prose — never across table rows or list items, which are separate records ("29,870" in the North West row
    /// says nothing of Wales in the next).
    pub fn windows(&self) -> impl Iterator<Item = Window> + '_ {
        let n = self.sentences.len();
        (0..n).flat_map(move |i| {
            let joins = i + 1 < n && {
                let (a, b) = (&self.sentences[i], &self.sentences[i + 1]);
                a.block == b.block || (b.block == a.block + 1 && self.prose[i] && self.prose[i + 1])
            };
            let one = Some(self.window(i, 1));
            let two = joins.then(|| self.window(i, 2));
            one.into_iter().chain(two)
        })
    }

    fn window(&self, first: usize, len: usize) -> Window {
        Window {
            first,
            len,
            start: self.sentences[first].start,
            end: self.sentences[first + len - 1].end,
        }
    }

    /// For each sentence, which claim words (bit i = `claim_words[i]`) it holds.
    fn sentence_masks(&self, claim_words: &[String]) -> Vec<u64> {
        let mut vocab_mask: HashMap<u32, u64> = HashMap::new();
        for (i, w) in claim_words.iter().take(MAX_CLAIM_WORDS).enumerate() {
            let bit = 1u64 << i;
            if let Some(&id) = self.index.get(w) {
                *vocab_mask.entry(id).or_default() |= bit;
            }
            let Some(c) = w.chars().next() else { continue };
            for &id in self.by_initial.get(&c).into_iter().flatten() {
                if text::same_word(w, &self.vocab[id as usize]) {
                    *vocab_mask.entry(id).or_default() |= bit;
                }
            }
        }
        self.sentence_words
            .iter()
            .map(|ids| {
                ids.iter()
                    .fold(0u64, |m, id| m | vocab_mask.get(id).copied().unwrap_or(0))
            })
            .collect()
    }
}

/// A claim's words with their rarity weights across the pages being read.
pub struct ClaimWords {
    pub words: Vec<String>,
    weights: Vec<f64>,
    total: f64,
}

impl ClaimWords {
    pub fn new(claim_words: &[String], docs: &[&Analysis]) -> Self {
        let mut words: Vec<String> = Vec::new();
        for w in claim_words {
            if !words.contains(w) && words.len() < MAX_CLAIM_WORDS {
                words.push(w.clone());
            }
        }
        let n: usize = docs.iter().map(|d| d.sentences.len()).sum();
        let weights: Vec<f64> = words
            .iter()
            .map(|w| {
                let df: u32 = docs
                    .iter()
                    .filter_map(|d| d.index.get(w).map(|&id| d.df[id as usize]))
                    .sum();
                ((n as f64 + 1.0) / (f64::from(df) + 1.0)).ln() + 1.0
            })
            .collect();
        let total = weights.iter().sum();
        ClaimWords { words, weights, total }
    }

    /// Coverage of every window of a document, 0..=1, in the order of [`Analysis::windows`].
    pub fn scan<'a>(&'a self, doc: &'a Analysis) -> impl Iterator<Item = (Window, f64)> + 'a {
        let masks = doc.sentence_masks(&self.words);
        doc.windows().map(move |w| {
            let mask = masks[w.first..w.first + w.len].iter().fold(0u64, |m, s| m | s);
            (w, self.coverage(mask))
        })
    }

    fn coverage(&self, mask: u64) -> f64 {
        if self.total == 0.0 {
            return 0.0;
        }
        let hit: f64 = self
            .weights
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, w)| w)
            .sum();
        hit / self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{BlockKind, Metadata};

    fn doc(paras: &[&str]) -> Document {
        Document::from_blocks(Metadata::default(), paras.iter().map(|p| (BlockKind::Paragraph, *p)))
    }

    #[test]
    fn windows_cover_single_sentences_and_adjacent_pairs() {
        let d = doc(&["One here. Two here.", "Three here."]);
        let a = Analysis::new(&d);
        let spans: Vec<&str> = a.windows().map(|w| &d.text[w.start..w.end]).collect();
        assert_eq!(
            spans,
            vec![
                "One here.",
                "One here. Two here.",
                "Two here.",
                "Two here.\n\nThree here.",
                "Three here."
            ]
        );
    }

    #[test]
    fn table_rows_and_list_items_are_never_joined_into_one_window() {
        let d = Document::from_blocks(
            Metadata::default(),
            [
                (BlockKind::TableRow, "Region: North West; Burglaries 2024: 29,870"),
                (BlockKind::TableRow, "Region: Wales; Burglaries 2024: 8,901"),
                (BlockKind::ListItem, "One item."),
                (BlockKind::ListItem, "Another item."),
            ],
        );
        let a = Analysis::new(&d);
        assert!(a.windows().all(|w| w.len == 1));
    }

    #[test]
    fn rare_words_decide_coverage() {
        let d = doc(&[
            "The Met said London rents rose.",
            "The Met in London.",
            "The Met again in London.",
        ]);
        let a = Analysis::new(&d);
        let claim = ClaimWords::new(&text::content_words("London rents rose at the Met"), &[&a]);
        let cov: Vec<f64> = claim.scan(&a).filter(|(w, _)| w.len == 1).map(|(_, c)| c).collect();
        assert!(cov[0] > 0.99, "{cov:?}");
        assert!(cov[1] < 0.4, "{cov:?}");
    }

    #[test]
    fn near_spellings_count_as_the_same_word() {
        let d = doc(&["Officers were trained in the identification of child exploitation."]);
        let a = Analysis::new(&d);
        let claim = ClaimWords::new(&text::content_words("officers trained to identify exploitation"), &[&a]);
        let (_, cov) = claim.scan(&a).next().unwrap();
        assert!(cov > 0.99, "{cov}");
    }
}
