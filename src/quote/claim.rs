//! Reading a claim as a quotation: the quoted words and who the claim says spoke them.
//!
//! A claim is a quotation when it comes with a speaker, or when it is written as one: wholly inside quote marks
//! (`“…”`), `X said “…”`, or `“…,” X said` / `“…,” said X`. A speaker passed alongside the claim wins over one
//! written in it. Several quoted fragments in one claim are joined with an ellipsis.

use super::attribution::{attribution_after, attribution_before};
use super::names::Mention;
use super::tables;
use super::QuoteClaim;

fn is_mark(c: char) -> bool {
    tables::OPENING_MARKS.contains(&c) || tables::CLOSING_MARKS.contains(&c)
}

/// The quoted fragments of `text`: (opening mark, words start, words end, after the closing mark).
fn fragments(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        match open {
            None if tables::OPENING_MARKS.contains(&c) => open = Some((i, after)),
            Some((o, s))
                if tables::CLOSING_MARKS.contains(&c) || tables::closes_low_opening(text[o..].chars().next(), c) =>
            {
                out.push((o, s, i, after));
                open = None;
            }
            _ => {}
        }
    }
    out
}

fn speaker_of(m: &Mention) -> Option<String> {
    let name = m.written();
    (!m.pronoun && !name.is_empty()).then_some(name)
}

/// Reads `claim` as a quotation. `None` when it is not one (no speaker given and no quotation written).
pub fn parse_claim(claim: &str, speaker: Option<&str>) -> Option<QuoteClaim> {
    let claim = claim.trim();
    let given = speaker.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    if claim.is_empty() {
        return None;
    }
    let frags = fragments(claim);
    let (Some(first), Some(last)) = (frags.first(), frags.last()) else {
        let words = claim.trim_matches(|c: char| is_mark(c) || c.is_whitespace());
        return given.map(|speaker| QuoteClaim {
            words: words.to_string(),
            speaker: Some(speaker),
        });
    };
    if !frags
        .iter()
        .any(|&(_, s, e, _)| claim[s..e].chars().any(char::is_alphanumeric))
    {
        return None;
    }
    let before = &claim[..first.0];
    let after = &claim[last.3..];
    let words = frags
        .iter()
        .map(|&(_, s, e, _)| claim[s..e].trim())
        .collect::<Vec<_>>()
        .join(" \u{2026} ");
    let bare = |t: &str| t.chars().all(|c| !c.is_alphanumeric());
    let written = if bare(before) && bare(after) {
        Some(None)
    } else if bare(after) {
        // `X said “…”`: the quotation must follow a speech verb
        attribution_before(claim, 0, first.0).map(|(m, _)| speaker_of(&m))
    } else if bare(before) {
        attribution_after(claim, last.3, claim.len(), false).map(|(m, _)| speaker_of(&m))
    } else {
        None
    };
    match (written, given) {
        (_, Some(speaker)) => Some(QuoteClaim {
            words,
            speaker: Some(speaker),
        }),
        (Some(speaker), None) => Some(QuoteClaim { words, speaker }),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_wholly_in_quote_marks_is_a_quotation_without_speaker() {
        let c = parse_claim("“There’s still more to do”", None).expect("quotation");
        assert_eq!(c.words, "There’s still more to do");
        assert_eq!(c.speaker, None);
    }

    #[test]
    fn claim_with_a_speaker_is_a_quotation_even_without_marks() {
        let c = parse_claim("There's still more to do", Some("Sadiq Khan")).expect("quotation");
        assert_eq!(c.words, "There's still more to do");
        assert_eq!(c.speaker.as_deref(), Some("Sadiq Khan"));
    }

    #[test]
    fn plain_sentence_without_speaker_is_not_a_quotation() {
        assert_eq!(parse_claim("86.2% of 999 calls are answered in 10 seconds", None), None);
    }

    #[test]
    fn speaker_before_said_is_read_from_the_claim() {
        let c = parse_claim("Sadiq Khan said: \"There's still more to do.\"", None).expect("quotation");
        assert_eq!(c.words, "There's still more to do.");
        assert_eq!(c.speaker.as_deref(), Some("Sadiq Khan"));
    }

    #[test]
    fn speaker_after_the_quotation_is_read_from_the_claim() {
        let c = parse_claim("“There’s still more to do,” said Sir Sadiq.", None).expect("quotation");
        assert_eq!(c.speaker.as_deref(), Some("Sir Sadiq"));
        let c = parse_claim("\"It works\", Mr Butt said", None).expect("quotation");
        assert_eq!(c.speaker.as_deref(), Some("Mr Butt"));
    }

    #[test]
    fn given_speaker_wins_over_the_written_one() {
        let c = parse_claim("Mark Rowley said “It works”", Some("Sadiq Khan")).expect("quotation");
        assert_eq!(c.speaker.as_deref(), Some("Sadiq Khan"));
    }

    #[test]
    fn scare_quotes_in_a_sentence_do_not_make_a_quotation() {
        assert_eq!(parse_claim("The force was rated “inadequate” in 2023", None), None);
    }

    #[test]
    fn phrase_between_said_and_a_lower_case_quotation_is_its_subject_not_the_speaker() {
        let c = parse_claim(
            "Nadia Kowalczyk said the Minister \"has promised a revolution and delivered a timetable\"",
            None,
        )
        .expect("quotation");
        assert_eq!(c.speaker.as_deref(), Some("Nadia Kowalczyk"));
        assert_eq!(c.words, "has promised a revolution and delivered a timetable");
        let c = parse_claim(
            "Kurt Volker told lawmakers: \"My role was not some irregular channel.\"",
            None,
        )
        .expect("q");
        assert_eq!(c.speaker.as_deref(), Some("Kurt Volker"));
    }

    #[test]
    fn french_and_german_claims_name_their_speaker() {
        let c = parse_claim("« Nous avons réussi notre pari », a déclaré Jean-Marc Delorme.", None).expect("q");
        assert_eq!(c.speaker.as_deref(), Some("Jean-Marc Delorme"));
        assert_eq!(c.words, "Nous avons réussi notre pari");
        let c = parse_claim("Ulrike Brandstätter sagte: „Wir leben an ihrer Grenze.“", None).expect("q");
        assert_eq!(c.speaker.as_deref(), Some("Ulrike Brandstätter"));
        assert_eq!(c.words, "Wir leben an ihrer Grenze.");
    }

    #[test]
    fn several_fragments_are_joined_with_an_ellipsis() {
        let c = parse_claim("Sir Mark said it was “welcome recognition” and “the right path”", None).expect("quote");
        assert_eq!(c.words, "welcome recognition \u{2026} the right path");
    }
}
