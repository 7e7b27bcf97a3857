//! Caps element nesting before the HTML parser sees the page.
//!
//! html5ever checks "is there a `<p>` in button scope" by scanning the stack of open elements on every `<div>`,
//! `<section>` or `<blockquote>`, so 40,000 nested `<div>`s take seconds and 100,000 take minutes: quadratic. Chromium
//! caps parser nesting at 512 for the same reason. This pass does the same in one linear scan: start tags past that
//! depth (and as many end tags) are cut out, their text stays. Pages within the cap are passed through untouched.

use std::borrow::Cow;

/// Deepest nesting kept; Chromium's HTML parser uses the same bound.
const MAX_DEPTH: usize = 512;

/// Elements without end tags.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out: pages leave them open by the thousand, and the parser closes them itself,
/// so they never build depth.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption",
    "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template",
];

/// The page with nesting capped at [`MAX_DEPTH`]; borrowed when nothing had to change.
pub(crate) fn limit_nesting(html: &str) -> Cow<'_, str> {
    let tags = scan(html);
    if tags.iter().all(|tag| tag.depth <= MAX_DEPTH) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut excess = 0usize;
    for tag in &tags {
        let cut = match tag.kind {
            Kind::Start => {
                let deep = tag.depth > MAX_DEPTH;
                excess += usize::from(deep);
                deep
            }
            Kind::End if excess > 0 => {
                excess -= 1;
                true
            }
            Kind::End => false,
        };
        if cut {
            out.push_str(&html[copied..tag.start]);
            copied = tag.end;
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    End,
}

/// A start or end tag of a depth-building element, with the nesting depth it opens (start) or was at (end).
struct Tag {
    kind: Kind,
    start: usize,
    end: usize,
    depth: usize,
}

fn scan(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        i = end;
        if VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        if closing {
            tags.push(Tag {
                kind: Kind::End,
                start,
                end,
                depth,
            });
            depth = depth.saturating_sub(1);
            continue;
        }
        if self_closing {
            continue;
        }
        depth += 1;
        tags.push(Tag {
            kind: Kind::Start,
            start,
            end,
            depth,
        });
        if RAW_TEXT.contains(&name.as_str()) {
            // Skip to the matching end tag, which the next round reads as an end tag.
            i = find_end_tag(html, end, &name).unwrap_or(bytes.len());
        }
    }
    tags
}

/// One past the `>` that ends the tag whose attributes start at `from`, honouring quoted values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (offset, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return from + offset + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Start of `</name` (any case) at or after `from`.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(p) = find(bytes, i, b"</") {
        let candidate = bytes.get(p + 2..p + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(p);
        }
        i = p + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_pass_through_unchanged() {
        let html = "<div><p>x</div><script>if (a<b) { '<div>' }</script>";
        assert!(matches!(limit_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_past_the_cap_keeps_the_text_and_drops_the_tags() {
        let depth = MAX_DEPTH + 100;
        let html = format!(
            "{}<b>deep text</b>{}",
            "<div class=\"a>b\">".repeat(depth),
            "</div>".repeat(depth)
        );
        let capped = limit_nesting(&html);
        assert_eq!(capped.matches("<div").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(!capped.contains("<b>"), "the <b> sits past the cap too");
        assert!(capped.contains("deep text"));
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_build_no_depth() {
        let html = format!(
            "<ul>{}</ul>{}",
            "<li>item".repeat(2 * MAX_DEPTH),
            "<p>para".repeat(2 * MAX_DEPTH)
        );
        assert!(matches!(limit_nesting(&html), Cow::Borrowed(_)));
    }
}
