//! Per-node facts computed once before choosing the main text: how much prose and link text each subtree holds,
//! which subtrees are furniture, and which tables hold data rather than layout.
//!
//! Two loops over the arena: backward for sums (children come after parents), forward for decisions. Both linear.

use super::arena::{Arena, Item};
use super::hints::{
    block_kind, ALWAYS_BOILERPLATE, ALWAYS_BOILERPLATE_TOKENS, BOILERPLATE_TOKENS, CAPTION_HINTS, CONTENT_HINTS,
    FURNITURE_TAGS, LIKELY_BOILERPLATE, NEVER_TEXT_TAGS,
};

/// A subtree holding more than this share of the page's prose is never dropped for its tag or class name: page
/// wrappers named `sidebar-layout` or ASP.NET's page-wide `<form>` hold the article too.
const KEEP_SHARE_OF_PROSE: f64 = 0.5;

/// A subtree named like a caption holding more text than this is not a caption (a "slide-in" article panel).
const MAX_CAPTION_CHARS: usize = 400;

/// Average characters per cell above which a table is layout, not data.
const MAX_DATA_CELL_CHARS: usize = 250;

/// What the extractor knows about every arena node.
pub(crate) struct Facts {
    /// Visible text characters (whitespace excluded) in the subtree.
    pub prose: Vec<usize>,
    /// Of `prose`, characters inside links.
    pub links: Vec<usize>,
    /// The subtree is furniture or invisible: skipped whole.
    pub dropped: Vec<bool>,
    /// A `<table>` holding data (rows become sentences), not page layout.
    pub data_table: Vec<bool>,
    /// The subtree holds a block element below its root: a `<div>` without one reads as a paragraph.
    pub has_blocks: Vec<bool>,
    /// Captions, credits, galleries: by tag or by class/id name.
    pub caption: Vec<bool>,
    /// Class/id evidence: positive for article-like names, negative for furniture-like ones.
    pub class_weight: Vec<i32>,
}

impl Facts {
    pub fn compute(arena: &Arena<'_>) -> Self {
        let n = arena.len();
        let mut prose = vec![0usize; n];
        let mut links = vec![0usize; n];
        let mut has_table = vec![false; n];
        let mut cells = vec![0usize; n];
        let mut has_blocks = vec![false; n];
        for i in (0..n).rev() {
            let node = &arena.nodes[i];
            let tag = node.tag();
            match node.item {
                Item::Text(text) => prose[i] = text.chars().filter(|c| !c.is_whitespace()).count(),
                Item::Element(_) if NEVER_TEXT_TAGS.contains(&tag) => {
                    prose[i] = 0;
                    links[i] = 0;
                }
                _ => {}
            }
            if tag == "a" {
                links[i] = prose[i];
            }
            if tag == "td" || tag == "th" {
                cells[i] += 1;
            }
            let parent = node.parent;
            if parent != i {
                prose[parent] += prose[i];
                links[parent] += links[i];
                has_table[parent] |= has_table[i] || tag == "table";
                has_blocks[parent] |= has_blocks[i] || (block_kind(tag).is_some() && !dropped_tag(tag));
                if tag != "table" {
                    cells[parent] += cells[i];
                }
            }
        }

        let total = prose[0].max(1) as f64;
        let mut dropped = vec![false; n];
        let mut data_table = vec![false; n];
        let mut class_weight = vec![0i32; n];
        let mut caption = vec![false; n];
        for i in 0..n {
            let node = &arena.nodes[i];
            let Some(el) = node.element() else { continue };
            let tag = node.tag();
            class_weight[i] = name_weight(el.attr("class"), el.attr("id"));
            caption[i] = matches!(tag, "figcaption" | "caption")
                || (prose[i] <= MAX_CAPTION_CHARS && is_caption_name(el.attr("class"), el.attr("id")));
            let big = prose[i] as f64 > KEEP_SHARE_OF_PROSE * total;
            let frame = matches!(tag, "html" | "body" | "main" | "article");
            dropped[i] = NEVER_TEXT_TAGS.contains(&tag)
                || is_hidden(el)
                || (!big && FURNITURE_TAGS.contains(&tag))
                || (!big && !frame && class_weight[i] < 0);
            data_table[i] =
                tag == "table" && !has_table[i] && cells[i] > 0 && prose[i] / cells[i] <= MAX_DATA_CELL_CHARS;
        }
        Facts {
            prose,
            links,
            dropped,
            data_table,
            has_blocks,
            caption,
            class_weight,
        }
    }

    /// Share of the subtree's prose that sits inside links.
    pub fn link_density(&self, i: usize) -> f64 {
        if self.prose[i] == 0 {
            return 0.0;
        }
        self.links[i] as f64 / self.prose[i] as f64
    }
}

/// Evidence from class and id names: -1 for furniture, +1 for article-like names, 0 for neither.
pub(crate) fn name_weight(class: Option<&str>, id: Option<&str>) -> i32 {
    let mut names = String::new();
    for part in [class, id].into_iter().flatten() {
        names.push_str(&part.to_ascii_lowercase());
        names.push(' ');
    }
    if names.trim().is_empty() {
        return 0;
    }
    if ALWAYS_BOILERPLATE.iter().any(|frag| names.contains(frag)) {
        return -1;
    }
    let mut tokens = names.split(|c: char| !c.is_ascii_alphanumeric());
    if tokens.clone().any(|t| ALWAYS_BOILERPLATE_TOKENS.contains(&t)) {
        return -1;
    }
    if CONTENT_HINTS.iter().any(|frag| names.contains(frag)) {
        return 1;
    }
    if LIKELY_BOILERPLATE.iter().any(|frag| names.contains(frag)) || tokens.any(|t| BOILERPLATE_TOKENS.contains(&t)) {
        return -1;
    }
    0
}

fn is_caption_name(class: Option<&str>, id: Option<&str>) -> bool {
    [class, id].into_iter().flatten().any(|name| {
        let name = name.to_ascii_lowercase();
        CAPTION_HINTS.iter().any(|frag| name.contains(frag))
    })
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn dropped_tag(tag: &str) -> bool {
    NEVER_TEXT_TAGS.contains(&tag) || FURNITURE_TAGS.contains(&tag)
}
