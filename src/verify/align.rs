//! Alignment decides: which source figure states the same thing as a claim figure — the same measure, for the same
//! entity and period — and whether it agrees.
//!
//! What it is for: a value that appears on the page but belongs to another entity, measure or period must neither
//! support nor contradict. What it is not: the number comparison itself (`quantity::agrees`) or the verdict across
//! a claim's figures and sources (`figures`, `mod`).
//!
//! The key decisions:
//! - Candidates are ranked by how well their frame matches the claim figure's, never by whether they agree: first no
//!   conflict of names (the claim's entity given a figure of its own elsewhere in the unit, or another entity as the
//!   figure's subject), then no conflict of heads ("revenue of" against "a loss of"), then the same period, then a
//!   matching head, then the share of the claim's measure words the frame holds (weighted by rarity on the page),
//!   then shared names.
//! - The best candidate decides only when it is aligned: no conflict, every name of the claim figure on the page, at
//!   least `MEASURE_MIN` of its measure words in the frame, and no candidate ranked equal that disagrees with it.
//! - Percent and percentage points align (the same change, told in another unit) but never agree.

use super::claim::Claim;
use super::frames::Figure;
use super::index::PageIndex;
use crate::quantity::{self, Quantity};
use crate::text::{self, lexicon};

/// Share of a claim figure's measure words (rarity-weighted) that a source figure's frame must hold to state the
/// same measure. Half: "Northmoor's unemployment rate fell to 4.7%" against "The unemployment rate … was 4.7%"
/// holds all of {unemployment, rate}; a frame holding only the commonest of the claim's words does not decide.
pub const MEASURE_MIN: f64 = 0.5;

/// With the same head and every name of the claim figure in its frame, a source figure states the same measure on
/// less of the claim's other words: "City Hall's share of the Met's budget … 19 per cent" against "the funding
/// … from City Hall, taking it from 19 per cent of the Met's total budget" (share/funding is a paraphrase).
pub const HEAD_MEASURE_MIN: f64 = 0.3;

/// Coverage is compared in steps of this size when ranking, so that frames equally good up to noise tie and a tie
/// between an agreeing and a disagreeing figure is seen as the ambiguity it is.
const COVERAGE_STEP: f64 = 0.05;

/// How a claim figure and a source figure may be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The same unit family: they agree or disagree by value.
    Same,
    /// Percent against percentage points: the same change written in another unit, which never agrees.
    PointsForPercent,
}

/// The source figure a claim figure is about, and what it says of it.
#[derive(Debug, Clone)]
pub struct Alignment<'a> {
    pub source: &'a Figure,
    pub agree: bool,
    /// The frames align: this figure can support or contradict.
    pub decisive: bool,
    /// Share of the claim figure's measure words the source frame holds.
    pub coverage: f64,
    rank: Rank,
}

/// Ranking key, most important first (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    no_name_conflict: bool,
    no_head_conflict: bool,
    /// 2 the same period, 1 unknown, 0 another period.
    period: u8,
    head_match: bool,
    coverage_steps: i64,
    name_hits: usize,
    same_counts: bool,
    correction: bool,
}

/// Numbers that name something (a label) are never compared as values.
pub fn is_label(q: &Quantity) -> bool {
    q.unit == "label"
}

/// How the periods of two figures relate: the same span, spans that do not meet, or no telling (unknown, or
/// overlapping spans written differently: "the first half" and "the 26 weeks to Aug. 29").
fn relation(c: &Quantity, s: &Quantity) -> quantity::Relation {
    let (Some(a), Some(b)) = (&c.period, &s.period) else {
        return quantity::Relation::Unknown;
    };
    match (a.first, a.last, b.first, b.last) {
        (Some(af), Some(al), Some(bf), Some(bl)) => {
            if af == bf && al == bl {
                quantity::Relation::Same
            } else if al < bf || bl < af {
                quantity::Relation::Different
            } else {
                quantity::Relation::Unknown
            }
        }
        _ => a.relation(b),
    }
}

fn family(unit: &str) -> &str {
    match unit {
        "ratio" => "percent",
        "year_of_age" => "count",
        u => u,
    }
}

fn kind(c: &Quantity, s: &Quantity) -> Option<Kind> {
    if is_label(c) || is_label(s) {
        return None;
    }
    let k = match (family(&c.unit), family(&s.unit)) {
        (a, b) if a == b => Kind::Same,
        ("percent", "percentage_point") | ("percentage_point", "percent") => Kind::PointsForPercent,
        _ => return None,
    };
    // A change and a level are different facts; the start of a change is not its end.
    let level = |q: &Quantity| q.change.is_none() || q.role.is_some();
    if level(c) != level(s) {
        return None;
    }
    if let (Some(a), Some(b)) = (c.role, s.role) {
        if a != b {
            return None;
        }
    }
    if let (Some(a), Some(b)) = (&c.counts, &s.counts) {
        let (a, b) = (text::stem(&text::fold(a)), text::stem(&text::fold(b)));
        if !text::same_word(&a, &b) {
            return None;
        }
    }
    Some(k)
}

/// The claim figure's measure words: its frame's words and head, without names, directions and calendar words.
fn measure_words(c: &Figure, claim: &Claim) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in c.words.iter().chain(&c.head) {
        let is_name = c
            .names
            .iter()
            .chain(&claim.names)
            .chain(&claim.attributed)
            .any(|n| text::stem(n) == *w);
        if is_name || lexicon::direction(w).is_some() || lexicon::is_calendar(w) || out.contains(w) {
            continue;
        }
        out.push(w.clone());
    }
    out
}

/// The best-aligned source figure for claim figure `c` among `candidates` (figures of the units retrieved), with the
/// unit lists of the page (`figures`) for conflicts inside a unit.
pub fn best<'a>(
    claim: &Claim,
    c: &Figure,
    candidates: &[&'a Figure],
    figures: &'a [Vec<Figure>],
    index: &PageIndex,
    unit_text: &dyn Fn(usize) -> &'a str,
) -> Option<Alignment<'a>> {
    let measure = measure_words(c, claim);
    let weights: Vec<f64> = measure.iter().map(|w| index.idf(w).max(0.1)).collect();
    let total: f64 = weights.iter().sum();
    let names_on_page = c.names.iter().all(|n| index.has_form(n));
    let mut scored: Vec<Alignment<'a>> = Vec::new();
    for &s in candidates {
        if s.superseded {
            continue;
        }
        let Some(k) = kind(&c.q, &s.q) else { continue };
        let period = relation(&c.q, &s.q);
        let coverage = if total > 0.0 {
            measure
                .iter()
                .zip(&weights)
                .map(|(w, x)| x * s.weight_of(w))
                .sum::<f64>()
                / total
        } else {
            1.0
        };
        let unit_words = text::words(unit_text(s.unit));
        let mut name_hits = 0;
        let mut name_elsewhere_in_unit = false;
        for n in &c.names {
            if s.names.contains(n) || s.words.iter().any(|w| *w == text::stem(n)) {
                name_hits += 1;
            } else if unit_words.contains(n) {
                name_elsewhere_in_unit = true;
            }
        }
        // The claim opens with whose figure it is; this figure is someone else's and the unit never names the
        // claim's ("Wales recorded 3,100" for "Scotland recorded 3,100").
        let subject_other = !c.subject.is_empty()
            && !s.subject.is_empty()
            && c.subject
                .iter()
                .all(|n| !s.names.contains(n) && !s.context.contains(&text::stem(n)) && !unit_words.contains(n));
        let no_name_conflict = !name_elsewhere_in_unit && !subject_other;
        let head_match = c.head.iter().any(|h| s.head.iter().any(|x| text::same_word(h, x)));
        // Both say what they are figures of, and not the same thing: "like-for-like sales" against "revenue".
        let head_mismatch =
            !head_match && !c.head.is_empty() && !s.head.is_empty() && !c.head.iter().any(|h| s.has_word(h));
        // The source says the opposite word of the claim's ("won all previous 15" for "lost all 15").
        let opposite = c
            .words
            .iter()
            .any(|w| !s.has_word(w) && s.words.iter().any(|x| lexicon::opposite(w, x)));
        let head_elsewhere = !head_match
            && !c.head.is_empty()
            && !s.head.is_empty()
            && figures[s.unit]
                .iter()
                .any(|o| !std::ptr::eq(o, s) && c.head.iter().any(|h| o.head.iter().any(|x| text::same_word(h, x))));
        let same_counts = c.q.counts.is_some() && c.q.counts == s.q.counts;
        let agree = k == Kind::Same && !opposite && quantity::agrees(&c.q, &s.q);
        let rank = Rank {
            no_name_conflict,
            no_head_conflict: !head_elsewhere,
            period: match period {
                quantity::Relation::Different => 0,
                quantity::Relation::Unknown => 1,
                quantity::Relation::Same => 2,
            },
            head_match,
            coverage_steps: (coverage / COVERAGE_STEP).round() as i64,
            name_hits,
            same_counts,
            correction: s.correction,
        };
        let all_names = name_hits == c.names.len() && name_hits > 0;
        let decisive = no_name_conflict
            && !head_elsewhere
            && !head_mismatch
            && period != quantity::Relation::Different
            && names_on_page
            && (coverage >= MEASURE_MIN
                || (head_match && all_names && coverage >= HEAD_MEASURE_MIN)
                || (total == 0.0 && name_hits > 0));
        scored.push(Alignment {
            source: s,
            agree,
            decisive,
            coverage,
            rank,
        });
    }
    let top = scored.iter().map(|a| a.rank).max()?;
    let tied: Vec<&Alignment<'a>> = scored.iter().filter(|a| a.rank == top).collect();
    let ambiguous = tied.iter().any(|a| a.agree) && tied.iter().any(|a| !a.agree);
    // Among equals, the agreeing one is shown (and decides nothing when the tie is ambiguous).
    let mut chosen = tied.iter().find(|a| a.agree).copied().unwrap_or(tied[0]).clone();
    if ambiguous {
        chosen.decisive = false;
    }
    Some(chosen)
}
