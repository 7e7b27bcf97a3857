//! The words around a figure, as data: hedges before and after it, change words, the words between a change verb
//! and its figure, the function words that end a noun phrase, label, clause and age words, and irregular plurals.
//! Re-exported by [`super::tables`].

use super::{Bound, Change};

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

/// Looks a word up in a `(word, value)` table, ignoring case.
fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    super::tables::lookup(table, word)
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
    while lower.ends_with(['\'', '\u{2019}']) {
        lower.pop();
    }
    if let Some(s) = lookup(IRREGULAR_PLURALS, &lower) {
        return s.to_string();
    }
    let n = lower.len();
    if lower.ends_with("ies") && n > 4 {
        lower.truncate(n - 3);
        lower.push('y');
    } else if ["sses", "shes", "ches", "xes", "zes"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        lower.truncate(n - 2);
    } else if lower.ends_with('s') && !["ss", "us", "is"].iter().any(|s| lower.ends_with(s)) && n > 3 {
        lower.truncate(n - 1);
    }
    lower
}
