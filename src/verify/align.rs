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
use crate::quantity::{self, Quantity, Unit};
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

/// What alignment reads of one page.
pub struct Page<'a> {
    pub figures: &'a [Vec<Figure>],
    pub index: &'a PageIndex,
    pub text: &'a str,
    /// Names of the page's own subject (its title and opening), which every figure on it is about.
    pub topic: &'a [String],
}

impl<'a> Page<'a> {
    pub fn unit_text(&self, u: usize) -> &'a str {
        let unit = self.index.units[u];
        &self.text[unit.start..unit.end]
    }
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
    /// The same share counting only the figure's own clause and lead-in, not the sentence before.
    pub stated: f64,
    /// Why it does not decide (empty when it does).
    pub why: &'static str,
    rank: Rank,
}

/// Ranking key, most important first (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    no_name_conflict: bool,
    no_head_conflict: bool,
    /// 2 the same period, 1 unknown, 0 another period.
    period: u8,
    head_hits: usize,
    coverage_steps: i64,
    name_hits: usize,
    same_counts: bool,
    correction: bool,
}

/// Numbers that name something (a label) are never compared as values.
pub fn is_label(q: &Quantity) -> bool {
    q.is_label()
}

/// How the periods of two figures relate: the same span, spans that do not meet, or no telling (unknown, or
/// overlapping spans written differently: "the first half" and "the 26 weeks to Aug. 29").
fn relation(c: &Quantity, s: &Quantity) -> quantity::Relation {
    let (Some(a), Some(b)) = (&c.period, &s.period) else {
        return quantity::Relation::Unknown;
    };
    // A period "since" a date is open towards the present.
    let open = |p: &quantity::Period| p.last.or(p.since.then_some(chrono::NaiveDate::MAX));
    match (a.first, open(a), b.first, open(b)) {
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

/// Whether two folded names are the same name: equal, or one the other's demonym or inflection ("China" and
/// "Chinese", "Canada" and "Canadian"): a shared opening of four letters or more covering most of the shorter;
/// or one the other's clipped form ("the Met" for "the Metropolitan Police"): all of the shorter, of
/// `CLIPPED_NAME_MIN` letters or more, opening the longer.
pub fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    (common >= NAME_OPENING && common * 10 >= shorter * 7) || (common == shorter && shorter >= CLIPPED_NAME_MIN)
}

/// Whether the page gives this folded name, as written or as a longer form the claim clipped ("Met" for
/// "Metropolitan", "Kellenbach" for "Kellenbacher"); never a shorter one, which would let "Gewerbesteuereinnahmen"
/// stand for "Gewerbesteuer".
pub fn name_on_page(name: &str, index: &PageIndex) -> bool {
    index.has_form(name) || (name.chars().count() >= CLIPPED_NAME_MIN && index.forms().any(|f| f.starts_with(name)))
}

/// The shortest clipped name read as the name it opens ("Met" for "Metropolitan"): two letters are an initialism's
/// business ("UK"), not a clipping.
const CLIPPED_NAME_MIN: usize = 3;

/// Letters two spellings of one name must share at their start (see `same_name`).
const NAME_OPENING: usize = 4;

/// The same value as written, in the same unit.
fn same_value(c: &Quantity, s: &Quantity) -> bool {
    c.unit == s.unit && (c.value - s.value).abs() <= 1e-9 * c.value.abs().max(1.0)
}

/// Relative distance between two values.
fn distance(c: &Quantity, s: &Quantity) -> f64 {
    let d = (c.value - s.value).abs() / c.value.abs().max(s.value.abs()).max(1e-9);
    if d.is_nan() {
        f64::INFINITY
    } else {
        d
    }
}

/// What two figures must share to be compared: the base unit of their dimension (a ratio is a share, an age a
/// number of years).
fn family(unit: &Unit) -> &'static str {
    match unit {
        Unit::YearOfAge => "count",
        u => u.base_name(),
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

/// What a claim figure measures, weighted once for the page: its measure words and their rarity.
pub struct Measure {
    words: Vec<String>,
    weights: Vec<f64>,
    total: f64,
    names_on_page: bool,
}

impl Measure {
    pub fn new(claim: &Claim, c: &Figure, index: &PageIndex) -> Self {
        let words = measure_words(c, claim);
        let weights: Vec<f64> = words.iter().map(|w| index.idf(w).max(0.1)).collect();
        Measure {
            total: weights.iter().sum(),
            words,
            weights,
            names_on_page: c.names.iter().all(|n| name_on_page(n, index)),
        }
    }
}

/// How well a source figure's frame fits a claim figure's, whatever their units.
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    pub coverage: f64,
    pub stated: f64,
    /// Why it cannot decide (empty when it can).
    pub why: &'static str,
    rank: Rank,
    opposite: bool,
}

/// The fit of source figure `s` to claim figure `c` (see the module docs for what is asked).
pub fn fit(claim: &Claim, c: &Figure, s: &Figure, page: &Page<'_>, m: &Measure) -> Fit {
    let period = relation(&c.q, &s.q);
    // Whether the frame states the measure counts every word of its clause alike; which of several frames states
    // it best counts words close to the figure more.
    let share = |weigh: &dyn Fn(&str) -> f64| {
        if m.total > 0.0 {
            m.words.iter().zip(&m.weights).map(|(w, x)| x * weigh(w)).sum::<f64>() / m.total
        } else {
            1.0
        }
    };
    let coverage = share(&|w| s.coverage_of(w));
    let stated = share(&|w| if s.has_word(w) { 1.0 } else { 0.0 });
    let closeness = share(&|w| s.weight_of(w));
    let unit_words = text::words(page.unit_text(s.unit));
    let mut name_hits = 0;
    let mut name_elsewhere_in_unit = false;
    let mut name_unstated = false;
    for n in &c.names {
        let stem = text::stem(n);
        let in_frame = |pool: &[String]| pool.iter().any(|x| same_name(n, x) || *x == stem);
        let by_initials = claim
            .initials_of(n)
            .is_some_and(|a| s.names.contains(&a) || unit_words.contains(&a));
        if in_frame(&s.names) || s.words.contains(&stem) || by_initials {
            name_hits += 1;
        } else if unit_words.iter().any(|w| same_name(n, w)) {
            name_elsewhere_in_unit = true;
        } else if !(in_frame(&s.context) || in_frame(&s.nearby) || in_frame(page.topic)) {
            // Whose figure it is must be said beside it, in what it continues, or by the page's own subject.
            name_unstated = true;
        }
    }
    // The claim opens with whose figure it is; this figure is someone else's and the unit never names the
    // claim's ("Wales recorded 3,100" for "Scotland recorded 3,100").
    let subject_other = !c.subject.is_empty()
        && !s.subject.is_empty()
        && c.subject.iter().all(|n| {
            !s.names.iter().any(|x| same_name(n, x))
                && !s.context.contains(&text::stem(n))
                && !unit_words.iter().any(|w| same_name(n, w))
        });
    let no_name_conflict = !name_elsewhere_in_unit && !subject_other;
    let head_hits = c
        .head
        .iter()
        .filter(|h| s.head.iter().any(|x| text::same_word(h, x)))
        .count();
    let head_match = head_hits > 0;
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
        && page.figures[s.unit]
            .iter()
            .any(|o| !std::ptr::eq(o, s) && c.head.iter().any(|h| o.head.iter().any(|x| text::same_word(h, x))));
    let rank = Rank {
        no_name_conflict,
        no_head_conflict: !head_elsewhere,
        period: match period {
            quantity::Relation::Different => 0,
            quantity::Relation::Unknown => 1,
            quantity::Relation::Same => 2,
        },
        head_hits,
        coverage_steps: (closeness / COVERAGE_STEP).round() as i64,
        name_hits,
        same_counts: c.q.counts.is_some() && c.q.counts == s.q.counts,
        correction: s.correction,
    };
    let all_names = name_hits == c.names.len() && name_hits > 0;
    let measured = coverage >= MEASURE_MIN
        || (head_match && all_names && coverage >= HEAD_MEASURE_MIN)
        || (m.total == 0.0 && name_hits > 0);
    let why = if !no_name_conflict {
        "another entity's figure"
    } else if head_elsewhere || head_mismatch {
        "a figure of something else"
    } else if period == quantity::Relation::Different {
        "another period"
    } else if !m.names_on_page || name_unstated {
        "a name the passage never gives"
    } else if !measured {
        "too few of the claim's words"
    } else {
        ""
    };
    Fit {
        coverage,
        stated,
        why,
        rank,
        opposite,
    }
}

/// The best-aligned source figure for claim figure `c` among `candidates` (figures of the units retrieved).
pub fn best<'a>(claim: &Claim, c: &Figure, candidates: &[&'a Figure], page: &Page<'a>) -> Option<Alignment<'a>> {
    let m = Measure::new(claim, c, page.index);
    let mut scored: Vec<Alignment<'a>> = Vec::new();
    for &s in candidates {
        if s.superseded {
            continue;
        }
        let Some(k) = kind(&c.q, &s.q) else { continue };
        let f = fit(claim, c, s, page, &m);
        let agree = k == Kind::Same && !f.opposite && quantity::agrees(&c.q, &s.q);
        scored.push(Alignment {
            source: s,
            agree,
            decisive: f.why.is_empty(),
            coverage: f.coverage,
            stated: f.stated,
            why: f.why,
            rank: f.rank,
        });
    }
    let top = scored.iter().map(|a| a.rank).max()?;
    let mut tied: Vec<&Alignment<'a>> = scored.iter().filter(|a| a.rank == top).collect();
    // Figures equally well framed are told apart by the one that gives the claim's own figure as written ("286"
    // for "286"), else shown by the nearest value.
    let exact: Vec<&Alignment<'a>> = tied.iter().copied().filter(|a| same_value(&c.q, &a.source.q)).collect();
    if exact.len() == 1 {
        tied = exact;
    }
    tied.sort_by(|a, b| distance(&c.q, &a.source.q).total_cmp(&distance(&c.q, &b.source.q)));
    let ambiguous = tied.iter().any(|a| a.agree) && tied.iter().any(|a| !a.agree);
    // Among equals, the agreeing one is shown (and decides nothing when the tie is ambiguous).
    let mut chosen = tied.iter().find(|a| a.agree).copied().unwrap_or(tied[0]).clone();
    if ambiguous {
        tracing::debug!(tied = ?tied.iter().map(|a| (&a.source.q.text, a.agree, &a.source.words, &a.source.near, &a.source.names, a.rank)).collect::<Vec<_>>(), "ambiguous");
        chosen.decisive = false;
        chosen.why = "figures equally aligned that disagree";
    }
    Some(chosen)
}
