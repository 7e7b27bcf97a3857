//! Finding the quotations of a page and who said each.
//!
//! A page's blocks are read in order. In each block the double quote marks (curly, straight, guillemets) are paired
//! into spans; an opening mark with no closing one runs to the end of the block and, when the next block opens with
//! a mark, carries its speaker into it (newspaper continuation paragraphs). A `Blockquote` block is a quotation as a
//! whole, attributed by a `— Name` line inside or after it. Each span's speaker comes from, in order: an attribution
//! right after it (`,” said Mr Butt.`, `,” he said.`), a speech verb earlier in its sentence (`Sir Mark added: “`,
//! `Sir Mark said exit … is “`), the open quotation it continues, an earlier quotation of the same paragraph, or a
//! quotation paragraph just before it. Names resolve to the fullest form on the page through `speakers::People`.

use super::names::{breaks_after, mention_at_end, Mention};
use super::speakers::{People, Sex};
use super::tables;
use super::text::{sentence_around, words, Word};
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

fn is_opening(c: char) -> bool {
    tables::OPENING_MARKS.contains(&c)
}

fn is_closing(c: char) -> bool {
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

/// Where a speech verb starts in `ws` at `i`: its length in words.
fn speech_verb_at(ws: &[Word<'_>], i: usize) -> Option<usize> {
    // a capitalised `States` or `Says` mid-sentence is a name; only `According to`, `Selon` open a sentence
    if ws
        .get(i)
        .is_some_and(|w| w.is_capitalised() && !tables::contains(tables::OPENING_SPEECH_WORDS, w.text))
    {
        return None;
    }
    tables::SPEECH_VERBS.iter().find_map(|verb| {
        let parts: Vec<&str> = verb.split(' ').collect();
        let fits = parts
            .iter()
            .enumerate()
            .all(|(k, p)| ws.get(i + k).is_some_and(|w| w.lower().replace('\u{2019}', "'") == *p));
        fits.then_some(parts.len())
    })
}

/// The best subject among the comma-separated segments of `ws` (last first): a person's name or a pronoun, else a
/// role, else anything mention-like.
fn subject_before(ws: &[Word<'_>]) -> Option<(Mention, usize)> {
    let mut end = ws.len();
    while end > 0 && tables::contains(tables::VERB_MODIFIERS, ws[end - 1].text) {
        end -= 1;
    }
    let mut fallback = None;
    for _ in 0..3 {
        if end == 0 {
            break;
        }
        // `a spokesperson for Inherent Resolve`: a name after a preposition is an organisation, not the subject
        let after_preposition = |m: &Mention| {
            m.len < end
                && matches!(
                    ws[end - m.len - 1].lower().as_str(),
                    "for" | "of" | "at" | "from" | "with" | "by"
                )
        };
        // `Zippy Duvall, the president of the American Farm Bureau, said`: skip the apposition
        let seg_start = ws[..end - 1]
            .iter()
            .rposition(|w| w.punct_after == Some(','))
            .map_or(0, |p| p + 1);
        let apposition = seg_start > 0
            && tables::contains(tables::DETERMINERS, ws[seg_start].text)
            && ws.get(seg_start + 1).is_some_and(|w| !w.is_capitalised());
        if let Some(m) = mention_at_end(&ws[..end]).filter(|m| !after_preposition(m) && !apposition) {
            let at = ws[end - 1].start;
            if m.is_name() || m.pronoun {
                return Some((m, at));
            }
            if fallback.is_none() {
                fallback = Some((m, at));
            }
        }
        // the segment before the previous comma (`Jane Doe, chief executive of Acme, said`)
        end -= 1;
        while end > 0 && ws[end - 1].punct_after != Some(',') {
            end -= 1;
        }
    }
    fallback
}

/// How many of `ws` form a name or role phrase (`a WeWork spokesperson` in `a WeWork spokesperson when contacted`):
/// up to the first punctuation, or the first lower-case word that is not a title, role, particle or determiner.
fn phrase_len(ws: &[Word<'_>]) -> usize {
    let part = |w: &Word<'_>| {
        w.is_capitalised()
            || [
                tables::TITLES,
                tables::ROLE_WORDS,
                tables::NAME_PARTICLES,
                tables::DETERMINERS,
            ]
            .iter()
            .any(|t| tables::contains(t, w.text))
    };
    let mut n = 0;
    while n < ws.len().min(8) && part(&ws[n]) {
        n += 1;
        if breaks_after(&ws[n - 1]) {
            break;
        }
    }
    n
}

/// Attribution in the words after a speech verb (`said Mr Butt: “`, `according to his aunt, Jane Starner, “`):
/// the first comma-separated segment that names a person, else the first role.
fn subject_after(ws: &[Word<'_>]) -> Option<(Mention, usize)> {
    let mut fallback = None;
    let mut from = 0;
    for _ in 0..3 {
        let end = ws[from..]
            .iter()
            .position(|w| w.punct_after == Some(','))
            .map_or(ws.len(), |p| from + p + 1);
        let seg = &ws[from..end];
        if seg.is_empty() || seg.len() > 8 {
            break;
        }
        // the whole segment must be the phrase: `said Jones was “…”` is Smith's words about Jones
        let whole = phrase_len(seg) == seg.len();
        if let Some(m) = mention_at_end(seg).filter(|_| whole) {
            if m.is_name() {
                return Some((m, seg[0].start));
            }
            if fallback.is_none() && (!m.roles.is_empty() || m.names.len() == 1) {
                fallback = Some((m, seg[0].start));
            }
        }
        if end == ws.len() {
            break;
        }
        from = end;
    }
    fallback
}

/// Speaker named before the quotation in its sentence (`Home Secretary Yvette Cooper said: “`).
/// `said the Minister “has promised …”`: the phrase after the verb runs into a quotation that opens in lower case,
/// so it is the subject of the quoted words, not their speaker.
pub(super) fn attribution_before(text: &str, from: usize, to: usize) -> Option<(Mention, usize)> {
    let ws = words(text, from, to);
    let quoted_subject = ws
        .last()
        .is_some_and(|w| text[w.end..to].chars().all(char::is_whitespace) && !w.possessive)
        && text[to..]
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
    for v in (0..ws.len()).rev() {
        if tables::contains(tables::PARTICIPLE_SPEECH_VERBS, ws[v].text) && !ws[v].is_capitalised() {
            return participle_subject(&ws[..v]);
        }
        let Some(len) = speech_verb_at(&ws, v) else {
            continue;
        };
        let object_verb = tables::contains(tables::OBJECT_VERBS, ws[v].text);
        let after = &ws[v + len..];
        let subject_of_quote = quoted_subject && !after.is_empty();
        if let Some(found) = subject_after(after).filter(|_| !object_verb && !subject_of_quote) {
            return Some(found);
        }
        return subject_before(&ws[..v]);
    }
    colon_subject(text, &ws, to)
}

/// The speaker of a speech participle (`ws` are the words before it): the name right before it (`footage of Hillary
/// Clinton asking, “…”`), else the subject opening the nearest clause before it (`During the speech, Trump attacked
/// Clinton for her record, saying, “…”`; `House Speaker Paul Ryan, R-Wis., despite admitting …`).
fn participle_subject(ws: &[Word<'_>]) -> Option<(Mention, usize)> {
    let last = ws.last()?;
    if last.punct_after.is_none() && last.is_capitalised() {
        if let Some(m) = mention_at_end(ws).filter(Mention::is_name) {
            return Some((m, last.start));
        }
    }
    let mut end = ws.len();
    for _ in 0..4 {
        let start = ws[..end.saturating_sub(1)]
            .iter()
            .rposition(|w| w.punct_after == Some(','))
            .map_or(0, |p| p + 1);
        let seg = &ws[start..end];
        // `Robby Mook said as much in an interview, arguing that …`: the speaker of the clause's own speech verb
        if let Some(v) = (1..seg.len()).find(|&v| speech_verb_at(seg, v).is_some()) {
            return subject_before(&seg[..v]);
        }
        let skip = usize::from(
            seg.first()
                .is_some_and(|w| tables::contains(tables::DETERMINERS, w.text)),
        );
        let head = &seg[skip..];
        let mut run = 0;
        while run < head.len() && (head[run].is_capitalised() || tables::is_role_word(head[run].text)) {
            run += 1;
            if breaks_after(&head[run - 1]) {
                break;
            }
        }
        // a lone surname only as the subject of a clause (`Trump attacked …`), never a tag (`R-Wis.`)
        if let Some(m) = mention_at_end(&head[..run])
            .filter(|m| !m.names.is_empty() && (m.is_name() || seg.len() > run + 1) && !head[run - 1].possessive)
        {
            return Some((m, head[0].start));
        }
        if start == 0 {
            break;
        }
        end = start;
    }
    None
}

/// `Kämmerin Dr. Ulrike Brandstätter verteidigte den Entwurf: „…“`, `Smith was blunt: “…”`: a sentence that names a
/// person as its subject and ends with a colon introduces that person's words.
fn colon_subject(text: &str, ws: &[Word<'_>], to: usize) -> Option<(Mention, usize)> {
    let last = ws.last()?;
    if !text[last.end..to].trim().ends_with(':') {
        return None;
    }
    let skip = usize::from(
        ws.first()
            .is_some_and(|w| tables::contains(tables::DETERMINERS, w.text)),
    );
    let head = &ws[skip..];
    let mut run = 0;
    while run < head.len() && (head[run].is_capitalised() || tables::is_role_word(head[run].text)) {
        run += 1;
        if breaks_after(&head[run - 1]) {
            break;
        }
    }
    // `Smith's response was swift:` is not Smith speaking
    if run == 0 || head[run - 1].possessive {
        return None;
    }
    let m = mention_at_end(&head[..run]).filter(Mention::is_name)?;
    Some((m, head[0].start))
}

/// Speaker named just after the quotation (`,” said Mr Butt.`, `,” he said.`, `” — Jane Doe`,
/// `,” Mayer, Disney’s chairman, said`). `closed`: the quotation ended its own sentence with a full stop, so only
/// a bare `Name said.` may follow as its attribution.
pub(super) fn attribution_after(text: &str, from: usize, to: usize, closed: bool) -> Option<(Mention, usize)> {
    let gap_end = text[from..to]
        .find(|c: char| c.is_alphanumeric())
        .map_or(to, |p| from + p);
    let gap = &text[from..gap_end];
    if gap
        .chars()
        .any(|c| !(c.is_whitespace() || ",;:".contains(c) || tables::ATTRIBUTION_DASHES.contains(&c)))
    {
        return None;
    }
    let ws = words(text, gap_end, to);
    if gap.contains(tables::ATTRIBUTION_DASHES) {
        // `” — Jane Doe, minister` ends the sentence; `” — Steenburgen wasn’t thrilled…` goes on as a clause
        let (m, at) = dash_attribution(text, &ws)?;
        let rest = ws.len().saturating_sub(m.len.max(1));
        return (rest <= 6).then_some((m, at));
    }
    if closed && ws.first().is_some_and(Word::is_capitalised) {
        // `“It works.” She said residents…` is a new sentence; `“It works.” Mayer said.` is not
        let v = (1..ws.len().min(4)).find(|&v| speech_verb_at(&ws, v).is_some())?;
        if ws.len() > v + 1 || ws[v].punct_after.is_some_and(|p| p != '.') {
            return None;
        }
    }
    if let Some(len) = speech_verb_at(&ws, 0) {
        if tables::contains(tables::OBJECT_VERBS, ws[0].text) {
            return None;
        }
        // `», s’est félicité le président du CDT, Jean-Marc Delorme.`: a role, then the name in apposition; else
        // the phrase the verb starts (`said a WeWork spokesperson when contacted`)
        let rest = &ws[len..];
        if let Some(found) = subject_after(rest).filter(|(m, _)| m.is_name()) {
            return Some(found);
        }
        // `said 9/11 widow Terry Strada.`: a short phrase that ends in a full name
        let ends = |w: &Word<'_>| matches!(w.punct_after, Some(',' | ';' | ':' | '.' | '!' | '?')) && breaks_after(w);
        let phrase = rest
            .iter()
            .position(ends)
            .map_or(rest.len(), |p| p + 1)
            .min(MAX_DESCRIBED_NAME_WORDS + 1);
        if let Some(m) = mention_at_end(&rest[..phrase]).filter(|m| m.is_name() && phrase <= MAX_DESCRIBED_NAME_WORDS) {
            return Some((m, rest.first()?.start));
        }
        let m = mention_at_end(&rest[..phrase_len(rest)])?;
        return Some((m, rest.first()?.start));
    }
    let limit = ws.len().min(9);
    if let Some(v) = (1..limit).find(|&v| speech_verb_at(&ws, v).is_some()) {
        // `Mr. Morgan of the Sierra Club said`: the organisation after the name is not the subject
        let of = (1..v).find(|&p| {
            matches!(ws[p].text, "of" | "at" | "from" | "with")
                && ws[p - 1].is_capitalised()
                && ws[p - 1].punct_after.is_none()
        });
        let subject = &ws[..of.unwrap_or(v)];
        let v = subject.len();
        let clause = |w: &Word<'_>| tables::contains(tables::CONJUNCTIONS, w.text);
        let inner_punct = subject[..v - 1].iter().any(|w| w.punct_after.is_some_and(|p| p != '.'));
        // `“A” and Tom Roe said: “B”`: the verb introduces the next quotation
        let verb = of.map_or(v, |_| {
            (v..ws.len()).find(|&k| speech_verb_at(&ws, k).is_some()).unwrap_or(v)
        });
        let after_verb = text[ws[verb].end..].trim_start();
        let introduces = after_verb.starts_with(':') || after_verb.starts_with(is_opening);
        if !introduces && subject.len() <= 5 && !subject.iter().any(clause) && !inner_punct {
            return subject_before(subject);
        }
        // `” chairman, CEO and president Craig Menear said`: a full name right before the verb
        if let Some(m) = mention_at_end(subject).filter(|m| m.is_name() && !introduces) {
            return Some((m, subject[0].start));
        }
    }
    // `Mayer, Disney’s chairman of direct-to-consumer, said`: a name, an apposition, then the verb
    // (`Mitch McConnell, R-Ky., said`: the comma may follow a full stop)
    let comma_after = |k: usize| {
        let gap_end = ws.get(k + 1).map_or(to, |n| n.start);
        ws[k].punct_after == Some(',') || text[ws[k].end..gap_end].contains(',')
    };
    let comma = (0..ws.len().min(8)).find(|&k| comma_after(k))?;
    let m = mention_at_end(&ws[..=comma]).filter(|m| m.is_name() || (comma == 0 && m.names.len() == 1))?;
    // (the comma before the verb is often missing: `Kurinji Selvaraj, a research analyst at the … think tank told
    // CBS News.`)
    let verb = (comma + 2..ws.len().min(comma + 32)).find(|&k| speech_verb_at(&ws, k).is_some())?;
    // a speech verb inside the apposition is another attribution, unless a determiner makes it a noun (`one of the
    // states suing the EPA`)
    let inner_verb = (comma + 1..verb).any(|k| {
        tables::contains(tables::SPEECH_VERBS, ws[k].text) && !tables::contains(tables::DETERMINERS, ws[k - 1].text)
    });
    (!inner_verb).then(|| (m, ws[0].start))
}

/// `— Jane Doe, chief executive` → Jane Doe.
fn dash_attribution(text: &str, ws: &[Word<'_>]) -> Option<(Mention, usize)> {
    // the name is the leading capitalised run (`— Governor Kristi Noem (@govkristinoem) November 18`)
    let name_like =
        |w: &Word<'_>| w.is_capitalised() || tables::contains(tables::NAME_PARTICLES, w.text) && w.text.len() < 4;
    let joined = |k: usize| {
        k == 0
            || text[ws[k - 1].end..ws[k].start]
                .chars()
                .all(|c| c.is_whitespace() || c == '.')
    };
    let run = (0..ws.len())
        .find(|&k| !name_like(&ws[k]) || !joined(k))
        .unwrap_or(ws.len());
    let cut = ws.iter().position(breaks_after).map_or(ws.len(), |p| p + 1).min(run);
    if cut == 0 || cut > 8 {
        return None;
    }
    let m = mention_at_end(&ws[..cut])?;
    Some((m, ws[0].start))
}

/// A name phrase after a speech verb may carry this many words of description before the name (`said 9/11 widow
/// Terry Strada`, `said longtime union organiser Jane Doe`).
const MAX_DESCRIBED_NAME_WORDS: usize = 6;

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
