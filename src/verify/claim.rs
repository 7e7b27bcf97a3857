//! A claim of fact, prepared once for every source it is checked against: what is checked (the attribution around it
//! set aside), its figures with their frames, its names, its words and its polarity.
//!
//! What it is for: "According to Edmunds, 16.6 million vehicles will be sold this year" checks the figure, not
//! whether the page writes "according to"; "Cook said Apple pushed its way into the enterprise market" checks what
//! Apple did. The attribution's names stay as hints: a source need not repeat them beside the figure.
//!
//! The key decision: an attribution is recognised by position and a speech verb — "According to X, …", "…,
//! according to X", or a short subject (at most `MAX_ATTRIBUTION_WORDS` words) followed by a verb of saying — so a
//! claim whose subject merely says something ("The report says …") is still read whole when the subject is long.

use super::frames::{self, Figure};
use crate::quantity::{self, Quantity};
use crate::text::{self, lexicon};

/// Longest subject, in words, read as the source of an attributed claim ("The head of the Bureau of Prisons told
/// senators …" has seven): longer, and the verb is more likely inside what is claimed.
const MAX_ATTRIBUTION_WORDS: usize = 8;

/// Verbs that attribute what follows to their subject.
#[rustfmt::skip]
const ATTRIBUTION_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "reported", "reports", "wrote", "writes", "stated", "states",
    "announced", "announces", "claimed", "claims", "warned", "warns", "argued", "argues", "insisted", "insists",
    "believes", "believed", "reckons", "reckoned", "noted", "notes", "admitted", "added", "confirmed", "confirms",
    "revealed", "reveals", "explained", "explains",
];

/// What a claim states.
#[derive(Debug, Clone)]
pub struct Claim {
    pub text: String,
    /// Byte range of what is checked.
    pub body: (usize, usize),
    /// Retrieval terms of the whole claim (the attribution helps choose the passage).
    pub terms: Vec<String>,
    /// Content-word stems of what is checked.
    pub words: Vec<String>,
    /// Folded names in what is checked.
    pub names: Vec<String>,
    /// Folded names in the attribution.
    pub attributed: Vec<String>,
    /// The figures to check, each with its frame (dates that only say when another figure holds are left out).
    pub figures: Vec<Figure>,
    /// Numbers that name something ("999 calls"): shown beside the evidence when it names the same, never checked.
    pub labels: Vec<Quantity>,
    pub negated: bool,
    /// Runs of consecutive names in what is checked ("United States", "Joseph Minga").
    pub name_runs: Vec<Vec<String>>,
}

impl Claim {
    /// Prepares a claim; `common` says whether a stem is written in lower case on the pages read (not a name).
    pub fn new(claim: &str, common: &dyn Fn(&str) -> bool) -> Self {
        let ctx = Self::context(claim);
        let quantities = quantity::extract(claim, &ctx);
        let (body, attribution) = split_attribution(claim);
        let body_text = &claim[body.0..body.1];
        let in_body: Vec<Quantity> = quantities
            .iter()
            .filter(|q| q.start >= body.0 && q.end <= body.1)
            .cloned()
            .collect();
        let only_dates = in_body.iter().filter(|q| !q.is_label()).all(|q| q.unit == "date");
        // With other figures, the claim's dates say when they hold: one span over all of them, given to every
        // figure whose own period names no days ("6.0% in April to June 2026").
        let dated = in_body
            .iter()
            .any(|q| q.unit != "date" && q.period.as_ref().is_some_and(|p| p.first.is_some()));
        let span = (!only_dates && !dated).then(|| date_span(&in_body)).flatten();
        let checked: Vec<Quantity> = in_body
            .iter()
            .filter(|q| only_dates || q.unit != "date")
            // A number that names something ("999 calls", "787-9") is matched as a name, not checked as a value.
            .filter(|q| !q.is_label())
            .filter(|q| !names_a_period(claim, q, &in_body))
            .cloned()
            .map(|mut q| {
                if q.period.as_ref().is_none_or(|p| p.first.is_none()) {
                    q.period = span.clone().or(q.period);
                }
                q
            })
            .collect();
        let toks = text::tokens(claim);
        let lead = lead_names(claim, &toks, body, common);
        // Labels stand in the frames (their keys are words of the segment) but are not figures to check.
        let mut framed = checked.clone();
        framed.extend(in_body.iter().filter(|q| q.is_label()).cloned());
        framed.sort_by_key(|q| q.start);
        let figures = frames::prose(claim, 0, 0, &framed, common)
            .into_iter()
            .filter(|f| !f.q.is_label())
            .map(|mut f| {
                f.seg = (f.seg.0.max(body.0), f.seg.1.min(body.1));
                f.subject.clone_from(&lead);
                f
            })
            .collect();
        let names_in = |range: (usize, usize)| {
            let mut out: Vec<String> = names_at(claim, &toks, range, common).flatten().collect();
            out.sort();
            out.dedup();
            out
        };
        Claim {
            text: claim.to_string(),
            body,
            terms: super::index::terms(claim),
            words: text::content_words(body_text),
            names: names_in(body),
            attributed: attribution.map(names_in).unwrap_or_default(),
            figures,
            labels: in_body.iter().filter(|q| q.is_label()).cloned().collect(),
            negated: text::negated(body_text),
            name_runs: name_runs(claim, &toks, body, common),
        }
    }

    /// The initials of the run of names `name` stands in ("United States" gives "us" for either word), when the run
    /// has two words or more.
    pub fn initials_of(&self, name: &str) -> Option<String> {
        self.name_runs
            .iter()
            .find(|run| run.len() >= 2 && run.iter().any(|w| w == name))
            .map(|run| run.iter().filter_map(|w| w.chars().next()).collect())
    }

    /// How the quantity engine reads a claim: in the language its function words name when that is not English
    /// (a claim in French reads "cent mille" as its pages do), with no date of its own. English claims keep the
    /// engine's reading for text of no language, which also takes "1,3." for a decimal comma.
    pub fn context(claim: &str) -> quantity::Context {
        let words = text::words(claim);
        quantity::Context {
            published: None,
            lang: lexicon::language_of(&words)
                .filter(|&tag| tag != "en")
                .and_then(quantity::Lang::from_tag),
        }
    }

    /// The claim as a page dated `published` reads it: its relative periods ("a year ago", "last year") counted
    /// from that date, as the page's own are. `None` when nothing changes.
    pub fn dated(&self, published: Option<chrono::NaiveDate>) -> Option<Claim> {
        let published = published?;
        let relative = |f: &Figure| f.q.period.as_ref().is_some_and(|p| p.first.is_none());
        if !self.figures.iter().any(relative) {
            return None;
        }
        let ctx = quantity::Context {
            published: Some(published),
            ..Self::context(&self.text)
        };
        let read = quantity::extract(&self.text, &ctx);
        let mut out = self.clone();
        for f in out.figures.iter_mut().filter(|f| relative(f)) {
            if let Some(q) = read.iter().find(|q| q.start == f.q.start && q.end == f.q.end) {
                f.q.period.clone_from(&q.period);
            }
        }
        Some(out)
    }

    pub fn body_text(&self) -> &str {
        &self.text[self.body.0..self.body.1]
    }
}

/// Whether a duration is the length of a period ending at a date ("in the three months to June 2026", "the 12
/// weeks ending 27 September"): the period of the claim's other figures, not a figure of its own.
fn names_a_period(claim: &str, q: &Quantity, all: &[Quantity]) -> bool {
    if q.unit != "second" {
        return false;
    }
    let after = text::words(&claim[q.end..]);
    let to_date = after
        .first()
        .is_some_and(|w| matches!(w.as_str(), "to" | "ending" | "ended" | "through"));
    to_date
        && all
            .iter()
            .any(|d| d.unit == "date" && d.start >= q.end && d.start <= q.end + 24)
}

/// Runs of consecutive names inside `body`.
fn name_runs(
    claim: &str,
    toks: &[text::Token],
    body: (usize, usize),
    common: &dyn Fn(&str) -> bool,
) -> Vec<Vec<String>> {
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for name in names_at(claim, toks, body, common) {
        match name {
            Some(n) => current.push(n),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// For each token of `range`, in order, its folded name when it is one (a possessive's owner), else `None`.
fn names_at<'a>(
    claim: &'a str,
    toks: &'a [text::Token],
    range: (usize, usize),
    common: &'a dyn Fn(&str) -> bool,
) -> impl Iterator<Item = Option<String>> + 'a {
    toks.iter()
        .enumerate()
        .filter(move |(_, t)| t.start >= range.0 && t.end <= range.1)
        .map(move |(i, t)| {
            let initial = t.start == range.0 || frames::opens(claim, toks, i);
            frames::is_name(t, initial, common).then(|| t.form.trim_end_matches("'s").to_string())
        })
}

/// One period spanning a claim's dates, when it has any.
fn date_span(qs: &[Quantity]) -> Option<quantity::Period> {
    let dates: Vec<&Quantity> = qs.iter().filter(|q| q.unit == "date" && q.high.is_finite()).collect();
    let lo = dates.iter().map(|q| q.low).fold(f64::INFINITY, f64::min);
    let hi = dates.iter().map(|q| q.high).fold(f64::NEG_INFINITY, f64::max);
    let day = |v: f64| chrono::NaiveDate::from_num_days_from_ce_opt(v as i32);
    (lo.is_finite() && hi.is_finite()).then(|| quantity::Period {
        text: dates.iter().map(|q| q.text.as_str()).collect::<Vec<_>>().join(" "),
        first: day(lo),
        last: day(hi),
        month: None,
        since: false,
    })
}

/// The names a claim opens with, before its first common word: whose figure it states ("Michael Thomas faces …",
/// "Northmoor's unemployment rate …", "US crude fell …"). "The watchdog graded the Met …" opens with none.
fn lead_names(claim: &str, toks: &[text::Token], body: (usize, usize), common: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let in_body = toks.iter().filter(|t| t.start >= body.0 && t.end <= body.1);
    for (name, t) in names_at(claim, toks, body, common).zip(in_body) {
        match name {
            Some(n) => out.push(n),
            None if !lexicon::is_stopword(&t.form) || !out.is_empty() => break,
            None => {}
        }
    }
    out
}

/// The part of a claim that is checked, and the attribution around it, as byte ranges.
fn split_attribution(claim: &str) -> ((usize, usize), Option<(usize, usize)>) {
    let toks = text::tokens(claim);
    let whole = (0, claim.len());
    let form = |i: usize| toks.get(i).map_or("", |t| t.form.as_str());
    // "According to X, …"
    if form(0) == "according" && form(1) == "to" {
        if let Some(comma) = claim.find(", ") {
            return ((comma + 2, claim.len()), Some((0, comma)));
        }
    }
    // "…, according to X"
    if let Some(at) = claim.rfind(", according to ") {
        return ((0, at), Some((at + 2, claim.len())));
    }
    // "X said (that) …", "X told Y (that|:) …"
    let verb = toks
        .iter()
        .take(MAX_ATTRIBUTION_WORDS + 1)
        .position(|t| ATTRIBUTION_VERBS.contains(&t.form.as_str()));
    let Some(v) = verb.filter(|&v| v > 0) else {
        return (whole, None);
    };
    let subject_has_name = toks[..v].iter().any(|t| t.capital || !lexicon::is_stopword(&t.form));
    if !subject_has_name {
        return (whole, None);
    }
    let mut start = v + 1;
    if form(v) == "told" || form(v) == "tells" {
        // the person told: up to "that", a colon, or the next one or two words
        let colon = claim[toks[v].end..].find(':').map(|c| toks[v].end + c);
        let that = (v + 1..toks.len().min(v + 5)).find(|&i| form(i) == "that");
        match (colon, that) {
            (Some(c), _) if toks.get(v + 4).is_none_or(|t| t.start > c) => {
                return ((c + 1, claim.len()), Some((0, toks[v].end)));
            }
            (_, Some(t)) => start = t + 1,
            _ => start = v + 2,
        }
    } else if form(start) == "that" {
        start += 1;
    }
    match toks.get(start) {
        Some(t) if toks.len() - start >= 3 => ((t.start, claim.len()), Some((0, toks[v].end))),
        _ => (whole, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(claim: &str) -> &str {
        let ((s, e), _) = split_attribution(claim);
        &claim[s..e]
    }

    #[test]
    fn attribution_phrases_are_set_aside() {
        assert_eq!(
            body("According to Edmunds, 16.6 million vehicles will be sold nationwide this year"),
            "16.6 million vehicles will be sold nationwide this year"
        );
        assert_eq!(
            body("Cook said Apple pushed its way into the enterprise market"),
            "Apple pushed its way into the enterprise market"
        );
        assert_eq!(
            body("Edmunds reported that the average rate on new vehicle loans was 6.2 percent last month"),
            "the average rate on new vehicle loans was 6.2 percent last month"
        );
        assert_eq!(
            body("Nearly 300 school districts closed for the rally, according to teachers unions"),
            "Nearly 300 school districts closed for the rally"
        );
        assert_eq!(body("The council approved the plan"), "The council approved the plan");
    }

    #[test]
    fn a_date_that_says_when_is_not_a_figure_of_its_own() {
        let c = Claim::new("Brannock's unemployment rate was 6.0% in April to June 2026", &|_| {
            false
        });
        assert_eq!(c.figures.len(), 1, "{:?}", c.figures);
        assert_eq!(c.names, ["brannock"]);
    }
}
