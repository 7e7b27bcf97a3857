//! Quotations: who said what on a page, and whether a quoted claim gives the right words to the right person.
//!
//! This module finds every quotation of an extracted `Document` with its speaker (`quotations`), reads a claim
//! written as a quotation (`parse_claim`), and checks it against one document (`check`): `Supported` when the
//! claimed words are a contiguous part of what the claimed speaker said, `Misquoted` when the speaker said something
//! close but with words changed, added or dropped, `Misattributed` when the words are someone else's, `NotFound`
//! otherwise. It does not fetch, extract HTML, or weigh several sources: that is `verify`'s job.
//!
//! The key decision: quotations are compared as sequences of normalised word tokens (case, punctuation, quote marks,
//! hyphen/space and whitespace folded away), so "supported" means verbatim up to typography and nothing looser. A
//! single changed word is always a difference; closeness (for `Misquoted`/`Misattributed`) is a word-level alignment
//! scored by `strsim` only where a token is nearly identical. Thresholds are measured: see `docs/decisions.md`,
//! section "Quotations".

mod attribution;
mod claim;
mod extraction;
mod matching;
mod names;
mod speakers;
mod tables;
mod text;
mod transcript;

#[cfg(test)]
mod check_tests;
#[cfg(test)]
mod measure;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub use claim::parse_claim;
pub use extraction::quotations;
pub use matching::{check, MISATTRIBUTED_MIN_SIMILARITY, MISQUOTED_MIN_SIMILARITY};
pub use names::same_person;

/// One quotation on a page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quotation {
    /// Byte range of the quoted words in `Document::text`, without the quote marks.
    pub start: usize,
    pub end: usize,
    /// The fullest name of the speaker on the page (`Sir Mark Rowley`), when one could be found.
    pub speaker: Option<String>,
}

/// A claim to be checked as a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteClaim {
    /// The quoted words, without their quote marks.
    pub words: String,
    /// Who the claim says spoke them.
    pub speaker: Option<String>,
}

/// What one document says about a quotation claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The claimed speaker said these words (or, with no speaker, the page has them verbatim).
    Supported,
    /// Something close was said, with words changed, added or dropped.
    Misquoted,
    /// The words are on the page, said by someone else.
    Misattributed,
    /// Nothing close was said.
    NotFound,
}

/// One word-level difference: `""` on one side for an added or dropped word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordEdit {
    pub claim: String,
    pub source: String,
}

/// The result of checking one quotation claim against one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteFinding {
    pub outcome: Outcome,
    /// The source sentence(s) holding the match: a byte range in `Document::text` (empty when nothing matched).
    pub start: usize,
    pub end: usize,
    /// Word-level closeness of the claim to the matched words, 0 to 1 (1 = the same words).
    pub similarity: f64,
    /// Who said the matched words on this page.
    pub speaker: Option<String>,
    /// Word-level edits from the source words to the claim.
    pub differences: Vec<WordEdit>,
    /// `Misquoted` only because the source's quotation stops short: it has a verbatim part of the claimed words and
    /// ends there. Across sources this is not a disagreement.
    pub shorter: bool,
}
