//! The number at the heart of a figure: digits with a scale (`4.7 million`, `£151m`), number words
//! (`eight thousand`, `thirteen`, `two-and-a-half`), fractions (`two-thirds`, `a quarter`) and vague plurals
//! (`hundreds`, `tens of thousands`), with the precision each was written to.
//!
//! Precision is the key decision: a figure is as precise as its last written digit (`86` covers 85.5–86.5,
//! `4.7 million` covers 4.65–4.75 million, `£480m` 479.5–480.5 million). Trailing zeros of a whole number of 100 or
//! more may be rounding, so `8,000` may stand for anything that rounds to it, but never by more than 5% of the value
//! (`300` is 285–315, not 250–350); below 100 they are digits like any other (`40%` is 39.5–40.5).

use super::lexer::{Kind, Token};
use super::tables::{self, class};

/// Smallest whole number whose trailing zeros may be rounding: "40%" is 40, "300 staff" may be 296.
const ROUNDED_FROM: f64 = 100.0;

/// Largest share of the value that trailing zeros may hide.
const ROUNDING_SHARE: f64 = 0.05;

/// Most tokens in a number written in words ("two hundred and fifty-three thousand" is nine).
const MAX_WORD_TOKENS: usize = 16;

/// A number read from one or more tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Core {
    pub value: f64,
    /// Half the width of the interval the written precision allows.
    pub half: f64,
    /// Vague plurals (`hundreds`) give an interval, not a value.
    pub range: Option<(f64, f64)>,
    /// Index of the first token after the number (and its scale).
    pub next: usize,
    /// Written in words.
    pub words: bool,
    /// A fraction of a whole (`two-thirds`, `a quarter`).
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

fn is_word(text: &str, t: &Token, w: &str) -> bool {
    t.kind == Kind::Word && text[t.start..t.end].eq_ignore_ascii_case(w)
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    if t.kind == Kind::Word {
        &text[t.start..t.end]
    } else {
        ""
    }
}

/// Reads the number starting at token `j`, if there is one.
pub(crate) fn core_at(text: &str, toks: &[Token], j: usize) -> Option<Core> {
    let t = toks.get(j)?;
    match t.kind {
        Kind::Num => Some(digits(text, toks, j)),
        Kind::Word if t.class & class::VAGUE != 0 => vague(text, toks, j),
        Kind::Word if t.class & (class::NUMWORD | class::ARTICLE | class::FRACTION) != 0 => words(text, toks, j),
        _ => None,
    }
}

fn digits(text: &str, toks: &[Token], j: usize) -> Core {
    let t = toks[j];
    let mut core = Core {
        value: t.value,
        half: half_width(t.value, t.decimals),
        range: None,
        next: j + 1,
        words: false,
        fraction: false,
        year_like: t.int_digits == 4
            && t.decimals == 0
            && !t.grouped
            && (1800.0..=2100.0).contains(&t.value)
            && text.as_bytes()[t.start].is_ascii_digit(),
        lone_one: false,
        scaled: false,
    };
    if let Some(n) = toks.get(j + 1) {
        let scale = if n.glued {
            tables::lookup(tables::SCALE_SUFFIXES, word(text, n))
        } else if n.class & class::SCALE != 0 {
            tables::lookup(tables::SCALE_WORDS, word(text, n))
        } else {
            None
        };
        if let Some(s) = scale {
            core.value *= s;
            // With a scale the last written digit is the precision: "£480m" is 479.5m–480.5m.
            core.half = 0.5 * 10f64.powi(-i32::from(t.decimals)) * s;
            core.next = j + 2;
            core.year_like = false;
            core.scaled = true;
        }
    }
    core
}

/// `hundreds`, `dozens`, `tens of thousands`, `hundreds of millions`.
fn vague(text: &str, toks: &[Token], j: usize) -> Option<Core> {
    let (low, high) = vague_range(word(text, &toks[j]))?;
    let mut core = Core {
        value: low,
        half: 0.0,
        range: Some((low, high)),
        next: j + 1,
        words: true,
        fraction: false,
        year_like: false,
        lone_one: false,
        scaled: false,
    };
    if let (Some(of), Some(inner)) = (toks.get(j + 1), toks.get(j + 2)) {
        if is_word(text, of, "of") && inner.class & class::VAGUE != 0 {
            if let Some((inner_low, _)) = vague_range(word(text, inner)) {
                // The base of the inner word: "thousands" counts in thousands.
                let base = inner_low / 2.0;
                core.range = Some((low * base, high * base));
                core.value = low * base;
                core.next = j + 3;
            }
        }
    }
    Some(core)
}

fn vague_range(w: &str) -> Option<(f64, f64)> {
    tables::VAGUE_WORDS
        .iter()
        .find(|(v, _, _)| v.eq_ignore_ascii_case(w))
        .map(|&(_, lo, hi)| (lo, hi))
}

/// Number words: `eight thousand`, `two hundred and fifty`, `twenty-five`, `two-and-a-half`, `a dozen`,
/// `a million`, `two-thirds`, `a quarter`.
fn words(text: &str, toks: &[Token], j: usize) -> Option<Core> {
    let first = toks[j];
    let mut k = j;
    let mut total: f64 = 0.0;
    let mut current: f64 = 0.0;
    let mut any = false;
    let mut article = false;
    let mut fraction = false;
    let mut tokens_used = 0;
    if first.class & class::ARTICLE != 0 {
        // "a" or "an" counts as one only before a scale, a dozen or a fraction.
        let n = toks.get(j + 1)?;
        let w = word(text, n);
        let ok = n.class & (class::SCALE | class::FRACTION) != 0 || w.eq_ignore_ascii_case("dozen");
        if !ok || n.class & class::TIME_UNIT != 0 {
            return None;
        }
        current = 1.0;
        article = true;
        k += 1;
    }
    while let Some(t) = toks.get(k).filter(|_| k < j + MAX_WORD_TOKENS) {
        let w = word(text, t);
        if t.kind == Kind::Word && t.class & class::NUMWORD != 0 {
            let v = tables::lookup(tables::NUMBER_WORDS, w)?;
            if (v - 12.0).abs() < f64::EPSILON && w.eq_ignore_ascii_case("dozen") {
                current = current.max(1.0) * 12.0;
            } else if any && current > 0.0 && current < 10.0 {
                // "one two" is two numbers, not twelve.
                break;
            } else {
                current += v;
            }
            any = true;
        } else if t.kind == Kind::Word && t.class & class::SCALE != 0 && (any || article) {
            let s = tables::lookup(tables::SCALE_WORDS, w)?;
            if s < 1e3 {
                current = current.max(1.0) * s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            any = true;
        } else if t.kind == Kind::Word && t.class & class::FRACTION != 0 && (any || article) && current > 0.0 {
            // "two-thirds", "three quarters", "a quarter"; "the third" never reaches here.
            let den = tables::lookup(tables::FRACTIONS, w)?;
            current /= den;
            fraction = true;
            any = true;
            k += 1;
            tokens_used += 1;
            break;
        } else if t.kind == Kind::Hyphen && any {
            let next_num = toks
                .get(k + 1)
                .is_some_and(|n| n.class & (class::NUMWORD | class::FRACTION) != 0 || is_word(text, n, "and"));
            if !next_num {
                break;
            }
        } else if is_word(text, t, "and") && any {
            if let Some(next) = and_a_half(text, toks, k) {
                current += 0.5;
                k = next;
                tokens_used += 1;
                continue;
            }
            let next_num = toks.get(k + 1).is_some_and(|n| n.class & class::NUMWORD != 0);
            if !(next_num && (total > 0.0 || current >= 100.0)) {
                break;
            }
        } else {
            break;
        }
        k += 1;
        tokens_used += 1;
    }
    if !any {
        return None;
    }
    let value = total + current;
    let lone_one = tokens_used == 1 && (value - 1.0).abs() < f64::EPSILON && !fraction;
    Some(Core {
        value,
        half: if fraction { 0.0 } else { half_width(value, 0) },
        range: None,
        next: k,
        words: true,
        fraction,
        year_like: false,
        lone_one,
        scaled: total > 0.0,
    })
}

/// After a number: `and a half` / `-and-a-half`; returns the index after "half".
fn and_a_half(text: &str, toks: &[Token], k: usize) -> Option<usize> {
    let mut i = k + 1;
    let mut expect = ["a", "half"].into_iter();
    let mut want = expect.next();
    while let (Some(t), Some(w)) = (toks.get(i), want) {
        if t.kind == Kind::Hyphen {
            i += 1;
            continue;
        }
        if !is_word(text, t, w) {
            return None;
        }
        want = expect.next();
        i += 1;
    }
    want.is_none().then_some(i)
}
