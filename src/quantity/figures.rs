//! From tokens to figures: the number with its hedge, currency, unit, what it counts, its rate and its direction.
//!
//! One left-to-right pass; at each token that can start a figure (a number, a number word, a hedge, a currency
//! sign) it reads `[hedge] [currency] number [scale] [unit] [hedge] [rate] [change] [noun]` and looks back a few
//! words for a change verb ("fell by", "down"). Dates are tried first (see [`super::periods`]) so that `2024` and
//! `2023-24` never become counts. What a figure counts is the head noun after it ("1,300 extra police officers" →
//! officer) or after `of` for shares ("86.2% of 999 calls" → call); a figure followed by a noun counts that noun
//! even when it is a name like 999, so "999 calls" in claim and source agree and "101 calls" does not.

use super::lexer::{Kind, Token};
use super::numbers::{self, Core};
use super::periods::Mention;
use super::tables::{self, class};
use super::{Bound, Change, Context, Quantity, Role};

/// A quantity with the tokens it was read from.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub q: Quantity,
    pub first: usize,
    pub last: usize,
}

/// Change words that may follow a figure ("13 fewer", "a 22% rise", "hundreds more").
const CHANGE_AFTER: &[&str] = &[
    "more",
    "fewer",
    "less",
    "increase",
    "rise",
    "fall",
    "drop",
    "decline",
    "reduction",
    "cut",
    "jump",
    "higher",
    "lower",
    "up",
    "down",
    "increases",
    "rises",
    "falls",
    "drops",
];

/// Determiners skipped between `of` and the counted noun ("86.2% of the 999 calls").
const OF_DETERMINERS: &[&str] = &[
    "the", "all", "our", "its", "their", "his", "her", "these", "those", "a", "an", "its",
];

/// Adverb endings that end a noun phrase ("16 currently"), chosen to spare nouns like "family" and "supply".
const ADVERB_ENDINGS: &[&str] = &["ently", "antly", "ously", "ively", "ately", "ally", "edly", "ingly"];

/// Longest noun phrase read after a figure.
const MAX_NOUN_WORDS: usize = 4;

/// Tolerance of a ratio written as words ("one in four" is 22.5–27.5%), at most half a step of its denominator.
const RATIO_HALF: f64 = 0.025;

pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub ctx: &'a Context,
    pub found: Vec<Found>,
    pub mentions: Vec<Mention>,
}

/// What follows a number: the unit reading.
struct Unit {
    unit: &'static str,
    factor: f64,
    next: usize,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str, toks: &'a [Token], ctx: &'a Context) -> Self {
        Parser {
            text,
            toks,
            ctx,
            found: Vec::new(),
            mentions: Vec::new(),
        }
    }

    pub(crate) fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let t = self.toks[i];
            let anchor = match t.kind {
                Kind::Num => true,
                Kind::Sym => tables::CURRENCY_SIGNS.iter().any(|(c, _)| *c == t.ch),
                Kind::Word => t.class & class::ANCHOR != 0,
                _ => false,
            };
            if anchor {
                if let Some(next) = self.date_at(i).or_else(|| self.figure_at(i)) {
                    i = next.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
        self.link_from_to();
    }

    // ---- token helpers -------------------------------------------------------------------------------------

    pub(crate) fn word(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => &self.text[t.start..t.end],
            _ => "",
        }
    }

    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn class(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.class)
    }

    /// Matches a word sequence at `i` (hyphens between words allowed); returns the index after it.
    pub(crate) fn seq(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut k = i;
        for (n, w) in words.iter().enumerate() {
            if n > 0 && self.kind(k) == Some(Kind::Hyphen) {
                k += 1;
            }
            if !self.is(k, w) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    /// The first row of a sequence table matching at `i`.
    pub(crate) fn match_table<T: Copy>(&self, i: usize, table: &[(&[&str], T)]) -> Option<(T, usize)> {
        if self.kind(i) != Some(Kind::Word) {
            return None;
        }
        table
            .iter()
            .find_map(|(words, v)| self.seq(i, words).map(|next| (*v, next)))
    }

    /// A hedge ("about", "more than") ends at token `p`.
    pub(crate) fn hedge_ends_at(&self, p: usize) -> bool {
        tables::HEDGES_BEFORE.iter().any(|(words, _)| {
            let n = words.len();
            p + 1 >= n && self.seq(p + 1 - n, words) == Some(p + 1)
        })
    }

    pub(crate) fn slice(&self, first: usize, last: usize) -> (String, usize, usize) {
        let (s, e) = (self.toks[first].start, self.toks[last].end);
        (self.text[s..e].to_string(), s, e)
    }

    // ---- figures ------------------------------------------------------------------------------------------

    fn figure_at(&mut self, i: usize) -> Option<usize> {
        if !self.number_near(i) {
            return None;
        }
        let mut j = i;
        let mut bound = Bound::Exact;
        if let Some((b, next)) = self.match_table(i, tables::HEDGES_BEFORE) {
            bound = b;
            j = next;
            if self.toks.get(j).is_some_and(|t| t.kind == Kind::Hyphen) {
                // "under-25"
                j += 1;
            }
        }
        let (currency, after_currency) = self.currency_before(j);
        j = after_currency;
        if self.class(j) & class::FACTOR != 0 {
            return self.factor_word(i, j, bound);
        }
        if self.class(j) & class::ALL != 0 {
            return self.all_of(i, j);
        }
        if self.class(j) & class::FRACTION != 0 && self.is(j, "half") {
            return self.half(i, j, bound);
        }
        let core = numbers::core_at(self.text, self.toks, j)?;
        if self.is_junk(j, &core) {
            return Some(core.next);
        }
        self.figure(i, bound, currency, core)
    }

    /// A currency sign or code before the number: `£`, `US$`, `GBP`.
    fn currency_before(&self, j: usize) -> (Option<&'static str>, usize) {
        let Some(t) = self.toks.get(j) else { return (None, j) };
        if t.kind == Kind::Sym {
            if let Some(&(_, code)) = tables::CURRENCY_SIGNS.iter().find(|(c, _)| *c == t.ch) {
                return (Some(code), j + 1);
            }
        }
        if t.kind == Kind::Word {
            let dollar_next = self
                .toks
                .get(j + 1)
                .is_some_and(|n| n.kind == Kind::Sym && n.ch == '$' && n.glued);
            if dollar_next {
                if let Some(code) = tables::lookup(tables::DOLLAR_PREFIXES, self.word(j)) {
                    return (Some(code), j + 2);
                }
            }
            let num_next = self.kind(j + 1) == Some(Kind::Num);
            if num_next && t.class & class::CURRENCY != 0 && self.word(j).len() == 3 {
                if let Some(&(_, code, _)) = tables::CURRENCY_WORDS
                    .iter()
                    .find(|(w, _, _)| w.eq_ignore_ascii_case(self.word(j)))
                {
                    return (Some(code), j + 1);
                }
            }
        }
        (None, j)
    }

    /// A figure can start at `i` only if a number, number word or currency sign is among the next few tokens:
    /// a cheap test that spares the hedge tables for every "in", "at" and "a".
    fn number_near(&self, i: usize) -> bool {
        const STARTS: u32 = class::NUMWORD | class::VAGUE | class::FACTOR | class::FRACTION | class::ALL | class::SCALE;
        self.toks[i..].iter().take(5).any(|t| match t.kind {
            Kind::Num => true,
            Kind::Sym => t.ch != '%',
            Kind::Word => t.class & STARTS != 0,
            _ => false,
        })
    }

    /// Numbers that are parts of names, codes, times of day or ordinals.
    fn is_junk(&self, j: usize, core: &Core) -> bool {
        let t = self.toks[j];
        if t.kind != Kind::Num {
            return false;
        }
        let prev = j.checked_sub(1).map(|p| self.toks[p]);
        if let Some(p) = prev {
            // E16, MP3; COVID-19 (but not under-25, 2023-24).
            if t.glued && p.kind == Kind::Word {
                return true;
            }
            if t.glued && p.kind == Kind::Hyphen && j >= 2 {
                let w = self.toks[j - 2];
                if w.kind == Kind::Word && w.class & (class::HEDGE | class::NUMWORD) == 0 {
                    return true;
                }
            }
            if p.kind == Kind::Word && p.class & class::LABEL != 0 {
                return true;
            }
            if p.kind == Kind::Sym && (p.ch == '#' || (p.ch == ':' && p.glued)) {
                return true;
            }
        }
        if let Some(n) = self.toks.get(core.next) {
            if n.glued && n.kind == Kind::Word {
                let w = self.word(core.next);
                let known = tables::lookup(tables::SCALE_SUFFIXES, w).is_some()
                    || tables::lookup(tables::TIME_UNITS, w).is_some()
                    || ["p", "pc", "pp", "x", "s", "h"]
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(w));
                let decade = w == "s" && t.int_digits == 4;
                if !known || decade {
                    return true;
                }
            }
            if n.glued && n.kind == Kind::Sym && (n.ch == ':' || n.ch == '/') {
                return true;
            }
        }
        false
    }

    fn figure(&mut self, i: usize, mut bound: Bound, currency: Option<&'static str>, core: Core) -> Option<usize> {
        let mut value = core.value;
        let mut half = core.half;
        let mut k = core.next;
        let mut ratio = None;
        let mut counts = None;
        let mut change = None;
        let mut unit: &'static str = currency.unwrap_or("count");
        let age_before = i.checked_sub(1).is_some_and(|p| self.class(p) & class::AGE != 0);
        if let Some(u) = self.unit_after(k, currency.is_some(), &core) {
            unit = if currency.is_some() && !matches!(u.unit, "percent" | "percentage_point") {
                unit
            } else {
                u.unit
            };
            value *= u.factor;
            half *= u.factor;
            k = u.next;
        }
        if unit == "second" {
            (value, half, k) = self.more_durations(value, half, k);
        }
        if age_before && matches!(unit, "count" | "second") {
            unit = "year_of_age";
            value = core.value;
            half = core.half;
        }
        if unit == "count" && !core.fraction {
            if let Some((den, den_core)) = self.ratio_after(k, &core) {
                ratio = Some([core.value, den]);
                value = core.value / den;
                half = (0.5 / den).min(RATIO_HALF);
                k = den_core;
                unit = "ratio";
            }
        }
        if core.fraction && unit == "count" && self.is(k, "of") {
            unit = "ratio";
            half = RATIO_HALF;
        }
        if let Some((b, next)) = self.match_table(k, tables::HEDGES_AFTER) {
            bound = b;
            k = next;
        } else if self
            .toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Sym && t.ch == '+' && t.glued)
        {
            bound = Bound::AtLeast;
            k += 1;
        }
        let mut per = None;
        if let Some((p, next)) = self.match_table(k, tables::RATES) {
            per = Some(p.to_string());
            k = next;
        }
        if CHANGE_AFTER.iter().any(|w| self.is(k, w)) && !matches!(unit, "second" | "year_of_age") {
            change = tables::lookup(tables::CHANGE_WORDS, self.word(k));
            k += 1;
        }
        let mut last = k - 1;
        if matches!(unit, "count" | "ratio") || currency.is_some() {
            if let Some((noun, at)) = self.noun_run(k) {
                counts = Some(noun);
                last = at;
                if per.is_none() {
                    // "£3 million funding each year"
                    if let Some((p, next)) = self.match_table(at + 1, tables::RATES) {
                        per = Some(p.to_string());
                        last = next - 1;
                    }
                }
            }
        }
        if counts.is_none() && matches!(unit, "percent" | "ratio" | "count") && self.is(k, "of") {
            counts = self.of_phrase(k + 1);
        }
        if change.is_none() {
            change = self.change_before(i);
        }
        if value < 0.0 && unit == "percent" && change.is_none() {
            value = -value;
            change = Some(Change::Down);
        }
        let bare_word = core.lone_one || (core.words && counts.is_none() && change.is_none());
        if bare_word && unit == "count" && core.range.is_none() {
            return Some(core.next);
        }
        let (low, high) = match core.range {
            Some((lo, hi)) if unit == "count" || currency.is_some() => {
                bound = Bound::Range;
                (
                    lo * (value / core.value.max(f64::MIN_POSITIVE)),
                    hi * (value / core.value.max(f64::MIN_POSITIVE)),
                )
            }
            _ => interval(value, half, bound, unit),
        };
        let (text, start, end) = self.slice(i, last);
        let role = self.role_before(i);
        self.found.push(Found {
            q: Quantity {
                text,
                start,
                end,
                value,
                low,
                high,
                unit: unit.to_string(),
                counts,
                period: None,
                change,
                bound,
                role,
                per,
                ratio,
            },
            first: i,
            last,
        });
        Some(last + 1)
    }

    /// The unit written after the number: percent, points, currency word, time unit, age, factor.
    fn unit_after(&self, k: usize, has_currency: bool, core: &Core) -> Option<Unit> {
        let t = self.toks.get(k)?;
        if t.kind == Kind::Sym && t.ch == '%' {
            return Some(self.points_after(k + 1).unwrap_or(Unit {
                unit: "percent",
                factor: 1.0,
                next: k + 1,
            }));
        }
        if t.kind == Kind::Sym && t.ch == '\u{2030}' {
            return Some(Unit {
                unit: "percent",
                factor: 0.1,
                next: k + 1,
            });
        }
        for words in tables::PERCENT_WORDS {
            if let Some(next) = self.seq(k, words) {
                return Some(self.points_after(next).unwrap_or(Unit {
                    unit: "percent",
                    factor: 1.0,
                    next,
                }));
            }
        }
        if let Some((f, next)) = self.match_table(k, tables::POINT_WORDS) {
            let bare_points = self.is(k, "points") || self.is(k, "point");
            if !bare_points || self.percent_nearby(k) {
                return Some(Unit {
                    unit: "percentage_point",
                    factor: f,
                    next,
                });
            }
        }
        if !has_currency {
            let w = self.word(k);
            if let Some(&(_, code, f)) = tables::CURRENCY_WORDS
                .iter()
                .find(|(c, _, _)| c.eq_ignore_ascii_case(w))
            {
                let minor_glued = w.eq_ignore_ascii_case("p") && !t.glued;
                if !minor_glued {
                    return Some(Unit {
                        unit: code,
                        factor: f,
                        next: k + 1,
                    });
                }
            }
        }
        // "33-year-old", "10-second", "12-month", "33 years old", "5 working days".
        let (unit_at, hyphenated) = if t.kind == Kind::Hyphen {
            (k + 1, true)
        } else if tables::DURATION_ADJECTIVES.iter().any(|w| self.is(k, w)) && self.class(k + 1) & class::TIME_UNIT != 0
        {
            (k + 1, false)
        } else {
            (k, false)
        };
        if let Some(secs) = tables::lookup(tables::TIME_UNITS, self.word(unit_at)) {
            if self.class(unit_at) & class::TIME_UNIT == 0 && !self.toks[unit_at].glued {
                return None;
            }
            let after = unit_at + 1;
            let is_year = secs > 3e7 && secs < 4e7;
            if is_year {
                let old = if hyphenated && self.kind(after) == Some(Kind::Hyphen) {
                    after + 1
                } else {
                    after
                };
                if self.is(old, "old") || self.is(old, "olds") {
                    return Some(Unit {
                        unit: "year_of_age",
                        factor: 1.0,
                        next: old + 1,
                    });
                }
            }
            return Some(Unit {
                unit: "second",
                factor: secs,
                next: after,
            });
        }
        if self.is(k, "times") && !core.fraction {
            return Some(Unit {
                unit: "factor",
                factor: 1.0,
                next: k + 1,
            });
        }
        if t.kind == Kind::Hyphen && self.is(k + 1, "fold") {
            return Some(Unit {
                unit: "factor",
                factor: 1.0,
                next: k + 2,
            });
        }
        if self.is(k, "x") && t.glued {
            return Some(Unit {
                unit: "factor",
                factor: 1.0,
                next: k + 1,
            });
        }
        None
    }

    fn points_after(&self, k: usize) -> Option<Unit> {
        let next = self.seq(k, &["points"]).or_else(|| self.seq(k, &["point"]))?;
        Some(Unit {
            unit: "percentage_point",
            factor: 1.0,
            next,
        })
    }

    /// "up 3 points" is percentage points only when the sentence talks in percentages.
    fn percent_nearby(&self, k: usize) -> bool {
        let lo = k.saturating_sub(12);
        (lo..k).any(|i| {
            self.toks[i].kind == Kind::Sym && self.toks[i].ch == '%' || self.is(i, "percent") || self.is(i, "cent")
        })
    }

    /// "one minute 50 seconds", "1 hour and 20 minutes": adds the following smaller durations.
    fn more_durations(&self, mut value: f64, mut half: f64, mut k: usize) -> (f64, f64, usize) {
        let mut last_unit = f64::INFINITY;
        for _ in 0..3 {
            let start = if self.is(k, "and") { k + 1 } else { k };
            let Some(core) = numbers::core_at(self.text, self.toks, start) else {
                break;
            };
            if core.range.is_some() || core.fraction {
                break;
            }
            let Some(secs) = tables::lookup(tables::TIME_UNITS, self.word(core.next)) else {
                break;
            };
            if secs >= last_unit || secs * core.value >= value {
                break;
            }
            value += core.value * secs;
            half = core.half * secs;
            last_unit = secs;
            k = core.next + 1;
        }
        (value, half, k)
    }

    /// "seven out of eight", "one in four": the denominator and the index after it.
    fn ratio_after(&self, k: usize, num: &Core) -> Option<(f64, usize)> {
        let (den_at, strict) = if let Some(next) = self.seq(k, &["out", "of"]) {
            (next, false)
        } else if self.is(k, "in") {
            (k + 1, true)
        } else {
            return None;
        };
        let den = numbers::core_at(self.text, self.toks, den_at)?;
        if den.range.is_some() || den.fraction || den.year_like || den.value <= 0.0 || num.range.is_some() {
            return None;
        }
        if strict {
            // "1 in 4" but not "5 in 10 seconds" nor "12 in 2025".
            let unit_follows = self.unit_after(den.next, false, &den).is_some();
            if unit_follows || den.value > 1000.0 || den.value < num.value || num.value.fract() != 0.0 {
                return None;
            }
        }
        Some((den.value, den.next))
    }

    /// "all eight areas": a ratio of the whole.
    fn all_of(&mut self, i: usize, j: usize) -> Option<usize> {
        let core = numbers::core_at(self.text, self.toks, j + 1)?;
        if core.range.is_some() || core.fraction || core.year_like || core.value < 2.0 {
            return None;
        }
        let (noun, last) = self.noun_run(core.next)?;
        let (text, start, end) = self.slice(i, last);
        let half = (0.5 / core.value).min(RATIO_HALF);
        self.found.push(Found {
            q: Quantity {
                text,
                start,
                end,
                value: 1.0,
                low: 1.0 - half,
                high: 1.0,
                unit: "ratio".to_string(),
                counts: Some(noun),
                period: None,
                change: None,
                bound: Bound::Exact,
                role: None,
                per: None,
                ratio: Some([core.value, core.value]),
            },
            first: i,
            last,
        });
        Some(last + 1)
    }

    /// "half of the officers", "half a million".
    fn half(&mut self, i: usize, j: usize, bound: Bound) -> Option<usize> {
        let article = self.is(j + 1, "a") || self.is(j + 1, "an");
        if article && self.class(j + 2) & class::SCALE != 0 {
            let scale = tables::lookup(tables::SCALE_WORDS, self.word(j + 2))?;
            let core = Core {
                value: 0.5 * scale,
                half: 0.05 * scale,
                range: None,
                next: j + 3,
                words: true,
                fraction: false,
                year_like: false,
                lone_one: false,
                scaled: true,
            };
            return self.figure(i, bound, None, core);
        }
        if !self.is(j + 1, "of")
            || j > 0 && (self.is(j - 1, "the") || self.is(j - 1, "first") || self.is(j - 1, "second"))
        {
            return None;
        }
        let counts = self.of_phrase(j + 2);
        let (text, start, end) = self.slice(i, j);
        let (low, high) = interval(0.5, RATIO_HALF, bound, "ratio");
        self.found.push(Found {
            q: Quantity {
                text,
                start,
                end,
                value: 0.5,
                low,
                high,
                unit: "ratio".to_string(),
                counts,
                period: None,
                change: None,
                bound,
                role: None,
                per: None,
                ratio: None,
            },
            first: i,
            last: j,
        });
        Some(j + 1)
    }

    /// "doubled", "more than tripled", "halved".
    fn factor_word(&mut self, i: usize, j: usize, bound: Bound) -> Option<usize> {
        let (_, f, dir) = tables::FACTORS
            .iter()
            .find(|(w, _, _)| w.eq_ignore_ascii_case(self.word(j)))?;
        let (text, start, end) = self.slice(i, j);
        let (low, high) = interval(*f, 0.0, bound, "factor");
        self.found.push(Found {
            q: Quantity {
                text,
                start,
                end,
                value: *f,
                low,
                high,
                unit: "factor".to_string(),
                counts: None,
                period: None,
                change: Some(*dir),
                bound,
                role: None,
                per: None,
                ratio: None,
            },
            first: i,
            last: j,
        });
        Some(j + 1)
    }

    /// The head noun of the phrase starting at `k`: the first plural noun, else the last word.
    pub(crate) fn noun_run(&self, k: usize) -> Option<(String, usize)> {
        let mut idx = k;
        let mut words = 0;
        let mut last = None;
        let mut plural = None;
        let mut after_hyphen = false;
        while words < MAX_NOUN_WORDS {
            let Some(t) = self.toks.get(idx) else { break };
            match t.kind {
                Kind::Word => {
                    let w = self.word(idx);
                    let compound = self.toks.get(idx + 1).is_some_and(|n| n.kind == Kind::Hyphen);
                    let stop = !compound
                        && t.class & (class::STOP | class::NUMWORD | class::SCALE | class::VAGUE | class::CHANGE) != 0
                        || (t.cap && t.class & class::MONTH != 0);
                    let lower = w.to_ascii_lowercase();
                    let tail = |s: &str| w.len() > 4 && lower.ends_with(s);
                    let verb_like = tail("ing") || tail("ed");
                    let adverb = ADVERB_ENDINGS.iter().any(|e| tail(e));
                    // "27 Bubba Wallace", "2134 Caldwell Place": a name after a number is not what it counts.
                    // "three Taliban prisoners" and "three million Palestinians" still count people.
                    let modifier = self.plain_word(idx + 1) && self.toks.get(idx + 1).is_some_and(|n| !n.cap)
                        || (lower.ends_with('s') && !lower.ends_with("ss"));
                    let name = words == 0 && t.cap && w.chars().skip(1).any(char::is_lowercase) && !modifier;
                    // "4 combined" counts nothing; "500 trained officers" counts officers.
                    let lone_verb = words == 0 && tail("ed") && !self.plain_word(idx + 1);
                    if words == 0 && (lower.ends_with("'s") || lower.ends_with("\u{2019}s")) {
                        // "of the Met's total budget": the owner is not the thing counted.
                        idx += 1;
                        continue;
                    }
                    if stop || adverb || name || lone_verb || (words > 0 && verb_like && !after_hyphen) {
                        break;
                    }
                    last = Some(idx);
                    let followed_by_hyphen = self.kind(idx + 1) == Some(Kind::Hyphen);
                    let plural_like = w.len() > 2
                        && (w.ends_with('s') || w.ends_with('S'))
                        && !w.contains(['\'', '\u{2019}'])
                        && !["ss", "us", "is"].iter().any(|s| w.to_ascii_lowercase().ends_with(s));
                    let irregular = tables::lookup(tables::IRREGULAR_PLURALS, w).is_some();
                    if plural.is_none() && !followed_by_hyphen && plural_like && !irregular {
                        plural = Some(idx);
                    }
                    if !after_hyphen {
                        words += 1;
                    }
                    after_hyphen = false;
                }
                Kind::Hyphen if last == Some(idx.wrapping_sub(1)) && self.kind(idx + 1) == Some(Kind::Word) => {
                    after_hyphen = true;
                }
                _ => break,
            }
            idx += 1;
        }
        let head = plural.or(last)?;
        Some((tables::singular(self.word(head)), head.max(last.unwrap_or(head))))
    }

    /// A lower-case content word at `i`: not a stop word, verb form or number.
    fn plain_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let w = self.word(i).to_ascii_lowercase();
        t.kind == Kind::Word
            && t.class & (class::STOP | class::NUMWORD | class::SCALE | class::CHANGE) == 0
            && !(w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed")))
    }

    /// What a share is of: "of [the] [999] calls" → call.
    fn of_phrase(&self, k: usize) -> Option<String> {
        let mut i = k;
        while OF_DETERMINERS.iter().any(|d| self.is(i, d)) {
            i += 1;
        }
        if let Some(core) = numbers::core_at(self.text, self.toks, i) {
            i = core.next;
        }
        self.noun_run(i).map(|(n, _)| n)
    }

    /// A change verb a few words before the figure: "fell by 11", "down 22%", "rose from 19".
    fn change_before(&self, i: usize) -> Option<Change> {
        let mut k = i;
        for _ in 0..3 {
            k = k.checked_sub(1)?;
            let t = self.toks[k];
            if t.kind != Kind::Word {
                return None;
            }
            if t.class & class::CHANGE != 0 {
                return tables::lookup(tables::CHANGE_WORDS, self.word(k));
            }
            if !tables::CHANGE_GAP.iter().any(|g| self.is(k, g)) {
                return None;
            }
        }
        None
    }

    fn role_before(&self, i: usize) -> Option<Role> {
        let p = i.checked_sub(1)?;
        if self.is(p, "from") {
            Some(Role::From)
        } else if self.is(p, "to") {
            Some(Role::To)
        } else {
            None
        }
    }

    /// "from 19 per cent … to 25 per cent": both ends share the direction, inferred from the values if unwritten.
    fn link_from_to(&mut self) {
        for a in 0..self.found.len() {
            if self.found[a].q.role != Some(Role::From) {
                continue;
            }
            let sentence_end = self.sentence_end(self.found[a].last);
            let partner = (a + 1..self.found.len()).find(|&b| {
                let f = &self.found[b];
                f.first < sentence_end && f.q.role == Some(Role::To) && f.q.unit == self.found[a].q.unit
            });
            if let Some(b) = partner {
                let (va, vb) = (self.found[a].q.value, self.found[b].q.value);
                let inferred = if vb > va {
                    Some(Change::Up)
                } else if vb < va {
                    Some(Change::Down)
                } else {
                    None
                };
                let dir = self.found[a].q.change.or(self.found[b].q.change).or(inferred);
                self.found[a].q.change = dir;
                self.found[b].q.change = dir;
            }
        }
        for f in &mut self.found {
            if f.q.role == Some(Role::To) && f.q.change.is_none() {
                f.q.role = None;
            }
        }
    }

    fn sentence_end(&self, from: usize) -> usize {
        (from..self.toks.len())
            .find(|&i| self.toks[i].kind == Kind::Break)
            .unwrap_or(self.toks.len())
    }
}

/// The interval a figure allows given its precision and hedge.
pub(crate) fn interval(value: f64, half: f64, bound: Bound, unit: &str) -> (f64, f64) {
    let spread = (tables::HEDGE_WIDTH * value.abs()).max(half);
    let floor = if unit == "date" || value < 0.0 {
        f64::NEG_INFINITY
    } else {
        0.0
    };
    match bound {
        Bound::Exact | Bound::Range => (value - half, value + half),
        Bound::About => (value - spread, value + spread),
        Bound::Nearly => (value - spread, value + half),
        Bound::AtMost => (floor, value),
        Bound::AtLeast => (value, f64::INFINITY),
    }
}
