//! Page dates as ISO 8601: pages write "November 19, 2019, 07:47 PM EST" or "Mon, 18 Nov 2019 16:07:38 -0600" as
//! often as `2019-11-19T12:47:00Z`, and the checks compare dates, not strings.
//!
//! A date already in ISO form is kept as written; others are parsed with the formats below (time zone names are
//! dropped, so such times are local to the page); what no format reads is kept as found.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Date-time formats tried after the time zone word is dropped.
const DATE_TIME_FORMATS: &[&str] = &[
    "%B %d, %Y, %I:%M %p",
    "%B %d, %Y %I:%M %p",
    "%B %d, %Y %H:%M",
    "%b %d, %Y %I:%M %p",
    "%d %b %Y %H:%M",
    "%d %B %Y %H:%M",
    "%a %b %d %Y %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M",
];

/// Date formats tried last.
const DATE_FORMATS: &[&str] = &[
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d.%m.%Y",
    "%A, %B %d, %Y",
];

/// The date in ISO 8601 where it can be read, else as found.
pub(crate) fn normalise(raw: &str) -> String {
    let raw = raw.trim();
    if is_iso(raw) {
        return raw.to_string();
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(raw) {
        return dt.to_rfc3339();
    }
    let plain = without_zone(raw);
    for format in DATE_TIME_FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(&plain, format) {
            return dt.format("%Y-%m-%dT%H:%M:%S").to_string();
        }
    }
    for format in DATE_FORMATS {
        if let Ok(date) = NaiveDate::parse_from_str(&plain, format) {
            return date.format("%Y-%m-%d").to_string();
        }
    }
    raw.to_string()
}

fn is_iso(raw: &str) -> bool {
    raw.get(..10)
        .is_some_and(|head| NaiveDate::parse_from_str(head, "%Y-%m-%d").is_ok())
}

/// Drops a trailing zone word ("EST", "GMT", "GMT+0000", "UTC", "+01:00") and commas left dangling.
fn without_zone(raw: &str) -> String {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    while let Some(last) = words.last() {
        let zone = (last.len() <= 5 && last.chars().all(|c| c.is_ascii_uppercase()) && !matches!(*last, "AM" | "PM"))
            || last.starts_with("GMT")
            || last.starts_with("UTC")
            || ((last.starts_with('+') || last.starts_with('-'))
                && last[1..].chars().all(|c| c.is_ascii_digit() || c == ':'));
        if !zone || words.len() <= 2 {
            break;
        }
        words.pop();
    }
    words.join(" ").trim_end_matches(',').to_string()
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn page_dates_become_iso_8601() {
        let cases = [
            ("2019-11-19T11:00:09.000Z", "2019-11-19T11:00:09.000Z"),
            ("Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18T16:07:38-06:00"),
            ("November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00"),
            ("19 Nov 2019 07:09 GMT", "2019-11-19T07:09:00+00:00"),
            ("Tue Nov 19 2019 03:05:46 GMT+0000", "2019-11-19T03:05:46"),
            ("November 20, 2019 12:32", "2019-11-20T12:32:00"),
            ("November 19, 2019", "2019-11-19"),
            ("20191119", "2019-11-19"),
            ("yesterday", "yesterday"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalise(raw), want, "{raw}");
        }
    }
}
