//! A stored check as schema.org `ClaimReview` JSON-LD, the markup a newsroom embeds next to a fact-check so search
//! engines and aggregators can read the verdict.
//!
//! Rating scale (documented in the README and in [`RATINGS`]): 1–5, 5 = supported by the sources, 1 = contradicted;
//! misquotes and misattributions score 2 (the words or the speaker are wrong, the gist may not be), mixed 3.
//! `not_found` and `unverifiable` carry no number — nothing was judged — only their words in `alternateName`.

use serde_json::{json, Map, Value};

use crate::model::{CheckAnswer, Stance, Verdict};
use crate::store::StoredCheck;

pub const BEST_RATING: u8 = 5;
pub const WORST_RATING: u8 = 1;

/// Each verdict's rating on the 1–5 scale (none when nothing was judged) and its words for `alternateName`.
pub const RATINGS: &[(Verdict, Option<u8>, &str)] = &[
    (Verdict::Supported, Some(5), "Supported by the sources"),
    (Verdict::Mixed, Some(3), "Mixed: the sources disagree"),
    (Verdict::Misquoted, Some(2), "Misquoted"),
    (Verdict::Misattributed, Some(2), "Misattributed"),
    (Verdict::Contradicted, Some(1), "Contradicted by the sources"),
    (Verdict::NotFound, None, "Not found in the sources"),
    (Verdict::Unverifiable, None, "Unverifiable: no source could be read"),
];

/// The rating and words for a verdict.
pub fn rating(verdict: Verdict) -> (Option<u8>, &'static str) {
    RATINGS
        .iter()
        .find(|(v, _, _)| *v == verdict)
        .map_or((None, verdict.as_str()), |(_, n, words)| (*n, *words))
}

/// The evidence a reader should open first: one that took a side, else the first passage found.
fn lead_evidence(answer: &CheckAnswer) -> Option<&crate::model::Evidence> {
    answer
        .evidence
        .iter()
        .find(|e| e.stance != Stance::Mentions)
        .or_else(|| answer.evidence.first())
}

/// A source label that is a web address (registry snapshots without a known URL are labelled `registry:<id>`).
pub fn web_url(label: &str) -> Option<&str> {
    (label.starts_with("https://") || label.starts_with("http://")).then_some(label)
}

/// The `ClaimReview` document for a stored check.
pub fn claim_review(check: &StoredCheck) -> Value {
    let answer = &check.answer;
    let (value, words) = rating(answer.verdict);
    let mut rating = json!({"@type": "Rating", "alternateName": words});
    if let Some(n) = value {
        rating["ratingValue"] = json!(n);
        rating["bestRating"] = json!(BEST_RATING);
        rating["worstRating"] = json!(WORST_RATING);
    }

    let mut appearances: Vec<Value> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for e in &answer.evidence {
        if seen.contains(&e.source.as_str()) {
            continue;
        }
        seen.push(&e.source);
        let mut work = Map::new();
        work.insert("@type".into(), json!("CreativeWork"));
        if let Some(url) = web_url(&e.source) {
            work.insert("url".into(), json!(url));
        }
        if let Some(t) = &e.title {
            work.insert("headline".into(), json!(t));
        }
        if let Some(p) = &e.publisher {
            work.insert("publisher".into(), json!({"@type": "Organization", "name": p}));
        }
        if let Some(d) = &e.published {
            work.insert("datePublished".into(), json!(d));
        }
        appearances.push(Value::Object(work));
    }

    let mut claim = json!({"@type": "Claim", "appearance": appearances});
    let speaker = answer
        .speaker
        .as_deref()
        .or_else(|| lead_evidence(answer).and_then(|e| e.speaker.as_deref()));
    if let Some(name) = speaker {
        claim["author"] = json!({"@type": "Person", "name": name});
    }

    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": check.check_id,
        "claimReviewed": answer.claim,
        "itemReviewed": claim,
        "reviewRating": rating,
        "reviewBody": answer.summary,
        "datePublished": check.created_at,
        "author": {"@type": "Organization", "name": "crosscheck"},
    });
    let lead = lead_evidence(answer).and_then(|e| web_url(&e.source));
    if let Some(url) = lead.or_else(|| answer.evidence.iter().find_map(|e| web_url(&e.source))) {
        review["url"] = json!(url);
    }
    review
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_has_words_and_judged_ones_a_number_on_the_scale() {
        for v in [
            Verdict::Supported,
            Verdict::Contradicted,
            Verdict::Mixed,
            Verdict::Misquoted,
            Verdict::Misattributed,
            Verdict::NotFound,
            Verdict::Unverifiable,
        ] {
            let (n, words) = rating(v);
            assert!(RATINGS.iter().any(|(r, _, _)| *r == v), "{v:?} missing from the table");
            assert!(!words.is_empty());
            assert!(n.is_none_or(|n| (WORST_RATING..=BEST_RATING).contains(&n)));
        }
        assert_eq!(rating(Verdict::Supported).0, Some(BEST_RATING));
        assert_eq!(rating(Verdict::Contradicted).0, Some(WORST_RATING));
        assert_eq!(rating(Verdict::Unverifiable).0, None);
    }
}
