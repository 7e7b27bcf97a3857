//! Reading an attribution: who a speech verb, a dash line or a colon near a quotation names as its speaker.
//!
//! What it is for: the phrase before a quotation (`Home Secretary Yvette Cooper said: “`, `Trump attacked Clinton,
//! saying, “`), after it (`,” said Mr Butt.`, `,” Mayer, Disney’s chairman, said`, `», a déclaré Jean-Marc
//! Delorme`, `” — Jane Doe`), and the claim written as `X said “…”`. What it is not for: pairing quote marks or
//! carrying a speaker from block to block (`extraction.rs`), or resolving a mention to a person (`speakers.rs`).
//! The key decision: every rule reads words and their punctuation against the tables in `tables.rs` (speech verbs,
//! participles, titles, roles), never a name; each rule has a test in `tests.rs`.

use super::extraction::is_opening;
use super::names::{breaks_after, mention_at_end, Mention};
use super::tables;
use super::text::{words, Word};

/// Where a speech verb starts in `ws` at `i`: its length in words.
pub(super) fn speech_verb_at(ws: &[Word<'_>], i: usize) -> Option<usize> {
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

/// The words of a clause after its determiner, and how many of them open it as a name or role phrase (capitalised
/// or role words, up to a breaking punctuation mark): where a clause's subject stands.
fn leading_run<'a, 'w>(ws: &'a [Word<'w>]) -> (&'a [Word<'w>], usize) {
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
    (head, run)
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
        let (head, run) = leading_run(seg);
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
    let (head, run) = leading_run(ws);
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
pub(super) fn dash_attribution(text: &str, ws: &[Word<'_>]) -> Option<(Mention, usize)> {
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
