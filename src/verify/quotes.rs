//! Stance of each source on a quotation claim, and the verdict across sources: whose words, and were they these.
//!
//! Each source says `supported` (the speaker's words, verbatim), `misattributed` (someone else's), `misquoted`
//! (the speaker's, changed) or nothing. Across sources a support never outvotes a disagreement: one source with the
//! speaker's words and another giving them to someone else, or quoting them otherwise, is `mixed` (an opinion column
//! that misquotes the debate it reports). With no source supporting, words someone else said make the claim
//! `misattributed` before a close version makes it `misquoted`: the words exist, only not from this speaker.

use crate::model::{Difference, Evidence, Stance, Verdict};
use crate::quote;

use super::{evidence_item, ReadPage};

/// Confidence of a `mixed` verdict: the sources disagree, so neither side is more likely from them alone.
const MIXED_CONFIDENCE: f64 = 0.5;
/// Confidence of `not_found` when every source was read and none has anything close.
const NOT_FOUND_CONFIDENCE: f64 = 0.8;

pub(super) fn check_quotation(claim: &quote::QuoteClaim, pages: &[&ReadPage]) -> (Verdict, f64, Vec<Evidence>) {
    let mut evidence = Vec::new();
    let mut outcomes = Vec::new();
    for page in pages {
        let f = quote::check(claim, &page.doc, page.analysis().quotes(&page.doc));
        let stance = match f.outcome {
            quote::Outcome::Supported => Stance::Supports,
            quote::Outcome::Misquoted | quote::Outcome::Misattributed => Stance::Contradicts,
            quote::Outcome::NotFound => continue,
        };
        // a source that quotes less of the same words says nothing against another that has them all
        let stance = if f.shorter && pages.len() > 1 {
            Stance::Mentions
        } else {
            stance
        };
        if stance != Stance::Mentions {
            outcomes.push((f.outcome, f.similarity));
        }
        let mut ev = evidence_item(page, f.start, f.end, stance, f.similarity);
        ev.speaker = f.speaker.clone();
        ev.differences = f
            .differences
            .iter()
            .map(|d| Difference {
                claim: d.claim.clone(),
                source: d.source.clone(),
            })
            .collect();
        evidence.push(ev);
    }
    let best = |o: quote::Outcome| {
        outcomes
            .iter()
            .filter(|(x, _)| *x == o)
            .map(|(_, s)| *s)
            .fold(None, |a: Option<f64>, s| Some(a.map_or(s, |a| a.max(s))))
    };
    let supported = best(quote::Outcome::Supported);
    let misattributed = best(quote::Outcome::Misattributed);
    let misquoted = best(quote::Outcome::Misquoted);
    let (verdict, confidence) = match (supported, misattributed.or(misquoted)) {
        (None, None) if !evidence.is_empty() => {
            // only sources quoting less of the words: what they have is verbatim, the rest unconfirmed
            let s = evidence.iter().map(|e| e.similarity).fold(0.0, f64::max);
            (Verdict::Misquoted, s)
        }
        // one source has the speaker's words, another gives them to someone else or quotes them otherwise
        (Some(_), Some(_)) => (Verdict::Mixed, MIXED_CONFIDENCE),
        (Some(s), None) => (Verdict::Supported, s),
        (None, _) => match (misattributed, misquoted) {
            (Some(s), _) => (Verdict::Misattributed, s),
            (None, Some(s)) => (Verdict::Misquoted, s),
            (None, None) => (Verdict::NotFound, NOT_FOUND_CONFIDENCE),
        },
    };
    (verdict, confidence.clamp(0.0, 1.0), evidence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::Page;

    fn page(text: &str) -> ReadPage {
        crate::read_page(Page::new(
            "https://example.test/a".into(),
            "https://example.test/a".into(),
            Some("text/plain; charset=utf-8".into()),
            text.as_bytes().to_vec(),
        ))
    }

    fn verdict(words: &str, speaker: &str, pages: &[&str]) -> Verdict {
        let read: Vec<ReadPage> = pages.iter().map(|p| page(p)).collect();
        let refs: Vec<&ReadPage> = read.iter().collect();
        let claim = quote::QuoteClaim {
            words: words.into(),
            speaker: Some(speaker.into()),
        };
        check_quotation(&claim, &refs).0
    }

    const TRANSCRIPT: &str =
        "Beatrix Colquhoun said: “The Minister has promised a revolution and delivered a timetable.”";
    const COLUMN: &str =
        "As the member Nadia Kowalczyk put it, the Minister “has promised a revolution and delivered a timetable”.";

    #[test]
    fn one_source_supporting_and_another_giving_the_words_to_someone_else_is_mixed() {
        let words = "The Minister has promised a revolution and delivered a timetable.";
        assert_eq!(
            verdict(words, "Beatrix Colquhoun", &[TRANSCRIPT, COLUMN]),
            Verdict::Mixed
        );
        assert_eq!(verdict(words, "Beatrix Colquhoun", &[TRANSCRIPT]), Verdict::Supported);
    }

    #[test]
    fn words_nobody_gives_the_claimed_speaker_are_misattributed() {
        let words = "The Minister has promised a revolution and delivered a timetable.";
        assert_eq!(
            verdict(words, "Samir Haddad", &[TRANSCRIPT, COLUMN]),
            Verdict::Misattributed
        );
    }

    #[test]
    fn a_source_quoting_less_of_the_words_does_not_make_mixed() {
        let full = "Jane Doe said: “We will rebuild the station, and we will open it by the spring of next year.”";
        let less = "Jane Doe said: “We will rebuild the station, and we will open it.” The council met later.";
        let words = "We will rebuild the station, and we will open it by the spring of next year.";
        assert_eq!(verdict(words, "Jane Doe", &[full, less]), Verdict::Supported);
        let changed = "Jane Doe said: “We will rebuild the station, and we will close it by the spring of next year.”";
        assert_eq!(verdict(words, "Jane Doe", &[full, changed]), Verdict::Mixed);
    }
}
