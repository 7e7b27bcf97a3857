//! Units and dimensions as types: what a figure is measured in, what it measures, and how it converts.
//!
//! Every figure has a [`Unit`]. Counts, shares, points, factors, ages, dates and labels are units of their own;
//! everything measured in a unit of measure, of time or of money is a [`Unit::Measure`] pointing at a row of the
//! unit tables ([`super::measures`], [`super::money`]). Each such row knows its [`Dimension`], the base unit of that
//! dimension and how to convert to it (`base = value × factor + offset`), so "62 miles" and "100 km" meet as metres.
//!
//! The key decision: a figure keeps the value *as written* in the unit *as written* ("12 km" is 12 kilometres,
//! "470 pence" is 470 pence), and comparison converts both sides to the base unit. Two figures compare only when
//! their base units are the same: a length never meets a mass, and pounds sterling never meet dollars (there is no
//! exchange rate in a fact). Durations are the exception kept from the first engine: compound durations ("one
//! minute 50 seconds") have no single written unit, so they are normalised to seconds when read.

use std::fmt;

use serde::{Serialize, Serializer};

/// What a figure measures. Two figures compare only within one dimension (and one base unit: see
/// [`Unit::base_name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// A bare number of things: "1,300 officers".
    Count,
    /// A share of a whole: percentages and ratios ("86.2%", "one in five", "two-thirds of").
    Share,
    /// A difference of percentages: "up 3 percentage points".
    PercentagePoint,
    /// A multiple: "doubled", "three times".
    Factor,
    /// A person's age: "aged 33", "a 40-year-old".
    Age,
    /// A calendar date or period: "June 2022".
    Date,
    /// A number that names something: "999 calls", "Covid-19", "A380", "Route 66". Never compared as a value.
    Label,
    Money,
    Length,
    Mass,
    Area,
    Volume,
    Speed,
    Time,
    Temperature,
    Energy,
    Power,
    Data,
    DataRate,
    Angle,
}

/// A unit of measure, time or money: its canonical name and how it converts to the base unit of its dimension.
#[derive(Debug, PartialEq)]
pub struct UnitDef {
    /// Canonical name, as it appears in answers: `kilometre`, `pound_mass`, `GBP`, `GBP_penny`, `second`.
    pub name: &'static str,
    pub dimension: Dimension,
    /// The unit values convert to (`metre`, `kilogram`, `GBP`, `kelvin`): two units compare only when it is the same.
    pub base: &'static str,
    /// `base = value × factor + offset`.
    pub factor: f64,
    pub offset: f64,
}

impl UnitDef {
    /// A unit that converts to its base by a factor alone.
    pub(crate) const fn new(name: &'static str, dimension: Dimension, base: &'static str, factor: f64) -> Self {
        UnitDef {
            name,
            dimension,
            base,
            factor,
            offset: 0.0,
        }
    }

    /// A unit whose scale starts elsewhere than its base's (temperatures).
    pub(crate) const fn affine(
        name: &'static str,
        dimension: Dimension,
        base: &'static str,
        factor: f64,
        offset: f64,
    ) -> Self {
        UnitDef {
            name,
            dimension,
            base,
            factor,
            offset,
        }
    }
}

/// The second, unit of every duration (durations are normalised to seconds when read).
pub(crate) static SECOND: UnitDef = UnitDef::new("second", Dimension::Time, "second", 1.0);

/// The unit of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// A number of things (what it counts is [`super::Quantity::counts`]).
    Count,
    Percent,
    PercentagePoint,
    /// A share written as a ratio or fraction, stored as a fraction of one ("one in four" = 0.25).
    Ratio,
    Factor,
    YearOfAge,
    /// Days since the Common Era, the span as interval.
    Date,
    /// A number that names something; its value is the number as written, never compared.
    Label,
    /// A unit of measure, of time (always [`SECOND`]) or of money.
    Measure(&'static UnitDef),
}

impl Unit {
    /// The canonical name that answers carry: `percent`, `percentage_point`, `GBP`, `second`, `kilometre`, …
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::PercentagePoint => "percentage_point",
            Unit::Ratio => "ratio",
            Unit::Factor => "factor",
            Unit::YearOfAge => "year_of_age",
            Unit::Date => "date",
            Unit::Label => "label",
            Unit::Measure(d) => d.name,
        }
    }

    #[must_use]
    pub fn dimension(&self) -> Dimension {
        match self {
            Unit::Count => Dimension::Count,
            Unit::Percent | Unit::Ratio => Dimension::Share,
            Unit::PercentagePoint => Dimension::PercentagePoint,
            Unit::Factor => Dimension::Factor,
            Unit::YearOfAge => Dimension::Age,
            Unit::Date => Dimension::Date,
            Unit::Label => Dimension::Label,
            Unit::Measure(d) => d.dimension,
        }
    }

    /// The base unit values convert to: `percent` for shares, `metre`, `kilogram`, `GBP`, …; a unit's own name
    /// for the rest.
    #[must_use]
    pub fn base_name(&self) -> &'static str {
        match self {
            Unit::Percent | Unit::Ratio => "percent",
            Unit::Measure(d) => d.base,
            u => u.as_str(),
        }
    }

    /// A value in this unit, in the base unit ("62 miles" → 99,779 metres; a ratio → a percentage).
    #[must_use]
    pub fn to_base(&self, value: f64) -> f64 {
        match self {
            Unit::Ratio => value * 100.0,
            Unit::Measure(d) => value * d.factor + d.offset,
            _ => value,
        }
    }

    /// Two units whose values can be compared: the same base unit, and not labels.
    #[must_use]
    pub fn comparable(&self, other: &Unit) -> bool {
        *self != Unit::Label && *other != Unit::Label && self.base_name() == other.base_name()
    }

    /// The ISO code (or the name of a currency without one) of a unit of money.
    #[must_use]
    pub fn currency(&self) -> Option<&'static str> {
        match self {
            Unit::Measure(d) if d.dimension == Dimension::Money => Some(d.base),
            _ => None,
        }
    }

    /// A currency or a currency's minor unit.
    #[must_use]
    pub fn is_money(&self) -> bool {
        self.dimension() == Dimension::Money
    }

    /// The unit with this canonical name, if there is one.
    #[must_use]
    pub fn named(name: &str) -> Option<Unit> {
        let simple = [
            Unit::Count,
            Unit::Percent,
            Unit::PercentagePoint,
            Unit::Ratio,
            Unit::Factor,
            Unit::YearOfAge,
            Unit::Date,
            Unit::Label,
            Unit::Measure(&SECOND),
        ];
        simple
            .into_iter()
            .find(|u| u.as_str() == name)
            .or_else(|| super::measures::named(name).map(Unit::Measure))
            .or_else(|| super::money::named(name).map(Unit::Measure))
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Compares the canonical name, so callers written against the string units keep working.
impl PartialEq<str> for Unit {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Unit {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_units_keep_their_names_and_dimensions() {
        let rows = [
            (Unit::Count, "count", Dimension::Count),
            (Unit::Percent, "percent", Dimension::Share),
            (Unit::Ratio, "ratio", Dimension::Share),
            (Unit::PercentagePoint, "percentage_point", Dimension::PercentagePoint),
            (Unit::Factor, "factor", Dimension::Factor),
            (Unit::YearOfAge, "year_of_age", Dimension::Age),
            (Unit::Date, "date", Dimension::Date),
            (Unit::Label, "label", Dimension::Label),
            (Unit::Measure(&SECOND), "second", Dimension::Time),
        ];
        for (unit, name, dim) in rows {
            assert_eq!((unit.as_str(), unit.dimension()), (name, dim));
            assert_eq!(Unit::named(name), Some(unit));
            assert!(unit == name, "{unit} compares with its name");
        }
    }

    #[test]
    fn a_ratio_compares_as_a_percentage() {
        assert!(Unit::Ratio.comparable(&Unit::Percent));
        assert!((Unit::Ratio.to_base(0.25) - 25.0).abs() < 1e-12);
    }

    #[test]
    fn labels_compare_with_nothing() {
        assert!(!Unit::Label.comparable(&Unit::Label));
        assert!(!Unit::Label.comparable(&Unit::Count));
    }

    #[test]
    fn units_serialise_as_their_names() {
        assert_eq!(
            serde_json::to_string(&Unit::PercentagePoint).ok().as_deref(),
            Some("\"percentage_point\"")
        );
    }
}
