//! Numbers that name something rather than count it: emergency and phone numbers ("999 calls", "a 101 call",
//! "+1-222-2222"), models and products ("A380", "787-9", "737 Max", "A350-900s", "5G"), routes and roads ("Route
//! 66", "highway 35", "M25", "I-95"), names ("Covid-19", "Apollo 11", "PM2.5", "STOXX 600", "Fortune 500"), street
//! numbers ("1119 Eighth St.", "6th Avenue") and scores ("6-4, 7-6 (5)"); and ages written after a name ("Victor N.
//! Burton, 57,").
//!
//! A label is kept as a figure (unit [`Unit::Label`], its number as value) so the verdict can see that claim and
//! source name the same thing, but it is never compared as a value: "999 calls" neither supports "1,000 calls" nor
//! contradicts "101 calls". The rules are about shape and the words around the number, never about the number
//! itself, except for the short table of emergency numbers, which only count as names before a word for calls.

use super::figures::{Found, Parser};
use super::lexer::Kind;
use super::tables::{self, class};
use super::unit::Unit;
use super::{Bound, Quantity};

/// Words before a number that make it the name of a road, route or way ("Route 66", "exit 436").
pub(crate) const ROUTE_WORDS: &[&str] = &[
    "route",
    "highway",
    "hwy",
    "interstate",
    "exit",
    "motorway",
    "gate",
    "terminal",
    "pier",
    "studio",
    "ward",
    "district",
    "zone",
    "channel",
    "bus",
    "line",
    "form",
    "bill",
    "amendment",
    "proposition",
    "prop",
    "resolution",
];

/// Emergency and service numbers, which name a line when a word for calls follows.
const EMERGENCY_NUMBERS: &[f64] = &[999.0, 911.0, 112.0, 101.0, 111.0, 988.0, 211.0, 311.0, 000.0];

/// Words after an emergency number that make it the name of the line ("999 calls", "the 101 service").
const CALL_NOUNS: &[&str] = &[
    "call",
    "calls",
    "caller",
    "callers",
    "line",
    "lines",
    "service",
    "services",
    "number",
    "operator",
    "operators",
    "dispatcher",
    "dispatchers",
    "handler",
    "handlers",
    "centre",
    "center",
    "system",
    "emergency",
    "emergencies",
    "hotline",
];

/// Verbs before a number that make it the number dialled ("dial 999", "called 911").
const CALL_VERBS: &[&str] = &[
    "dial", "dialled", "dialed", "dialling", "dialing", "call", "called", "calling", "ring", "rang", "ringing",
    "phone", "phoned", "text", "texted",
];

/// Words after a model number that name a version of the product ("737 Max", "15 Pro", "S23 Ultra").
const PRODUCT_WORDS: &[&str] = &[
    "Max", "MAX", "Pro", "Plus", "Ultra", "Mini", "Lite", "Neo", "XL", "SE", "Series",
];

/// Network generations ("5G"): the largest digit before a glued "G" that names one.
const MAX_GENERATION: f64 = 6.0;

/// Oldest age read after a name ("Burton, 57,").
const MAX_AGE: f64 = 120.0;

/// Words before a capitalised word that make it a name ("the Apollo 11 crew", "a Boeing 737").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "every",
];

/// The last word of a street name after its number ("1119 Eighth St.", "10 Downing Street").
const STREET_WORDS: &[&str] = &[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Lane",
    "Ln",
    "Boulevard",
    "Blvd",
    "Drive",
    "Dr",
    "Way",
    "Place",
    "Pl",
    "Square",
    "Sq",
    "Court",
    "Ct",
    "Terrace",
    "Crescent",
    "Close",
    "Row",
    "Parkway",
    "Pkwy",
    "Highway",
    "Hwy",
];

/// Words of a name after a number kept in the label ("737 Max", "1119 Eighth St").
const MAX_NAME_WORDS: usize = 3;

/// The ordinal suffix of a whole number: "1st", "22nd", "13th".
pub(crate) fn ordinal_suffix(n: f64) -> &'static str {
    let n = n.abs().round();
    let teen = (n % 100.0 - 12.0).abs() <= 1.0;
    match (n % 10.0) as u8 {
        1 if !teen => "st",
        2 if !teen => "nd",
        3 if !teen => "rd",
        _ => "th",
    }
}

impl Parser<'_> {
    /// A label starting at token `i`: records it and returns the index after it.
    pub(crate) fn label_at(&mut self, i: usize) -> Option<usize> {
        let t = *self.toks.get(i)?;
        let (first, num, last) = match t.kind {
            Kind::Word => self.label_from_word(i)?,
            Kind::Num => self.label_from_number(i)?,
            Kind::Sym if t.ch == '+' => self.phone_at(i)?,
            _ => return None,
        };
        let value = match self.kind(num) {
            Some(Kind::Num) => self.toks[num].value,
            _ => self.core_at(num).map_or(0.0, |c| c.value),
        };
        let counts = self.emergency_noun(num, last);
        let (text, start, end) = self.slice(first, last);
        self.found.push(Found {
            q: Quantity {
                counts,
                ..Quantity::bare(text, start, end, Unit::Label, value, (value, value), Bound::Exact)
            },
            first,
            last,
        });
        Some(last + 1)
    }

    /// "Article 50", "Route 66", "Covid-19", "A380", "Apollo 11", "version two": a word that names the number after
    /// it. Returns the first token, the number's token and the last token.
    fn label_from_word(&self, i: usize) -> Option<(usize, usize, usize)> {
        let t = self.toks[i];
        let mut n = i + 1;
        let hyphen = self.kind(n) == Some(Kind::Hyphen) && self.toks[n].glued;
        if hyphen {
            n += 1;
        }
        let num = *self.toks.get(n)?;
        let number_word = num.kind == Kind::Word && num.class & class::NUMWORD != 0;
        if num.kind != Kind::Num && !number_word {
            return None;
        }
        let unit_word = super::money::at(self.text, self.toks, i).is_some()
            || super::measures::at(self.text, self.toks, i).is_some_and(|m| !m.tight)
            || self.scaled_money_word(i);
        if unit_word {
            return None;
        }
        // A word glued to digits: "A380", "E16", "MP3", "PM2.5", "M25", "COVID-19", "F-35"; not "under-25".
        let direct = num.kind == Kind::Num && num.glued && (hyphen || n == i + 1);
        let label_word = t.class & class::LABEL != 0;
        let figure_word = t.class & (class::HEDGE | class::NUMWORD | class::SIGN | class::AGE | class::SCALE) != 0;
        let year = hyphen && self.core_at(n).is_some_and(|c| c.year_like);
        if direct && !figure_word && !year {
            return Some((i, n, self.label_tail(n)));
        }
        if num.kind == Kind::Num && (label_word || self.names_number(i)) && !self.unit_follows(n) {
            // the whole run of the name: "S&P 500", not "P 500"
            let run = self.run_start(i);
            let first = (0..i)
                .find(|&j| self.toks[j].start >= run && self.toks[j].kind == Kind::Word)
                .unwrap_or(i);
            return Some((first, n, self.label_tail(n)));
        }
        // "version two", "Chapter Eleven".
        if label_word && num.kind == Kind::Word && num.class & class::NUMWORD != 0 {
            let core = self.core_at(n)?;
            if core.next > n + 1 || !self.unit_follows(n) {
                return Some((i, n, core.next - 1));
            }
        }
        None
    }

    /// A word that is a name before a number: in capitals ("STOXX 600", "FTSE 100"), or capitalised after a
    /// determiner ("the Apollo 11 crew", "a Boeing 737", "the Fortune 500 list"); never a word of the tables, and
    /// never when the number opens a span ("Drink 20–30 minutes") or counts something plural.
    fn names_number(&self, i: usize) -> bool {
        let t = self.toks[i];
        let w = self.word(i);
        const TABLE_WORDS: u32 = class::STOP
            | class::HEDGE
            | class::NUMWORD
            | class::MONTH
            | class::CURRENCY
            | class::CHANGE
            | class::SCALE
            | class::VAGUE
            | class::AGE
            | class::ARTICLE
            | class::ALL
            | class::PERIOD_PREP
            | class::RELATIVE
            | class::QUARTER
            | class::TIME_UNIT
            | class::SIGN
            | class::CLAUSE;
        // the whole run of letters the word ends ("S&P", "AT&T"), not only the token after the ampersand
        let run = &self.text[self.run_start(i)..t.start + w.len()];
        let capitals = run.len() >= 2
            && run.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
            && w.bytes().all(|b| b.is_ascii_uppercase());
        let after_determiner = i > 0 && DETERMINERS.iter().any(|d| self.is(i - 1, d));
        let num = self.toks[i + 1];
        let dash = |k: usize| {
            self.kind(k) == Some(Kind::Hyphen)
                || (self.kind(k) == Some(Kind::Clause) && self.text[self.toks[k].start..self.toks[k].end] == *"-")
        };
        let span = dash(i + 2) || self.is(i + 2, "to");
        t.cap
            && t.class & TABLE_WORDS == 0
            && (capitals || after_determiner)
            && super::measures::at(self.text, self.toks, i).is_none()
            && num.kind == Kind::Num
            && !num.glued
            && !num.grouped
            && !span
            && self.core_at(i + 1).is_some_and(|c| !c.scaled && !c.year_like)
            && !self.plural_follows(i + 2)
    }

    /// Where the unspaced run of characters holding token `i` starts ("S&P" for the "P").
    fn run_start(&self, i: usize) -> usize {
        self.text[..self.toks[i].start]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(p, c)| p + c.len_utf8())
    }

    /// "999 calls", "A380", "787-9", "5G", "737 Max", "1119 Eighth St.": a number that names something.
    fn label_from_number(&self, i: usize) -> Option<(usize, usize, usize)> {
        let t = self.toks[i];
        if t.decimals > 0 || t.grouped || t.value < 0.0 {
            return None;
        }
        // A word glued before the digits: "mp3", "covid-19" (the word itself was not where a figure can start).
        if let Some(p) = i.checked_sub(1) {
            let pt = self.toks[p];
            let word_before = pt.kind == Kind::Word && t.glued && pt.class & (class::HEDGE | class::NUMWORD) == 0;
            let hyphen_word = pt.kind == Kind::Hyphen
                && t.glued
                && p >= 1
                && self.toks[p - 1].kind == Kind::Word
                && self.toks[p - 1].class & (class::HEDGE | class::NUMWORD) == 0;
            if word_before && super::money::at(self.text, self.toks, p).is_none() && !self.scaled_money_word(p) {
                return Some((p, i, self.label_tail(i)));
            }
            if hyphen_word {
                return Some((p - 1, i, self.label_tail(i)));
            }
            // "dial 999", "called 911".
            let dialled = EMERGENCY_NUMBERS.contains(&t.value) && CALL_VERBS.iter().any(|v| self.is(p, v));
            if dialled && t.int_digits >= 3 {
                return Some((i, i, i));
            }
        }
        // "999 calls", "a 101 call", "the 999 emergency line".
        if EMERGENCY_NUMBERS.contains(&t.value) && t.int_digits == 3 && self.emergency_noun(i, i).is_some() {
            return Some((i, i, self.emergency_end(i)));
        }
        // "5G": a network generation.
        if self.glued(i + 1) && self.word(i + 1) == "G" && (2.0..=MAX_GENERATION).contains(&t.value) {
            return Some((i, i, i + 1));
        }
        // "787-9", "7-5", "6-4, 7-6 (5)", "1-222-2222": digits joined by hyphens that are not a span.
        if self.kind(i + 1) == Some(Kind::Hyphen)
            && self.toks.get(i + 2).is_some_and(|n| n.kind == Kind::Num && n.glued)
            && self.toks[i + 1].glued
            && !self.is_span(i)
        {
            let mut last = i + 2;
            while self.kind(last + 1) == Some(Kind::Hyphen)
                && self.toks.get(last + 2).is_some_and(|n| n.kind == Kind::Num && n.glued)
            {
                last += 2;
            }
            last = self.label_tail(last);
            // A tie-break in brackets belongs to the score: "7-6 (5)".
            if self.kind(last + 1) == Some(Kind::Clause)
                && self.text[self.toks[last + 1].start..self.toks[last + 1].end] == *"("
                && self.kind(last + 2) == Some(Kind::Num)
                && self.kind(last + 3) == Some(Kind::Clause)
            {
                last += 3;
            }
            return Some((i, i, last));
        }
        // "6th Avenue": an ordinal before a name.
        if self.toks.get(i + 1).is_some_and(|n| n.glued && n.kind == Kind::Word)
            && self.is(i + 1, ordinal_suffix(t.value))
            && self.toks.get(i + 2).is_some_and(|n| n.kind == Kind::Word && n.cap)
        {
            return Some((i, i, i + 2));
        }
        // "737 Max", "15 Pro".
        if !self.glued(i + 1) && PRODUCT_WORDS.iter().any(|p| self.word(i + 1) == *p) {
            return Some((i, i, i + 1));
        }
        // "1119 Eighth St.", "10 Downing Street": a number, a name, a word for a street.
        if !self.glued(i + 1) && t.int_digits <= 5 && self.name_after(i + 1) && !self.unit_follows(i) {
            let street = (i + 1..i + 1 + MAX_NAME_WORDS)
                .take_while(|&k| self.toks.get(k).is_some_and(|n| n.kind == Kind::Word && n.cap))
                .find(|&k| STREET_WORDS.iter().any(|s| self.word(k) == *s));
            if let Some(last) = street {
                return Some((i, i, last));
            }
        }
        None
    }

    /// "+1-222-2222/2222", "+44 20 7946 0018": a phone number.
    fn phone_at(&self, i: usize) -> Option<(usize, usize, usize)> {
        self.toks
            .get(i + 1)
            .filter(|n| n.kind == Kind::Num && n.glued && n.decimals == 0)?;
        let mut last = i + 1;
        let mut groups = 1;
        loop {
            let sep = self.toks.get(last + 1);
            let joined = sep.is_some_and(|s| s.kind == Kind::Hyphen || (s.kind == Kind::Sym && s.ch == '/'));
            let next_num = |k: usize| self.toks.get(k).is_some_and(|n| n.kind == Kind::Num && n.decimals == 0);
            if joined && next_num(last + 2) {
                last += 2;
            } else if next_num(last + 1) && !self.toks[last + 1].glued {
                last += 1;
            } else {
                break;
            }
            groups += 1;
        }
        (groups >= 3).then_some((i, i + 1, last))
    }

    /// Letters or a hyphen and digits glued after a label's number: "A350-900s", "777F", "PM2.5".
    fn label_tail(&self, mut k: usize) -> usize {
        loop {
            let glued = |x: usize| self.toks.get(x).is_some_and(|n| n.glued);
            match self.kind(k + 1) {
                Some(Kind::Word) if glued(k + 1) => k += 1,
                Some(Kind::Hyphen) if glued(k + 1) && self.kind(k + 2) == Some(Kind::Num) && glued(k + 2) => k += 2,
                _ => return k,
            }
        }
    }

    /// The singular noun for calls after an emergency number ("calls" → "call").
    fn emergency_noun(&self, num: usize, last: usize) -> Option<String> {
        if !EMERGENCY_NUMBERS.contains(&self.toks[num].value) || self.toks[num].int_digits != 3 {
            return None;
        }
        let k = if last > num { last } else { num + 1 };
        let k = if self.is(k, "emergency") && CALL_NOUNS.iter().any(|n| self.is(k + 1, n)) {
            k + 1
        } else {
            k
        };
        CALL_NOUNS
            .iter()
            .any(|n| self.is(k, n))
            .then(|| tables::singular(self.word(k)))
    }

    fn emergency_end(&self, num: usize) -> usize {
        if self.is(num + 1, "emergency") && CALL_NOUNS.iter().any(|n| self.is(num + 2, n)) {
            num + 2
        } else {
            num + 1
        }
    }

    /// A name starts at `k`: a capitalised word with lower-case letters that no plural or lower-case word follows
    /// ("27 Bubba Wallace", "737 Max"; not "three Taliban prisoners", "40 Tory MPs").
    fn name_after(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else { return false };
        let w = self.word(k);
        if t.kind != Kind::Word || !t.cap || t.class & (class::MONTH | class::STOP | class::CURRENCY) != 0 {
            return false;
        }
        let lower = w.chars().skip(1).any(char::is_lowercase);
        let plural = |x: usize| {
            let n = self.word(x);
            n.len() > 2 && n.ends_with('s') && !n.ends_with("ss")
        };
        let modifier =
            self.plain_word(k + 1) && self.toks.get(k + 1).is_some_and(|n| !n.cap) || plural(k) || plural(k + 1);
        let named_unit = super::measures::at(self.text, self.toks, k).is_some()
            || super::money::at(self.text, self.toks, k).is_some();
        lower && !modifier && !named_unit && t.class & class::TIME_UNIT == 0
    }

    /// A plural noun starts at `k` ("200 people"): the number counts it.
    fn plural_follows(&self, k: usize) -> bool {
        let w = self.word(k);
        let plural = w.len() > 2 && w.ends_with('s') && !w.ends_with("ss") && self.class(k) & class::STOP == 0;
        plural || tables::lookup(tables::IRREGULAR_PLURALS, w).is_some()
    }

    /// A unit follows the number at `k` (so it is a value, not a name): "Article 50 per cent" never, "Route 6 miles".
    fn unit_follows(&self, k: usize) -> bool {
        let Some(core) = self.core_at(k) else { return false };
        self.unit_after(core.next, false, &core).is_some() || core.scaled
    }

    /// "5-8 minutes", "4-9 pears": a span of two numbers that a unit or noun follows.
    fn is_span(&self, i: usize) -> bool {
        let (Some(first), Some(second)) = (self.core_at(i), self.core_at(i + 2)) else {
            return false;
        };
        second.value >= first.value
            && (self.unit_after(second.next, false, &second).is_some() || self.noun_run(second.next).is_some())
    }

    /// The token at `k` has nothing before it.
    fn glued(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|n| n.glued)
    }

    /// A scaled currency code ("MEUR") that digits follow is money, not a name.
    fn scaled_money_word(&self, k: usize) -> bool {
        let w = self.word(k);
        super::money::CODE_SCALES.iter().any(|(p, _)| {
            w.strip_prefix(p)
                .is_some_and(|c| c.len() == 3 && super::money::by_code(c).is_some())
        })
    }

    /// An age written after a name between commas: "Victor N. Burton, 57, of …".
    pub(crate) fn age_after_name(&self, i: usize, core: &super::numbers::Core) -> bool {
        let t = self.toks[i];
        let integer = t.kind == Kind::Num && t.decimals == 0 && !t.grouped && core.next == i + 1;
        let comma =
            |k: usize| self.kind(k) == Some(Kind::Clause) && self.text[self.toks[k].start..self.toks[k].end] == *",";
        let name_before = i >= 2 && comma(i - 1) && {
            let p = self.toks[i - 2];
            p.kind == Kind::Word && p.cap && p.class & (class::MONTH | class::STOP | class::TIME_UNIT) == 0
        };
        let closed = comma(i + 1) || matches!(self.kind(i + 1), Some(Kind::Break) | None);
        integer && (1.0..=MAX_AGE).contains(&t.value) && name_before && closed
    }
}

#[cfg(test)]
mod tests {
    use super::super::{extract, Context, Unit};

    /// Text, and the labels it holds.
    #[rustfmt::skip]
    const LABELS: &[(&str, &[&str])] = &[
        ("86.2% of 999 calls were answered", &["999 calls"]),
        ("she made a 101 call", &["101 call"]),
        ("unable to make 911 calls", &["911 calls"]),
        ("Boeing's 787-9 and the A380", &["787-9", "A380"]),
        ("grounded its 737 Max fleet", &["737 Max"]),
        ("ordered ten A350-900s", &["A350-900s"]),
        ("drove the M25 and Route 66", &["M25", "Route 66"]),
        ("the interchange with highway 35 (exit 436)", &["highway 35", "exit 436"]),
        ("Covid-19 restrictions", &["Covid-19"]),
        ("the Apollo 11 crew", &["Apollo 11"]),
        ("PM2.5 levels rose", &["PM2.5"]),
        ("the STOXX 600 fell", &["STOXX 600"]),
        ("the S&P 500 index was little changed", &["S&P 500"]),
        ("the Fortune 500 list", &["Fortune 500"]),
        ("he lived at 1119 Eighth St. until", &["1119 Eighth St"]),
        ("on 6th Avenue", &["6th Avenue"]),
        ("won 6-4, 7-6 (5)", &["6-4", "7-6 (5)"]),
        ("Article 50 was triggered", &["Article 50"]),
        ("rolled out 5G masts", &["5G"]),
        ("call +1-222-2222/2222 now", &["+1-222-2222/2222"]),
        ("the F-35 and the G7", &["F-35", "G7"]),
    ];

    #[test]
    fn numbers_that_name_things_are_labels() {
        for (text, want) in LABELS {
            let qs = extract(text, &Context::default());
            let got: Vec<&str> = qs
                .iter()
                .filter(|q| q.unit == Unit::Label)
                .map(|q| q.text.as_str())
                .collect();
            assert_eq!(
                &got,
                want,
                "{text:?}: {:?}",
                qs.iter().map(|q| (&q.text, q.unit)).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn every_label_table_row_makes_a_label() {
        let label = |text: &str| {
            let qs = extract(text, &Context::default());
            qs.iter().any(|q| q.unit == Unit::Label)
        };
        for w in super::ROUTE_WORDS.iter().chain(super::super::tables::LABEL_WORDS) {
            assert!(label(&format!("near the {w} 66 sign")), "{w}");
        }
        for n in super::EMERGENCY_NUMBERS {
            let digits = format!("{n:03}");
            for noun in super::CALL_NOUNS {
                assert!(label(&format!("the {digits} {noun} today")), "{digits} {noun}");
            }
            for verb in super::CALL_VERBS {
                assert!(label(&format!("they {verb} {digits} today")), "{verb} {digits}");
            }
        }
        for w in super::PRODUCT_WORDS {
            assert!(label(&format!("the 737 {w} fleet")), "{w}");
        }
        for w in super::STREET_WORDS {
            assert!(label(&format!("at 1119 Eighth {w} today")), "{w}");
        }
    }

    #[test]
    fn counts_next_to_names_stay_counts() {
        for text in [
            "three Taliban prisoners",
            "40 Tory MPs",
            "In Paris 200 people marched",
            "999 officers",
            "Supplement  Drink 20–30 minutes before",
            "DL Myles Garrett 57 77%",
            "27 Bubba Wallace",
            "1 Purple onion",
        ] {
            let qs = extract(text, &Context::default());
            assert!(
                qs.iter().all(|q| q.unit != Unit::Label),
                "{text:?}: {:?}",
                qs.iter().map(|q| &q.text).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn an_age_after_a_name_is_an_age() {
        let qs = extract(
            "Victor N. Burton, 57, of Ohio and his 14-year-old son",
            &Context::default(),
        );
        let ages: Vec<f64> = qs
            .iter()
            .filter(|q| q.unit == Unit::YearOfAge)
            .map(|q| q.value)
            .collect();
        assert_eq!(ages, [57.0, 14.0]);
    }
}
