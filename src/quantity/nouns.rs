//! What a figure counts: the head noun of the phrase after it ("1,300 extra police officers" → officer), or of the
//! phrase after "of" for shares ("86.2% of the 999 calls" → call).
//!
//! The head is the first plural noun of a short run of content words, else its last word; function words, verb
//! forms, adverbs and names end the run, so "27 Bubba Wallace" and "16 currently" count nothing.

use std::sync::Arc;

use super::figures::{Found, Parser};
use super::lexer::{Kind, Token};
use super::tables::{self, class};

/// Determiners skipped between `of` and the counted noun ("86.2% of the 999 calls").
const OF_DETERMINERS: &[&str] = &[
    "the", "all", "our", "its", "their", "his", "her", "these", "those", "a", "an",
];

/// Adverb endings that end a noun phrase ("16 currently"), chosen to spare nouns like "family" and "supply".
const ADVERB_ENDINGS: &[&str] = &["ently", "antly", "ously", "ively", "ately", "ally", "edly", "ingly"];

/// Longest noun phrase read after a figure.
const MAX_NOUN_WORDS: usize = 4;

impl Parser<'_> {
    /// The head noun of the phrase starting at `k`: the first plural noun, else the last word.
    pub(crate) fn noun_run(&self, k: usize) -> Option<(String, usize)> {
        let mut idx = k;
        let mut words = 0;
        let mut last = None;
        let mut plural = None;
        // "police officers" counts officers, "15 people found" counts people.
        let mut irregular_plural = None;
        let mut after_hyphen = false;
        while words < MAX_NOUN_WORDS && idx < k + 3 * MAX_NOUN_WORDS {
            let Some(t) = self.toks.get(idx) else { break };
            match t.kind {
                Kind::Word => {
                    let w = self.word(idx);
                    let compound = self.toks.get(idx + 1).is_some_and(|n| n.kind == Kind::Hyphen);
                    let stop = !compound
                        && t.class & (class::STOP | class::NUMWORD | class::SCALE | class::VAGUE | class::CHANGE) != 0
                        || (t.cap && t.class & class::MONTH != 0);
                    let lower = w.to_ascii_lowercase();
                    let tail = |s: &str| w.len() > 4 && lower.ends_with(s);
                    let verb_like = tail("ing") || tail("ed");
                    let adverb = ADVERB_ENDINGS.iter().any(|e| tail(e));
                    // "27 Bubba Wallace", "2134 Caldwell Place": a name after a number is not what it counts.
                    // "three Taliban prisoners" and "three million Palestinians" still count people.
                    let modifier = self.plain_word(idx + 1) && self.toks.get(idx + 1).is_some_and(|n| !n.cap)
                        || (lower.ends_with('s') && !lower.ends_with("ss"));
                    // German capitalises every noun: a capital says nothing of names there.
                    let capitals_name = self.ctx.lang != Some(super::Lang::De);
                    let name =
                        capitals_name && words == 0 && t.cap && w.chars().skip(1).any(char::is_lowercase) && !modifier;
                    // "four Premier League titles": a name that a plural noun ends counts that noun.
                    if name {
                        if let Some(head) = self.plural_after_name(idx) {
                            return Some((tables::singular(self.word(head)), head));
                        }
                    }
                    // "4 combined" counts nothing; "500 trained officers" counts officers.
                    let lone_verb = words == 0 && tail("ed") && !self.plain_word(idx + 1);
                    if words == 0 && (lower.ends_with("'s") || lower.ends_with("\u{2019}s")) {
                        // "of the Met's total budget": the owner is not the thing counted.
                        idx += 1;
                        continue;
                    }
                    if stop || adverb || name || lone_verb || (words > 0 && verb_like && !after_hyphen) {
                        break;
                    }
                    last = Some(idx);
                    let followed_by_hyphen = self.kind(idx + 1) == Some(Kind::Hyphen);
                    let plural_like = w.len() > 2
                        && (w.ends_with('s') || w.ends_with('S'))
                        && !w.contains(['\'', '\u{2019}'])
                        && !["ss", "us", "is"].iter().any(|s| w.to_ascii_lowercase().ends_with(s));
                    let irregular = tables::lookup(tables::IRREGULAR_PLURALS, w).is_some();
                    if plural.is_none() && !followed_by_hyphen && plural_like && !irregular {
                        plural = Some(idx);
                    }
                    if irregular_plural.is_none() && irregular {
                        irregular_plural = Some(idx);
                    }
                    if !after_hyphen {
                        words += 1;
                    }
                    after_hyphen = false;
                }
                Kind::Hyphen if last == Some(idx.wrapping_sub(1)) && self.kind(idx + 1) == Some(Kind::Word) => {
                    after_hyphen = true;
                }
                _ => break,
            }
            idx += 1;
        }
        let head = plural.or(irregular_plural).or(last)?;
        // The phrase ends at its head: "one in five children live in poverty" is about children.
        Some((tables::singular(self.word(head)), head))
    }

    /// A lower-case plural content word after a short run of capitalised words from `i` ("Premier League titles").
    fn plural_after_name(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k < i + MAX_NOUN_WORDS && self.toks.get(k).is_some_and(|t| t.kind == Kind::Word && t.cap) {
            k += 1;
        }
        let t = self.toks.get(k)?;
        let w = self.word(k);
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !t.cap;
        (k > i && plural && self.plain_word(k)).then_some(k)
    }

    /// A lower-case content word at `i`: not a stop word, verb form or number.
    pub(crate) fn plain_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let w = self.word(i).to_ascii_lowercase();
        t.kind == Kind::Word
            && t.class & (class::STOP | class::NUMWORD | class::SCALE | class::CHANGE) == 0
            && !(w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed")))
    }

    /// What a share is of: "of [the] [999] calls" → call.
    pub(crate) fn of_phrase(&self, k: usize) -> Option<String> {
        let mut i = k;
        while OF_DETERMINERS.iter().any(|d| self.is(i, d)) {
            i += 1;
        }
        if let Some(core) = self.core_at(i) {
            i = core.next;
        }
        self.noun_run(i).map(|(n, _)| n)
    }
}

/// Words that say nothing about what a figure is about: function words, number and unit words, hedges, change words.
const NOT_CONTENT: u32 = class::STOP
    | class::NUMWORD
    | class::SCALE
    | class::VAGUE
    | class::CHANGE
    | class::HEDGE
    | class::MONTH
    | class::TIME_UNIT
    | class::RELATIVE
    | class::ARTICLE
    | class::CLAUSE;

/// How many clauses back a clause of bare figures looks for its words.
const MAX_CLAUSES_BACK: usize = 3;

/// Most content words kept per sentence.
const MAX_CONTEXT: usize = 40;

/// Gives every figure the content words of its sentence and of its clause, leaving out the words of the figures
/// themselves ("1,300 extra police officers" says what is counted, not what the sentence is about).
pub(crate) fn attach_context(text: &str, toks: &[Token], found: &mut [Found]) {
    let mut covered = vec![false; toks.len()];
    for f in found.iter() {
        covered[f.first..=f.last.min(toks.len() - 1)]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    let ends_clause = |t: &Token| matches!(t.kind, Kind::Break | Kind::Clause) || t.class & class::CLAUSE != 0;
    let (mut sentence_start, mut clause_start) = (Vec::with_capacity(toks.len()), Vec::with_capacity(toks.len()));
    let (mut s, mut c) = (0, 0);
    for (i, t) in toks.iter().enumerate() {
        sentence_start.push(s);
        clause_start.push(c);
        if t.kind == Kind::Break {
            s = i + 1;
        }
        if ends_clause(t) {
            c = i + 1;
        }
    }
    // Each word is made singular and stemmed once, however many sentence and clause lists it goes into.
    let mut norm: Vec<Option<String>> = vec![None; toks.len()];
    let mut words_from = |start: usize, end: &dyn Fn(&Token) -> bool| -> Arc<[String]> {
        let mut words: Vec<String> = Vec::new();
        for (i, t) in toks.iter().enumerate().skip(start) {
            if end(t) || words.len() >= MAX_CONTEXT {
                break;
            }
            if covered[i] || t.kind != Kind::Word || t.class & NOT_CONTENT != 0 || t.end - t.start < 3 {
                continue;
            }
            let w = norm[i].get_or_insert_with(|| stem(tables::singular(&text[t.start..t.end])));
            if !matches!(w.as_str(), "per" | "cent" | "percent") {
                words.push(w.clone());
            }
        }
        words.sort_unstable();
        words.dedup();
        Arc::from(words)
    };
    // One shared list per sentence and per clause: every figure of it points at the same words.
    let mut sentence_cache: Option<(usize, Arc<[String]>)> = None;
    let mut clause_cache: Option<(usize, Arc<[String]>)> = None;
    for f in found.iter_mut() {
        let (ss, cs) = (sentence_start[f.first], clause_start[f.first]);
        if sentence_cache.as_ref().is_none_or(|(k, _)| *k != ss) {
            sentence_cache = Some((ss, words_from(ss, &|t: &Token| t.kind == Kind::Break)));
        }
        if clause_cache.as_ref().is_none_or(|(k, _)| *k != cs) {
            // A clause of figures alone ("compared with 77.6 per cent in 2024", "(down 22%)") is about what the
            // clause before it is about.
            let mut start = cs;
            let mut words = words_from(start, &ends_clause);
            for _ in 0..MAX_CLAUSES_BACK {
                if !words.is_empty() || start <= ss {
                    break;
                }
                start = clause_start[start - 1];
                words = words_from(start, &ends_clause);
            }
            clause_cache = Some((cs, words));
        }
        if let (Some((_, sentence)), Some((_, clause))) = (&sentence_cache, &clause_cache) {
            f.q.context = Arc::clone(sentence);
            f.q.clause_context = Arc::clone(if clause.is_empty() { sentence } else { clause });
        }
    }
}

/// A light stem so "answers", "answered" and "answering" meet: drops -ing and -ed from longer words.
fn stem(mut word: String) -> String {
    for suffix in ["ing", "ed"] {
        if word.len() > suffix.len() + 3 && word.ends_with(suffix) {
            word.truncate(word.len() - suffix.len());
            break;
        }
    }
    word
}
