//! Dates and periods: `June 2022`, `28 June 2022`, `in January`, `in 2024`, `since 2016`, financial years
//! `2023-24`, ranges `between 2023-24 and 2025-26`, and relative periods (`last year`, `the previous calendar
//! year`, `this financial year`) resolved against the page's publication date.
//!
//! A period written with a year is also a figure of its own (unit `date`, value and interval in days since the
//! Common Era) so that "June 2019" can contradict "June 2022". Every period is then attached to the figures of its
//! clause, or, when it opens the sentence in a clause of its own ("In January, it reached 90.9 per cent"), to the
//! figures of the clauses after it. Without a publication date a relative period stays unresolved and matches any
//! period: a claim rarely says which "last year" it means.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::figures::{Found, Parser};
use super::lexer::{Kind, Token};
use super::tables::{self, class, Relative};
use super::unit::Unit;
use super::{Bound, Quantity};

/// The time a figure describes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// As written: "in 2024", "last year", "between 2023-24 and 2025-26".
    pub text: String,
    /// First day, when known.
    pub first: Option<NaiveDate>,
    /// Last day, when known (`None` with `since`: up to the present).
    pub last: Option<NaiveDate>,
    /// The month, when the period is one calendar month (known even when the year is not).
    pub month: Option<u32>,
    /// "since 2016": open towards the present.
    pub since: bool,
}

/// How two periods relate, for pairing figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// Both known and different.
    Different,
    /// At least one unknown.
    Unknown,
    /// The same period.
    Same,
}

impl Period {
    /// Compares two periods: the same, different, or impossible to tell.
    #[must_use]
    pub fn relation(&self, other: &Period) -> Relation {
        match (self.first, other.first) {
            (Some(a), Some(b)) => {
                if a == b && self.last == other.last && self.since == other.since {
                    Relation::Same
                } else {
                    Relation::Different
                }
            }
            _ => match (self.month, other.month) {
                (Some(a), Some(b)) if a == b => Relation::Same,
                (Some(_), Some(_)) => Relation::Different,
                _ => Relation::Unknown,
            },
        }
    }
}

/// A period found in the text, with the tokens it spans.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub period: Period,
    pub first: usize,
    pub last: usize,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_span(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = ymd(y, m, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((first, last))
}

fn year_span(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

/// UK financial year starting in April of `y`.
fn financial_span(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 4, 1)?, ymd(y + 1, 3, 31)?))
}

/// A period read at one token, before it becomes a [`Mention`].
struct Read {
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    month: Option<u32>,
    /// Written with an explicit year: also a `date` figure.
    absolute: bool,
    next: usize,
}

impl Parser<'_> {
    /// A date or period at token `i`: records it and returns the index after it.
    pub(crate) fn date_at(&mut self, i: usize) -> Option<usize> {
        let t = self.toks[i];
        if t.kind == Kind::Word && t.class & class::PERIOD_PREP != 0 {
            return self.prep_period(i);
        }
        let mut read = self.period_at(i)?;
        if t.kind == Kind::Word && t.class & class::MONTH != 0 {
            read = self.months_ending(i, read);
        }
        self.record(i, read, false);
        Some(read_next(&self.mentions))
    }

    /// "the year to March 2024", "the year ending March 2024", "12 months to March 2024", "the three months to
    /// June": the months that end with the named one (the year to March 2024 is the financial year 2023-24).
    fn months_ending(&self, i: usize, read: Read) -> Read {
        let Some(last) = read.last else { return read };
        let mut k = i;
        if k >= 1 && self.is(k - 1, "in") {
            k -= 1;
        }
        if !(k >= 2 && (self.is(k - 1, "to") || self.is(k - 1, "ending"))) {
            return read;
        }
        let unit = k - 2;
        let count = |at: usize| -> Option<u32> {
            let core = self.core_at(at)?;
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "1..=120 checked")]
            (core.next == unit && (1.0..=120.0).contains(&core.value)).then_some(core.value as u32)
        };
        let months = if self.is(unit, "year") {
            Some(12)
        } else if self.is(unit, "quarter") {
            Some(3)
        } else if self.is(unit, "months") || self.is(unit, "month") {
            // "12 months to", "three months to"; "the 12-month period to" has the hyphen between.
            (unit.saturating_sub(3)..unit).rev().find_map(count)
        } else if self.is(unit, "period") && unit >= 2 && self.is(unit - 1, "month") {
            (unit.saturating_sub(4)..unit - 1).rev().find_map(|at| {
                let core = self.core_at(at)?;
                #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "1..=120 checked")]
                (core.next + 1 == unit - 1 && (1.0..=120.0).contains(&core.value)).then_some(core.value as u32)
            })
        } else {
            None
        };
        let Some(months) = months else { return read };
        let first = last
            .with_day(1)
            .and_then(|d| d.checked_sub_months(Months::new(months - 1)));
        Read {
            first,
            month: None,
            ..read
        }
    }

    /// "since 2016", "between 2023-24 and 2025-26", "from 2016 to 2024".
    fn prep_period(&mut self, i: usize) -> Option<usize> {
        let a = self.period_at(i + 1)?;
        if self.is(i, "since") {
            let read = Read {
                last: None,
                month: None,
                ..a
            };
            self.record(i, read, true);
            return Some(read_next(&self.mentions));
        }
        let joiner = if self.is(i, "between") { "and" } else { "to" };
        if self.is(a.next, joiner) {
            if let Some(b) = self.period_at(a.next + 1) {
                let read = Read {
                    first: a.first,
                    last: b.last,
                    month: None,
                    absolute: a.absolute && b.absolute,
                    next: b.next,
                };
                self.record(i, read, false);
                return Some(read_next(&self.mentions));
            }
        }
        self.record(i + 1, a, false);
        Some(read_next(&self.mentions))
    }

    fn record(&mut self, first: usize, read: Read, since: bool) {
        let last = read.next - 1;
        let (text, start, end) = self.slice(first, last);
        let period = Period {
            text: text.clone(),
            first: read.first,
            last: read.last,
            month: read.month,
            since,
        };
        if read.absolute {
            if let Some(f) = read.first {
                let day = |d: NaiveDate| f64::from(d.num_days_from_ce());
                let high = read.last.map_or(f64::INFINITY, day);
                self.found.push(Found {
                    q: Quantity::bare(text, start, end, Unit::Date, day(f), (day(f), high), Bound::Range),
                    first,
                    last,
                });
            }
        }
        self.mentions.push(Mention { period, first, last });
    }

    /// One period (no preposition) at `i`.
    fn period_at(&self, i: usize) -> Option<Read> {
        let t = *self.toks.get(i)?;
        match t.kind {
            Kind::Num => self.numeric_period(i, t),
            Kind::Word if t.class & class::MONTH != 0 && (t.cap || self.lower_month_day(i)) => {
                self.month_period(i, None)
            }
            Kind::Word if t.class & (class::QUARTER | class::RELATIVE) != 0 => {
                self.quarter_period(i).or_else(|| self.relative_period(i))
            }
            _ => None,
        }
    }

    /// "Q1 2024", "the first quarter of 2024", "the third quarter" (the latest one not after publication).
    fn quarter_period(&self, i: usize) -> Option<Read> {
        let q = tables::lookup(tables::QUARTER_WORDS, self.word(i))?;
        let (q, mut k) = if q == 0 {
            // "Q1": the letter and its digit.
            let n = self
                .toks
                .get(i + 1)
                .filter(|n| n.kind == Kind::Num && n.glued && n.decimals == 0 && (1.0..=4.0).contains(&n.value))?;
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "1..=4 checked above"
            )]
            (n.value as u32, i + 2)
        } else {
            (q, self.seq(i + 1, &["quarter"])?)
        };
        if self.is(k, "of") && self.year_at_opt(k + 1).is_some() {
            k += 1;
        }
        let first_month = 3 * q - 2;
        let span = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
            let (f, _) = month_span(y, first_month)?;
            let (_, l) = month_span(y, first_month + 2)?;
            Some((f, l))
        };
        if let Some(y) = self.year_at_opt(k) {
            let (f, l) = span(y)?;
            return Some(Read {
                first: Some(f),
                last: Some(l),
                month: None,
                absolute: true,
                next: k + 1,
            });
        }
        let resolved = self.ctx.published.and_then(|p| {
            let y = if first_month <= p.month() {
                p.year()
            } else {
                p.year() - 1
            };
            span(y)
        });
        Some(Read {
            first: resolved.map(|r| r.0),
            last: resolved.map(|r| r.1),
            month: None,
            absolute: false,
            next: k,
        })
    }

    fn numeric_period(&self, i: usize, t: Token) -> Option<Read> {
        let small_int = t.decimals == 0 && !t.grouped && t.int_digits <= 2 && t.value >= 1.0;
        if small_int && t.value <= 31.0 {
            // "28 June 2022", "28th of June".
            let mut k = i + 1;
            if self.toks.get(k).is_some_and(|n| n.glued && n.kind == Kind::Word)
                && ["st", "nd", "rd", "th"].iter().any(|s| self.is(k, s))
            {
                k += 1;
            }
            if self.is(k, "of") {
                k += 1;
            }
            if self.class(k) & class::MONTH != 0 && self.toks[k].cap {
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "1..=31 checked above"
                )]
                return self.month_period(k, Some(t.value as u32)).map(|r| Read { ..r });
            }
            return None;
        }
        let year = self.year_at(i)?;
        let after = i + 1;
        // Financial year "2023-24" / "2023/24", or a range of years "2019-2024".
        let sep = self
            .toks
            .get(after)
            .is_some_and(|s| s.glued && (s.kind == Kind::Hyphen || (s.kind == Kind::Sym && s.ch == '/')));
        if sep {
            if let Some(n) = self
                .toks
                .get(after + 1)
                .filter(|n| n.kind == Kind::Num && n.glued && n.decimals == 0)
            {
                #[expect(clippy::cast_possible_truncation, reason = "at most four digits")]
                let v = n.value as i32;
                if n.int_digits == 2 && v == (year + 1) % 100 {
                    let (f, l) = financial_span(year)?;
                    return Some(Read {
                        first: Some(f),
                        last: Some(l),
                        month: None,
                        absolute: true,
                        next: after + 2,
                    });
                }
                if n.int_digits == 4 && v > year && v <= 2100 {
                    let (f, _) = year_span(year)?;
                    let (_, l) = year_span(v)?;
                    return Some(Read {
                        first: Some(f),
                        last: Some(l),
                        month: None,
                        absolute: true,
                        next: after + 2,
                    });
                }
            }
        }
        let (f, l) = year_span(year)?;
        Some(Read {
            first: Some(f),
            last: Some(l),
            month: None,
            absolute: true,
            next: after,
        })
    }

    /// A four-digit year at `i`, unless the number is an amount ("2024 officers" is still read as a year; "£2024",
    /// "about 2000", "2000%" are not).
    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.toks[i];
        let year_like = t.kind == Kind::Num
            && t.int_digits == 4
            && t.decimals == 0
            && !t.grouped
            && t.value >= 1800.0
            && t.value <= 2100.0
            && self.text.as_bytes()[t.start].is_ascii_digit();
        if !year_like {
            return None;
        }
        if let Some(p) = i.checked_sub(1) {
            let pt = self.toks[p];
            let money = pt.kind == Kind::Sym && pt.ch != '/';
            let hedged = self.hedge_ends_at(p);
            if money || hedged || (t.glued && pt.kind == Kind::Word) {
                return None;
            }
        }
        if let Some(n) = self.toks.get(i + 1) {
            let w = self.word(i + 1);
            let unit_follows = (n.kind == Kind::Sym && n.ch == '%')
                || n.class & (class::SCALE | class::TIME_UNIT) != 0
                || (n.glued && n.kind == Kind::Word)
                || w.eq_ignore_ascii_case("per")
                || w.eq_ignore_ascii_case("percent");
            // "2000 over 3" ending its phrase is a quotient; "in 2000 over 3 million people" is a year.
            let ends = |k: usize| matches!(self.kind(k), None | Some(Kind::Break | Kind::Clause));
            let quotient = w.eq_ignore_ascii_case("over") && self.kind(i + 2) == Some(Kind::Num) && ends(i + 3);
            if unit_follows || quotient {
                return None;
            }
        }
        #[expect(clippy::cast_possible_truncation, reason = "1800..=2100 checked above")]
        Some(t.value as i32)
    }

    /// "June 2022", "June 28, 2022", "January", "August last year"; `day` when a day number came before.
    fn month_period(&self, i: usize, day: Option<u32>) -> Option<Read> {
        let m = tables::lookup(tables::MONTHS, self.word(i))?;
        let mut k = i + 1;
        let mut day = day;
        if day.is_none() {
            if let Some(d) = self
                .toks
                .get(k)
                .filter(|d| d.kind == Kind::Num && d.int_digits <= 2 && d.decimals == 0)
            {
                if (1.0..=31.0).contains(&d.value) {
                    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "1..=31")]
                    let v = d.value as u32;
                    day = Some(v);
                    k += 1;
                    if self.kind(k) == Some(Kind::Clause) && self.year_at_opt(k + 1).is_some() {
                        k += 1;
                    }
                }
            }
        }
        let year = self.year_at_opt(k);
        let span = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
            match day {
                Some(d) => ymd(y, m, d).map(|x| (x, x)),
                None => month_span(y, m),
            }
        };
        if let Some(y) = year {
            let (f, l) = span(y)?;
            return Some(Read {
                first: Some(f),
                last: Some(l),
                month: day.is_none().then_some(m),
                absolute: true,
                next: k + 1,
            });
        }
        // "August last year": the month of a relative year.
        if let Some((Relative::Year(off), next)) = self.match_table(k, tables::RELATIVE_PERIODS) {
            let resolved = self.ctx.published.and_then(|p| span(p.year() + off));
            return Some(Read {
                first: resolved.map(|r| r.0),
                last: resolved.map(|r| r.1),
                month: Some(m),
                absolute: false,
                next,
            });
        }
        // A bare month needs a preposition or a day before it: "March on" is not a date.
        let prep_before = i
            .checked_sub(1)
            .is_some_and(|p| tables::MONTH_PREPS.iter().any(|w| self.is(p, w)));
        if !prep_before && day.is_none() {
            return None;
        }
        // The latest such month not after publication.
        let resolved = self.ctx.published.and_then(|p| {
            let y = if m <= p.month() { p.year() } else { p.year() - 1 };
            span(y)
        });
        Some(Read {
            first: resolved.map(|r| r.0),
            last: resolved.map(|r| r.1),
            month: Some(m),
            absolute: false,
            next: k,
        })
    }

    /// A month in lower case is a date only with a day that ends its clause: "on may 19 ," (lower-cased copy);
    /// "may 19 people" and "march 5 miles" are verbs.
    fn lower_month_day(&self, i: usize) -> bool {
        let day = self
            .toks
            .get(i + 1)
            .filter(|d| d.kind == Kind::Num && d.int_digits <= 2 && d.decimals == 0 && (1.0..=31.0).contains(&d.value));
        day.is_some()
            && (matches!(self.kind(i + 2), Some(Kind::Clause | Kind::Break) | None)
                || self.year_at_opt(i + 2).is_some()
                || self.class(i + 2) & class::STOP != 0)
    }

    fn year_at_opt(&self, k: usize) -> Option<i32> {
        (self.kind(k) == Some(Kind::Num)).then(|| self.year_at(k)).flatten()
    }

    fn relative_period(&self, i: usize) -> Option<Read> {
        if self.class(i) & class::RELATIVE == 0 {
            return None;
        }
        // Every relative period ends in "year" or "month": skip the table for the many other "the"s.
        if !self.toks[i..].iter().take(4).any(|t| t.class & class::TIME_UNIT != 0) {
            return None;
        }
        let (rel, next) = self.match_table(i, tables::RELATIVE_PERIODS)?;
        let span = self.ctx.published.and_then(|p| match rel {
            Relative::Year(o) => year_span(p.year() + o),
            Relative::FinancialYear(o) => {
                let start = if p.month() >= 4 { p.year() } else { p.year() - 1 };
                financial_span(start + o)
            }
            Relative::Month(o) => {
                let first = ymd(p.year(), p.month(), 1)?;
                let shifted = if o >= 0 {
                    first.checked_add_months(Months::new(o.unsigned_abs()))?
                } else {
                    first.checked_sub_months(Months::new(o.unsigned_abs()))?
                };
                month_span(shifted.year(), shifted.month())
            }
        });
        let month = match rel {
            Relative::Month(_) => span.map(|s| s.0.month()),
            _ => None,
        };
        Some(Read {
            first: span.map(|s| s.0),
            last: span.map(|s| s.1),
            month,
            absolute: false,
            next,
        })
    }
}

fn read_next(mentions: &[Mention]) -> usize {
    mentions.last().map_or(0, |m| m.last + 1)
}

/// Most tokens between a figure and the period it takes.
const PERIOD_REACH: usize = 60;

/// Gives each figure the period of its clause, or the period that opens its sentence.
pub(crate) fn attach(toks: &[Token], found: &mut [Found], mentions: &[Mention]) {
    if mentions.is_empty() || found.is_empty() {
        return;
    }
    let mut sentence = Vec::with_capacity(toks.len());
    let mut clause = Vec::with_capacity(toks.len());
    let (mut s, mut c) = (0usize, 0usize);
    for t in toks {
        match t.kind {
            Kind::Break => {
                s += 1;
                c += 1;
            }
            Kind::Clause => c += 1,
            Kind::Word if t.class & class::CLAUSE != 0 => c += 1,
            _ => {}
        }
        sentence.push(s);
        clause.push(c);
    }
    let mut has_figure = vec![false; c + 1];
    for f in found.iter().filter(|f| f.q.unit != Unit::Date) {
        has_figure[clause[f.first]] = true;
    }
    let mut used = Vec::new();
    for f in found.iter_mut().filter(|f| f.q.unit != Unit::Date) {
        let (fs, fc) = (sentence[f.first], clause[f.first]);
        // Only periods within reach: a page that is one endless sentence must not cost figures × periods.
        let reach = f.first.saturating_sub(PERIOD_REACH);
        let lo = mentions.partition_point(|m| sentence[m.first] < fs || m.first < reach);
        let in_sentence = mentions[lo..]
            .iter()
            .take_while(|m| sentence[m.first] == fs && m.first <= f.first + PERIOD_REACH);
        let mut own: Option<&Mention> = None;
        let mut leading: Option<&Mention> = None;
        for m in in_sentence {
            let mc = clause[m.first];
            if mc == fc {
                // "6% in 2023 and 10% in 2022": a period binds to the figure before it, so on a tie the one after
                // the figure wins.
                let dist = |x: &Mention| {
                    if x.first > f.last {
                        2 * (x.first - f.last) - 1
                    } else {
                        2 * f.first.saturating_sub(x.last)
                    }
                };
                if own.is_none_or(|o| dist(m) < dist(o)) {
                    own = Some(m);
                }
            } else if mc < fc && !has_figure[mc] {
                leading = Some(m);
            }
        }
        if let Some(m) = own.or(leading) {
            f.q.period = Some(m.period.clone());
            used.push(m.first);
        }
    }
    used.sort_unstable();
    for f in found.iter_mut().filter(|f| f.q.unit == Unit::Date) {
        f.q.is_period_of_figure = used.binary_search(&f.first).is_ok();
    }
}
