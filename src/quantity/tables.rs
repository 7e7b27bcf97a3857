//! The vocabulary of figures, as data: number words, scales, hedges, change words, units, currencies, months,
//! relative periods and the little words that end a noun phrase.
//!
//! Every rule the parsers apply to a word starts from a row here, so a reader can check or extend the engine by
//! scanning this file. Words are matched case-insensitively except month names, which the period parser only
//! accepts capitalised ("may" is a verb).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::{Bound, Change};

pub(crate) use super::units::*;

/// Class bits of a word, computed once per word by [`lex_class`].
pub(crate) mod class {
    pub const NUMWORD: u32 = 1;
    pub const SCALE: u32 = 1 << 1;
    pub const VAGUE: u32 = 1 << 2;
    pub const FRACTION: u32 = 1 << 3;
    pub const FACTOR: u32 = 1 << 4;
    pub const HEDGE: u32 = 1 << 5;
    pub const CHANGE: u32 = 1 << 6;
    pub const MONTH: u32 = 1 << 7;
    pub const TIME_UNIT: u32 = 1 << 8;
    pub const RELATIVE: u32 = 1 << 9;
    pub const ARTICLE: u32 = 1 << 10;
    pub const ALL: u32 = 1 << 11;
    pub const PERIOD_PREP: u32 = 1 << 12;
    pub const CURRENCY: u32 = 1 << 13;
    pub const STOP: u32 = 1 << 14;
    pub const LABEL: u32 = 1 << 15;
    pub const AGE: u32 = 1 << 16;
    pub const CLAUSE: u32 = 1 << 17;
    pub const QUARTER: u32 = 1 << 18;
    /// Words that can start a figure or a period: the parsers look no further at any other word.
    pub const ANCHOR: u32 = NUMWORD
        | SCALE
        | VAGUE
        | FRACTION
        | FACTOR
        | HEDGE
        | MONTH
        | RELATIVE
        | ARTICLE
        | ALL
        | PERIOD_PREP
        | CURRENCY
        | QUARTER;
}

/// Cardinal number words.
pub(crate) const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
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
];

/// Scale words written apart from the number (`4.7 million`, `eight thousand`).
pub(crate) const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("mln", 1e6),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Scale suffixes glued to digits (`£151m`, `$3k`, `£2.5bn`). Without a currency sign `m` still means million:
/// news copy writes "4.7m people" far more often than metres.
pub(crate) const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
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

/// Fraction words and their denominators (`a quarter`, `two-thirds`, `half`).
pub(crate) const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// Verbs that multiply: a factor and its direction.
pub(crate) const FACTORS: &[(&str, f64, Change)] = &[
    ("doubled", 2.0, Change::Up),
    ("doubling", 2.0, Change::Up),
    ("tripled", 3.0, Change::Up),
    ("trebled", 3.0, Change::Up),
    ("tripling", 3.0, Change::Up),
    ("quadrupled", 4.0, Change::Up),
    ("halved", 0.5, Change::Down),
    ("halving", 0.5, Change::Down),
];

/// Multiples without a direction: "twice as likely", "three times as many" (the digits-and-"times" form is a unit).
pub(crate) const MULTIPLES: &[(&str, f64)] = &[("twice", 2.0), ("thrice", 3.0)];

/// Hedges written before a figure, longest first: each is an interval around (or beside) the figure.
pub(crate) const HEDGES_BEFORE: &[(&[&str], Bound)] = &[
    (&["no", "more", "than"], Bound::AtMost),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["in", "excess", "of"], Bound::AtLeast),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "much", "as"], Bound::AtMost),
    (&["as", "few", "as"], Bound::AtLeast),
    (&["an", "estimated"], Bound::About),
    (&["more", "than"], Bound::AtLeast),
    (&["greater", "than"], Bound::AtLeast),
    (&["higher", "than"], Bound::AtLeast),
    (&["at", "least"], Bound::AtLeast),
    (&["upwards", "of"], Bound::AtLeast),
    (&["just", "over"], Bound::AtLeast),
    (&["well", "over"], Bound::AtLeast),
    (&["fewer", "than"], Bound::AtMost),
    (&["less", "than"], Bound::AtMost),
    (&["lower", "than"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    (&["at", "most"], Bound::AtMost),
    (&["just", "under"], Bound::Nearly),
    (&["just", "below"], Bound::Nearly),
    (&["close", "to"], Bound::About),
    (&["nearly"], Bound::Nearly),
    (&["almost"], Bound::Nearly),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["roughly"], Bound::About),
    (&["approximately"], Bound::About),
    (&["approx"], Bound::About),
    (&["circa"], Bound::About),
    (&["some"], Bound::About),
    (&["nearer"], Bound::About),
    (&["estimated"], Bound::About),
    (&["over"], Bound::AtLeast),
    (&["above"], Bound::AtLeast),
    (&["exceeding"], Bound::AtLeast),
    (&["under"], Bound::AtMost),
    (&["below"], Bound::AtMost),
    (&["within"], Bound::AtMost),
];

/// Hedges written after a figure (`100 or more`, `50-plus`).
pub(crate) const HEDGES_AFTER: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::AtLeast),
    (&["or", "over"], Bound::AtLeast),
    (&["or", "above"], Bound::AtLeast),
    (&["or", "fewer"], Bound::AtMost),
    (&["or", "less"], Bound::AtMost),
    (&["or", "so"], Bound::About),
    (&["plus"], Bound::AtLeast),
];

/// Relative width of `about`/`nearly`: a fact-checker reads "around 80" as 72–88.
pub(crate) const HEDGE_WIDTH: f64 = 0.10;

/// Words that give a change its direction.
pub(crate) const CHANGE_WORDS: &[(&str, Change)] = &[
    ("up", Change::Up),
    ("rose", Change::Up),
    ("rise", Change::Up),
    ("rises", Change::Up),
    ("risen", Change::Up),
    ("rising", Change::Up),
    ("increase", Change::Up),
    ("increased", Change::Up),
    ("increases", Change::Up),
    ("increasing", Change::Up),
    ("grew", Change::Up),
    ("grow", Change::Up),
    ("grown", Change::Up),
    ("growth", Change::Up),
    ("climbed", Change::Up),
    ("jumped", Change::Up),
    ("jump", Change::Up),
    ("soared", Change::Up),
    ("surged", Change::Up),
    ("gained", Change::Up),
    ("boosted", Change::Up),
    ("higher", Change::Up),
    ("more", Change::Up),
    ("down", Change::Down),
    ("fell", Change::Down),
    ("fall", Change::Down),
    ("falls", Change::Down),
    ("fallen", Change::Down),
    ("falling", Change::Down),
    ("dropped", Change::Down),
    ("drop", Change::Down),
    ("drops", Change::Down),
    ("decrease", Change::Down),
    ("decreased", Change::Down),
    ("decreases", Change::Down),
    ("declined", Change::Down),
    ("decline", Change::Down),
    ("cut", Change::Down),
    ("cuts", Change::Down),
    ("reduced", Change::Down),
    ("reduction", Change::Down),
    ("slashed", Change::Down),
    ("shrank", Change::Down),
    ("slumped", Change::Down),
    ("plunged", Change::Down),
    ("lower", Change::Down),
    ("fewer", Change::Down),
    ("less", Change::Down),
];

/// Change words that may follow a figure ("13 fewer", "a 22% rise", "hundreds more").
pub(crate) const CHANGE_AFTER: &[&str] = &[
    "more",
    "fewer",
    "less",
    "increase",
    "rise",
    "fall",
    "drop",
    "decline",
    "reduction",
    "cut",
    "jump",
    "higher",
    "lower",
    "up",
    "down",
    "increases",
    "rises",
    "falls",
    "drops",
];

/// Words allowed between a change word and its figure: "fell by 11", "rose from 19", "fell to 7.4 million",
/// "a rise of 5".
pub(crate) const CHANGE_GAP: &[&str] = &[
    "by", "from", "to", "of", "a", "an", "some", "just", "nearly", "almost", "over",
];

/// Words that end the noun phrase after a figure: function words and auxiliaries.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "about",
    "as",
    "into",
    "over",
    "under",
    "than",
    "then",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "it",
    "its",
    "this",
    "these",
    "those",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "we",
    "they",
    "he",
    "she",
    "you",
    "i",
    "not",
    "no",
    "per",
    "each",
    "every",
    "compared",
    "since",
    "between",
    "across",
    "including",
    "after",
    "before",
    "during",
    "within",
    "without",
    "against",
    "among",
    "around",
    "via",
    "out",
    "up",
    "down",
    "if",
    "because",
    "said",
    "says",
    "say",
    "all",
    "both",
    "also",
    "only",
    "just",
    "now",
    "still",
    "ago",
    "later",
    "earlier",
    "again",
    "too",
    "very",
    "last",
    "next",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "or",
    "there",
    "here",
    "such",
    "like",
    "unlike",
];

/// Words before a number that make it a name, not an amount ("Article 50", "Route 38").
pub(crate) const LABEL_WORDS: &[&str] = &[
    "article",
    "section",
    "chapter",
    "clause",
    "page",
    "pages",
    "room",
    "route",
    "flight",
    "number",
    "no",
    "platform",
    "junction",
    "level",
    "tier",
    "stage",
    "phase",
    "band",
    "grade",
    "category",
    "covid",
    "windows",
    "iphone",
    "version",
    "v",
    "ps",
    "series",
    "episode",
    "season",
    "vol",
    "volume",
    "figure",
    "table",
    "step",
    "rule",
    "paragraph",
];

/// Words that open a new clause for period attachment even without punctuation ("… compared with 77.6% in 2024").
pub(crate) const CLAUSE_WORDS: &[&str] = &["compared", "than", "versus", "whereas", "while", "but", "against"];

/// Words that mark an age: "aged 33", "age 33".
pub(crate) const AGE_WORDS: &[&str] = &["aged", "age", "ages"];

/// Plurals that the suffix rules would get wrong.
pub(crate) const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("people", "person"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("police", "police"),
    ("staff", "staff"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("data", "data"),
    ("criteria", "criterion"),
    ("news", "news"),
    ("series", "series"),
    ("species", "species"),
    ("sheep", "sheep"),
    ("fish", "fish"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("thieves", "thief"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
];

/// FNV-1a: the vocabulary is fixed and the keys are short words, so a DoS-resistant hash buys nothing here and
/// costs a third of the extraction time.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Vocabulary = HashMap<&'static str, u32, BuildHasherDefault<Fnv>>;

fn vocabulary() -> &'static Vocabulary {
    static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut map = Vocabulary::default();
        let mut add = |w: &'static str, bit: u32| *map.entry(w).or_insert(0) |= bit;
        for (w, _) in NUMBER_WORDS {
            add(w, class::NUMWORD);
        }
        for (w, _) in SCALE_WORDS {
            add(w, class::SCALE);
        }
        for (w, _, _) in VAGUE_WORDS {
            add(w, class::VAGUE);
        }
        for (w, _) in FRACTIONS {
            add(w, class::FRACTION);
        }
        for (w, _, _) in FACTORS {
            add(w, class::FACTOR);
        }
        for (w, _) in MULTIPLES {
            add(w, class::FACTOR);
        }
        for (ws, _) in HEDGES_BEFORE {
            add(ws[0], class::HEDGE);
        }
        for (w, _) in CHANGE_WORDS {
            add(w, class::CHANGE);
        }
        for (w, _) in MONTHS {
            add(w, class::MONTH);
        }
        for (w, _) in TIME_UNITS {
            add(w, class::TIME_UNIT);
        }
        for (w, _) in QUARTER_WORDS {
            add(w, class::QUARTER);
        }
        for (ws, _) in RELATIVE_PERIODS {
            add(ws[0], class::RELATIVE);
        }
        // Only the three-letter codes ("GBP 3 million") can stand before a number.
        for (w, _, _) in CURRENCY_WORDS.iter().filter(|(w, _, _)| w.len() == 3 && *w != "yen") {
            add(w, class::CURRENCY);
        }
        for (w, _) in DOLLAR_PREFIXES {
            add(w, class::CURRENCY);
        }
        for w in STOP_WORDS {
            add(w, class::STOP);
        }
        for w in LABEL_WORDS {
            add(w, class::LABEL);
        }
        for w in AGE_WORDS {
            add(w, class::AGE);
        }
        for w in CLAUSE_WORDS {
            add(w, class::CLAUSE);
        }
        for (w, bit) in [
            ("a", class::ARTICLE),
            ("an", class::ARTICLE),
            ("all", class::ALL),
            ("since", class::PERIOD_PREP),
            ("between", class::PERIOD_PREP),
            ("from", class::PERIOD_PREP),
        ] {
            add(w, bit);
        }
        map
    })
}

/// Longest word worth looking up; longer words are in no table.
const MAX_WORD: usize = 13;

/// The class bits of a word (0 for words in no table).
pub(crate) fn lex_class(word: &str) -> u32 {
    if word.len() > MAX_WORD || !word.is_ascii() {
        return 0;
    }
    let mut buf = [0u8; MAX_WORD];
    for (dst, src) in buf.iter_mut().zip(word.bytes()) {
        *dst = src.to_ascii_lowercase();
    }
    match std::str::from_utf8(&buf[..word.len()]) {
        Ok(lower) => vocabulary().get(lower).copied().unwrap_or(0),
        Err(_) => 0,
    }
}

/// Looks a word up in a `(word, value)` table, ignoring case.
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// The singular of an English plural noun, lower-cased ("offences" → "offence", "areas" → "area").
pub(crate) fn singular(word: &str) -> String {
    let mut lower = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    };
    for possessive in ["'s", "\u{2019}s"] {
        if lower.len() > possessive.len() + 1 && lower.ends_with(possessive) {
            lower.truncate(lower.len() - possessive.len());
            return lower;
        }
    }
    let lower = lower.trim_end_matches(['\'', '\u{2019}']).to_string();
    if let Some(s) = lookup(IRREGULAR_PLURALS, &lower) {
        return s.to_string();
    }
    let stem = |n: usize| lower[..lower.len() - n].to_string();
    if lower.ends_with("ies") && lower.len() > 4 {
        format!("{}y", stem(3))
    } else if ["sses", "shes", "ches", "xes", "zes"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        stem(2)
    } else if lower.ends_with('s') && !["ss", "us", "is"].iter().any(|s| lower.ends_with(s)) && lower.len() > 3 {
        stem(1)
    } else {
        lower
    }
}
