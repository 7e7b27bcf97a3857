//! Words: tokens with their offsets, the folded form they compare by, stems, and the content words that say what a
//! text is about.
//!
//! A word is a run of letters and digits, joined by an apostrophe between letters (`Met’s`, `don't`), a `.` or `,`
//! between digits (`86.2`, `1,300`), a `&` between letters (`S&P`, `AT&T`) and the stops of dotted initials
//! (`U.S.`); a hyphen separates (`three-quarters`, `Covid-19`). Folding removes what a reader does not see as a
//! difference: case, accents (composed or decomposed), curly apostrophes, invisible characters, thousands commas
//! and the stops of initials, so `U.S.` meets `US` and `Néerlandais` meets `neerlandais`.

use super::lexicon;

/// One word of a text: `text[start..end]`, with its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lower case, accents and apostrophes folded, thousands commas and initials' stops dropped.
    pub form: String,
    /// The word as written starts with a capital letter.
    pub capital: bool,
    /// The word as written has two letters or more, all capitals ("US", "U.S.", "NHS").
    pub acronym: bool,
    /// The word as written ends in a possessive ("Northmoor's", "Greaves'").
    pub possessive: bool,
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{2bc}' | '`' | '\u{b4}')
}

/// Characters that are invisible inside a word (soft hyphen, zero-width joiners).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

pub(crate) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// The base letter of a lower-case accented Latin letter, so composed and decomposed spellings compare equal.
pub fn base_letter(c: char) -> char {
    const FOLDS: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ţťŧț", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    if c.is_ascii() {
        return c;
    }
    FOLDS.iter().find(|(from, _)| from.contains(c)).map_or(c, |&(_, to)| to)
}

/// The folded form of a word as written.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push('\'');
        } else if matches!(c, ',' | '.') || is_invisible(c) || is_combining(c) {
            // thousands separators and initials' stops do not change a word; "86.2" keeps its point below
        } else if c == 'ß' {
            out.push_str("ss");
        } else {
            out.extend(c.to_lowercase().map(base_letter));
        }
    }
    out
}

/// Every word of `text` with its offsets and folded form.
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let prev = chars[j - 1].1;
            let next = chars.get(j + 1).map_or(' ', |p| p.1);
            let joins = (is_apostrophe(c) && prev.is_alphanumeric() && next.is_alphabetic())
                || (matches!(c, '.' | ',') && prev.is_ascii_digit() && next.is_ascii_digit())
                || (c == '&' && prev.is_alphabetic() && next.is_alphabetic())
                || (c == '.' && prev.is_uppercase() && initial_run(&chars, j))
                || ((is_invisible(c) || is_combining(c)) && (next.is_alphanumeric() || is_combining(c)));
            if c.is_alphanumeric() || joins {
                j += 1;
            } else {
                break;
            }
        }
        // "U.S." keeps its final stop as part of the word.
        if chars.get(j).is_some_and(|p| p.1 == '.') && initial_run(&chars, j) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |p| p.0);
        let raw = &text[start..end];
        let mut form = fold(raw);
        if raw.contains('.') && raw.chars().any(|c| c.is_ascii_digit()) {
            // a decimal point is part of the number
            form = raw.replace(',', "");
        }
        let possessive = form.ends_with("'s") || form.ends_with('\'');
        let form = form.trim_end_matches('\'').to_string();
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        out.push(Token {
            start,
            end,
            capital: c.is_uppercase(),
            acronym: letters >= 2 && raw.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase),
            possessive,
            form,
        });
        i = j;
    }
    out
}

/// Whether the stop at `j` belongs to a run of dotted single capitals ("U.S.", "U.K.", "W.M.").
fn initial_run(chars: &[(usize, char)], j: usize) -> bool {
    let single_before = j >= 1
        && chars[j - 1].1.is_uppercase()
        && (j < 2 || !chars[j - 2].1.is_alphanumeric() || chars[j - 2].1 == '.');
    let dotted_before = j >= 3 && chars[j - 2].1 == '.' && chars[j - 3].1.is_uppercase();
    let capital_after =
        chars.get(j + 1).is_some_and(|p| p.1.is_uppercase()) && chars.get(j + 2).is_some_and(|p| p.1 == '.');
    single_before && (dotted_before || capital_after)
}

/// Lower-case folded word forms of `text`.
pub fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.form).collect()
}

/// The stem of a folded word, for matching paraphrases ("buying" meets "buy", "officers" "officer"): the Snowball
/// English stemmer (the `rust-stemmers` crate), after the possessive is cut.
pub fn stem(word: &str) -> String {
    thread_local! {
        static ENGLISH: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
    }
    let w = word.strip_suffix("'s").unwrap_or(word);
    if w.chars().any(|c| c.is_ascii_digit()) {
        return w.to_string();
    }
    // A page repeats its words and a batch its pages: the stem of a word already seen on this thread is looked up,
    // not computed again (a bounded memo, emptied when full).
    SEEN.with(|seen| {
        if let Some(s) = seen.borrow().get(w) {
            return s.clone();
        }
        let s = ENGLISH.with(|e| e.stem(w).into_owned());
        let mut seen = seen.borrow_mut();
        if seen.len() >= STEM_MEMO_WORDS {
            seen.clear();
        }
        seen.insert(w.to_string(), s.clone());
        s
    })
}

/// Words whose stems a thread remembers: a news vocabulary fits several times over, in well under 10 MB.
const STEM_MEMO_WORDS: usize = 100_000;

/// Whether a folded word carries subject: not a stop word, not a bare number, longer than one letter.
pub fn is_content(form: &str) -> bool {
    !lexicon::is_stopword(form)
        && !form.chars().all(|c| c.is_ascii_digit() || c == '.')
        && form.chars().count() > 1
        && !form.ends_with("n't")
}

/// The words that say what a text is about: no stop words, no bare numbers, stemmed.
pub fn content_words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter(|t| is_content(&t.form))
        .map(|t| stem(&t.form))
        .collect()
}

/// Whether two content words are the same word for matching purposes (a shared stem or a near-identical spelling).
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la >= 5 && lb >= 5 {
        let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        if common >= 5 && common * 10 >= la.min(lb) * 7 {
            return true;
        }
        // Near spellings share their opening: "employment" is not "unemployment", though all its letters are.
        let opening = a.chars().take(2).eq(b.chars().take(2));
        return opening && strsim::jaro_winkler(a, b) >= 0.94;
    }
    false
}

/// Folds what a reader does not see as a difference: case, curly quotes, dashes, and runs of white space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '‘' | '’' | '‛' | '′' | '`' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Whether a text negates what it states (a negation cue among its words, "n't" included).
pub fn negated(text: &str) -> bool {
    tokens(text)
        .iter()
        .any(|t| lexicon::is_negation(&t.form) || t.form.ends_with("n't"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        words(text)
    }

    #[test]
    fn words_fold_case_accents_apostrophes_and_initials() {
        assert_eq!(forms("The Met’s U.S. crude"), ["the", "met's", "us", "crude"]);
        assert_eq!(forms("Néerlandais Jose\u{301}"), ["neerlandais", "jose"]);
        assert_eq!(
            forms("S&P 500 rose 0.36%, to 27,934.02"),
            ["s&p", "500", "rose", "0.36", "to", "27934.02"]
        );
        assert_eq!(
            forms("three-quarters of Covid-19"),
            ["three", "quarters", "of", "covid", "19"]
        );
        assert_eq!(forms("W.M. Keck Observatory"), ["wm", "keck", "observatory"]);
        assert_eq!(forms("Straße"), ["strasse"]);
    }

    #[test]
    fn token_offsets_point_into_the_text() {
        let text = "Hard-\nwrapped  U.S. line";
        let toks = tokens(text);
        assert_eq!(&text[toks[1].start..toks[1].end], "wrapped");
        assert_eq!(&text[toks[2].start..toks[2].end], "U.S.");
        assert!(toks[2].capital);
    }

    #[test]
    fn a_sentence_stop_after_a_word_is_not_part_of_it() {
        assert_eq!(forms("It fell. Then"), ["it", "fell", "then"]);
        assert_eq!(forms("in the U.S. Then"), ["in", "the", "us", "then"]);
    }

    #[test]
    fn normalise_folds_quotes_dashes_case_and_space() {
        assert_eq!(
            normalise("  There’s  “Still”\nmore – to do "),
            "there's \"still\" more - to do"
        );
    }

    #[test]
    fn content_words_drop_stopwords_and_numbers_and_stem() {
        assert_eq!(
            content_words("The officers were trained in 2024"),
            vec![stem("officers"), stem("trained")]
        );
        assert_eq!(
            content_words("Les Belges restent en tête"),
            vec![stem("belges"), stem("restent"), stem("tete")]
        );
    }

    #[test]
    fn same_word_matches_paraphrase_stems() {
        assert!(same_word("identify", "identification"));
        assert!(same_word("discharge", "discharges"));
        assert!(!same_word("rent", "recent"));
    }

    #[test]
    fn negation_cues_in_three_languages() {
        for s in [
            "They pleaded not guilty",
            "He didn't",
            "Il ne l'a pas dit",
            "Das ist nicht so",
            "Teachers didn’t see him",
        ] {
            assert!(negated(s), "{s}");
        }
        assert!(!negated("They pleaded guilty"));
    }
}
