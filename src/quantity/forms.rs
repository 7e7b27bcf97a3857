//! Figures with a shape of their own: ratios ("seven out of eight", "one in four", "nine of the 12", "all eight
//! areas"), fractions ("half of", "half a million", "half a dozen"), factors ("doubled", "halved") and compound
//! durations ("one minute 50 seconds").
//!
//! Ratios are stored as fractions of one and compared as percentages, so "one in four" meets "25%"; their tolerance
//! is half a step of the denominator, at most 2.5 points.

use super::figures::{interval, Found, Parser, RATIO_HALF};
use super::numbers::Core;
use super::tables::{self, class};
use super::unit::Unit;
use super::{Bound, Quantity};

impl Parser<'_> {
    /// "one minute 50 seconds", "1 hour and 20 minutes": adds the following smaller durations.
    pub(crate) fn more_durations(&self, mut value: f64, mut half: f64, mut k: usize) -> (f64, f64, usize) {
        let mut last_unit = f64::INFINITY;
        for _ in 0..3 {
            let start = if self.is(k, "and") { k + 1 } else { k };
            let Some(core) = self.core_at(start) else {
                break;
            };
            if core.range.is_some() || core.fraction {
                break;
            }
            let Some(secs) = self.lx.time(self.word(core.next)) else {
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

    /// "seven out of eight", "one in four", "nine of the 12", "un visiteur sur trois": the denominator, the index
    /// after it, and the noun between the two numbers when the language puts it there.
    pub(crate) fn ratio_after(&self, k: usize, num: &Core) -> Option<(f64, usize, Option<usize>)> {
        let mut between = None;
        let (den_at, strict) = if let Some(next) = self.seq(k, &["out", "of"]) {
            // "seven out of every ten"
            (if self.is(next, "every") { next + 1 } else { next }, false)
        } else if self.is(k, "in") {
            // "one in every four"
            (if self.is(k + 1, "every") { k + 2 } else { k + 1 }, true)
        } else if self.is(k, "of") && self.is(k + 1, "the") && self.kind(k + 2) == Some(super::lexer::Kind::Num) {
            // "nine of the 12 jurors"
            (k + 2, true)
        } else if let Some(next) = self.ratio_words(k) {
            // "einer von drei", "uno de cada tres".
            (next, true)
        } else if let Some(next) = self.ratio_words(k + 1).filter(|_| self.plain_word(k)) {
            // "un visiteur sur trois".
            between = Some(k);
            (next, true)
        } else {
            return None;
        };
        let den = self.core_at(den_at)?;
        if den.range.is_some() || den.fraction || den.year_like || den.value <= 0.0 || num.range.is_some() {
            return None;
        }
        // "12 out of 10" is two figures: a share is never more than the whole.
        if den.value < num.value {
            return None;
        }
        if strict {
            // "1 in 4" but not "5 in 10 seconds" nor "12 in 2025".
            let unit_follows = self.unit_after(den.next, false, &den).is_some();
            if unit_follows || den.value > 1000.0 || den.value < num.value || num.value.fract() != 0.0 {
                return None;
            }
        }
        Some((den.value, den.next, between))
    }

    /// The end of the page language's words between the two numbers of a ratio, at `k`.
    fn ratio_words(&self, k: usize) -> Option<usize> {
        self.lx.ratio.iter().find_map(|words| self.seq(k, words))
    }

    /// "all eight areas": a ratio of the whole.
    pub(crate) fn all_of(&mut self, i: usize, j: usize) -> Option<usize> {
        let core = self.core_at(j + 1)?;
        if core.range.is_some() || core.fraction || core.year_like || core.value < 2.0 {
            return None;
        }
        let (noun, last) = self.noun_run(core.next)?;
        let (text, start, end) = self.slice(i, last);
        let half = (0.5 / core.value).min(RATIO_HALF);
        self.found.push(Found {
            q: Quantity {
                counts: Some(noun),
                ratio: Some([core.value, core.value]),
                ..Quantity::bare(text, start, end, Unit::Ratio, 1.0, (1.0 - half, 1.0), Bound::Exact)
            },
            first: i,
            last,
        });
        Some(last + 1)
    }

    /// "half of the officers", "half a million", "half a dozen".
    pub(crate) fn half(&mut self, i: usize, j: usize, bound: Bound) -> Option<usize> {
        let article = self.is(j + 1, "a") || self.is(j + 1, "an");
        let dozen = self.is(j + 2, "dozen");
        if article && (self.class(j + 2) & class::SCALE != 0 || dozen) {
            let scale = if dozen { 12.0 } else { self.lx.scale(self.word(j + 2))? };
            let core = Core {
                value: 0.5 * scale,
                half: 0.05 * scale,
                next: j + 3,
                scaled: !dozen,
                ..Core::default()
            };
            return self.figure(i, bound, None, core, false);
        }
        if !self.is(j + 1, "of")
            || j > 0 && (self.is(j - 1, "the") || self.is(j - 1, "first") || self.is(j - 1, "second"))
        {
            return None;
        }
        let counts = self.of_phrase(j + 2);
        let (text, start, end) = self.slice(i, j);
        let (low, high) = interval(0.5, RATIO_HALF, bound, Unit::Ratio);
        self.found.push(Found {
            q: Quantity {
                counts,
                ..Quantity::bare(text, start, end, Unit::Ratio, 0.5, (low, high), bound)
            },
            first: i,
            last: j,
        });
        Some(j + 1)
    }

    /// "doubled", "more than tripled", "halved".
    pub(crate) fn factor_word(&mut self, i: usize, j: usize, bound: Bound) -> Option<usize> {
        let word = self.word(j);
        let (f, change) = match tables::FACTORS.iter().find(|(w, _, _)| w.eq_ignore_ascii_case(word)) {
            Some(&(_, f, dir)) => (f, Some(dir)),
            None => (tables::lookup(tables::MULTIPLES, word)?, None),
        };
        let (text, start, end) = self.slice(i, j);
        let (low, high) = interval(f, 0.0, bound, Unit::Factor);
        self.found.push(Found {
            q: Quantity {
                change,
                ..Quantity::bare(text, start, end, Unit::Factor, f, (low, high), bound)
            },
            first: i,
            last: j,
        });
        Some(j + 1)
    }
}
