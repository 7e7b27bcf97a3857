//! The extracted document: the main text of a page, its blocks with offsets, and its metadata.
//!
//! `text` is exactly what `crosscheck extract --format text` prints: blocks joined by one blank line (`"\n\n"`).
//! Every offset in this crate is a byte offset into `text`; the HTTP layer converts to character offsets at the edge.

use serde::Serialize;

/// What kind of block a piece of main text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    /// One table row rendered as a sentence, with its column headers.
    TableRow,
    Blockquote,
    Caption,
    Preformatted,
}

/// A block of main text: `text[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// What the page says about itself (JSON-LD, OpenGraph, `<meta>`, `<time>`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// ISO 8601 as found (date or date-time).
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
}

/// The main text of one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    pub meta: Metadata,
    pub text: String,
    pub blocks: Vec<Block>,
}

impl Document {
    /// Builds a document from already-separated blocks, computing the offsets.
    pub fn from_blocks<I, S>(meta: Metadata, blocks: I) -> Self
    where
        I: IntoIterator<Item = (BlockKind, S)>,
        S: AsRef<str>,
    {
        let mut doc = Document {
            meta,
            ..Document::default()
        };
        for (kind, body) in blocks {
            let body = body.as_ref().trim();
            if body.is_empty() {
                continue;
            }
            if !doc.text.is_empty() {
                doc.text.push_str("\n\n");
            }
            let start = doc.text.len();
            doc.text.push_str(body);
            doc.blocks.push(Block {
                kind,
                start,
                end: doc.text.len(),
            });
        }
        doc
    }

    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.start..block.end]
    }

    /// Publication date as `YYYY-MM-DD`, when the page gives one.
    pub fn published_date(&self) -> Option<chrono::NaiveDate> {
        let raw = self.meta.published.as_deref()?;
        chrono::NaiveDate::parse_from_str(raw.get(..10)?, "%Y-%m-%d").ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_joined_by_a_blank_line_with_offsets() {
        let doc = Document::from_blocks(
            Metadata::default(),
            [
                (BlockKind::Heading, "Title"),
                (BlockKind::Paragraph, "  Body text. "),
                (BlockKind::Paragraph, " "),
            ],
        );
        assert_eq!(doc.text, "Title\n\nBody text.");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.block_text(&doc.blocks[1]), "Body text.");
    }
}
