//! Numbers written in words: cardinals to the trillions ("two hundred and fifty-three thousand", "twenty-one
//! trillion and three hundred", "4 thousand 3 hundred and 21", "three lakh crore", "deux millions et demi",
//! "doscientos treinta y cinco", "zweihundertfünfzig"), fractions ("two thirds", "a quarter", "three and a fifth",
//! "three quarters billion", "a twenty-first") and decimals ("five point five", "nine point nought four").
//!
//! Two passes. The first collects the longest run of tokens that can continue one number, by what may follow what
//! ("twenty one" is 21, "one two" is two numbers, "three-nought-four" three, "four thousand three million" stops
//! before "three"); the second evaluates it. A run that ends in an ordinal is a fraction: the ordinal, with the
//! tens word before it ("three twenty-firsts", "one hundred thirty fifths" = 100/35) or with "one" and the scale
//! before it ("one one hundred fifth" = 1/105) when a numerator is left, is the denominator; an "and" before the
//! numerator splits off a whole part ("two hundred and fifty-four hundredths" = 200.54, "three and a fifth").
//! A singular ordinal after "a" or "one" before a noun is a place, not a fraction ("a fifth term").

use super::figures::Parser;
use super::lexer::Kind;
use super::numbers::{half_width, Core};
use super::tables::{self, class};

/// Most tokens in a number written in words ("two hundred and fifty-three thousand" is nine).
const MAX_WORD_TOKENS: usize = 16;

/// What one token of a number in words is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    Zero,
    /// 1–9.
    Unit(f64),
    /// 10–19.
    Teen(f64),
    /// 20, 30, … 90.
    Tens(f64),
    /// A number below a hundred written as one word: "veintiuno", "einundzwanzig".
    Below100(f64),
    /// A number below a thousand written as one word, or digits inside a number in words ("doscientos", "3").
    Group(f64),
    /// A number of a thousand or more written as one word: "dreitausend".
    Big(f64),
    /// "hundred", "cent", "hundert": multiplies the group before it.
    Hundred(f64),
    /// A scale of a thousand or more.
    Scale(f64),
    Dozen,
    /// "a", "an", "un": one, before a scale or fraction.
    Article,
    Joiner,
    /// A fraction word and its denominator, and whether it is also a unit ordinal (its value then).
    Frac(f64, Option<f64>, bool),
    /// An ordinal that only ends compounds: "first", "second".
    Ordinal(f64, bool),
}

/// One atom and where it stands.
#[derive(Debug, Clone, Copy)]
struct Slot {
    atom: Atom,
    tok: usize,
    /// Joined to the atom before by a hyphen ("twenty-first").
    hyphen: bool,
}

impl Atom {
    fn is_count(self) -> bool {
        matches!(
            self,
            Atom::Zero
                | Atom::Unit(_)
                | Atom::Teen(_)
                | Atom::Tens(_)
                | Atom::Below100(_)
                | Atom::Group(_)
                | Atom::Big(_)
        )
    }
    fn denominator(self) -> bool {
        matches!(self, Atom::Frac(..) | Atom::Ordinal(..))
    }
}

impl Parser<'_> {
    /// The atom a token is, by its word (digits count inside a number in words).
    fn atom(&self, i: usize) -> Option<Atom> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Num {
            let whole = t.decimals == 0 && !t.frac && !t.grouped && t.value >= 0.0 && t.value < 1000.0;
            return whole.then(|| count(t.value));
        }
        if t.kind != Kind::Word {
            return None;
        }
        let w = self.word(i);
        let c = t.class;
        if c & class::ARTICLE != 0 && c & class::NUMWORD == 0 {
            return Some(Atom::Article);
        }
        if tables::DOZENS.iter().any(|d| d.eq_ignore_ascii_case(w)) {
            return Some(Atom::Dozen);
        }
        if c & class::NUMWORD != 0 {
            return self.lx.number(w).map(count);
        }
        if c & class::SCALE != 0 {
            // "mil millones", "mil milhões": a thousand before a larger scale, whatever "mil" means alone.
            if w.eq_ignore_ascii_case("mil") && self.class(i + 1) & class::SCALE != 0 {
                return Some(Atom::Scale(1e3));
            }
            let s = self.lx.scale(w)?;
            return Some(if s < 1e3 { Atom::Hundred(s) } else { Atom::Scale(s) });
        }
        if c & class::FRACTION != 0 {
            let plural = w.ends_with(['s', 'S']);
            return Some(Atom::Frac(self.lx.fraction(w)?, self.lx.ordinal(w), plural));
        }
        if c & class::ORDINAL != 0 {
            return Some(Atom::Ordinal(self.lx.ordinal(w)?, w.ends_with(['s', 'S'])));
        }
        if c & class::JOINER != 0 {
            return Some(Atom::Joiner);
        }
        None
    }

    /// A compound denominator starts at `i`: a tens word before a unit ordinal, or one and a scale before one.
    fn starts_denominator(&self, i: usize) -> bool {
        let unit_ordinal = |a: Option<Atom>| matches!(a, Some(Atom::Frac(_, Some(_), _) | Atom::Ordinal(..)));
        let (n1, _) = self.next_atom_at(i + 1);
        match self.atom(i) {
            Some(Atom::Tens(_)) => unit_ordinal(self.atom(n1)),
            Some(Atom::Unit(1.0) | Atom::Article) => {
                matches!(self.atom(n1), Some(Atom::Hundred(_) | Atom::Scale(_))) && unit_ordinal(self.atom(n1 + 1))
            }
            _ => false,
        }
    }

    /// After a joiner at `k`, a fraction tail follows: "and a half", "and three quarters", "et demi".
    fn fraction_tail(&self, k: usize) -> bool {
        let mut i = k + 1;
        for _ in 0..6 {
            match self.atom(i) {
                Some(Atom::Frac(..)) => return true,
                Some(Atom::Article | Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_)) => i += 1,
                _ if self.kind(i) == Some(Kind::Hyphen) => i += 1,
                _ => return false,
            }
        }
        false
    }

    /// The index of the next atom after `i`, skipping a joining hyphen (or a spaced dash between number words).
    fn next_atom_at(&self, i: usize) -> (usize, bool) {
        let dash = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                t.kind == Kind::Hyphen || (t.kind == Kind::Clause && self.text[t.start..t.end] == *"-")
            })
        };
        let joins =
            |a: Atom| a.is_count() || a.denominator() || matches!(a, Atom::Hundred(_) | Atom::Joiner | Atom::Article);
        if dash(i) && self.atom(i + 1).is_some_and(joins) {
            (i + 1, true)
        } else {
            (i, false)
        }
    }

    /// The atoms of the number in words starting at `j`, longest valid run.
    fn atoms(&self, j: usize) -> Vec<Slot> {
        let mut out: Vec<Slot> = Vec::new();
        let mut i = j;
        let mut hyphen = false;
        // The largest scale applied so far: scales must descend ("two million three thousand").
        let mut top = f64::INFINITY;
        while i < j + MAX_WORD_TOKENS {
            let Some(atom) = self.atom(i) else { break };
            let prev = out.last().map(|s| s.atom);
            let before_prev = out.len().checked_sub(2).map(|p| out[p].atom);
            let ok = match (prev, atom) {
                (None, Atom::Joiner | Atom::Ordinal(..)) => false,
                // Digits start a number in words only before a scale: "4 thousand 3 hundred and 21".
                (None, _) if self.kind(i) == Some(Kind::Num) => matches!(
                    self.atom(self.next_atom_at(i + 1).0),
                    Some(Atom::Hundred(_) | Atom::Scale(_) | Atom::Dozen)
                ),
                // A count that cannot continue the number may begin its compound denominator: "twenty twenty
                // fifths", "one one hundred fifth", "three twenty-firsts".
                (Some(p), a) if p.is_count() && a.is_count() && self.starts_denominator(i) => true,
                // "a hundred", "a quarter", "a dozen", "a twenty-first"; not "a 40-year-old".
                (None, Atom::Article) => {
                    let word_next = self.kind(i + 1) == Some(Kind::Word);
                    word_next
                        && match self.atom(i + 1) {
                            Some(Atom::Hundred(_) | Atom::Scale(_) | Atom::Frac(..) | Atom::Dozen) => true,
                            Some(Atom::Tens(_)) => self.starts_denominator(i + 1),
                            _ => false,
                        }
                }
                (None, Atom::Hundred(_) | Atom::Scale(_)) => {
                    matches!(self.atom(i + 1), Some(Atom::Scale(_)))
                }
                (None, Atom::Frac(..)) => matches!(self.atom(i + 1), Some(Atom::Scale(_))),
                (None, _) => true,
                (Some(Atom::Zero), _) => false,
                (Some(Atom::Article), a) => {
                    matches!(
                        a,
                        Atom::Hundred(_) | Atom::Scale(_) | Atom::Frac(..) | Atom::Dozen | Atom::Tens(_)
                    )
                }
                // French "quatre-vingts": four twenties.
                (Some(Atom::Unit(4.0)), Atom::Tens(20.0)) if hyphen => true,
                (Some(Atom::Unit(_) | Atom::Teen(_) | Atom::Below100(_)), a) => matches!(
                    a,
                    Atom::Hundred(_) | Atom::Scale(_) | Atom::Frac(..) | Atom::Dozen | Atom::Joiner
                ),
                // French "soixante-dix", "quatre-vingt-douze".
                (Some(Atom::Tens(_)), Atom::Teen(_)) => hyphen,
                (Some(Atom::Tens(_)), a) => matches!(
                    a,
                    Atom::Unit(_)
                        | Atom::Hundred(_)
                        | Atom::Scale(_)
                        | Atom::Frac(..)
                        | Atom::Ordinal(..)
                        | Atom::Joiner
                ),
                (Some(Atom::Group(_) | Atom::Big(_)), a) => match a {
                    Atom::Scale(_) | Atom::Frac(..) | Atom::Joiner | Atom::Dozen => true,
                    Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_) | Atom::Below100(_) => {
                        matches!(prev, Some(Atom::Group(g)) if g >= 100.0 && self.kind(i) != Some(Kind::Num))
                    }
                    _ => false,
                },
                (Some(Atom::Hundred(_)), a) => {
                    matches!(
                        a,
                        Atom::Unit(_)
                            | Atom::Teen(_)
                            | Atom::Tens(_)
                            | Atom::Below100(_)
                            | Atom::Scale(_)
                            | Atom::Joiner
                            | Atom::Frac(..)
                    ) || matches!(a, Atom::Group(g) if g < 100.0)
                }
                (Some(Atom::Scale(s)), a) => match a {
                    Atom::Scale(t) => t > s && before_prev.is_some_and(|b| !matches!(b, Atom::Scale(_))),
                    Atom::Group(g) => g < s.min(1e3),
                    Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_) | Atom::Below100(_) => true,
                    Atom::Joiner | Atom::Frac(..) => true,
                    _ => false,
                },
                (Some(Atom::Dozen), _) => false,
                (Some(Atom::Joiner), a) => {
                    let head = before_prev;
                    let after_scale = matches!(head, Some(Atom::Hundred(_) | Atom::Scale(_) | Atom::Group(_)));
                    let tens_unit = matches!((head, a), (Some(Atom::Tens(_)), Atom::Unit(_) | Atom::Teen(_)))
                        && !matches!(self.atom(i + 1), Some(Atom::Hundred(_) | Atom::Scale(_)))
                        && !j
                            .checked_sub(1)
                            .is_some_and(|p| self.is(p, "between") || self.is(p, "from"));
                    let tail = self.fraction_tail(i - 1) || matches!(a, Atom::Frac(..));
                    (after_scale && (a.is_count() && !matches!(a, Atom::Zero))) || tens_unit || tail
                }
                (Some(Atom::Frac(..) | Atom::Ordinal(..)), a) => matches!(a, Atom::Scale(_)),
            };
            if !ok {
                break;
            }
            if let Atom::Scale(s) = atom {
                let compound = matches!(prev, Some(Atom::Scale(_)));
                if s >= top && !compound {
                    break;
                }
                top = top.min(s);
            }
            out.push(Slot { atom, tok: i, hyphen });
            let (next, h) = self.next_atom_at(i + 1);
            i = next;
            hyphen = h;
        }
        // A run cannot end in a joiner or article.
        while out
            .last()
            .is_some_and(|s| matches!(s.atom, Atom::Joiner | Atom::Article))
        {
            out.pop();
        }
        out
    }

    /// A number written in words (or digits with scale words) starting at `j`.
    pub(crate) fn words_at(&self, j: usize) -> Option<Core> {
        let slots = self.atoms(j);
        let last = *slots.last()?;
        let next = last.tok + 1;
        // A trailing scale after a fraction multiplies it: "three quarters billion", "a half million".
        let (body, trailing) = match (slots.len().checked_sub(2).map(|p| slots[p].atom), last.atom) {
            (Some(Atom::Frac(..) | Atom::Ordinal(..)), Atom::Scale(s)) => (&slots[..slots.len() - 1], Some(s)),
            _ => (&slots[..], None),
        };
        let mut core = if body.last().is_some_and(|s| s.atom.denominator()) {
            self.fraction(body, trailing, next)?
        } else {
            let (value, _) = cardinal(body);
            let value = value * trailing.unwrap_or(1.0);
            let scaled = body.iter().any(|s| matches!(s.atom, Atom::Scale(_)));
            Core {
                value,
                half: half_width(value, 0),
                next,
                scaled,
                lone_one: body.len() == 1 && value == 1.0,
                ..Core::default()
            }
        };
        if !core.fraction {
            if let Some((v, decimals, after)) = self.point_decimals(core.next) {
                core.value += v;
                core.half = 0.5 * 10f64.powi(-decimals);
                core.next = after;
                core.lone_one = false;
            }
        }
        Some(core)
    }

    /// A run ending in a fraction word: its numerator, denominator and whole part.
    fn fraction(&self, body: &[Slot], trailing: Option<f64>, next: usize) -> Option<Core> {
        let n = body.len();
        let last = body[n - 1];
        let (den, den_start) = denominator(body)?;
        let head = &body[..den_start];
        // "and" splits off a whole part: "three and a fifth", "two hundred and fifty-four hundredths".
        let split = head.iter().rposition(|s| s.atom == Atom::Joiner);
        let (whole, numerator) = match split {
            Some(p) => (Some(&head[..p]), &head[p + 1..]),
            None => (None, head),
        };
        let num = if numerator.is_empty() {
            // "quarter million", "et demi".
            (trailing.is_some() || whole.is_some()).then_some(1.0)?
        } else {
            cardinal(numerator).0
        };
        // "a fifth term", "one third party": a singular ordinal after one before a noun counts places.
        let singular = matches!(last.atom, Atom::Frac(_, _, false) | Atom::Ordinal(_, false));
        let follows_noun = self.toks.get(next).is_some_and(|t| {
            t.kind == Kind::Word
                && t.class & (class::SCALE | class::STOP | class::JOINER | class::TIME_UNIT) == 0
                && !self.is(next, "of")
        });
        let measure_follows = super::measures::at(self.text, self.toks, next).is_some();
        if singular && num == 1.0 && whole.is_none() && trailing.is_none() && follows_noun && !measure_follows {
            return None;
        }
        let frac = num / den;
        let value = match whole {
            Some(w) => {
                let (v, scale) = cardinal(w);
                match trailing {
                    Some(t) if v >= t => v + frac * t,
                    Some(t) => (v + frac) * t,
                    None => v + frac * scale,
                }
            }
            None => frac * trailing.unwrap_or(1.0),
        };
        // A whole part gives the precision of a number ("two-and-a-half years" is 2–3 years); a bare fraction is
        // exact.
        let fraction = whole.is_none() && trailing.is_none();
        Some(Core {
            value,
            half: if fraction { 0.0 } else { half_width(value, 0) },
            next,
            fraction,
            scaled: trailing.is_some() || whole.is_some_and(|w| w.iter().any(|s| matches!(s.atom, Atom::Scale(_)))),
            ..Core::default()
        })
    }

    /// "point five", "point nought four", "point seventy-one": decimals read digit by digit.
    fn point_decimals(&self, k: usize) -> Option<(f64, i32, usize)> {
        if !self.is(k, "point") {
            return None;
        }
        let mut digits = String::new();
        let mut i = k + 1;
        while let Some(t) = self.toks.get(i) {
            if t.kind == Kind::Hyphen {
                i += 1;
                continue;
            }
            if t.kind != Kind::Word || t.class & class::NUMWORD == 0 {
                break;
            }
            let v = self.lx.number(self.word(i))?;
            if v >= 100.0 || digits.len() > 12 {
                break;
            }
            // "seventy-one" is two digits; "seventy" followed by another digit word joins it.
            let tens_then_unit = v >= 20.0 && v % 10.0 == 0.0 && {
                let (n, _) = self.next_atom_at(i + 1);
                matches!(self.atom(n), Some(Atom::Unit(_)))
            };
            if tens_then_unit {
                let (n, _) = self.next_atom_at(i + 1);
                let u = self.lx.number(self.word(n)).unwrap_or(0.0);
                digits.push_str(&format!("{}", (v + u) as u32));
                i = n + 1;
                continue;
            }
            digits.push_str(&format!("{}", v as u32));
            i += 1;
        }
        if digits.is_empty() {
            return None;
        }
        let value: f64 = format!("0.{digits}").parse().ok()?;
        Some((value, i32::try_from(digits.len()).unwrap_or(0), i))
    }
}

/// The atom for a count of `v`: zero, a unit, a teen, a tens word, or a larger group.
fn count(v: f64) -> Atom {
    match v {
        0.0 => Atom::Zero,
        x if x < 10.0 => Atom::Unit(x),
        x if x < 20.0 => Atom::Teen(x),
        x if x < 100.0 && x % 10.0 == 0.0 => Atom::Tens(x),
        x if x < 100.0 => Atom::Below100(x),
        x if x < 1000.0 => Atom::Group(x),
        x => Atom::Big(x),
    }
}

/// The denominator of a run ending in a fraction word, and where it starts.
fn denominator(body: &[Slot]) -> Option<(f64, usize)> {
    let n = body.len();
    let last = body[n - 1];
    let unit_ordinal = match last.atom {
        Atom::Frac(_, ord, _) => ord,
        Atom::Ordinal(v, _) => Some(v),
        _ => None,
    };
    if let Some(v) = unit_ordinal {
        // "twenty-first", "thirty fifths": the tens word joins the ordinal when a numerator is left before it.
        if n >= 3 {
            if let Atom::Tens(t) = body[n - 2].atom {
                if body[n - 3].atom != Atom::Joiner {
                    return Some((t + v, n - 2));
                }
            }
        }
        // "one one hundred fifth": one and a scale join the ordinal when a numerator is left before them.
        if n >= 4 {
            if let (Atom::Unit(1.0) | Atom::Article, Atom::Hundred(s) | Atom::Scale(s)) =
                (body[n - 3].atom, body[n - 2].atom)
            {
                if body[n - 4].atom.is_count() || matches!(body[n - 4].atom, Atom::Hundred(_) | Atom::Scale(_)) {
                    return Some((s + v, n - 3));
                }
            }
        }
    }
    match last.atom {
        Atom::Frac(d, _, _) => Some((d, n - 1)),
        // "first" and "second" alone are places, not fractions.
        _ => None,
    }
}

/// The value of a run of counts, hundreds and scales, and the last scale of a thousand or more it ends with.
fn cardinal(slots: &[Slot]) -> (f64, f64) {
    let (mut total, mut group) = (0.0f64, 0.0f64);
    let mut last_scale = 1.0;
    let mut prev: Option<Atom> = None;
    for s in slots {
        match s.atom {
            Atom::Zero => {}
            Atom::Unit(v) | Atom::Teen(v) | Atom::Below100(v) | Atom::Group(v) => group += v,
            Atom::Tens(v) if matches!(prev, Some(Atom::Unit(4.0))) && s.hyphen && v == 20.0 => group *= 20.0,
            Atom::Tens(v) => group += v,
            Atom::Big(v) => {
                total += v;
                last_scale = 1e3;
            }
            Atom::Hundred(h) => group = group.max(1.0) * h,
            Atom::Scale(sc) => {
                if matches!(prev, Some(Atom::Scale(_))) && group == 0.0 {
                    // "three lakh crore", "mil millones": a scale right after a scale multiplies it.
                    total *= sc;
                } else {
                    total += group.max(1.0) * sc;
                }
                group = 0.0;
                last_scale = sc;
            }
            Atom::Dozen => group = group.max(1.0) * 12.0,
            Atom::Article => group = group.max(1.0),
            Atom::Joiner | Atom::Frac(..) | Atom::Ordinal(..) => {}
        }
        if !matches!(s.atom, Atom::Joiner) {
            prev = Some(s.atom);
        }
    }
    let ends_in_scale = matches!(prev, Some(Atom::Scale(_))) && group == 0.0;
    (total + group, if ends_in_scale { last_scale } else { 1.0 })
}
