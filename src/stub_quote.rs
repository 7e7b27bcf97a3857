//! TEMPORARY stub until the quote module lands.
use crate::extract::Document;
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quotation { pub start: usize, pub end: usize, pub speaker: Option<String> }
pub fn quotations(_d: &Document) -> Vec<Quotation> { Vec::new() }
pub struct QuoteClaim { pub words: String, pub speaker: Option<String> }
pub fn parse_claim(_c: &str, _s: Option<&str>) -> Option<QuoteClaim> { None }
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome { Supported, Misquoted, Misattributed, NotFound }
pub struct WordEdit { pub claim: String, pub source: String }
pub struct QuoteFinding { pub outcome: Outcome, pub start: usize, pub end: usize, pub similarity: f64, pub speaker: Option<String>, pub differences: Vec<WordEdit> }
pub fn check(_c: &QuoteClaim, _d: &Document, _q: &[Quotation]) -> QuoteFinding { QuoteFinding { outcome: Outcome::NotFound, start: 0, end: 0, similarity: 0.0, speaker: None, differences: vec![] } }
