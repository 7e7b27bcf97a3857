//! Chooses the main text among the candidate blocks.
//!
//! Paragraph-shaped blocks (long, few links, commas) vote for the elements that hold them, most for the nearest
//! container and less for each one further out; the best-voted element, weighed by its class/id names and link
//! density, is the article. The region then climbs while the next ancestor adds mostly paragraphs (bodies cut into
//! chunks between ads), and siblings that vote nearly as well join it. Inside the chosen region, link lists,
//! furniture lines, captions without figures and the headline are dropped.

use super::arena::Arena;
use super::blocks::RawBlock;
use super::facts::Facts;
use super::hints::{
    is_credit_line, FURNITURE_LINES, FURNITURE_PHRASES, FURNITURE_PHRASE_MAX_CHARS, FURNITURE_PREFIXES, PARAGRAPH_TAGS,
};
use super::BlockKind;

/// A block shorter than this (characters) casts no vote.
const MIN_VOTING_CHARS: usize = 25;
/// How many container levels above a paragraph receive its vote, and the share each gets.
const VOTE_SHARES: &[f64] = &[1.0, 0.5, 0.25, 0.125];
/// A sibling joins the article when it scores at least this share of the best element.
const SIBLING_SHARE: f64 = 0.2;
/// The region grows to its parent when what the parent adds has at most this many more short or linked blocks than
/// paragraph-shaped ones ("Text size", a dateline)...
const CLIMB_SLACK_BLOCKS: f64 = 2.0;
/// ... at least this share of its characters in paragraph-shaped blocks...
const CLIMB_CHAR_SHARE: f64 = 0.8;
/// ... at most this share of them in links (a feed of teasers links every headline), and no listing of several
/// `<article>`s.
const CLIMB_MAX_LINK_SHARE: f64 = 0.2;
/// A paragraph this long, or a whole sentence of eight words or more, is prose even when many of its words are links
/// ("deals include X, Y and Z", "He was convicted and [sentenced to life last Thursday].")...
const LONG_BLOCK_CHARS: usize = 120;
/// ... up to this share of link text.
const MAX_LINK_DENSITY_LONG: f64 = 0.8;
/// Blocks with more of their text in links than this are navigation.
const MAX_LINK_DENSITY: f64 = 0.5;

/// The blocks that make up the main text, in reading order.
pub(crate) fn main_blocks<'b>(
    arena: &Arena<'_>,
    facts: &Facts,
    blocks: &'b [RawBlock],
    title: Option<&str>,
) -> Vec<&'b RawBlock> {
    let n = arena.len();
    let mut score = vec![0.0f64; n];
    let mut voted = vec![false; n];
    for block in blocks {
        let Some(points) = vote(block) else { continue };
        let paragraph = PARAGRAPH_TAGS.contains(&block.tag) || !facts.has_blocks[block.owner];
        let start = if paragraph {
            arena.nodes[block.owner].parent
        } else {
            block.owner
        };
        for (level, index) in arena.ancestors(start).take(VOTE_SHARES.len()).enumerate() {
            score[index] += points * VOTE_SHARES[level];
            voted[index] = true;
        }
    }
    let weighted = |i: usize| {
        let names = 1.0 + 0.25 * f64::from(facts.class_weight[i]);
        score[i] * names * (1.0 - facts.link_density(i))
    };
    let Some(best) = (0..n)
        .filter(|&i| voted[i])
        .max_by(|&a, &b| weighted(a).total_cmp(&weighted(b)))
    else {
        return fallback(blocks);
    };
    let title = title.map(normalise);
    let best = climb(arena, facts, blocks, best);
    let best_score = weighted(best);
    let mut regions = vec![best];
    let parent = arena.nodes[best].parent;
    if parent != best {
        let threshold = (best_score * SIBLING_SHARE).max(10.0);
        let mut child = parent + 1;
        while child < arena.nodes[parent].end {
            let like = voted[child]
                && weighted(child) >= threshold
                && facts.link_density(child) <= CLIMB_MAX_LINK_SHARE
                && facts.articles[child] < 2;
            if child != best && !facts.dropped[child] && like {
                regions.push(child);
            }
            child = arena.nodes[child].end;
        }
    }
    // a programme's credit line in the article around the region (`Presented by …`), which a transcript's labels
    // refer to
    if let Some(frame) = arena
        .ancestors(best)
        .find(|&a| matches!(arena.nodes[a].tag(), "article" | "main"))
    {
        regions.extend(
            blocks
                .iter()
                .filter(|b| arena.contains(frame, b.owner) && !arena.contains(best, b.owner) && is_credit_line(&b.text))
                .map(|b| b.owner),
        );
    }
    regions.sort_unstable();
    regions.dedup();
    blocks
        .iter()
        .filter(|b| {
            // Regions are disjoint subtrees: the candidate is the last one starting at or before the owner.
            let at = regions.partition_point(|&r| r <= b.owner);
            at > 0 && arena.contains(regions[at - 1], b.owner)
        })
        .filter(|b| {
            let speaker = b.kind == BlockKind::Heading && b.tag != "h1" && heads_a_contribution(arena, b.owner);
            !in_link_list(arena, facts, b) && (keep(b, title.as_deref()) || speaker)
        })
        .collect()
}

/// Widens the region while the next ancestor adds mostly paragraph-shaped text: bodies cut into sections or
/// "chunks" between ads and pictures share no single best container.
fn climb(arena: &Arena<'_>, facts: &Facts, blocks: &[RawBlock], start: usize) -> usize {
    let n = arena.len();
    // Per subtree: paragraph-shaped blocks and characters, all blocks and characters.
    let mut prose = vec![(0usize, 0usize); n];
    let mut all = vec![(0usize, 0usize); n];
    let mut linked = vec![0usize; n];
    for block in blocks {
        if vote(block).is_some() {
            prose[block.owner].0 += 1;
            prose[block.owner].1 += block.chars;
        }
        all[block.owner].0 += 1;
        all[block.owner].1 += block.chars;
        linked[block.owner] += block.link_chars;
    }
    for i in (1..n).rev() {
        let parent = arena.nodes[i].parent;
        if parent != i {
            prose[parent].0 += prose[i].0;
            prose[parent].1 += prose[i].1;
            all[parent].0 += all[i].0;
            all[parent].1 += all[i].1;
            linked[parent] += linked[i];
        }
    }
    let mut top = start;
    loop {
        let parent = arena.nodes[top].parent;
        if parent == top {
            return top;
        }
        let added_blocks = (all[parent].0 - all[top].0) as f64;
        let added_chars = (all[parent].1 - all[top].1) as f64;
        let prose_blocks = (prose[parent].0 - prose[top].0) as f64;
        let prose_chars = (prose[parent].1 - prose[top].1) as f64;
        let link_chars = (linked[parent] - linked[top]) as f64;
        let listing = facts.articles[parent] - facts.articles[top] >= 2;
        if listing && added_blocks > 0.0 {
            return top;
        }
        // One of several like elements holding prose (a transcript's contributions, a live page's posts): the body
        // is all of them, with the headers that name their speakers.
        let grand = arena.nodes[parent].parent;
        if grand != parent && repeated(arena, parent, &prose) && facts.articles[grand] < 2 {
            let grand_chars = (all[grand].1 - all[top].1) as f64;
            let grand_links = (linked[grand] - linked[top]) as f64;
            if grand_links <= CLIMB_MAX_LINK_SHARE * grand_chars {
                top = grand;
                continue;
            }
        }
        if added_blocks > 0.0
            && (added_blocks - prose_blocks > prose_blocks + CLIMB_SLACK_BLOCKS
                || prose_chars < CLIMB_CHAR_SHARE * added_chars
                || link_chars > CLIMB_MAX_LINK_SHARE * added_chars)
        {
            return top;
        }
        top = parent;
    }
}

/// Like siblings a body is cut into: at least this many elements with the same tag and class, most holding prose.
const MIN_REPEATED_SIBLINGS: usize = 3;

/// Whether `node` is one of several siblings with its tag and class (not a bare `div`/`p`), most of them holding
/// paragraph-shaped text.
fn repeated(arena: &Arena<'_>, node: usize, prose: &[(usize, usize)]) -> bool {
    let (like, with_prose) = like_siblings(arena, node, |i| prose[i].0 > 0);
    like >= MIN_REPEATED_SIBLINGS && with_prose * 2 > like
}

/// How many siblings of `node` (itself included) share its tag and class, and how many of those pass `test`; none
/// for a bare element without a class or an inline one.
fn like_siblings(arena: &Arena<'_>, node: usize, test: impl Fn(usize) -> bool) -> (usize, usize) {
    let key = |i: usize| {
        let n = &arena.nodes[i];
        (n.tag(), n.element().and_then(|e| e.attr("class")).map(str::trim))
    };
    let (tag, class) = key(node);
    let parent = arena.nodes[node].parent;
    if parent == node || class.is_none_or(str::is_empty) || matches!(tag, "p" | "span" | "a" | "li" | "tr" | "td") {
        return (0, 0);
    }
    let (mut like, mut passing) = (0, 0);
    let mut child = parent + 1;
    while child < arena.nodes[parent].end {
        if key(child) == (tag, class) {
            like += 1;
            passing += usize::from(test(child));
        }
        child = arena.nodes[child].end;
    }
    (like, passing)
}

/// Whether a heading names one of several like contributions (a speaker's name over each speech of a transcript):
/// kept even when it links to the speaker's page.
fn heads_a_contribution(arena: &Arena<'_>, owner: usize) -> bool {
    arena
        .ancestors(owner)
        .take(2)
        .any(|a| like_siblings(arena, a, |_| true).0 >= MIN_REPEATED_SIBLINGS)
}

/// The vote a paragraph-shaped block casts, if any.
fn vote(block: &RawBlock) -> Option<f64> {
    if block.chars < MIN_VOTING_CHARS || block.link_density() > 0.33 {
        return None;
    }
    if !matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::Blockquote | BlockKind::ListItem | BlockKind::Preformatted
    ) {
        return None;
    }
    let commas = block
        .text
        .chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count();
    Some(1.0 + commas as f64 + (block.chars as f64 / 100.0).min(3.0))
}

/// Whether a block inside the article region is reading text.
fn keep(block: &RawBlock, title: Option<&str>) -> bool {
    let sentence = block.kind == BlockKind::Paragraph
        && (block.chars >= LONG_BLOCK_CHARS || (ends_a_sentence(&block.text) && block.text.split(' ').count() >= 8));
    let max_links = if sentence {
        MAX_LINK_DENSITY_LONG
    } else {
        MAX_LINK_DENSITY
    };
    if block.link_density() > max_links {
        return false;
    }
    let line = normalise(&block.text);
    if FURNITURE_LINES.contains(&line.as_str()) || FURNITURE_PREFIXES.iter().any(|p| line.starts_with(p)) {
        return false;
    }
    if line.len() < FURNITURE_PHRASE_MAX_CHARS && FURNITURE_PHRASES.iter().any(|p| line.contains(p)) {
        return false;
    }
    if title.is_some_and(|t| is_headline(&line, t)) {
        return false;
    }
    match block.kind {
        BlockKind::Heading => block.tag != "h1",
        BlockKind::Caption => carries_figures(&block.text),
        _ => true,
    }
}

/// A list item of a list of links to other stories.
fn in_link_list(arena: &Arena<'_>, facts: &Facts, block: &RawBlock) -> bool {
    block.kind == BlockKind::ListItem && facts.link_list[arena.nodes[block.owner].parent]
}

fn ends_a_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?'])
}

/// The page's headline: the title itself, or the part of the `<title>` before " - Site name".
fn is_headline(line: &str, title: &str) -> bool {
    line == title
        || title.strip_prefix(line).is_some_and(|rest| {
            [" - ", " | ", " – ", " — ", ": ", " :: "]
                .iter()
                .any(|sep| rest.starts_with(sep))
        })
}

/// A caption is kept when it states figures a claim could cite: a percentage, an amount of money or a decimal,
/// not a photo credit or "Image 2 of 5".
fn carries_figures(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("per cent") || lower.contains("percent") {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| (w[0] == '%' || w[1] == '%') && (w[0].is_ascii_digit() || w[1].is_ascii_digit()))
        || chars
            .windows(2)
            .any(|w| matches!(w[0], '£' | '$' | '€' | '¥') && w[1].is_ascii_digit())
        || chars
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], '.' | ',') && w[2].is_ascii_digit())
}

/// Without any paragraph-shaped block, the page is a list or a stub: keep what is not navigation.
fn fallback(blocks: &[RawBlock]) -> Vec<&RawBlock> {
    blocks
        .iter()
        .filter(|b| b.link_density() <= MAX_LINK_DENSITY && b.kind != BlockKind::Caption)
        .collect()
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
