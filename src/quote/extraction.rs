//! Finding the quotations of a page and who said each.
//!
//! A page's blocks are read in order. In each block the double quote marks (curly, straight, guillemets) are paired
//! into spans; an opening mark with no closing one runs to the end of the block and, when the next block opens with
//! a mark, carries its speaker into it (newspaper continuation paragraphs). A `Blockquote` block is a quotation as a
//! whole, attributed by a `— Name` line inside or after it. Each span's speaker comes from, in order: an attribution
//! right after it (`,” said Mr Butt.`, `,” he said.`), a speech verb earlier in its sentence (`Sir Mark added: “`,
//! `Sir Mark said exit … is “`), the open quotation it continues, an earlier quotation of the same paragraph, or a
//! quotation paragraph just before it (the attribution phrases themselves are read in `attribution.rs`). On a
//! transcript, each contribution is a quotation of its label's speaker (`transcript.rs`). Names resolve to the
//! fullest form on the page through `speakers::People`.

use super::attribution::{attribution_after, attribution_before, dash_attribution, speech_verb_at};
use super::names::Mention;
use super::speakers::{People, Sex};
use super::tables;
use super::text::{sentence_around, words};
use super::transcript;
use super::Quotation;
use crate::extract::{BlockKind, Document};

/// A quoted span in one block: `start..end` are the quoted words, without the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    /// Byte of the opening mark.
    open: usize,
    start: usize,
    end: usize,
    /// Byte just after the closing mark; `None` when the block ended first.
    close_end: Option<usize>,
}

pub(super) fn is_opening(c: char) -> bool {
    tables::OPENING_MARKS.contains(&c)
}

pub(super) fn is_closing(c: char) -> bool {
    tables::CLOSING_MARKS.contains(&c)
}

fn trim_range(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    start += slice.len() - slice.trim_start().len();
    end -= slice.len() - slice.trim_end().len();
    (start, end.max(start))
}

/// Pairs the double quote marks of `text[lo..hi]` into spans.
fn mark_spans(text: &str, lo: usize, hi: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let chars: Vec<(usize, char)> = text[lo..hi].char_indices().map(|(i, c)| (lo + i, c)).collect();
    let push = |spans: &mut Vec<Span>, o: usize, s: usize, e: usize, close_end: Option<usize>| {
        let (start, end) = trim_range(text, s, e);
        if text[start..end].chars().any(char::is_alphanumeric) {
            spans.push(Span {
                open: o,
                start,
                end,
                close_end,
            });
        }
    };
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        let after = i + c.len_utf8();
        if c == '"' {
            let prev_space = prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}-/:".contains(p));
            let next_space = next.is_none_or(char::is_whitespace);
            match open {
                None if !next_space && (prev_space || prev.is_some_and(|p| !p.is_alphanumeric())) => {
                    open = Some((i, after));
                }
                Some((o, s)) => {
                    push(&mut spans, o, s, i, Some(after));
                    open = None;
                }
                None => {}
            }
        } else if open.is_some_and(|(o, _)| tables::closes_low_opening(text[o..].chars().next(), c)) {
            // German `„…“`: the low opening mark closes with what opens an English quotation
            if let Some((o, s)) = open.take() {
                push(&mut spans, o, s, i, Some(after));
            }
        } else if is_opening(c) {
            if let Some((o, s)) = open {
                // an unclosed quotation followed by a new one: end the first where the second opens
                push(&mut spans, o, s, i, None);
            }
            open = Some((i, after));
        } else if is_closing(c) {
            if let Some((o, s)) = open.take() {
                push(&mut spans, o, s, i, Some(after));
            }
        }
    }
    if let Some((o, s)) = open {
        push(&mut spans, o, s, hi, None);
    }
    spans
}

/// Reading state carried from block to block.
#[derive(Default)]
struct Reader {
    /// Speaker of a quotation left open at the end of the previous block.
    carry: Option<Option<String>>,
    /// Speaker of the last quotation of the previous block, when it had one.
    previous_block: Option<Option<String>>,
    /// The last named speaker and where it was named, for `he said`.
    last_named: Option<(String, usize)>,
    /// Byte ranges of the quotations read so far (names inside them are not antecedents).
    quoted: Vec<(usize, usize)>,
}

impl Reader {
    fn resolve(&mut self, people: &People, found: (Mention, usize), lo: usize) -> Option<String> {
        let (m, at) = found;
        if m.pronoun {
            // `he said`: the person named last before it (outside quotations), or the last named speaker
            // `she said` only refers to someone who can be `she`
            let sex = Sex::of_word(&m.raw);
            let named = people.mentioned_before(lo, at, &self.quoted, sex);
            let last = self.last_named.as_ref().filter(|l| people.agrees(&l.0, sex));
            // a sentence subject named after the last speaker wins; a name in passing does not
            let speaker = match (named, last) {
                (Some(n), Some(l)) if l.1 > n.0 || !n.2 => Some(l.0.clone()),
                (Some(n), _) => Some(n.1),
                (None, Some(l)) => Some(l.0.clone()),
                // nobody fitting nearby: the last fitting person named anywhere before, else the last speaker
                (None, None) => people
                    .mentioned_before(0, at, &self.quoted, sex)
                    .filter(|_| sex.is_some())
                    .map(|n| n.1)
                    .or_else(|| self.last_named.as_ref().map(|l| l.0.clone())),
            };
            if let Some(s) = &speaker {
                self.last_named = Some((s.clone(), at));
            }
            return speaker;
        }
        let speaker = people.resolve(&m, at, None);
        if let Some(s) = speaker.as_ref().filter(|_| !m.names.is_empty() || !m.roles.is_empty()) {
            self.last_named = Some((s.clone(), at));
        }
        speaker
    }

    fn blockquote(&mut self, people: &People, doc: &Document, b: usize, out: &mut Vec<Quotation>) {
        let block = &doc.blocks[b];
        let text = &doc.text;
        let body = text[block.start..block.end].trim_start();
        if body.starts_with(tables::ATTRIBUTION_DASHES) {
            // the `— Name` line of the blockquote before: an attribution, not a quotation
            return;
        }
        if mark_spans(text, block.start, block.end)
            .first()
            .is_some_and(|s| !text[block.start..s.open].trim().is_empty())
        {
            // a quoted passage that itself reports speech (`He told the BBC: “…”`): read it like a paragraph
            return self.paragraph(people, doc, b, out);
        }
        let (mut qs, mut qe) = (block.start, block.end);
        let last_line = text[qs..qe].rfind('\n').map_or(qs, |p| qs + p + 1);
        let dash = text[last_line..qe]
            .char_indices()
            .find(|&(i, c)| {
                tables::ATTRIBUTION_DASHES.contains(&c)
                    && (i == 0 || text[..last_line + i].ends_with(|p: char| p.is_whitespace() || is_closing(p)))
            })
            .map(|(i, _)| last_line + i);
        let mut found = dash.and_then(|d| {
            let ws = words(text, d, qe);
            dash_attribution(text, &ws).filter(|_| qe - d < 160)
        });
        if found.is_some() {
            qe = dash.unwrap_or(qe);
        } else if let Some(next) = doc.blocks.get(b + 1) {
            let line = text[next.start..next.end].trim_start();
            if line.starts_with(tables::ATTRIBUTION_DASHES) && line.len() < 160 {
                found = dash_attribution(text, &words(text, next.start, next.end));
            }
        }
        if found.is_none() && b > 0 {
            let prev = &doc.blocks[b - 1];
            if text[prev.start..prev.end].trim_end().ends_with(':') {
                let (s, _) = sentence_around(text, prev.start, prev.end, prev.end.saturating_sub(1));
                found = attribution_before(text, s, prev.end);
            }
        }
        (qs, qe) = trim_range(text, qs, qe);
        while let Some(c) = text[qs..qe].chars().next().filter(|&c| is_opening(c) || is_closing(c)) {
            qs += c.len_utf8();
        }
        while let Some(c) = text[qs..qe]
            .chars()
            .next_back()
            .filter(|&c| is_opening(c) || is_closing(c))
        {
            qe -= c.len_utf8();
        }
        (qs, qe) = trim_range(text, qs, qe);
        let speaker = found.and_then(|f| self.resolve(people, f, lookback_start(doc, b)));
        self.quoted.push((qs, qe));
        if qs < qe {
            out.push(Quotation {
                start: qs,
                end: qe,
                speaker: speaker.clone(),
            });
        }
        self.carry = None;
        self.previous_block = Some(speaker);
    }

    fn paragraph(&mut self, people: &People, doc: &Document, b: usize, out: &mut Vec<Quotation>) {
        let block = &doc.blocks[b];
        let text = &doc.text;
        let spans = mark_spans(text, block.start, block.end);
        let opens_block = |s: &Span| text[block.start..s.open].trim().is_empty();
        self.quoted.extend(spans.iter().map(|s| (s.start, s.end)));
        let mut speakers: Vec<Option<String>> = Vec::with_capacity(spans.len());
        let mut explicit = vec![false; spans.len()];
        // where the text after the previous quotation stops belonging to it (after its `, Tom Harper said`)
        let mut consumed = block.start;
        for (k, s) in spans.iter().enumerate() {
            let from = k
                .checked_sub(1)
                .map_or(block.start, |p| spans[p].close_end.unwrap_or(spans[p].end))
                .max(consumed);
            let (sentence_start, _) = sentence_around(text, block.start, block.end, s.open);
            let limit = spans.get(k + 1).map_or(block.end, |n| n.open);
            let sentence_end = s
                .close_end
                .map(|c| sentence_around(text, block.start, block.end, c).1.min(limit));
            let closed = text[s.start..s.end].ends_with('.');
            let after = s
                .close_end
                .zip(sentence_end)
                .and_then(|(c, e)| attribution_after(text, c, e.max(c), closed));
            if let (Some(c), Some((_, at))) = (s.close_end, &after) {
                // the attribution's verb ends what the next quotation's lead-in may use
                let ws = words(text, c, limit.max(c));
                consumed = ws.iter().position(|w| w.start >= *at).map_or(*at, |p| {
                    (p..ws.len())
                        .find(|&v| speech_verb_at(&ws, v).is_some())
                        .map_or(*at, |v| ws[v].end)
                });
                consumed = consumed.max(*at).max(c);
            }
            let found = after.or_else(|| attribution_before(text, sentence_start.max(from), s.open));
            let speaker = if let Some(f) = found {
                explicit[k] = true;
                self.resolve(people, f, lookback_start(doc, b))
            } else if k == 0 && opens_block(s) {
                match (&self.carry, &self.previous_block) {
                    (Some(carried), _) => carried.clone(),
                    (None, Some(previous)) => previous.clone(),
                    (None, None) => None,
                }
            } else {
                // a later quotation of the paragraph continues the speaker only across a short gap or a sentence
                // the last quotation before it with a speaker, over short titles in between (`on Fox News’s “Fox
                // and Friends.” “I mean, …”`)
                let short = |q: usize| {
                    speakers[q].is_none() && text[spans[q].start..spans[q].end].split_whitespace().count() < 4
                };
                let p = (0..k).rev().find(|&q| !short(q));
                p.and_then(|p| {
                    let q = k - 1;
                    let gap = text[spans[q].close_end.unwrap_or(spans[q].end)..s.open].trim();
                    let new_sentence = gap.is_empty() || gap.ends_with(['.', ':', '!', '?', ',']);
                    // a short title mid-sentence (`the Chicago set of “Fargo,”`) is not more of the quotation
                    let title = !new_sentence && text[s.start..s.end].split_whitespace().count() < 4;
                    let continues = (gap.len() <= 80 || new_sentence) && !title;
                    speakers[p].clone().filter(|_| continues)
                })
            };
            speakers.push(speaker);
        }
        // `“First sentence.” “Second,” he said.`: a paragraph-opening quotation takes the paragraph's attribution
        if let Some(first) = spans.first() {
            if speakers[0].is_none() && self.carry.is_none() && opens_block(first) {
                if let Some(k) = (1..spans.len()).find(|&k| explicit[k]) {
                    let speaker = speakers[k].clone();
                    for s in &mut speakers[..k] {
                        s.clone_from(&speaker);
                    }
                }
            }
        }
        for (s, speaker) in spans.iter().zip(&speakers) {
            out.push(Quotation {
                start: s.start,
                end: s.end,
                speaker: speaker.clone(),
            });
        }
        let last_open = spans.last().is_some_and(|s| s.close_end.is_none());
        let next_opens = doc
            .blocks
            .get(b + 1)
            .is_some_and(|n| text[n.start..n.end].starts_with(is_opening));
        self.carry = (last_open && next_opens).then(|| speakers.last().cloned().flatten());
        self.previous_block = (!spans.is_empty()).then(|| speakers.last().cloned().flatten());
    }
}

/// Start of the text a pronoun may look back into: the previous block.
fn lookback_start(doc: &Document, b: usize) -> usize {
    doc.blocks[b.saturating_sub(1)].start
}

/// Every quotation on the page with its speaker, in text order. On a transcript each contribution's words are a
/// quotation of its speaker, and a quotation in quote marks inside them keeps its own speaker when it has one.
pub fn quotations(doc: &Document) -> Vec<Quotation> {
    let people = People::scan(doc);
    let mut reader = Reader::default();
    let mut out = Vec::new();
    let turns = transcript::turns(doc, people.labels());
    for (b, block) in doc.blocks.iter().enumerate() {
        match block.kind {
            BlockKind::Blockquote => reader.blockquote(&people, doc, b, &mut out),
            BlockKind::Heading | BlockKind::TableRow | BlockKind::Preformatted => {
                reader.carry = None;
                reader.previous_block = None;
            }
            _ => reader.paragraph(&people, doc, b, &mut out),
        }
    }
    if turns.is_empty() {
        return out;
    }
    let spans: Vec<(usize, usize)> = turns.iter().flat_map(|t| t.spans.iter().copied()).collect();
    out.retain(|q| q.speaker.is_some() || !spans.iter().any(|&(s, e)| s <= q.start && q.end <= e));
    for turn in &turns {
        let speaker = people.label_speaker(&turn.label);
        for &(s, e) in &turn.spans {
            let (start, end) = trim_range(&doc.text, s, e);
            if start < end {
                out.push(Quotation {
                    start,
                    end,
                    speaker: Some(speaker.clone()),
                });
            }
        }
    }
    out.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    out
}
