//! Text primitives for quotations: comparison tokens, words with case, and sentence bounds.
//!
//! Quotations are compared as sequences of normalised word tokens, so punctuation, case, quote marks (’ ' “ ” "),
//! hyphen versus space and whitespace (including hard-wrapped lines) never make two quotations differ. Each token
//! keeps its byte range in the original text, so a match maps straight back to an offset in `Document::text`.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::tables;
use crate::text::{base_letter, is_apostrophe, is_combining, is_invisible};

/// One comparison token: its normalised form's hash and its byte range in the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub hash: u64,
    pub start: usize,
    pub end: usize,
}

/// Folds a character of a word to its comparison form, pushing it to `out`.
fn push_folded(out: &mut String, c: char) {
    if is_apostrophe(c) {
        out.push('\'');
    } else if c == ',' || is_invisible(c) || is_combining(c) {
        // thousands separators (1,300 = 1300), soft hyphens and accents do not change a word
    } else {
        out.extend(c.to_lowercase().map(base_letter));
    }
}

/// Splits `text` into comparison tokens: runs of letters and digits, keeping apostrophes between letters (it’s,
/// Met’s) and `.`/`,` between digits (86.2, 1,300). Everything else separates tokens.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut buf = String::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        buf.clear();
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            let prev = chars[j.saturating_sub(1)].1;
            let next = chars.get(j + 1).map_or(' ', |p| p.1);
            let inside = j > i
                && ((is_apostrophe(c) && prev.is_alphanumeric() && next.is_alphanumeric())
                    || (matches!(c, '.' | ',') && prev.is_ascii_digit() && next.is_ascii_digit())
                    || (is_invisible(c) && next.is_alphanumeric()));
            if c.is_alphanumeric() || inside || (j > i && is_combining(c)) {
                push_folded(&mut buf, c);
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |p| p.0);
        let mut h = DefaultHasher::new();
        buf.hash(&mut h);
        out.push(Token {
            hash: h.finish(),
            start,
            end,
        });
        i = j;
    }
    out
}

/// The comparison form of one token's text (what `tokens` hashed).
pub(crate) fn folded(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// A word as written, for name and verb analysis: letters with inner apostrophes, hyphens and full stops (Mr.,
/// Smith-Jones, O’Brien). `possessive` marks a trailing ’s that was cut off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
    /// Punctuation (comma, colon, full stop…) directly after the word.
    pub punct_after: Option<char>,
}

impl Word<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// A parenthesis this short after a word is an aside that is never part of a name phrase (`Rep. Jim Jordan
/// (R-Ohio), a panel member, said`, `Bernadette Holroyd (Ind), who …`).
const MAX_ASIDE_BYTES: usize = 40;

/// The words of `text[from..to]`, offsets relative to `text`. Words inside a short parenthesis are left out, and the
/// word before it takes the punctuation after it, so the aside never splits or joins a name.
pub(crate) fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let mut out = all_words(text, from, to);
    let region = &text[from..to];
    let mut asides: Vec<(usize, usize)> = Vec::new();
    let mut rest = 0;
    while let Some(open) = region[rest..].find('(').map(|p| rest + p) {
        let Some(close) = region[open..].find(')').map(|p| open + p) else {
            break;
        };
        if close - open <= MAX_ASIDE_BYTES && !region[open + 1..close].contains('(') {
            asides.push((from + open, from + close + 1));
        }
        rest = close + 1;
    }
    if asides.is_empty() {
        return out;
    }
    for &(a, b) in &asides {
        let k = out.partition_point(|w| w.end <= a);
        if let Some(before) = k.checked_sub(1).map(|k| &mut out[k]) {
            if text[before.end..a].trim().is_empty() {
                before.punct_after = text[b..to]
                    .chars()
                    .next()
                    .filter(|c| !c.is_whitespace() && !c.is_alphanumeric() && *c != '(');
            }
        }
    }
    // asides are in text order and disjoint, as are the words: one merge pass drops the words inside them
    let mut next = 0;
    out.retain(|w| {
        while next < asides.len() && asides[next].1 <= w.start {
            next += 1;
        }
        !asides.get(next).is_some_and(|&(a, b)| a <= w.start && w.start < b)
    });
    out
}

fn all_words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let region = &text[from..to];
    let mut out = Vec::new();
    let mut iter = region.char_indices().peekable();
    while let Some((s, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut e = s + c.len_utf8();
        while let Some(&(p, c)) = iter.peek() {
            let joins = matches!(c, '-' | '.') || is_apostrophe(c);
            let next_alnum = region[p + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            let initial = c == '.' && e - s == 1 && region[s..e].chars().all(char::is_uppercase);
            if c.is_alphanumeric() || (joins && next_alnum) || initial {
                e = p + c.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let mut word = &region[s..e];
        let mut possessive = false;
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                if !stem.is_empty() {
                    word = stem;
                    possessive = true;
                    break;
                }
            }
        }
        let trimmed_end = s + word.len();
        let after = region[e..]
            .chars()
            .next()
            .filter(|c| !c.is_whitespace() && !c.is_alphanumeric());
        out.push(Word {
            text: word,
            start: from + s,
            end: from + trimmed_end,
            possessive,
            punct_after: after,
        });
    }
    out
}

/// Does a sentence end at byte `i` of `text` (which holds `.`, `!`, `?` or `…`)?
fn ends_sentence(text: &str, i: usize) -> bool {
    let Some(c) = text[i..].chars().next() else {
        return false;
    };
    let mut rest = text[i + c.len_utf8()..].chars().peekable();
    // closing marks and brackets may follow the stop
    while rest
        .peek()
        .is_some_and(|c| tables::CLOSING_MARKS.contains(c) || matches!(c, '\u{2019}' | '\'' | ')'))
    {
        rest.next();
    }
    let Some(space) = rest.next() else { return true };
    if !space.is_whitespace() {
        return false;
    }
    let next = rest.find(|c| !c.is_whitespace());
    if next.is_some_and(char::is_lowercase) {
        return false;
    }
    if c == '.' {
        let before = text[..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        let bare = before.trim_start_matches(|c: char| !c.is_alphanumeric());
        if tables::contains(tables::ABBREVIATIONS, bare) {
            return false;
        }
        // an initial (J. Smith)
        if bare.chars().count() == 1 && bare.chars().all(char::is_uppercase) {
            return false;
        }
    }
    true
}

/// The sentence holding byte `pos`, clipped to `[lo, hi)` (a block): returns its byte range.
pub(crate) fn sentence_around(text: &str, lo: usize, hi: usize, pos: usize) -> (usize, usize) {
    let mut pos = pos.clamp(lo, hi);
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let mut start = lo;
    for (i, c) in text[lo..pos].char_indices().rev() {
        if matches!(c, '.' | '!' | '?' | '\u{2026}') && ends_sentence(text, lo + i) {
            start = lo + i + c.len_utf8();
            break;
        }
    }
    let mut end = hi;
    for (i, c) in text[pos..hi].char_indices() {
        if matches!(c, '.' | '!' | '?' | '\u{2026}') && ends_sentence(text, pos + i) {
            end = pos + i + c.len_utf8();
            // take closing marks that belong to the sentence
            for c in text[end..hi].chars() {
                if tables::CLOSING_MARKS.contains(&c) || matches!(c, '\u{2019}' | '\'' | ')') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            break;
        }
    }
    while start < end && text[start..].starts_with(char::is_whitespace) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        tokens(text).iter().map(|t| folded(&text[t.start..t.end])).collect()
    }

    #[test]
    fn tokens_ignore_case_punctuation_and_quote_marks() {
        assert_eq!(
            forms("“There’s still more,” he said."),
            ["there's", "still", "more", "he", "said"]
        );
        assert_eq!(tokens("There's")[0].hash, tokens("THERE\u{2019}S")[0].hash);
    }

    #[test]
    fn composed_and_decomposed_accents_compare_equal() {
        assert_eq!(forms("Jos\u{e9} Serrano"), forms("Jose\u{301} Serrano"));
        assert_eq!(forms("caf\u{e9}"), ["cafe"]);
    }

    #[test]
    fn hyphen_and_space_tokenise_alike() {
        assert_eq!(forms("two-and-a-half years"), forms("two and a half years"));
    }

    #[test]
    fn numbers_keep_decimal_points_and_drop_thousands_separators() {
        assert_eq!(forms("86.2 per cent of 1,300"), ["86.2", "per", "cent", "of", "1300"]);
    }

    #[test]
    fn leading_apostrophe_is_not_part_of_a_word() {
        assert_eq!(
            forms("the ’90s and ‘quoted’ words"),
            ["the", "90s", "and", "quoted", "words"]
        );
    }

    #[test]
    fn token_offsets_point_into_the_text() {
        let text = "Hard-\nwrapped  line";
        let toks = tokens(text);
        assert_eq!(&text[toks[1].start..toks[1].end], "wrapped");
    }

    #[test]
    fn words_cut_possessives_and_keep_titles_with_stops() {
        let text = "Mr. Khan’s view, said O’Brien";
        let w = words(text, 0, text.len());
        assert_eq!(w[0].text, "Mr");
        assert_eq!(w[0].punct_after, Some('.'));
        assert_eq!(w[1].text, "Khan");
        assert!(w[1].possessive);
        assert_eq!(w[2].punct_after, Some(','));
        assert_eq!(w[4].text, "O’Brien");
    }

    #[test]
    fn short_asides_are_left_out_and_pass_on_their_punctuation() {
        let text = "Rep. Jim Jordan (R-Ohio), a member, said";
        let w = words(text, 0, text.len());
        let got: Vec<(&str, Option<char>)> = w.iter().map(|w| (w.text, w.punct_after)).collect();
        assert_eq!(
            got,
            [
                ("Rep", Some('.')),
                ("Jim", None),
                ("Jordan", Some(',')),
                ("a", None),
                ("member", Some(',')),
                ("said", None)
            ]
        );
    }

    #[test]
    fn sentences_do_not_end_at_abbreviations() {
        let text = "First one. Then Mr. Butt said so. Last";
        let (s, e) = sentence_around(text, 0, text.len(), 15);
        assert_eq!(&text[s..e], "Then Mr. Butt said so.");
    }

    #[test]
    fn sentence_keeps_its_closing_quote_mark() {
        let text = "He said: “It works.” Then more.";
        let (s, e) = sentence_around(text, 0, text.len(), 12);
        assert_eq!(&text[s..e], "He said: “It works.”");
    }
}
