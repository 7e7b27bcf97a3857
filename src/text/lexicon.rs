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

    #[test]
    fn every_entry_is_folded_and_listed_once() {
        for table in [ABBREVIATIONS, STOPWORDS, NEGATIONS] {
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
