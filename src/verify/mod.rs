//! From read sources to an answer: candidate passages → per-source stance → one verdict across sources.
//!
//! Two paths share the ending. A quotation claim (a speaker given, or words in quote marks) asks the quote module
//! whose words these are; any other claim asks the passage scorer and the quantity engine what the best passage
//! says. Across sources, agreement gives `supported`/`contradicted`, disagreement `mixed`; nothing relevant
//! `not_found`; nothing readable `unverifiable`. A wrong `supported` is the worst failure, so every rule that could
//! produce one demands more than the rules that produce the others.

mod align;
mod analysis;
mod claim;
mod corrections;
mod derive;
mod figures;
mod frames;
pub mod index;
mod quotes;
mod records;
mod statements;
mod summary;
mod verbatim;

use crate::extract::Document;
use crate::fetch::{FetchError, Page};
use crate::model::{CheckAnswer, CheckInput, ClaimKind, Evidence, QuantityOut, SourceStatus, Stance, Verdict};
use crate::quote;

pub use analysis::Analysis;
use claim::Claim;

/// A source after fetching and extraction (or the reason it could not be read).
#[derive(Clone)]
pub struct ReadSource {
    pub label: String,
    pub outcome: Result<std::sync::Arc<ReadPage>, FetchError>,
}

pub struct ReadPage {
    pub page: Page,
    pub doc: Document,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// Sentences, words, figures and quotations of `doc`, worked out once for every claim checked against it (and
    /// shared with a later fetch of the same bytes).
    analysis: std::sync::Arc<std::sync::OnceLock<Analysis>>,
}

impl ReadPage {
    pub fn new(page: Page, doc: Document) -> Self {
        ReadPage {
            title: doc.meta.title.clone(),
            publisher: doc.meta.publisher.clone(),
            page,
            doc,
            analysis: std::sync::Arc::default(),
        }
    }

    /// The same reading for a new fetch of the same bytes: the fetch's own details, the extraction and analysis
    /// already done.
    pub fn refetched(&self, page: Page) -> Self {
        ReadPage {
            page,
            doc: self.doc.clone(),
            title: self.title.clone(),
            publisher: self.publisher.clone(),
            analysis: self.analysis.clone(),
        }
    }

    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| Analysis::new(&self.doc))
    }
}

/// The whole check: the answer to one claim over the sources read for it.
pub fn verify(input: &CheckInput, sources: &[ReadSource]) -> CheckAnswer {
    let statuses: Vec<SourceStatus> = sources.iter().map(status_of).collect();
    let readable: Vec<&ReadPage> = sources.iter().filter_map(|s| s.outcome.as_deref().ok()).collect();
    let claim_qs = crate::quantity::extract(&input.claim, &Claim::context(&input.claim));
    let quoted = quote::parse_claim(&input.claim, input.speaker.as_deref());
    let quantities = claim_qs
        .iter()
        .map(|q| QuantityOut {
            text: q.text.clone(),
            value: q.value,
            unit: q.unit.as_str().to_string(),
        })
        .collect();
    let mut answer = CheckAnswer {
        id: input.id.clone(),
        check_id: None,
        claim: input.claim.clone(),
        speaker: input.speaker.clone(),
        kind: if quoted.is_some() {
            ClaimKind::Quotation
        } else if claim_qs.is_empty() {
            ClaimKind::Statement
        } else {
            ClaimKind::Figures
        },
        verdict: Verdict::Unverifiable,
        confidence: 0.0,
        summary: String::new(),
        quantities,
        evidence: Vec::new(),
        sources: statuses,
    };
    if readable.is_empty() {
        answer.summary = summary::unreadable(&answer.sources);
        return answer;
    }
    let (verdict, confidence, mut evidence) = match &quoted {
        Some(qc) => quotes::check_quotation(qc, &readable),
        None => {
            let (verdict, confidence, evidence, kind) = check_fact(&input.claim, &readable);
            answer.kind = kind;
            (verdict, confidence, evidence)
        }
    };
    // Deciding evidence first, then mentions; within each, the closest first.
    evidence.sort_by(|a, b| {
        rank(a.stance)
            .cmp(&rank(b.stance))
            .then(b.similarity.total_cmp(&a.similarity))
    });
    answer.verdict = verdict;
    answer.confidence = (confidence * 100.0).round() / 100.0;
    answer.summary = summary::of(verdict, input, &evidence, readable.len());
    answer.evidence = evidence;
    answer
}

fn rank(s: Stance) -> u8 {
    match s {
        Stance::Supports | Stance::Contradicts => 0,
        Stance::Mentions => 1,
    }
}

fn check_fact(claim: &str, pages: &[&ReadPage]) -> (Verdict, f64, Vec<Evidence>, ClaimKind) {
    let common = |w: &str| pages.iter().all(|p| p.analysis().common(w));
    let claim = Claim::new(claim, &common);
    let kind = if claim.figures.is_empty() {
        ClaimKind::Statement
    } else {
        ClaimKind::Figures
    };
    let mut evidence = Vec::new();
    let (mut supports, mut contradicts) = (Vec::new(), Vec::new());
    for page in pages {
        let found = if claim.figures.is_empty() {
            statements::assess(&claim, page)
        } else {
            figures::assess(&claim, page)
        };
        let Some(f) = found else { continue };
        match f.stance {
            Stance::Supports => supports.push(f.similarity),
            Stance::Contradicts => contradicts.push(f.similarity),
            Stance::Mentions => {}
        }
        let mut ev = evidence_item(page, f.start, f.end, f.stance, f.similarity);
        ev.matched_quantities = f.matched;
        ev.differences = f.differences;
        evidence.push(ev);
    }
    let verdict = match (supports.is_empty(), contradicts.is_empty()) {
        (false, false) => Verdict::Mixed,
        (false, true) => Verdict::Supported,
        (true, false) => Verdict::Contradicted,
        (true, true) => Verdict::NotFound,
    };
    let best = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    let confidence = match verdict {
        Verdict::Supported => best(&supports),
        Verdict::Contradicted => best(&contradicts),
        Verdict::Mixed => 0.5,
        _ => 1.0 - evidence.iter().map(|e| e.similarity).fold(0.0, f64::max) * 0.5,
    };
    (verdict, confidence.clamp(0.0, 1.0), evidence, kind)
}

pub(crate) fn evidence_item(page: &ReadPage, start: usize, end: usize, stance: Stance, similarity: f64) -> Evidence {
    let text = &page.doc.text;
    let start_char = text[..start].chars().count();
    let passage = text[start..end].to_string();
    let end_char = start_char + passage.chars().count();
    Evidence {
        source: page.page.url.clone(),
        title: page.title.clone(),
        publisher: page.publisher.clone(),
        published: page.doc.meta.published.clone(),
        byline: page.doc.meta.byline.clone(),
        canonical_url: page.doc.meta.canonical_url.clone(),
        stance,
        passage,
        start: start_char,
        end: end_char,
        similarity: (similarity * 100.0).round() / 100.0,
        speaker: None,
        differences: Vec::new(),
        matched_quantities: Vec::new(),
        snapshot: Some(page.page.sha256.clone()),
    }
}

fn status_of(s: &ReadSource) -> SourceStatus {
    match &s.outcome {
        Ok(p) => SourceStatus {
            url: s.label.clone(),
            status: "ok".into(),
            fetched_at: Some(p.page.fetched_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            sha256: Some(p.page.sha256.clone()),
            error: None,
        },
        Err(e) => SourceStatus {
            url: s.label.clone(),
            status: e.code(),
            fetched_at: None,
            sha256: None,
            error: Some(e.to_string()),
        },
    }
}
