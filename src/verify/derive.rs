//! Changes a claim states that the source gives only as two levels: "fell by 24 million between 2015-16 and
//! 2025-26" against "fell from 96 million in 2015-16 to 72 million in 2025-26", "rose 1.4 percentage points to
//! 14.6 percent" against "14.6 percent …, up from 13.2 percent", "risen by more than a fifth" against "118,000 …,
//! up from 97,500".
//!
//! What it is for: a fact-checker computes the difference; so does this, and only from a pair the page itself
//! states as the start and end of one change (a "from" figure and its "to", or "X, up from Y"), both framed like
//! the claim's figure. What it is not: arithmetic over any two numbers on a page.
//!
//! The key decisions: the derived change is written in the claim's unit — points for percentage points (the
//! difference of two rates), percent for percent (the difference over the start), the levels' own unit otherwise —
//! and then compared by the same rules as any figure (`quantity::agrees`: the claim's precision, its hedge, its
//! direction). A pair that does not fit the claim's frame derives nothing.

use super::align::{self, Measure, Page};
use super::claim::Claim;
use super::frames::Figure;
use crate::quantity::{self, Bound, Change, Quantity, Role, Unit};

/// A change worked out from two levels the source states.
#[derive(Debug, Clone)]
pub struct Derived<'a> {
    pub from: &'a Figure,
    pub to: &'a Figure,
    /// The derived change, in the claim figure's unit.
    pub change: Quantity,
    pub agree: bool,
    pub coverage: f64,
}

/// Whether a claim figure is a change ("rose by 5%", "fell by 24 million") rather than a level.
pub fn is_change(q: &Quantity) -> bool {
    q.change.is_some() && q.role.is_none()
}

/// The change the source states as two levels for claim figure `c`, when a pair among `candidates` fits its frame.
pub fn change<'a>(claim: &Claim, c: &Figure, candidates: &[&'a Figure], page: &Page<'a>) -> Option<Derived<'a>> {
    let m = Measure::new(claim, c, page.index);
    let mut best: Option<Derived<'a>> = None;
    for (i, &from) in candidates.iter().enumerate() {
        if from.q.role != Some(Role::From) || from.superseded {
            continue;
        }
        // Its end: the "to" of the same change, else the figure the "up from" follows ("118,000 …, up from 97,500").
        let to = candidates
            .iter()
            .copied()
            .filter(|t| t.unit == from.unit && t.q.unit == from.q.unit && !std::ptr::eq(*t, from) && !t.superseded)
            .find(|t| t.q.role == Some(Role::To))
            .or_else(|| {
                candidates[..i]
                    .iter()
                    .rev()
                    .copied()
                    .find(|t| t.unit == from.unit && t.q.unit == from.q.unit && t.q.role.is_none() && !t.superseded)
            });
        let Some(to) = to else { continue };
        let (f_from, f_to) = (align::fit(claim, c, from, page, &m), align::fit(claim, c, to, page, &m));
        if !f_from.why.is_empty() || !f_to.why.is_empty() {
            continue;
        }
        let Some(change) = derive(&c.q, &from.q, &to.q) else {
            continue;
        };
        let agree = quantity::agrees(&c.q, &change);
        let coverage = f_from.coverage.max(f_to.coverage);
        if best.as_ref().is_none_or(|b| coverage > b.coverage) {
            best = Some(Derived {
                from,
                to,
                change,
                agree,
                coverage,
            });
        }
    }
    best
}

/// The change from `from` to `to`, written in the unit of the claim figure `c`.
fn derive(c: &Quantity, from: &Quantity, to: &Quantity) -> Option<Quantity> {
    let (from_v, to_v) = (from.base_value(), to.base_value());
    let delta = to_v - from_v;
    let relative = from_v.abs() > f64::EPSILON;
    let (value, unit) = match (c.unit, from.unit) {
        (Unit::PercentagePoint, Unit::Percent) => (delta, Unit::PercentagePoint),
        (Unit::Percent, _) if relative => (delta / from_v * 100.0, Unit::Percent),
        (Unit::Ratio, _) if relative => (delta / from_v, Unit::Ratio),
        // The levels' own unit: the comparison converts to the claim's ("fell by 5 miles" against kilometres).
        (cu, fu) if cu.comparable(&fu) => (to.value - from.value, fu),
        _ => return None,
    };
    let mut q = Quantity::bare(
        format!("{} to {}", from.text, to.text),
        from.start.min(to.start),
        from.end.max(to.end),
        unit,
        value.abs(),
        (value.abs(), value.abs()),
        Bound::Exact,
    );
    q.change = Some(if value < 0.0 { Change::Down } else { Change::Up });
    q.period = match (&from.period, &to.period) {
        (Some(a), Some(b)) => Some(quantity::Period {
            text: format!("{} to {}", a.text, b.text),
            first: a.first,
            last: b.last,
            month: None,
            since: false,
        }),
        _ => None,
    };
    Some(q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::{extract, Context};

    fn one(text: &str) -> Quantity {
        extract(text, &Context::default()).into_iter().next().expect("a figure")
    }

    #[test]
    fn a_difference_of_two_rates_is_in_points_and_a_relative_one_in_percent() {
        let (a, b) = (one("13.2 percent"), one("14.6 percent"));
        let points = derive(&one("rose 1.4 percentage points"), &a, &b).unwrap();
        assert!((points.value - 1.4).abs() < 1e-9);
        assert_eq!(points.change, Some(Change::Up));
        let relative = derive(&one("rose 37 percent"), &one("0.90 percent"), &one("1.23 percent")).unwrap();
        assert!((relative.value - 36.666).abs() < 0.01);
    }

    #[test]
    fn a_fall_between_two_counts_is_their_difference() {
        let d = derive(&one("fell by 24 million"), &one("96 million"), &one("72 million")).unwrap();
        assert!((d.value - 24e6).abs() < 1.0);
        assert_eq!(d.change, Some(Change::Down));
        assert!(quantity::agrees(&one("fell by 24 million"), &d));
    }
}
