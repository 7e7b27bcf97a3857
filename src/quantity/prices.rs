//! Money around a number: the currency before it ("$5", "US$ 5", "USD 200", "Rs 500", "MEUR 120"), after it ("5
//! dollars", "10 €", "115USD", "75 USD million", "470 pence", "a 12-cent"), and the amounts that continue in a minor
//! unit ("thirteen dollars and forty-five cents", "15 dollars 50", "one kuai and five mao five").
//!
//! "pounds" is the one word that is money or mass by the words around it: mass when "of" follows ("2,000 pounds of
//! fentanyl") or the sentence weighs things, money when it pays, costs or spends, or a scale comes before ("3
//! million pounds"); mass otherwise, as news that means sterling writes "£". A bare "cents" is a euro cent in a
//! sentence in euros, a US cent otherwise.

use super::figures::{MoneyBefore, Parser};
use super::lexer::Kind;
use super::money::{self, Currency, Hit, Minor};
use super::numbers::Core;
use super::suffix::Reading;
use super::tables::class;
use super::unit::{Unit, UnitDef};

/// Words that make "pounds" sterling.
const MONEY_CUES: &[&str] = &[
    "cost",
    "costs",
    "costing",
    "paid",
    "pay",
    "pays",
    "paying",
    "price",
    "prices",
    "priced",
    "worth",
    "fine",
    "fined",
    "salary",
    "salaries",
    "wage",
    "wages",
    "budget",
    "spend",
    "spent",
    "spending",
    "funding",
    "fund",
    "funds",
    "raise",
    "raised",
    "donated",
    "donation",
    "prize",
    "earn",
    "earned",
    "earns",
    "earning",
    "bill",
    "fee",
    "fees",
    "loan",
    "loans",
    "debt",
    "tax",
    "taxes",
    "bonus",
    "bid",
    "sold",
    "sell",
    "buy",
    "bought",
    "invest",
    "invested",
    "investment",
    "compensation",
    "charge",
    "charged",
    "rent",
    "mortgage",
    "income",
    "profit",
    "revenue",
    "cash",
    "money",
    "pension",
    "grant",
    "award",
    "awarded",
    "deal",
    "contract",
    "ticket",
    "tickets",
    "value",
    "valued",
    "bank",
    "sterling",
    "note",
    "notes",
    "coin",
    "coins",
];

/// Words that make "pounds" a mass.
const MASS_CUES: &[&str] = &[
    "weigh",
    "weighs",
    "weighed",
    "weighing",
    "weight",
    "weights",
    "heavy",
    "heavier",
    "lighter",
    "lb",
    "lbs",
    "kg",
    "kilos",
    "kilograms",
    "ounces",
    "oz",
    "ton",
    "tons",
    "tonnes",
    "stone",
    "baby",
    "babies",
    "birth",
];

/// Tokens either side of "pounds" searched for cues.
const CUE_REACH: usize = 12;

/// Largest number read as the cents after a whole amount ("15 dollars 50").
const MAX_CENTS: f64 = 99.0;

impl Parser<'_> {
    /// A currency before the number at `j`: a sign, a code or a name directly before digits, or a scaled code.
    pub(crate) fn currency_before(&self, j: usize) -> (Option<MoneyBefore>, usize) {
        let number_at = |k: usize| self.kind(k) == Some(Kind::Num);
        if let Some(m) = money::at(self.text, self.toks, j) {
            let found = match m.value {
                Hit::Sign(c) if number_at(m.next) || self.class(m.next) & (class::NUMWORD | class::VAGUE) != 0 => {
                    Some(c)
                }
                Hit::Name(c) if number_at(m.next) && self.word(j).len() > 1 => Some(c),
                _ => None,
            };
            if let Some(c) = found {
                let before = MoneyBefore {
                    unit: Unit::Measure(&c.def),
                    scale: 1.0,
                };
                return (Some(before), m.next);
            }
        }
        if let Some((c, scale)) = self.scaled_code(j) {
            if number_at(j + 1) {
                let before = MoneyBefore {
                    unit: Unit::Measure(&c.def),
                    scale,
                };
                return (Some(before), j + 1);
            }
        }
        (None, j)
    }

    /// "MEUR", "MAUD", "kUSD": a currency code with a scale letter before it.
    fn scaled_code(&self, k: usize) -> Option<(&'static Currency, f64)> {
        let w = self.word(k);
        money::CODE_SCALES.iter().find_map(|&(prefix, scale)| {
            let code = w.strip_prefix(prefix)?;
            let upper = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
            upper.then(|| money::by_code(code)).flatten().map(|c| (c, scale))
        })
    }

    /// Money written after the number at `k` ("5 dollars", "10 €", "470 pence", "a 12-cent", "75 USD million").
    pub(crate) fn money_after(&self, k: usize, has_money: bool) -> Option<Reading> {
        // "2.000 millones de euros": the page language's "of" may stand between an amount and its currency.
        let foreign_of = !self.is(k, "of") && self.is_of(k);
        let at = if self.kind(k) == Some(Kind::Hyphen) || foreign_of {
            k + 1
        } else {
            k
        };
        if let Some((c, scale)) = self.scaled_code(at) {
            return Some(Reading {
                unit: Unit::Measure(&c.def),
                factor: scale,
                next: at + 1,
            });
        }
        let m = money::at(self.text, self.toks, at)?;
        if m.tight && !(self.toks[at].glued && at == k) {
            return None;
        }
        let def: &'static UnitDef = match m.value {
            // "1 $10": a sign before digits belongs to them.
            Hit::Sign(_) if self.kind(m.next) == Some(Kind::Num) && self.toks[m.next].glued => return None,
            Hit::Minor(c, minor) if c.def.name == "USD" && !m.tight && !has_money => &self.cents_of(minor).def,
            hit => hit.def(),
        };
        // "75 USD million": a scale after the code.
        let mut next = m.next;
        let mut factor = 1.0;
        if self.class(next) & class::SCALE != 0 {
            if let Some(s) = self.lx.scale(self.word(next)).filter(|s| *s >= 1e3) {
                factor = s;
                next += 1;
            }
        }
        Some(Reading {
            unit: Unit::Measure(def),
            factor,
            next,
        })
    }

    /// A bare "cents" in a sentence in euros is a euro cent.
    fn cents_of(&self, us_cent: &'static Minor) -> &'static Minor {
        let euro = self.toks.iter().any(|t| {
            (t.kind == Kind::Sym && t.ch == '€')
                || (t.kind == Kind::Word && {
                    let w = &self.text[t.start..t.end];
                    w.eq_ignore_ascii_case("euro") || w.eq_ignore_ascii_case("euros") || w == "EUR"
                })
        });
        if euro {
            money::by_code("EUR").and_then(money::cent_of).unwrap_or(us_cent)
        } else {
            us_cent
        }
    }

    /// "pounds" at `k` is sterling rather than a mass.
    pub(crate) fn pounds_are_money(&self, k: usize) -> bool {
        if self.is(k + 1, "of") {
            return false;
        }
        let lo = k.saturating_sub(CUE_REACH);
        let hi = (k + CUE_REACH).min(self.toks.len());
        let any = |cues: &[&str]| (lo..hi).any(|i| i != k && cues.iter().any(|c| self.is(i, c)));
        if any(MASS_CUES) {
            return false;
        }
        let sign = (lo..hi).any(|i| self.toks[i].kind == Kind::Sym && money::is_sign_char(self.toks[i].ch));
        let scaled = k.checked_sub(1).is_some_and(|p| self.class(p) & class::SCALE != 0);
        sign || scaled || any(MONEY_CUES)
    }

    /// The amount in a minor unit that continues a sum of money at `k`: "and forty-five cents", "50" after "15
    /// dollars", "five mao five". The value stays in the first unit.
    pub(crate) fn money_chain(&self, def: &'static UnitDef, value: f64, half: f64, k: usize) -> (f64, f64, usize) {
        let Some(cur) = money::currencies_of(def) else {
            return (value, half, k);
        };
        let and = self.is(k, "and");
        let start = if and { k + 1 } else { k };
        let Some(core) = self.cents_core(start) else {
            return (value, half, k);
        };
        // "and forty-five cents", "five mao".
        if let Some(m) = money::at(self.text, self.toks, core.next) {
            if let Hit::Minor(c, minor) = m.value {
                if std::ptr::eq(c, cur) && minor.def.factor < def.factor {
                    let f = minor.def.factor / def.factor;
                    let (mut v, mut h, mut next) = (value + core.value * f, core.half * f, m.next);
                    // "five mao five": a bare number after a minor unit is the next smaller one.
                    if let Some(smaller) = cur.minor.iter().find(|s| s.def.factor < minor.def.factor) {
                        if let Some(tail) = self.cents_core(next).filter(|t| self.ends_amount(t.next)) {
                            let f2 = smaller.def.factor / def.factor;
                            v += tail.value * f2;
                            h = tail.half * f2;
                            next = tail.next;
                        }
                    }
                    return (v, h, next);
                }
            }
        }
        // "15 dollars 50", "17 USD 25": bare cents after a whole amount written with its currency after it.
        let whole = value.fract() == 0.0 && def.factor == 1.0;
        if !and && whole && self.ends_amount(core.next) {
            let f = cur.minor.first().map_or(0.01, |m| m.def.factor);
            return (value + core.value * f, core.half * f, core.next);
        }
        (value, half, k)
    }

    /// A whole number of 1–99 at `k`, as the cents of an amount.
    fn cents_core(&self, k: usize) -> Option<Core> {
        let core = self.core_at(k)?;
        // "11a" is a code, not eleven cents.
        let glued_after = self
            .toks
            .get(core.next)
            .is_some_and(|t| t.glued && matches!(t.kind, Kind::Word | Kind::Num));
        let ok = !glued_after
            && core.range.is_none()
            && !core.fraction
            && core.value.fract() == 0.0
            && (1.0..=MAX_CENTS).contains(&core.value)
            && !core.scaled;
        ok.then_some(core)
    }

    /// Nothing that makes the number at the end of an amount a figure of its own follows at `k`: no unit, no noun.
    fn ends_amount(&self, k: usize) -> bool {
        match self.toks.get(k) {
            None => true,
            Some(t) if matches!(t.kind, Kind::Break | Kind::Clause) => true,
            Some(t) if t.kind == Kind::Word => {
                t.class & (class::STOP | class::CHANGE | class::JOINER) != 0 && !self.is(k, "per") && !self.is(k, "of")
            }
            _ => false,
        }
    }

    /// "5 ft 2 in", "5 feet and 2 inches", "11 st 4 lb": smaller units of the same dimension, in the first unit.
    pub(crate) fn imperial_chain(
        &self,
        def: &'static UnitDef,
        mut value: f64,
        mut half: f64,
        mut k: usize,
    ) -> (f64, f64, usize) {
        // "a 6-foot-2 forward": inches after feet, by a hyphen.
        let inches = super::measures::named("inch");
        let glued_num = |x: usize| {
            self.toks
                .get(x)
                .is_some_and(|t| t.kind == Kind::Num && t.glued && t.decimals == 0)
        };
        if def.name == "foot" && self.kind(k) == Some(Kind::Hyphen) && glued_num(k + 1) && self.toks[k].glued {
            if let Some(inch) = inches.filter(|_| self.toks[k + 1].value < 12.0) {
                let f = inch.factor / def.factor;
                return (value + self.toks[k + 1].value * f, 0.5 * f, k + 2);
            }
        }
        let mut last = def.factor;
        for _ in 0..2 {
            let start = if self.is(k, "and") { k + 1 } else { k };
            let Some(core) = self.core_at(start).filter(|c| c.range.is_none() && !c.scaled) else {
                break;
            };
            let Some(m) = super::measures::at(self.text, self.toks, core.next) else {
                break;
            };
            let d = &m.value.def;
            if d.dimension != def.dimension || d.factor >= last || !super::measures::chains(d) {
                break;
            }
            let f = d.factor / def.factor;
            value += core.value * f;
            half = core.half * f;
            last = d.factor;
            k = m.next;
        }
        (value, half, k)
    }
}
