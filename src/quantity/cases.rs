//! The parse table: one row per way of writing a figure, with the value, unit, interval and what it counts that a
//! fact-checker would read from it. Every figure in the seed articles and the numeric dev claims is here.

use chrono::NaiveDate;

use super::{extract, Bound, Change, Context, Quantity};

const INF: f64 = f64::INFINITY;

/// One row: in `input`, the `nth` figure reads as `value` `unit` within [`low`, `high`], counting `counts`.
struct Row {
    input: &'static str,
    nth: usize,
    value: f64,
    unit: &'static str,
    low: f64,
    high: f64,
    counts: Option<&'static str>,
    change: Option<Change>,
    per: Option<&'static str>,
}

const fn q(input: &'static str, value: f64, unit: &'static str, low: f64, high: f64) -> Row {
    Row {
        input,
        nth: 0,
        value,
        unit,
        low,
        high,
        counts: None,
        change: None,
        per: None,
    }
}

impl Row {
    const fn counts(mut self, c: &'static str) -> Row {
        self.counts = Some(c);
        self
    }
    const fn nth(mut self, n: usize) -> Row {
        self.nth = n;
        self
    }
    const fn up(mut self) -> Row {
        self.change = Some(Change::Up);
        self
    }
    const fn down(mut self) -> Row {
        self.change = Some(Change::Down);
        self
    }
    const fn per(mut self, p: &'static str) -> Row {
        self.per = Some(p);
        self
    }
}

const MIN: f64 = 60.0;
const HOUR: f64 = 3_600.0;
const DAY: f64 = 86_400.0;
const WEEK: f64 = 604_800.0;
const MONTH: f64 = 2_629_800.0;
const YEAR: f64 = 31_557_600.0;

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Seeds and dev claims.
    q("86.2% of 999 calls in 10 seconds", 86.2, "percent", 86.15, 86.25).counts("call"),
    // a bare fraction is a share, and a change word before its object still gives the direction
    q("could cut the spacecraft's mass by a third", 1.0 / 3.0, "ratio", 1.0 / 3.0 - 0.025, 1.0 / 3.0 + 0.025).down(),
    q("fell by a tenth in October", 0.1, "ratio", 0.075, 0.125).down(),
    // a hedge, an article, then the currency
    q("up to a $250,000 fine", 250_000.0, "USD", 0.0, 250_000.0).counts("fine"),
    // a rate is not "a year ago"
    q("He earns $30,000 a year.", 30_000.0, "USD", 28_500.0, 31_500.0).per("year"),
    q("86.2% of 999 calls in 10 seconds", 999.0, "label", 999.0, 999.0).counts("call").nth(1),
    q("86.2% of 999 calls in 10 seconds", 10.0, "second", 9.5, 10.5).nth(2),
    q("86.2 per cent of 999 calls are answered within 10 seconds", 86.2, "percent", 86.15, 86.25).counts("call"),
    q("86.2 per cent of 999 calls are answered within 10 seconds", 10.0, "second", 0.0, 10.0).nth(2),
    q("Around 86.2 per cent of 999 calls", 86.2, "percent", 77.58, 94.82).counts("call"),
    q("86.2 percent", 86.2, "percent", 86.15, 86.25),
    q("88% of 999 calls", 88.0, "percent", 87.5, 88.5).counts("call"),
    q("86% of 999 calls", 86.0, "percent", 85.5, 86.5).counts("call"),
    q("91 per cent", 91.0, "percent", 90.5, 91.5),
    q("In 2024, 77.6% of 999 calls were answered", 77.6, "percent", 77.55, 77.65).counts("call"),
    q("compared with 77.6 per cent in 2024", 77.6, "percent", 77.55, 77.65),
    q("In January, it reached 90.9 per cent.", 90.9, "percent", 90.85, 90.95),
    q("the Met answered 95% of 999 calls", 95.0, "percent", 94.5, 95.5).counts("call"),
    q("About 8,000 officers have been trained", 8_000.0, "count", 7_200.0, 8_800.0).counts("officer"),
    q("has now trained 8,000 officers in the identification", 8_000.0, "count", 7_600.0, 8_400.0).counts("officer"),
    q("80,000 officers have been trained", 80_000.0, "count", 76_000.0, 84_000.0).counts("officer"),
    q("putting 1,300 extra police officers on the streets", 1_300.0, "count", 1_250.0, 1_350.0).counts("officer"),
    q("put 3,000 extra police officers on the streets", 3_000.0, "count", 2_850.0, 3_150.0).counts("officer"),
    q("a record £151 million into policing", 151e6, "GBP", 150.5e6, 151.5e6),
    q("a record £151m to bolster policing", 151e6, "GBP", 150.5e6, 151.5e6),
    q("The Mayor put £151 billion into policing", 151e9, "GBP", 150.5e9, 151.5e9),
    q("spending nearly £480m between 2023-24 and 2025-26", 480e6, "GBP", 432e6, 480.5e6),
    q("spending nearly £480 million between 2023-24 and 2025-26", 480e6, "GBP", 432e6, 480.5e6),
    q("rose from 19 per cent to 25 per cent since 2016", 19.0, "percent", 18.5, 19.5).up(),
    q("rose from 19 per cent to 25 per cent since 2016", 25.0, "percent", 24.5, 25.5).up().nth(1),
    q("rose from 19 per cent to 35 per cent since 2016", 35.0, "percent", 34.5, 35.5).up().nth(1),
    q("taking it from 19 per cent of the Met\u{2019}s total budget, to 25 per cent", 19.0, "percent", 18.5, 19.5).counts("budget").up(),
    q("taking it from 19 per cent of the Met\u{2019}s total budget, to 25 per cent", 25.0, "percent", 24.5, 25.5).up().nth(1),
    q("Burglary is down 22% over the mayoralty", 22.0, "percent", 21.5, 22.5).down(),
    q("Burglary is up 22% over the mayoralty", 22.0, "percent", 21.5, 22.5).up(),
    q("Burglary (down 22%)", 22.0, "percent", 21.5, 22.5).down(),
    q("Homicides fell by 11 per cent, with 13 fewer offences", 11.0, "percent", 10.5, 11.5).down(),
    q("Homicides fell by 11 per cent, with 13 fewer offences", 13.0, "count", 12.5, 13.5).counts("offence").down().nth(1),
    q("Homicide (down 11%, thirteen fewer offences)", 13.0, "count", 12.5, 13.5).counts("offence").down().nth(1),
    q("Gun crime lethal barrel discharges fell by 40%", 40.0, "percent", 39.5, 40.5).down(),
    q("Gun Crime Lethal Barrel Discharge (down 40%)", 40.0, "percent", 39.5, 40.5).down(),
    q("victims under 25 fell by 42%", 42.0, "percent", 41.5, 42.5).down().nth(1),
    q("Knife crime with injury victims aged under 25 years (down 24%)", 25.0, "year_of_age", 0.0, 25.0),
    q("Knife crime with injury victims aged under 25 years (down 24%)", 24.0, "percent", 23.5, 24.5).down().nth(1),
    q("Violence with Injury (-7%)", -7.0, "percent", -7.5, -6.5).down(),
    q("The Met failed to log 69,000 crimes", 69_000.0, "count", 68_500.0, 69_500.0).counts("crime"),
    q("More than 100 officers who did not meet the standards", 100.0, "count", 100.0, INF).counts("officer"),
    q("More than 100 so-called bad apple officers. who do not", 100.0, "count", 100.0, INF).counts("officer"),
    q("Around 300 potential criminals in uniform", 300.0, "count", 270.0, 330.0).counts("criminal"),
    q("An additional 500 staff have joined", 500.0, "count", 475.0, 525.0).counts("staff"),
    q("500 staff ranging from superintendents", 500.0, "count", 475.0, 525.0).counts("staff"),
    q("in seven out of eight areas", 0.875, "ratio", 0.85, 0.9).counts("area"),
    q("in all eight areas", 1.0, "ratio", 0.975, 1.0).counts("area"),
    q("Over 100 recommendations have been addressed", 100.0, "count", 100.0, INF).counts("recommendation"),
    q("nearly £15 million a year for the Academy", 15e6, "GBP", 13.5e6, 15.5e6).per("year"),
    q("nearly £15 million per year for the Academy", 15e6, "GBP", 13.5e6, 15.5e6).per("year"),
    q("£3 million each year to improve", 3e6, "GBP", 2.5e6, 3.5e6).per("year"),
    q("£3 million funding each year from City Hall", 3e6, "GBP", 2.5e6, 3.5e6).counts("funding").per("year"),
    q("London rents rose 9.4 per cent in a year", 9.4, "percent", 9.35, 9.45).up(),
    q("The Met has recruited 5,000 new detectives", 5_000.0, "count", 4_750.0, 5_250.0).counts("detective"),
    q("Sarah Everard was 33 years old", 33.0, "year_of_age", 32.5, 33.5),
    q("after 33-year-old Ms Everard was kidnapped", 33.0, "year_of_age", 32.5, 33.5),
    q("Hundreds more officers were deployed", 200.0, "count", 200.0, 999.0).counts("officer").up(),
    q("Hundreds more were deployed", 200.0, "count", 200.0, 999.0).up(),
    q("last year around 80 per cent of 999 calls were answered", 80.0, "percent", 72.0, 88.0).counts("call"),
    q("70 per cent of 999 calls", 70.0, "percent", 69.5, 70.5).counts("call"),
    q("I heard it was nearer 70 per cent.", 70.0, "percent", 63.0, 77.0),
    q("Policing (42)", 42.0, "count", 41.5, 42.5),
    q("the Met\u{2019}s £480m reform budget", 480e6, "GBP", 479.5e6, 480.5e6).counts("budget"),
    q("a history of offending dating back nearly 20 years", 20.0 * YEAR, "second", 18.0 * YEAR, 20.5 * YEAR),
    q("over the last 14 years", 14.0 * YEAR, "second", 13.5 * YEAR, 14.5 * YEAR),
    q("two-and-a-half years after", 2.5 * YEAR, "second", 2.0 * YEAR, 3.0 * YEAR),
    q("12-month period to May 2016", 12.0 * MONTH, "second", 11.5 * MONTH, 12.5 * MONTH),
    q("get back to you in 5 working days", 5.0 * DAY, "second", 4.5 * DAY, 5.5 * DAY),
    q("he has doubled the funding", 2.0, "factor", 2.0, 2.0).up(),
    // Numbers.
    q("1,279,552 people", 1_279_552.0, "count", 1_279_551.5, 1_279_552.5).counts("person"),
    q("2\u{2009}394\u{2009}416 people", 2_394_416.0, "count", 2_394_415.5, 2_394_416.5).counts("person"),
    q("2\u{202f}394\u{202f}416 people", 2_394_416.0, "count", 2_394_415.5, 2_394_416.5).counts("person"),
    q("2\u{a0}394\u{a0}416 people", 2_394_416.0, "count", 2_394_415.5, 2_394_416.5).counts("person"),
    q("4.7 per cent", 4.7, "percent", 4.65, 4.75),
    q("0.5 per cent", 0.5, "percent", 0.45, 0.55),
    q("12.5%", 12.5, "percent", 12.45, 12.55),
    q("4.7 million people", 4.7e6, "count", 4.65e6, 4.75e6).counts("person"),
    q("eight thousand officers", 8_000.0, "count", 7_600.0, 8_400.0).counts("officer"),
    q("a dozen officers", 12.0, "count", 11.5, 12.5).counts("officer"),
    q("twenty-five officers", 25.0, "count", 24.5, 25.5).counts("officer"),
    q("two hundred and fifty homes", 250.0, "count", 245.0, 255.0).counts("home"),
    q("one and a half million people", 1.5e6, "count", 1.45e6, 1.55e6).counts("person"),
    q("a million people", 1e6, "count", 0.95e6, 1.05e6).counts("person"),
    q("hundreds of officers", 200.0, "count", 200.0, 999.0).counts("officer"),
    q("thousands of people", 2_000.0, "count", 2_000.0, 9_999.0).counts("person"),
    q("tens of thousands of people", 20_000.0, "count", 20_000.0, 99_000.0).counts("person"),
    q("dozens of people", 24.0, "count", 24.0, 143.0).counts("person"),
    q("a quarter of adults", 0.25, "ratio", 0.225, 0.275).counts("adult"),
    q("half of adults", 0.5, "ratio", 0.475, 0.525).counts("adult"),
    q("two-thirds of voters", 2.0 / 3.0, "ratio", 2.0 / 3.0 - 0.025, 2.0 / 3.0 + 0.025).counts("voter"),
    q("three quarters of homes", 0.75, "ratio", 0.725, 0.775).counts("home"),
    q("half a million people", 5e5, "count", 4.5e5, 5.5e5).counts("person"),
    q("sales tripled", 3.0, "factor", 3.0, 3.0).up(),
    q("waiting lists halved", 0.5, "factor", 0.5, 0.5).down(),
    q("three times the figure", 3.0, "factor", 2.5, 3.5),
    q("three times more likely", 3.0, "factor", 2.5, 3.5),
    q("twice as likely", 2.0, "factor", 2.0, 2.0),
    q("-3.5 degrees", -3.5, "degree", -3.55, -3.45),
    // Money.
    q("$3k", 3e3, "USD", 2.5e3, 3.5e3),
    q("€480 million", 480e6, "EUR", 479.5e6, 480.5e6),
    q("£2.5bn", 2.5e9, "GBP", 2.45e9, 2.55e9),
    q("£2.5 billion", 2.5e9, "GBP", 2.45e9, 2.55e9),
    q("US$4.2m", 4.2e6, "USD", 4.15e6, 4.25e6),
    q("$1.3 trillion", 1.3e12, "USD", 1.25e12, 1.35e12),
    q("€12bn", 12e9, "EUR", 11.5e9, 12.5e9),
    q("50p", 50.0, "GBP_penny", 49.5, 50.5),
    q("500 pounds", 500.0, "pound_mass", 475.0, 525.0),
    q("he was fined 500 pounds", 500.0, "GBP", 475.0, 525.0),
    q("3 million euros", 3e6, "EUR", 2.5e6, 3.5e6),
    q("£151,000,000", 151e6, "GBP", 150.5e6, 151.5e6),
    q("cut by £3m", 3e6, "GBP", 2.5e6, 3.5e6).down(),
    q("£1.2bn a year", 1.2e9, "GBP", 1.15e9, 1.25e9).per("year"),
    q("£40,000 per year", 40_000.0, "GBP", 38_000.0, 42_000.0).per("year"),
    q("GBP 3 million", 3e6, "GBP", 2.5e6, 3.5e6),
    q("£2024 in fees", 2_024.0, "GBP", 2_023.5, 2_024.5),
    // Percentages and change.
    q("up 3 percentage points", 3.0, "percentage_point", 2.5, 3.5).up(),
    q("fell 2.5 percentage points", 2.5, "percentage_point", 2.45, 2.55).down(),
    q("rose 4% to 12% points", 12.0, "percentage_point", 11.5, 12.5).nth(1),
    q("a 22% rise", 22.0, "percent", 21.5, 22.5).up(),
    q("a 22% increase", 22.0, "percent", 21.5, 22.5).up(),
    q("a fall of 5%", 5.0, "percent", 4.5, 5.5).down(),
    q("increased by 40%", 40.0, "percent", 39.5, 40.5).up(),
    q("Knife crime up 3 per cent", 3.0, "percent", 2.5, 3.5).up(),
    q("2 per cent a year", 2.0, "percent", 1.5, 2.5).per("year"),
    // Hedges.
    q("at least 40 people", 40.0, "count", 40.0, INF).counts("person"),
    q("up to 40 people", 40.0, "count", 0.0, 40.0).counts("person"),
    q("fewer than 10 people", 10.0, "count", 0.0, 10.0).counts("person"),
    q("less than 5%", 5.0, "percent", 0.0, 5.0),
    q("almost 90%", 90.0, "percent", 81.0, 90.5),
    q("roughly 1,000 homes", 1_000.0, "count", 900.0, 1_100.0).counts("home"),
    q("approximately 40 homes", 40.0, "count", 36.0, 44.0).counts("home"),
    q("100 or more people", 100.0, "count", 100.0, INF).counts("person"),
    q("40 or so people", 40.0, "count", 36.0, 44.0).counts("person"),
    q("just over 50 staff", 50.0, "count", 50.0, INF).counts("staff"),
    q("no more than 12 staff", 12.0, "count", 0.0, 12.0).counts("staff"),
    q("in excess of £2m", 2e6, "GBP", 2e6, INF),
    q("people under-25 in London", 25.0, "count", 0.0, 25.0),
    q("between 10 and 20 per cent", 15.0, "percent", 10.0, 20.0),
    q("10-20% of adults", 15.0, "percent", 10.0, 20.0).counts("adult"),
    q("10 to 20 officers", 15.0, "count", 10.0, 20.0).counts("officer"),
    q("rose from 19 to 25 per cent", 19.0, "percent", 18.5, 19.5).up(),
    q("rose from 19 to 25 per cent", 25.0, "percent", 24.5, 25.5).up().nth(1),
    // Ratios.
    q("one in every four adults", 0.25, "ratio", 0.225, 0.275).counts("adult"),
    q("seven out of every ten voters", 0.7, "ratio", 0.675, 0.725).counts("voter"),
    q("one in four adults", 0.25, "ratio", 0.225, 0.275).counts("adult"),
    q("1 in 5 adults", 0.2, "ratio", 0.175, 0.225).counts("adult"),
    q("nine in ten voters", 0.9, "ratio", 0.875, 0.925).counts("voter"),
    q("7 out of 10 voters", 0.7, "ratio", 0.675, 0.725).counts("voter"),
    q("nearly one in four adults", 0.25, "ratio", 0.225, 0.275).counts("adult"),
    // Time.
    q("ten seconds", 10.0, "second", 9.5, 10.5),
    q("one minute 50 seconds", 110.0, "second", 109.5, 110.5),
    q("under two minutes", 120.0, "second", 0.0, 120.0),
    q("1 hour and 20 minutes", 80.0 * MIN, "second", 79.5 * MIN, 80.5 * MIN),
    q("24 hours", 24.0 * HOUR, "second", 23.5 * HOUR, 24.5 * HOUR),
    q("three weeks", 3.0 * WEEK, "second", 2.5 * WEEK, 3.5 * WEEK),
    q("18 months", 18.0 * MONTH, "second", 17.5 * MONTH, 18.5 * MONTH),
    q("a 10-second wait", 10.0, "second", 9.5, 10.5),
    q("aged 33", 33.0, "year_of_age", 32.5, 33.5),
    q("a 40-year-old man", 40.0, "year_of_age", 39.5, 40.5),
    q("Unemployment rose to 4.4%", 4.4, "percent", 4.35, 4.45).up(),
    q("The waiting list fell to 7.4 million", 7.4e6, "count", 7.35e6, 7.45e6).down(),
    q("About one in five children live in poverty", 0.2, "ratio", 0.175, 0.225).counts("child"),
    q("Some 40% of respondents", 40.0, "percent", 36.0, 44.0).counts("respondent"),
    q("15 people found the body", 15.0, "count", 14.5, 15.5).counts("person"),
    q("3 comments", 3.0, "count", 2.5, 3.5).counts("comment"),
    q("16 currently on sale", 16.0, "count", 15.5, 16.5),
];

fn close(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn every_row_parses_to_its_value_unit_interval_and_counts() {
    let ctx = Context::default();
    let mut failures = Vec::new();
    for row in ROWS {
        let found = extract(row.input, &ctx);
        let Some(got) = found.iter().filter(|q| q.unit != "date").nth(row.nth) else {
            failures.push(format!(
                "{:?}: no figure #{} in {:?}",
                row.input,
                row.nth,
                texts(&found)
            ));
            continue;
        };
        let ok = close(got.value, row.value)
            && got.unit == row.unit
            && close(got.low, row.low)
            && close(got.high, row.high)
            && got.counts.as_deref() == row.counts
            && got.change == row.change
            && got.per.as_deref() == row.per;
        if !ok {
            failures.push(format!(
                "{:?} #{}: got {:?} {} {} [{}, {}] counts {:?} change {:?} per {:?}",
                row.input, row.nth, got.text, got.value, got.unit, got.low, got.high, got.counts, got.change, got.per
            ));
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

fn texts(found: &[Quantity]) -> Vec<&str> {
    found.iter().map(|q| q.text.as_str()).collect()
}

/// Text with no value in it: names and codes (labels at most), times of day, ordinals, decades, lone "one".
const NOT_FIGURES: &[&str] = &[
    "one of the officers said",
    "every one of its broken foundations",
    "COVID-19 restrictions",
    "London E16 1ZE",
    "Article 50 was triggered",
    "at 10:30 on Monday",
    "the 1st of the month",
    "at 10am",
    "in the 1990s",
    "This is down to the hard work",
    "Hundred Years War",
    "the third quarter",
    "a 3440x1440 screen",
    "won 7-5, 6-2 on Sunday",
    "West Shore 21-21",
];

#[test]
fn names_codes_and_ordinals_are_not_values() {
    for text in NOT_FIGURES {
        let found = extract(text, &Context::default());
        assert!(
            found.iter().all(|q| q.unit == "date" || q.is_label()),
            "{text:?} gave {:?}",
            texts(&found)
        );
    }
}

/// Dates: text, the span of the `date` figure (first and last day; last empty when open).
#[rustfmt::skip]
const DATES: &[(&str, &str, &str)] = &[
    ("in June 2022 following", "2022-06-01", "2022-06-30"),
    ("acted in June 2022", "2022-06-01", "2022-06-30"),
    ("special measures in June 2019", "2019-06-01", "2019-06-30"),
    ("on 28 June 2022", "2022-06-28", "2022-06-28"),
    ("on 28th June 2022", "2022-06-28", "2022-06-28"),
    ("on June 28, 2022", "2022-06-28", "2022-06-28"),
    ("Posted 30 January 2025 by the editor", "2025-01-30", "2025-01-30"),
    ("in March 2021", "2021-03-01", "2021-03-31"),
    ("Jan 2024", "2024-01-01", "2024-01-31"),
    ("in 2024", "2024-01-01", "2024-12-31"),
    ("In 2022, former Met boss", "2022-01-01", "2022-12-31"),
    ("since 2016", "2016-01-01", ""),
    ("since June 2022", "2022-06-01", ""),
    ("in 2023-24", "2023-04-01", "2024-03-31"),
    ("in 2023/24", "2023-04-01", "2024-03-31"),
    ("in 2023\u{2013}24", "2023-04-01", "2024-03-31"),
    ("between 2023-24 and 2025-26", "2023-04-01", "2026-03-31"),
    ("from 2016 to 2024", "2016-01-01", "2024-12-31"),
    ("2019-2024", "2019-01-01", "2024-12-31"),
    ("to May 2016 as compared", "2016-05-01", "2016-05-31"),
    ("Created on 23 January 2025", "2025-01-23", "2025-01-23"),
    ("than any year since 2003.", "2003-01-01", ""),
    ("12-month period to November 2024", "2023-12-01", "2024-11-30"),
    ("in the year to March 2024", "2023-04-01", "2024-03-31"),
    ("in the year ending March 2024", "2023-04-01", "2024-03-31"),
    ("in the 12 months to March 2024", "2023-04-01", "2024-03-31"),
    ("in the three months to June 2024", "2024-04-01", "2024-06-30"),
    ("in Q1 2024", "2024-01-01", "2024-03-31"),
    ("in the third quarter of 2023", "2023-07-01", "2023-09-30"),
    ("in the final quarter of 2022", "2022-10-01", "2022-12-31"),
];

fn day(s: &str) -> f64 {
    use chrono::Datelike;
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_or(f64::NAN, |d| f64::from(d.num_days_from_ce()))
}

#[test]
fn dates_read_as_spans_of_days() {
    for (text, first, last) in DATES {
        let found = extract(text, &Context::default());
        let date = found.iter().find(|q| q.unit == "date");
        let Some(d) = date else {
            panic!("{text:?}: no date in {:?}", texts(&found))
        };
        let high = if last.is_empty() { f64::INFINITY } else { day(last) };
        assert!(
            close(d.low, day(first)) && close(d.high, high),
            "{text:?}: got {:?} [{}, {}]",
            d.text,
            d.low,
            d.high
        );
        assert_eq!(d.bound, Bound::Range);
    }
}

/// Periods attached to figures: text, publication date, which figure, the period's first and last day
/// (empty when unresolved; "-" when the figure has no period).
#[rustfmt::skip]
const PERIODS: &[(&str, &str, usize, &str, &str)] = &[
    ("last year around 80 per cent of 999 calls", "2025-01-30", 0, "2024-01-01", "2024-12-31"),
    ("In January, it reached 90.9 per cent.", "2025-01-23", 0, "2025-01-01", "2025-01-31"),
    ("In December, it reached 90.9 per cent.", "2025-01-23", 0, "2024-12-01", "2024-12-31"),
    ("This financial year alone, the Mayor has put in £151m.", "2025-01-23", 0, "2024-04-01", "2025-03-31"),
    ("This financial year alone, the Mayor has put in £151m.", "2024-06-01", 0, "2024-04-01", "2025-03-31"),
    ("In the previous calendar year 77.6 per cent were answered.", "2025-01-23", 0, "2024-01-01", "2024-12-31"),
    ("in August last year 7 out of 8 areas", "2025-01-23", 0, "2024-08-01", "2024-08-31"),
    ("Around 86.2 per cent of 999 calls, compared with 77.6 per cent in 2024.", "2025-01-23", 0, "-", "-"),
    ("Around 86.2 per cent of 999 calls, compared with 77.6 per cent in 2024.", "2025-01-23", 2, "2024-01-01", "2024-12-31"),
    ("Since 2016, he has doubled it, taking it from 19 per cent to 25 per cent.", "2025-01-23", 2, "2016-01-01", ""),
    ("last month 5% more", "2025-01-23", 0, "2024-12-01", "2024-12-31"),
    ("last year 80 per cent", "", 0, "", ""),
    ("up from $38,373 a year ago", "2019-11-20", 0, "2018-01-01", "2018-12-31"),
    ("In 2024, 77.6% of calls were answered", "", 0, "2024-01-01", "2024-12-31"),
    ("nearly £480m between 2023-24 and 2025-26", "", 0, "2023-04-01", "2026-03-31"),
    ("More than 100 officers were sacked in 2024, up from 86.2%", "", 0, "2024-01-01", "2024-12-31"),
    ("More than 100 officers were sacked in 2024, up from 86.2%", "", 1, "-", "-"),
    ("GDP grew by 0.6% in the first quarter", "2024-05-22", 0, "2024-01-01", "2024-03-31"),
    ("GDP grew by 0.6% in the third quarter", "2024-05-22", 0, "2023-07-01", "2023-09-30"),
];

#[test]
fn periods_attach_to_the_figures_of_their_clause() {
    for (text, published, nth, first, last) in PERIODS {
        let ctx = Context {
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            lang: None,
        };
        let found = extract(text, &ctx);
        let figure = found.iter().filter(|q| q.unit != "date").nth(*nth);
        let Some(f) = figure else {
            panic!("{text:?}: no figure #{nth} in {:?}", texts(&found))
        };
        if *first == "-" {
            assert!(
                f.period.is_none(),
                "{text:?}: {:?} should have no period, got {:?}",
                f.text,
                f.period
            );
            continue;
        }
        let Some(p) = &f.period else {
            panic!("{text:?}: {:?} has no period", f.text)
        };
        let show = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.to_string());
        assert_eq!(
            (show(p.first).as_str(), show(p.last).as_str()),
            (*first, *last),
            "{text:?}: {:?}",
            f.text
        );
    }
}

#[test]
fn a_year_that_dates_a_figure_is_marked_as_its_period() {
    let found = extract(
        "In 2024, 77.6% of calls were answered. The force was founded in 1829.",
        &Context::default(),
    );
    let dates: Vec<(&str, bool)> = found
        .iter()
        .filter(|q| q.unit == "date")
        .map(|q| (q.text.as_str(), q.is_period_of_figure))
        .collect();
    assert_eq!(dates, [("2024", true), ("1829", false)]);
}

#[test]
fn offsets_point_at_the_text_as_written() {
    let text = "Le co\u{fb}t: \u{a3}151m \u{2014} 86.2\u{a0}per cent of 999 calls, 2\u{202f}394\u{202f}416 people.";
    for q in extract(text, &Context::default()) {
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

#[test]
fn table_has_at_least_two_hundred_cases_with_the_compare_table() {
    let total = ROWS.len() + NOT_FIGURES.len() + DATES.len() + PERIODS.len() + super::compare_cases::COUNT;
    assert!(total >= 200, "only {total} cases");
}
