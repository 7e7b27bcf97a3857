//! The units of figures that are not measures or money, as data: time units, rates, percent and points, month
//! names and relative periods. Re-exported by [`super::tables`] so the parsers find every table in one place (units
//! of measure are in [`super::measures`], currencies in [`super::money`]).

/// Time units, in seconds. A month is a twelfth of a Julian year.
pub(crate) const TIME_UNITS: &[(&str, f64)] = &[
    ("nanosecond", 1e-9),
    ("nanoseconds", 1e-9),
    ("microsecond", 1e-6),
    ("microseconds", 1e-6),
    ("millisecond", 1e-3),
    ("milliseconds", 1e-3),
    ("ms", 1e-3),
    ("second", 1.0),
    ("seconds", 1.0),
    ("sec", 1.0),
    ("secs", 1.0),
    ("minute", 60.0),
    ("minutes", 60.0),
    ("min", 60.0),
    ("mins", 60.0),
    ("hour", 3_600.0),
    ("hours", 3_600.0),
    ("hr", 3_600.0),
    ("hrs", 3_600.0),
    ("h", 3_600.0),
    ("day", 86_400.0),
    ("days", 86_400.0),
    ("week", 604_800.0),
    ("weeks", 604_800.0),
    ("fortnight", 1_209_600.0),
    ("fortnights", 1_209_600.0),
    ("month", 2_629_800.0),
    ("months", 2_629_800.0),
    ("year", 31_557_600.0),
    ("years", 31_557_600.0),
    ("yr", 31_557_600.0),
    ("yrs", 31_557_600.0),
    ("decade", 315_576_000.0),
    ("decades", 315_576_000.0),
    ("century", 3_155_760_000.0),
    ("centuries", 3_155_760_000.0),
    ("millennium", 31_557_600_000.0),
    ("millennia", 31_557_600_000.0),
];

/// Time units that a bare "a" or "an" counts as one of ("a decade", "a fortnight"), besides any time unit after a
/// hedge ("more than a year", "about an hour"): "a year" alone is more often a rate or a date than a duration.
pub(crate) const ARTICLE_DURATIONS: &[&str] = &["decade", "fortnight", "century", "millennium"];

/// Words allowed between a number and its time unit: "5 working days".
pub(crate) const DURATION_ADJECTIVES: &[&str] = &[
    "working",
    "business",
    "calendar",
    "school",
    "full",
    "consecutive",
    "straight",
    "whole",
    "clear",
];

/// Rate phrases after a figure: "£15 million a year" is money per year, not a date.
pub(crate) const RATES: &[(&[&str], &str)] = &[
    (&["per", "annum"], "year"),
    (&["a", "year"], "year"),
    (&["per", "year"], "year"),
    (&["each", "year"], "year"),
    (&["every", "year"], "year"),
    (&["annually"], "year"),
    (&["a", "month"], "month"),
    (&["per", "month"], "month"),
    (&["each", "month"], "month"),
    (&["every", "month"], "month"),
    (&["a", "week"], "week"),
    (&["per", "week"], "week"),
    (&["each", "week"], "week"),
    (&["a", "day"], "day"),
    (&["per", "day"], "day"),
    (&["each", "day"], "day"),
    (&["an", "hour"], "hour"),
    (&["per", "hour"], "hour"),
    (&["a", "share"], "share"),
    (&["per", "share"], "share"),
    (&["a", "head"], "head"),
    (&["per", "head"], "head"),
    (&["per", "person"], "person"),
    (&["per", "capita"], "person"),
    (&["a", "barrel"], "barrel"),
    (&["per", "barrel"], "barrel"),
    (&["a", "gallon"], "gallon"),
    (&["per", "gallon"], "gallon"),
    (&["a", "litre"], "litre"),
    (&["per", "litre"], "litre"),
    (&["a", "night"], "night"),
    (&["per", "night"], "night"),
];

/// Words for "percent" after a figure (the `%` sign is a symbol).
pub(crate) const PERCENT_WORDS: &[&[&str]] = &[
    &["per", "cent"],
    &["per", "cents"],
    &["percent"],
    &["percents"],
    &["percentage"],
    &["pc"],
    &["pct"],
    // other languages' words that mean nothing else in English, read on every page as scale words of other
    // languages are ("45 Prozent" in a claim, which has no language of its own)
    &["prozent"],
    &["pourcent"],
    &["procent"],
    &["percento"],
];

/// Words for percentage points after a figure.
pub(crate) const POINT_WORDS: &[(&[&str], f64)] = &[
    (&["percentage", "points"], 1.0),
    (&["percentage", "point"], 1.0),
    (&["points"], 1.0),
    (&["point"], 1.0),
    (&["pp"], 1.0),
    (&["basis", "points"], 0.01),
];

/// Month names (accepted only capitalised) and their number.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// What a relative period names, before it is resolved against the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relative {
    /// A calendar year, offset from the publication year.
    Year(i32),
    /// A UK financial year (April–March), offset from the one holding the publication date.
    FinancialYear(i32),
    /// A calendar month, offset from the publication month.
    Month(i32),
}

/// Relative periods, longest first.
pub(crate) const RELATIVE_PERIODS: &[(&[&str], Relative)] = &[
    (&["the", "previous", "calendar", "year"], Relative::Year(-1)),
    (&["the", "previous", "financial", "year"], Relative::FinancialYear(-1)),
    (&["the", "current", "financial", "year"], Relative::FinancialYear(0)),
    (&["the", "last", "financial", "year"], Relative::FinancialYear(-1)),
    (&["the", "next", "financial", "year"], Relative::FinancialYear(1)),
    (&["the", "previous", "year"], Relative::Year(-1)),
    (&["the", "previous", "month"], Relative::Month(-1)),
    (&["last", "calendar", "year"], Relative::Year(-1)),
    (&["last", "financial", "year"], Relative::FinancialYear(-1)),
    (&["this", "financial", "year"], Relative::FinancialYear(0)),
    (&["next", "financial", "year"], Relative::FinancialYear(1)),
    (&["this", "calendar", "year"], Relative::Year(0)),
    (&["last", "year"], Relative::Year(-1)),
    (&["this", "year"], Relative::Year(0)),
    (&["next", "year"], Relative::Year(1)),
    (&["last", "month"], Relative::Month(-1)),
    (&["this", "month"], Relative::Month(0)),
    (&["next", "month"], Relative::Month(1)),
    // counted back from the page's date: "$38,373 a year ago"
    (&["a", "year", "ago"], Relative::Year(-1)),
    (&["one", "year", "ago"], Relative::Year(-1)),
    (&["a", "month", "ago"], Relative::Month(-1)),
];

/// Words before a bare month name that make it a date ("in January", "since March"); "March on" is not one.
pub(crate) const MONTH_PREPS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "to",
    "from",
    "of",
    "during",
    "early",
    "late",
    "mid",
    "end",
    "between",
    "and",
    "before",
    "after",
    "last",
    "this",
    "next",
    "throughout",
    "on",
];

/// Words that name a quarter of the year: "Q1 2024", "the first quarter of 2024", "the final quarter".
pub(crate) const QUARTER_WORDS: &[(&str, u32)] = &[
    ("q", 0),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("final", 4),
    ("last", 4),
];
