//! The units of measure, as data: length, mass, area, volume, speed, temperature, energy, power, data sizes and
//! rates, angles; each row with its factor to the base unit of its dimension and every way news copy writes it.
//!
//! `words` match in any case ("Kilometres", "sq ft"); `symbols` only in the case written ("m" is a metre, "M" a
//! million; "MB" a megabyte, "Mb" a megabit); `tight` spellings only glued to the number or inside a compound
//! ("10in", "5 ft 2 in": a spaced "in" is a preposition). Imperial and US units `chain` with smaller units of their
//! dimension ("5 ft 2 in" is 5.17 feet); metric ones are written apart ("12 m 2 dm" is two figures). A length
//! followed by "per", "/" or "an" and a time unit is a speed even when no row spells it ("50 km/ms"). Durations are
//! read by the time-unit table in [`super::units`], and "pounds" is settled between mass and money by the figure
//! parser.

use std::sync::OnceLock;

use super::spell::{Case, Index, Match};
use super::unit::{Dimension, UnitDef};
use Dimension::{Angle, Area, Data, DataRate, Energy, Length, Mass, Power, Speed, Temperature, Volume};

/// One unit and its spellings.
pub(crate) struct Measure {
    pub def: UnitDef,
    pub words: &'static [&'static str],
    pub symbols: &'static [&'static str],
    pub tight: &'static [&'static str],
    pub chains: bool,
}

const fn metric(def: UnitDef, words: &'static [&'static str], symbols: &'static [&'static str]) -> Measure {
    Measure {
        def,
        words,
        symbols,
        tight: &[],
        chains: false,
    }
}

impl Measure {
    /// The same unit with spellings read only glued to the number ("30C").
    const fn tight(mut self, tight: &'static [&'static str]) -> Measure {
        self.tight = tight;
        self
    }
}

const fn imperial(
    def: UnitDef,
    words: &'static [&'static str],
    symbols: &'static [&'static str],
    tight: &'static [&'static str],
) -> Measure {
    Measure {
        def,
        words,
        symbols,
        tight,
        chains: true,
    }
}

const fn u(name: &'static str, dim: Dimension, factor: f64) -> UnitDef {
    let base = match dim {
        Length => "metre",
        Mass => "kilogram",
        Area => "square_metre",
        Volume => "litre",
        Speed => "metre_per_second",
        Temperature => "kelvin",
        Energy => "joule",
        Power => "watt",
        Data => "byte",
        DataRate => "bit_per_second",
        Angle => "radian",
        _ => "",
    };
    UnitDef::new(name, dim, base, factor)
}

/// Five ninths: a Fahrenheit degree in kelvin.
const F: f64 = 5.0 / 9.0;

/// The pound of mass, which the parser may turn into pounds sterling.
pub(crate) const POUND_MASS: &str = "pound_mass";

#[rustfmt::skip]
pub(crate) static MEASURES: &[Measure] = &[
    // Length, in metres.
    metric(u("millimetre", Length, 1e-3), &["millimetre", "millimetres", "millimeter", "millimeters"], &["mm"]),
    metric(u("centimetre", Length, 1e-2), &["centimetre", "centimetres", "centimeter", "centimeters"], &["cm", "cms"]),
    metric(u("decimetre", Length, 0.1), &["decimetre", "decimetres", "decimeter", "decimeters"], &["dm"]),
    metric(u("metre", Length, 1.0), &["metre", "metres", "meter", "meters"], &["m"]),
    metric(u("kilometre", Length, 1e3), &["kilometre", "kilometres", "kilometer", "kilometers", "km", "kms"], &[]),
    metric(u("micrometre", Length, 1e-6), &["micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns"], &["μm", "µm"]),
    metric(u("nanometre", Length, 1e-9), &["nanometre", "nanometres", "nanometer", "nanometers"], &["nm"]),
    metric(u("picometre", Length, 1e-12), &["picometre", "picometres", "picometer", "picometers"], &[]),
    imperial(u("inch", Length, 0.0254), &["inch", "inches"], &["″"], &["in", "ins"]),
    imperial(u("foot", Length, 0.3048), &["foot", "feet", "ft"], &["′"], &[]),
    imperial(u("yard", Length, 0.9144), &["yard", "yards", "yd", "yds"], &[], &[]),
    imperial(u("mile", Length, 1609.344), &["mile", "miles", "mi"], &[], &[]),
    metric(u("nautical_mile", Length, 1852.0), &["nautical mile", "nautical miles", "nmi"], &[]),
    metric(u("light_year", Length, 9.460_730_472_580_8e15), &["light year", "light years", "light-year", "light-years", "lightyear", "lightyears"], &[]),
    // Mass, in kilograms.
    metric(u("microgram", Mass, 1e-9), &["microgram", "micrograms", "mcg"], &["μg", "µg"]),
    metric(u("milligram", Mass, 1e-6), &["milligram", "milligrams", "milligramme", "milligrammes"], &["mg"]),
    metric(u("gram", Mass, 1e-3), &["gram", "grams", "gramme", "grammes"], &["g", "gm", "gms"]),
    metric(u("kilogram", Mass, 1.0), &["kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos", "kg", "kgs"], &[]),
    metric(u("tonne", Mass, 1e3), &["tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes"], &["t"]),
    metric(u("kilotonne", Mass, 1e6), &["kilotonne", "kilotonnes", "kiloton", "kilotons"], &["kt"]),
    metric(u("megatonne", Mass, 1e9), &["megatonne", "megatonnes", "megaton", "megatons"], &["Mt"]),
    metric(u("gigatonne", Mass, 1e12), &["gigatonne", "gigatonnes", "gigaton", "gigatons"], &["Gt"]),
    // A ton without "metric" is the short (US) ton: "about 2,300 tons (2,095 metric tons)".
    metric(u("short_ton", Mass, 907.184_74), &["ton", "tons", "short ton", "short tons"], &[]),
    metric(u("long_ton", Mass, 1_016.046_908_8), &["long ton", "long tons"], &[]),
    imperial(u(POUND_MASS, Mass, 0.453_592_37), &["pound", "pounds", "lb", "lbs"], &[], &[]),
    imperial(u("ounce", Mass, 0.028_349_523_125), &["ounce", "ounces", "oz"], &[], &[]),
    metric(u("troy_ounce", Mass, 0.031_103_476_8), &["troy ounce", "troy ounces", "ozt"], &[]),
    // "13 stone" (never "stones", which are counted); "12st 4lb".
    imperial(u("stone", Mass, 6.350_293_18), &["stone"], &["st"], &[]),
    metric(u("carat", Mass, 2e-4), &["carat", "carats"], &[]),
    // Area, in square metres.
    metric(u("square_millimetre", Area, 1e-6), &["square millimetre", "square millimetres", "square millimeter", "square millimeters"], &["mm²"]),
    metric(u("square_centimetre", Area, 1e-4), &["square centimetre", "square centimetres", "square centimeter", "square centimeters"], &["cm²"]),
    metric(u("square_metre", Area, 1.0), &["square metre", "square metres", "square meter", "square meters", "sq m", "sqm", "sq metres", "sq meters"], &["m²"]),
    metric(u("square_kilometre", Area, 1e6), &["square kilometre", "square kilometres", "square kilometer", "square kilometers", "sq km", "sq kilometres"], &["km²"]),
    metric(u("hectare", Area, 1e4), &["hectare", "hectares"], &["ha"]),
    metric(u("acre", Area, 4_046.856_422_4), &["acre", "acres"], &[]),
    metric(u("square_foot", Area, 0.092_903_04), &["square foot", "square feet", "sq ft", "sq feet", "sqft"], &["ft²"]),
    metric(u("square_inch", Area, 6.4516e-4), &["square inch", "square inches", "sq in"], &["in²"]),
    metric(u("square_yard", Area, 0.836_127_36), &["square yard", "square yards", "sq yd", "sq yards"], &["yd²"]),
    metric(u("square_mile", Area, 2_589_988.110_336), &["square mile", "square miles", "sq mi", "sq miles"], &["mi²"]),
    // Volume, in litres. Gallons, pints and fluid ounces are the US ones.
    metric(u("millilitre", Volume, 1e-3), &["millilitre", "millilitres", "milliliter", "milliliters"], &["ml", "mL"]),
    metric(u("centilitre", Volume, 1e-2), &["centilitre", "centilitres", "centiliter", "centiliters"], &["cl", "cL"]),
    metric(u("decilitre", Volume, 0.1), &["decilitre", "decilitres", "deciliter", "deciliters"], &["dl", "dL"]),
    metric(u("litre", Volume, 1.0), &["litre", "litres", "liter", "liters", "ltr", "ltrs"], &["l", "L"]),
    metric(u("hectolitre", Volume, 100.0), &["hectolitre", "hectolitres", "hectoliter", "hectoliters"], &["hl", "hL"]),
    metric(u("cubic_centimetre", Volume, 1e-3), &["cubic centimetre", "cubic centimetres", "cubic centimeter", "cubic centimeters", "cc"], &["cm³"]),
    metric(u("cubic_metre", Volume, 1e3), &["cubic metre", "cubic metres", "cubic meter", "cubic meters"], &["m³"]),
    metric(u("cubic_kilometre", Volume, 1e12), &["cubic kilometre", "cubic kilometres", "cubic kilometer", "cubic kilometers"], &["km³"]),
    metric(u("cubic_foot", Volume, 28.316_846_592), &["cubic foot", "cubic feet", "cu ft"], &["ft³"]),
    metric(u("cubic_inch", Volume, 0.016_387_064), &["cubic inch", "cubic inches", "cu in"], &["in³"]),
    metric(u("cubic_yard", Volume, 764.554_857_984), &["cubic yard", "cubic yards", "cu yd"], &["yd³"]),
    metric(u("gallon", Volume, 3.785_411_784), &["gallon", "gallons", "gal", "gals", "us gallon", "us gallons"], &[]),
    metric(u("imperial_gallon", Volume, 4.546_09), &["imperial gallon", "imperial gallons"], &[]),
    metric(u("pint", Volume, 0.473_176_473), &["pint", "pints"], &[]),
    metric(u("quart", Volume, 0.946_352_946), &["quart", "quarts"], &["qt"]),
    metric(u("fluid_ounce", Volume, 0.029_573_529_562_5), &["fluid ounce", "fluid ounces", "fl oz"], &[]),
    metric(u("tablespoon", Volume, 0.014_786_764_781_25), &["tablespoon", "tablespoons", "tbsp", "tbs"], &[]),
    metric(u("teaspoon", Volume, 0.004_928_921_593_75), &["teaspoon", "teaspoons", "tsp"], &[]),
    metric(u("barrel", Volume, 158.987_294_928), &["barrel", "barrels", "bbl", "bbls"], &[]),
    // Speed, in metres per second (other lengths per time are composed).
    metric(u("kilometre_per_hour", Speed, 1.0 / 3.6), &["kilometres per hour", "kilometers per hour", "kilometre per hour", "kilometer per hour", "kilometres an hour", "kilometers an hour", "km per hour", "km an hour", "kph", "kmh", "kmph", "km/h", "km/hr", "kms/h"], &[]),
    metric(u("mile_per_hour", Speed, 0.447_04), &["miles per hour", "mile per hour", "miles an hour", "mph", "mi/h"], &[]),
    metric(u("metre_per_second", Speed, 1.0), &["metres per second", "meters per second", "metre per second", "meter per second", "metres a second", "meters a second"], &["m/s"]),
    metric(u("knot", Speed, 1852.0 / 3600.0), &["knot", "knots", "kts"], &["kn"]),
    // Temperature, in kelvin; a bare degree has no scale and compares only with another bare degree.
    metric(UnitDef::affine("degree_celsius", Temperature, "kelvin", 1.0, 273.15), &["degrees celsius", "degree celsius", "degrees centigrade", "degree centigrade", "degrees c", "degree c", "deg c", "deg celsius", "celsius", "celcius", "centigrade"], &["°C", "° C", "ºC", "℃"]).tight(&["C"]),
    metric(UnitDef::affine("degree_fahrenheit", Temperature, "kelvin", F, 273.15 - 32.0 * F), &["degrees fahrenheit", "degree fahrenheit", "degrees f", "degree f", "deg f", "deg fahrenheit", "fahrenheit", "farenheit"], &["°F", "° F", "ºF", "℉"]).tight(&["F"]),
    metric(u("kelvin", Temperature, 1.0), &["kelvin", "kelvins", "degrees kelvin"], &[]),
    metric(UnitDef::new("degree", Temperature, "degree", 1.0), &["degree", "degrees", "deg"], &["°", "º"]),
    // Energy, in joules.
    metric(u("joule", Energy, 1.0), &["joule", "joules"], &["J"]),
    metric(u("kilojoule", Energy, 1e3), &["kilojoule", "kilojoules"], &["kJ"]),
    metric(u("megajoule", Energy, 1e6), &["megajoule", "megajoules"], &["MJ"]),
    metric(u("gigajoule", Energy, 1e9), &["gigajoule", "gigajoules"], &["GJ"]),
    metric(u("watt_hour", Energy, 3.6e3), &["watt hour", "watt hours", "watt-hour", "watt-hours"], &["Wh"]),
    metric(u("kilowatt_hour", Energy, 3.6e6), &["kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours", "kwh"], &[]),
    metric(u("megawatt_hour", Energy, 3.6e9), &["megawatt hour", "megawatt hours", "megawatt-hour", "megawatt-hours", "mwh"], &[]),
    metric(u("gigawatt_hour", Energy, 3.6e12), &["gigawatt hour", "gigawatt hours", "gigawatt-hour", "gigawatt-hours", "gwh"], &[]),
    metric(u("terawatt_hour", Energy, 3.6e15), &["terawatt hour", "terawatt hours", "terawatt-hour", "terawatt-hours", "twh"], &[]),
    // A food calorie is a kilocalorie.
    metric(u("kilocalorie", Energy, 4_184.0), &["calorie", "calories", "kilocalorie", "kilocalories", "kcal"], &[]),
    metric(u("british_thermal_unit", Energy, 1_055.06), &["british thermal unit", "british thermal units", "btu", "btus"], &[]),
    // Power, in watts.
    metric(u("watt", Power, 1.0), &["watt", "watts"], &["W"]),
    metric(u("kilowatt", Power, 1e3), &["kilowatt", "kilowatts"], &["kW", "KW"]),
    metric(u("megawatt", Power, 1e6), &["megawatt", "megawatts"], &["MW"]),
    metric(u("gigawatt", Power, 1e9), &["gigawatt", "gigawatts"], &["GW"]),
    metric(u("terawatt", Power, 1e12), &["terawatt", "terawatts"], &["TW"]),
    metric(u("horsepower", Power, 745.699_872), &["horsepower", "hp", "bhp"], &[]),
    // Data, in bytes (decimal prefixes, as storage is sold); bits are an eighth of a byte.
    metric(u("bit", Data, 0.125), &["bit", "bits"], &[]),
    metric(u("byte", Data, 1.0), &["byte", "bytes"], &[]),
    metric(u("kilobyte", Data, 1e3), &["kilobyte", "kilobytes"], &["kB", "KB"]),
    metric(u("megabyte", Data, 1e6), &["megabyte", "megabytes"], &["MB"]),
    metric(u("gigabyte", Data, 1e9), &["gigabyte", "gigabytes"], &["GB"]),
    metric(u("terabyte", Data, 1e12), &["terabyte", "terabytes"], &["TB"]),
    metric(u("petabyte", Data, 1e15), &["petabyte", "petabytes"], &["PB"]),
    metric(u("kilobit", Data, 125.0), &["kilobit", "kilobits", "kbit"], &["kb", "Kb"]),
    metric(u("megabit", Data, 1.25e5), &["megabit", "megabits", "mbit"], &["Mb"]),
    metric(u("gigabit", Data, 1.25e8), &["gigabit", "gigabits", "gbit"], &["Gb"]),
    // Data rates, in bits per second.
    metric(u("kilobit_per_second", DataRate, 1e3), &["kbps", "kbit/s", "kilobits per second", "kilobits a second"], &["kb/s"]),
    metric(u("megabit_per_second", DataRate, 1e6), &["mbps", "mbit/s", "megabits per second", "megabits a second"], &["Mb/s"]),
    metric(u("gigabit_per_second", DataRate, 1e9), &["gbps", "gbit/s", "gigabits per second", "gigabits a second"], &["Gb/s"]),
    metric(u("megabyte_per_second", DataRate, 8e6), &["megabytes per second"], &["MB/s"]),
    // Angles, in radians ("90 degrees" is a bare degree above).
    metric(u("radian", Angle, 1.0), &["radian", "radians", "rad", "rads"], &[]),
];

/// Time units a length may be divided by to make a speed ("50 km/ms", "meters per millisecond"), in seconds.
const SPEED_TIMES: &[(&str, &str, f64)] = &[
    ("millisecond", "ms", 1e-3),
    ("second", "s", 1.0),
    ("minute", "min", 60.0),
    ("hour", "h", 3_600.0),
];

/// Spellings of [`SPEED_TIMES`] after "per" or "/".
pub(crate) const SPEED_TIME_WORDS: &[(&str, usize)] = &[
    ("millisecond", 0),
    ("milliseconds", 0),
    ("ms", 0),
    ("second", 1),
    ("sec", 1),
    ("s", 1),
    ("minute", 2),
    ("min", 2),
    ("hour", 3),
    ("hr", 3),
    ("h", 3),
];

/// Words that join a length to a time in a speed.
pub(crate) const SPEED_JOINERS: &[&str] = &["per", "an", "a"];

/// A unit found after a number.
pub(crate) type Found = Match<&'static Measure>;

fn index() -> &'static Index<&'static Measure> {
    static INDEX: OnceLock<Index<&'static Measure>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = Index::new();
        for m in MEASURES {
            for w in m.words {
                ix.add(w, Case::Any, false, m);
            }
            for s in m.symbols {
                ix.add(s, Case::Exact, false, m);
            }
            for s in m.tight {
                ix.add(s, Case::Exact, true, m);
            }
        }
        ix
    })
}

/// The unit of measure spelled at token `k`.
pub(crate) fn at(text: &str, toks: &[super::lexer::Token], k: usize) -> Option<Found> {
    index().at(text, toks, k)
}

/// Speeds composed from a length row and a [`SPEED_TIMES`] row: `kilometre_per_millisecond`.
fn composed() -> &'static [UnitDef] {
    static COMPOSED: OnceLock<Vec<UnitDef>> = OnceLock::new();
    COMPOSED.get_or_init(|| {
        let mut out = Vec::new();
        for m in MEASURES.iter().filter(|m| m.def.dimension == Length) {
            for (time, _, secs) in SPEED_TIMES {
                // Built once for the life of the process: a few dozen names.
                let name: &'static str = Box::leak(format!("{}_per_{time}", m.def.name).into_boxed_str());
                out.push(u(name, Speed, m.def.factor / secs));
            }
        }
        out
    })
}

/// The speed of a length per one of [`SPEED_TIMES`] (an index into it).
pub(crate) fn speed(length: &'static UnitDef, time: usize) -> Option<&'static UnitDef> {
    let (t, _, _) = SPEED_TIMES.get(time)?;
    let mut lengths = MEASURES.iter().filter(|m| m.def.dimension == Length);
    let at = lengths.position(|m| std::ptr::eq(&m.def, length))?;
    let name_ok = |d: &&UnitDef| d.name.ends_with(t);
    composed().get(at * SPEED_TIMES.len() + time).filter(name_ok)
}

/// The row of a unit of measure by its canonical name.
pub(crate) fn named(name: &str) -> Option<&'static UnitDef> {
    MEASURES
        .iter()
        .map(|m| &m.def)
        .chain(composed().iter())
        .find(|d| d.name == name)
}

/// Whether a unit chains with smaller units of its dimension ("5 ft 2 in").
pub(crate) fn chains(def: &UnitDef) -> bool {
    MEASURES.iter().any(|m| m.chains && std::ptr::eq(&m.def, def))
}

#[cfg(test)]
mod tests {
    use super::super::lexer::tokenize;
    use super::*;

    #[test]
    fn every_spelling_reads_as_its_unit() {
        let mut n = 0;
        for m in MEASURES {
            for s in m.words.iter().chain(m.symbols).chain(m.tight) {
                let text = format!("7 {s} left");
                let toks = tokenize(&text, None);
                let found = at(&text, &toks, 1).map(|f| f.value.def.name);
                assert_eq!(found, Some(m.def.name), "{s:?}");
                n += 1;
            }
        }
        assert_eq!(n, index().len());
    }

    #[test]
    fn names_are_unique_and_bases_are_shared_within_a_dimension() {
        for (i, a) in MEASURES.iter().enumerate() {
            assert!(
                MEASURES[i + 1..].iter().all(|b| b.def.name != a.def.name),
                "{}",
                a.def.name
            );
            assert!(!a.def.base.is_empty(), "{}", a.def.name);
        }
    }

    #[test]
    fn conversions_meet_at_the_base() {
        let base = |name: &str, v: f64| {
            let d = named(name).unwrap_or_else(|| panic!("{name}"));
            v * d.factor + d.offset
        };
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs());
        assert!(close(base("mile", 62.0), 99_779.328));
        assert!(close(base("pound_mass", 220_000.0), 99_790.321_4));
        assert!(close(base("degree_fahrenheit", 212.0), base("degree_celsius", 100.0)));
        assert!(close(
            base("mile_per_hour", 55.0),
            base("kilometre_per_hour", 88.513_92)
        ));
        assert!(close(base("ounce", 1.0), 0.028_349_523_125));
    }

    #[test]
    fn a_length_per_a_time_is_a_speed() {
        let km = named("kilometre").map(|d| speed(d, 0).map(|s| (s.name, s.factor)));
        assert_eq!(km, Some(Some(("kilometre_per_millisecond", 1e6))));
    }
}
