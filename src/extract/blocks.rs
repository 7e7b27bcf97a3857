//! Cuts the page into candidate blocks: one per paragraph, heading, list item, table row, quote or caption, each
//! knowing the element that owns it and how much of it is link text.
//!
//! Whitespace collapses as a browser would; `text<br><br>text` splits a block while a single `<br>` is a space;
//! data-table rows become one sentence each with their column headers ("Region: London; Calls answered: 86.2%").

use super::arena::{Arena, Item};
use super::facts::Facts;
use super::hints::block_kind;
use super::BlockKind;

/// Widest `colspan` honoured; wider claims are treated as this (a page cannot make one cell cost a million columns).
const MAX_COLSPAN: usize = 64;

/// A block before the main text is chosen.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
    /// Arena index of the innermost block element holding the text.
    pub owner: usize,
    /// Tag of `owner`.
    pub tag: &'static str,
    /// Non-whitespace characters, and how many of them sit inside links.
    pub chars: usize,
    pub link_chars: usize,
}

impl RawBlock {
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            return 0.0;
        }
        self.link_chars as f64 / self.chars as f64
    }
}

/// A data table being read row by row.
#[derive(Default)]
struct Table {
    index: usize,
    headers: Vec<String>,
    row: Vec<(String, usize)>,
    row_all_headers: bool,
    cell: Option<String>,
    /// Columns the open cell spans (`colspan`).
    span: usize,
    in_head: bool,
    chars: usize,
    link_chars: usize,
}

#[derive(Default)]
struct Walker {
    blocks: Vec<RawBlock>,
    text: String,
    chars: usize,
    link_chars: usize,
    pending_space: bool,
    breaks: usize,
    /// Open block elements (arena index, tag).
    open_blocks: Vec<(usize, &'static str)>,
    links: usize,
    quotes: usize,
    captions: usize,
    table: Option<Table>,
}

/// All candidate blocks of the page, in reading order.
pub(crate) fn collect(arena: &Arena<'_>, facts: &Facts) -> Vec<RawBlock> {
    let mut walker = Walker::default();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    let n = arena.len();
    while i < n {
        while let Some(&top) = open.last() {
            if arena.nodes[top].end > i {
                break;
            }
            open.pop();
            walker.close(arena, facts, top);
        }
        match arena.nodes[i].item {
            Item::Element(_) if facts.dropped[i] => {
                // Furniture still separates the text around it.
                walker.boundary(arena);
                i = arena.nodes[i].end;
                continue;
            }
            Item::Element(_) => {
                walker.open(arena, facts, i);
                open.push(i);
            }
            Item::Text(text) => walker.add_text(text),
            Item::Root => {}
        }
        i += 1;
    }
    while let Some(top) = open.pop() {
        walker.close(arena, facts, top);
    }
    walker.flush();
    walker.blocks
}

fn visible(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Interns a tag name into the static block table so blocks need no lifetime.
fn static_tag(tag: &str) -> &'static str {
    super::hints::BLOCK_TAGS
        .iter()
        .find(|(name, _)| *name == tag)
        .map_or("", |(name, _)| name)
}

impl Walker {
    fn open(&mut self, arena: &Arena<'_>, facts: &Facts, i: usize) {
        let tag = arena.nodes[i].tag();
        if facts.caption[i] {
            self.flush();
            self.captions += 1;
        }
        match tag {
            "br" => {
                self.breaks += 1;
                return;
            }
            "a" => self.links += 1,
            "blockquote" => self.quotes += 1,
            _ => {}
        }
        if let Some(table) = self.table.as_mut() {
            match tag {
                "tr" => {
                    table.row.clear();
                    table.row_all_headers = true;
                }
                "td" | "th" => {
                    table.cell = Some(String::new());
                    let span = arena.nodes[i].element().and_then(|el| el.attr("colspan"));
                    table.span = span
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_COLSPAN);
                    table.row_all_headers &= tag == "th" || table.in_head;
                }
                "thead" => table.in_head = true,
                "caption" => {
                    self.open_blocks.push((i, "caption"));
                }
                _ => {
                    if block_kind(tag).is_some() {
                        self.pending_space = true;
                    }
                }
            }
            return;
        }
        if block_kind(tag).is_some() {
            self.flush();
            self.open_blocks.push((i, static_tag(tag)));
        }
        if tag == "table" && facts.data_table[i] {
            self.table = Some(Table {
                index: i,
                ..Table::default()
            });
        }
    }

    fn close(&mut self, arena: &Arena<'_>, facts: &Facts, i: usize) {
        let tag = arena.nodes[i].tag();
        if facts.caption[i] {
            self.flush();
            self.captions = self.captions.saturating_sub(1);
        }
        match tag {
            "a" => self.links = self.links.saturating_sub(1),
            "blockquote" => self.quotes = self.quotes.saturating_sub(1),
            _ => {}
        }
        if let Some(table) = self.table.as_mut() {
            match tag {
                "td" | "th" => {
                    if let Some(cell) = table.cell.take() {
                        table.row.push((cell.trim().to_string(), table.span));
                    }
                    return;
                }
                "tr" => {
                    self.finish_row();
                    return;
                }
                "thead" => {
                    table.in_head = false;
                    return;
                }
                "caption" => {}
                "table" if table.index == i => {
                    self.finish_row();
                    self.table = None;
                }
                _ => return,
            }
        }
        if block_kind(tag).is_some() {
            self.flush();
            if self.open_blocks.last().is_some_and(|(index, _)| *index == i) {
                self.open_blocks.pop();
            }
        }
    }

    /// A dropped subtree or other break in the flow: text before and after it never join.
    fn boundary(&mut self, _arena: &Arena<'_>) {
        if self.table.as_ref().is_some_and(|t| t.cell.is_some()) {
            self.pending_space = true;
        } else {
            self.flush();
        }
    }

    fn add_text(&mut self, raw: &str) {
        if raw.chars().all(char::is_whitespace) {
            if !raw.is_empty() {
                self.pending_space = true;
            }
            return;
        }
        if self.breaks >= 2 {
            self.flush();
        } else if self.breaks == 1 {
            self.pending_space = true;
        }
        self.breaks = 0;
        let in_link = self.links > 0;
        let verbatim = self.in_pre() && self.table.is_none();
        let target = match self.table.as_mut() {
            Some(Table {
                cell: Some(cell),
                chars,
                link_chars,
                ..
            }) => {
                let visible = raw.chars().filter(|c| !c.is_whitespace()).count();
                *chars += visible;
                if in_link {
                    *link_chars += visible;
                }
                cell
            }
            _ => {
                let visible = raw.chars().filter(|c| !c.is_whitespace()).count();
                self.chars += visible;
                if in_link {
                    self.link_chars += visible;
                }
                &mut self.text
            }
        };
        if verbatim {
            // A line of a <pre> is a line: flush() splits them (and reads column layouts as table rows).
            target.push_str(raw);
            self.pending_space = false;
            return;
        }
        let mut space = self.pending_space;
        for c in raw.chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !target.is_empty() {
                target.push(' ');
            }
            space = false;
            target.push(c);
        }
        self.pending_space = space;
    }

    fn finish_row(&mut self) {
        let Some(table) = self.table.as_mut() else { return };
        let cells = std::mem::take(&mut table.row);
        let (chars, link_chars) = (table.chars, table.link_chars);
        table.chars = 0;
        table.link_chars = 0;
        if cells.iter().all(|(cell, _)| cell.is_empty()) {
            return;
        }
        if table.row_all_headers && table.headers.is_empty() {
            // A header spanning columns names each of them.
            table.headers = cells
                .iter()
                .flat_map(|(cell, span)| std::iter::repeat_n(cell.clone(), *span))
                .collect();
            return;
        }
        let mut parts = Vec::new();
        let mut column = 0;
        for (cell, span) in &cells {
            let header = table.headers.get(column).filter(|h| !h.is_empty() && *h != cell);
            column += span;
            match (cell.is_empty(), header) {
                (true, _) => {}
                (false, Some(header)) => parts.push(format!("{header}: {cell}")),
                (false, None) => parts.push(cell.clone()),
            }
        }
        let owner = table.index;
        self.blocks.push(RawBlock {
            kind: BlockKind::TableRow,
            text: parts.join("; "),
            owner,
            tag: "tr",
            chars,
            link_chars,
        });
    }

    fn in_pre(&self) -> bool {
        self.open_blocks.iter().any(|(_, tag)| *tag == "pre")
    }

    fn flush(&mut self) {
        self.breaks = 0;
        self.pending_space = false;
        let text = std::mem::take(&mut self.text);
        let (chars, link_chars) = (self.chars, self.link_chars);
        self.chars = 0;
        self.link_chars = 0;
        if chars == 0 {
            return;
        }
        let (owner, tag) = self.open_blocks.last().copied().unwrap_or((0, ""));
        let mut kind = block_kind(tag).unwrap_or(BlockKind::Paragraph);
        if kind == BlockKind::Paragraph && self.quotes > 0 {
            kind = BlockKind::Blockquote;
        }
        if self.captions > 0 && kind != BlockKind::Heading {
            kind = BlockKind::Caption;
        }
        if kind == BlockKind::Preformatted {
            let lines = super::preformatted::blocks(&text);
            let total: usize = lines.iter().map(|(_, t)| visible(t)).sum::<usize>().max(1);
            for (kind, text) in lines {
                let share = visible(&text);
                self.blocks.push(RawBlock {
                    kind,
                    text,
                    owner,
                    tag,
                    chars: share,
                    link_chars: link_chars * share / total,
                });
            }
            return;
        }
        self.blocks.push(RawBlock {
            kind,
            text,
            owner,
            tag,
            chars,
            link_chars,
        });
    }
}
