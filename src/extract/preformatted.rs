//! Preformatted text (`<pre>`): a line is a line, and a factbox laid out in columns is a table.
//!
//! Wire copy puts results and market prices in `<pre>` boxes whose columns are aligned with spaces. Collapsed into
//! one run of words ("Revenue (£ mln) 3,946 3,742 +5.5% LFL sales ex fuel (%) 3.7 2.9 …") the figures lose their
//! rows and columns, so a reader cannot tell the first half of 2026 from 2025. Each line stays its own block, and a
//! line of values under a line of column headers becomes one table row in the form data tables already use
//! ("Revenue (£ mln); H1 2026: 3,946; H1 2025: 3,742; change: +5.5%"). Columns are separated by two or more spaces
//! (or a tab): one space is inside a label.

use super::BlockKind;

/// The blocks of one `<pre>` element's raw text, in order.
pub(crate) fn blocks(raw: &str) -> Vec<(BlockKind, String)> {
    let mut out = Vec::new();
    let mut headers: Vec<String> = Vec::new();
    for line in raw.lines() {
        let cols = columns(line);
        if cols.is_empty() {
            continue;
        }
        let values = cols.iter().skip(1).filter(|c| is_value(c)).count();
        let is_row = cols.len() >= 2 && values + 1 == cols.len() && !is_value(&cols[0]);
        let is_headers = cols.len() >= 2 && cols.iter().all(|c| !is_value(c) || is_period_label(c));
        if is_row {
            let mut parts = vec![cols[0].clone()];
            for (i, v) in cols.iter().skip(1).enumerate() {
                match headers.get(i) {
                    Some(h) => parts.push(format!("{h}: {v}")),
                    None => parts.push(v.clone()),
                }
            }
            out.push((BlockKind::TableRow, parts.join("; ")));
        } else if is_headers && line.starts_with(char::is_whitespace) {
            // Column headers sit over the value columns, indented past the row labels.
            headers = cols;
        } else {
            headers.clear();
            out.push((BlockKind::Preformatted, cols.join(" ")));
        }
    }
    out
}

/// The columns of a line: runs of text separated by two or more spaces or a tab.
fn columns(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut spaces = 0;
    for c in line.chars() {
        if c == '\t' {
            spaces = 2;
            continue;
        }
        if c.is_whitespace() {
            spaces += 1;
            continue;
        }
        if spaces >= 2 && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        } else if spaces == 1 && !cur.is_empty() {
            cur.push(' ');
        }
        spaces = 0;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A cell that holds a figure: digits, with at most a sign, currency, unit or percent around them.
fn is_value(cell: &str) -> bool {
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
    digits > 0 && letters <= 2 && !cell.contains(' ')
}

/// A column header that is a period ("H1 2026", "2025", "Q3 2024") rather than a value.
fn is_period_label(cell: &str) -> bool {
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    digits == 4 || cell.contains(' ') || cell.chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_factbox_in_columns_becomes_table_rows() {
        let raw = "RESULTS - FIRST HALF (26 weeks to Aug. 29)\n                 H1 2026   H1 2025   change\n\
                   Revenue (£ mln)     3,946     3,742    +5.5%\nLFL sales (%)         3.7       2.9\nSource: company";
        let got = blocks(raw);
        assert_eq!(
            got,
            vec![
                (
                    BlockKind::Preformatted,
                    "RESULTS - FIRST HALF (26 weeks to Aug. 29)".to_string()
                ),
                (
                    BlockKind::TableRow,
                    "Revenue (£ mln); H1 2026: 3,946; H1 2025: 3,742; change: +5.5%".to_string()
                ),
                (
                    BlockKind::TableRow,
                    "LFL sales (%); H1 2026: 3.7; H1 2025: 2.9".to_string()
                ),
                (BlockKind::Preformatted, "Source: company".to_string()),
            ]
        );
    }

    #[test]
    fn rows_without_headers_keep_their_columns_apart() {
        let got = blocks("MARKETS AT 0902 GMT\nFTSE 100     8,402.17   +0.22%\nAcme & Co      412.0p   -0.8%");
        assert_eq!(got[1], (BlockKind::TableRow, "FTSE 100; 8,402.17; +0.22%".to_string()));
        assert_eq!(got[2], (BlockKind::TableRow, "Acme & Co; 412.0p; -0.8%".to_string()));
    }

    #[test]
    fn prose_in_a_pre_stays_lines_of_prose() {
        let got = blocks("First line of a poem\nand the second one");
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(k, _)| *k == BlockKind::Preformatted));
    }
}
