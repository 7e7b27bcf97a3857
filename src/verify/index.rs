//! Retrieval before judgement: every page snapshot is indexed once — its sentences, table rows and list items as
//! units, their stemmed words and figures as terms — and a claim asks the index for the units that bear on it,
//! ranked by BM25.
//!
//! What it is for: finding the right sentence on a 50,000-word page, and the figure two sentences away, before any
//! judgement. What it is not: the judgement — a high rank only makes a unit a candidate.
//!
//! The key decisions: a unit is a sentence of prose, but a whole table row, list item or line of a factbox (a
//! record, never split and never joined to its neighbour); terms are the text layer's stems plus each number as
//! written without separators ("3,248" and "3248" meet); a claim word also matches the page words spelt nearly
//! like it (`text::same_word`), so "identify" finds "identification".

use std::collections::HashMap;

use crate::extract::{BlockKind, Document};
use crate::text;

/// BM25's term-frequency saturation: the textbook value (Robertson & Zaragoza 2009); a unit is short, so a
/// repeated word adds little.
const BM25_K1: f64 = 1.2;
/// BM25's length normalisation: the textbook value; long table rows are not favoured over short sentences.
const BM25_B: f64 = 0.75;

/// One unit of a page: `doc.text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    pub block: usize,
    /// A table row, list item or factbox line: a record of its own.
    pub record: bool,
}

/// A page's units and their terms, built once per snapshot.
#[derive(Debug, Default)]
pub struct PageIndex {
    pub units: Vec<Unit>,
    /// Term ids of each unit, with their frequency in it.
    unit_terms: Vec<Vec<(u32, u16)>>,
    unit_len: Vec<u32>,
    avg_len: f64,
    vocab: Vec<String>,
    ids: HashMap<String, u32>,
    by_initial: HashMap<char, Vec<u32>>,
    /// Units holding each term.
    postings: Vec<Vec<u32>>,
    /// Stems of the words the page writes capitalised inside a sentence: such a word at a sentence's start is a
    /// name too ("Noel, 31, is charged …" where the page also writes "Tova Noel"); any other is a common word.
    mid_capitals: std::collections::HashSet<String>,
    /// Folded forms of every word on the page, for "is this name on the page at all".
    all_forms: std::collections::HashSet<String>,
}

/// A unit that bears on a claim, with its BM25 score relative to the best the claim could get.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub unit: usize,
    pub score: f64,
    /// Share of the claim's term weight (idf) the unit holds, 0..=1.
    pub coverage: f64,
}

/// The terms of a text: stemmed content words, and numbers without their separators.
pub fn terms(text: &str) -> Vec<String> {
    text::tokens(text)
        .into_iter()
        .filter_map(|t| {
            if t.form.chars().any(|c| c.is_ascii_digit()) {
                Some(t.form)
            } else if text::is_content(&t.form) {
                Some(text::stem(&t.form))
            } else {
                None
            }
        })
        .collect()
}

impl PageIndex {
    pub fn new(doc: &Document) -> Self {
        let mut idx = PageIndex::default();
        let sentences = text::sentences(doc);
        let mut i = 0;
        while i < sentences.len() {
            let s = sentences[i];
            let kind = doc.blocks[s.block].kind;
            let record = matches!(
                kind,
                BlockKind::TableRow | BlockKind::ListItem | BlockKind::Preformatted
            ) && doc.blocks[s.block].end - doc.blocks[s.block].start < 2_000;
            if record && kind != BlockKind::ListItem {
                let b = &doc.blocks[s.block];
                idx.units.push(Unit {
                    start: b.start,
                    end: b.end,
                    block: s.block,
                    record,
                });
                while i < sentences.len() && sentences[i].block == s.block {
                    i += 1;
                }
                continue;
            }
            idx.units.push(Unit {
                start: s.start,
                end: s.end,
                block: s.block,
                record,
            });
            i += 1;
        }
        for u in 0..idx.units.len() {
            let unit = idx.units[u];
            let span = &doc.text[unit.start..unit.end];
            let toks = text::tokens(span);
            for (k, t) in toks.iter().enumerate() {
                let before = span[..t.start].trim_end();
                // a record's cells each open like a sentence ("Region: London; Burglaries 2024: 55,210")
                let initial = k == 0
                    || before.ends_with([
                        '.', ':', '!', '?', '"', '\u{201c}', '\u{ab}', '(', '\u{2014}', '\u{2013}',
                    ])
                    || (unit.record && before.ends_with(';'));
                if t.capital && !initial {
                    idx.mid_capitals.insert(text::stem(&t.form));
                }
            }
            for t in toks {
                if let Some(owner) = t.form.strip_suffix("'s") {
                    idx.all_forms.insert(owner.to_string());
                }
                idx.all_forms.insert(t.form);
            }
            let mut counts: Vec<(u32, u16)> = Vec::new();
            let words = terms(span);
            idx.unit_len.push(u32::try_from(words.len()).unwrap_or(u32::MAX));
            for w in words {
                let id = idx.intern(w);
                match counts.iter_mut().find(|(t, _)| *t == id) {
                    Some((_, n)) => *n = n.saturating_add(1),
                    None => {
                        counts.push((id, 1));
                        idx.postings[id as usize].push(u32::try_from(u).unwrap_or(u32::MAX));
                    }
                }
            }
            idx.unit_terms.push(counts);
        }
        let total: u64 = idx.unit_len.iter().map(|&l| u64::from(l)).sum();
        idx.avg_len = total as f64 / idx.units.len().max(1) as f64;
        idx
    }

    fn intern(&mut self, w: String) -> u32 {
        if let Some(&id) = self.ids.get(&w) {
            return id;
        }
        let id = u32::try_from(self.vocab.len()).unwrap_or(u32::MAX);
        if let Some(c) = w.chars().next() {
            self.by_initial.entry(c).or_default().push(id);
        }
        self.ids.insert(w.clone(), id);
        self.vocab.push(w);
        self.postings.push(Vec::new());
        id
    }

    /// Inverse document frequency of a term over the page's units (BM25's, never negative).
    pub fn idf(&self, term: &str) -> f64 {
        let n = self.units.len() as f64;
        let df = self
            .matching(term)
            .iter()
            .map(|&id| self.postings[id as usize].len())
            .max()
            .unwrap_or(0) as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Vocabulary ids a claim term matches: itself, and words spelt nearly like it.
    fn matching(&self, term: &str) -> Vec<u32> {
        let mut out: Vec<u32> = self.ids.get(term).copied().into_iter().collect();
        if term.chars().any(|c| c.is_ascii_digit()) {
            return out;
        }
        if let Some(c) = term.chars().next() {
            for &id in self.by_initial.get(&c).into_iter().flatten() {
                if !out.contains(&id) && text::same_word(term, &self.vocab[id as usize]) {
                    out.push(id);
                }
            }
        }
        out
    }

    /// The units that bear on a claim's terms, best first, at most `limit`.
    pub fn search(&self, claim_terms: &[String], limit: usize) -> Vec<Hit> {
        let mut distinct: Vec<&String> = Vec::new();
        for t in claim_terms {
            if !distinct.contains(&t) {
                distinct.push(t);
            }
        }
        let weighted: Vec<(Vec<u32>, f64)> = distinct.iter().map(|t| (self.matching(t), self.idf(t))).collect();
        let best_possible: f64 = weighted.iter().map(|(_, w)| w).sum();
        if best_possible <= 0.0 {
            return Vec::new();
        }
        let mut scores: HashMap<u32, (f64, f64)> = HashMap::new();
        for (ids, idf) in &weighted {
            let mut seen: Vec<u32> = Vec::new();
            for &id in ids {
                for &u in &self.postings[id as usize] {
                    if seen.contains(&u) {
                        continue;
                    }
                    seen.push(u);
                    let tf = self.unit_terms[u as usize]
                        .iter()
                        .filter(|(t, _)| ids.contains(t))
                        .map(|&(_, n)| f64::from(n))
                        .sum::<f64>();
                    let len = f64::from(self.unit_len[u as usize]);
                    let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * len / self.avg_len.max(1.0));
                    let e = scores.entry(u).or_default();
                    e.0 += idf * tf * (BM25_K1 + 1.0) / (tf + norm);
                    e.1 += idf;
                }
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(u, (score, covered))| Hit {
                unit: u as usize,
                score,
                coverage: (covered / best_possible).min(1.0),
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.unit.cmp(&b.unit)));
        hits.truncate(limit);
        hits
    }

    /// Whether the page writes a word with this stem capitalised inside a sentence (a name wherever it stands).
    pub fn writes_mid_capital(&self, stem: &str) -> bool {
        self.mid_capitals.contains(stem)
    }

    /// Whether this folded word is anywhere on the page.
    pub fn has_form(&self, form: &str) -> bool {
        self.all_forms.contains(form)
    }

    /// Every folded word on the page.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.all_forms.iter().map(String::as_str)
    }

    /// The unit holding byte `pos` of the document text.
    pub fn unit_at(&self, pos: usize) -> Option<usize> {
        let i = self.units.partition_point(|u| u.end <= pos);
        self.units.get(i).filter(|u| u.start <= pos).map(|_| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Metadata;

    fn doc(blocks: &[(BlockKind, &str)]) -> Document {
        Document::from_blocks(Metadata::default(), blocks.iter().copied())
    }

    #[test]
    fn rare_words_rank_the_unit_that_states_the_claim_first() {
        let d = doc(&[
            (
                BlockKind::Paragraph,
                "The Met said London was safer. The Met in London.",
            ),
            (BlockKind::Paragraph, "Burglary in London fell 22% over the mayoralty."),
            (BlockKind::Paragraph, "The Met again in London."),
        ]);
        let idx = PageIndex::new(&d);
        let hits = idx.search(&terms("Burglary is down 22% in London"), 3);
        assert_eq!(
            &d.text[idx.units[hits[0].unit].start..idx.units[hits[0].unit].end],
            "Burglary in London fell 22% over the mayoralty."
        );
    }

    #[test]
    fn a_table_row_is_one_unit_and_numbers_meet_without_separators() {
        let d = doc(&[
            (BlockKind::TableRow, "Region: North West. Burglaries: 29,870"),
            (BlockKind::TableRow, "Region: Wales. Burglaries: 8,901"),
        ]);
        let idx = PageIndex::new(&d);
        assert_eq!(idx.units.len(), 2);
        assert!(idx.units.iter().all(|u| u.record));
        let hits = idx.search(&terms("29870 burglaries"), 2);
        assert_eq!(hits[0].unit, 0);
    }

    #[test]
    fn near_spellings_are_found() {
        let d = doc(&[(
            BlockKind::Paragraph,
            "Officers were trained in the identification of exploitation.",
        )]);
        let idx = PageIndex::new(&d);
        let hits = idx.search(&terms("officers trained to identify exploitation"), 1);
        assert!(hits[0].coverage > 0.99, "{hits:?}");
    }
}
