//! Checking a quotation claim against one document: find the words, then decide whose they are.
//!
//! Both sides become normalised word tokens (`text::tokens`). Verbatim occurrences are found from the claim's rarest
//! token through a position index of the page, so a check costs one pass over the page plus a few comparisons.
//! When there is none, the closest places are aligned word by word (`alignment.rs`). Every doc token knows the
//! innermost quotation holding it, so a match is the claimed speaker's, someone else's, an unattributed
//! quotation's, or narration; this file holds that ownership and the order of decision.

use std::collections::HashMap;

use super::attribution::attribution_before;
use super::names::same_person;
use super::speakers::{People, Sex};
use super::text::{folded, sentence_around, tokens, Token};
use super::{Outcome, Quotation, QuoteClaim, QuoteFinding};
use crate::extract::Document;

mod alignment;

/// Lowest similarity at which the claimed speaker's closest words make the claim `Misquoted` (below: `NotFound`).
pub const MISQUOTED_MIN_SIMILARITY: f64 = 0.6;
/// Lowest similarity at which someone else's words make the claim `Misattributed` when they are not verbatim.
pub const MISATTRIBUTED_MIN_SIMILARITY: f64 = 0.85;
/// Words of narration (`Kevin Mayer, Disney's chairman, said`) that may interrupt one speaker's quotation and still
/// leave it one quotation for a claim that quotes across them.
const MAX_ATTRIBUTION_GAP: usize = 10;
/// Whose words a matched stretch of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Claimed,
    Other(usize),
    Unattributed,
    Narration,
}

/// One alignment step between claim token `j` and doc token `x`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Same(usize, usize),
    Change(usize, usize, f64),
    /// A claim word the source does not have.
    Added(usize),
    /// A source word the claim dropped.
    Dropped(usize),
}

/// A scored place on the page.
#[derive(Debug, Clone)]
struct Candidate {
    first: usize,
    last: usize,
    similarity: f64,
    ops: Vec<Op>,
    who: Who,
}

struct Page<'a> {
    doc: &'a Document,
    quotes: &'a [Quotation],
    toks: Vec<Token>,
    owner: Vec<Option<usize>>,
    index: HashMap<u64, Vec<usize>>,
    /// The claimed speaker, with a role (`the Mayor`) resolved to the page's name for it.
    speaker: Option<String>,
    /// Whose words each quotation is, relative to the claimed speaker.
    class: Vec<Who>,
    people: Option<People>,
}

impl<'a> Page<'a> {
    fn new(doc: &'a Document, quotes: &'a [Quotation], speaker: Option<&'a str>) -> Self {
        let mut people = None;
        let speaker = speaker.map(|s| {
            let people = people.get_or_insert_with(|| People::scan(doc));
            people.resolve_role(s).unwrap_or_else(|| s.to_string())
        });
        let class = quotes
            .iter()
            .enumerate()
            .map(|(q, quote)| match (&quote.speaker, &speaker) {
                (None, _) => Who::Unattributed,
                (Some(s), Some(c)) if same_person(c, s) => Who::Claimed,
                (Some(_), _) => Who::Other(q),
            })
            .collect();
        let toks = tokens(&doc.text);
        // the innermost quotation holding a token owns it: a quotation in quote marks inside a transcript's
        // contribution is its own speaker's
        let mut order: Vec<usize> = (0..quotes.len()).collect();
        order.sort_by_key(|&q| std::cmp::Reverse(quotes[q].end - quotes[q].start));
        let mut owner = vec![None; toks.len()];
        for q in order {
            let first = toks.partition_point(|t| t.start < quotes[q].start);
            for (t, tok) in toks.iter().enumerate().skip(first) {
                if tok.end > quotes[q].end {
                    break;
                }
                owner[t] = Some(q);
            }
        }
        let mut index: HashMap<u64, Vec<usize>> = HashMap::with_capacity(toks.len() / 2);
        for (t, tok) in toks.iter().enumerate() {
            index.entry(tok.hash).or_default().push(t);
        }
        Page {
            doc,
            quotes,
            toks,
            owner,
            index,
            speaker,
            class,
            people,
        }
    }

    fn who(&self, t: usize) -> Who {
        self.owner[t].map_or(Who::Narration, |q| self.class[q])
    }

    /// Whose words doc tokens `first..=last` are: the class of most of the tokens that match.
    fn whose(&self, tokens: impl Iterator<Item = usize>) -> Who {
        let mut counts: Vec<(Who, usize)> = Vec::new();
        for t in tokens {
            let w = self.who(t);
            match counts.iter_mut().find(|(c, _)| *c == w) {
                Some((_, n)) => *n += 1,
                None => counts.push((w, 1)),
            }
        }
        let claimed = counts.iter().find(|(w, _)| *w == Who::Claimed).map_or(0, |c| c.1);
        let other = counts
            .iter()
            .filter(|(w, _)| matches!(w, Who::Other(_)))
            .map(|c| c.1)
            .sum::<usize>();
        if claimed > 0 && claimed >= other {
            return Who::Claimed;
        }
        counts.sort_by_key(|(w, n)| (std::cmp::Reverse(*n), matches!(w, Who::Narration)));
        counts.first().map_or(Who::Narration, |c| c.0)
    }

    /// Are the words from doc token `first`, outside any attributed quotation, still the claimed speaker's? In an
    /// unattributed quotation: when the speaker is the first person its sentence names before it (`Cruz called
    /// Trump a “pathological liar”` is Cruz's), or, when the sentence names nobody, the person the paragraph or the
    /// one before last named as a subject. In narration: only as reported speech, when the sentence's speech verb
    /// has the speaker as its subject (`Sir Mark said exit … is welcome`).
    fn speaker_behind(&mut self, who: Who, first: usize) -> bool {
        let Some(speaker) = self.speaker.clone() else {
            return false;
        };
        let at = self.toks[first].start;
        let doc = self.doc;
        let people = self.people.get_or_insert_with(|| People::scan(doc));
        let b = block_of(doc, at);
        let lo = doc.blocks.get(b.saturating_sub(1)).map_or(0, |x| x.start);
        let (start, end) = doc.blocks.get(b).map_or((0, doc.text.len()), |x| (x.start, x.end));
        match who {
            Who::Unattributed => {
                let open = self.owner[first].map_or(at, |q| self.quotes[q].start);
                let (sentence, _) = sentence_around(&doc.text, start, end, open);
                if let Some(named) = people.first_person_in(&doc.text, sentence, open) {
                    return same_person(&speaker, &named);
                }
                people
                    .mentioned_before(lo, sentence, &[], None)
                    .is_some_and(|n| same_person(&speaker, &n.1))
            }
            Who::Narration => {
                let (sentence, _) = sentence_around(&doc.text, start, end, at);
                let Some((m, pos)) = attribution_before(&doc.text, sentence, at) else {
                    return false;
                };
                let previous = people.mentioned_before(lo, pos, &[], Sex::of_word(&m.raw)).map(|n| n.1);
                people
                    .resolve(&m, pos, previous.as_deref())
                    .is_some_and(|n| same_person(&speaker, &n))
            }
            Who::Claimed | Who::Other(_) => false,
        }
    }

    /// Verbatim occurrences of `claim` (doc token index of their first token).
    fn exact(&self, claim: &[Token]) -> Vec<usize> {
        let Some((j, hits)) = claim
            .iter()
            .enumerate()
            .map(|(j, t)| (j, self.index.get(&t.hash)))
            .min_by_key(|(_, h)| h.map_or(0, Vec::len))
        else {
            return Vec::new();
        };
        let Some(hits) = hits else { return Vec::new() };
        hits.iter()
            .filter_map(|&p| p.checked_sub(j))
            .filter(|&s| {
                s + claim.len() <= self.toks.len()
                    && claim
                        .iter()
                        .zip(&self.toks[s..s + claim.len()])
                        .all(|(c, d)| c.hash == d.hash)
            })
            .collect()
    }

    /// Verbatim occurrences of `claim` in the words of one speaker's quotations read across the attributions that
    /// interrupt them (`“We will see the industry shake out a bit,” Mayer said. “Not everyone will succeed.”`):
    /// consecutive quotations of the same speaker, the narration between them at most [`MAX_ATTRIBUTION_GAP`] words.
    fn joined(&self, claim: &[Token]) -> Vec<Candidate> {
        let stream: Vec<usize> = (0..self.toks.len()).filter(|&t| self.owner[t].is_some()).collect();
        let mut at_stream = vec![None; self.toks.len()];
        for (k, &t) in stream.iter().enumerate() {
            at_stream[t] = Some(k);
        }
        let Some((j, hits)) = claim
            .iter()
            .enumerate()
            .filter_map(|(j, t)| self.index.get(&t.hash).map(|h| (j, h)))
            .min_by_key(|(_, h)| h.len())
        else {
            return Vec::new();
        };
        let speaker = |t: usize| self.owner[t].and_then(|q| self.quotes[q].speaker.as_deref());
        let mut out = Vec::new();
        for &p in hits {
            let Some(start) = at_stream[p].and_then(|k| k.checked_sub(j)) else {
                continue;
            };
            let Some(run) = stream.get(start..start + claim.len()) else {
                continue;
            };
            let words_match = run.iter().zip(claim).all(|(&t, c)| self.toks[t].hash == c.hash);
            let one_voice = run.windows(2).all(|w| {
                w[1] == w[0] + 1
                    || (w[1] - w[0] <= MAX_ATTRIBUTION_GAP + 1
                        && speaker(w[0]).is_some()
                        && speaker(w[0]) == speaker(w[1]))
            });
            if words_match && one_voice && run.windows(2).any(|w| w[1] != w[0] + 1) {
                out.push(Candidate {
                    first: run[0],
                    last: run[run.len() - 1],
                    similarity: 1.0,
                    ops: run.iter().enumerate().map(|(j, &t)| Op::Same(j, t)).collect(),
                    who: self.whose(run.iter().copied()),
                });
            }
        }
        out
    }

    /// Verbatim occurrences of a claim written with ellipses (`we are … on the right path`): each part verbatim,
    /// in order, the gaps between them short.
    fn elided(&self, claim: &Claim<'_>) -> Vec<Candidate> {
        const MAX_GAP: usize = 80;
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut from = 0;
        for j in 1..claim.toks.len() {
            let between = &claim.text[claim.toks[j - 1].end..claim.toks[j].start];
            if between.contains("...") || between.contains('\u{2026}') {
                parts.push((from, j));
                from = j;
            }
        }
        if parts.is_empty() {
            return Vec::new();
        }
        parts.push((from, claim.toks.len()));
        let found: Vec<Vec<usize>> = parts.iter().map(|&(a, b)| self.exact(&claim.toks[a..b])).collect();
        let mut out = Vec::new();
        for &first in &found[0] {
            let mut ops: Vec<Op> = (parts[0].0..parts[0].1).map(|j| Op::Same(j, first + j)).collect();
            let mut end = first + parts[0].1 - parts[0].0;
            let mut complete = true;
            for (k, &(a, b)) in parts.iter().enumerate().skip(1) {
                let Some(&next) = found[k].iter().find(|&&p| p >= end && p <= end + MAX_GAP) else {
                    complete = false;
                    break;
                };
                ops.extend((a..b).map(|j| Op::Same(j, next + j - a)));
                end = next + b - a;
            }
            if complete {
                let matched: Vec<usize> = ops
                    .iter()
                    .filter_map(|op| if let Op::Same(_, x) = op { Some(*x) } else { None })
                    .collect();
                let who = self.whose(matched.iter().copied());
                out.push(Candidate {
                    first,
                    last: end - 1,
                    similarity: 1.0,
                    ops,
                    who,
                });
            }
        }
        out
    }

    /// The sentence(s) holding doc tokens `first..=last`, as a byte range.
    fn passage(&self, first: usize, last: usize) -> (usize, usize) {
        let (a, b) = (self.toks[first].start, self.toks[last].start);
        let text = &self.doc.text;
        let block = |at: usize| {
            self.doc
                .blocks
                .get(block_of(self.doc, at))
                .map_or((0, text.len()), |x| (x.start, x.end))
        };
        let (lo, hi) = block(a);
        let start = sentence_around(text, lo, hi, a).0;
        let (lo, hi) = block(b);
        let end = sentence_around(text, lo, hi, b).1;
        (start, end.max(start))
    }

    fn speaker_of(&self, who: Who, first: usize, last: usize) -> Option<String> {
        let q = match who {
            Who::Other(q) => Some(q),
            _ => (first..=last).find_map(|t| self.owner[t]),
        };
        q.and_then(|q| self.quotes[q].speaker.clone())
    }

    fn finding(&self, outcome: Outcome, c: &Candidate, claim: &Claim<'_>) -> QuoteFinding {
        let (start, end) = self.passage(c.first, c.last);
        QuoteFinding {
            outcome,
            start,
            end,
            similarity: (c.similarity * 1000.0).round() / 1000.0,
            speaker: self.speaker_of(c.who, c.first, c.last),
            differences: if outcome == Outcome::Supported {
                Vec::new()
            } else {
                self.edits(&c.ops, claim)
            },
            shorter: outcome == Outcome::Misquoted && self.shorter(c, claim),
        }
    }
}

/// The claim's tokens and their folded forms.
struct Claim<'a> {
    text: &'a str,
    toks: Vec<Token>,
    forms: Vec<String>,
}

/// Index of the block holding byte `at` (the last block starting at or before it).
fn block_of(doc: &Document, at: usize) -> usize {
    doc.blocks.partition_point(|b| b.start <= at).saturating_sub(1)
}

fn not_found() -> QuoteFinding {
    QuoteFinding {
        outcome: Outcome::NotFound,
        start: 0,
        end: 0,
        similarity: 0.0,
        speaker: None,
        differences: vec![],
        shorter: false,
    }
}

/// Checks one quotation claim against one document whose quotations are `quotes` (from `quotations(doc)`).
pub fn check(claim: &QuoteClaim, doc: &Document, quotes: &[Quotation]) -> QuoteFinding {
    let toks = tokens(&claim.words);
    if toks.is_empty() {
        return not_found();
    }
    let forms = toks.iter().map(|t| folded(&claim.words[t.start..t.end])).collect();
    let claim_toks = Claim {
        text: &claim.words,
        toks,
        forms,
    };
    let mut page = Page::new(doc, quotes, claim.speaker.as_deref());
    let m = claim_toks.toks.len();
    let exact_candidate = |page: &Page<'_>, s: usize| Candidate {
        first: s,
        last: s + m - 1,
        similarity: 1.0,
        ops: (0..m).map(|j| Op::Same(j, s + j)).collect(),
        who: page.whose(s..s + m),
    };
    let mut exact: Vec<Candidate> = page
        .exact(&claim_toks.toks)
        .into_iter()
        .map(|s| exact_candidate(&page, s))
        .collect();
    if exact.is_empty() {
        exact = page.elided(&claim_toks);
    }
    if exact.is_empty() {
        exact = page.joined(&claim_toks.toks);
    }

    if claim.speaker.is_none() {
        // no speaker: verbatim anywhere on the page is enough; prefer an occurrence inside a quotation
        if let Some(c) = exact.iter().find(|c| c.who != Who::Narration).or(exact.first()) {
            return page.finding(Outcome::Supported, c, &claim_toks);
        }
        let best = page
            .diagonals(&claim_toks.toks, |_| true)
            .into_iter()
            .filter_map(|d| page.align(&claim_toks, d));
        return match best.max_by(|a, b| a.similarity.total_cmp(&b.similarity)) {
            Some(c) if c.similarity >= MISQUOTED_MIN_SIMILARITY => page.finding(Outcome::Misquoted, &c, &claim_toks),
            Some(c) => QuoteFinding {
                similarity: c.similarity,
                ..not_found()
            },
            None => not_found(),
        };
    }

    if let Some(c) = exact.iter().find(|c| c.who == Who::Claimed) {
        return page.finding(Outcome::Supported, c, &claim_toks);
    }
    if let Some(c) = exact.iter().find(|c| matches!(c.who, Who::Other(_))) {
        return page.finding(Outcome::Misattributed, c, &claim_toks);
    }
    for c in &exact {
        if page.speaker_behind(c.who, c.first) {
            return page.finding(Outcome::Supported, c, &claim_toks);
        }
    }

    let mut candidates: Vec<Candidate> = Vec::new();
    for d in page.diagonals(&claim_toks.toks, |w| w == Who::Claimed) {
        candidates.extend(page.align(&claim_toks, d));
    }
    for d in page.diagonals(&claim_toks.toks, |_| true) {
        candidates.extend(page.align(&claim_toks, d));
    }
    candidates.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
    if let Some(c) = candidates
        .iter()
        .find(|c| c.who == Who::Claimed && c.similarity >= MISQUOTED_MIN_SIMILARITY)
    {
        return page.finding(Outcome::Misquoted, c, &claim_toks);
    }
    if let Some(c) = candidates
        .iter()
        .find(|c| matches!(c.who, Who::Other(_)) && c.similarity >= MISATTRIBUTED_MIN_SIMILARITY)
    {
        return page.finding(Outcome::Misattributed, c, &claim_toks);
    }
    let near = candidates
        .iter()
        .find(|c| matches!(c.who, Who::Unattributed | Who::Narration) && c.similarity >= MISQUOTED_MIN_SIMILARITY);
    if let Some(c) = near {
        if page.speaker_behind(c.who, c.first) {
            return page.finding(Outcome::Misquoted, c, &claim_toks);
        }
    }
    QuoteFinding {
        similarity: candidates.first().map_or(0.0, |c| c.similarity),
        ..not_found()
    }
}
