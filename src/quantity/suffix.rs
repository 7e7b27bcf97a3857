//! What follows a number and says what it is: percent and points, a currency, a unit of measure (glued, spaced or
//! hyphenated: "12km", "12 km", "a 3-inch"), a time unit, an age ("33 years old"), a factor ("three times").
//!
//! The order is the decision: percent and points first (they never mean anything else), then money (so "17c" is
//! cents and "30C" degrees), then time units, then units of measure, then factors. "pounds" is money or mass by the
//! words around it ([`Parser::pounds_are_money`]); a length followed by "per", "/" or "an" and a time unit is a speed.

use super::figures::Parser;
use super::lexer::Kind;
use super::measures::{self, SPEED_JOINERS, SPEED_TIME_WORDS};
use super::numbers::Core;
use super::tables::{self, class};
use super::unit::{Dimension, Unit, SECOND};

/// A unit read after a number: the unit, what the value is multiplied by (seconds for durations, a tenth for per
/// mille, a scale written after a currency code), and the index after it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading {
    pub unit: Unit,
    pub factor: f64,
    pub next: usize,
}

const fn reading(unit: Unit, factor: f64, next: usize) -> Reading {
    Reading { unit, factor, next }
}

/// Longest time-unit abbreviation that is read only in lower case when spaced ("5 ms", not "5 Ms Smith").
const SHORT_UNIT: usize = 3;

impl Parser<'_> {
    /// The unit written after the number at `k` (the last answer is kept: the figure parser asks twice).
    pub(crate) fn unit_after(&self, k: usize, has_money: bool, core: &Core) -> Option<Reading> {
        let key = (k, has_money, core.fraction);
        if let Some((at, r)) = self.last_unit.get() {
            if at == key {
                return r;
            }
        }
        let r = self.read_unit(k, has_money, core);
        self.last_unit.set(Some((key, r)));
        r
    }

    fn read_unit(&self, k: usize, has_money: bool, core: &Core) -> Option<Reading> {
        let t = *self.toks.get(k)?;
        if t.kind == Kind::Sym && t.ch == '%' {
            return Some(self.points_after(k + 1).unwrap_or(reading(Unit::Percent, 1.0, k + 1)));
        }
        if t.kind == Kind::Sym && t.ch == '\u{2030}' {
            return Some(reading(Unit::Percent, 0.1, k + 1));
        }
        if t.kind == Kind::Word {
            for words in &self.lx.percent {
                if let Some(next) = self.seq(k, words) {
                    return Some(self.points_after(next).unwrap_or(reading(Unit::Percent, 1.0, next)));
                }
            }
            if let Some((f, next)) = self.match_table(k, tables::POINT_WORDS) {
                let bare_points = self.is(k, "points") || self.is(k, "point");
                if !bare_points || self.percent_nearby(k) {
                    return Some(reading(Unit::PercentagePoint, f, next));
                }
            }
        }
        if let Some(r) = self.money_after(k, has_money) {
            return Some(r);
        }
        if let Some(r) = self.time_after(k) {
            return Some(r);
        }
        if let Some(r) = self.measure_after(k) {
            return Some(r);
        }
        if self.is(k, "times") && !core.fraction {
            return Some(reading(Unit::Factor, 1.0, k + 1));
        }
        if t.kind == Kind::Hyphen && self.is(k + 1, "fold") {
            return Some(reading(Unit::Factor, 1.0, k + 2));
        }
        if self.is(k, "x") && t.glued {
            return Some(reading(Unit::Factor, 1.0, k + 1));
        }
        None
    }

    /// "33-year-old", "10-second", "12-month", "33 years old", "5 working days".
    fn time_after(&self, k: usize) -> Option<Reading> {
        let t = self.toks[k];
        let (unit_at, hyphenated) = if t.kind == Kind::Hyphen {
            (k + 1, true)
        } else if tables::DURATION_ADJECTIVES.iter().any(|w| self.is(k, w)) && self.class(k + 1) & class::TIME_UNIT != 0
        {
            (k + 1, false)
        } else {
            (k, false)
        };
        let u = self.toks.get(unit_at)?;
        let w = self.word(unit_at);
        let secs = self.lx.time(w)?;
        // "5 Ms Smith", "3 Min": short abbreviations in capitals are names.
        if w.len() <= SHORT_UNIT && u.cap && !u.glued {
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
                return Some(reading(Unit::YearOfAge, 1.0, old + 1));
            }
        }
        Some(reading(Unit::Measure(&SECOND), secs, after))
    }

    /// A unit of measure at `k`, or after a hyphen there ("a 3-inch", "four-mile").
    fn measure_after(&self, k: usize) -> Option<Reading> {
        let at = if self.kind(k) == Some(Kind::Hyphen) { k + 1 } else { k };
        let m = measures::at(self.text, self.toks, at)?;
        let first = self.toks[at];
        if m.tight && !(first.glued && at == k) {
            return None;
        }
        let def = &m.value.def;
        if def.name == measures::POUND_MASS && self.word(at).to_ascii_lowercase().starts_with("pound") {
            if let Some(gbp) = self
                .pounds_are_money(at)
                .then(|| super::money::by_code("GBP"))
                .flatten()
            {
                return Some(reading(Unit::Measure(&gbp.def), 1.0, m.next));
            }
        }
        if def.dimension == Dimension::Length {
            if let Some((speed, next)) = self.speed_after(def, m.next) {
                return Some(reading(Unit::Measure(speed), 1.0, next));
            }
        }
        Some(reading(Unit::Measure(def), 1.0, m.next))
    }

    /// "per millisecond", "/ms", "an hour" after a length: the speed, and the index after it.
    fn speed_after(&self, length: &'static super::UnitDef, k: usize) -> Option<(&'static super::UnitDef, usize)> {
        let joined = self.sym(k, '/') || SPEED_JOINERS.iter().any(|j| self.is(k, j));
        if !joined {
            return None;
        }
        let w = self.word(k + 1);
        let (_, time) = SPEED_TIME_WORDS.iter().find(|(s, _)| s.eq_ignore_ascii_case(w))?;
        // "miles a day" is a distance per day, not read here; "a second" after "per" only.
        if self.is(k, "a") && !self.is(k + 1, "hour") {
            return None;
        }
        Some((measures::speed(length, *time)?, k + 2))
    }

    fn points_after(&self, k: usize) -> Option<Reading> {
        let next = self.seq(k, &["points"]).or_else(|| self.seq(k, &["point"]))?;
        Some(reading(Unit::PercentagePoint, 1.0, next))
    }

    /// "up 3 points" is percentage points only when the sentence talks in percentages.
    fn percent_nearby(&self, k: usize) -> bool {
        let lo = k.saturating_sub(12);
        (lo..k).any(|i| {
            self.toks[i].kind == Kind::Sym && self.toks[i].ch == '%' || self.is(i, "percent") || self.is(i, "cent")
        })
    }
}
