//! Every figure as a statement: for each figure of a claim or of a source unit, what it measures, whose it is and
//! when — the frame a fact-checker reads around a number before comparing it.
//!
//! What it is for: telling "a loss of $304.7 million on revenue of $167.4 million" apart as two statements, so a
//! revenue claim meets the revenue figure; telling "Noel … five counts; Thomas … three" apart by whose count it is.
//! What it is not: a parser. It reads the few words around each figure.
//!
//! The key decisions:
//! - A unit is cut into **segments** only between figures, where a new clause with a new subject begins (a `;`, a
//!   spaced dash, or a conjunction or comma followed by a name or a determiner). Figures in one segment share its
//!   words ("U.S. crude fell 3.38% to $55.12" is one statement about U.S. crude); "126 departures and 88 arrivals"
//!   stay one segment, told apart by what each counts.
//! - A figure's **head** is what it is a figure of: the noun it counts ("five counts"), the noun linked to it by
//!   "of", "at", "(", ":" ("a loss of $304.7 million", "Kitas (38,9 Mio. Euro)"), else the noun after "in"/"for"
//!   ("£12m in wages").
//! - A segment's **names** are its capitalised words that are not calendar words or stop words; a sentence's first
//!   word is a name only if the page never writes it in lower case.
//! - Table rows and factbox lines are records: each cell is a segment whose words are its column header's and the
//!   row's first cell's (`records`).

use crate::quantity::Quantity;
use crate::text::{self, lexicon, Token};

/// What a word in the sentence before a figure's counts for, against one in its own segment: half, since the
/// sentence before often names what the next one measures ("… special measures. The Inspectorate acted in June
/// 2022"), and as often moves on.
pub const NEARBY_WEIGHT: f64 = 0.5;

/// A word of a figure's clause this many words from it or fewer is close to it ("… and by six months he felt well
/// again": "felt" is two words from "six months", nine from "within a month").
pub const NEAR_WORDS: usize = 4;
/// What a word further away in the same clause counts for.
pub const FAR_WEIGHT: f64 = 0.75;

/// Words that link a figure to the noun it is a figure of ("revenue of $167.4 million", "profit at £171m"),
/// hedges and copulas that may stand between them, and change words that say how it moved, not what it is.
#[rustfmt::skip]
const LINKS: &[&str] = &[
    "of", "at", "to", "about", "around", "nearly", "almost", "some", "roughly", "approximately", "an", "a", "the",
    "estimated", "was", "were", "is", "are", "be", "been", "totalling", "totaling", "totalled", "totaled", "worth",
    "valued", "by", "more", "than", "over", "under", "just", "only", "stands", "stood", "reached", "its", "their",
    "his", "her", "de", "du", "des", "d", "von", "mit", "auf", "um", "la", "le", "les", "der", "die", "das", "den",
    "rund", "fast", "knapp", "environ", "pres", "soit", "with", "as", "much", "many", "up", "down", "rose", "fell",
    "rise", "fall", "grew", "dropped", "increased", "decreased", "climbed", "jumped", "slipped", "lost", "gained",
    "added", "cut", "raised", "higher", "lower", "fewer", "less", "record", "new", "average", "averaged", "total",
    "all", "another", "additional", "extra", "further", "least", "most", "first", "last", "compared", "with",
    "against", "versus", "vs", "from", "since", "or", "and",
];

/// Words after a figure that introduce what it was spent on or paid for: "£12m in wages", "£40m for the striker".
const RIGHT_LINKS: &[&str] = &["in", "for", "on", "pour", "fur", "en"];

/// Conjunctions that may open a new clause with a new subject.
#[rustfmt::skip]
const CLAUSE_CONJUNCTIONS: &[&str] = &[
    "and", "but", "while", "whilst", "whereas", "although", "though", "compared", "versus", "vs", "against", "et",
    "mais", "alors", "tandis", "und", "aber", "wahrend", "sowie",
];

/// Words that open a part of the figure before: "£386m, of which £141m for restaurants", "dont 141 millions pour
/// la seule restauration", "davon 84 Mio. für Schulen". What follows is the part's, not the whole's.
const PARTITIVES: &[&str] = &["dont", "davon", "darunter", "including", "includes", "included"];

/// Determiners that open a new subject after a conjunction or comma ("…, the S&P 500 lost …").
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "its", "his", "her", "their", "a", "an", "this", "that", "these", "those", "le", "la", "les", "l", "der",
    "die", "das",
];

/// A figure with the frame that says what it states.
#[derive(Debug, Clone)]
pub struct Figure {
    pub q: Quantity,
    /// Index of the unit it stands in (0 for a claim).
    pub unit: usize,
    /// Byte range of its segment in the text it came from.
    pub seg: (usize, usize),
    /// Stems of what it is a figure of.
    pub head: Vec<String>,
    /// Stems of its segment's content words (sorted, distinct), its own words left out.
    pub words: Vec<String>,
    /// Stems of the words within `NEAR_WORDS` of it (sorted, distinct): what it measures, most surely.
    pub near: Vec<String>,
    /// Folded names in its segment (sorted, distinct).
    pub names: Vec<String>,
    /// The names standing before it in its segment (or its row's name): whose figure it is.
    pub subject: Vec<String>,
    /// Stems and names of what its unit continues: a list's lead-in, the sentence an "It …" refers back to.
    pub context: Vec<String>,
    /// Stems of the sentence before its unit: news writing spreads one statement over two sentences, so these
    /// count, at `NEARBY_WEIGHT`, towards what it measures.
    pub nearby: Vec<String>,
    /// Its segment negates what it states.
    pub negated: bool,
    /// The page retracts it (see `corrections`).
    pub superseded: bool,
    /// The figure a correction gives, carrying the retracted statement's frame.
    pub correction: bool,
}

impl Figure {
    /// How much this figure's frame says `w`: 1 in its segment, head or lead-in, `NEARBY_WEIGHT` only in the
    /// sentence before, 0 not at all.
    pub fn weight_of(&self, w: &str) -> f64 {
        let has = |pool: &[String]| pool.iter().any(|x| text::same_word(x, w));
        if has(&self.near) || has(&self.head) || has(&self.context) {
            1.0
        } else if has(&self.words) {
            FAR_WEIGHT
        } else if self.nearby.iter().any(|x| text::same_word(x, w)) {
            NEARBY_WEIGHT
        } else {
            0.0
        }
    }

    /// How much this figure's frame says `w`, its whole clause alike: 1 in its segment, head or lead-in,
    /// `NEARBY_WEIGHT` only in the sentence before, 0 not at all.
    pub fn coverage_of(&self, w: &str) -> f64 {
        if self.has_word(w) {
            1.0
        } else if self.nearby.iter().any(|x| text::same_word(x, w)) {
            NEARBY_WEIGHT
        } else {
            0.0
        }
    }

    pub fn has_word(&self, w: &str) -> bool {
        self.words
            .iter()
            .chain(&self.head)
            .chain(&self.context)
            .any(|x| text::same_word(x, w))
    }
}

/// Whether a token is a name: capitalised, not a calendar word, stop word or title; at the start of a sentence or
/// clause only when it is not a common word there (`common` answers that for a stem: the pages never write it
/// capitalised inside a sentence).
pub fn is_name(t: &Token, initial: bool, common: &dyn Fn(&str) -> bool) -> bool {
    if !t.capital || t.form.chars().all(|c| c.is_ascii_digit()) || lexicon::is_calendar(&t.form) {
        return false;
    }
    if t.acronym {
        // "US", "NHS", "PG&E": a name even where its letters spell a common word.
        return true;
    }
    if lexicon::is_stopword(&t.form) || lexicon::is_abbreviation(&t.form) {
        return false;
    }
    // "Brannock's unemployment rate": a capitalised possessive is an owner's name wherever it stands.
    !(initial && !t.possessive && common(&text::stem(&t.form)))
}

/// Whether the token at `i` opens a sentence or clause: nothing before it but a colon, quote mark or bracket.
pub fn opens(text: &str, toks: &[Token], i: usize) -> bool {
    let before = text[..toks[i].start].trim_end();
    before.is_empty()
        || before.ends_with([
            ':', '"', '\u{201c}', '\u{ab}', '(', '\u{2014}', '\u{2013}', '.', '?', '!',
        ])
}

/// The frames of the figures of one prose unit (`text` is the unit, `base` its offset; `qs` carry offsets in the
/// whole text).
pub fn prose(text: &str, base: usize, unit: usize, qs: &[Quantity], common: &dyn Fn(&str) -> bool) -> Vec<Figure> {
    if qs.is_empty() {
        return Vec::new();
    }
    let toks = text::tokens(text);
    let mut spans: Vec<(usize, usize)> = qs
        .iter()
        .map(|q| {
            (
                q.start.saturating_sub(base).min(text.len()),
                q.end.saturating_sub(base).min(text.len()),
            )
        })
        .collect();
    spans.sort_unstable();
    // A label's names are names of its segment ("the S&P 500" names the S&P); other figures' words are not.
    let valued: Vec<(usize, usize)> = qs
        .iter()
        .filter(|q| !q.is_label())
        .map(|q| {
            (
                q.start.saturating_sub(base).min(text.len()),
                q.end.saturating_sub(base).min(text.len()),
            )
        })
        .collect();
    let in_figure = |t: &Token| spans.iter().any(|&(s, e)| t.start >= s && t.end <= e);
    let in_valued = |t: &Token| valued.iter().any(|&(s, e)| t.start >= s && t.end <= e);
    // Segment boundaries, between consecutive figures.
    let mut cuts = vec![0];
    for pair in spans.windows(2) {
        if let Some(cut) = boundary(text, &toks, pair[0].1, pair[1].0, common) {
            cuts.push(cut);
        }
    }
    cuts.push(text.len());
    let segments: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    let mut out: Vec<Figure> = qs
        .iter()
        .map(|q| {
            let at = q.start.saturating_sub(base);
            let seg = segments
                .iter()
                .copied()
                .find(|&(s, e)| at >= s && at < e)
                .unwrap_or((0, text.len()));
            let inside: Vec<usize> = (0..toks.len())
                .filter(|&i| toks[i].start >= seg.0 && toks[i].end <= seg.1)
                .collect();
            let mut words: Vec<String> = Vec::new();
            let mut names: Vec<String> = Vec::new();
            let mut subject: Vec<String> = Vec::new();
            let mut near: Vec<String> = Vec::new();
            // Positions counted in tokens: the figure's first and last, and each word's place.
            let fig_first = toks.iter().position(|t| t.end > at).unwrap_or(toks.len());
            let fig_last = toks
                .iter()
                .rposition(|t| t.start < q.end.saturating_sub(base))
                .unwrap_or(fig_first);
            for &i in &inside {
                let t = &toks[i];
                if in_valued(t) {
                    continue;
                }
                let label_word = in_figure(t);
                if is_name(t, opens(text, &toks, i), common)
                    && (!label_word || !t.form.chars().any(|c| c.is_ascii_digit()))
                {
                    let name = t.form.trim_end_matches("'s").to_string();
                    // An acronym ("MPS") often stands for a name the claim writes otherwise ("the Met"): it names
                    // the figure's segment but does not make the figure someone else's.
                    if t.end <= at && !t.acronym {
                        subject.push(name.clone());
                    }
                    names.push(name);
                }
                if text::is_content(&t.form) && !label_word {
                    words.push(text::stem(&t.form));
                    // Words within a few words of the figure say what it is more surely than the rest of its clause.
                    let (lo, hi) = (fig_first, fig_last);
                    let gap = if i < lo { lo - i } else { i.saturating_sub(hi) };
                    if gap <= NEAR_WORDS {
                        near.push(text::stem(&t.form));
                    }
                }
            }
            words.sort();
            words.dedup();
            near.sort();
            near.dedup();
            names.sort();
            names.dedup();
            let head = head_of(text, &toks, &inside, at, q.end.saturating_sub(base), q, &spans);
            let negated = negated_near(text, &toks, &inside, at);
            Figure {
                q: q.clone(),
                unit,
                seg: (base + seg.0, base + seg.1),
                head,
                words,
                names,
                subject,
                near,
                context: Vec::new(),
                nearby: Vec::new(),
                negated,
                superseded: false,
                correction: false,
            }
        })
        .collect();
    // A label in a figure's segment ("999 calls", "Boeing 787-9") says what the figure is about: its key is one of
    // the segment's words.
    let labels: Vec<((usize, usize), String)> = out
        .iter()
        .filter(|f| f.q.is_label())
        .map(|f| (f.seg, f.q.label_key()))
        .collect();
    for f in out.iter_mut().filter(|f| !f.q.is_label()) {
        for (seg, key) in &labels {
            if *seg == f.seg && !f.words.contains(key) {
                f.words.push(key.clone());
            }
        }
    }
    // A clause without a subject of its own continues the one before ("X rose 5% and accounted for 20% of sales").
    for i in 1..out.len() {
        if out[i].names.is_empty() && out[i].seg != out[i - 1].seg {
            let carried = out[i - 1].names.clone();
            out[i].names = carried;
        }
    }
    // "from 19 per cent of the budget to 25 per cent": the end of a change is a figure of what its start is.
    for i in 0..out.len() {
        if out[i].q.role == Some(crate::quantity::Role::To) && out[i].head.is_empty() {
            let from = out[..i]
                .iter()
                .rev()
                .find(|f| f.seg == out[i].seg && f.q.role == Some(crate::quantity::Role::From));
            if let Some(head) = from.map(|f| f.head.clone()) {
                out[i].head = head;
            }
        }
    }
    out
}

/// Whether a negation cue stands in the figure's own stretch of its segment: between the clause marks (commas,
/// brackets, dashes) around it, so "officers, who do not meet the standards, … around 300 potential criminals"
/// is not a negated figure while "pleaded not guilty to five counts" is.
fn negated_near(text: &str, toks: &[Token], inside: &[usize], at: usize) -> bool {
    let marks = [',', ';', '(', ')', '\u{2014}', '\u{2013}'];
    let lo = text[..at].rfind(marks).map_or(0, |i| i + 1);
    let hi = text[at..].find(marks).map_or(text.len(), |i| at + i);
    inside
        .iter()
        .map(|&i| &toks[i])
        .filter(|t| t.start >= lo && t.end <= hi)
        .any(|t| lexicon::is_negation(&t.form) || t.form.ends_with("n't"))
}

/// Where a new clause with a new subject starts between two figures (`from..to` is the gap), if it does.
fn boundary(text: &str, toks: &[Token], from: usize, to: usize, common: &dyn Fn(&str) -> bool) -> Option<usize> {
    if to <= from {
        return None;
    }
    let gap = &text[from..to];
    if let Some(i) = gap.rfind(';') {
        return Some(from + i);
    }
    for dash in [" \u{2013} ", " \u{2014} ", " - "] {
        if let Some(i) = gap.rfind(dash) {
            return Some(from + i);
        }
    }
    let inside: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].start >= from && toks[i].end <= to)
        .collect();
    for (k, &i) in inside.iter().enumerate() {
        let t = &toks[i];
        let prev_end = if k == 0 { from } else { toks[inside[k - 1]].end };
        let comma_before = text[prev_end..t.start].contains(',');
        let conj = CLAUSE_CONJUNCTIONS.contains(&t.form.as_str());
        let of_which = t.form == "which" && k > 0 && toks[inside[k - 1]].form == "of";
        if PARTITIVES.contains(&t.form.as_str()) {
            return Some(t.start);
        }
        if of_which {
            return Some(toks[inside[k - 1]].start);
        }
        let next = inside.get(k + 1).map(|&j| &toks[j]);
        let subject_at = |tok: &Token, j: usize| {
            DETERMINERS.contains(&tok.form.as_str()) || is_name(tok, opens(text, toks, j), common)
        };
        // "… and Brent was last at $60.73", "… and dunes (covering 17 percent)": a conjunction, then a new subject or
        // new words before the next figure; not "126 departures and 88 arrivals".
        let words_follow = inside[k + 1..].iter().any(|&j| text::is_content(&toks[j].form));
        if conj && (next.is_some_and(|n| subject_at(n, inside[k + 1])) || words_follow) {
            return Some(t.start);
        }
        // "…, the S&P 500 lost …": a comma, then a determiner and a name (which may be the next figure's own word).
        if comma_before
            && DETERMINERS.contains(&t.form.as_str())
            && toks.get(i + 1).is_some_and(|n| is_name(n, false, common))
        {
            return Some(t.start);
        }
    }
    None
}

/// What a figure is a figure of: its counted noun, the noun linked to it on the left, else on the right.
fn head_of(
    text: &str,
    toks: &[Token],
    inside: &[usize],
    start: usize,
    end: usize,
    q: &Quantity,
    spans: &[(usize, usize)],
) -> Vec<String> {
    let mut head: Vec<String> = q.counts.iter().map(|c| text::stem(&text::fold(c))).collect();
    let is_figure_token = |t: &Token| spans.iter().any(|&(s, e)| t.start >= s && t.end <= e);
    // Left: skip links back to the first content word, stopping at another figure or a clause mark.
    let left: Vec<usize> = inside.iter().copied().filter(|&i| toks[i].end <= start).collect();
    let mut found_left = false;
    let mut linked = false;
    for (n, &i) in left.iter().rev().enumerate() {
        let t = &toks[i];
        let between = &text[t.end..if n == 0 {
            start
        } else {
            toks[left[left.len() - n]].start
        }];
        // A clause mark ends the search, but a comma may stand before a link ("in Dunmere, at 77.4%").
        if between.contains([';', '.', '!', '?']) || (between.contains(',') && !linked) || is_figure_token(t) {
            break;
        }
        if LINKS.contains(&t.form.as_str()) || lexicon::direction(&t.form).is_some() {
            linked |= matches!(t.form.as_str(), "at" | "of" | "to" | "with" | "from");
            continue;
        }
        // A word joined to the figure by a link, a bracket or a colon is what it is a figure of; one standing right
        // before it ("gives £3 million", "scored 31") is the verb that states it.
        let joined = n > 0 || between.contains(['(', ':']);
        if text::is_content(&t.form)
            && !lexicon::is_calendar(&t.form)
            && !lexicon::is_period_word(&t.form)
            && !t.capital
            && joined
        {
            head.push(text::stem(&t.form));
            found_left = true;
            // A compound: "operating profit", "Straßen und Brücken" keeps the word before too.
            if let Some(&p) = left.get(left.len().wrapping_sub(n + 2)) {
                let pt = &toks[p];
                let joined = !text[pt.end..t.start].contains([',', ';', '(']);
                if text::is_content(&pt.form) && !pt.capital && !is_figure_token(pt) && joined {
                    head.push(text::stem(&pt.form));
                }
            }
        }
        break;
    }
    if !found_left && q.counts.is_none() {
        let right: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|&i| toks[i].start >= end)
            .take(3)
            .collect();
        if let Some((k, _)) = right
            .iter()
            .enumerate()
            .find(|(_, &i)| RIGHT_LINKS.contains(&toks[i].form.as_str()))
        {
            if let Some(&w) = right[k + 1..]
                .iter()
                .find(|&&i| !DETERMINERS.contains(&toks[i].form.as_str()))
            {
                if text::is_content(&toks[w].form) && !lexicon::is_calendar(&toks[w].form) {
                    head.push(text::stem(&toks[w].form));
                }
            }
        }
    }
    head.sort();
    head.dedup();
    head
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::{extract, Context};

    fn frames(text: &str) -> Vec<Figure> {
        let qs = extract(text, &Context::default());
        prose(text, 0, 0, &qs, &|_| false)
    }

    fn find<'a>(fs: &'a [Figure], text: &str) -> &'a Figure {
        fs.iter()
            .find(|f| f.q.text.contains(text))
            .unwrap_or_else(|| panic!("no {text} in {fs:#?}"))
    }

    #[test]
    fn a_loss_and_a_revenue_in_one_sentence_have_their_own_heads() {
        let fs = frames("McClatchy reported a loss of $304.7 million on revenue of $167.4 million in the quarter.");
        assert_eq!(find(&fs, "304.7").head, [text::stem("loss")]);
        assert_eq!(find(&fs, "167.4").head, [text::stem("revenue")]);
    }

    #[test]
    fn a_new_subject_after_and_starts_a_new_segment() {
        let fs = frames("U.S. crude CLc1 fell 3.38% to $55.12 per barrel and Brent LCOc1 was last at $60.73, down 2.74% on the day.");
        assert!(find(&fs, "3.38").names.contains(&"us".to_string()));
        assert!(!find(&fs, "3.38").names.contains(&"brent".to_string()));
        assert!(find(&fs, "2.74").names.contains(&"brent".to_string()));
        assert!(!find(&fs, "2.74").names.contains(&"us".to_string()));
        assert_eq!(find(&fs, "55.12").seg, find(&fs, "3.38").seg);
    }

    #[test]
    fn a_semicolon_gives_each_person_their_own_count() {
        let fs =
            frames("Noel, 31, is charged with five counts of falsifying records; Thomas, 41, is charged with three.");
        assert_eq!(find(&fs, "five").names, ["noel"]);
        assert!(find(&fs, "five").head.contains(&"count".to_string()));
    }

    #[test]
    fn counted_nouns_tell_apart_figures_of_one_segment() {
        let fs =
            frames("In total, 214 flights were cancelled today, 126 departures and 88 arrivals, the airport said.");
        assert_eq!(find(&fs, "126").seg, find(&fs, "88").seg);
        assert_eq!(find(&fs, "88").head, [text::stem("arrivals")]);
        assert_eq!(find(&fs, "126").head, [text::stem("departures")]);
    }

    #[test]
    fn a_part_of_a_figure_is_a_segment_of_its_own() {
        for text in [
            "Visitors spent an estimated £386m, of which £141m in restaurants alone.",
            "Les retombées sont estimées à 386 millions d'euros, dont 141 millions pour la seule restauration.",
        ] {
            let fs = frames(text);
            assert_ne!(fs[0].seg, fs[1].seg, "{text}");
            assert!(
                !fs[0].words.iter().any(|w| w.starts_with("restaur")),
                "{text}: {:?}",
                fs[0].words
            );
        }
    }

    #[test]
    fn a_list_of_subjects_after_commas_is_cut_at_each() {
        let fs = frames("The Dow fell 102.2 points, or 0.36%, to 27,934.02, the S&P 500 .SPX lost 1.85 points, or 0.06%, to 3,120.18.");
        assert_ne!(find(&fs, "0.36").seg, find(&fs, "0.06").seg);
        assert_eq!(find(&fs, "102.2").seg, find(&fs, "0.36").seg);
        assert!(find(&fs, "0.06").names.contains(&"s&p".to_string()));
    }
}
