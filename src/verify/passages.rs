//! Candidate passages: one sentence, or two adjacent ones, scored by how much of the claim's subject they carry.
//!
//! "About the claim" is weighted word coverage: each content word of the claim counts by its rarity across the
//! sentences being read (an inverse document frequency), so "rents" or "burglary" decide relevance and "Met" or
//! "London" barely count. Two-sentence windows let a figure in the next sentence ("In January, it reached 90.9 per
//! cent.") join the sentence that names what it measures.

use std::collections::HashMap;

use crate::extract::Document;
use crate::text::{self, Sentence};

/// A run of one or two adjacent sentences: `doc.text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub len: usize,
    pub start: usize,
    pub end: usize,
}

/// The sentences of one document with their content words, prepared once per check.
pub struct Prepared<'a> {
    pub doc: &'a Document,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Vec<String>>,
}

impl<'a> Prepared<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let sentences = text::sentences(doc);
        let words = sentences
            .iter()
            .map(|s| text::content_words(&doc.text[s.start..s.end]))
            .collect();
        Prepared { doc, sentences, words }
    }

    /// Every window of one or two adjacent sentences (two only within a block or from a block to the next).
    pub fn windows(&self) -> impl Iterator<Item = Window> + '_ {
        let n = self.sentences.len();
        (0..n).flat_map(move |i| {
            let one = Some(self.window(i, 1));
            let two =
                (i + 1 < n && self.sentences[i + 1].block <= self.sentences[i].block + 1).then(|| self.window(i, 2));
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

    pub fn window_words(&self, w: Window) -> impl Iterator<Item = &String> + Clone {
        self.words[w.first..w.first + w.len].iter().flatten()
    }
}

/// Rarity weights of words across all sentences being read for one check.
pub struct Weights {
    df: HashMap<String, usize>,
    n: usize,
}

impl Weights {
    pub fn new(docs: &[Prepared<'_>]) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0;
        for d in docs {
            for words in &d.words {
                n += 1;
                let mut seen: Vec<&String> = words.iter().collect();
                seen.sort();
                seen.dedup();
                for w in seen {
                    *df.entry(w.clone()).or_default() += 1;
                }
            }
        }
        Weights { df, n }
    }

    /// Inverse document frequency, smoothed; a word never seen weighs most.
    pub fn weight(&self, word: &str) -> f64 {
        let df = self.df.get(word).copied().unwrap_or(0) as f64;
        ((self.n as f64 + 1.0) / (df + 1.0)).ln() + 1.0
    }
}

/// How much of the claim's subject a passage carries, 0..=1.
pub fn coverage<'w>(claim: &[String], passage: impl Iterator<Item = &'w String> + Clone, weights: &Weights) -> f64 {
    let mut total = 0.0;
    let mut hit = 0.0;
    let mut seen: Vec<&String> = Vec::new();
    for w in claim {
        if seen.contains(&w) {
            continue;
        }
        seen.push(w);
        let weight = weights.weight(w);
        total += weight;
        if passage.clone().any(|p| text::same_word(w, p)) {
            hit += weight;
        }
    }
    if total == 0.0 {
        0.0
    } else {
        hit / total
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
        let p = Prepared::new(&d);
        let spans: Vec<&str> = p.windows().map(|w| &d.text[w.start..w.end]).collect();
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
    fn rare_words_decide_coverage() {
        let d = doc(&[
            "The Met said London rents rose.",
            "The Met in London.",
            "The Met again in London.",
        ]);
        let p = Prepared::new(&d);
        let w = Weights::new(std::slice::from_ref(&p));
        let claim = text::content_words("London rents rose at the Met");
        let about = coverage(&claim, p.words[0].iter(), &w);
        let not_about = coverage(&claim, p.words[1].iter(), &w);
        assert!(about > 0.99, "{about}");
        assert!(not_about < 0.4, "{not_about}");
    }
}
