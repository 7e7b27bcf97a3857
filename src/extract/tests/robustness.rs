//! Robustness: hostile or broken input never panics, never overflows the stack, and stays fast enough to finish
//! (a quadratic pass over 100,000 nested elements would not).

use proptest::prelude::*;

use crate::extract::{extract, Document};

/// Offsets are ordered, inside the text, on character boundaries and cover trimmed, non-empty blocks.
fn assert_well_formed(doc: &Document) {
    let mut last_end = 0;
    for (i, block) in doc.blocks.iter().enumerate() {
        assert!(block.start < block.end && block.end <= doc.text.len());
        assert!(i == 0 || block.start >= last_end + 2);
        assert!(doc.text.is_char_boundary(block.start) && doc.text.is_char_boundary(block.end));
        let body = doc.block_text(block);
        assert_eq!(body, body.trim());
        last_end = block.end;
    }
}

fn nested(tag: &str, depth: usize, inner: &str) -> String {
    let mut html = String::with_capacity(depth * (tag.len() * 2 + 5) + inner.len());
    for _ in 0..depth {
        html.push('<');
        html.push_str(tag);
        html.push('>');
    }
    html.push_str(inner);
    for _ in 0..depth {
        html.push_str("</");
        html.push_str(tag);
        html.push('>');
    }
    html
}

#[test]
fn hundred_thousand_nested_elements_do_not_overflow_the_stack() {
    let inner = "<p>Deep inside, the figure was 86.2 per cent, which the report set out at length, with caveats.</p>";
    for tag in ["div", "span", "blockquote", "li", "table", "a", "section"] {
        let doc = extract(&nested(tag, 100_000, inner), None);
        assert_well_formed(&doc);
        // Text wholly inside links is navigation, and a 100,000-deep table is layout: only well-formedness counts.
        if tag != "table" && tag != "a" {
            assert!(doc.text.contains("86.2 per cent"), "{tag}: {:?}", doc.text.get(..200));
        }
    }
}

#[test]
fn unclosed_elements_nest_without_limit() {
    let html = format!(
        "<body>{}<p>Text at the bottom of a very deep page, with commas, and more.",
        "<div>".repeat(100_000)
    );
    assert_well_formed(&extract(&html, None));
}

#[test]
fn ten_megabyte_page_is_extracted() {
    let paragraph = "<p>Around 86.2 per cent of 999 calls are answered within 10 seconds, compared with 77.6 per \
                     cent in 2024, the force said in its annual report.</p>\n";
    let body = paragraph.repeat(10 * 1024 * 1024 / paragraph.len());
    let doc = extract(&format!("<html><body><article>{body}</article></body></html>"), None);
    assert_well_formed(&doc);
    assert!(doc.blocks.len() > 50_000);
}

#[test]
fn truncated_pages_never_panic() {
    let page = "<!DOCTYPE html><html><head><title>T</title><script type=\"application/ld+json\">{\"@type\":\
                \"NewsArticle\",\"headline\":\"H\"}</script></head><body><article><h1>H</h1><p>First paragraph, \
                with figures: 86.2%.</p><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\
                <ul><li>One</li><li>Two</li></ul><blockquote>Quote</blockquote></article></body></html>";
    for end in 0..=page.len() {
        if page.is_char_boundary(end) {
            assert_well_formed(&extract(&page[..end], Some("https://example.org/")));
        }
    }
}

#[test]
fn non_utf8_bytes_are_decoded_lossily() {
    let mut bytes = b"<html><body><article><p>Caf".to_vec();
    bytes.extend_from_slice(&[0xE9, 0xFF, 0xC3]);
    bytes.extend_from_slice(
        b" served 80 per cent of the borough, with commas, and more text to read.</p></article></body></html>",
    );
    let html = String::from_utf8_lossy(&bytes);
    let doc = extract(&html, None);
    assert_well_formed(&doc);
    assert!(doc.text.contains('\u{FFFD}'));
    assert!(doc.text.contains("80 per cent"));
}

#[test]
fn empty_and_whitespace_pages_give_an_empty_document() {
    for html in ["", " ", "\n\t", "<html></html>", "<!-- only a comment -->"] {
        let doc = extract(html, None);
        assert!(doc.text.is_empty() && doc.blocks.is_empty(), "{html:?}");
    }
}

/// Pieces of markup, including broken ones, to build tag soup from.
fn fragment() -> impl Strategy<Value = String> {
    let tags = prop::sample::select(vec![
        "div",
        "p",
        "span",
        "a",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "ul",
        "li",
        "ol",
        "h1",
        "h2",
        "blockquote",
        "figure",
        "figcaption",
        "nav",
        "aside",
        "article",
        "section",
        "script",
        "style",
        "br",
        "pre",
        "caption",
    ]);
    let classes = prop::sample::select(vec![
        "",
        "comment",
        "share",
        "content",
        "article-body",
        "sidebar",
        "caption",
        "more-news",
        "related",
        "post",
    ]);
    prop_oneof![
        (tags.clone(), classes).prop_map(|(t, c)| format!("<{t} class=\"{c}\">")),
        tags.prop_map(|t| format!("</{t}>")),
        "[a-zA-Z0-9 ,.%£<>&;\"'/=!-]{0,60}",
        Just("<br>".to_string()),
        Just("<br><br>".to_string()),
        Just("<!--".to_string()),
        Just("<![CDATA[".to_string()),
        Just("<script type=\"application/ld+json\">{\"@graph\":[[[{\"@type\":\"Article\"".to_string()),
        Just("&#x110000;&#0;&amp".to_string()),
        Just("<p style=\"display:none\">".to_string()),
        Just("<td hidden>".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(html in any::<String>()) {
        assert_well_formed(&extract(&html, None));
    }

    #[test]
    fn tag_soup_never_panics(parts in prop::collection::vec(fragment(), 0..200)) {
        let html = parts.concat();
        assert_well_formed(&extract(&html, Some("not a url")));
    }
}
