//! Tests of the extractor: one per rule, the three fixture pages, metadata, and robustness on generated HTML.

mod fixtures;
mod metadata;
mod robustness;
mod rules;

use super::{extract, Document};

/// Wraps body markup in a minimal page.
fn page(body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body>{body}</body></html>")
}

/// A paragraph long enough to read as article text.
fn para(words: &str) -> String {
    format!(
        "<p>{words}, which the report set out in detail, with figures for each borough, each year and each \
         kind of call, and with the caveats the statisticians attached to them.</p>"
    )
}

fn text_of(body: &str) -> String {
    extract(&page(body), None).text
}

fn kinds(doc: &Document) -> Vec<(super::BlockKind, &str)> {
    doc.blocks.iter().map(|b| (b.kind, doc.block_text(b))).collect()
}
