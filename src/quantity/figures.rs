//! From tokens to figures: the number with its hedge, sign, currency, unit, what it counts, its rate and its
//! direction.
//!
//! One left-to-right pass; at each token that can start a figure (a number, a number word, a hedge, a sign word, a
//! currency sign or code, a label word) it reads `[hedge] [sign] [currency] number [scale] [unit] [compound]
//! [hedge] [rate] [change] [noun]` and looks back a few words for a change verb ("fell by", "down"). Dates are
//! tried first (see [`super::periods`]) so that `2024` and `2023-24` never become counts, and numbers that name
//! something (see [`super::labels`]) become labels before they can become values. What a figure counts is the head
//! noun after it ("1,300 extra police officers" → officer) or after `of` for shares ("86.2% of 999 calls" → call).

use super::lexer::{Kind, Token};
use super::lexicon::Lexicon;
use super::numbers::Core;
use super::periods::Mention;
use super::suffix::Reading;
use super::tables::{self, class};
use super::unit::{Unit, SECOND};
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
    pub lx: &'a Lexicon,
    pub found: Vec<Found>,
    pub mentions: Vec<Mention>,
    /// The last unit read by [`Parser::unit_after`], by where and how it was asked.
    pub last_unit: std::cell::Cell<Option<LastUnit>>,
}

/// Where a unit was asked for (token, money before, a fraction before) and what was read there.
pub(crate) type LastUnit = ((usize, bool, bool), Option<Reading>);

/// A currency written before the number: its unit and any scale its code carries ("MEUR 120").
#[derive(Debug, Clone, Copy)]
pub(crate) struct MoneyBefore {
    pub unit: Unit,
    pub scale: f64,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str, toks: &'a [Token], ctx: &'a Context, lx: &'a Lexicon) -> Self {
        Parser {
            text,
            toks,
            ctx,
            lx,
            found: Vec::new(),
            mentions: Vec::new(),
            last_unit: std::cell::Cell::new(None),
        }
    }

    pub(crate) fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let t = self.toks[i];
            let anchor = match t.kind {
                Kind::Num => true,
                // A currency sign, or the plus of a phone number ("+1-222-2222").
                Kind::Sym => {
                    super::money::is_sign_char(t.ch)
                        || (t.ch == '+' && self.toks.get(i + 1).is_some_and(|n| n.kind == Kind::Num && n.glued))
                }
                // A capitalised word before a number may name it: "Apollo 11".
                Kind::Word => t.class & class::ANCHOR != 0 || (t.cap && self.kind(i + 1) == Some(Kind::Num)),
                Kind::Clause => i == 0 || self.kind(i - 1) == Some(Kind::Break),
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

    /// "of", or the page language's word for it after a share ("des", "der").
    pub(crate) fn is_of(&self, i: usize) -> bool {
        self.is(i, "of") || self.lx.of.iter().any(|w| self.is(i, w))
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn class(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.class)
    }

    pub(crate) fn sym(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Sym && t.ch == c)
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

    /// A rate after a figure ("a year", "per share", "annually"); every rate starts with a word of the tables.
    pub(crate) fn rate_at(&self, k: usize) -> Option<(&'static str, usize)> {
        if self.class(k) & (class::STOP | class::ARTICLE) == 0 && !self.is(k, "annually") {
            return None;
        }
        // "a year ago" is when, not how often
        self.match_table(k, tables::RATES)
            .filter(|&(_, next)| !self.is(next, "ago"))
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
        if let Some(next) = self.label_at(i) {
            return Some(next);
        }
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
        // "minus five percent", "negative one", and a dash opening the text before a spaced number ("- 1 4/5").
        let opening_dash = self.kind(j) == Some(Kind::Clause)
            && self.text[self.toks[j].start..self.toks[j].end] == *"-"
            && self.kind(j + 1) == Some(Kind::Num);
        let negative = self.class(j) & class::SIGN != 0 || opening_dash;
        if negative {
            j += 1;
        }
        // "up to a $250,000 fine": an article between a hedge and a currency sign.
        if bound != Bound::Exact && (self.is(j, "a") || self.is(j, "an")) && self.currency_before(j + 1).0.is_some() {
            j += 1;
        }
        let (money, after_money) = self.currency_before(j);
        j = after_money;
        if money.is_none() && !negative {
            if self.class(j) & class::FACTOR != 0 {
                return self.factor_word(i, j, bound);
            }
            if self.class(j) & class::ALL != 0 {
                return self.all_of(i, j);
            }
            if self.class(j) & class::FRACTION != 0 && self.is(j, "half") {
                if let Some(next) = self.half(i, j, bound) {
                    return Some(next);
                }
            }
        }
        let core = match self.article_duration(j, bound) {
            Some(c) => c,
            None => self.core_at(j)?,
        };
        if self.is_junk(j, &core) {
            return Some(core.next);
        }
        self.figure(i, bound, money, core, negative)
    }

    /// "a decade", "more than a year", "about an hour", "about an ounce": one of a unit.
    fn article_duration(&self, j: usize, bound: Bound) -> Option<Core> {
        if self.class(j) & class::ARTICLE == 0 {
            return None;
        }
        // A hedged article and a unit of measure by name: "nearly a ton" ("a foot" alone is a foot).
        let measure = super::measures::at(self.text, self.toks, j + 1).is_some_and(|m| !m.tight);
        if self.class(j + 1) & class::TIME_UNIT == 0 && !(measure && bound != Bound::Exact) {
            return None;
        }
        let unit_word = self.word(j + 1);
        let alone = tables::ARTICLE_DURATIONS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(unit_word));
        (bound != Bound::Exact || alone).then_some(Core {
            value: 1.0,
            half: 0.0,
            next: j + 1,
            ..Core::default()
        })
    }

    /// A figure can start at `i` only if a number, number word or currency sign is among the next few tokens:
    /// a cheap test that spares the hedge tables for every "in", "at" and "a".
    fn number_near(&self, i: usize) -> bool {
        const STARTS: u32 = class::NUMWORD
            | class::VAGUE
            | class::FACTOR
            | class::FRACTION
            | class::ALL
            | class::SCALE
            | class::TIME_UNIT;
        self.toks[i..].iter().enumerate().take(5).any(|(n, t)| match t.kind {
            Kind::Num => true,
            Kind::Sym => t.ch != '%',
            Kind::Word if t.class & class::ARTICLE != 0 && n > 0 => {
                super::measures::at(self.text, self.toks, i + n + 1).is_some()
            }
            Kind::Word => t.class & STARTS != 0,
            _ => false,
        })
    }

    /// Numbers that are parts of codes, times of day or ordinals (names are labels, read before).
    fn is_junk(&self, j: usize, core: &Core) -> bool {
        let t = self.toks[j];
        if t.kind != Kind::Num {
            return false;
        }
        if let Some(p) = j.checked_sub(1).map(|p| self.toks[p]) {
            if p.kind == Kind::Sym && (p.ch == '#' || (p.ch == ':' && p.glued)) {
                return true;
            }
        }
        if let Some(n) = self.toks.get(core.next) {
            // "1st", "22nd": an ordinal (before "12st" can be twelve stone).
            let ordinal =
                t.decimals == 0 && core.next == j + 1 && self.is(core.next, super::labels::ordinal_suffix(t.value));
            if n.glued && n.kind == Kind::Word && ordinal {
                return true;
            }
            if n.glued && n.kind == Kind::Word {
                let w = self.word(core.next);
                // "256kps": a word of three lower-case letters or more glued to a number is what it counts (a
                // typo or a unit of no table); codes ("11a", "1ZE", "4K") and "am"/"pm" are not figures.
                let counted = w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase());
                let known = counted
                    || self.unit_after(core.next, false, core).is_some()
                    || ["pc", "pp", "x", "s"].iter().any(|s| s.eq_ignore_ascii_case(w));
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
        }
        false
    }

    pub(crate) fn figure(
        &mut self,
        i: usize,
        mut bound: Bound,
        money: Option<MoneyBefore>,
        core: Core,
        negative: bool,
    ) -> Option<usize> {
        let sign = if negative { -1.0 } else { 1.0 };
        let money_scale = money.map_or(1.0, |m| m.scale);
        let mut value = core.value * sign * money_scale;
        let mut half = core.half * money_scale;
        let mut k = core.next;
        let mut ratio = None;
        let mut counted_between = None;
        let mut change = None;
        let mut unit = money.map_or(Unit::Count, |m| m.unit);
        let age_before = i.checked_sub(1).is_some_and(|p| self.class(p) & class::AGE != 0);
        let mut factor = money_scale;
        // "between 10 and 20 per cent" is one span; "from 19 to 25 per cent" lends its unit to the 19.
        let partner = self.range_partner(i, &core, money.is_some());
        let mut span = None;
        let probe = match partner {
            Some((second, true)) => second.next,
            Some((second, false)) => {
                span = Some((core.value * sign, second.value));
                k = second.next;
                k
            }
            None => k,
        };
        if let Some(r) = self.unit_after(probe, money.is_some(), &core) {
            let Reading {
                unit: u,
                factor: f,
                next,
            } = r;
            let keeps_money = money.is_some() && !matches!(u, Unit::Percent | Unit::PercentagePoint);
            if !keeps_money {
                unit = u;
            }
            value *= f;
            half *= f;
            factor *= f;
            if probe == k {
                k = next;
            }
        }
        if unit == Unit::Measure(&SECOND) {
            (value, half, k) = self.more_durations(value, half, k);
        } else if let Unit::Measure(def) = unit {
            if def.dimension == super::Dimension::Money && span.is_none() {
                (value, half, k) = self.money_chain(def, value, half, k);
            } else if super::measures::chains(def) && span.is_none() {
                (value, half, k) = self.imperial_chain(def, value, half, k);
            }
        }
        let age_after = unit == Unit::Count && self.age_after_name(i, &core);
        let ageless = matches!(unit, Unit::Count) || unit == Unit::Measure(&SECOND);
        if (age_before && ageless) || age_after {
            unit = Unit::YearOfAge;
            value = core.value;
            half = core.half;
        }
        if unit == Unit::Count && !core.fraction {
            if let Some((den, den_core, between)) = self.ratio_after(k, &core) {
                ratio = Some([core.value, den]);
                value = core.value / den;
                half = (0.5 / den).min(RATIO_HALF);
                k = den_core;
                unit = Unit::Ratio;
                counted_between = between.map(|b| tables::singular(self.word(b)));
            }
        }
        // A bare fraction of one or less is a share ("a third of the surface", "cut by a third", "fell by a
        // tenth"); one that counts a noun never got here ("a fifth term").
        if core.fraction && unit == Unit::Count && core.value <= 1.0 {
            unit = Unit::Ratio;
            half = RATIO_HALF;
        }
        let hedge_after = self.class(k) & class::STOP != 0 || self.is(k, "plus");
        if let Some((b, next)) = self.match_table(k, tables::HEDGES_AFTER).filter(|_| hedge_after) {
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
        if let Some((p, next)) = self.rate_at(k) {
            per = Some(p.to_string());
            k = next;
        }
        let directionless = matches!(unit, Unit::YearOfAge | Unit::Factor) || unit == Unit::Measure(&SECOND);
        if self.class(k) & class::CHANGE != 0 && tables::CHANGE_AFTER.iter().any(|w| self.is(k, w)) && !directionless {
            change = tables::lookup(tables::CHANGE_WORDS, self.word(k));
            k += 1;
        }
        let mut last = k - 1;
        let mut counts = counted_between;
        let foreign_of = !self.is(k, "of") && self.is_of(k);
        if counts.is_none() && !foreign_of && (matches!(unit, Unit::Count | Unit::Ratio) || unit.is_money()) {
            if let Some((noun, at)) = self.noun_run(k) {
                counts = Some(noun);
                last = at;
                if per.is_none() {
                    // "£3 million funding each year"
                    if let Some((p, next)) = self.rate_at(at + 1) {
                        per = Some(p.to_string());
                        last = next - 1;
                    }
                }
            }
        }
        if counts.is_none() && matches!(unit, Unit::Percent | Unit::Ratio | Unit::Count) && self.is_of(k) {
            counts = self.of_phrase(k + 1);
        }
        if change.is_none() {
            change = self.change_before(i).or_else(|| self.change_shared(i, unit));
        }
        // "-7%", "minus 0.3 percentage points": a fall written as a signed figure.
        if value < 0.0 && matches!(unit, Unit::Percent | Unit::PercentagePoint) && change.is_none() {
            change = Some(Change::Down);
        }
        if core.lone_one && unit == Unit::Count && core.range.is_none() && !negative {
            return Some(core.next);
        }
        // "a two-door car", "a three - way split": a number in words that opens a compound adjective.
        let word_number =
            self.kind(i) == Some(Kind::Word) && self.kind(core.next.saturating_sub(1)) == Some(Kind::Word);
        let dash = self.kind(k) == Some(Kind::Hyphen)
            || (self.kind(k) == Some(Kind::Clause) && self.text[self.toks[k].start..self.toks[k].end] == *"-");
        let compound = dash && self.kind(k + 1) == Some(Kind::Word) && self.class(k + 1) & class::NUMWORD == 0;
        if word_number
            && compound
            && unit == Unit::Count
            && counts.is_none()
            && change.is_none()
            && bound == Bound::Exact
        {
            return Some(core.next);
        }
        let (low, high) = match span.or(core.range) {
            Some((lo, hi)) if unit != Unit::Ratio => {
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
    fn range_partner(&self, i: usize, core: &Core, has_money: bool) -> Option<(Core, bool)> {
        let k = core.next;
        if core.range.is_some() || core.fraction || self.unit_after(k, has_money, core).is_some() {
            return None;
        }
        let before = |w: &str| i.checked_sub(1).is_some_and(|p| self.is(p, w));
        let hyphen = self.toks.get(k).is_some_and(|t| t.kind == Kind::Hyphen)
            && self.toks.get(k + 1).is_some_and(|t| t.glued && t.kind == Kind::Num);
        let joined = self.is(k, "to") || (self.is(k, "and") && before("between")) || hyphen;
        if !joined {
            return None;
        }
        let second = self.core_at(k + 1)?;
        if second.range.is_some() || second.fraction || second.year_like || second.value < core.value {
            return None;
        }
        let unit_follows = has_money || self.unit_after(second.next, has_money, &second).is_some();
        let noun_follows = self.noun_run(second.next).is_some();
        (unit_follows || noun_follows).then_some((second, before("from")))
    }
}

/// The interval a figure allows given its precision and hedge.
pub(crate) fn interval(value: f64, half: f64, bound: Bound, unit: Unit) -> (f64, f64) {
    let spread = (tables::HEDGE_WIDTH * value.abs()).max(half);
    let floor = if unit == Unit::Date || value < 0.0 {
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
