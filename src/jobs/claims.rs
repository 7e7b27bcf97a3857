//! The checkable claims of a newsroom draft: every sentence that states a figure, and every quotation with its
//! speaker.
//!
//! What it is for: turning a draft sent to the newsroom webhook (`body_text`, or `body_html` once extracted) into the
//! list of claims a job checks. What it is not for: checking them (`verify`), finding figures (`quantity`) or
//! quotations and their speakers (`quote`) — this module only asks those and decides what a claim is.
//!
//! The key decisions:
//! - A **figure claim** is the whole sentence (trimmed): a figure means little without its subject and period.
//!   A figure is what `quantity::extract` finds, except that a sentence whose only figures are dates counts only
//!   when it says something besides the date ("acted in June 2022" is checkable; a dateline "23 January 2025" is
//!   not). Measured on the seeds in the tests below: dates never counting loses 3 of 53 claims, dates always
//!   counting adds 1 false one; this rule scores 53 of 53 with none false.
//! - A **quotation claim** is the quoted words of one sentence, with the speaker `quote::quotations` found. A
//!   quotation running over several sentences is split at its sentences: the checker compares words verbatim, so
//!   one changed word in a long quotation would otherwise condemn all of it, and a source often quotes only one
//!   sentence of a long statement. The split keeps the verdict on the sentence that is wrong.
//! - A sentence whose figures all lie inside quoted words is a quotation only (the quotation check compares those
//!   words, figures included). A sentence with a figure outside its quoted fragment ("graded the force
//!   “inadequate” across seven out of eight areas") gives both: the figure claim and the quotation claim.
//! - A draft written in a single-quote house style (‘…’, '…') is read with its quotation marks made double, the
//!   only kind `quote` reads; apostrophes stay apostrophes (a mark opens only at a word's start, closes at its end).
//! - Offsets are byte ranges in the text given: `claim == text[start..end]` always holds. A plain-text draft is read
//!   a line a paragraph (bullets dropped), not by blank lines only: CMS text often puts one paragraph or list item
//!   on each line, and joining them runs list items into one sentence (seed 003: 21 claims instead of 14).

use serde::Serialize;

use crate::extract::{BlockKind, Document, Metadata};
use crate::quantity::{self, Context, Quantity};

/// What kind of check a draft claim needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A sentence stating a figure: checked as a figure claim.
    Figure,
    /// Quoted words: checked as a quotation (were these the words, and whose).
    Quotation,
}

/// One checkable claim of a draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftClaim {
    /// The sentence (figure) or the quoted words without their quote marks (quotation), as written in the draft.
    pub claim: String,
    /// Who the draft says spoke the quoted words (quotations only, when the draft names them).
    pub speaker: Option<String>,
    pub kind: ClaimKind,
    /// Byte range of `claim` in the draft text (`Document::text` for `from_document`).
    pub start: usize,
    pub end: usize,
}

impl DraftClaim {
    /// The claim text to send to the checker: a quotation without a speaker is wrapped in quote marks so that it is
    /// still read as a quotation ("the page has these words"), not as a statement.
    pub fn check_text(&self) -> String {
        match (self.kind, &self.speaker) {
            (ClaimKind::Quotation, None) => format!("\u{201c}{}\u{201d}", self.claim),
            _ => self.claim.clone(),
        }
    }
}

/// Marks that open a list item in a plain-text draft; dropped from the item's text.
const BULLETS: &[char] = &['•', '‣', '◦', '▪', '·', '-', '*', '–'];

/// Marks that may end a paragraph; a line ending otherwise may be hard-wrapped.
const PARAGRAPH_ENDS: &[char] = &[
    '.', '!', '?', '\u{2026}', ':', ';', '"', '\'', '\u{201d}', '\u{2019}', '\u{bb}',
];

/// Words outside its dates that a date-only sentence needs to count as a claim: "Created on 23 January 2025" has
/// one, "In 2022, Dame Cressida Dick was forced to step down" has many.
const DATE_SENTENCE_MIN_WORDS: usize = 3;

/// Checkable claims of a plain-text draft: every line is a paragraph (blank lines are ignored), except that a line
/// ending mid-sentence followed by one starting in lower case continues it (a hard-wrapped draft).
pub fn from_text(text: &str) -> Vec<DraftClaim> {
    // (start, end) of each paragraph in `text`.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    let mut joinable = false;
    for line in text.split_inclusive('\n') {
        let (body, at, bullet) = paragraph_of(line);
        let (start, end) = (offset + at, offset + at + body.len());
        offset += line.len();
        if body.is_empty() {
            joinable = false;
            continue;
        }
        match ranges.last_mut() {
            Some(last) if joinable && !bullet && body.starts_with(char::is_lowercase) => last.1 = end,
            _ => ranges.push((start, end)),
        }
        joinable = !body.ends_with(PARAGRAPH_ENDS);
    }
    let origins: Vec<usize> = ranges.iter().map(|&(start, _)| start).collect();
    let paragraphs: Vec<&str> = ranges.iter().map(|&(start, end)| &text[start..end]).collect();
    let doc = Document::from_blocks(
        Metadata::default(),
        paragraphs.iter().map(|&p| (BlockKind::Paragraph, p)),
    );
    let mut claims = from_document(&doc);
    for c in &mut claims {
        // Each claim lies inside one block, whose text is a verbatim slice of the draft.
        let b = doc.blocks.partition_point(|b| b.start <= c.start).saturating_sub(1);
        let shift = |at: usize| origins[b] + at - doc.blocks[b].start;
        c.start = shift(c.start);
        c.end = shift(c.end);
    }
    claims
}

/// A line's paragraph text (trimmed, bullet dropped), where it starts in the line, and whether it had a bullet.
fn paragraph_of(line: &str) -> (&str, usize, bool) {
    let trimmed = line.trim_start();
    let at = line.len() - trimmed.len();
    match trimmed
        .strip_prefix(BULLETS)
        .filter(|r| r.starts_with(char::is_whitespace))
    {
        Some(rest) => (rest.trim(), line.len() - rest.trim_start().len(), true),
        None => (trimmed.trim_end(), at, false),
    }
}

/// Checkable claims of an extracted draft, in text order; offsets are in `doc.text`.
pub fn from_document(doc: &Document) -> Vec<DraftClaim> {
    let quotes = match single_quotes_as_double(doc) {
        Some(marked) => crate::quote::quotations(&marked),
        None => crate::quote::quotations(doc),
    };
    let ctx = Context {
        published: None,
        lang: doc.meta.language.as_deref().and_then(quantity::Lang::from_tag),
    };
    let mut out = Vec::new();
    for s in crate::text::sentences(doc) {
        let sentence = &doc.text[s.start..s.end];
        // Quoted words of this sentence, with their speakers.
        let quoted: Vec<(usize, usize, Option<String>)> = quotes
            .iter()
            .filter_map(|q| {
                let (a, b) = trim_range(&doc.text, q.start.max(s.start), q.end.min(s.end));
                let words = &doc.text[a..b];
                (a < b && words.chars().any(char::is_alphanumeric)).then(|| (a, b, q.speaker.clone()))
            })
            .collect();
        let figures = quantity::extract(sentence, &ctx);
        let outside_quotes = |f: &Quantity| {
            let (a, b) = (s.start + f.start, s.start + f.end);
            !quoted.iter().any(|&(qa, qb, _)| a >= qa && b <= qb)
        };
        if figures.iter().any(outside_quotes) && states_figure(sentence, &figures) {
            out.push(DraftClaim {
                claim: sentence.to_string(),
                speaker: None,
                kind: ClaimKind::Figure,
                start: s.start,
                end: s.end,
            });
        }
        out.extend(quoted.into_iter().map(|(a, b, speaker)| DraftClaim {
            claim: doc.text[a..b].to_string(),
            speaker,
            kind: ClaimKind::Quotation,
            start: a,
            end: b,
        }));
    }
    out
}

/// Whether the figures of a sentence make it a claim: any figure that is not a date or a label does; dates and
/// labels alone do when the sentence says something besides them.
fn states_figure(sentence: &str, figures: &[Quantity]) -> bool {
    if figures.iter().any(|f| f.unit != "date" && !f.is_label()) {
        return true;
    }
    if figures.is_empty() {
        return false;
    }
    let mut rest = String::with_capacity(sentence.len());
    let mut last = 0;
    for f in figures {
        if f.start >= last {
            rest.push_str(&sentence[last..f.start]);
            rest.push(' ');
            last = f.end;
        }
    }
    rest.push_str(&sentence[last..]);
    crate::text::words(&rest).len() >= DATE_SENTENCE_MIN_WORDS
}

/// Single quote marks that open or close a quotation in a single-quote house style, and the double mark of the same
/// byte length that stands in for each, so that offsets do not move.
const SINGLE_TO_DOUBLE: &[(char, char)] = &[('\u{2018}', '\u{201c}'), ('\u{2019}', '\u{201d}'), ('\'', '"')];

/// Double quote marks: a draft with any of them quotes with them, and its single marks are apostrophes or nested.
const DOUBLE_MARKS: &[char] = &['"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}'];

/// Characters that may stand right before an opening mark, or right after a closing one, besides white space.
const BEFORE_OPENING: &str = "([{\u{2014}\u{2013}-/";
const AFTER_CLOSING: &str = ".,;:!?)]}\u{2014}\u{2013}-\u{2026}";

/// A draft that quotes with single marks (‘…’ or '…', as some house styles do) rewritten with double marks, which is
/// what `quote::quotations` reads; `None` when the draft has double marks or no single-quoted passage. Apostrophes
/// (`it's`, `the Met’s`, `'90s`) stay: a mark opens only at the start of a word and closes only at the end of one.
fn single_quotes_as_double(doc: &Document) -> Option<Document> {
    if doc.text.contains(DOUBLE_MARKS) {
        return None;
    }
    let double = |c: char| SINGLE_TO_DOUBLE.iter().find(|&&(s, _)| s == c).map(|&(_, d)| d);
    let mut swaps = Vec::new();
    for b in &doc.blocks {
        let chars: Vec<(usize, char)> = doc.text[b.start..b.end].char_indices().collect();
        let mut open = false;
        for (i, &(at, c)) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(i + 1).map(|&(_, n)| n);
            let opens = matches!(c, '\u{2018}' | '\'')
                && prev.is_none_or(|p| p.is_whitespace() || BEFORE_OPENING.contains(p))
                && next.is_some_and(|n| n.is_alphabetic() || (c == '\u{2018}' && n.is_alphanumeric()));
            let closes = matches!(c, '\u{2019}' | '\'')
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| n.is_whitespace() || AFTER_CLOSING.contains(n));
            if (!open && opens) || (open && closes) {
                swaps.push((b.start + at, c));
                open = !open;
            }
        }
    }
    if swaps.is_empty() {
        return None;
    }
    let mut text = doc.text.clone();
    for &(at, c) in swaps.iter().rev() {
        let d = double(c)?;
        text.replace_range(at..at + c.len_utf8(), d.encode_utf8(&mut [0; 4]));
    }
    Some(Document { text, ..doc.clone() })
}

/// `[start, end)` without surrounding white space and quote marks, nor the comma a quotation ends with before its
/// attribution ("“It's a scandal,” she said").
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    if start >= end {
        return (start, start);
    }
    let piece = &text[start..end];
    let edge = |c: char| c.is_whitespace() || "\"'“”‘’«»„".contains(c);
    let lead = piece.len() - piece.trim_start_matches(edge).len();
    let trail = piece.len() - piece.trim_end_matches(|c| edge(c) || ",;:".contains(c)).len();
    if lead + trail >= piece.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

#[cfg(test)]
mod tests;
