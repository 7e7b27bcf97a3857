//! Spellings of several tokens ("miles per hour", "sq ft", "km/h", "°C", "US$"), matched against the token stream.
//!
//! The unit and currency tables write their spellings as a reader would ("km/h", "square metres"); an [`Index`]
//! cuts each into the pieces the tokenizer produces (letters, single symbols, hyphens) once, keys it by its first
//! piece, and at a token tries the spellings of that key longest first. Names match in any case; symbols ("m",
//! "MB", "mm" against "MM") only in the case written. It is not a parser: the caller decides whether a spelling
//! may stand where it was found (glued to a number, after a hyphen, spaced).

use std::collections::HashMap;

use super::lexer::{Kind, Token};

/// How a spelling may be matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Any case: names ("Kilometres", "MILES").
    Any,
    /// Exactly as written: symbols ("m" metre, "M" million; "MB" megabyte, "Mb" megabit).
    Exact,
}

#[derive(Debug)]
struct Entry<T> {
    pieces: Box<[Box<str>]>,
    case: Case,
    /// Only glued to the number or inside a compound: "10in", "5 ft 2 in" (a spaced "in" is a preposition).
    tight: bool,
    value: T,
}

/// A spelling found at a token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match<T> {
    pub value: T,
    /// Index of the first token after the spelling.
    pub next: usize,
    /// The spelling is one that may only stand glued or inside a compound.
    pub tight: bool,
}

/// Spellings keyed by their first piece (lower case).
#[derive(Debug)]
pub(crate) struct Index<T> {
    map: HashMap<Box<str>, Vec<Entry<T>>>,
    /// First characters of the keys that are not ASCII: any other non-ASCII word is no spelling's start.
    non_ascii: Vec<char>,
}

/// Cuts a spelling into the pieces the tokenizer would make of it: runs of letters, and single other characters
/// (spaces only separate).
fn pieces(spelling: &str) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    let mut word = String::new();
    for c in spelling.chars() {
        if c.is_ascii_alphabetic() || (!c.is_ascii() && super::lexer::is_letter(c)) || c == '\'' && !word.is_empty() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word).into());
        }
        if !c.is_whitespace() {
            out.push(c.to_string().into());
        }
    }
    if !word.is_empty() {
        out.push(word.into());
    }
    out
}

/// Elided articles and prepositions of French and Italian glued to a word by an apostrophe ("d'euros").
const ELISIONS: &[&str] = &["d'", "d\u{2019}", "l'", "l\u{2019}", "dell'", "dell\u{2019}"];

/// A word without an elided article or preposition before it: "d'euros" → "euros".
fn elided(w: &str) -> &str {
    ELISIONS
        .iter()
        .find_map(|e| {
            let head = w.get(..e.len())?;
            head.eq_ignore_ascii_case(e)
                .then(|| &w[e.len()..])
                .filter(|rest| !rest.is_empty())
        })
        .unwrap_or(w)
}

/// Longest word looked up without allocating.
const MAX_KEY: usize = 32;

/// The lower-case key of a token: its letters, or its symbol.
fn with_key<R>(text: &str, t: &Token, f: impl FnOnce(&str) -> R) -> Option<R> {
    match t.kind {
        Kind::Word => {
            let w = elided(&text[t.start..t.end]);
            if w.is_ascii() && w.len() <= MAX_KEY {
                let mut buf = [0u8; MAX_KEY];
                for (d, s) in buf.iter_mut().zip(w.bytes()) {
                    *d = s.to_ascii_lowercase();
                }
                std::str::from_utf8(&buf[..w.len()]).ok().map(f)
            } else {
                Some(f(&w.to_lowercase()))
            }
        }
        Kind::Sym => {
            let mut buf = [0u8; 4];
            Some(f(t.ch.encode_utf8(&mut buf)))
        }
        Kind::Hyphen => Some(f("-")),
        _ => None,
    }
}

fn piece_matches(text: &str, t: &Token, piece: &str, case: Case) -> bool {
    match t.kind {
        Kind::Word => {
            let w = elided(&text[t.start..t.end]);
            match case {
                Case::Exact => w == piece,
                Case::Any if w.is_ascii() => w.eq_ignore_ascii_case(piece),
                Case::Any => w.to_lowercase() == piece.to_lowercase(),
            }
        }
        Kind::Sym => {
            let mut chars = piece.chars();
            chars.next() == Some(t.ch) && chars.next().is_none()
        }
        Kind::Hyphen => piece == "-",
        _ => false,
    }
}

impl<T: Copy> Index<T> {
    pub(crate) fn new() -> Self {
        Index {
            map: HashMap::new(),
            non_ascii: Vec::new(),
        }
    }

    /// Adds a spelling; `tight` spellings are only matched glued or inside compounds.
    pub(crate) fn add(&mut self, spelling: &str, case: Case, tight: bool, value: T) {
        let pieces = pieces(spelling);
        let Some(first) = pieces.first() else { return };
        let key: Box<str> = first.to_lowercase().into();
        if let Some(c) = key.chars().next().filter(|c| !c.is_ascii()) {
            if !self.non_ascii.contains(&c) {
                self.non_ascii.push(c);
            }
        }
        let entries = self.map.entry(key).or_default();
        entries.push(Entry {
            pieces: pieces.into(),
            case,
            tight,
            value,
        });
        // Longest first, so "square metres" wins over "square" and "km/h" over "km".
        entries.sort_by_key(|e| std::cmp::Reverse(e.pieces.len()));
    }

    /// The longest spelling starting at token `k`.
    pub(crate) fn at(&self, text: &str, toks: &[Token], k: usize) -> Option<Match<T>> {
        let first = toks.get(k)?;
        if first.kind == Kind::Word {
            let c = text[first.start..].chars().next()?;
            if !c.is_ascii() && !c.to_lowercase().any(|l| self.non_ascii.contains(&l)) {
                return None;
            }
        }
        let entries = with_key(text, first, |key| self.map.get(key))??;
        entries.iter().find_map(|e| {
            // Inside a spelling, pieces are written together, one space apart ("km / h", "sq ft") or hyphened
            // ("a 2,000-square-foot home").
            let mut at = k;
            for (i, p) in e.pieces.iter().enumerate() {
                if i > 0 && toks.get(at).is_some_and(|t| t.kind == Kind::Hyphen) && &**p != "-" {
                    at += 1;
                }
                let t = toks.get(at)?;
                let near = i == 0 || t.start <= toks[at - 1].end + 1;
                if !near || !piece_matches(text, t, p, e.case) {
                    return None;
                }
                at += 1;
            }
            Some(Match {
                value: e.value,
                next: at,
                tight: e.tight,
            })
        })
    }

    /// Every spelling, for tests that iterate the tables.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_cut_like_the_tokenizer_cuts_text() {
        let cut = |s: &str| pieces(s).iter().map(|p| p.to_string()).collect::<Vec<_>>();
        assert_eq!(cut("km/h"), ["km", "/", "h"]);
        assert_eq!(cut("square metres"), ["square", "metres"]);
        assert_eq!(cut("°C"), ["°", "C"]);
        assert_eq!(cut("light-year"), ["light", "-", "year"]);
        assert_eq!(cut("US$"), ["US", "$"]);
    }

    #[test]
    fn the_longest_spelling_wins_and_symbols_keep_their_case() {
        let mut ix = Index::new();
        ix.add("km", Case::Exact, false, 1);
        ix.add("km/h", Case::Exact, false, 2);
        ix.add("MM", Case::Exact, false, 3);
        ix.add("miles per hour", Case::Any, false, 4);
        let text = "90 km/h 5 mm 60 Miles per hour";
        let toks = super::super::lexer::tokenize(text, None);
        let at = |k: usize| ix.at(text, &toks, k).map(|m| (m.value, m.next));
        assert_eq!(at(1), Some((2, 4)));
        assert_eq!(at(5), None);
        assert_eq!(at(7), Some((4, 10)));
    }
}
