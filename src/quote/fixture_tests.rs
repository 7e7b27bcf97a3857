//! The shared fixture pages, seeds and dev claims (skipped when `../shared` is not next to the crate).

use std::path::PathBuf;

use super::super::*;
use crate::extract::{BlockKind, Document, Metadata};

fn shared(rel: &str) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared").join(rel), root.join("../../shared").join(rel)]
        .into_iter()
        .find(|p| p.exists())
}

fn decode(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&amp;", "&")
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode(&out)
}

/// The visible `<p>`, `<li>` and `<blockquote>` blocks of a fixture page, in order (test-only, not an extractor).
pub(super) fn fixture(name: &str) -> Option<Document> {
    let html = std::fs::read_to_string(shared(&format!("fixtures/pages/{name}"))?).ok()?;
    let mut blocks = Vec::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let tag = rest[1..]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        let kind = match tag {
            "p" => BlockKind::Paragraph,
            "li" => BlockKind::ListItem,
            "blockquote" => BlockKind::Blockquote,
            _ => {
                rest = &rest[1..];
                continue;
            }
        };
        let close = format!("</{tag}>");
        let (Some(body_start), Some(end)) = (rest.find('>'), rest.find(&close)) else {
            break;
        };
        if body_start < end {
            blocks.push((kind, strip_tags(&rest[body_start + 1..end])));
        }
        rest = &rest[end + close.len()..];
    }
    Some(Document::from_blocks(Metadata::default(), blocks))
}

fn seed(name: &str) -> Option<Document> {
    let text = std::fs::read_to_string(shared(&format!("seeds/{name}"))?).ok()?;
    Some(Document::from_blocks(
        Metadata::default(),
        text.lines().map(|l| (BlockKind::Paragraph, l.to_string())),
    ))
}

fn speaker_of(d: &Document, words: &str) -> Option<String> {
    quotations(d)
        .into_iter()
        .find(|q| d.text[q.start..q.end].contains(words))
        .and_then(|q| q.speaker)
}

#[test]
fn fixture_pages_attribute_every_speaker() {
    let Some(standard) = fixture("standard-met-special-measures.html") else {
        return;
    };
    let expected = [
        ("welcome recognition", "Sir Mark Rowley"),
        ("The progress we have made", "Sir Mark Rowley"),
        ("fix our broken foundations", "Sir Mark Rowley"),
        ("all the more extraordinary", "Sir Mark Rowley"),
        ("give communities encouragement", "Dame Lynne Owens"),
        ("communities rightly expect", "Yvette Cooper"),
        ("still more work that must be done", "Yvette Cooper"),
        ("significant improvements are being made", "Sir Sadiq Khan"),
        ("Emergency calls are now being answered", "Sir Sadiq Khan"),
        ("it’s reassuring", "Sir Sadiq Khan"),
        ("There’s still more to do", "Sir Sadiq Khan"),
    ];
    for (words, who) in expected {
        assert_eq!(speaker_of(&standard, words).as_deref(), Some(who), "{words}");
    }
    let Some(mayor) = fixture("mayor-statement-met-special-measures.html") else {
        return;
    };
    for words in [
        "significant improvements",
        "Emergency calls",
        "it's reassuring",
        "There’s still more to do",
    ] {
        assert_eq!(speaker_of(&mayor, words).as_deref(), Some("Sadiq Khan"), "{words}");
    }
}

#[test]
fn seeds_attribute_every_continuation_paragraph() {
    let Some(d) = seed("000_e51b3ad72da59253.txt") else {
        return;
    };
    assert_eq!(speaker_of(&d, "Their achievement").as_deref(), Some("Sir Mark Rowley"));
    assert_eq!(speaker_of(&d, "Everyone recognises").as_deref(), Some("Yvette Cooper"));
    assert_eq!(
        speaker_of(&d, "There’s still more to do").as_deref(),
        Some("Sir Sadiq Khan")
    );
}

/// Folds per-source outcomes the way a verdict across sources would for these tests.
fn across(outcomes: &[Outcome]) -> &'static str {
    let has = |o: Outcome| outcomes.contains(&o);
    if has(Outcome::Supported) {
        "supported"
    } else if has(Outcome::Misquoted) {
        "misquoted"
    } else if has(Outcome::Misattributed) {
        "misattributed"
    } else {
        "not_found"
    }
}

fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn dev_quotation_claims_get_their_expected_verdict() {
    let Some(path) = shared("claims/dev.jsonl") else { return };
    let Ok(lines) = std::fs::read_to_string(path) else {
        return;
    };
    let mut checked = 0;
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(row) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = row["claim"].as_str().unwrap_or_default();
        let Some(claim) = parse_claim(text, row["speaker"].as_str()) else {
            continue;
        };
        let mut outcomes = Vec::new();
        let mut passages = Vec::new();
        for source in row["sources"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str())
        {
            let Some(d) = fixture(source) else { return };
            let f = check(&claim, &d, &quotations(&d));
            outcomes.push(f.outcome);
            if f.outcome != Outcome::NotFound {
                passages.push(norm(&d.text[f.start..f.end]));
            }
        }
        let expected = row["verdict"].as_str().unwrap_or_default();
        assert_eq!(across(&outcomes), expected, "{}: {text} {outcomes:?}", row["id"]);
        if let Some(evidence) = row["evidence"].as_str().filter(|_| expected != "not_found") {
            assert!(
                passages.iter().any(|p| p.contains(&norm(evidence))),
                "{}: {passages:?}",
                row["id"]
            );
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} quotation claims");
}
