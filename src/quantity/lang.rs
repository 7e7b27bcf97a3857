//! The page's language: how it writes numbers ("3,5 %" and "1.234,5" in French or German, "1,234.5" in English)
//! and the number, scale, fraction and percent words of the languages news pages are most often in besides English.
//!
//! A page's language comes from its `<html lang>` or metadata ([`Lang::from_tag`]); a claim usually has none, and
//! then the English rules hold with two additions that no English writer would produce: a comma followed by one or
//! two digits and nothing that makes it a list ("4,4 %", "1,3.") is a decimal comma, and points grouping threes
//! before a decimal comma ("1.309,7") are German grouping. Scale words of other languages that mean nothing in
//! English ("Milliarden", "Mrd.", "millones", "crore") are read on every page; the words that mean something else
//! in English ("billion" is 10¹² in French, "mil" a thousand in Spanish, "cent" a hundred in French) only in their
//! own language. Number words other than scales are read only on pages in their language; the word tables are in
//! [`super::foreign`].

/// A page language, as far as numbers are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, and languages that write numbers like it (decimal point, comma groups): Chinese, Japanese, Hindi…
    En,
    /// American English: a bare "gallon" or "pint" is the US one either way; kept apart for callers that care.
    EnUs,
    Fr,
    De,
    Es,
    It,
    Pt,
    Nl,
    /// Another language that writes a decimal comma and groups with points or spaces (Russian, Polish, Swedish,
    /// Turkish…): its numbers, but none of its words.
    DecimalComma,
}

/// Primary subtags of languages that write a decimal comma, beyond the six with word tables.
const DECIMAL_COMMA_LANGS: &[&str] = &[
    "ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "mk", "ro", "hu", "sv", "da", "nb", "nn", "no",
    "fi", "et", "lv", "lt", "is", "tr", "az", "kk", "el", "id", "vi", "ca", "eu", "gl", "sq",
];

impl Lang {
    /// The language of a BCP 47 tag or locale as pages give it: "en-GB", "fr_FR", "de", "pt-BR", "en-us".
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        let mut parts = tag.split(['-', '_']);
        let primary = parts.next()?.to_ascii_lowercase();
        let region = parts.next().map(str::to_ascii_lowercase);
        let lang = match primary.as_str() {
            "en" if region.as_deref() == Some("us") => Lang::EnUs,
            "en" => Lang::En,
            "fr" => Lang::Fr,
            "de" => Lang::De,
            "es" => Lang::Es,
            "it" => Lang::It,
            "pt" => Lang::Pt,
            "nl" => Lang::Nl,
            p if DECIMAL_COMMA_LANGS.contains(&p) => Lang::DecimalComma,
            p if p.len() == 2 || p.len() == 3 => Lang::En,
            _ => return None,
        };
        Some(lang)
    }

    /// Writes "3,5" for three and a half, and groups thousands with points or spaces.
    #[must_use]
    pub fn decimal_comma(self) -> bool {
        !matches!(self, Lang::En | Lang::EnUs)
    }
}

/// German writes numbers as one word ("zweihundertfünfzigtausend", "zweieinhalb"): its pieces, longest first, with
/// their values (`hundert` and `tausend` multiply, `und` joins, `einhalb` adds a half).
pub(crate) const DE_MORPHEMES: &[(&str, f64)] = &[
    ("dreißig", 30.0),
    ("dreissig", 30.0),
    ("zwanzig", 20.0),
    ("vierzig", 40.0),
    ("fünfzig", 50.0),
    ("sechzig", 60.0),
    ("siebzig", 70.0),
    ("achtzig", 80.0),
    ("neunzig", 90.0),
    ("hundert", 1e2),
    ("tausend", 1e3),
    ("sieben", 7.0),
    ("zwölf", 12.0),
    ("einhalb", 0.5),
    ("sechs", 6.0),
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("fünf", 5.0),
    ("sech", 6.0),
    ("sieb", 7.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("eins", 1.0),
    ("ein", 1.0),
    ("elf", 11.0),
    ("und", 0.0),
];

/// Shortest German word read as a compound number ("dreitausend"; "acht" is in the table).
const MIN_COMPOUND: usize = 6;

/// The value of a German number written as one word, if the whole word is number pieces.
pub(crate) fn german_compound(word: &str) -> Option<f64> {
    if word.len() < MIN_COMPOUND {
        return None;
    }
    let lower = word.to_lowercase();
    let mut rest = lower.as_str();
    let (mut total, mut group, mut pieces) = (0.0f64, 0.0f64, 0);
    while !rest.is_empty() {
        let &(piece, v) = DE_MORPHEMES.iter().find(|(p, _)| rest.starts_with(p))?;
        rest = &rest[piece.len()..];
        pieces += 1;
        match piece {
            "hundert" => group = group.max(1.0) * 100.0,
            "tausend" => {
                total += group.max(1.0) * 1000.0;
                group = 0.0;
            }
            _ => group += v,
        }
    }
    (pieces >= 2).then_some(total + group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers_written_as_one_word_are_read() {
        let rows = [
            ("einundzwanzig", Some(21.0)),
            ("zweihundertfünfzig", Some(250.0)),
            ("dreitausendzweihundert", Some(3200.0)),
            ("zweieinhalb", Some(2.5)),
            ("Achtung", None),
            ("Einsatz", None),
        ];
        for (w, want) in rows {
            assert_eq!(german_compound(w), want, "{w}");
        }
    }

    #[test]
    fn tags_name_their_language() {
        let rows = [
            ("en-GB", Some(Lang::En)),
            ("en-us", Some(Lang::EnUs)),
            ("fr_FR", Some(Lang::Fr)),
            ("de", Some(Lang::De)),
            ("pt-BR", Some(Lang::Pt)),
            ("ru-RU", Some(Lang::DecimalComma)),
            ("ja", Some(Lang::En)),
            ("", None),
        ];
        for (tag, want) in rows {
            assert_eq!(Lang::from_tag(tag), want, "{tag:?}");
        }
    }

    #[test]
    fn german_pieces_are_longest_first_where_one_starts_another() {
        for (i, (a, _)) in DE_MORPHEMES.iter().enumerate() {
            for (b, _) in &DE_MORPHEMES[i + 1..] {
                assert!(!b.starts_with(a) || b.len() < a.len(), "{b} after {a}");
            }
        }
    }
}
