//! The tokenizer: text → numbers, words, symbols and boundaries, each with its byte range.
//!
//! It is not a grammar: it only cuts the text where a reader would, so that the figure and period parsers can look
//! a few tokens left and right. Numbers are read whole here (`1,279,552`, `2 394 416` with thin or narrow no-break
//! spaces, `86.2`, `-7`), so nothing later has to re-scan digits. Words are classed once through the vocabulary in
//! [`super::tables`], which keeps the hot loop to one hash lookup per word.

use super::tables;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A written number: digits with optional groups, decimals and sign.
    Num,
    /// A run of letters (with inner apostrophes).
    Word,
    /// A one-character symbol that matters to figures: `£ $ € ¥ % + / # ' :`.
    Sym,
    /// A hyphen or dash written between two words or numbers without spaces (`33-year-old`, `2023–24`).
    Hyphen,
    /// A clause boundary: `, ; ( ) [ ]` or a spaced dash.
    Clause,
    /// A sentence boundary: `. ! ?` followed by space, or a line break.
    Break,
}

/// One token. Numbers carry their value and how precisely they were written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Numbers: the value as written (sign included).
    pub value: f64,
    /// Numbers: digits after the decimal point.
    pub decimals: u8,
    /// Numbers: digits before the decimal point.
    pub int_digits: u8,
    /// Numbers: written with group separators (`8,000`).
    pub grouped: bool,
    /// Symbols: the character.
    pub ch: char,
    /// Words: the first letter is upper case.
    pub cap: bool,
    /// Words: the class bits from [`tables::lex_class`].
    pub class: u32,
    /// Nothing (not even a space) between this token and the previous one.
    pub glued: bool,
}

impl Token {
    fn new(kind: Kind, start: usize, end: usize) -> Self {
        Token {
            kind,
            start,
            end,
            value: 0.0,
            decimals: 0,
            int_digits: 0,
            grouped: false,
            ch: '\0',
            cap: false,
            class: 0,
            glued: false,
        }
    }
}

/// Spaces that may separate digit groups: no-break, thin and narrow no-break space.
const GROUP_SPACES: [char; 3] = ['\u{a0}', '\u{2009}', '\u{202f}'];

/// Longest digit string read as one number; longer runs are identifiers, not figures.
const MAX_DIGITS: usize = 30;

/// Splits `text` into tokens. Never fails: characters it does not know are skipped.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut prev_end = usize::MAX;
    while i < bytes.len() {
        let b = bytes[i];
        let (tok, next) = if b.is_ascii_digit() {
            lex_number(text, i, false)
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && is_letter(char_at(text, i))) {
            lex_word(text, i)
        } else {
            let c = char_at(text, i);
            let next = i + c.len_utf8();
            if let Some(t) = lex_other(text, i, c, next, out.last()) {
                t
            } else {
                i = next;
                continue;
            }
        };
        let mut tok = tok;
        tok.glued = tok.start == prev_end;
        prev_end = tok.end;
        out.push(tok);
        i = next;
    }
    out
}

/// A non-ASCII character that is part of a word. Rather than the Unicode tables (a tenth of the time on Cyrillic
/// or Greek pages), everything outside the punctuation, space and symbol blocks counts: Latin-1 punctuation,
/// General Punctuation to Miscellaneous Symbols and Arrows, CJK punctuation, and the full-width ASCII symbols.
fn is_letter(c: char) -> bool {
    !matches!(c,
        '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}'
        | '\u{2000}'..='\u{2bff}'
        | '\u{3000}'..='\u{303f}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}'
        | '\u{feff}' | '\u{fff0}'..='\u{ffff}')
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

fn lex_word(text: &str, start: usize) -> (Token, usize) {
    let bytes = text.as_bytes();
    let mut end = start;
    // ASCII letters take the fast path; other characters are decoded and asked.
    let letter_at = |i: usize| -> usize {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => 1,
            Some(&b) if b >= 0x80 => {
                let c = char_at(text, i);
                if is_letter(c) {
                    c.len_utf8()
                } else {
                    0
                }
            }
            _ => 0,
        }
    };
    loop {
        let n = letter_at(end);
        if n > 0 {
            end += n;
            continue;
        }
        // An apostrophe inside a word (it's, Met’s) belongs to it; a closing quote does not.
        let apostrophe = match bytes.get(end) {
            Some(b'\'') => 1,
            Some(0xE2) if text[end..].starts_with('\u{2019}') => 3,
            _ => 0,
        };
        if apostrophe > 0 && letter_at(end + apostrophe) > 0 {
            end += apostrophe;
            continue;
        }
        break;
    }
    let word = &text[start..end];
    let mut tok = Token::new(Kind::Word, start, end);
    tok.cap = word.chars().next().is_some_and(char::is_uppercase);
    tok.class = tables::lex_class(word);
    (tok, end)
}

/// Reads a number starting at `start` (a digit, or the sign when `signed`).
fn lex_number(text: &str, start: usize, signed: bool) -> (Token, usize) {
    let bytes = text.as_bytes();
    let mut i = if signed {
        start + char_at(text, start).len_utf8()
    } else {
        start
    };
    let mut digits = [0u8; MAX_DIGITS + 2];
    let mut n = 0usize;
    let mut grouped = false;
    let mut push = |d: u8, n: &mut usize| {
        if *n < MAX_DIGITS {
            digits[*n] = d;
        }
        *n += 1;
    };
    let run = |i: usize| bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let first = run(i);
    for &d in &bytes[i..i + first] {
        push(d, &mut n);
    }
    i += first;
    let mut group_len = first;
    loop {
        // A separator followed by exactly three digits continues the integer part.
        let sep_len = if bytes.get(i) == Some(&b',') {
            1
        } else {
            let c = if i < bytes.len() && bytes[i] >= 0x80 {
                char_at(text, i)
            } else {
                '\0'
            };
            if GROUP_SPACES.contains(&c) {
                c.len_utf8()
            } else {
                0
            }
        };
        if sep_len == 0 || (!grouped && group_len > 3) {
            break;
        }
        let k = run(i + sep_len);
        if k != 3 {
            break;
        }
        grouped = true;
        group_len = 3;
        for &d in &bytes[i + sep_len..i + sep_len + 3] {
            push(d, &mut n);
        }
        i += sep_len + 3;
    }
    let int_digits = n;
    let mut decimals = 0usize;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let k = run(i + 1);
        if n < MAX_DIGITS {
            digits[n.min(MAX_DIGITS)] = b'.';
        }
        let mut m = n + 1;
        for &d in &bytes[i + 1..i + 1 + k] {
            if m < MAX_DIGITS + 1 {
                digits[m] = d;
            }
            m += 1;
        }
        decimals = k;
        n = m;
        i += 1 + k;
    }
    let mut tok = Token::new(Kind::Num, start, i);
    if n > MAX_DIGITS {
        // An identifier (a long reference number); keep it out of the figures.
        tok.kind = Kind::Word;
        return (tok, i);
    }
    let value = std::str::from_utf8(&digits[..n])
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(0.0);
    tok.value = if signed { -value } else { value };
    tok.decimals = u8::try_from(decimals).unwrap_or(u8::MAX);
    tok.int_digits = u8::try_from(int_digits).unwrap_or(u8::MAX);
    tok.grouped = grouped;
    (tok, i)
}

fn lex_other(text: &str, i: usize, c: char, next: usize, prev: Option<&Token>) -> Option<(Token, usize)> {
    let bytes = text.as_bytes();
    let before = text[..i].chars().next_back();
    let after = text[next..].chars().next();
    let after_digit = after.is_some_and(|a| a.is_ascii_digit());
    let tok = |kind| Some((Token::new(kind, i, next), next));
    match c {
        '-' | '\u{2212}' | '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' => {
            let glued_before = before.is_some_and(char::is_alphanumeric);
            let glued_after = after.is_some_and(char::is_alphanumeric);
            if glued_before && glued_after {
                tok(Kind::Hyphen)
            } else if after_digit && (c == '-' || c == '\u{2212}') && !glued_before {
                Some(lex_number(text, i, true))
            } else if !glued_before && !glued_after {
                tok(Kind::Clause)
            } else if glued_before && after.is_none_or(char::is_whitespace) {
                // "under-" in "under- and over-25s", or a trailing hyphen: nothing to join.
                None
            } else {
                tok(Kind::Hyphen)
            }
        }
        ',' | ';' | '(' | ')' | '[' | ']' => tok(Kind::Clause),
        ':' => {
            // 10:30 is a time of day; keep the colon so the figure parser can see it.
            if prev.is_some_and(|p| p.kind == Kind::Num && p.end == i) && after_digit {
                Some((sym(i, next, c), next))
            } else {
                tok(Kind::Clause)
            }
        }
        '.' | '!' | '?' | '\u{2026}' => {
            // "officers. who do not meet" is one sentence with a stray full stop; "approx. 5" is one too.
            let next_word = text[next..].trim_start().chars().next();
            let lower_follows = after.is_some_and(char::is_whitespace) && next_word.is_some_and(char::is_lowercase);
            let end_of_sentence =
                !lower_follows && after.is_none_or(|a| a.is_whitespace() || "\"'\u{201d}\u{2019})]".contains(a));
            if end_of_sentence {
                tok(Kind::Break)
            } else {
                None
            }
        }
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
            if c == '\r' && bytes.get(next) == Some(&b'\n') {
                return Some((Token::new(Kind::Break, i, next + 1), next + 1));
            }
            tok(Kind::Break)
        }
        '\u{2022}' => tok(Kind::Break),
        '£' | '$' | '€' | '¥' | '%' | '\u{2030}' | '+' | '/' | '#' => Some((sym(i, next, c), next)),
        _ => None,
    }
}

fn sym(start: usize, end: usize, c: char) -> Token {
    let mut t = Token::new(Kind::Sym, start, end);
    t.ch = c;
    t
}
