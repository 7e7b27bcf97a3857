//! Where sentences end: one rule for every part of crosscheck that reads sentences.
//!
//! Sentences are found per block, so a heading never runs into the paragraph below it. A stop (`.`, `!`, `?`, `…`)
//! with its closing marks ends a sentence only when white space follows and the next word does not start in lower
//! case; a full stop after an abbreviation (`Dr.`, `No. 10`, `Sept.`, `p.m.`) or an initial (`J. K.`) ends none.
//! That keeps decimals (`86.2`, `£1.5m`), hard-wrapped lines and lower-case continuations inside one sentence.

use super::lexicon;
use crate::extract::Document;

/// Marks that close a quotation or a bracket and stay with the sentence they end.
pub const CLOSING_MARKS: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', '\u{201c}', ')', ']'];

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

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// Sentence byte ranges inside one piece of text (trimmed, never empty).
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !is_stop(c) {
            i += 1;
            continue;
        }
        // The whole run of stops and closing marks.
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            // French closes « … » with a (no-break) space before the mark.
            let spaced_guillemet = c.is_whitespace() && chars.get(j + 1).is_some_and(|p| p.1 == '\u{bb}');
            if is_stop(c) || CLOSING_MARKS.contains(&c) || spaced_guillemet {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        if ends_sentence(text, pos, c, &chars, j) {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        i = j;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn ends_sentence(text: &str, pos: usize, mark: char, chars: &[(usize, char)], next: usize) -> bool {
    let Some(&(_, after)) = chars.get(next) else {
        return true;
    };
    if !after.is_whitespace() {
        return false;
    }
    let first = chars[next..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
    let Some(first) = first else { return true };
    if first.is_lowercase() {
        return false;
    }
    if mark == '.' {
        let word = word_before(text, pos);
        if lexicon::is_abbreviation(word) {
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

/// The sentence of `text[lo..hi]` (a block) that holds byte `pos`, as a byte range of `text`; a position between
/// sentences belongs to the one after it.
pub fn sentence_around(text: &str, lo: usize, hi: usize, pos: usize) -> (usize, usize) {
    let (lo, hi) = (lo.min(text.len()), hi.min(text.len()));
    let spans = split_sentences(&text[lo..hi]);
    let rel = pos.clamp(lo, hi) - lo;
    spans
        .iter()
        .find(|&&(_, e)| rel < e)
        .or(spans.last())
        .map_or((pos.clamp(lo, hi), pos.clamp(lo, hi)), |&(s, e)| (lo + s, lo + e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    /// One table for every reader of sentences: verify's windows, quote's sentence bounds and the draft finder all
    /// call these two functions, so they agree by construction; the table pins what they agree on.
    const CASES: &[(&str, &[&str])] = &[
        (
            "It rose to 86.2 per cent. The budget is £1.5m this year.",
            &["It rose to 86.2 per cent.", "The budget is £1.5m this year."],
        ),
        (
            "Dr. Smith met Sir Mark at No. 10 Downing St. Later J. K. Rowling spoke.",
            &["Dr. Smith met Sir Mark at No. 10 Downing St. Later J. K. Rowling spoke."],
        ),
        (
            "More than 100 officers. who do not meet standards, have gone. Next one.",
            &[
                "More than 100 officers. who do not meet standards, have gone.",
                "Next one.",
            ],
        ),
        (
            "He said: “It is done.” Then he left!",
            &["He said: “It is done.”", "Then he left!"],
        ),
        (
            "No checks were made from 10:30 p.m. Aug. 9 to 6:30 a.m. the following morning. U.S. crude fell.",
            &[
                "No checks were made from 10:30 p.m. Aug. 9 to 6:30 a.m. the following morning.",
                "U.S. crude fell.",
            ],
        ),
        (
            "Revenue rose to £3.95\nbillion in the half. Shares rose.",
            &["Revenue rose to £3.95\nbillion in the half.", "Shares rose."],
        ),
        (
            "« Nous avons réussi. » Puis il est parti.",
            &["« Nous avons réussi. »", "Puis il est parti."],
        ),
        (
            "Order. Order. I will not have it.",
            &["Order.", "Order.", "I will not have it."],
        ),
        ("Is that money there? It is.", &["Is that money there?", "It is."]),
        (
            "The figure was 2,04 Mrd. Euro im Jahr 2027.",
            &["The figure was 2,04 Mrd. Euro im Jahr 2027."],
        ),
    ];

    #[test]
    fn the_sentence_table_holds() {
        for (text, want) in CASES {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn sentence_around_agrees_with_the_split_at_every_position() {
        for (text, _) in CASES {
            let spans = split_sentences(text);
            for (s, e) in &spans {
                for pos in (*s..*e).filter(|p| text.is_char_boundary(*p)) {
                    assert_eq!(sentence_around(text, 0, text.len(), pos), (*s, *e), "{text:?} at {pos}");
                }
            }
        }
    }
}
