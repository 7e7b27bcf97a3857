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
use super::{Bound, Change, Context, Quantity};

/// A quantity with the tokens it was read from.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub q: Quantity,
    pub first: usize,
    pub last: usize,
}

/// Tolerance of a ratio written as words ("one in four" is 22.5–27.5%), at most half a step of its denominator.
pub(crate) const RATIO_HALF: f64 = 0.025;

/// The figure and period parser: one pass over the tokens, collecting figures and period mentions.
pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub ctx: &'a Context,
    pub found: Vec<Found>,
    pub mentions: Vec<Mention>,
}

/// What follows a number: the unit reading.
pub(crate) struct Unit {
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
                // The second half of a score ("7-6") or of a code.
                if w.kind == Kind::Num && p.glued {
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
                // "3440x1440", "4x4": dimensions, not figures.
                let dimensions = self
                    .toks
                    .get(core.next + 1)
                    .is_some_and(|d| d.glued && d.kind == Kind::Num);
                if !known || decade || dimensions {
                    return true;
                }
            }
            if n.glued && n.kind == Kind::Sym && (n.ch == ':' || n.ch == '/') {
                return true;
            }
            // "7-5, 6-2", "21-21": a score, unless a unit or noun makes it a span ("5-8 minutes", "4-9 pears").
            if n.kind == Kind::Hyphen
                && self
                    .toks
                    .get(core.next + 1)
                    .is_some_and(|m| m.glued && m.kind == Kind::Num)
            {
                let second = numbers::core_at(self.text, self.toks, core.next + 1);
                let span = second.is_some_and(|sc| {
                    sc.value >= core.value
                        && (self.unit_after(sc.next, false, &sc).is_some() || self.noun_run(sc.next).is_some())
                });
                if !span {
                    return true;
                }
            }
        }
        false
    }

    pub(crate) fn figure(
        &mut self,
        i: usize,
        mut bound: Bound,
        currency: Option<&'static str>,
        core: Core,
    ) -> Option<usize> {
        let mut value = core.value;
        let mut half = core.half;
        let mut k = core.next;
        let mut ratio = None;
        let mut counts = None;
        let mut change = None;
        let mut unit: &'static str = currency.unwrap_or("count");
        let age_before = i.checked_sub(1).is_some_and(|p| self.class(p) & class::AGE != 0);
        let mut factor = 1.0;
        // "between 10 and 20 per cent" is one span; "from 19 to 25 per cent" lends its unit to the 19.
        let partner = self.range_partner(i, &core, currency.is_some());
        let mut span = None;
        let probe = match partner {
            Some((second, true)) => second.next,
            Some((second, false)) => {
                span = Some((core.value, second.value));
                k = second.next;
                k
            }
            None => k,
        };
        if let Some(u) = self.unit_after(probe, currency.is_some(), &core) {
            unit = if currency.is_some() && !matches!(u.unit, "percent" | "percentage_point") {
                unit
            } else {
                u.unit
            };
            value *= u.factor;
            half *= u.factor;
            factor = u.factor;
            if probe == k {
                k = u.next;
            }
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
        if tables::CHANGE_AFTER.iter().any(|w| self.is(k, w)) && !matches!(unit, "second" | "year_of_age" | "factor") {
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
            change = self.change_before(i).or_else(|| self.change_shared(i, unit));
        }
        if value < 0.0 && unit == "percent" && change.is_none() {
            value = -value;
            change = Some(Change::Down);
        }
        let bare_word = core.lone_one || (core.words && counts.is_none() && change.is_none());
        if bare_word && unit == "count" && core.range.is_none() {
            return Some(core.next);
        }
        let (low, high) = match span.or(core.range) {
            Some((lo, hi)) if unit != "ratio" => {
                bound = Bound::Range;
                if span.is_some() {
                    bound = Bound::Between;
                    value = f64::midpoint(lo, hi) * factor;
                }
                (lo * factor, hi * factor)
            }
            _ => interval(value, half, bound, unit),
        };
        let (text, start, end) = self.slice(i, last);
        let role = self.role_before(i);
        self.found.push(Found {
            q: Quantity {
                counts,
                change,
                role,
                per,
                ratio,
                ..Quantity::bare(text, start, end, unit, value, (low, high), bound)
            },
            first: i,
            last,
        });
        Some(last + 1)
    }

    /// A second number that makes a span with the first ("between 10 and 20 per cent", "10-20%", "10 to 20 per
    /// cent"), when the first has no unit of its own; `true` when it is rather the other end of "from X to Y".
    fn range_partner(&self, i: usize, core: &Core, has_currency: bool) -> Option<(Core, bool)> {
        let k = core.next;
        if core.range.is_some() || core.fraction || self.unit_after(k, has_currency, core).is_some() {
            return None;
        }
        let before = |w: &str| i.checked_sub(1).is_some_and(|p| self.is(p, w));
        let hyphen = self.toks.get(k).is_some_and(|t| t.kind == Kind::Hyphen)
            && self.toks.get(k + 1).is_some_and(|t| t.glued && t.kind == Kind::Num);
        let joined = self.is(k, "to") || (self.is(k, "and") && before("between")) || hyphen;
        if !joined {
            return None;
        }
        let second = numbers::core_at(self.text, self.toks, k + 1)?;
        if second.range.is_some() || second.fraction || second.year_like || second.value < core.value {
            return None;
        }
        let unit_follows = has_currency || self.unit_after(second.next, has_currency, &second).is_some();
        let noun_follows = self.noun_run(second.next).is_some();
        (unit_follows || noun_follows).then_some((second, before("from")))
    }

    /// The unit written after the number: percent, points, currency word, time unit, age, factor.
    pub(crate) fn unit_after(&self, k: usize, has_currency: bool, core: &Core) -> Option<Unit> {
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
        Bound::Exact | Bound::Range | Bound::Between => (value - half, value + half),
        Bound::About => (value - spread, value + spread),
        Bound::Nearly => (value - spread, value + half),
        Bound::AtMost => (floor, value),
        Bound::AtLeast => (value, f64::INFINITY),
    }
}
