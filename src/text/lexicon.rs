//! The general-language word lists the text layer reads with: abbreviations whose full stop ends no sentence, words
//! that carry no subject, and the cues that negate a statement. English first, then the French and German a news
//! page in those languages uses.
//!
//! What it is not: a page's vocabulary. No entry names a person, place or organisation; each list is a row a
//! reader can scan and a test iterates.

/// Abbreviations whose full stop does not end a sentence (lower case, without the final stop).
#[rustfmt::skip]
pub const ABBREVIATIONS: &[&str] = &[
    // titles and ranks
    "mr", "mrs", "ms", "mx", "dr", "prof", "sir", "st", "sr", "jr", "rev", "gen", "col", "lt", "capt", "cmdr", "sgt",
    "supt", "insp", "det", "cllr", "gov", "sen", "rep", "hon", "rt", "messrs", "pres", "atty", "mme", "mlle", "hr",
    // references and measures
    "no", "nos", "vs", "v", "etc", "e.g", "i.e", "eg", "ie", "approx", "est", "fig", "vol", "p", "pp", "para", "op",
    "ch", "mt", "ft", "dept", "ca", "bzw", "z.b", "u.a", "nr", "vgl", "mio", "mrd", "bn",
    // companies
    "inc", "ltd", "co", "corp", "plc",
    // months and places
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "a.m", "p.m", "pc", "dc",
];

/// Words that carry no subject: left out when asking whether a passage is about a claim.
#[rustfmt::skip]
pub const STOPWORDS: &[&str] = &[
    // English
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "it's", "more", "most", "much", "new", "not", "now", "of", "on",
    "one", "or", "our", "out", "over", "said", "says", "she", "should", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "up", "was", "we", "were", "what", "when",
    "which", "while", "who", "will", "with", "would", "you", "your", "per", "cent", "percent", "within", "under",
    "nearly", "around", "almost", "least", "just", "still", "very", "each", "every", "other", "only", "such", "my",
    "me", "us", "him", "there's", "here", "where", "why", "may", "might", "must", "shall", "too", "via", "upon",
    "its", "whose", "whom", "been", "am", "own", "same", "because", "whether", "though", "although", "yet",
    "since", "until", "between", "against", "during", "among", "through", "across",
    // French
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "en", "au", "aux", "à", "a", "par",
    "pour", "sur", "dans", "avec", "est", "sont", "été", "être", "ce", "cette", "ces", "qui", "que", "qu", "il",
    "elle", "ils", "elles", "se", "sa", "son", "ses", "leur", "leurs", "plus", "ont", "pas", "ne", "n", "y", "nous",
    "vous", "on", "s", "c", "j", "m", "soit", "dont",
    // German
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder",
    "mit", "von", "vom", "zu", "zum", "zur", "im", "in", "auf", "für", "ist", "sind", "war", "wird", "werden",
    "hat", "haben", "sich", "nicht", "auch", "um", "bei", "nach", "aus", "als", "an", "am", "es", "sie", "er", "wir",
    "noch", "bis", "über",
];

/// Function words only one of the languages the pages come in writes: enough of them name a text's language (a
/// claim has no `<html lang>`). Words two languages share ("die", "a", "in", "de") are left out.
#[rustfmt::skip]
pub const LANGUAGE_MARKERS: &[(&str, &[&str])] = &[
    ("en", &["the", "of", "and", "is", "was", "were", "has", "have", "will", "to", "with", "for", "that", "by"]),
    ("fr", &["le", "la", "les", "des", "du", "et", "est", "une", "un", "au", "aux", "cet", "cette", "ont", "sont",
             "pour", "dans", "sur", "été"]),
    ("de", &["der", "das", "den", "dem", "und", "ist", "im", "ein", "eine", "einer", "mit", "von", "auf", "für",
             "um", "wird", "hat", "bis", "über", "nicht"]),
];

/// Fewest marker words a text needs, and more than any other language's, to be taken for that language.
const LANGUAGE_MARKERS_MIN: usize = 2;

/// The language tag a short text is written in, by its function words ("en", "fr", "de"); `None` when unsure.
pub fn language_of(words: &[String]) -> Option<&'static str> {
    let counts: Vec<(&'static str, usize)> = LANGUAGE_MARKERS
        .iter()
        .map(|(tag, markers)| (*tag, words.iter().filter(|w| markers.contains(&w.as_str())).count()))
        .collect();
    let (tag, best) = counts.iter().copied().max_by_key(|&(_, n)| n)?;
    let unique = counts.iter().filter(|&&(_, n)| n == best).count() == 1;
    (best >= LANGUAGE_MARKERS_MIN && unique).then_some(tag)
}

/// Words that say a statement holds of every member ("in every area", "all of them"): a passage that says it of
/// some does not state it.
#[rustfmt::skip]
pub const UNIVERSALS: &[&str] = &[
    "every", "all", "each", "always", "everywhere", "everyone", "everybody", "tous", "toutes", "chaque", "alle",
    "jede", "jeder", "jedes", "immer",
];

pub fn is_universal(word: &str) -> bool {
    UNIVERSALS.contains(&word)
}

/// Degree phrases on either side of a mark ("more than enough" against "almost enough"): the same words with the
/// other side state the opposite. Folded word sequences; "over" and "under" are left out, being as often "during"
/// and "beneath".
#[rustfmt::skip]
pub const DEGREE_ABOVE: &[&[&str]] = &[
    &["more", "than"], &["at", "least"], &["well", "over"], &["exceeded"], &["exceeds"],
];
#[rustfmt::skip]
pub const DEGREE_BELOW: &[&[&str]] = &[
    &["almost"], &["nearly"], &["less", "than"], &["short", "of"], &["not", "quite"], &["fewer", "than"],
];

/// Which side of a mark a text's degree phrases put it on: `Some(true)` above, `Some(false)` below, `None` when it
/// has none or both.
pub fn degree(words: &[String]) -> Option<bool> {
    let has = |table: &[&[&str]]| {
        table.iter().any(|seq| {
            words
                .windows(seq.len())
                .any(|w| w.iter().zip(seq.iter()).all(|(a, b)| a == b))
        })
    };
    match (has(DEGREE_ABOVE), has(DEGREE_BELOW)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Words that flip what a sentence states (folded: lower case, straight apostrophe).
#[rustfmt::skip]
pub const NEGATIONS: &[&str] = &[
    // English
    "not", "no", "never", "n't", "neither", "nor", "cannot", "didn't", "isn't", "wasn't", "aren't", "weren't",
    "won't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "couldn't", "wouldn't", "shouldn't", "none",
    "nobody", "nothing", "without",
    // French ("ne … pas", "n'a pas", "jamais", "aucun")
    "pas", "jamais", "aucun", "aucune", "ni", "sans",
    // German
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "ohne",
];

/// Names of months and days (folded), which are capitalised but name no one: a period, not an entity.
#[rustfmt::skip]
pub const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
    "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "januar", "februar", "marz", "juni", "juli", "oktober", "dezember", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag",
];

/// Words that say when, not what: a figure is never a figure "of" them ("up from $38,373 a year ago").
#[rustfmt::skip]
pub const PERIOD_WORDS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "quarters", "ago", "today",
    "yesterday", "tomorrow", "annual", "annually", "monthly", "weekly", "daily", "decade", "decades", "century",
    "period", "season", "morning", "evening", "night", "afternoon", "hour", "hours", "minute", "minutes",
];

/// Whether `word` (folded) says when rather than what.
pub fn is_period_word(word: &str) -> bool {
    PERIOD_WORDS.contains(&word)
}

/// Whether `word` (folded) names a month or a day.
pub fn is_calendar(word: &str) -> bool {
    CALENDAR.contains(&word)
}

/// Words that say which way something moved (folded), `true` for up: the verifier compares directions through the
/// figures and statements, so these never count as what a claim is about.
#[rustfmt::skip]
pub const DIRECTIONS: &[(&str, bool)] = &[
    ("up", true), ("rose", true), ("rise", true), ("rises", true), ("risen", true), ("rising", true),
    ("increase", true), ("increased", true), ("increases", true), ("increasing", true), ("grew", true),
    ("grow", true), ("grown", true), ("growth", true), ("climbed", true), ("climb", true), ("jumped", true),
    ("jump", true), ("soared", true), ("surged", true), ("gained", true), ("gain", true), ("higher", true),
    ("raised", true), ("raise", true), ("raising", true), ("boosted", true), ("added", true), ("hausse", true),
    ("augmente", true), ("progresse", true), ("steigt", true), ("steigen", true), ("gestiegen", true),
    ("hoher", true), ("mehr", true), ("plus", true),
    ("down", false), ("fell", false), ("fall", false), ("falls", false), ("fallen", false), ("falling", false),
    ("decrease", false), ("decreased", false), ("decreases", false), ("declined", false), ("decline", false),
    ("dropped", false), ("drop", false), ("slipped", false), ("slid", false), ("lost", false), ("lower", false),
    ("cut", false), ("cuts", false), ("reduced", false), ("shrank", false), ("plunged", false), ("tumbled", false),
    ("baisse", false), ("recule", false), ("diminue", false), ("sinkt", false), ("sinken", false),
    ("gesunken", false), ("weniger", false),
];

/// Which way a word (folded) says something moved: `Some(true)` up, `Some(false)` down.
pub fn direction(word: &str) -> Option<bool> {
    DIRECTIONS.iter().find(|(w, _)| *w == word).map(|&(_, up)| up)
}

/// Pairs of words (folded) that state opposites: a source that says one where a claim says the other states the
/// opposite of the claim ("had won all previous 15 meetings" against "had lost all 15").
#[rustfmt::skip]
pub const ANTONYMS: &[(&str, &str)] = &[
    ("won", "lost"), ("win", "lose"), ("wins", "loses"), ("winning", "losing"), ("victory", "defeat"),
    ("pushed", "pulled"), ("push", "pull"), ("accepted", "rejected"), ("accept", "reject"), ("approved", "rejected"),
    ("approve", "reject"), ("confirmed", "denied"), ("confirm", "deny"), ("agree", "disagree"), ("agreed", "disagreed"),
    ("support", "oppose"), ("supported", "opposed"), ("raised", "cut"), ("raise", "cut"), ("raises", "cuts"),
    ("increase", "decrease"), ("increased", "decreased"), ("rose", "fell"), ("rise", "fall"), ("up", "down"),
    ("higher", "lower"), ("more", "fewer"), ("more", "less"), ("above", "below"), ("before", "after"),
    ("bigger", "smaller"), ("larger", "smaller"), ("largest", "smallest"), ("biggest", "smallest"),
    ("best", "worst"), ("highest", "lowest"), ("most", "least"), ("first", "last"), ("open", "closed"),
    ("opened", "closed"), ("opening", "closing"), ("allowed", "banned"), ("included", "excluded"),
    ("including", "excluding"), ("gained", "lost"), ("success", "failure"), ("succeeded", "failed"),
    ("released", "held"), ("guilty", "innocent"), ("majority", "minority"), ("full", "empty"), ("earlier", "later"),
    ("started", "ended"), ("began", "ended"), ("hired", "fired"), ("joined", "left"), ("buy", "sell"),
    ("bought", "sold"), ("buying", "selling"), ("import", "export"), ("imports", "exports"), ("over", "under"),
    ("faster", "slower"), ("cheaper", "dearer"), ("easier", "harder"), ("strengthened", "weakened"),
    ("already", "yet"), ("bereits", "noch"), ("deja", "encore"), ("hausse", "baisse"), ("augmente", "diminue"),
    ("steigt", "sinkt"), ("mehr", "weniger"), ("plus", "moins"),
];

/// Whether two words (folded, or stemmed by `text::stem`) state opposites.
pub fn opposite(a: &str, b: &str) -> bool {
    let stem = super::words::stem;
    ANTONYMS.iter().any(|&(x, y)| {
        let (sx, sy) = (stem(x), stem(y));
        (a == x || a == sx) && (b == y || b == sy) || (a == y || a == sy) && (b == x || b == sx)
    })
}

/// Number words (folded) in English, French and German: a claim holding one states a figure, even when the
/// quantity engine cannot read it.
#[rustfmt::skip]
pub const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
    "billion", "billions", "trillion", "dozen", "dozens", "half", "halves", "third", "thirds", "quarter",
    "quarters", "fifth", "fifths", "tenth", "tenths", "twice", "thrice", "double", "doubled", "triple", "tripled",
    "halved", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "cent", "mille",
    "moitie", "tiers", "quart", "eins", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn",
    "hundert", "tausend", "halb", "halfte", "drittel", "viertel", "doppelt",
];

/// Whether `word` (folded) is a number word.
pub fn is_number_word(word: &str) -> bool {
    NUMBER_WORDS.contains(&word)
}

/// Whether `word` (folded) is a stop word.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Whether `word` (folded) negates what its sentence states.
pub fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word)
}

/// Whether `word` (any case, with or without its final stop) is an abbreviation whose stop ends no sentence.
pub fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn a_short_text_names_its_language_by_its_function_words() {
        assert_eq!(
            language_of(&words("Die Grundsteuer in Kellenbach steigt um 45 Prozent und mehr")),
            Some("de")
        );
        assert_eq!(
            language_of(&words("La fréquentation des campings a augmenté cet été")),
            Some("fr")
        );
        assert_eq!(
            language_of(&words("The number of calls was 86.2% of the total")),
            Some("en")
        );
        // one marker, or a tie, is no language
        assert_eq!(language_of(&words("Kellenbach um 45 Prozent")), None);
    }

    #[test]
    fn degree_phrases_put_a_text_above_or_below_its_mark() {
        assert_eq!(degree(&words("more than enough to fill a pool")), Some(true));
        assert_eq!(degree(&words("almost enough to fill a pool")), Some(false));
        assert_eq!(degree(&words("enough to fill a pool")), None);
        assert_eq!(degree(&words("fell over the year")), None);
    }

    #[test]
    fn every_entry_is_folded_and_listed_once() {
        for table in [ABBREVIATIONS, STOPWORDS, NEGATIONS, CALENDAR] {
            for w in table {
                assert_eq!(*w, w.to_lowercase(), "{w} is not lower case");
                assert!(!w.ends_with('.'), "{w} keeps its stop");
            }
        }
        for w in NEGATIONS {
            assert!(is_negation(w));
        }
        for w in ABBREVIATIONS {
            assert!(is_abbreviation(&format!("{}.", w.to_uppercase())), "{w}");
        }
    }
}
