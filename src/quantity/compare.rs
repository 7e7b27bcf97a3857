//! Pairing claim figures with source figures, and deciding whether each pair agrees.
//!
//! Figures pair by what they are (unit, what they count, rate, period), never by position: a source sentence often
//! holds more figures than the claim, in another order. Among the compatible source figures the one describing the
//! same period wins, then the one whose sentence shares most content words with the claim ("Burglary (down 22%)"
//! for a claim about burglary, not "Knife crime (down 24%)"), then one that agrees, then one counting the same thing,
//! then the nearest value; so a wrong claim still pairs with the figure it gets wrong and can be shown as a
//! difference, and a list of similar figures cannot lend a wrong claim a match about something else. A source
//! figure whose sentence shares no content word with the claim's (beyond the counted noun) and no period is about
//! something else and is not paired at all, so it can neither support nor contradict.
//!
//! Units: two figures compare only when their units share a base unit ("62 miles" and "100 km" meet as metres, a
//! ratio and a percentage as percentages); values and intervals are converted to that base first. A label never
//! compares as a value: a claim label pairs only with the source label that names the same thing ("999 calls" with
//! "999 calls"), and that pairing is reported as such ([`Pairing::label`]).
//!
//! Agreement: the source value lies in the claim's interval (a bare claim figure allows its own precision, a hedged
//! one its hedge), or the source's whole interval lies inside the claim's ("more than 100" vs "over 100"); a hedge
//! pointing the other way ("nearly 100" vs "more than 100") or a vague source ("hundreds") never agrees by its value
//! alone; directions must not be opposite, periods must not differ.

use serde::Serialize;

use super::periods::Relation;
use super::unit::Unit;
use super::{tables, Bound, Change, Quantity};

/// One claim figure and the source figure it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pairing {
    /// Index into the claim's quantities.
    pub claim: usize,
    /// Index into the source's quantities; `None` when no source figure is about the same thing.
    pub source: Option<usize>,
    /// The pair agrees (always false when unpaired).
    pub agree: bool,
    /// Both figures name what they count, and it is the same thing: a strong pairing.
    pub same_counts: bool,
    /// Both figures name their period, and it is the same one.
    pub same_period: bool,
    /// Content words the two figures' sentences share, beyond the counted noun: how surely they are about the same
    /// thing (0 when either sentence has no content words, e.g. a bare "86.2%").
    pub shared_words: usize,
    /// Both figures are labels naming the same thing ("999 calls"): aligned, never compared as values.
    pub label: bool,
}

/// How sure a pairing is: figures that count nothing named only pair when they agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    Strong,
    Weak,
}

/// How far from an open bound ("up to", "more than") a figure may lie and still bear it out.
const OPEN_BOUND_FACTOR: f64 = 2.0;

/// Relative slack for float comparisons.
const EPS: f64 = 1e-9;

/// Pairs every claim figure with the source figure it is about and decides agreement.
#[must_use]
pub fn pair(claim: &[Quantity], source: &[Quantity]) -> Vec<Pairing> {
    claim
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            if c.is_label() {
                return pair_label(ci, c, source);
            }
            let best = source
                .iter()
                .enumerate()
                .filter_map(|(si, s)| Candidate::new(c, s, si))
                .max_by(|a, b| {
                    a.rank()
                        .cmp(&b.rank())
                        .then(b.distance.total_cmp(&a.distance))
                        .then(b.index.cmp(&a.index))
                });
            match best {
                Some(b) => Pairing {
                    claim: ci,
                    source: Some(b.index),
                    agree: b.agree,
                    same_counts: b.same_counts,
                    same_period: b.period == Relation::Same,
                    shared_words: b.shared,
                    label: false,
                },
                None => unpaired(ci),
            }
        })
        .collect()
}

fn unpaired(claim: usize) -> Pairing {
    Pairing {
        claim,
        source: None,
        agree: false,
        same_counts: false,
        same_period: false,
        shared_words: 0,
        label: false,
    }
}

/// A claim label pairs with the first source label that names the same thing; failing that, with a source label
/// for the same kind of thing under another number ("101 calls" against "999 calls": another line, so they
/// disagree as names, not as values); otherwise with nothing.
fn pair_label(ci: usize, c: &Quantity, source: &[Quantity]) -> Pairing {
    let same = source.iter().position(|s| labels_align(c, s));
    let other_line = || {
        source
            .iter()
            .position(|s| s.is_label() && c.counts.is_some() && s.counts == c.counts)
    };
    match same.or_else(other_line) {
        Some(si) => Pairing {
            claim: ci,
            source: Some(si),
            agree: same.is_some(),
            same_counts: c.counts.is_some() && c.counts == source[si].counts,
            same_period: false,
            shared_words: shared_words(&c.context, &source[si].context, None),
            label: true,
        },
        None => unpaired(ci),
    }
}

/// Two labels that name the same thing: "999 calls" and "999 call", "Covid-19" and "COVID 19", "A380" and "a380".
#[must_use]
pub fn labels_align(a: &Quantity, b: &Quantity) -> bool {
    a.is_label() && b.is_label() && a.label_key() == b.label_key()
}

/// A source figure that could be about the claim figure, with what makes it a better or worse match.
struct Candidate {
    index: usize,
    period: Relation,
    shared: usize,
    /// Per mille of the source clause's content words that the claim's sentence uses.
    closeness: usize,
    agree: bool,
    same_counts: bool,
    same_bound: bool,
    same_dir: bool,
    distance: f64,
}

impl Candidate {
    fn new(c: &Quantity, s: &Quantity, index: usize) -> Option<Candidate> {
        let strength = compatible(c, s)?;
        let agree = agrees(c, s);
        // A figure that names nothing it counts may confirm, never contradict; nor may "more than 100" meet a bare 12.
        let open_bound = matches!(c.bound, Bound::AtLeast | Bound::AtMost) && c.bound != s.bound;
        if strength == Strength::Weak && (!agree || open_bound) {
            return None;
        }
        let period = period_relation(c, s);
        // Words beyond the counted noun itself: "officers" alone does not make two sentences about the same officers.
        let in_sentence = shared_words(&c.context, &s.context, c.counts.as_deref());
        let beyond_counts = |q: &Quantity| q.context.iter().any(|w| Some(w.as_str()) != c.counts.as_deref());
        let unrelated = in_sentence == 0 && beyond_counts(c) && beyond_counts(s) && period != Relation::Same;
        // Dates qualify a whole sentence; other figures belong to their clause. What counts is the share of the
        // source's words the claim uses, so a long clause does not win by length.
        let (shared, pool) = if c.unit == "date" {
            (in_sentence, s.context.len())
        } else {
            (
                shared_words(&c.context, &s.clause_context, c.counts.as_deref()),
                s.clause_context.len(),
            )
        };
        let closeness = shared * 1000 / pool.max(1);
        if unrelated {
            return None;
        }
        Some(Candidate {
            index,
            period,
            shared,
            closeness,
            agree,
            same_counts: c.counts.is_some() && c.counts == s.counts,
            same_bound: c.bound == s.bound,
            same_dir: c.change.is_some() && c.change == s.change,
            distance: distance(c, s),
        })
    }

    /// Most important first: a period that does not differ, the same period, shared words, agreement, then the
    /// finer likenesses. Ties go to the nearest value, then to the earlier figure.
    fn rank(&self) -> (bool, bool, usize, bool, bool, bool, bool) {
        (
            self.period != Relation::Different,
            self.period == Relation::Same,
            self.closeness,
            self.agree,
            self.same_counts,
            self.same_bound,
            self.same_dir,
        )
    }
}

/// Number of words two sorted word lists share, not counting `except`.
fn shared_words(a: &[String], b: &[String], except: Option<&str>) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if except != Some(a[i].as_str()) {
                    n += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A figure in its base unit, as a change's magnitude: "-7%" reads as "down 7%" so the two meet.
#[derive(Debug, Clone, Copy)]
struct View {
    value: f64,
    low: f64,
    high: f64,
    bound: Bound,
}

fn view(q: &Quantity) -> View {
    let (low, high) = q.base_interval();
    let v = View {
        value: q.base_value(),
        low,
        high,
        bound: q.bound,
    };
    let signed_fall = q.value < 0.0 && q.change == Some(Change::Down) && q.role.is_none() && q.unit != Unit::Date;
    if !signed_fall {
        return v;
    }
    let bound = match q.bound {
        Bound::AtLeast => Bound::AtMost,
        Bound::AtMost => Bound::AtLeast,
        b => b,
    };
    View {
        value: -v.value,
        low: -v.high,
        high: -v.low,
        bound,
    }
}

fn compatible(c: &Quantity, s: &Quantity) -> Option<Strength> {
    if !c.unit.comparable(&s.unit) {
        return None;
    }

    if let (Some(a), Some(b)) = (&c.per, &s.per) {
        if a != b {
            return None;
        }
    }
    // "Hundreds more officers" and "rose by 4.4%" are changes; "8,000 officers", "rose to 4.4%" and the ends of
    // "from 19 to 25 per cent" are levels. A change and a level are different facts.
    let level = |q: &Quantity| q.change.is_none() || q.role.is_some();
    if level(c) != level(s) {
        return None;
    }
    // The start of a change is not its end: "from 19 per cent" never meets "to 25 per cent".
    if let (Some(a), Some(b)) = (c.role, s.role) {
        if a != b {
            return None;
        }
    }
    let counted = matches!(c.unit, Unit::Count | Unit::Percent | Unit::Ratio);
    match (&c.counts, &s.counts) {
        (Some(a), Some(b)) if a != b && counted => None,
        (Some(a), Some(b)) if a == b => Some(Strength::Strong),
        _ if c.unit == Unit::Count => Some(Strength::Weak),
        _ => Some(Strength::Strong),
    }
}

fn period_relation(c: &Quantity, s: &Quantity) -> Relation {
    match (&c.period, &s.period) {
        (Some(a), Some(b)) => a.relation(b),
        _ => Relation::Unknown,
    }
}

fn distance(c: &Quantity, s: &Quantity) -> f64 {
    let (cv, sv) = (view(c).value, view(s).value);
    let d = (cv - sv).abs() / cv.abs().max(sv.abs()).max(EPS);
    if d.is_nan() {
        f64::INFINITY
    } else {
        d
    }
}

/// True when the source figure bears out the claim figure (same base unit assumed by the caller or checked here;
/// labels never agree as values).
#[must_use]
pub fn agrees(c: &Quantity, s: &Quantity) -> bool {
    if !c.unit.comparable(&s.unit) {
        return false;
    }
    if let (Some(a), Some(b)) = (c.change, s.change) {
        if a != b {
            return false;
        }
    }
    if period_relation(c, s) == Relation::Different {
        return false;
    }
    if let (Some(a), Some(b)) = (&c.per, &s.per) {
        if a != b {
            return false;
        }
    }
    if c.unit == Unit::Date {
        return dates_agree(c, s);
    }
    // "all 18 teams" is not "all 58 teams", though both are the whole.
    if let (Some([cn, cd]), Some([sn, sd])) = (c.ratio, s.ratio) {
        let whole = (cn - cd).abs() < EPS || (sn - sd).abs() < EPS;
        if whole && (cd - sd).abs() > EPS {
            return false;
        }
    }
    let (cw, sw) = (view(c), view(s));
    let slack = |x: f64| x.abs().max(1.0) * EPS;
    // Two figures hedged the same open way quote one bound: "more than 3 million" does not bear out "more than
    // 7 million", though it is not false.
    if cw.bound == sw.bound && matches!(cw.bound, Bound::AtLeast | Bound::AtMost) {
        return (sw.value - cw.value).abs() <= tables::HEDGE_WIDTH * cw.value.abs() + slack(cw.value);
    }
    let (mut lo, mut hi) = (cw.low, cw.high);
    // "up to $4 billion" is not borne out by "$200 million", nor "more than 100" by "1,300": an open bound stands
    // for figures within a factor of two of it.
    let bound_value = cw.value;
    match cw.bound {
        Bound::AtMost if bound_value > 0.0 => lo = lo.max(bound_value / OPEN_BOUND_FACTOR),
        Bound::AtLeast if bound_value > 0.0 => hi = hi.min(bound_value * OPEN_BOUND_FACTOR),
        _ => {}
    }
    let within = |x: f64| x >= lo - slack(lo) && x <= hi + slack(hi);
    let inside = within(sw.low) && within(sw.high);
    let opposite = matches!(
        (cw.bound, sw.bound),
        (Bound::AtLeast, Bound::AtMost | Bound::Nearly) | (Bound::AtMost | Bound::Nearly, Bound::AtLeast)
    );
    // Two spans quote their ends: "20-90 minutes" does not bear out "60-90 minutes", though it holds it.
    if cw.bound == Bound::Between && sw.bound == Bound::Between {
        let close = |a: f64, b: f64| (a - b).abs() <= tables::HEDGE_WIDTH / 2.0 * a.abs().max(b.abs()) + slack(a);
        return close(cw.low, sw.low) && close(cw.high, sw.high);
    }
    let by_value = within(sw.value) && !opposite && !matches!(sw.bound, Bound::Range | Bound::Between);
    inside || by_value
}

/// Dates: the spans overlap ("June 2022" and "28 June 2022" both bear out "in 2022"), or an open source span
/// ("since June 2022") starts inside the claim's; a claim "since 2016" needs a source "since" the same start.
fn dates_agree(c: &Quantity, s: &Quantity) -> bool {
    if c.high.is_infinite() {
        return s.high.is_infinite() && (s.value - c.value).abs() < 1.0;
    }
    if s.high.is_infinite() {
        return s.value >= c.low && s.value <= c.high;
    }
    s.low <= c.high && s.high >= c.low
}
