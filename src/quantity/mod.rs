//! Figures: find every quantity in a claim or a source, normalise it, and decide whether two agree.
//!
//! This is the product's own craft, written by hand and driven by tables rather than regular expressions: a small
//! tokenizer (`lexer`), the vocabulary as data (`tables`, `units`), the number itself with its precision
//! (`numbers`), the figure around it — hedge, currency, unit, rate (`figures`), ratios, fractions, factors and
//! compound durations (`forms`), what it counts (`nouns`), its direction (`change`) — the time it describes
//! (`periods`) and the pairing and comparison (`compare`).
//!
//! It is not a general NLP parser: it reads the few words around each number the way a fact-checker does. The key
//! decisions are that every figure is an interval (its written precision, widened by its hedge), that figures pair
//! by what they are rather than where they stand, and that a figure followed by a noun counts that noun.
//!
//! ```
//! use crosscheck::quantity::{extract, pair, Context};
//! let ctx = Context::default();
//! let claim = extract("86.2% of 999 calls in 10 seconds", &ctx);
//! let source = extract("86.2 per cent of 999 calls are answered within 10 seconds", &ctx);
//! assert!(pair(&claim, &source).iter().all(|p| p.agree));
//! ```

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

mod change;
mod compare;
mod figures;
mod forms;
mod lexer;
mod nouns;
mod numbers;
mod periods;
mod tables;
mod units;

#[cfg(test)]
mod cases;
#[cfg(test)]
mod compare_cases;
#[cfg(test)]
mod measure;
#[cfg(test)]
mod props;

pub use compare::{agrees, pair, Pairing};
pub use periods::{Period, Relation};

/// What the text around the figures tells us: the page's publication date resolves "last year", "in January".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    pub published: Option<NaiveDate>,
}

/// The direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Up,
    Down,
}

/// How the words bound a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// A bare figure: its written precision.
    Exact,
    /// "about", "around", "roughly": ±10%.
    About,
    /// "nearly", "almost": just below.
    Nearly,
    /// "under", "up to", "fewer than", "within": at most.
    AtMost,
    /// "more than", "over", "at least": at least.
    AtLeast,
    /// A span given by the words: "hundreds", a date, a period.
    Range,
    /// A span given by two figures: "between 10 and 20 per cent", "5-8 minutes".
    Between,
}

/// Which end of a "from X to Y" a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    From,
    To,
}

/// One figure, as written and normalised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// As written: "86.2 per cent", "£151m", "thirteen fewer offences".
    pub text: String,
    /// Byte range of `text` in the input (always on character boundaries).
    pub start: usize,
    pub end: usize,
    /// Normalised value: £151m → 151000000; 86.2% → 86.2; one minute 50 seconds → 110; a ratio as a fraction;
    /// a date as days since the Common Era.
    pub value: f64,
    /// The interval the words allow (precision of a bare figure, hedges, bounds); infinite when open.
    pub low: f64,
    pub high: f64,
    /// Canonical unit: `percent`, `percentage_point`, `GBP`, `USD`, `EUR`, `second`, `year_of_age`, `date`,
    /// `ratio`, `factor`, `count`.
    pub unit: String,
    /// What it counts, as a singular lemma: "call", "officer", "offence".
    pub counts: Option<String>,
    /// The time the figure describes.
    pub period: Option<Period>,
    /// Up or down, from a change word or from "from X to Y".
    pub change: Option<Change>,
    /// How the words bound it.
    pub bound: Bound,
    /// "from" or "to" end of a change.
    pub role: Option<Role>,
    /// A rate: "£15 million a year" → "year".
    pub per: Option<String>,
    /// "seven out of eight" → [7, 8]; "all eight" → [8, 8].
    pub ratio: Option<[f64; 2]>,
    /// A date that is the period of another figure in the same text ("In 2024, 77.6% …"): the verdict may treat
    /// it as part of that figure rather than a claim of its own.
    pub is_period_of_figure: bool,
    /// Content words of the figure's sentence (lower case, singular, sorted): what the figure is about, used to
    /// pair it with the source figure about the same thing ("Burglary (down 22%)" rather than "Knife crime (down 24%)").
    #[serde(skip)]
    pub context: Arc<[String]>,
    /// Content words of the figure's clause (its sentence's when the clause has none): which of several figures in
    /// one sentence a claim is about ("burglary fell 22% while knife crime fell 24%").
    #[serde(skip)]
    pub clause_context: Arc<[String]>,
}

impl Quantity {
    /// A figure with its text, unit, value and interval; the parsers fill in the rest.
    pub(crate) fn bare(
        text: String,
        start: usize,
        end: usize,
        unit: &str,
        value: f64,
        interval: (f64, f64),
        bound: Bound,
    ) -> Self {
        Quantity {
            text,
            start,
            end,
            value,
            low: interval.0,
            high: interval.1,
            unit: unit.to_string(),
            counts: None,
            period: None,
            change: None,
            bound,
            role: None,
            per: None,
            ratio: None,
            is_period_of_figure: false,
            context: Arc::default(),
            clause_context: Arc::default(),
        }
    }
}

/// Every figure in `text`, in order of appearance.
#[must_use]
pub fn extract(text: &str, ctx: &Context) -> Vec<Quantity> {
    let mut tokens = lexer::tokenize(text);
    let mut parser = figures::Parser::new(text, &tokens, ctx);
    parser.run();
    let figures::Parser {
        mut found, mentions, ..
    } = parser;
    // "than" in "more than 100" is part of the figure, not a clause boundary.
    for f in &found {
        tokens[f.first..=f.last]
            .iter_mut()
            .for_each(|t| t.class &= !tables::class::CLAUSE);
    }
    periods::attach(&tokens, &mut found, &mentions);
    nouns::attach_context(text, &tokens, &mut found);
    found.sort_by_key(|f| f.first);
    found.into_iter().map(|f| f.q).collect()
}
