//! The compare table: a claim, a source, and whether the figures agree, disagree, or have nothing to pair with.
//! Each row is read the way the verdict reads it: any paired figure that disagrees makes the row disagree.

use chrono::NaiveDate;

use super::{extract, pair, Context};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Every claim figure that pairs agrees, and at least one pairs.
    Agree,
    /// At least one claim figure pairs with a source figure that it contradicts.
    Disagree,
    /// No claim figure has a source figure about the same thing.
    Unpaired,
}
use Expect::{Agree, Disagree, Unpaired};

/// claim, source, source publication date ("" for none), expected.
#[rustfmt::skip]
const ROWS: &[(&str, &str, &str, Expect)] = &[
    // The rules.
    ("86.2% of 999 calls in 10 seconds", "86.2 per cent of 999 calls are answered within 10 seconds", "", Agree),
    ("86% of 999 calls", "86.2 per cent of 999 calls", "", Agree),
    ("91 per cent", "90.9 per cent", "", Agree),
    ("4.7 million people", "4,660,891 people", "", Agree),
    ("88% of 999 calls", "Around 86.2 per cent of 999 calls", "", Disagree),
    ("88%", "86.2%", "", Disagree),
    ("70 per cent of 999 calls", "around 80 per cent of 999 calls", "", Disagree),
    ("86.2% of 999 calls", "last year around 80 per cent of 999 calls", "2025-01-30", Disagree),
    ("Around 80 per cent of 999 calls", "last year around 80 per cent of 999 calls", "2025-01-30", Agree),
    ("86.2%", "Around 86.2 per cent", "", Agree),
    ("Burglary is up 22%", "Burglary (down 22%)", "", Disagree),
    ("Burglary is down 22%", "Burglary (down 22%)", "", Agree),
    ("fell by 40%", "Gun Crime Lethal Barrel Discharge (down 40%)", "", Agree),
    ("Homicides fell by 11 per cent, with 13 fewer offences", "Homicide (down 11%, thirteen fewer offences)", "", Agree),
    ("in all eight areas", "across seven out of eight areas", "", Disagree),
    ("in seven out of eight areas", "across seven out of eight areas", "", Agree),
    ("in June 2022", "acted in June 2022 following", "", Agree),
    ("in June 2019", "acted in June 2022 following", "", Disagree),
    ("£151 billion", "a record £151m", "", Disagree),
    ("£151 million", "a record £151m", "", Agree),
    ("Sarah Everard was 33 years old", "after 33-year-old Ms Everard was kidnapped", "", Agree),
    ("nearly £15 million a year", "nearly £15 million per year", "", Agree),
    ("£3 million each year", "£3 million funding each year", "", Agree),
    ("nearly £480m between 2023-24 and 2025-26", "nearly £480 million between 2023-24 and 2025-26", "", Agree),
    ("77.6% in 2024", "77.6 per cent in 2023", "", Disagree),
    ("77.6%", "77.6 per cent in 2023", "", Agree),
    ("hundreds of officers", "500 officers", "", Agree),
    ("Hundreds more officers were deployed", "Hundreds more were deployed to teams", "", Agree),
    ("101 calls", "999 calls", "", Disagree),
    ("999 calls", "999 calls", "", Agree),
    ("More than 100 officers", "More than 100 so-called bad apple officers.", "", Agree),
    ("Over 100 recommendations", "Over 100 recommendations have been addressed", "", Agree),
    ("The Met has recruited 5,000 new detectives", "About 8,000 officers have been trained", "", Unpaired),
    ("80,000 officers", "About 8,000 officers", "", Disagree),
    ("About 8,000 officers", "has now trained 8,000 officers", "", Agree),
    ("1,300 extra police officers", "putting 1,300 extra police officers on the streets", "", Agree),
    ("3,000 extra police officers", "putting 1,300 extra police officers on the streets", "", Disagree),
    ("Around 300 potential criminals", "identify around 300 potential criminals in uniform", "", Agree),
    ("An additional 500 staff", "an additional 500 staff ranging from", "", Agree),
    ("69,000 crimes", "a failure to log 69,000 crimes", "", Agree),
    ("rose from 19 per cent to 25 per cent since 2016",
     "Since 2016, he's doubled the funding, taking it from 19 per cent of the budget, to 25 per cent.", "2025-01-23", Agree),
    ("rose from 19 per cent to 35 per cent since 2016",
     "Since 2016, he's doubled the funding, taking it from 19 per cent of the budget, to 25 per cent.", "2025-01-23", Disagree),
    ("fell by 42%", "Knife crime (down 24%)\nGun crime (down 40%)\nBurglary (down 22%)", "", Disagree),
    ("£480m reform budget", "the Met's £480m reform budget", "", Agree),
    // A list of like figures: the one about the same thing is the one compared.
    ("Burglary is down 24%", "Knife crime with injury (down 24%)\nGun crime (down 40%)\nBurglary (down 22%)", "", Disagree),
    ("Knife crime with injury fell by 24%", "Knife crime with injury (down 24%)\nBurglary (down 22%)", "", Agree),
    ("Gun crime fell by 40%", "Knife crime with injury (down 24%)\nGun crime (down 40%)\nBurglary (down 22%)", "", Agree),
    ("Burglary fell by 24%", "Burglary fell 22% while knife crime fell 24%", "", Disagree),
    ("The share of the Met's budget rose from 19 per cent to 25 per cent",
     "Since 2016, he's doubled the funding the MPS receives from City Hall, taking it from 19 per cent of the Met's \
      total budget, to 25 per cent.", "", Agree),
    ("Knife crime fell by 24%", "Burglary fell 22% while knife crime fell 24%", "", Agree),
    ("77.6% of 999 calls were answered within 10 seconds",
     "Around 86.2 per cent of 999 calls are answered within 10 seconds, compared with 77.6 per cent in 2024.", "", Agree),
    // Extra source figures do not get in the way.
    ("86.2% of 999 calls",
     "Around 86.2 per cent of 999 calls are answered within 10 seconds, compared with 77.6 per cent in 2024. \
      In January, it reached 90.9 per cent.", "2025-01-23", Agree),
    ("In 2024, 77.6% of 999 calls were answered within 10 seconds",
     "Around 86.2 per cent of 999 calls are answered within 10 seconds, compared with 77.6 per cent in 2024.",
     "2025-01-23", Agree),
    ("In January the Met answered 90.9% of 999 calls",
     "Around 86.2 per cent of 999 calls are answered. In January, it reached 90.9 per cent.", "2025-01-23", Agree),
    ("In January the Met answered 95% of 999 calls",
     "Around 86.2 per cent of 999 calls are answered. In January, it reached 90.9 per cent.", "2025-01-23", Disagree),
    ("86.2% in 2024", "86.2 per cent, compared with 77.6 per cent in 2024.", "2025-01-23", Disagree),
    ("The Met answers 86.2% of 999 calls within 10 seconds, up from 77.6% in 2024",
     "Around 86.2 per cent of 999 calls are answered within 10 seconds, compared with 77.6 per cent in 2024.",
     "2025-01-23", Agree),
    // Hedges as intervals.
    ("more than 100 officers", "150 officers", "", Agree),
    ("more than 100 officers", "80 officers", "", Disagree),
    ("nearly 100 officers", "more than 100 officers", "", Disagree),
    ("nearly 100 officers", "97 officers", "", Agree),
    ("at least 40 people", "about 40 people", "", Agree),
    ("under two minutes", "one minute 50 seconds", "", Agree),
    ("under two minutes", "two minutes 10 seconds", "", Disagree),
    ("up to 40 people", "35 people", "", Agree),
    ("up to $4 billion", "it paid $200 million", "", Disagree),
    ("more than 100 officers", "1,300 officers", "", Disagree),
    ("more than 3 million people", "more than 7 million people", "", Disagree),
    ("more than 100 officers", "more than 105 officers", "", Agree),
    ("in all 18 teams", "with all 58 teams playing", "", Disagree),
    ("fewer than 10 people", "12 people", "", Disagree),
    ("almost 90%", "89.5%", "", Agree),
    ("almost 90%", "91%", "", Disagree),
    ("about 1,000 homes", "1,080 homes", "", Agree),
    ("about 1,000 homes", "1,200 homes", "", Disagree),
    ("hundreds of people", "a dozen people", "", Disagree),
    ("tens of thousands of people", "45,000 people", "", Agree),
    ("tens of thousands of people", "4,500 people", "", Disagree),
    ("between 10 and 20 per cent of adults", "15% of adults", "", Agree),
    ("between 10 and 20 per cent of adults", "25% of adults", "", Disagree),
    ("15% of adults", "between 10 and 20 per cent of adults", "", Disagree),
    ("between 10 and 20 per cent of adults", "12-18% of adults", "", Disagree),
    ("between 10 and 20 per cent of adults", "10-20% of adults", "", Agree),
    ("Eat 20-90 minutes before your workout", "Eat 60–90 minutes before your workout", "", Disagree),
    // Units, scales and currencies.
    ("£2.5bn", "£2.5 billion", "", Agree),
    ("$3k", "$3,000", "", Agree),
    ("€480 million", "480 million euros", "", Agree),
    ("€480 million", "£480 million", "", Unpaired),
    ("£151m", "£151,000,000", "", Agree),
    ("1.5 million people", "1,500,000 people", "", Agree),
    ("3 million euros", "€3m", "", Agree),
    ("12.5%", "12.46%", "", Agree),
    ("12.5%", "12.6%", "", Disagree),
    ("rose 3 percentage points", "rose by 3 percentage points", "", Agree),
    ("rose 3 percentage points", "rose 3 per cent", "", Unpaired),
    ("10 seconds", "ten seconds", "", Agree),
    ("one minute 50 seconds", "110 seconds", "", Agree),
    ("33 years old", "aged 34", "", Disagree),
    ("£15 million a year", "£15 million a month", "", Unpaired),
    ("Unemployment fell to 4.4%", "Unemployment rose to 4.4%", "", Disagree),
    ("Unemployment rose to 4.4%", "Unemployment was 4.4% in June", "", Agree),
    ("Unemployment rose to 4.5%", "Unemployment was 4.4% in June", "", Disagree),
    ("Hundreds more officers were deployed", "The force trained 8,000 officers who were deployed", "", Unpaired),
    ("Burglary is up 22%", "Burglary: 22% of recorded crime", "", Unpaired),
    ("Its share rose from 19 per cent to 25 per cent", "Its share rose to 25 per cent", "", Agree),
    ("Its share rose from 19 per cent to 35 per cent", "Its share rose to 25 per cent", "", Disagree),
    ("Unemployment rose by 4.4%", "The unemployment rate rose to 4.4% in the three months to June.", "", Unpaired),
    ("Prices rose 10% in 2023", "Prices rose 6% in 2023 and 10% in 2022.", "", Disagree),
    ("Prices rose 6% in 2023", "Prices rose 6% in 2023 and 10% in 2022.", "", Agree),
    ("Prices rose 10% in 2022", "Prices rose 6% in 2023 and 10% in 2022.", "", Agree),
    ("Prices rose 10% last year", "Prices rose 6% in 2023 and 10% in 2022.", "", Agree),
    // Ratios and fractions.
    ("one in four adults", "25% of adults", "", Agree),
    ("one in four adults", "40% of adults", "", Disagree),
    ("half of adults", "50% of adults", "", Agree),
    ("two-thirds of voters", "67% of voters", "", Agree),
    ("two-thirds of voters", "60% of voters", "", Disagree),
    ("nine in ten voters", "90 per cent of voters", "", Agree),
    ("doubled", "has doubled", "", Agree),
    ("Women were three times more likely to be stopped", "women were three times as likely to be stopped", "", Agree),
    ("Women were twice as likely to be stopped", "women were three times as likely to be stopped", "", Disagree),
    ("doubled", "halved", "", Disagree),
    // Periods and dates.
    ("last year 80% of calls", "in 2024 80 per cent of calls", "2025-01-30", Agree),
    ("in June 2022", "led by HMICFRS since June 2022", "", Agree),
    ("since 2016", "Since 2016, he has doubled it", "", Agree),
    ("since 2016", "Since 2015, he has doubled it", "", Disagree),
    ("in 2023-24", "in 2023/24", "", Agree),
    ("in 2023-24", "in 2024-25", "", Disagree),
    ("in 2022", "on 28 June 2022", "", Agree),
    ("Knife crime rose 7% in 2023/24", "Knife crime rose 7% in the year ending March 2024.", "", Agree),
    ("Knife crime rose 7% in March 2024", "Knife crime rose 7% in the year ending March 2024.", "", Disagree),
    ("GDP grew by 0.6% in Q1 2024", "The economy grew by 0.6% in the first quarter of 2024.", "", Agree),
    ("GDP grew by 0.6% in Q2 2024", "GDP grew by 0.6% in the first quarter of 2024.", "", Disagree),
    ("In 2024, 80% of calls", "In 2023, 80% of calls", "", Disagree),
    ("this financial year £151 million", "This financial year alone, the Mayor has put in a record £151m.", "2025-01-23", Agree),
    // What a figure counts.
    ("86.2% of 999 calls", "100 per cent of our partners agree", "", Unpaired),
    ("86.2% of 999 calls", "86.2 per cent of digital contacts", "", Unpaired),
    ("86.2% of 101 calls", "86.2 per cent of 999 calls", "", Disagree),
    ("5,000 detectives", "5,000 officers", "", Unpaired),
    ("5,000 detectives", "Policing (42)", "", Unpaired),
    ("13 fewer offences", "13 more offences", "", Disagree),
    // Units of measure convert to one base; a dimension never meets another.
    ("62 miles", "100 km", "", Agree),
    ("The hunter was taken to a hospital about 300 kilometres away", "around 185 miles away, the hunter", "", Agree),
    ("up to about 220,000 pounds of cargo", "up to 100 metric tons of cargo", "", Agree),
    ("seized more than 8,000 pounds of fireworks", "seized 3.7 metric tons of fireworks", "", Agree),
    ("about an ounce of methamphetamine", "nearly 30 grams of methamphetamine", "", Agree),
    ("about 13 centimetres of rain", "the usual 5 inches (127 millimeters) of rain", "", Agree),
    ("gusts of up to about 90 km/h", "gusts of 55 mph (88.5 kph)", "", Agree),
    ("two weeks off work", "14 days off work", "", Agree),
    ("delayed by more than two and a half hours", "delayed by an average of 2 hours 40 minutes", "", Agree),
    ("faces up to a decade in prison", "faces a maximum of 10 years in prison", "", Agree),
    ("Ravensholme Airport is 68 km away", "Ravensholme Airport, 68 miles away", "", Disagree),
    ("the branch is more than 20 km away", "the branch is 14 miles away", "", Agree),
    ("it was 40C", "it was 104F", "", Agree),
    ("it was 40C", "it was 40F", "", Disagree),
    ("12 km of road", "12 kg of road", "", Unpaired),
    ("50p", "£0.50", "", Agree),
    ("470 pence a share", "£4.70 a share", "", Agree),
    ("£5", "$5", "", Unpaired),
    ("Rs 2 crore", "₹20 million", "", Agree),
    ("75 USD million", "$75m", "", Agree),
    ("1,5 Mio. Euro", "1.5 million euros", "", Agree),
    // Ratios meet percentages; signed figures meet falls.
    ("one in five adults", "20% of adults", "", Agree),
    ("nine of the 12 jurors", "75% of the jurors", "", Agree),
    ("eight out of ten voters", "80% of voters", "", Agree),
    ("GDP fell 0.3%", "GDP: -0.3%", "", Agree),
    ("GDP fell 0.3%", "GDP: -0.5%", "", Disagree),
    // Labels align on what they name, never on their value.
    ("999 calls", "999 calls", "", Agree),
    ("Covid-19 cases", "COVID 19 cases", "", Agree),
    ("the Apollo 11 crew", "the Apollo 12 crew", "", Unpaired),
    ("1,000 calls", "999 calls", "", Unpaired),
];

/// Number of rows, for the size check in `cases`.
pub(super) const COUNT: usize = ROWS.len();

fn outcome(claim: &str, source: &str, published: &str) -> Expect {
    let ctx = Context {
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        lang: None,
    };
    let c = extract(claim, &Context::default());
    let s = extract(source, &ctx);
    let pairs = pair(&c, &s);
    if pairs.iter().any(|p| p.source.is_some() && !p.agree) {
        Disagree
    } else if pairs.iter().any(|p| p.source.is_some()) {
        Agree
    } else {
        Unpaired
    }
}

#[test]
fn every_row_compares_as_a_fact_checker_would() {
    let mut failures = Vec::new();
    for &(claim, source, published, want) in ROWS {
        let got = outcome(claim, source, published);
        if got != want {
            let c = extract(claim, &Context::default());
            let s = extract(source, &Context::default());
            let show = |v: &[super::Quantity]| v.iter().map(|q| q.text.clone()).collect::<Vec<_>>().join(" | ");
            failures.push(format!(
                "{claim:?} vs {source:?}: want {want:?}, got {got:?} [{}] vs [{}]",
                show(&c),
                show(&s)
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

#[test]
fn figure_from_wrong_year_contradicts() {
    assert_eq!(outcome("77.6% in 2024", "77.6 per cent in 2023", ""), Disagree);
}

#[test]
fn unpaired_claim_figure_gets_no_source() {
    let c = extract("5,000 new detectives", &Context::default());
    let s = extract("About 8,000 officers and 42 cars", &Context::default());
    assert_eq!(pair(&c, &s)[0].source, None);
}
