//! Properties: any number printed in a supported style parses back to itself, and no text makes extraction
//! panic or return offsets that are not character boundaries of the input.

use proptest::prelude::*;

use super::{extract, Context};

/// Groups the digits of `n` in threes with `sep`.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && matches!((digits.len() - i) % 3, 0) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// English words for 1..=999_999.
fn words(n: u64) -> String {
    fn below_thousand(n: u64) -> String {
        let (h, rest) = (n / 100, n % 100);
        let mut parts = Vec::new();
        if h > 0 {
            parts.push(format!("{} hundred", ONES[usize::try_from(h).unwrap_or(0)]));
        }
        if rest > 0 {
            let r = usize::try_from(rest).unwrap_or(0);
            let tail = if r < 20 {
                ONES[r].to_string()
            } else if r % 10 == 0 {
                TENS[r / 10].to_string()
            } else {
                format!("{}-{}", TENS[r / 10], ONES[r % 10])
            };
            if h > 0 {
                parts.push(format!("and {tail}"));
            } else {
                parts.push(tail);
            }
        }
        parts.join(" ")
    }
    let (th, rest) = (n / 1000, n % 1000);
    match (th, rest) {
        (0, r) => below_thousand(r),
        (t, 0) => format!("{} thousand", below_thousand(t)),
        (t, r) if r < 100 => format!("{} thousand and {}", below_thousand(t), below_thousand(r)),
        (t, r) => format!("{} thousand {}", below_thousand(t), below_thousand(r)),
    }
}

fn first_value(text: &str) -> Option<f64> {
    extract(text, &Context::default()).first().map(|q| q.value)
}

proptest! {
    #[test]
    fn integers_in_every_digit_style_parse_back(n in 0u64..10_000_000_000_000, style in 0usize..5) {
        let sep = ["", ",", "\u{2009}", "\u{202f}", "\u{a0}"][style];
        let text = format!("£{} paid", grouped(n, sep));
        let got = first_value(&text);
        prop_assert_eq!(got, Some(n as f64), "{}", text);
    }

    #[test]
    fn decimals_parse_back(int in 0u64..1_000_000, frac in 0u32..1000, places in 1usize..4) {
        let frac = frac % 10u32.pow(u32::try_from(places).unwrap_or(1));
        let text = format!("{}.{:0width$} per cent", grouped(int, ","), frac, width = places);
        let want: f64 = format!("{int}.{frac:0places$}").parse().unwrap_or(f64::NAN);
        prop_assert_eq!(first_value(&text), Some(want), "{}", text);
    }

    #[test]
    fn scaled_money_parses_back(tenths in 1u64..10_000, scale in 0usize..6) {
        let (suffix, factor) = [("m", 1e6), (" million", 1e6), ("bn", 1e9), (" billion", 1e9), ("k", 1e3), (" thousand", 1e3)][scale];
        let text = format!("£{}.{}{suffix}", tenths / 10, tenths % 10);
        let want = (tenths as f64 / 10.0) * factor;
        let got = first_value(&text).unwrap_or(f64::NAN);
        prop_assert!((got - want).abs() <= want * 1e-12, "{text}: {got} != {want}");
    }

    #[test]
    fn number_words_parse_back(n in 2u64..1_000_000) {
        let text = format!("{} people", words(n));
        prop_assert_eq!(first_value(&text), Some(n as f64), "{}", text);
    }

    #[test]
    fn percentages_in_every_spelling_parse_back(tenths in 0u64..10_000, style in 0usize..4) {
        let unit = ["%", " per cent", " percent", "\u{a0}per cent"][style];
        let text = format!("{}.{}{unit} of calls", tenths / 10, tenths % 10);
        let q = extract(&text, &Context::default());
        prop_assert_eq!(q.first().map(|q| (q.value, q.unit.as_str())), Some((tenths as f64 / 10.0, "percent")));
    }

    #[test]
    fn durations_in_minutes_and_seconds_parse_back(m in 1u64..600, sec in 1u64..60, words_style in proptest::bool::ANY) {
        let minutes = if words_style && m < 20 { ONES[usize::try_from(m).unwrap_or(0)].to_string() } else { m.to_string() };
        let unit = if m == 1 { "minute" } else { "minutes" };
        let text = format!("answered in {minutes} {unit} {sec} seconds");
        let q = extract(&text, &Context::default());
        prop_assert_eq!(q.first().map(|q| (q.value, q.unit.as_str())), Some(((m * 60 + sec) as f64, "second")), "{}", text);
    }

    #[test]
    fn dates_parse_back(days in 0i64..60_000) {
        use chrono::Datelike;
        let date = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(days)));
        let Some(date) = date else { return Ok(()) };
        let text = format!("on {}", date.format("%-d %B %Y"));
        let q = extract(&text, &Context::default());
        let want = f64::from(date.num_days_from_ce());
        prop_assert_eq!(q.first().map(|q| (q.low, q.high, q.unit.as_str())), Some((want, want, "date")), "{}", text);
    }

    #[test]
    fn arbitrary_text_never_panics_and_offsets_are_boundaries(text in "\\PC{0,200}") {
        check_offsets(&text);
    }

    #[test]
    fn figure_like_text_never_panics(parts in proptest::collection::vec(piece(), 0..40)) {
        let text: String = parts.concat();
        check_offsets(&text);
    }

    #[test]
    fn pairing_never_panics_and_points_inside(a in proptest::collection::vec(piece(), 0..20), b in proptest::collection::vec(piece(), 0..20)) {
        let ctx = Context::default();
        let (claim, source) = (extract(&a.concat(), &ctx), extract(&b.concat(), &ctx));
        let pairs = super::pair(&claim, &source);
        prop_assert_eq!(pairs.len(), claim.len());
        for (i, p) in pairs.iter().enumerate() {
            prop_assert_eq!(p.claim, i);
            prop_assert!(p.source.is_none_or(|s| s < source.len()));
            prop_assert!(p.source.is_some() || !p.agree);
        }
    }
}

/// Fragments that exercise the parser's corners: signs, separators, scales, hedges, dates, non-ASCII spaces.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..100_000).prop_map(|n| n.to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("-".to_string()),
        Just("\u{2013}".to_string()),
        Just("/".to_string()),
        Just(" ".to_string()),
        Just("\u{202f}".to_string()),
        Just("\u{2009}".to_string()),
        Just("\u{a0}".to_string()),
        Just("\n".to_string()),
        Just("£".to_string()),
        Just("%".to_string()),
        Just("é".to_string()),
        Just("’".to_string()),
        proptest::sample::select(vec![
            " per cent",
            " million",
            "m",
            "bn",
            "k",
            " more than ",
            " about ",
            " nearly ",
            " up to ",
            " under-",
            " fell by ",
            " down ",
            " from ",
            " to ",
            " between ",
            " and ",
            " since ",
            " June ",
            " January ",
            " last year",
            " this financial year",
            " out of ",
            " in ",
            " all ",
            " half ",
            " a quarter of ",
            " two-thirds",
            " hundreds",
            " tens of thousands",
            " one minute ",
            " seconds",
            " years old",
            "-year-old",
            " thirteen fewer ",
            " doubled",
            " per year",
            " of 999 calls",
            " aged ",
            " times",
            " or more",
            "+",
        ])
        .prop_map(str::to_string),
    ]
}

fn check_offsets(text: &str) {
    let ctx = Context {
        published: chrono::NaiveDate::from_ymd_opt(2025, 1, 23),
        lang: None,
    };
    for q in extract(text, &ctx) {
        assert!(q.start <= q.end && q.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end), "{q:?}");
        assert_eq!(&text[q.start..q.end], q.text);
        assert!(!q.value.is_nan(), "{q:?}");
        if let Some(p) = &q.period {
            assert!(text.contains(p.text.as_str()));
        }
    }
}
