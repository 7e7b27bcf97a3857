//! What the CLI prints: a readable verdict with its evidence (figures and changed words highlighted), and the
//! JSON form of an extracted page.

use std::fmt::Write as _;
use std::io::IsTerminal;

use serde_json::{json, Value};

use crate::model::{CheckAnswer, Stance, Verdict};
use crate::verify::ReadPage;

const BOLD: &str = "\x1b[1m";
const GREEN: &str = "\x1b[32m";
const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

/// Colour only on a terminal, and never when `NO_COLOR` is set.
pub fn color_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    }

    /// Highlights each needle in the passage: colour on a terminal, `[…]` otherwise.
    fn highlight(&self, passage: &str, needles: &[&str]) -> String {
        let mut out = passage.split_whitespace().collect::<Vec<_>>().join(" ");
        for n in needles.iter().filter(|n| !n.is_empty()) {
            if let Some(pos) = out.find(n) {
                let marked = if self.on {
                    format!("{BOLD}{YELLOW}{n}{RESET}")
                } else {
                    format!("[{n}]")
                };
                out.replace_range(pos..pos + n.len(), &marked);
            }
        }
        out
    }
}

pub fn check_text(a: &CheckAnswer, color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();
    let verdict_color = match a.verdict {
        Verdict::Supported => GREEN,
        Verdict::Contradicted | Verdict::Misquoted | Verdict::Misattributed => RED,
        _ => YELLOW,
    };
    let _ = writeln!(
        out,
        "{}  {}",
        p.wrap(&format!("{BOLD}{verdict_color}"), a.verdict.as_str()),
        a.claim
    );
    let _ = writeln!(
        out,
        "checked as {} — confidence {:.2} — {}",
        a.kind.as_str(),
        a.confidence,
        a.summary
    );
    if !a.quantities.is_empty() {
        let qs: Vec<String> = a
            .quantities
            .iter()
            .map(|q| format!("{} = {} {}", q.text, q.value, q.unit))
            .collect();
        let _ = writeln!(out, "figures in the claim: {}", qs.join("; "));
    }
    for e in &a.evidence {
        let stance = match e.stance {
            Stance::Supports => p.wrap(GREEN, "supports"),
            Stance::Contradicts => p.wrap(RED, "contradicts"),
            Stance::Mentions => "mentions".to_string(),
        };
        let name = e
            .publisher
            .clone()
            .or_else(|| e.title.clone())
            .unwrap_or_else(|| e.source.clone());
        let _ = writeln!(out, "\n  {stance}  {name}  [{}..{}]", e.start, e.end);
        if let Some(s) = &e.speaker {
            let _ = writeln!(out, "  speaker: {s}");
        }
        let needles: Vec<&str> = e
            .matched_quantities
            .iter()
            .map(|m| m.source.as_str())
            .chain(e.differences.iter().map(|d| d.source.as_str()))
            .collect();
        let _ = writeln!(out, "  “{}”", p.highlight(&e.passage, &needles));
        for m in &e.matched_quantities {
            let mark = if m.agree {
                p.wrap(GREEN, "=")
            } else {
                p.wrap(RED, "≠")
            };
            let _ = writeln!(out, "    {} {mark} {}", m.claim, m.source);
        }
        if e.matched_quantities.is_empty() {
            for d in &e.differences {
                let _ = writeln!(out, "    claim {:?} / source {:?}", d.claim, d.source);
            }
        }
    }
    let _ = writeln!(out);
    for s in &a.sources {
        let detail = s.error.as_deref().map(|e| format!(" — {e}")).unwrap_or_default();
        let _ = writeln!(out, "  source {} {}{detail}", s.status, s.url);
    }
    out
}

/// `crosscheck extract --format json`: metadata, blocks with character offsets, and quotations with speakers.
pub fn extract_json(page: &ReadPage) -> Value {
    let doc = &page.doc;
    let chars = |byte: usize| doc.text[..byte].chars().count();
    let blocks: Vec<Value> = doc
        .blocks
        .iter()
        .map(|b| json!({"kind": b.kind, "start": chars(b.start), "end": chars(b.end), "text": &doc.text[b.start..b.end]}))
        .collect();
    let quotes: Vec<Value> = crate::quote::quotations(doc)
        .iter()
        .map(|q| json!({"text": &doc.text[q.start..q.end], "speaker": q.speaker, "start": chars(q.start), "end": chars(q.end)}))
        .collect();
    json!({
        "url": page.page.final_url,
        "title": doc.meta.title,
        "byline": doc.meta.byline,
        "published": doc.meta.published,
        "modified": doc.meta.modified,
        "publisher": doc.meta.publisher,
        "canonical_url": doc.meta.canonical_url,
        "language": doc.meta.language,
        "sha256": page.page.sha256,
        "text": doc.text,
        "blocks": blocks,
        "quotes": quotes,
    })
}
