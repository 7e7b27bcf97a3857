//! Table rows and factbox lines as statements: each cell's figure takes its column header (what it measures, its
//! unit and scale, its period) and its row's first cell (whose it is).
//!
//! What it is for: "Area: Brannock; … Unemployment rate, aged 16 and over, April to June 2026 (%): 6.0" states
//! Brannock's unemployment rate for April to June 2026 as 6.0 per cent, and "(thousands)" makes "1,073.5" a count
//! of 1,073,500. What it is not: a table parser — extraction has already written each row as
//! `Header: value; Header: value` (data tables) or `Label; Header: value` (factboxes in `<pre>`).
//!
//! The key decision: a unit or scale written once in a header applies to the bare number in the cell, by rewriting
//! the cell as the quantity engine reads prose ("6.0" under "(%)" is read as "6.0%"), so a cell and a sentence are
//! compared by the same rules.

use super::frames::{is_name, Figure};
use crate::quantity::{self, Change, Context, Quantity};
use crate::text;

/// Header cues for a cell's unit and scale: the words in a header's brackets, and how a bare number under them is
/// written in prose (prefix, suffix).
#[rustfmt::skip]
const HEADER_UNITS: &[(&str, &str, &str)] = &[
    ("%", "", "%"),
    ("per cent", "", " per cent"),
    ("percentage points", "", " percentage points"),
    ("pp", "", " percentage points"),
    ("thousands", "", " thousand"),
    ("000s", "", " thousand"),
    ("millions", "", " million"),
    ("£ mln", "£", " million"),
    ("£m", "£", " million"),
    ("£ million", "£", " million"),
    ("£bn", "£", " billion"),
    ("$ mln", "$", " million"),
    ("$m", "$", " million"),
    ("$bn", "$", " billion"),
    ("€ mln", "€", " million"),
    ("€m", "€", " million"),
    ("pence", "", "p"),
    ("p", "", "p"),
    ("£", "£", ""),
    ("$", "$", ""),
    ("€", "€", ""),
];

/// The figures of one record unit (`text` the row, `base` its offset in the page text).
pub fn cells(text: &str, base: usize, unit: usize, ctx: &Context, common: &dyn Fn(&str) -> bool) -> Vec<Figure> {
    let parts = split_cells(text);
    let Some(&(key_start, key_end)) = parts.first() else {
        return Vec::new();
    };
    let key_text = &text[key_start..key_end];
    // "Area: Ashcombe" names the row by its value; "Revenue (£ mln)" by its label.
    let (key_header, key_value) = match key_text.rsplit_once(": ") {
        Some((h, v)) if !has_digit(v) => (h, v),
        _ => ("", key_text),
    };
    let key_names = names(key_value.trim_end_matches(|c: char| c.is_ascii_digit()), common);
    let key_words = words(key_value);
    let row_unit = unit_cue(key_value);
    let mut out = Vec::new();
    for (i, &(s, e)) in parts.iter().enumerate() {
        let cell = &text[s..e];
        let (header, value, value_at) = match cell.rsplit_once(": ") {
            Some((h, v)) => (h, v, s + h.len() + 2),
            None => ("", cell, s),
        };
        if i == 0 && !has_digit(value) {
            continue;
        }
        if !has_digit(value) {
            continue;
        }
        let value = value.trim();
        // A header's unit applies to a bare number only: "+5.5%" and "287.6p" carry their own.
        let bare = value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-' | '\u{2212}'));
        let (prefix, suffix) = if bare {
            unit_cue(header).or(row_unit).unwrap_or(("", ""))
        } else {
            ("", "")
        };
        let written = format!("{prefix}{value}{suffix}");
        let Some(mut q) = quantity::extract(&written, ctx).into_iter().next() else {
            continue;
        };
        q.text = value.to_string();
        q.start = base + value_at;
        q.end = base + value_at + value.len();
        if has_word(header, "change") {
            if value.starts_with('+') {
                q.change = Some(Change::Up);
            } else if value.starts_with(['-', '\u{2212}']) {
                q.change = Some(Change::Down);
                q.value = q.value.abs();
                let (lo, hi) = (q.low.abs(), q.high.abs());
                (q.low, q.high) = (lo.min(hi), lo.max(hi));
            }
        }
        if let Some(p) = period(header, ctx) {
            q.period = Some(p);
        }
        let mut head = words(header);
        let mut ws = key_words.clone();
        ws.extend(words(key_header));
        ws.extend(head.iter().cloned());
        if i == 0 {
            head = key_words.clone();
        }
        ws.sort();
        ws.dedup();
        head.sort();
        head.dedup();
        out.push(Figure {
            q,
            unit,
            seg: (base + s, base + e),
            head,
            words: ws.clone(),
            names: key_names.clone(),
            subject: key_names.clone(),
            // A cell is short: all its words are near it.
            near: ws,
            context: Vec::new(),
            nearby: Vec::new(),
            negated: false,
            superseded: false,
            correction: false,
        });
    }
    out
}

/// Byte ranges of a row's cells, split at "; ".
fn split_cells(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("; ") {
        out.push((start, i));
        start = i + 2;
    }
    out.push((start, text.len()));
    out.retain(|(s, e)| e > s);
    out
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

fn has_word(s: &str, w: &str) -> bool {
    text::words(s).iter().any(|x| x == w)
}

/// The unit and scale a header writes in brackets: "(thousands)", "(%)", "(£ mln)".
fn unit_cue(header: &str) -> Option<(&'static str, &'static str)> {
    let open = header.rfind('(')?;
    let close = header[open..].find(')')? + open;
    let inner = header[open + 1..close].trim().to_lowercase();
    HEADER_UNITS
        .iter()
        .find(|(cue, _, _)| inner == *cue)
        .map(|&(_, p, s)| (p, s))
}

/// Content-word stems of a header or key, without its bracketed unit and footnote digits.
fn words(s: &str) -> Vec<String> {
    let bare = s.split('(').next().unwrap_or(s);
    text::tokens(bare)
        .into_iter()
        .filter(|t| text::is_content(&t.form) && !text::lexicon::is_calendar(&t.form))
        .map(|t| text::stem(t.form.trim_end_matches(|c: char| c.is_ascii_digit())))
        .filter(|w| !w.is_empty())
        .collect()
}

fn names(s: &str, common: &dyn Fn(&str) -> bool) -> Vec<String> {
    let toks = text::tokens(s);
    let mut out: Vec<String> = (0..toks.len())
        // A row is named by its first cell: a capitalised word there is a name wherever it stands.
        .filter(|&i| is_name(&toks[i], false, common))
        .map(|i| toks[i].form.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The period a header names ("April to June 2026", "H1 2025", "2024-25"), read by the quantity engine.
fn period(header: &str, ctx: &Context) -> Option<quantity::Period> {
    let qs: Vec<Quantity> = quantity::extract(header, ctx);
    let dates: Vec<&Quantity> = qs.iter().filter(|q| q.unit == "date").collect();
    let last = dates.last()?;
    let first = dates.first()?;
    let day = |v: f64| chrono::NaiveDate::from_num_days_from_ce_opt(v as i32);
    Some(quantity::Period {
        text: header.to_string(),
        first: day(first.low),
        last: day(last.high),
        month: None,
        since: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> Vec<Figure> {
        cells(text, 0, 0, &Context::default(), &|w| w == "area")
    }

    #[test]
    fn a_cell_takes_its_header_unit_period_and_row_name() {
        let fs = row(
            "Area: Brannock; Employment level, aged 16 and over, April to June 2026 (thousands): 149.2; \
                      Unemployment rate, aged 16 and over, April to June 2025 (%): 6.4",
        );
        assert_eq!(fs.len(), 2);
        assert_eq!(fs[0].q.value, 149_200.0);
        assert_eq!(fs[0].names, ["brannock"]);
        assert_eq!(fs[1].q.unit, "percent");
        assert!(fs[1].head.contains(&text::stem("unemployment")));
        let p = fs[1].q.period.as_ref().unwrap();
        assert_eq!(p.first.unwrap().to_string(), "2025-06-01");
    }

    #[test]
    fn a_change_column_gives_the_direction() {
        let fs = row("Area: Wrayburn; Change in unemployment rate on the year (percentage points): -0.2");
        assert_eq!(fs[0].q.change, Some(Change::Down));
        assert!((fs[0].q.value - 0.2).abs() < 1e-9);
        assert_eq!(fs[0].q.unit, "percentage_point");
    }

    #[test]
    fn a_factbox_row_label_gives_the_unit_of_every_column() {
        let fs = row("Revenue (£ mln); H1 2026: 3,946; H1 2025: 3,742; change: +5.5%");
        assert_eq!(fs[0].q.value, 3_946_000_000.0);
        assert_eq!(fs[0].q.unit, "GBP");
        assert!(fs[0].words.contains(&text::stem("revenue")));
        assert_eq!(fs[2].q.change, Some(Change::Up));
    }
}
