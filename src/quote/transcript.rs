//! Transcripts: contributions whose speaker is given only by a label, with no quote marks.
//!
//! A debate's official report heads each speech with its speaker (`The Minister for Transport (Owen Farrant)`,
//! later just `Owen Farrant`; `Gethin Morrow (Felling Moor) (Lab)`; `The Presiding Officer`), and a broadcast
//! interview opens each turn with a label (`PRESENTER:`, `CARYS PENNOCK:`, `Members: Hear, hear.`). Everything
//! under a heading label, or after an inline label, up to the next label is that speaker's words — interjections
//! such as `[Interruption.]` included, and words said *about* someone else (`I will take no lessons from her`) too.
//!
//! What it is not for: quotations in quote marks (`extraction.rs`), or deciding who a name or role is (`speakers.rs`
//! binds a label's role to its name, so `PRESENTER` becomes the presenter the programme's credit line names).
//!
//! The key decision: a page is read as a transcript only when it shows the shape no news story has — at least two
//! labels, one of them in a form only transcripts use (a name or role followed by parentheses, a role standing alone
//! as a label, or a name in capitals before a colon) and some label used twice or three labels in all. So a list of
//! `Name: charges` lines, a sports page's `Lakers:` notes or a live blog's `Correction:` are never turns.

use super::names::{mention_at_end, Mention};
use super::tables;
use super::text::words;
use crate::extract::{BlockKind, Document};

/// A label has at most this many words before its parentheses (`The Deputy Minister for Children and Families`).
const MAX_LABEL_WORDS: usize = 8;
/// An inline label ends with a colon within this many bytes of its block's start (`The Deputy Minister for Climate
/// Change and Rural Affairs (Jane Smith):` is 70).
const MAX_INLINE_LABEL_BYTES: usize = 100;
/// A paragraph standing alone as a heading label has at most this many words (parentheses included).
const MAX_HEADER_WORDS: usize = 14;

/// A contribution label as written: whom it names and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The person the label names (`Owen Farrant`; `Carys Pennock` for `CARYS PENNOCK`), when it names one.
    pub person: Option<Mention>,
    /// Role words, lower case, the head last (`transport`, `minister` for `The Minister for Transport`).
    pub roles: Vec<String>,
    /// The label as written, in title case without its determiner (`Presenter`, `Members`), shown when nobody
    /// holds the role on the page.
    pub raw: String,
    /// Written in a form only a transcript uses.
    pub strong: bool,
}

/// Where a label stands and where the words it labels begin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    pub label: Label,
    /// Index of the block holding the label.
    pub block: usize,
    /// Byte where the label is written.
    pub at: usize,
    /// Byte where the labelled words begin in that block (after the colon), or `None` for a heading label whose
    /// words are the blocks after it.
    pub words_from: Option<usize>,
}

/// One contribution: who, and the byte ranges of its words (one per block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Turn {
    pub label: Placed,
    pub spans: Vec<(usize, usize)>,
}

/// `ALL CAPS` words in title case (`CARYS PENNOCK` → `Carys Pennock`); other text as it is.
fn title_case(text: &str) -> String {
    if text.chars().any(char::is_lowercase) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '\u{2019}';
    }
    out
}

/// The part before the parentheses and the parenthesised groups (`Gethin Morrow (Felling Moor) (Lab)`).
fn split_groups(text: &str) -> Option<(&str, Vec<&str>)> {
    let Some(open) = text.find('(') else {
        return Some((text.trim(), Vec::new()));
    };
    let mut groups = Vec::new();
    let mut rest = &text[open..];
    while let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')')?;
        groups.push(inner[..close].trim());
        rest = inner[close + 1..].trim_start();
    }
    rest.is_empty().then(|| (text[..open].trim(), groups))
}

fn is_turn_role(word: &str) -> bool {
    tables::contains(tables::TURN_ROLE_WORDS, word)
}

/// A role phrase standing as a label (`The Minister for Transport`, `The Presiding Officer`, `Presenter`): its role
/// words, the head last.
fn role_phrase(text: &str) -> Option<Vec<String>> {
    let ws = words(text, 0, text.len());
    let article = |w: &str| tables::contains(tables::DETERMINERS, w) || tables::contains(tables::LABEL_ARTICLES, w);
    let skip = usize::from(ws.first().is_some_and(|w| article(w.text)));
    let core = &ws[skip..];
    let split = core
        .iter()
        .position(|w| matches!(w.text, "for" | "of" | "de" | "du" | "des" | "für"))
        .unwrap_or(core.len());
    let (head, qualifier) = (&core[..split], core.get(split + 1..).unwrap_or(&[]));
    let role_word = |w: &str| is_turn_role(w) || tables::is_role_word(w) || tables::contains(tables::TITLES, w);
    if head.is_empty() || !head.iter().all(|w| role_word(w.text)) || !head.iter().any(|w| is_turn_role(w.text)) {
        return None;
    }
    // the office's field: capitalised words joined by `and` (`Children and Families`)
    if !qualifier
        .iter()
        .all(|w| w.is_capitalised() || matches!(w.text, "and" | "the"))
    {
        return None;
    }
    let mut roles: Vec<String> = qualifier
        .iter()
        .filter(|w| tables::contains(tables::ROLE_WORDS, w.text))
        .map(|w| w.lower())
        .collect();
    roles.extend(head.iter().map(|w| w.lower()));
    Some(roles)
}

/// A person's name standing as a label: every word part of the name (`Owen Farrant`, `Prof. Carlos`).
fn name_phrase(text: &str) -> Option<Mention> {
    let mut ws = words(text, 0, text.len());
    // `Susan Hall AM`: post-nominal letters are not the name
    while ws.len() > 2
        && ws
            .last()
            .is_some_and(|w| tables::contains(tables::POST_NOMINALS, w.text))
    {
        ws.pop();
    }
    if ws.is_empty()
        || ws
            .iter()
            .any(|w| !w.is_capitalised() && !tables::contains(tables::NAME_PARTICLES, w.text))
    {
        return None;
    }
    let m = mention_at_end(&ws)?;
    (m.is_name() && m.names.len() + m.titles.len() == ws.len()).then_some(m)
}

/// Reads `text` as a label (without its colon).
pub(crate) fn parse_label(text: &str) -> Option<Label> {
    let (lead, groups) = split_groups(text.trim())?;
    // a constituency, a party or a holder's name; `Palm Bay (1-0):` on a results page is a team and its record
    if groups.iter().any(|g| g.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let caps = !lead.chars().any(char::is_lowercase) && lead.chars().any(char::is_uppercase);
    let lead = title_case(lead);
    let count = words(&lead, 0, lead.len()).len();
    if count == 0 || count > MAX_LABEL_WORDS || lead.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let raw = {
        let ws = words(&lead, 0, lead.len());
        let skip = usize::from(
            ws.first()
                .is_some_and(|w| tables::contains(tables::DETERMINERS, w.text)),
        );
        ws[skip..].iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
    };
    if let Some(roles) = role_phrase(&lead) {
        // `The Minister for Transport (Owen Farrant)`: the name in the parentheses holds the role
        let person = groups.iter().find_map(|g| name_phrase(&title_case(g)));
        return Some(Label {
            person,
            roles,
            raw,
            strong: true,
        });
    }
    let person = name_phrase(&lead)?;
    Some(Label {
        person: Some(person),
        roles: Vec::new(),
        raw,
        strong: caps || !groups.is_empty(),
    })
}

/// The label a block opens with, if any: a heading (or short line) that is a label as a whole, or `LABEL:` before
/// the block's words.
fn label_of(doc: &Document, b: usize) -> Option<Placed> {
    let block = &doc.blocks[b];
    let text = &doc.text[block.start..block.end];
    let header_like = match block.kind {
        BlockKind::Heading => true,
        // (`<p><strong>Owen Farrant</strong></p>`, a `<dt>` over the speech's `<dd>`)
        BlockKind::Paragraph | BlockKind::ListItem => {
            text.split_whitespace().count() <= MAX_HEADER_WORDS
                && !text.trim_end().ends_with(['.', '!', '?', ':', ';', ','])
                && !text.contains(':')
        }
        _ => false,
    };
    if header_like {
        if let Some(label) = parse_label(text) {
            return Some(Placed {
                label,
                block: b,
                at: block.start,
                words_from: None,
            });
        }
    }
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        return None;
    }
    let colon = text.find(':').filter(|&c| c <= MAX_INLINE_LABEL_BYTES)?;
    // `Members: Hear, hear.`: words after the colon, on the same line
    let after = &text[colon + 1..];
    // (French sets a space before the colon: `LE PRÉSIDENT : …`)
    if after.trim().is_empty() {
        return None;
    }
    let label = parse_label(&text[..colon])?;
    let skipped = after.len() - after.trim_start().len();
    Some(Placed {
        label,
        block: b,
        at: block.start,
        words_from: Some(block.start + colon + 1 + skipped),
    })
}

/// The labels of a page read as a transcript; empty when the page is not one.
pub(crate) fn labels(doc: &Document) -> Vec<Placed> {
    let found: Vec<Placed> = (0..doc.blocks.len()).filter_map(|b| label_of(doc, b)).collect();
    if found.len() < 2 || !found.iter().any(|p| p.label.strong) {
        return Vec::new();
    }
    // someone speaks twice, or an office speaks: a list of candidates under `Name (Party)` headings is neither
    let key = |p: &Placed| p.label.raw.to_lowercase();
    let recurs = found
        .iter()
        .enumerate()
        .any(|(i, p)| found[i + 1..].iter().any(|q| key(q) == key(p)));
    let office = found.iter().any(|p| !p.label.roles.is_empty());
    if recurs || office {
        found
    } else {
        Vec::new()
    }
}

/// The contributions of a page: each label's words, up to the next label or a heading that is not one.
pub(crate) fn turns(doc: &Document, labels: &[Placed]) -> Vec<Turn> {
    let mut out: Vec<Turn> = Vec::new();
    let mut next = labels.iter().peekable();
    let mut open = false;
    for (b, block) in doc.blocks.iter().enumerate() {
        if let Some(placed) = next.next_if(|p| p.block == b) {
            let spans = placed
                .words_from
                .map(|from| vec![(from, block.end)])
                .unwrap_or_default();
            out.push(Turn {
                label: placed.clone(),
                spans,
            });
            open = true;
            continue;
        }
        match block.kind {
            // a time stamp (`14:44`) between speeches is nobody's words
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Blockquote
                if open && doc.text[block.start..block.end].chars().any(char::is_alphabetic) =>
            {
                if let Some(turn) = out.last_mut() {
                    turn.spans.push((block.start, block.end));
                }
            }
            BlockKind::Heading => open = false,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Metadata;

    fn label(text: &str) -> Option<(Option<String>, Vec<String>, bool)> {
        parse_label(text).map(|l| (l.person.map(|m| m.names.join(" ")), l.roles, l.strong))
    }

    #[test]
    fn office_with_the_holder_in_parentheses_names_both() {
        assert_eq!(
            label("The Minister for Transport (Owen Farrant)"),
            Some((
                Some("Owen Farrant".into()),
                vec!["transport".into(), "minister".into()],
                true
            ))
        );
        assert_eq!(
            label("The Presiding Officer (Margaret Ellery)"),
            Some((
                Some("Margaret Ellery".into()),
                vec!["presiding".into(), "officer".into()],
                true
            ))
        );
    }

    #[test]
    fn member_with_constituency_and_party_is_the_member() {
        assert_eq!(
            label("Gethin Morrow (Felling Moor) (Lab)"),
            Some((Some("Gethin Morrow".into()), vec![], true))
        );
        assert_eq!(
            label("Owen Farrant"),
            Some((Some("Owen Farrant".into()), vec![], false))
        );
    }

    #[test]
    fn post_nominal_letters_are_not_part_of_the_name() {
        assert_eq!(label("Susan Hall AM"), Some((Some("Susan Hall".into()), vec![], false)));
        assert_eq!(label("The Mayor"), Some((None, vec!["mayor".into()], true)));
    }

    #[test]
    fn capitals_and_bare_roles_are_labels() {
        assert_eq!(
            label("CARYS PENNOCK"),
            Some((Some("Carys Pennock".into()), vec![], true))
        );
        assert_eq!(label("PRESENTER"), Some((None, vec!["presenter".into()], true)));
        assert_eq!(label("Members"), Some((None, vec!["members".into()], true)));
    }

    #[test]
    fn words_that_are_not_people_or_speaking_roles_are_not_labels() {
        for text in [
            "Correction",
            "Lakers",
            "Update",
            "Source",
            "Airport confirms cause of outage",
            "Pro tip",
        ] {
            assert_eq!(label(text), None, "{text}");
        }
    }

    fn doc(blocks: &[(BlockKind, &str)]) -> Document {
        Document::from_blocks(Metadata::default(), blocks.iter().copied())
    }

    fn turn_words(d: &Document) -> Vec<(String, String)> {
        turns(d, &labels(d))
            .iter()
            .map(|t| {
                let words: Vec<&str> = t.spans.iter().map(|&(s, e)| &d.text[s..e]).collect();
                (t.label.label.raw.clone(), words.join(" | "))
            })
            .collect()
    }

    #[test]
    fn speech_under_a_heading_runs_to_the_next_label() {
        use BlockKind::{Heading, Paragraph};
        let d = doc(&[
            (Heading, "The Minister for Transport (Owen Farrant)"),
            (Paragraph, "I wish to update Members."),
            (Paragraph, "A bus pass is not a luxury. [Interruption.]"),
            (Paragraph, "Members: Hear, hear."),
            (Heading, "Beatrix Colquhoun (Kestlegate South) (Con)"),
            (Paragraph, "The Minister has promised a revolution."),
        ]);
        assert_eq!(
            turn_words(&d),
            [
                (
                    "Minister for Transport".to_string(),
                    "I wish to update Members. | A bus pass is not a luxury. [Interruption.]".to_string()
                ),
                ("Members".to_string(), "Hear, hear.".to_string()),
                (
                    "Beatrix Colquhoun".to_string(),
                    "The Minister has promised a revolution.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn inline_labels_open_each_turn() {
        use BlockKind::Paragraph;
        let d = doc(&[
            (
                Paragraph,
                "PRESENTER: Nurseries say they can't find the staff. Can you?",
            ),
            (Paragraph, "CARYS PENNOCK: We already have."),
            (Paragraph, "PRESENTER: That is a slogan, not a plan."),
        ]);
        assert_eq!(
            turn_words(&d),
            [
                (
                    "Presenter".to_string(),
                    "Nurseries say they can't find the staff. Can you?".to_string()
                ),
                ("Carys Pennock".to_string(), "We already have.".to_string()),
                ("Presenter".to_string(), "That is a slogan, not a plan.".to_string()),
            ]
        );
    }

    #[test]
    fn french_labels_with_a_space_before_the_colon_open_turns() {
        use BlockKind::Paragraph;
        let d = doc(&[
            (Paragraph, "LE PRÉSIDENT : La parole est à Mme Dupont."),
            (Paragraph, "MME DUPONT : Nous avons réussi notre pari."),
            (Paragraph, "LE PRÉSIDENT : Merci."),
        ]);
        let got = turn_words(&d);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[1],
            ("Mme Dupont".to_string(), "Nous avons réussi notre pari.".to_string())
        );
    }

    #[test]
    fn a_results_page_of_teams_and_records_is_not_a_transcript() {
        use BlockKind::Paragraph;
        let d = doc(&[
            (Paragraph, "Palm Bay (1-0): Tolivert 25 points. Davis 17 points."),
            (Paragraph, "Rockledge (0-1): Blakely 15 points."),
            (Paragraph, "Palm Bay (1-0-2): Noah Jackson 1 goal."),
        ]);
        assert!(labels(&d).is_empty());
    }

    #[test]
    fn candidates_under_name_and_party_headings_are_not_a_transcript() {
        use BlockKind::{Heading, Paragraph};
        let d = doc(&[
            (Heading, "Jane Smith (Conservative)"),
            (Paragraph, "A former teacher, she has sat on the council since 2019."),
            (Heading, "Tom Jones (Labour)"),
            (Paragraph, "He runs a bakery on the high street."),
        ]);
        assert!(labels(&d).is_empty());
    }

    #[test]
    fn name_lines_of_a_list_are_not_a_transcript() {
        use BlockKind::Paragraph;
        let d = doc(&[
            (
                Paragraph,
                "Victor N. Burton: Dealing in methamphetamine, held in lieu of bond.",
            ),
            (
                Paragraph,
                "Jonathan P. Blair: Possession of methamphetamine, held in lieu of bond.",
            ),
        ]);
        assert!(labels(&d).is_empty());
        let d = doc(&[
            (Paragraph, "Correction: our 13:25 post said 18,400 passengers."),
            (Paragraph, "Lakers: Kyle Kuzma left the court."),
            (Paragraph, "Lakers: Visit the Thunder on Friday."),
        ]);
        assert!(labels(&d).is_empty());
    }

    #[test]
    fn a_news_heading_ends_a_turn() {
        use BlockKind::{Heading, Paragraph};
        let d = doc(&[
            (Paragraph, "PRESENTER: Good morning."),
            (Paragraph, "CARYS PENNOCK: Good morning."),
            (Paragraph, "PRESENTER: Thank you."),
            (Heading, "More from the programme"),
            (Paragraph, "Other stories run here."),
        ]);
        let got = turn_words(&d);
        assert_eq!(got.last().map(|t| t.1.as_str()), Some("Thank you."));
    }

    fn said(d: &Document) -> Vec<(String, Option<String>)> {
        super::super::quotations(d)
            .into_iter()
            .map(|q| (d.text[q.start..q.end].to_string(), q.speaker))
            .collect()
    }

    #[test]
    fn presenter_label_is_the_person_the_credit_line_names() {
        use BlockKind::Paragraph;
        let d = doc(&[
            (
                Paragraph,
                "The Morning Briefing · Thursday · Presented by Dominic Reyes",
            ),
            (
                Paragraph,
                "PRESENTER: The Minister, Carys Pennock, is with me. Good morning.",
            ),
            (Paragraph, "CARYS PENNOCK: Good morning, Dominic."),
            (
                Paragraph,
                "PRESENTER: With respect, Minister, that is a slogan, not a plan.",
            ),
        ]);
        assert_eq!(
            said(&d),
            [
                (
                    "The Minister, Carys Pennock, is with me. Good morning.".to_string(),
                    Some("Dominic Reyes".to_string())
                ),
                ("Good morning, Dominic.".to_string(), Some("Carys Pennock".to_string())),
                (
                    "With respect, Minister, that is a slogan, not a plan.".to_string(),
                    Some("Dominic Reyes".to_string())
                ),
            ]
        );
    }

    #[test]
    fn office_header_and_later_name_header_are_one_speaker() {
        use BlockKind::{Heading, Paragraph};
        let d = doc(&[
            (Heading, "The Minister for Transport (Owen Farrant)"),
            (Paragraph, "A bus pass is not a luxury; it is a lifeline."),
            (Heading, "The Presiding Officer (Margaret Ellery)"),
            (Paragraph, "Order. Order."),
            (Heading, "Owen Farrant"),
            (Paragraph, "I will take no lessons from her on buses."),
            (Heading, "The Presiding Officer"),
            (Paragraph, "The Minister must be heard in silence."),
        ]);
        let got = said(&d);
        let speakers: Vec<&str> = got.iter().filter_map(|(_, s)| s.as_deref()).collect();
        assert_eq!(
            speakers,
            ["Owen Farrant", "Margaret Ellery", "Owen Farrant", "Margaret Ellery"]
        );
        let claim = |speaker: &str, words: &str| {
            let c = super::super::QuoteClaim {
                words: words.to_string(),
                speaker: Some(speaker.to_string()),
            };
            super::super::check(&c, &d, &super::super::quotations(&d)).outcome
        };
        use super::super::Outcome;
        assert_eq!(
            claim("the Minister", "A bus pass is not a luxury; it is a lifeline."),
            Outcome::Supported
        );
        assert_eq!(
            claim("Margaret Ellery", "I will take no lessons from her on buses."),
            Outcome::Misattributed
        );
    }
}
