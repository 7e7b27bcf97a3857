//! Figures: find every quantity in a claim or a source, normalise it, and decide whether two agree.
//!
//! This is the product's own craft, written by hand and driven by tables rather than regular expressions: a small
//! tokenizer that reads numbers the way the page's language writes them (`lexer`, `lang`), the vocabulary as data
//! (`tables`, `units`, `measures`, `money`, compiled per language by `lexicon`, multi-word spellings matched by
//! `spell`), the number itself with its precision (`numbers`, `words`), the figure around it — hedge, sign,
//! currency, unit, rate (`figures`, `suffix`, `prices`), ratios, fractions, factors and compound durations
//! (`forms`), numbers that are names (`labels`), what it counts (`nouns`), its direction (`change`) — the time it
//! describes (`periods`), its unit and dimension as types (`unit`) and the pairing and comparison (`compare`).
//!
//! It is not a general NLP parser: it reads the few words around each number the way a fact-checker does. The key
//! decisions are that every figure is an interval (its written precision, widened by its hedge) in a typed unit
//! that converts to its dimension's base, that figures pair by what they are rather than where they stand, that a
//! figure followed by a noun counts that noun, and that a number that names something is a label, never a value.
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
mod foreign;
mod forms;
mod labels;
mod lang;
mod lexer;
mod lexicon;
mod measures;
mod money;
mod nouns;
mod numbers;
mod periods;
mod phrases;
mod prices;
mod spell;
mod suffix;
mod tables;
mod unit;
mod units;
mod words;

#[cfg(test)]
mod cases;
#[cfg(test)]
mod compare_cases;
#[cfg(test)]
mod measure;
#[cfg(test)]
mod props;
#[cfg(test)]
mod reading_cases;
#[cfg(test)]
mod suite;

pub use compare::{agrees, labels_align, pair, Pairing};
pub use lang::Lang;
pub use periods::{Period, Relation};
pub use unit::{Dimension, Unit, UnitDef};

/// What the text around the figures tells us: the page's publication date resolves "last year", "in January"; its
/// language says how numbers are written ("3,5 %" in French) and which number words to read. `None` for a claim:
/// English rules, with the shapes no English writer produces read as what they are (see [`Lang`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    pub published: Option<NaiveDate>,
    pub lang: Option<Lang>,
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
    /// Normalised value, in `unit`: £151m → 151000000; 86.2% → 86.2; 12 km → 12; 470 pence → 470; one minute 50
    /// seconds → 110 (durations are in seconds); a ratio as a fraction; a date as days since the Common Era; a
    /// label the number it names ("999 calls" → 999). [`Quantity::base_interval`] converts to the dimension's base.
    pub value: f64,
    /// The interval the words allow (precision of a bare figure, hedges, bounds); infinite when open.
    pub low: f64,
    pub high: f64,
    /// The unit, as written: `Unit::Percent`, a currency, `second` for every duration, `kilometre`, `label`, …
    /// (`unit.as_str()` is the canonical name answers carry; `unit.dimension()` what it measures).
    pub unit: Unit,
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
        unit: Unit,
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
            unit,
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

impl Quantity {
    /// A number that names something ("999 calls", "A380", "Covid-19"): align on it, never compare its value.
    #[must_use]
    pub fn is_label(&self) -> bool {
        self.unit == Unit::Label
    }

    /// The value in the base unit of its dimension (metres, kilograms, kelvin, the major unit of a currency,
    /// percent for shares; the value itself for counts, dates and labels).
    #[must_use]
    pub fn base_value(&self) -> f64 {
        self.unit.to_base(self.value)
    }

    /// The interval in the base unit of its dimension: "62 miles" → 98,97–100,58 km in metres.
    #[must_use]
    pub fn base_interval(&self) -> (f64, f64) {
        (self.unit.to_base(self.low), self.unit.to_base(self.high))
    }

    /// What a label names, for alignment: its letters and digits in lower case with plurals made singular ("999
    /// calls" → "999call", "COVID 19" → "covid19"); an emergency number is the number and what it counts.
    #[must_use]
    pub fn label_key(&self) -> String {
        if let Some(c) = &self.counts {
            return format!("{}{c}", self.value);
        }
        self.text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                if w.chars().all(|c| c.is_ascii_digit()) {
                    w.to_string()
                } else {
                    tables::singular(w)
                }
            })
            .collect()
    }
}

/// Every figure in `text`, in order of appearance.
#[must_use]
pub fn extract(text: &str, ctx: &Context) -> Vec<Quantity> {
    let lx = lexicon::lexicon(ctx.lang);
    let mut tokens = lexer::tokenize(text, ctx.lang);
    let mut parser = figures::Parser::new(text, &tokens, ctx, lx);
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
