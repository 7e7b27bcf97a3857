//! One name phrase as written: who a run of words names (`Met Commissioner Sir Mark Rowley`: titles, role words,
//! name words), and whether two written names are the same person.
//!
//! What it is not for: knowing the people of a page (`speakers.rs` merges short forms and roles into one person).
//! The key decision: a name is read back from the end of a phrase (the words just before a speech verb), stopping at
//! punctuation, organisation words and anything lower case, from the tables in `tables.rs`.

use super::tables;
use super::text::{words, Word};

/// A reference to someone as written at one place in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Mention {
    /// Titles as written (`Sir`, `Mr`).
    pub titles: Vec<String>,
    /// Role words, lower case (`home`, `secretary`).
    pub roles: Vec<String>,
    /// Name words as written (`Mark`, `Rowley`).
    pub names: Vec<String>,
    pub pronoun: bool,
    /// The phrase as written without its determiner (`Met spokesperson`), shown when nobody is resolved.
    pub raw: String,
    /// How many words, counted back from the end, the phrase took.
    pub len: usize,
}

impl Mention {
    /// A person's name rather than a role or an organisation.
    pub fn is_name(&self) -> bool {
        self.names.len() >= 2 || (!self.names.is_empty() && !self.titles.is_empty())
    }
    /// The mention as written: the name with its titles, or the role phrase.
    pub fn written(&self) -> String {
        if self.names.is_empty() {
            self.raw.clone()
        } else {
            self.display()
        }
    }
    pub fn display(&self) -> String {
        self.titles
            .iter()
            .chain(&self.names)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn is_empty(&self) -> bool {
        self.names.is_empty() && self.roles.is_empty() && !self.pronoun && self.raw.is_empty()
    }
}

/// Does a name phrase end after this word (comma, full stop that is not a title's, possessive)?
pub(crate) fn breaks_after(w: &Word<'_>) -> bool {
    match w.punct_after {
        None => w.possessive,
        Some('.') => {
            !(tables::contains(tables::TITLES, w.text)
                || tables::contains(tables::ABBREVIATIONS, w.text)
                || w.text.contains('.')
                || w.text.chars().count() == 1)
        }
        Some(_) => true,
    }
}

/// The mention ending at the last of `ws` (the words just before a speech verb, or a phrase after it).
pub(crate) fn mention_at_end(ws: &[Word<'_>]) -> Option<Mention> {
    let last = ws.last()?;
    if ws.len() == 1 && tables::contains(tables::PRONOUNS, last.text) {
        return Some(Mention {
            pronoun: true,
            raw: last.text.to_lowercase(),
            ..Mention::default()
        });
    }
    if tables::contains(tables::PRONOUNS, last.text) && !last.is_capitalised() {
        return Some(Mention {
            pronoun: true,
            raw: last.text.to_lowercase(),
            ..Mention::default()
        });
    }
    let mut m = Mention::default();
    let mut i = ws.len();
    let stops = |k: usize| k + 1 < ws.len() && breaks_after(&ws[k]);
    // names: capitalised words that are not titles, roles or organisation words
    while i > 0 && m.names.len() < 3 {
        let w = &ws[i - 1];
        if stops(i - 1) {
            break;
        }
        let particle = !m.names.is_empty() && tables::contains(tables::NAME_PARTICLES, w.text);
        let acronym =
            w.text.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.text.chars().any(char::is_lowercase);
        // `Charlie King`, `Mr. King`, `Susan Hall`: a title or an organisation word that is also a surname, after a
        // given name or a surname title
        let surname_title = m.names.is_empty()
            && tables::contains(tables::WORD_SURNAMES, w.text)
            && i >= 2
            && !stops(i - 2)
            && ws[i - 2].is_capitalised()
            && (tables::contains(tables::SURNAME_TITLES, ws[i - 2].text)
                || !(tables::contains(tables::TITLES, ws[i - 2].text)
                    || tables::is_role_word(ws[i - 2].text)
                    || tables::contains(tables::NON_NAME_WORDS, ws[i - 2].text)));
        let name = w.is_capitalised()
            && !acronym
            && ((!tables::contains(tables::TITLES, w.text)
                && !tables::is_role_word(w.text)
                && !tables::contains(tables::NON_NAME_WORDS, w.text))
                || surname_title);
        if !(name || particle) {
            break;
        }
        m.names.insert(0, w.text.to_string());
        i -= 1;
    }
    while i > 0 && !stops(i - 1) && tables::contains(tables::TITLES, ws[i - 1].text) && ws[i - 1].is_capitalised() {
        m.titles.insert(0, ws[i - 1].text.trim_end_matches('.').to_string());
        i -= 1;
    }
    if m.names.is_empty() && !m.titles.is_empty() {
        // `the Mayor`, `the Chief`: a title word standing alone is a role
        m.roles = m.titles.drain(..).map(|t| t.to_lowercase()).collect();
    }
    while i > 0 && !stops(i - 1) && tables::is_role_word(ws[i - 1].text) {
        m.roles.insert(0, ws[i - 1].lower());
        i -= 1;
    }
    let mut raw_from = i;
    // organisation words before a role (`a WeWork spokesperson`, `The Met`)
    while raw_from > 0
        && !stops(raw_from - 1)
        && ws[raw_from - 1].is_capitalised()
        && !tables::contains(tables::DETERMINERS, ws[raw_from - 1].text)
        && ws.len() - raw_from < 5
    {
        raw_from -= 1;
    }
    if raw_from == ws.len() {
        return None;
    }
    m.raw = ws[raw_from..].iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
    m.len = ws.len() - raw_from;
    (!m.is_empty()).then_some(m)
}

/// Name words of a speaker string with leading titles, roles and determiners and trailing post-nominals removed.
fn name_words(name: &str) -> Vec<String> {
    let mut ws: Vec<String> = words(name, 0, name.len()).iter().map(|w| w.lower()).collect();
    while ws.len() > 1 && ws.last().is_some_and(|w| tables::contains(tables::POST_NOMINALS, w)) {
        ws.pop();
    }
    let lead = ws
        .iter()
        .take_while(|w| {
            tables::contains(tables::TITLES, w)
                || tables::contains(tables::ROLE_WORDS, w)
                || tables::contains(tables::DETERMINERS, w)
        })
        .count();
    if lead < ws.len() {
        ws.drain(..lead);
    }
    ws
}

/// Same person? Titles, roles and post-nominals are ignored; a lone name matches either a given name or a surname
/// (`Mark Rowley` ~ `Sir Mark Rowley`, `Khan` ~ `Sadiq Khan`), two names must agree on both, or one be the end of the
/// other (`Eriksson Ek` ~ `Joel Eriksson Ek`).
pub fn same_person(a: &str, b: &str) -> bool {
    let (x, y) = (name_words(a), name_words(b));
    match (x.as_slice(), y.as_slice()) {
        ([], _) | (_, []) => false,
        ([one], many) | (many, [one]) => many.first() == Some(one) || many.last() == Some(one),
        (xs, ys) => {
            (xs.first() == ys.first() && xs.last() == ys.last())
                || super::speakers::compound_suffix(xs, ys)
                || super::speakers::compound_suffix(ys, xs)
        }
    }
}
