//! The reading table of units, money, numbers in words and page languages: one row per way of writing a figure,
//! with the value and unit a reader would take from it (intervals and what figures count are in [`super::cases`]).

use super::{extract, Context, Lang, Unit};

/// In `input` on a page in `lang` ("" for unknown), the `nth` figure reads as `value` in `unit`.
struct Row {
    input: &'static str,
    lang: &'static str,
    nth: usize,
    value: f64,
    unit: &'static str,
}

const fn r(input: &'static str, value: f64, unit: &'static str) -> Row {
    Row {
        input,
        lang: "",
        nth: 0,
        value,
        unit,
    }
}

impl Row {
    const fn lang(mut self, lang: &'static str) -> Row {
        self.lang = lang;
        self
    }
    const fn nth(mut self, n: usize) -> Row {
        self.nth = n;
        self
    }
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Units of measure, glued, spaced, hyphenated and compound.
    r("the road is 12 km long", 12.0, "kilometre"),
    r("62 miles from the coast", 62.0, "mile"),
    r("a 3 kg bag", 3.0, "kilogram"),
    r("winds of 1.5 mph", 1.5, "mile_per_hour"),
    r("You weigh 200lbs.", 200.0, "pound_mass"),
    r("its 3-inch thickness", 3.0, "inch"),
    r("on my four-mile drive", 4.0, "mile"),
    r("more than 10 1/2 miles of cable", 10.5, "mile"),
    r("he is 5 ft 2 in", 5.0 + 2.0 / 12.0, "foot"),
    r("he is 5 feet and 2 inches tall", 5.0 + 2.0 / 12.0, "foot"),
    r("½ teaspoon baking powder", 0.5, "teaspoon"),
    r("190,000 square meters of property", 190_000.0, "square_metre"),
    r("0.9 trillion cubic feet of gas", 0.9e12, "cubic_foot"),
    r("90 km/h", 90.0, "kilometre_per_hour"),
    r("50 meters per millisecond", 50.0, "metre_per_millisecond"),
    r("a 7.62mm barrel", 7.62, "millimetre"),
    r("the 100m sprint", 100.0, "metre"),
    r("a 30m-high wall", 30.0, "metre"),
    r("4.7m people", 4.7e6, "count"),
    r("a 100 MB file", 100.0, "megabyte"),
    r("5 GW of capacity", 5.0, "gigawatt"),
    r("300 kWh a year", 300.0, "kilowatt_hour"),
    r("40 hectares of forest", 40.0, "hectare"),
    r("10 gallons of water", 10.0, "gallon"),
    r("500,000 barrels a day", 500_000.0, "barrel"),
    r("3.7 metric tons of fireworks", 3.7, "tonne"),
    r("about 2,300 tons of water", 2_300.0, "short_ton"),
    r("he lost 2 stone", 2.0, "stone"),
    r("the 6-foot-2 forward", 6.0 + 2.0 / 12.0, "foot"),
    r("a 2,000-square-foot home", 2_000.0, "square_foot"),
    r("4 light-years away", 4.0, "light_year"),
    r("The angle is 0.8rad", 0.8, "radian"),
    // Temperatures.
    r("it was 30°C", 30.0, "degree_celsius"),
    r("98.6 degrees Fahrenheit", 98.6, "degree_fahrenheit"),
    r("temperatures of minus 5C", -5.0, "degree_celsius"),
    r("the temperature outside is 98 degrees", 98.0, "degree"),
    // Pounds: mass unless the sentence pays.
    r("and this baby is over two pounds", 2.0, "pound_mass"),
    r("2,000 pounds of fentanyl", 2_000.0, "pound_mass"),
    r("he was fined 500 pounds", 500.0, "GBP"),
    r("a 3 million pounds deal", 3e6, "GBP"),
    // Money: signs, codes and names before or after, scales after codes, minor units, compounds.
    r("The price starts at USD 22.5 million.", 22.5e6, "USD"),
    r("They paid 75 USD million", 75e6, "USD"),
    r("US$ 5MM", 5e6, "USD"),
    r("c $ 16.4 million", 16.4e6, "CAD"),
    r("A$5 a ticket", 5.0, "AUD"),
    r("HK$10", 10.0, "HKD"),
    r("100元", 100.0, "CNY"),
    r("₹2 crore", 2e7, "INR"),
    r("Rs 500", 500.0, "INR"),
    r("a loan of 35 lakh rupees", 3.5e6, "INR"),
    r("five million yen", 5e6, "JPY"),
    r("10 bln euros", 1e10, "EUR"),
    r("an increase to 120 MEUR", 1.2e8, "EUR"),
    r("revenues of about MAUD 60", 6e7, "AUD"),
    r("115USD", 115.0, "USD"),
    r("USD115", 115.0, "USD"),
    r("10 € or more", 10.0, "EUR"),
    r("470 pence a share", 470.0, "GBP_penny"),
    r("a 12-cent dividend", 12.0, "USD_cent"),
    r("45 cents of every euro", 45.0, "EUR_cent"),
    r("thirteen dollars and forty-five cents", 13.45, "USD"),
    r("It costs 15 dollars 50.", 15.5, "USD"),
    r("It may need one kuai and five mao five.", 1.55, "CNY"),
    r("It costs quarter million us dollars.", 250_000.0, "USD"),
    r("10 turkish lira", 10.0, "TRY"),
    // Numbers in words, fractions, decimals, powers and scales.
    r("one trillion", 1e12, "count"),
    r("two thirds", 2.0 / 3.0, "ratio"),
    r("three-quarters of homes", 0.75, "ratio"),
    r("one and a half", 1.5, "count"),
    r("1 1/2", 1.5, "count"),
    r("the result is ¾", 0.75, "ratio"),
    r("1½ hours", 5_400.0, "second"),
    r("twenty-one trillion and three hundred", 21e12 + 300.0, "count"),
    r("two hundred and fifty-four hundredths", 200.54, "count"),
    r("three twenty-firsts", 3.0 / 21.0, "ratio"),
    r("one hundred thirty fifths", 100.0 / 35.0, "count"),
    r("nine point nought four", 9.04, "count"),
    r("just need minus five percent", -5.0, "percent"),
    r("growth of -0.3%", -0.3, "percent"),
    r("1.1^23", 8.954_302_432_552_4, "count"),
    r("12.32e+14", 1.232e15, "count"),
    r("1.3x10^6", 1.3e6, "count"),
    r(" 3 dozens", 36.0, "count"),
    r("half a dozen eggs", 6.0, "count"),
    r("The total is three lakh crore", 3e12, "count"),
    r("10k", 1e4, "count"),
    r(" 2.33 k", 2_330.0, "count"),
    r("1,674,200.5 M", 1_674_200.5e6, "count"),
    r("10G", 1e10, "count"),
    r("200 thousands", 2e5, "count"),
    r("1.5 dozen", 18.0, "count"),
    r("2.5e-3", 0.0025, "count"),
    r("2mil SEK", 2e6, "SEK"),
    r("one over three", 1.0 / 3.0, "ratio"),
    r("2000 over 3", 2000.0 / 3.0, "count"),
    r("4 thousand 3 hundred and 21", 4_321.0, "count"),
    r("The population is 3 million and a half", 3.5e6, "count"),
    r("one billion and three quarters million", 1_000_750_000.0, "count"),
    r("either 10 bln or 10 tln", 1e13, "count").nth(1),
    // Ratios agree with percentages.
    r("nine of the 12 jurors", 0.75, "ratio"),
    r("eight out of ten voters", 0.8, "ratio"),
    r("there are 12 out of 10", 12.0, "count"),
    // Page languages: decimal commas, point and space groups, scale and number words.
    r("3,5 % des voix", 3.5, "percent").lang("fr"),
    r("1.234,5 Einwohner", 1_234.5, "count").lang("de"),
    r("1 200 000 habitants", 1.2e6, "count").lang("fr"),
    r("2\u{202f}418\u{202f}600 habitants", 2_418_600.0, "count").lang("fr"),
    r("1,234 people", 1_234.0, "count").lang("en"),
    r("1,234 personnes", 1.234, "count").lang("fr"),
    r("unemployment was 4,4 %", 4.4, "percent"),
    r("1.309,7 Mio. Euro", 1.3097e9, "EUR"),
    r("zwei Milliarden Euro", 2e9, "EUR").lang("de"),
    r("cent mille personnes", 1e5, "count").lang("fr"),
    r("deux millions et demi d'euros", 2.5e6, "EUR").lang("fr"),
    r("un tiers des votes", 1.0 / 3.0, "ratio").lang("fr"),
    r("2.000 millones de euros", 2e9, "EUR").lang("es"),
    r("tres mil millones", 3e9, "count").lang("es"),
    r("zweihundertfünfzig Menschen", 250.0, "count").lang("de"),
    r("quatre-vingts ans", 80.0 * 31_557_600.0, "second").lang("fr"),
    r("perang yang menewaskan 17.000 orang", 17_000.0, "count").lang("id"),
    r("an ambiguous 17.000 in a claim", 17.0, "count"),
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn every_way_of_writing_a_figure_reads_as_its_value_and_unit() {
    let mut failures = Vec::new();
    for row in ROWS {
        let ctx = Context {
            published: None,
            lang: Lang::from_tag(row.lang),
        };
        let found = extract(row.input, &ctx);
        let got = found.iter().filter(|q| q.unit != Unit::Date).nth(row.nth);
        match got {
            Some(q) if close(q.value, row.value) && q.unit == row.unit => {}
            _ => failures.push(format!(
                "{:?} ({}): want {} {}, got {:?}",
                row.input,
                row.lang,
                row.value,
                row.unit,
                found
                    .iter()
                    .map(|q| (q.text.as_str(), q.value, q.unit.as_str()))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

#[test]
fn a_figure_converts_to_the_base_of_its_dimension() {
    let q = extract("62 miles", &Context::default());
    let (lo, hi) = q[0].base_interval();
    assert!(lo < 100_000.0 && hi > 99_779.0, "{lo} {hi}");
    assert_eq!(q[0].unit.dimension(), super::Dimension::Length);
    let p = extract("50p", &Context::default());
    assert!(close(p[0].base_value(), 0.5));
    assert_eq!(p[0].unit.currency(), Some("GBP"));
}
