//! The vocabulary of figures, as data: number words, scales, fractions, vague plurals and factors. The words around
//! a figure (hedges, change words, the little words that end a noun phrase) are in [`super::phrases`], time units,
//! rates, months and periods in [`super::units`]; both are re-exported here so the parsers find every table in one
//! place.
//!
//! Every rule the parsers apply to a word starts from a row here, so a reader can check or extend the engine by
//! scanning this file. Words are matched case-insensitively except month names, which the period parser only
//! accepts capitalised ("may" is a verb).

use super::Change;

pub(crate) use super::phrases::*;
pub(crate) use super::units::*;

pub(crate) use super::lexicon::class;

/// Cardinal number words.
pub(crate) const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("nil", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
    ("doz", 12.0),
];

/// Words for twelve: after a number they multiply ("three dozens", "5 dozen"), on their own "dozens" is vague.
pub(crate) const DOZENS: &[&str] = &["dozen", "dozens", "doz", "dozs"];

/// Scale words written apart from the number (`4.7 million`, `eight thousand`, `10 bln`); the scale words of other
/// languages are in [`super::lang`].
pub(crate) const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("quadrillion", 1e15),
    ("bn", 1e9),
    ("bln", 1e9),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mil", 1e6),
    ("tn", 1e12),
    ("trn", 1e12),
    ("tln", 1e12),
];

/// Scale suffixes glued to digits (`£151m`, `$3k`, `£2.5bn`, `US$5MM`, `10G`), in the case written. Without a
/// currency sign `m` still means million: news copy writes "4.7m people" far more often than metres (a length
/// follows only in "100m sprint" and "100m-high", see [`LENGTH_CUES`]).
pub(crate) const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("K", 1e3),
    ("m", 1e6),
    ("M", 1e6),
    ("MM", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mil", 1e6),
    ("Mio", 1e6),
    ("bn", 1e9),
    ("Bn", 1e9),
    ("BN", 1e9),
    ("bln", 1e9),
    ("b", 1e9),
    ("B", 1e9),
    ("G", 1e9),
    ("Mrd", 1e9),
    ("Md", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
    ("tln", 1e12),
    ("T", 1e12),
];

/// Plural scale words and dozens after digits, which multiply them ("200 thousands", "1.5 dozen"); alone the plurals
/// are vague ("thousands of people").
pub(crate) const PLURAL_SCALES: &[(&str, f64)] = &[
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("dozen", 12.0),
    ("dozens", 12.0),
];

/// Scale symbols that may stand apart from the number (`2.33 k`, `1,674,200.5 M`), in the case written; `B` and
/// `bn` need a currency ("$5 B"), a spaced `m` is a metre.
pub(crate) const SCALE_SYMBOLS: &[(&str, f64)] = &[("k", 1e3), ("K", 1e3), ("M", 1e6), ("MM", 1e6)];

/// Words after a glued `m` that make it metres, not millions: "100m sprint", "a 30m-high wall".
pub(crate) const LENGTH_CUES: &[&str] = &[
    "long",
    "high",
    "tall",
    "wide",
    "deep",
    "thick",
    "away",
    "apart",
    "sprint",
    "dash",
    "hurdles",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "medley",
    "relay",
    "race",
    "final",
    "yacht",
    "radius",
    "above",
    "below",
    "underground",
    "x",
];

/// Plural number words that give only an order of magnitude: the interval they allow.
pub(crate) const VAGUE_WORDS: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 143.0),
    ("scores", 40.0, 199.0),
    ("tens", 20.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2e3, 9_999.0),
    ("millions", 2e6, 999_999_999.0),
    ("billions", 2e9, 999e9),
];

/// Fraction words and their denominators (`a quarter`, `two-thirds`, `half`, `a hundredth`, `three fifths`). The
/// singular ordinals that also count places ("a fifth term") are fractions only before "of", a scale, a unit or
/// nothing (see [`super::words`]); "first" and "second" only inside compounds ("twenty-first").
pub(crate) const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
    ("eleventh", 11.0),
    ("elevenths", 11.0),
    ("twelfth", 12.0),
    ("twelfths", 12.0),
    ("thirteenth", 13.0),
    ("thirteenths", 13.0),
    ("fourteenth", 14.0),
    ("fourteenths", 14.0),
    ("fifteenth", 15.0),
    ("fifteenths", 15.0),
    ("sixteenth", 16.0),
    ("sixteenths", 16.0),
    ("seventeenth", 17.0),
    ("seventeenths", 17.0),
    ("eighteenth", 18.0),
    ("eighteenths", 18.0),
    ("nineteenth", 19.0),
    ("nineteenths", 19.0),
    ("twentieth", 20.0),
    ("twentieths", 20.0),
    ("thirtieth", 30.0),
    ("thirtieths", 30.0),
    ("fortieth", 40.0),
    ("fortieths", 40.0),
    ("fiftieth", 50.0),
    ("fiftieths", 50.0),
    ("sixtieth", 60.0),
    ("sixtieths", 60.0),
    ("seventieth", 70.0),
    ("seventieths", 70.0),
    ("eightieth", 80.0),
    ("eightieths", 80.0),
    ("ninetieth", 90.0),
    ("ninetieths", 90.0),
    ("hundredth", 1e2),
    ("hundredths", 1e2),
    ("thousandth", 1e3),
    ("thousandths", 1e3),
    ("millionth", 1e6),
    ("millionths", 1e6),
    ("billionth", 1e9),
    ("billionths", 1e9),
    ("trillionth", 1e12),
    ("trillionths", 1e12),
];

/// Ordinals of one to nine, which end a compound denominator after a tens word or a scale ("twenty-first",
/// "thirty fifths", "one hundred fifth").
pub(crate) const ORDINAL_UNITS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("firsts", 1.0),
    ("second", 2.0),
    ("seconds", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
];

/// Words that make the number after them negative: "minus five percent", "negative one".
pub(crate) const SIGN_WORDS: &[&str] = &["minus", "negative"];

/// Verbs that multiply: a factor and its direction.
pub(crate) const FACTORS: &[(&str, f64, Change)] = &[
    ("doubled", 2.0, Change::Up),
    ("doubling", 2.0, Change::Up),
    ("tripled", 3.0, Change::Up),
    ("trebled", 3.0, Change::Up),
    ("tripling", 3.0, Change::Up),
    ("quadrupled", 4.0, Change::Up),
    ("quadrupling", 4.0, Change::Up),
    ("quintupled", 5.0, Change::Up),
    ("tenfold", 10.0, Change::Up),
    ("halved", 0.5, Change::Down),
    ("halving", 0.5, Change::Down),
];

/// Multiples without a direction: "twice as likely", "three times as many" (the digits-and-"times" form is a unit).
pub(crate) const MULTIPLES: &[(&str, f64)] = &[("twice", 2.0), ("thrice", 3.0)];

/// Looks a word up in a `(word, value)` table, ignoring case.
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}
