//! The wire types of the contract (`../shared/API.md`): the check request as received, the request once parsed
//! (`CheckInput` — it cannot hold an unusable claim), and the answer.

use serde::{Deserialize, Serialize};
use url::Url;
use utoipa::ToSchema;

/// Longest claim accepted, in characters.
pub const MAX_CLAIM_CHARS: usize = 2000;
/// Most sources one check may name.
pub const MAX_SOURCES: usize = 20;

/// `POST /v1/checks` as sent. Fields are optional in Rust so that a missing claim is a 422, not a 400; the schema
/// says what a client must send.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[schema(example = json!({"claim": "86.2% of 999 calls in 10 seconds", "speaker": "Sadiq Khan", "id": "client-ref-1"}))]
pub struct CheckRequest {
    /// The claim: a sentence with a figure, or a quotation. At most 2,000 characters.
    #[serde(default)]
    #[schema(value_type = String, required = true, min_length = 1, max_length = 2000)]
    pub claim: Option<String>,
    /// The person the claim quotes; makes it a quotation check.
    #[serde(default)]
    pub speaker: Option<String>,
    /// http(s) URLs to check against (at most 20); absent or empty means the registry in `sources/`.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub sources: Option<Vec<String>>,
    /// Echoed back in the answer.
    #[serde(default)]
    pub id: Option<String>,
}

/// Why a request cannot be checked (422).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("the claim is empty")]
    EmptyClaim,
    #[error("the claim is {0} characters long; the limit is {MAX_CLAIM_CHARS}")]
    ClaimTooLong(usize),
    #[error("{0} sources were given; the limit is {MAX_SOURCES}")]
    TooManySources(usize),
    #[error("source {0:?} is not an http(s) URL")]
    BadSource(String),
    #[error("a batch needs a non-empty `claims` list")]
    EmptyBatch,
    #[error("{0} claims were sent; a batch holds at most {MAX_BATCH}")]
    BatchTooLarge(usize),
    #[error("the item is not a check request: {0}")]
    BadItem(String),
}

/// Most claims in one batch.
pub const MAX_BATCH: usize = 1000;

/// `POST /v1/checks/batch` as sent. Items stay raw JSON so that one bad item is answered in its place.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct BatchRequest {
    /// Up to 1,000 check requests.
    #[serde(default)]
    #[schema(value_type = Vec<CheckRequest>, required = true, min_items = 1, max_items = 1000)]
    pub claims: Option<Vec<serde_json::Value>>,
    /// Sources for every claim that names none of its own.
    #[serde(default)]
    pub sources: Option<Vec<String>>,
}

impl BatchRequest {
    /// Each item parsed on its own; top-level `sources` apply to items that name none.
    pub fn parse(self) -> Result<Vec<Result<CheckInput, RequestError>>, RequestError> {
        let claims = self.claims.ok_or(RequestError::EmptyBatch)?;
        if claims.is_empty() {
            return Err(RequestError::EmptyBatch);
        }
        if claims.len() > MAX_BATCH {
            return Err(RequestError::BatchTooLarge(claims.len()));
        }
        Ok(claims
            .into_iter()
            .map(|item| {
                let mut req: CheckRequest =
                    serde_json::from_value(item).map_err(|e| RequestError::BadItem(e.to_string()))?;
                if req.sources.as_ref().is_none_or(Vec::is_empty) {
                    req.sources.clone_from(&self.sources);
                }
                req.parse()
            })
            .collect())
    }
}

/// Where a source comes from: a URL, or (CLI only) a local file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceRef {
    Url(Url),
    File(std::path::PathBuf),
}

impl SourceRef {
    pub fn label(&self) -> String {
        match self {
            SourceRef::Url(u) => u.to_string(),
            SourceRef::File(p) => p.display().to_string(),
        }
    }
}

/// A request that can be checked: a non-empty claim within limits and well-formed sources (`None` = registry).
#[derive(Debug, Clone)]
pub struct CheckInput {
    pub claim: String,
    pub speaker: Option<String>,
    pub sources: Option<Vec<SourceRef>>,
    pub id: Option<String>,
}

impl CheckRequest {
    /// Parses an HTTP request: sources must be http(s) URLs.
    pub fn parse(self) -> Result<CheckInput, RequestError> {
        let sources = match self.sources {
            None => None,
            Some(list) => {
                if list.len() > MAX_SOURCES {
                    return Err(RequestError::TooManySources(list.len()));
                }
                let parsed = list
                    .iter()
                    .map(|s| match Url::parse(s.trim()) {
                        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(SourceRef::Url(u)),
                        _ => Err(RequestError::BadSource(s.clone())),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                // An empty list means "no sources given": use the registry.
                (!parsed.is_empty()).then_some(parsed)
            }
        };
        CheckInput::new(self.claim.unwrap_or_default(), self.speaker, sources, self.id)
    }
}

impl CheckInput {
    pub fn new(
        claim: String,
        speaker: Option<String>,
        sources: Option<Vec<SourceRef>>,
        id: Option<String>,
    ) -> Result<Self, RequestError> {
        let claim = claim.trim().to_string();
        if claim.is_empty() {
            return Err(RequestError::EmptyClaim);
        }
        let n = claim.chars().count();
        if n > MAX_CLAIM_CHARS {
            return Err(RequestError::ClaimTooLong(n));
        }
        if let Some(s) = &sources {
            if s.len() > MAX_SOURCES {
                return Err(RequestError::TooManySources(s.len()));
            }
        }
        let speaker = speaker.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(CheckInput {
            claim,
            speaker,
            sources,
            id,
        })
    }
}

/// What kind of claim was checked: figures (compared by what they state), a quotation (whose words, and were they
/// these), or a plain statement (stated, stated the other way, or not at all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    #[default]
    Figures,
    Quotation,
    Statement,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Figures => "figures",
            ClaimKind::Quotation => "quotation",
            ClaimKind::Statement => "statement",
        }
    }
}

/// The verdict across all sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    Contradicted,
    Mixed,
    Misquoted,
    Misattributed,
    NotFound,
    Unverifiable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Mixed => "mixed",
            Verdict::Misquoted => "misquoted",
            Verdict::Misattributed => "misattributed",
            Verdict::NotFound => "not_found",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// What one source says of the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Supports,
    Contradicts,
    Mentions,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QuantityOut {
    pub text: String,
    pub value: f64,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MatchedQuantity {
    pub claim: String,
    pub source: String,
    pub agree: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Difference {
    pub claim: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Evidence {
    pub source: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    /// The page's byline and canonical address, as its metadata gives them.
    #[serde(default)]
    pub byline: Option<String>,
    #[serde(default)]
    pub canonical_url: Option<String>,
    pub stance: Stance,
    pub passage: String,
    /// Character (Unicode scalar) offsets of `passage` in the source's extracted text.
    pub start: usize,
    pub end: usize,
    pub similarity: f64,
    pub speaker: Option<String>,
    pub differences: Vec<Difference>,
    pub matched_quantities: Vec<MatchedQuantity>,
    /// The sha256 of the page body the passage was read from.
    pub snapshot: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SourceStatus {
    pub url: String,
    pub status: String,
    pub fetched_at: Option<String>,
    pub sha256: Option<String>,
    pub error: Option<String>,
}

/// `POST /v1/checks` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CheckAnswer {
    pub id: Option<String>,
    /// The stored check's own id (`GET /v1/checks/{check_id}`); absent when nothing was stored (CLI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_id: Option<String>,
    pub claim: String,
    pub speaker: Option<String>,
    /// How the claim was read and checked.
    #[serde(default)]
    pub kind: ClaimKind,
    pub verdict: Verdict,
    pub confidence: f64,
    pub summary: String,
    pub quantities: Vec<QuantityOut>,
    pub evidence: Vec<Evidence>,
    pub sources: Vec<SourceStatus>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(claim: &str, sources: Option<Vec<&str>>) -> CheckRequest {
        CheckRequest {
            claim: Some(claim.into()),
            sources: sources.map(|v| v.into_iter().map(String::from).collect()),
            ..Default::default()
        }
    }

    #[test]
    fn empty_and_blank_claims_are_refused() {
        assert_eq!(req("  ", None).parse().unwrap_err(), RequestError::EmptyClaim);
        assert_eq!(CheckRequest::default().parse().unwrap_err(), RequestError::EmptyClaim);
    }

    #[test]
    fn overlong_claims_are_refused() {
        assert!(matches!(
            req(&"x".repeat(2001), None).parse(),
            Err(RequestError::ClaimTooLong(2001))
        ));
        assert!(req(&"é".repeat(2000), None).parse().is_ok());
    }

    #[test]
    fn more_than_twenty_sources_are_refused() {
        let many: Vec<&str> = std::iter::repeat_n("https://example.com/", 21).collect();
        assert!(matches!(
            req("x", Some(many)).parse(),
            Err(RequestError::TooManySources(21))
        ));
    }

    #[test]
    fn non_http_sources_are_refused() {
        for bad in ["file:///etc/passwd", "ftp://x.org/", "not a url", "javascript:alert(1)"] {
            assert!(
                matches!(req("x", Some(vec![bad])).parse(), Err(RequestError::BadSource(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn batch_items_fail_alone_and_inherit_top_level_sources() {
        let batch: BatchRequest = serde_json::from_value(serde_json::json!({
            "claims": [{"claim": "a"}, {"claim": 5}, {"claim": "b", "sources": ["https://own.example/"]}, {"claim": ""}],
            "sources": ["https://shared.example/"]
        }))
        .unwrap();
        let items = batch.parse().unwrap();
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.sources.as_ref().unwrap()[0].label(), "https://shared.example/");
        assert!(matches!(items[1], Err(RequestError::BadItem(_))));
        assert_eq!(
            items[2].as_ref().unwrap().sources.as_ref().unwrap()[0].label(),
            "https://own.example/"
        );
        assert_eq!(items[3].as_ref().unwrap_err(), &RequestError::EmptyClaim);
    }

    #[test]
    fn batches_are_bounded() {
        let too_many = BatchRequest {
            claims: Some(vec![serde_json::json!({"claim": "x"}); 1001]),
            sources: None,
        };
        assert_eq!(too_many.parse().unwrap_err(), RequestError::BatchTooLarge(1001));
        assert_eq!(BatchRequest::default().parse().unwrap_err(), RequestError::EmptyBatch);
    }

    #[test]
    fn verdict_words_match_the_contract() {
        assert_eq!(serde_json::to_string(&Verdict::NotFound).unwrap(), "\"not_found\"");
        assert_eq!(Verdict::Misattributed.as_str(), "misattributed");
    }
}
