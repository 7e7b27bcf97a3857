//! The vocabulary, compiled: every word of the tables with its class bits and values, one lexicon per language.
//!
//! The tokenizer classes each word once through the lexicon of the page's language ([`lexicon`]), which keeps the
//! hot loop to one hash lookup per word; the parsers then ask the same lexicon for a word's value as a number,
//! scale, fraction or time unit. A language's lexicon is the English one with that language's words laid over it
//! (a word the language redefines loses its English meaning there: "cent" is a hundred on a French page, "once"
//! eleven on a Spanish one). Non-ASCII words are only looked up when a word of the lexicon starts with the same two
//! letters, so a Cyrillic or Greek page costs no more than before.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::foreign::{self, Words};
use super::lang::{self, Lang};
use super::tables::*;

/// Class bits of a word, computed once per word by [`Lexicon::class`].
pub(crate) mod class {
    pub const NUMWORD: u32 = 1;
    pub const SCALE: u32 = 1 << 1;
    pub const VAGUE: u32 = 1 << 2;
    pub const FRACTION: u32 = 1 << 3;
    pub const FACTOR: u32 = 1 << 4;
    pub const HEDGE: u32 = 1 << 5;
    pub const CHANGE: u32 = 1 << 6;
    pub const MONTH: u32 = 1 << 7;
    pub const TIME_UNIT: u32 = 1 << 8;
    pub const RELATIVE: u32 = 1 << 9;
    pub const ARTICLE: u32 = 1 << 10;
    pub const ALL: u32 = 1 << 11;
    pub const PERIOD_PREP: u32 = 1 << 12;
    pub const CURRENCY: u32 = 1 << 13;
    pub const STOP: u32 = 1 << 14;
    pub const LABEL: u32 = 1 << 15;
    pub const AGE: u32 = 1 << 16;
    pub const CLAUSE: u32 = 1 << 17;
    pub const QUARTER: u32 = 1 << 18;
    /// "minus", "negative": a sign before a number.
    pub const SIGN: u32 = 1 << 19;
    /// "and", "et", "und": joins parts of one number written in words.
    pub const JOINER: u32 = 1 << 20;
    /// Unit ordinals that end compound denominators: "twenty-first", "thirty fifths".
    pub const ORDINAL: u32 = 1 << 21;
    /// Words that can start a figure or a period: the parsers look no further at any other word.
    pub const ANCHOR: u32 = NUMWORD
        | SCALE
        | VAGUE
        | FRACTION
        | FACTOR
        | HEDGE
        | MONTH
        | RELATIVE
        | ARTICLE
        | ALL
        | PERIOD_PREP
        | CURRENCY
        | QUARTER
        | SIGN
        | LABEL;
}

/// FNV-1a: the vocabulary is fixed and the keys are short words, so a DoS-resistant hash buys nothing here and
/// costs a third of the extraction time.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// What the lexicon knows of one word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Entry {
    pub class: u32,
    pub number: Option<f64>,
    pub scale: Option<f64>,
    /// The denominator of a fraction word ("third" → 3).
    pub fraction: Option<f64>,
    /// The value of a unit ordinal ("first" → 1, "fifths" → 5).
    pub ordinal: Option<f64>,
    /// A time unit, in seconds.
    pub time: Option<f64>,
}

/// The compiled vocabulary of one language.
pub(crate) struct Lexicon {
    words: HashMap<Box<[u8]>, Entry, BuildHasherDefault<Fnv>>,
    /// Which pairs of first letters (and single letters) start a word of the lexicon: most words of a page are in
    /// no table, and this spares them the hash.
    starts: Box<[bool; STARTS]>,
    /// First two bytes of the non-ASCII words: no other non-ASCII word is looked up.
    non_ascii: Vec<[u8; 2]>,
    /// Word sequences for "percent" after a figure.
    pub percent: Vec<&'static [&'static str]>,
    /// Word sequences between the two numbers of a ratio, besides the English ones.
    pub ratio: &'static [&'static [&'static str]],
    /// Words for "of" after a share, besides "of".
    pub of: &'static [&'static str],
    /// Numbers may be written as one word of pieces ("zweihundertfünfzig").
    compounds: bool,
}

/// Longest word worth looking up; longer words are in no table.
const MAX_WORD: usize = 16;

/// Slots of [`Lexicon::starts`]: every pair of lower-case ASCII letters, then every single letter.
const STARTS: usize = 26 * 26 + 26;

/// The slot of a lower-case word's first letters, when they are ASCII letters.
fn start_index(w: &[u8]) -> Option<usize> {
    let letter = |b: u8| b.is_ascii_lowercase().then(|| usize::from(b - b'a'));
    match w {
        [a] => Some(26 * 26 + letter(*a)?),
        [a, b, ..] => Some(letter(*a)? * 26 + letter(*b)?),
        [] => None,
    }
}

impl Lexicon {
    fn entry(&mut self, w: &str) -> &mut Entry {
        let key: Box<[u8]> = w.to_lowercase().into_bytes().into();
        if let Some(i) = start_index(&key) {
            self.starts[i] = true;
        }
        self.words.entry(key).or_default()
    }

    fn add(&mut self, w: &str, bit: u32) {
        self.entry(w).class |= bit;
    }

    /// What the lexicon knows of `word`, in any case.
    pub(crate) fn get(&self, word: &str) -> Option<&Entry> {
        if word.len() > MAX_WORD {
            return None;
        }
        if word.is_ascii() {
            let mut buf = [0u8; MAX_WORD];
            for (dst, src) in buf.iter_mut().zip(word.bytes()) {
                *dst = src.to_ascii_lowercase();
            }
            let lower = &buf[..word.len()];
            if start_index(lower).is_some_and(|i| !self.starts[i]) {
                return None;
            }
            return self.words.get(lower);
        }
        let b = word.as_bytes();
        let prefix = [b[0].to_ascii_lowercase(), b.get(1).map_or(0, u8::to_ascii_lowercase)];
        if !self.non_ascii.contains(&prefix) {
            return None;
        }
        self.words.get(word.to_lowercase().as_bytes())
    }

    /// The class bits of a word (0 for words in no table).
    pub(crate) fn class(&self, word: &str) -> u32 {
        match self.get(word) {
            Some(e) => e.class,
            None if self.compounds && lang::german_compound(word).is_some() => class::NUMWORD,
            None => 0,
        }
    }

    pub(crate) fn number(&self, word: &str) -> Option<f64> {
        match self.get(word) {
            Some(e) => e.number,
            None if self.compounds => lang::german_compound(word),
            None => None,
        }
    }

    pub(crate) fn scale(&self, word: &str) -> Option<f64> {
        self.get(word)?.scale
    }

    pub(crate) fn fraction(&self, word: &str) -> Option<f64> {
        self.get(word)?.fraction
    }

    pub(crate) fn ordinal(&self, word: &str) -> Option<f64> {
        self.get(word)?.ordinal
    }

    pub(crate) fn time(&self, word: &str) -> Option<f64> {
        self.get(word)?.time
    }

    fn english() -> Lexicon {
        let mut lx = Lexicon {
            words: HashMap::default(),
            starts: Box::new([false; STARTS]),
            non_ascii: Vec::new(),
            percent: PERCENT_WORDS.to_vec(),
            ratio: &[],
            of: &[],
            compounds: false,
        };
        for &(w, v) in NUMBER_WORDS {
            lx.add(w, class::NUMWORD);
            lx.entry(w).number = Some(v);
        }
        for &(w, v) in SCALE_WORDS.iter().chain(foreign::FOREIGN_SCALES) {
            lx.add(w, class::SCALE);
            lx.entry(w).scale = Some(v);
        }
        for (w, _, _) in VAGUE_WORDS {
            lx.add(w, class::VAGUE);
        }
        for &(w, v) in FRACTIONS {
            lx.add(w, class::FRACTION);
            lx.entry(w).fraction = Some(v);
        }
        for &(w, v) in ORDINAL_UNITS {
            lx.add(w, class::ORDINAL);
            lx.entry(w).ordinal = Some(v);
        }
        for (w, _, _) in FACTORS {
            lx.add(w, class::FACTOR);
        }
        for (w, _) in MULTIPLES {
            lx.add(w, class::FACTOR);
        }
        for (ws, _) in HEDGES_BEFORE {
            lx.add(ws[0], class::HEDGE);
        }
        for (w, _) in CHANGE_WORDS {
            lx.add(w, class::CHANGE);
        }
        for (w, _) in MONTHS {
            lx.add(w, class::MONTH);
        }
        for &(w, v) in TIME_UNITS.iter().chain(foreign::FOREIGN_TIME) {
            lx.add(w, class::TIME_UNIT);
            lx.entry(w).time = Some(v);
        }
        for (w, _) in QUARTER_WORDS {
            lx.add(w, class::QUARTER);
        }
        for (ws, _) in RELATIVE_PERIODS {
            lx.add(ws[0], class::RELATIVE);
        }
        for w in super::money::leading_words() {
            lx.add(&w, class::CURRENCY);
        }
        for w in STOP_WORDS {
            lx.add(w, class::STOP);
        }
        for w in LABEL_WORDS.iter().chain(super::labels::ROUTE_WORDS) {
            lx.add(w, class::LABEL);
        }
        for w in AGE_WORDS {
            lx.add(w, class::AGE);
        }
        for w in CLAUSE_WORDS {
            lx.add(w, class::CLAUSE);
        }
        for w in SIGN_WORDS {
            lx.add(w, class::SIGN);
        }
        for (w, bit) in [
            ("a", class::ARTICLE),
            ("an", class::ARTICLE),
            ("and", class::JOINER),
            ("all", class::ALL),
            ("since", class::PERIOD_PREP),
            ("between", class::PERIOD_PREP),
            ("from", class::PERIOD_PREP),
        ] {
            lx.add(w, bit);
        }
        lx
    }

    /// The English lexicon with the words of `words` laid over it.
    fn overlay(words: &'static Words) -> Lexicon {
        let mut lx = Lexicon::english();
        let mut set = |w: &str, e: Entry| *lx.entry(w) = e;
        let only = |class: u32| Entry {
            class,
            ..Entry::default()
        };
        for &(w, v) in words.numbers {
            set(
                w,
                Entry {
                    number: Some(v),
                    ..only(class::NUMWORD)
                },
            );
        }
        for &(w, v) in words.scales {
            set(
                w,
                Entry {
                    scale: Some(v),
                    ..only(class::SCALE)
                },
            );
        }
        for &(w, v) in words.fractions {
            set(
                w,
                Entry {
                    fraction: Some(v),
                    ..only(class::FRACTION)
                },
            );
        }
        for &(w, v) in words.time {
            set(
                w,
                Entry {
                    time: Some(v),
                    ..only(class::TIME_UNIT)
                },
            );
        }
        for w in words.articles {
            let number = words.numbers.iter().find(|(n, _)| n == w).map(|&(_, v)| v);
            set(
                w,
                Entry {
                    number,
                    ..only(class::ARTICLE | if number.is_some() { class::NUMWORD } else { 0 })
                },
            );
        }
        for w in words.joiners {
            lx.add(w, class::JOINER);
        }
        for w in words.stops {
            lx.add(w, class::STOP);
        }
        lx.percent.extend(words.percent.iter().copied());
        lx.ratio = words.ratio;
        lx.of = words.of;
        lx.compounds = std::ptr::eq(words, &foreign::DE);
        lx
    }

    fn finish(mut self) -> Lexicon {
        let mut prefixes: Vec<[u8; 2]> = self
            .words
            .keys()
            .filter(|w| !w.is_ascii())
            .map(|b| [b[0], b.get(1).copied().unwrap_or(0)])
            .collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        self.non_ascii = prefixes;
        self
    }
}

/// The lexicon for a page in `lang` (English rules for `None`).
pub(crate) fn lexicon(lang: Option<Lang>) -> &'static Lexicon {
    static ENGLISH: OnceLock<Lexicon> = OnceLock::new();
    static OTHERS: [OnceLock<Lexicon>; 6] = [const { OnceLock::new() }; 6];
    let slot = match lang {
        Some(Lang::Fr) => 0,
        Some(Lang::De) => 1,
        Some(Lang::Es) => 2,
        Some(Lang::It) => 3,
        Some(Lang::Pt) => 4,
        Some(Lang::Nl) => 5,
        _ => return ENGLISH.get_or_init(|| Lexicon::english().finish()),
    };
    OTHERS[slot].get_or_init(|| {
        let words = lang.and_then(foreign::words).unwrap_or(&foreign::FR);
        Lexicon::overlay(words).finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_redefines_its_own_words_only() {
        let en = lexicon(None);
        let fr = lexicon(Some(Lang::Fr));
        let es = lexicon(Some(Lang::Es));
        assert_eq!(fr.scale("cent"), Some(100.0));
        assert_eq!(en.scale("cent"), None);
        assert_eq!(es.number("once"), Some(11.0));
        assert_eq!(en.number("once"), None);
        assert_eq!(fr.scale("Billion"), Some(1e12));
        assert_eq!(en.scale("billion"), Some(1e9));
        assert_eq!(es.scale("mil"), Some(1e3));
        assert_eq!(en.scale("Milliarden"), Some(1e9));
    }

    #[test]
    fn every_table_word_reads_back_with_its_value() {
        let en = lexicon(None);
        for &(w, v) in NUMBER_WORDS {
            assert_eq!(en.number(w), Some(v), "{w}");
        }
        for &(w, v) in SCALE_WORDS.iter().chain(foreign::FOREIGN_SCALES) {
            assert_eq!(en.scale(w), Some(v), "{w}");
        }
        for &(w, v) in FRACTIONS {
            assert_eq!(en.fraction(w), Some(v), "{w}");
        }
        for &(w, v) in ORDINAL_UNITS {
            assert_eq!(en.ordinal(w), Some(v), "{w}");
        }
        for &(w, v) in TIME_UNITS.iter().chain(foreign::FOREIGN_TIME) {
            assert_eq!(en.time(w), Some(v), "{w}");
        }
        for lang in [Lang::Fr, Lang::De, Lang::Es, Lang::It, Lang::Pt, Lang::Nl] {
            let (lx, words) = (lexicon(Some(lang)), foreign::words(lang).expect("a table"));
            for &(w, v) in words.numbers {
                assert_eq!(lx.number(w), Some(v), "{lang:?} {w}");
            }
            for &(w, v) in words.scales {
                assert_eq!(lx.scale(w), Some(v), "{lang:?} {w}");
            }
            for &(w, v) in words.fractions {
                assert_eq!(lx.fraction(w), Some(v), "{lang:?} {w}");
            }
            for &(w, v) in words.time {
                assert_eq!(lx.time(w), Some(v), "{lang:?} {w}");
            }
            for w in words.articles {
                assert!(lx.class(w) & class::ARTICLE != 0, "{lang:?} {w}");
            }
        }
    }

    #[test]
    fn accented_words_are_found_in_any_case() {
        let de = lexicon(Some(Lang::De));
        assert_eq!(de.number("Fünf"), Some(5.0));
        assert_eq!(lexicon(None).scale("milhões"), Some(1e6));
        assert_eq!(lexicon(None).class("вода"), 0);
    }
}
