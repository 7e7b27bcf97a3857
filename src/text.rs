//! Plain-text tools shared by the matchers: sentence spans, word tokens, normalisation for comparison.
//!
//! Sentences are found per block, so a heading never runs into the paragraph below it. A full stop ends a
//! sentence only when what follows looks like a new one (space, then a capital, digit or opening quote): that keeps
//! decimals (`86.2`, `£1.5m`), abbreviations from a table (`Dr.`, `No. 10`, `Sir`), initials (`J. K.`) and
//! lower-case continuations (`officers. who`) inside one sentence.

use crate::extract::Document;

/// Abbreviations whose full stop does not end a sentence (compared case-insensitively, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sir", "st", "no", "nos", "gen", "col", "lt", "sgt", "insp", "supt", "rev",
    "hon", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "v", "etc", "e.g", "i.e", "approx", "est", "fig", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "cllr", "gov",
    "rep", "sen", "det", "ch", "pc", "dc", "mt", "ft", "op", "para", "vol", "pp",
];

/// Small words that carry no subject: left out when asking whether a passage is about the claim.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "it's", "more", "most", "much", "new", "not", "now", "of", "on", "one",
    "or", "our", "out", "over", "said", "says", "she", "should", "so", "some", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "up", "was", "we", "were", "what", "when", "which",
    "while", "who", "will", "with", "would", "you", "your", "per", "cent", "percent", "within", "under", "nearly",
    "around", "almost", "least", "just", "still", "very", "been", "being", "each", "every", "other", "only", "such",
    "my", "me", "us", "him", "there's", "here", "where", "why", "may", "might", "must", "shall", "than", "too", "via",
    "upon",
];

/// A sentence: `doc.text[start..end]`, inside block `block`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub block: usize,
}

/// Every sentence of a document, in order.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        for (s, e) in split_sentences(&doc.text[b.start..b.end]) {
            out.push(Sentence {
                start: b.start + s,
                end: b.start + e,
                block: i,
            });
        }
    }
    out
}

/// Sentence byte ranges inside one piece of text (trimmed, never empty).
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of terminal punctuation and closing marks.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            if ends_sentence(text, pos, c, &chars, j) {
                push_trimmed(text, start, end, &mut out);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn ends_sentence(text: &str, pos: usize, mark: char, chars: &[(usize, char)], next: usize) -> bool {
    // Must be followed by white space (or the end).
    let Some(&(_, after)) = chars.get(next) else {
        return true;
    };
    if !after.is_whitespace() {
        return false;
    }
    let mut k = next;
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    let Some(&(_, first)) = chars.get(k) else { return true };
    let starts_new = first.is_uppercase() || first.is_numeric() || "\"'“‘(£$€[".contains(first);
    if !starts_new {
        return false;
    }
    if mark == '.' {
        let word = word_before(text, pos);
        let lower = word.to_lowercase();
        if ABBREVIATIONS.contains(&lower.as_str()) {
            return false;
        }
        // An initial: a single capital letter ("J. K. Rowling").
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return false;
        }
    }
    true
}

fn word_before(text: &str, pos: usize) -> &str {
    let head = &text[..pos];
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    head[start..].trim_start_matches('.')
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((start + lead, end - trail));
    }
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

/// Lower-case word tokens (letters and digits; apostrophes folded; hyphens split).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’') && !cur.is_empty() {
            cur.push('\'');
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur).trim_end_matches('\'').to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches('\'').to_string());
    }
    out
}

/// A crude stem for matching paraphrases: possessive and plural endings, -ed/-ing.
pub fn stem(word: &str) -> String {
    let w = word.strip_suffix("'s").unwrap_or(word);
    let n = w.chars().count();
    let cut = |suffix: &str, keep: usize| -> Option<String> {
        w.strip_suffix(suffix)
            .filter(|base| base.chars().count() >= keep)
            .map(String::from)
    };
    if n > 4 {
        if let Some(b) = cut("ies", 3) {
            return b + "y";
        }
        if let Some(b) = cut("ing", 4) {
            return b;
        }
        if let Some(b) = cut("ed", 4) {
            return b;
        }
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The words that say what a text is about: no stopwords, no bare numbers, stemmed.
pub fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()) && w.chars().count() > 1)
        .map(|w| stem(&w))
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
        return strsim::jaro_winkler(a, b) >= 0.94;
    }
    false
}

/// Words whose presence flips the meaning of a sentence.
pub fn negated(text: &str) -> bool {
    words(text).iter().any(|w| {
        matches!(
            w.as_str(),
            "not"
                | "no"
                | "never"
                | "n't"
                | "neither"
                | "nor"
                | "cannot"
                | "didn't"
                | "isn't"
                | "wasn't"
                | "aren't"
                | "weren't"
                | "won't"
                | "hasn't"
                | "haven't"
                | "doesn't"
                | "don't"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn decimals_and_money_do_not_split() {
        assert_eq!(
            split("It rose to 86.2 per cent. The budget is £1.5m this year."),
            vec!["It rose to 86.2 per cent.", "The budget is £1.5m this year."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Dr. Smith met Sir Mark at No. 10 Downing St. Later J. K. Rowling spoke."),
            vec!["Dr. Smith met Sir Mark at No. 10 Downing St. Later J. K. Rowling spoke."]
        );
    }

    #[test]
    fn lower_case_after_a_stop_continues_the_sentence() {
        assert_eq!(
            split("More than 100 officers. who do not meet standards, have gone. Next one."),
            vec![
                "More than 100 officers. who do not meet standards, have gone.",
                "Next one."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("He said: “It is done.” Then he left!"),
            vec!["He said: “It is done.”", "Then he left!"]
        );
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
            vec!["officer", "train"]
        );
    }

    #[test]
    fn same_word_matches_paraphrase_stems() {
        assert!(same_word("identify", "identification"));
        assert!(same_word("discharge", "discharges"));
        assert!(!same_word("rent", "recent"));
    }
}
