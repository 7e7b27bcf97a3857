//! The number at the heart of a figure: digits with a scale (`4.7 million`, `£151m`, `2.33 k`, `US$5MM`, `35 lakh`),
//! digit fractions and mixed numbers (`1/4`, `10 1/2`, `1½`), powers (`1.1^23`, `12.32e+14`, `1.3x10^6`), "N over M",
//! vague plurals (`hundreds`, `tens of thousands`) and, through [`super::words`], numbers in words — each with the
//! precision it was written to.
//!
//! Precision is the key decision: a figure is as precise as its last written digit (`86` covers 85.5–86.5,
//! `4.7 million` covers 4.65–4.75 million, `£480m` 479.5–480.5 million). Trailing zeros of a whole number of 100 or
//! more may be rounding, so `8,000` may stand for anything that rounds to it, but never by more than 5% of the value
//! (`300` is 285–315, not 250–350); below 100 they are digits like any other (`40%` is 39.5–40.5).

use super::figures::Parser;
use super::lexer::{Kind, Token};
use super::tables::{self, class};

/// Smallest whole number whose trailing zeros may be rounding: "40%" is 40, "300 staff" may be 296.
const ROUNDED_FROM: f64 = 100.0;

/// Largest share of the value that trailing zeros may hide.
const ROUNDING_SHARE: f64 = 0.05;

/// Denominators of the fractions news copy writes in digits (`1/2`, `3/4`, `7/10`); `9/11` and `24/7` are names.
const DIGIT_DENOMINATORS: &[f64] = &[2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0];

/// Largest power of ten read from `e` or `^` notation; beyond it the digits are a code, not a figure.
const MAX_EXPONENT: f64 = 30.0;

/// A number read from one or more tokens.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Core {
    pub value: f64,
    /// Half the width of the interval the written precision allows.
    pub half: f64,
    /// Vague plurals (`hundreds`) give an interval, not a value.
    pub range: Option<(f64, f64)>,
    /// Index of the first token after the number (and its scale).
    pub next: usize,
    /// A fraction of a whole (`two-thirds`, `a quarter`, `1/4`).
    pub fraction: bool,
    /// Four digits that could be a year (no groups, decimals, sign or scale).
    pub year_like: bool,
    /// A single word "one" or "a" with nothing else: too common to be a figure on its own.
    pub lone_one: bool,
    /// A scale (`million`, `m`) was applied.
    pub scaled: bool,
}

/// Half-width of the interval a number written with `decimals` decimals allows.
pub(crate) fn half_width(value: f64, decimals: u8) -> f64 {
    if decimals > 0 {
        return 0.5 * 10f64.powi(-i32::from(decimals));
    }
    let mut zeros = 0;
    let mut v = value.abs().round();
    while v >= 10.0 && v % 10.0 == 0.0 && zeros < 18 {
        v /= 10.0;
        zeros += 1;
    }
    if zeros == 0 || value.abs() < ROUNDED_FROM {
        0.5
    } else {
        (0.5 * 10f64.powi(zeros)).min(ROUNDING_SHARE * value.abs()).max(0.5)
    }
}

/// A whole number token that can be part of a fraction.
fn whole(t: &Token) -> bool {
    t.kind == Kind::Num && t.decimals == 0 && !t.grouped && !t.frac && t.value >= 0.0
}

impl Parser<'_> {
    /// Reads the number starting at token `j`, if there is one.
    pub(crate) fn core_at(&self, j: usize) -> Option<Core> {
        let t = self.toks.get(j)?;
        let core = match t.kind {
            Kind::Num => {
                let digits = self.digits(j);
                // "4 thousand 3 hundred and 21", "3 million and a half": digits that continue in words.
                match self.words_at(j) {
                    Some(w) if w.next > digits.next => w,
                    _ => digits,
                }
            }
            Kind::Word if t.class & class::VAGUE != 0 && !tables::DOZENS.iter().any(|d| self.is(j, d)) => {
                self.vague(j)?
            }
            Kind::Word if t.class & class::VAGUE != 0 => self.vague(j).or_else(|| self.words_at(j))?,
            Kind::Word
                if t.class & (class::NUMWORD | class::ARTICLE | class::FRACTION | class::SCALE | class::ORDINAL)
                    != 0 =>
            {
                self.words_at(j)?
            }
            _ => return None,
        };
        Some(self.over(core))
    }

    /// "2000 over 3", "one over twenty-one": a quotient, when nothing but the end of the phrase follows.
    fn over(&self, core: Core) -> Core {
        if !self.is(core.next, "over") || core.range.is_some() || core.fraction {
            return core;
        }
        let Some(den) = self.core_at_plain(core.next + 1) else {
            return core;
        };
        let ends = self
            .toks
            .get(den.next)
            .is_none_or(|t| matches!(t.kind, Kind::Break | Kind::Clause));
        if !ends || den.value <= 0.0 || den.range.is_some() || den.year_like {
            return core;
        }
        Core {
            value: core.value / den.value,
            half: 0.0,
            next: den.next,
            fraction: core.value < den.value,
            lone_one: false,
            ..core
        }
    }

    /// A number without the "over" reading (the denominator of one).
    fn core_at_plain(&self, j: usize) -> Option<Core> {
        match self.kind(j)? {
            Kind::Num => Some(self.digits(j)),
            Kind::Word => self.words_at(j),
            _ => None,
        }
    }

    fn digits(&self, j: usize) -> Core {
        let t = self.toks[j];
        let mut core = Core {
            value: t.value,
            half: if t.frac { 0.0 } else { half_width(t.value, t.decimals) },
            next: j + 1,
            fraction: t.frac && t.value < 1.0,
            year_like: t.int_digits == 4
                && t.decimals == 0
                && !t.grouped
                && (1800.0..=2100.0).contains(&t.value)
                && self.text.as_bytes()[t.start].is_ascii_digit(),
            ..Core::default()
        };
        if let Some(p) = self.power(j) {
            return p;
        }
        if let Some(f) = self.digit_fraction(j) {
            return f;
        }
        if let Some(m) = self.mixed_number(j) {
            core = m;
        }
        self.scale_after(j, core)
    }

    /// The scale after the digits at `j`: glued (`£151m`, `2mil`, `5MM`), a word (`4.7 million`, `10 bln`), or a
    /// spaced symbol (`2.33 k`, `1,674,200.5 M`); two scales in a row multiply (`2 lakh crore`).
    fn scale_after(&self, j: usize, mut core: Core) -> Core {
        let t = self.toks[j];
        let k = core.next;
        let Some(n) = self.toks.get(k) else { return core };
        let w = self.word(k);
        let glued = n.glued && n.kind == Kind::Word;
        let scale = if glued {
            tables::SCALE_SUFFIXES
                .iter()
                .find(|(s, _)| *s == w || (s.len() > 1 && s.eq_ignore_ascii_case(w) && !w.eq_ignore_ascii_case("mm")))
                .map(|&(_, v)| v)
                .filter(|_| !self.length_cue_after(k))
        } else if n.class & class::SCALE != 0 {
            self.lx
                .scale(w)
                .filter(|_| !(w.eq_ignore_ascii_case("mil") && self.class(k + 1) & class::SCALE != 0))
        } else if let Some(&(_, s)) = tables::PLURAL_SCALES.iter().find(|(p, _)| p.eq_ignore_ascii_case(w)) {
            // "200 thousands", "1.5 dozen": a plural scale or a dozen after digits multiplies them.
            Some(s)
        } else {
            tables::SCALE_SYMBOLS.iter().find(|(s, _)| *s == w).map(|&(_, v)| v)
        };
        // "mil millones": a thousand before a larger scale.
        let scale = scale.or_else(|| (w.eq_ignore_ascii_case("mil") && !glued).then_some(1e3));
        let Some(mut s) = scale else { return core };
        let mut next = k + 1;
        // "2 lakh crore": a larger scale after a scale multiplies it.
        if let Some(s2) = self.toks.get(next).filter(|x| x.class & class::SCALE != 0) {
            let v2 = self.lx.scale(self.word(next)).unwrap_or(0.0);
            if v2 > s && v2 >= 1e3 && s2.kind == Kind::Word {
                s *= v2;
                next += 1;
            }
        }
        core.value *= s;
        // With a scale the last written digit is the precision: "£480m" is 479.5m–480.5m.
        core.half = if core.half == 0.0 {
            0.0
        } else {
            0.5 * 10f64.powi(-i32::from(t.decimals)) * s
        };
        core.next = next;
        core.year_like = false;
        core.scaled = true;
        core
    }

    /// A glued `m` that a length word follows ("100m sprint", "30m-high"): metres, not millions.
    fn length_cue_after(&self, k: usize) -> bool {
        if !self.is(k, "m") {
            return false;
        }
        let at = if self.kind(k + 1) == Some(Kind::Hyphen) {
            k + 2
        } else {
            k + 1
        };
        tables::LENGTH_CUES.iter().any(|c| self.is(at, c))
            || self.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Sym && t.ch == '×')
    }

    /// `1.1^23`, `2.5^-1`, `12.32e+14`, `1.3x10^6`, `6.23×10^-4`.
    fn power(&self, j: usize) -> Option<Core> {
        let t = self.toks[j];
        let glued = |k: usize| self.toks.get(k).is_some_and(|x| x.glued);
        let sym = |k: usize, c: char| self.toks.get(k).is_some_and(|x| x.kind == Kind::Sym && x.ch == c) && glued(k);
        // The exponent after `k`: signs (a doubled minus cancels) and digits.
        let exponent = |mut k: usize| -> Option<(f64, usize)> {
            let mut sign = 1.0;
            loop {
                match self.toks.get(k) {
                    Some(x) if x.kind == Kind::Sym && x.ch == '+' && x.glued => k += 1,
                    Some(x)
                        if matches!(x.kind, Kind::Clause | Kind::Hyphen)
                            && x.glued
                            && self.text[x.start..x.end] == *"-" =>
                    {
                        sign = -sign;
                        k += 1;
                    }
                    Some(x) if x.kind == Kind::Num && x.glued && x.decimals == 0 => {
                        return (x.value.abs() <= MAX_EXPONENT).then_some((sign * x.value, k + 1));
                    }
                    _ => return None,
                }
            }
        };
        let base = t.value;
        let (value, next) = if sym(j + 1, '^') {
            let (e, next) = exponent(j + 2)?;
            let p = base.abs().powf(e);
            (if base < 0.0 { -p } else { p }, next)
        } else if glued(j + 1) && (self.is(j + 1, "e")) {
            let (e, next) = exponent(j + 2)?;
            (base * 10f64.powf(e), next)
        } else if (glued(j + 1) && self.is(j + 1, "x") || sym(j + 1, '×'))
            && self
                .toks
                .get(j + 2)
                .is_some_and(|x| x.kind == Kind::Num && x.value == 10.0 && x.glued)
            && sym(j + 3, '^')
        {
            let (e, next) = exponent(j + 4)?;
            (base * 10f64.powf(e), next)
        } else {
            return None;
        };
        value.is_finite().then_some(Core {
            value,
            half: 0.0,
            next,
            ..Core::default()
        })
    }

    /// `1/4`, `3/4`: a fraction in digits, when nothing makes it a date (`1/2/2020`) or a name (`9/11`, `24/7`).
    fn digit_fraction(&self, j: usize) -> Option<Core> {
        let (a, slash, b) = (self.toks.get(j)?, self.toks.get(j + 1)?, self.toks.get(j + 2)?);
        let is_slash = slash.kind == Kind::Sym && slash.ch == '/' && slash.glued && b.glued;
        if !is_slash || !whole(a) || !whole(b) || a.value >= b.value || a.value == 0.0 {
            return None;
        }
        if !DIGIT_DENOMINATORS.contains(&b.value) {
            return None;
        }
        let date_like = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|x| x.kind == Kind::Sym && x.ch == '/' && x.glued)
        };
        if date_like(j + 3) || j.checked_sub(1).is_some_and(date_like) {
            return None;
        }
        Some(Core {
            value: a.value / b.value,
            half: 0.0,
            next: j + 3,
            fraction: true,
            ..Core::default()
        })
    }

    /// `10 1/2`, `2  1/4`: a whole number and a digit fraction after it.
    fn mixed_number(&self, j: usize) -> Option<Core> {
        let t = self.toks[j];
        if !whole(&t) || self.toks.get(j + 1).is_none_or(|n| n.glued) {
            return None;
        }
        let f = self.digit_fraction(j + 1)?;
        Some(Core {
            value: t.value + f.value,
            half: 0.0,
            next: f.next,
            ..Core::default()
        })
    }

    /// `hundreds`, `dozens`, `tens of thousands`, `hundreds of millions`.
    fn vague(&self, j: usize) -> Option<Core> {
        let (low, high) = vague_range(self.word(j))?;
        let mut core = Core {
            value: low,
            range: Some((low, high)),
            next: j + 1,
            ..Core::default()
        };
        if self.is(j + 1, "of") && self.class(j + 2) & class::VAGUE != 0 {
            if let Some((inner_low, _)) = vague_range(self.word(j + 2)) {
                // The base of the inner word: "thousands" counts in thousands.
                let base = inner_low / 2.0;
                core.range = Some((low * base, high * base));
                core.value = low * base;
                core.next = j + 3;
            }
        }
        Some(core)
    }
}

fn vague_range(w: &str) -> Option<(f64, f64)> {
    tables::VAGUE_WORDS
        .iter()
        .find(|(v, _, _)| v.eq_ignore_ascii_case(w))
        .map(|&(_, lo, hi)| (lo, hi))
}
