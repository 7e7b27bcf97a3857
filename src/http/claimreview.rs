//! A stored check as schema.org `ClaimReview` JSON-LD, the markup a newsroom embeds next to a fact-check so search
//! engines and aggregators can read the verdict.
//!
//! Rating scale (documented in the README and in [`RATINGS`]): 1–5, 5 = supported by the sources, 1 = contradicted;
//! misquotes and misattributions score 2 (the words or the speaker are wrong, the gist may not be), mixed 3.
//! `not_found` and `unverifiable` carry no number — nothing was judged — only their words in `alternateName`.

use serde::Serialize;
use utoipa::ToSchema;

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

/// A schema.org `Thing` reference by name: `{"@type": "Person"|"Organization", "name": …}`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Named {
    #[serde(rename = "@type")]
    #[schema(example = "Organization")]
    pub kind: &'static str,
    pub name: String,
}

/// schema.org `Rating`: words always, a number on the 1–5 scale when something was judged.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Rating {
    #[serde(rename = "@type")]
    #[schema(example = "Rating")]
    pub kind: &'static str,
    #[serde(rename = "alternateName")]
    pub alternate_name: &'static str,
    #[serde(rename = "ratingValue", skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 5)]
    pub rating_value: Option<u8>,
    #[serde(rename = "bestRating", skip_serializing_if = "Option::is_none")]
    pub best_rating: Option<u8>,
    #[serde(rename = "worstRating", skip_serializing_if = "Option::is_none")]
    pub worst_rating: Option<u8>,
}

/// Where the claim appears: a page read as evidence (`CreativeWork`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Appearance {
    #[serde(rename = "@type")]
    #[schema(example = "CreativeWork")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Named>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
}

/// schema.org `Claim`: its author (a `Person`) when a speaker is known, and its appearances.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewedClaim {
    #[serde(rename = "@type")]
    #[schema(example = "Claim")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Named>,
    pub appearance: Vec<Appearance>,
}

/// schema.org `ClaimReview` JSON-LD, as `GET /v1/checks/{id}` answers it for `application/ld+json`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ClaimReview {
    #[serde(rename = "@context")]
    #[schema(example = "https://schema.org")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    #[schema(example = "ClaimReview")]
    pub kind: &'static str,
    /// The stored check's id.
    pub identifier: String,
    #[serde(rename = "claimReviewed")]
    pub claim_reviewed: String,
    #[serde(rename = "itemReviewed")]
    pub item_reviewed: ReviewedClaim,
    #[serde(rename = "reviewRating")]
    pub review_rating: Rating,
    #[serde(rename = "reviewBody")]
    pub review_body: String,
    /// The lead evidence's web address, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(rename = "datePublished")]
    pub date_published: String,
    pub author: Named,
}

/// The `ClaimReview` document for a stored check.
pub fn claim_review(check: &StoredCheck) -> ClaimReview {
    let answer = &check.answer;
    let (value, words) = rating(answer.verdict);
    let review_rating = Rating {
        kind: "Rating",
        alternate_name: words,
        rating_value: value,
        best_rating: value.map(|_| BEST_RATING),
        worst_rating: value.map(|_| WORST_RATING),
    };
    let mut appearance: Vec<Appearance> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for e in &answer.evidence {
        if seen.contains(&e.source.as_str()) {
            continue;
        }
        seen.push(&e.source);
        appearance.push(Appearance {
            kind: "CreativeWork",
            url: web_url(&e.source).map(String::from),
            headline: e.title.clone(),
            publisher: e.publisher.as_ref().map(|p| Named {
                kind: "Organization",
                name: p.clone(),
            }),
            date_published: e.published.clone(),
        });
    }
    let speaker = answer
        .speaker
        .as_deref()
        .or_else(|| lead_evidence(answer).and_then(|e| e.speaker.as_deref()));
    let lead = lead_evidence(answer).and_then(|e| web_url(&e.source));
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        identifier: check.check_id.clone(),
        claim_reviewed: answer.claim.clone(),
        item_reviewed: ReviewedClaim {
            kind: "Claim",
            author: speaker.map(|name| Named {
                kind: "Person",
                name: name.to_string(),
            }),
            appearance,
        },
        review_rating,
        review_body: answer.summary.clone(),
        url: lead
            .or_else(|| answer.evidence.iter().find_map(|e| web_url(&e.source)))
            .map(String::from),
        date_published: check.created_at.clone(),
        author: Named {
            kind: "Organization",
            name: "crosscheck".into(),
        },
    }
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
