//! Per-node facts computed once before choosing the main text: how much prose and link text each subtree holds,
//! which subtrees are furniture, and which tables hold data rather than layout.
//!
//! Two loops over the arena: backward for sums (children come after parents), forward for decisions. Both linear.

use super::arena::{Arena, Item};
use super::hints::{
    block_kind, is_credit_line, ALWAYS_BOILERPLATE, ALWAYS_BOILERPLATE_TOKENS, BOILERPLATE_TOKENS, CAPTION_HINTS,
    CONTENT_HINTS, CREDIT_MAX_CHARS, FURNITURE_TAGS, KEPT_BOX_TITLES, LIKELY_BOILERPLATE, NEVER_TEXT_TAGS,
};

/// A subtree holding more than this share of the page's prose is never dropped for its tag or class name: page
/// wrappers named `sidebar-layout` or ASP.NET's page-wide `<form>` hold the article too.
const KEEP_SHARE_OF_PROSE: f64 = 0.5;

/// A subtree named like a caption holding more text than this is not a caption (a "slide-in" article panel).
const MAX_CAPTION_CHARS: usize = 400;

/// A list this much link text, every item with a link, is a list of other stories.
const LINK_LIST_DENSITY: f64 = 0.4;

/// Items of a list of links to other stories are headlines: at most this long on average.
const MAX_LINK_LIST_ITEM_CHARS: usize = 100;

/// Average characters per cell above which a table is layout, not data; a single cell four times this long (a whole
/// article in a layout cell) makes it layout too.
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
    /// A `<ul>`/`<ol>` whose every item links somewhere and much of whose text is links: related stories, not facts.
    pub link_list: Vec<bool>,
    /// `<article>` elements in the subtree, the node itself included: several side by side make a listing.
    pub articles: Vec<usize>,
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
        let mut widest_cell = vec![0usize; n];
        let mut has_blocks = vec![false; n];
        let mut articles = vec![0usize; n];
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
            if tag == "article" {
                articles[i] += 1;
            }
            if tag == "td" || tag == "th" {
                cells[i] += 1;
            }
            if tag == "td" || tag == "th" {
                widest_cell[i] = widest_cell[i].max(prose[i]);
            }
            let parent = node.parent;
            if parent != i {
                prose[parent] += prose[i];
                links[parent] += links[i];
                articles[parent] += articles[i];
                has_table[parent] |= has_table[i] || tag == "table";
                has_blocks[parent] |= has_blocks[i] || (block_kind(tag).is_some() && !dropped_tag(tag));
                if tag != "table" {
                    cells[parent] += cells[i];
                    widest_cell[parent] = widest_cell[parent].max(widest_cell[i]);
                }
            }
        }

        // Index of the first non-blank text node at or after each position, for reading a box's title.
        let mut next_text = vec![n; n + 1];
        for i in (0..n).rev() {
            next_text[i] = match arena.nodes[i].item {
                Item::Text(text) if !text.trim().is_empty() => i,
                _ => next_text[i + 1],
            };
        }

        let total = prose[0].max(1) as f64;
        let mut dropped = vec![false; n];
        let mut data_table = vec![false; n];
        let mut class_weight = vec![0i32; n];
        let mut caption = vec![false; n];
        let mut link_list = vec![false; n];
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
                || (!big
                    && (FURNITURE_TAGS.contains(&tag) || (!frame && class_weight[i] < 0))
                    && !is_kept_box(arena, &next_text, i)
                    && !(prose[i] <= CREDIT_MAX_CHARS && is_credit_line(&text_of(arena, &next_text, i))));
            if matches!(tag, "ul" | "ol") && facts_link_density(&prose, &links, i) >= LINK_LIST_DENSITY {
                link_list[i] = every_item_links(arena, &prose, &links, i);
            }
            data_table[i] = tag == "table"
                && !has_table[i]
                && cells[i] > 0
                && prose[i] / cells[i] <= MAX_DATA_CELL_CHARS
                && widest_cell[i] <= MAX_DATA_CELL_CHARS * 4
                && !matches!(el.attr("role"), Some("presentation" | "none"));
        }
        Facts {
            prose,
            links,
            dropped,
            data_table,
            has_blocks,
            caption,
            link_list,
            articles,
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

fn facts_link_density(prose: &[usize], links: &[usize], i: usize) -> f64 {
    if prose[i] == 0 {
        return 0.0;
    }
    links[i] as f64 / prose[i] as f64
}

/// Whether every `<li>` child of the list at `i` holds link text and the items are headline-short (children are
/// visited once: linear overall). Digests whose long items open with a linked headline are fact lists, not this.
fn every_item_links(arena: &Arena<'_>, prose: &[usize], links: &[usize], i: usize) -> bool {
    let mut items = 0;
    let mut child = i + 1;
    while child < arena.nodes[i].end {
        if arena.nodes[child].tag() == "li" {
            if links[child] == 0 {
                return false;
            }
            items += 1;
        }
        child = arena.nodes[child].end;
    }
    items >= 2 && prose[i] / items <= MAX_LINK_LIST_ITEM_CHARS
}

/// Whether the subtree at `i` opens with the title of a box checks rely on ("Notes to editors", "Key facts").
fn is_kept_box(arena: &Arena<'_>, next_text: &[usize], i: usize) -> bool {
    let end = arena.nodes[i].end;
    let mut opening = String::new();
    let mut t = next_text[i];
    // A few text nodes are enough for a title split across inline elements.
    for _ in 0..4 {
        if t >= end || opening.len() > 40 {
            break;
        }
        if let Item::Text(text) = arena.nodes[t].item {
            opening.push_str(&text.to_lowercase());
            opening.push(' ');
        }
        t = next_text[t + 1];
    }
    let opening = opening.split_whitespace().collect::<Vec<_>>().join(" ");
    KEPT_BOX_TITLES.iter().any(|title| opening.starts_with(title))
}

/// The text of a small subtree (its text nodes joined by spaces).
fn text_of(arena: &Arena<'_>, next_text: &[usize], i: usize) -> String {
    let end = arena.nodes[i].end;
    let mut out = String::new();
    let mut t = next_text[i];
    while t < end && out.len() <= CREDIT_MAX_CHARS {
        if let Item::Text(text) = arena.nodes[t].item {
            out.push_str(text.trim());
            out.push(' ');
        }
        t = next_text[t + 1];
    }
    out
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
