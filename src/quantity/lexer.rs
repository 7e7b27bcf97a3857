//! The tokenizer: text → numbers, words, symbols and boundaries, each with its byte range.
//!
//! It is not a grammar: it only cuts the text where a reader would, so that the figure and period parsers can look
//! a few tokens left and right. Numbers are read whole here, in the way the page's language writes them
//! (`1,279,552` and `86.2` in English; `1.234,5` and `3,5` in German or French; `2 394 416` with plain, no-break,
//! thin or narrow no-break spaces in any; `½`, `1½`, `.25`, `-7`), so nothing later has to re-scan digits. See
//! [`super::lang`] for the shapes read when the language is unknown. Words are classed once through the lexicon of
//! the page's language ([`super::lexicon`]), which keeps the hot loop to one hash lookup per word.

use super::lang::Lang;
use super::lexicon::{self, class, Lexicon};

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
    /// Numbers: written with a fraction character (`½`, `1½`).
    pub frac: bool,
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
            frac: false,
            ch: '\0',
            cap: false,
            class: 0,
            glued: false,
        }
    }
}

/// Spaces that may separate digit groups besides the plain space: no-break, thin and narrow no-break space.
const GROUP_SPACES: [char; 3] = ['\u{a0}', '\u{2009}', '\u{202f}'];

/// Longest digit string read as one number; longer runs are identifiers, not figures.
const MAX_DIGITS: usize = 30;

/// Fraction characters and their values.
const VULGAR_FRACTIONS: &[(char, f64)] = &[
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

/// One-character symbols that matter to figures: currency signs, percent, degrees, powers, dimensions, primes.
const SYMBOLS: &[char] = &[
    '£', '$', '€', '¥', '₹', '₩', '₽', '₺', '₦', '₱', '₪', '₫', '₴', '₿', '₡', '₭', '₵', '¢', '%', '\u{2030}', '+',
    '/', '#', '°', 'º', '²', '³', '″', '′', '^', '×', '℃', '℉',
];

/// Splits `text` into tokens, reading numbers as `lang` writes them. Never fails: characters it does not know are
/// skipped.
pub(crate) fn tokenize(text: &str, lang: Option<Lang>) -> Vec<Token> {
    let lx = lexicon::lexicon(lang);
    let style = Style::of(lang);
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut prev_end = usize::MAX;
    while i < bytes.len() {
        let b = bytes[i];
        let (tok, next) = if b.is_ascii_digit() {
            lex_number(text, i, false, style)
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && is_letter(char_at(text, i))) {
            lex_word(text, i, lx)
        } else if b == b' ' || b == b'\t' {
            i += 1;
            continue;
        } else {
            let c = char_at(text, i);
            let next = i + c.len_utf8();
            if let Some(t) = lex_other(text, i, c, next, out.last(), style) {
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

/// How the page writes numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `1,234.5`: English and its like.
    Point,
    /// `1.234,5` or `1 234,5`.
    Comma,
    /// Unknown: `1,234.5`, and the shapes no English writer produces (`4,4 %`, `1.309,7`).
    Unknown,
}

impl Style {
    fn of(lang: Option<Lang>) -> Style {
        match lang {
            None => Style::Unknown,
            Some(l) if l.decimal_comma() => Style::Comma,
            Some(_) => Style::Point,
        }
    }
}

/// A non-ASCII character that is part of a word. Rather than the Unicode tables (a tenth of the time on Cyrillic
/// or Greek pages), everything outside the punctuation, space and symbol blocks counts: Latin-1 punctuation,
/// General Punctuation to Miscellaneous Symbols and Arrows, CJK punctuation, and the full-width ASCII symbols. The
/// micro sign is a letter ("µg").
pub(crate) fn is_letter(c: char) -> bool {
    c == '\u{b5}'
        || !matches!(c,
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

fn lex_word(text: &str, start: usize, lx: &Lexicon) -> (Token, usize) {
    let bytes = text.as_bytes();
    let mut end = start;
    // ASCII letters take the fast path; other characters are decoded and asked.
    let letter_at = |i: usize| -> usize {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => 1,
            Some(&b) if b >= 0x80 => {
                // Fraction characters are in the blocks `is_letter` leaves out.
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
    tok.class = lx.class(word);
    (tok, end)
}

/// The digits of a number being read, as the text `f64` parses.
struct Digits {
    buf: [u8; MAX_DIGITS + 2],
    n: usize,
}

impl Digits {
    fn push(&mut self, d: u8) {
        if self.n < self.buf.len() {
            self.buf[self.n] = d;
        }
        self.n += 1;
    }
    fn value(&self) -> Option<f64> {
        (self.n <= MAX_DIGITS + 1)
            .then(|| std::str::from_utf8(&self.buf[..self.n]).ok()?.parse::<f64>().ok())
            .flatten()
    }
}

fn run(bytes: &[u8], i: usize) -> usize {
    bytes
        .get(i..)
        .map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// The group separator at `i` (its length), if the style allows it there.
fn group_sep(text: &str, i: usize, style: Style, point_groups: bool, group_len: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(b',') if style != Style::Comma => 1,
        Some(b'.') if point_groups => 1,
        // "1 200 000": a plain space joins groups of three after a first group of at most three.
        Some(b' ') if group_len <= 3 => 1,
        Some(&b) if b >= 0x80 => {
            let c = char_at(text, i);
            if GROUP_SPACES.contains(&c) {
                c.len_utf8()
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// `1.309,7` or `1.234.567` in text of unknown language: points that group threes, which English never writes.
fn german_shape(bytes: &[u8], mut i: usize) -> bool {
    let mut groups = 0;
    while bytes.get(i) == Some(&b'.') && run(bytes, i + 1) == 3 {
        groups += 1;
        i += 4;
    }
    groups >= 2 || (groups == 1 && bytes.get(i) == Some(&b',') && run(bytes, i + 1) > 0)
}

/// Reads a number starting at `start` (a digit, a leading decimal point, or the sign when `signed`).
fn lex_number(text: &str, start: usize, signed: bool, style: Style) -> (Token, usize) {
    let bytes = text.as_bytes();
    let mut i = if signed {
        start + char_at(text, start).len_utf8()
    } else {
        start
    };
    let mut digits = Digits {
        buf: [0; MAX_DIGITS + 2],
        n: 0,
    };
    let first = run(bytes, i);
    for &d in &bytes[i..i + first] {
        digits.push(d);
    }
    i += first;
    let point_groups = style == Style::Comma || (style == Style::Unknown && first <= 3 && german_shape(bytes, i));
    let comma_decimal = style == Style::Comma || point_groups;
    let mut grouped = false;
    let mut group_len = first;
    let mut sep_kind = 0u8;
    loop {
        let sep_len = if first == 0 || (!grouped && group_len > 3) {
            0
        } else {
            group_sep(text, i, style, point_groups, group_len)
        };
        if sep_len == 0 {
            break;
        }
        // One kind of separator per number, and a group is exactly three digits that no digit follows.
        let kind = bytes[i];
        if grouped && kind != sep_kind {
            break;
        }
        let k = run(bytes, i + sep_len);
        let after = i + sep_len + k;
        let glued_letter = bytes.get(after).is_some_and(u8::is_ascii_alphabetic);
        if k != 3 || (kind == b' ' && glued_letter) {
            break;
        }
        grouped = true;
        sep_kind = kind;
        group_len = 3;
        for &d in &bytes[i + sep_len..after] {
            digits.push(d);
        }
        i = after;
    }
    let int_digits = digits.n;
    let mut decimals = 0usize;
    let dec_at = |sep: u8| bytes.get(i) == Some(&sep) && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
    let unknown_comma = style == Style::Unknown && !grouped && dec_at(b',') && decimal_comma_shape(bytes, start, i);
    let decimal = (dec_at(b',') && (comma_decimal || unknown_comma)) || (dec_at(b'.') && sep_kind != b'.');
    if decimal {
        let k = run(bytes, i + 1);
        digits.push(b'.');
        for &d in &bytes[i + 1..i + 1 + k] {
            digits.push(d);
        }
        decimals = k;
        i += 1 + k;
    }
    let mut tok = Token::new(Kind::Num, start, i);
    // "12.05.2024", "1.2.3": a date or a version, not a figure.
    let identifier = decimals > 0 && bytes.get(i) == Some(&b'.') && run(bytes, i + 1) > 0;
    let Some(mut value) = digits.value().filter(|_| digits.n <= MAX_DIGITS && !identifier) else {
        tok.kind = Kind::Word;
        let mut end = i;
        let continues = |e: usize| {
            bytes[e].is_ascii_digit()
                || matches!(bytes[e], b'.' | b',') && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)
        };
        while end < bytes.len() && continues(end) {
            end += 1;
        }
        tok.end = end;
        return (tok, end);
    };
    if let Some((c, v)) = text[i..]
        .chars()
        .next()
        .and_then(|c| VULGAR_FRACTIONS.iter().find(|(f, _)| *f == c))
    {
        value += v;
        tok.frac = true;
        i += c.len_utf8();
        tok.end = i;
    }
    tok.value = if signed { -value } else { value };
    tok.decimals = u8::try_from(decimals).unwrap_or(u8::MAX);
    tok.int_digits = u8::try_from(int_digits).unwrap_or(u8::MAX);
    tok.grouped = grouped;
    (tok, i)
}

/// In text of unknown language, a comma after at most three digits, followed by one or two digits and nothing
/// that makes it a list ("4,4 %", "1,3."; not "22,24,26"), is a decimal comma.
fn decimal_comma_shape(bytes: &[u8], start: usize, comma: usize) -> bool {
    let int = comma - start;
    let k = run(bytes, comma + 1);
    let after = comma + 1 + k;
    let list_after = bytes.get(after) == Some(&b',') && bytes.get(after + 1).is_some_and(u8::is_ascii_digit);
    let list_before = start >= 2 && bytes[start - 1] == b',' && bytes[start - 2].is_ascii_digit();
    (1..=3).contains(&int) && (1..=2).contains(&k) && !list_after && !list_before
}

fn lex_other(text: &str, i: usize, c: char, next: usize, prev: Option<&Token>, style: Style) -> Option<(Token, usize)> {
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
                Some(lex_number(text, i, true, style))
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
        '.' if after_digit && !before.is_some_and(char::is_alphanumeric) => Some(lex_number(text, i, false, style)),
        '.' | '!' | '?' | '\u{2026}' => {
            // "officers. who do not meet" is one sentence with a stray full stop; "approx. 5" is one too, and so
            // are "No. 10", "Rs. 500" and "2,5 Mio. Euro".
            let next_word = text[next..].trim_start().chars().next();
            let lower_follows = after.is_some_and(char::is_whitespace) && next_word.is_some_and(char::is_lowercase);
            let abbreviation = c == '.' && prev.is_some_and(|p| abbreviation_before(p, i, next_word));
            let end_of_sentence = !lower_follows
                && !abbreviation
                && after.is_none_or(|a| a.is_whitespace() || "\"'\u{201d}\u{2019})]".contains(a));
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
        _ if SYMBOLS.contains(&c) => Some((sym(i, next, c), next)),
        _ => VULGAR_FRACTIONS.iter().find(|(f, _)| *f == c).map(|&(_, v)| {
            let mut t = Token::new(Kind::Num, i, next);
            t.value = v;
            t.frac = true;
            (t, next)
        }),
    }
}

/// Longest word that is an abbreviation before a full stop ("Sept", "Mrd").
const MAX_ABBREVIATION: usize = 4;

/// A full stop after a short label or currency word that a number follows ("No. 10", "Rs. 500"), or after a scale
/// abbreviation ("Mio. Euro"): not the end of a sentence. Dates keep theirs ("Nov. 6" reads as before).
fn abbreviation_before(prev: &Token, dot: usize, next: Option<char>) -> bool {
    if prev.kind != Kind::Word || prev.end != dot || prev.end - prev.start > MAX_ABBREVIATION {
        return false;
    }
    let digit_next = next.is_some_and(|c| c.is_ascii_digit());
    (prev.class & (class::LABEL | class::CURRENCY) != 0 && digit_next)
        || (prev.class & class::SCALE != 0 && prev.end - prev.start >= 2 && next.is_some())
}

fn sym(start: usize, end: usize, c: char) -> Token {
    let mut t = Token::new(Kind::Sym, start, end);
    t.ch = c;
    t
}
