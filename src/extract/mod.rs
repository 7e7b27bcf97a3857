//! Main text and metadata of a web page: the text every check stands on.
//!
//! What it is for: turning a decoded HTML page into the article body (paragraphs, headings inside the body, lists,
//! table rows with their headers, quotes, captions that carry figures) as [`Block`]s with byte offsets into
//! [`Document::text`], plus the page's [`Metadata`]. What it is not for: fetching or charset decoding (`fetch`),
//! sentences and passages (`verify`).
//!
//! The key decision: a scraper-based extractor written here, not a general extractor crate. Paragraph-shaped blocks
//! vote for the element holding them (text density, commas, link density, class/id hints); the best element and
//! its like siblings are the article. Measured in `docs/decisions.md`: it scores higher on the Zyte benchmark than
//! rs-trafilatura and runs several times faster, and it keeps the tables and fact lists that checks need.
//!
//! Every pass is a loop over a pre-order array (see `arena`), never recursion over the DOM, and nesting is capped
//! before parsing (see `depth`): linear time, no stack overflow on 100,000 nested elements, no panic on any input.

mod arena;
mod blocks;
mod dates;
mod depth;
mod document;
mod facts;
mod hints;
mod metadata;
mod preformatted;
mod select;

pub use document::{Block, BlockKind, Document, Metadata};

/// JSON-LD `articleBody` replaces the markup's text only when it is longer than twice this many words and twice
/// what the markup gave.
const MIN_ARTICLE_BODY_WORDS: usize = 20;

/// Main text and metadata of an HTML page (already decoded to UTF-8). Never panics, linear time.
pub fn extract(html: &str, page_url: Option<&str>) -> Document {
    let html = depth::limit_nesting(html);
    let dom = scraper::Html::parse_document(&html);
    let arena = arena::Arena::build(&dom);
    let (meta, article_body) = metadata::collect(&arena, page_url);
    let facts = facts::Facts::compute(&arena);
    let raw = blocks::collect(&arena, &facts);
    let chosen = select::main_blocks(&arena, &facts, &raw, meta.title.as_deref());
    // Pages that render their body with script still state it in JSON-LD: use it when the markup holds far less.
    let words = |text: &str| text.split_whitespace().count();
    let found: usize = chosen.iter().map(|b| words(&b.text)).sum();
    if let Some(body) = article_body.filter(|body| words(body) > 2 * found.max(MIN_ARTICLE_BODY_WORDS)) {
        let paragraphs = body
            .split('\n')
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
        return Document::from_blocks(meta, paragraphs.map(|p| (BlockKind::Paragraph, p)));
    }
    Document::from_blocks(meta, chosen.into_iter().map(|b| (b.kind, b.text.as_str())))
}

/// Plain-text input (text/plain pages, seeds): paragraphs split on blank lines.
pub fn from_plain_text(text: &str) -> Document {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            paragraphs.push(std::mem::take(&mut current));
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line.trim());
    }
    paragraphs.push(current);
    Document::from_blocks(
        Metadata::default(),
        paragraphs.into_iter().map(|p| (BlockKind::Paragraph, p)),
    )
}

#[cfg(test)]
mod tests;
