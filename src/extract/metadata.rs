//! What the page says about itself: JSON-LD first (it is written for machines), then OpenGraph and `<meta>`,
//! then the markup (`<title>`, `<link rel=canonical>`, `<time datetime>`, `<html lang>`).
//!
//! Each field is a list of sources in priority order (a table), so adding a source is one line.

use serde_json::Value;

use super::arena::{Arena, Item};
use super::dates;
use super::Metadata;

/// JSON-LD `@type`s that describe the page's article (compared lower-case).
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "webpage",
    "pressrelease",
];

/// `<meta>` names/properties for each field, best first.
const TITLE_META: &[&str] = &["og:title", "twitter:title", "dc.title", "title"];
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
];
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
    "lastmod",
];
const PUBLISHER_META: &[&str] = &[
    "og:site_name",
    "application-name",
    "publisher",
    "dc.publisher",
    "twitter:site",
];
const URL_META: &[&str] = &["og:url", "twitter:url"];
const LANGUAGE_META: &[&str] = &["content-language", "og:locale", "dc.language", "language"];

/// Openings of a byline that are not part of the name (compared lower-case).
const BYLINE_PREFIXES: &[&str] = &["by ", "written by ", "words by ", "von ", "por "];

/// Metadata from JSON-LD.
#[derive(Default)]
struct LinkedData {
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    language: Option<String>,
    body: Option<String>,
}

/// What the markup gives besides `<meta>`.
#[derive(Default)]
struct Markup {
    meta: Vec<(String, String)>,
    title: Option<String>,
    canonical: Option<String>,
    time: Option<String>,
    lang: Option<String>,
    rel_author: Option<String>,
    linked: LinkedData,
}

/// Metadata of the page, plus the JSON-LD `articleBody` when there is one.
pub(crate) fn collect(arena: &Arena<'_>, page_url: Option<&str>) -> (Metadata, Option<String>) {
    let markup = read_markup(arena);
    let meta_of = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            markup
                .meta
                .iter()
                .find(|(key, value)| key == name && !value.trim().is_empty())
                .map(|(_, v)| clean(v))
        })
    };
    let ld = &markup.linked;
    let publisher = ld.publisher.clone().or_else(|| meta_of(PUBLISHER_META));
    let title = ld.title.clone().or_else(|| meta_of(TITLE_META)).or_else(|| {
        let raw = markup.title.clone()?;
        Some(strip_site_suffix(&raw, publisher.as_deref()))
    });
    let byline = ld
        .author
        .clone()
        .or_else(|| meta_of(AUTHOR_META).filter(|a| !a.starts_with("http")))
        .or_else(|| markup.rel_author.clone())
        .map(|b| strip_byline_prefix(&b));
    let canonical = markup
        .canonical
        .clone()
        .or_else(|| meta_of(URL_META))
        .or_else(|| ld.url.clone());
    let canonical = canonical
        .map(|c| resolve(&c, page_url))
        .or_else(|| page_url.map(str::to_string));
    let meta = Metadata {
        title,
        byline,
        published: ld
            .published
            .clone()
            .or_else(|| meta_of(PUBLISHED_META))
            .or_else(|| markup.time.clone())
            .map(|d| dates::normalise(&d)),
        modified: ld
            .modified
            .clone()
            .or_else(|| meta_of(MODIFIED_META))
            .map(|d| dates::normalise(&d)),
        publisher,
        canonical_url: canonical,
        language: markup
            .lang
            .clone()
            .or_else(|| ld.language.clone())
            .or_else(|| meta_of(LANGUAGE_META)),
    };
    (meta, markup.linked.body)
}

fn read_markup(arena: &Arena<'_>) -> Markup {
    let mut markup = Markup::default();
    for (i, node) in arena.nodes.iter().enumerate() {
        let Item::Element(el) = node.item else { continue };
        match el.name() {
            "html" => {
                markup.lang = markup
                    .lang
                    .take()
                    .or_else(|| el.attr("lang").map(clean).filter(|l| !l.is_empty()))
            }
            "title" if markup.title.is_none() => markup.title = Some(text_of(arena, i)).filter(|t| !t.is_empty()),
            "meta" => {
                let Some(value) = el.attr("content") else { continue };
                // One tag may carry several keys: `property="article:published" itemprop="datePublished dateCreated"`.
                let keys = ["property", "name", "itemprop", "http-equiv"]
                    .into_iter()
                    .filter_map(|a| el.attr(a));
                for key in keys.flat_map(str::split_whitespace) {
                    markup.meta.push((key.to_ascii_lowercase(), value.to_string()));
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && markup.canonical.is_none() {
                    markup.canonical = el.attr("href").map(clean).filter(|h| !h.is_empty());
                }
            }
            "a" if markup.rel_author.is_none() && el.attr("rel").is_some_and(|r| r.contains("author")) => {
                markup.rel_author = Some(text_of(arena, i)).filter(|t| !t.is_empty());
            }
            "time" if markup.time.is_none() => {
                markup.time = el.attr("datetime").map(clean).filter(|t| !t.is_empty());
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(value) = serde_json::from_str::<Value>(text_of_raw(arena, i).trim()) {
                    read_linked_data(&value, &mut markup.linked);
                }
            }
            _ => {}
        }
    }
    markup
}

/// Walks a JSON-LD value (arrays and `@graph` included) without recursion and fills what is still empty.
fn read_linked_data(root: &Value, out: &mut LinkedData) {
    let mut stack = vec![root];
    let mut seen = 0usize;
    while let Some(value) = stack.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                if !is_article(map.get("@type")) {
                    continue;
                }
                let is_page = type_names(map.get("@type")).all(|t| t == "webpage");
                if !is_page {
                    fill(
                        &mut out.title,
                        map.get("headline").or_else(|| map.get("name")).and_then(as_text),
                    );
                    fill(
                        &mut out.author,
                        map.get("author").or_else(|| map.get("creator")).and_then(names),
                    );
                    fill(
                        &mut out.body,
                        map.get("articleBody").and_then(Value::as_str).map(str::to_string),
                    );
                }
                fill(
                    &mut out.published,
                    map.get("datePublished")
                        .or_else(|| map.get("dateCreated"))
                        .and_then(as_text),
                );
                fill(&mut out.modified, map.get("dateModified").and_then(as_text));
                fill(&mut out.publisher, map.get("publisher").and_then(names));
                fill(&mut out.language, map.get("inLanguage").and_then(names));
                if !is_page {
                    let url = map.get("url").or_else(|| map.get("mainEntityOfPage"));
                    fill(
                        &mut out.url,
                        url.and_then(|u| as_text(u).or_else(|| u.get("@id").and_then(as_text))),
                    );
                }
            }
            _ => {}
        }
    }
}

fn type_names(value: Option<&Value>) -> impl Iterator<Item = String> + '_ {
    let items: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    items.into_iter().filter_map(Value::as_str).map(str::to_ascii_lowercase)
}

fn is_article(value: Option<&Value>) -> bool {
    type_names(value).any(|t| ARTICLE_TYPES.contains(&t.as_str()))
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value.filter(|v| !v.is_empty());
    }
}

fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean(s)),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A person, organisation or list of them as "A, B".
fn names(value: &Value) -> Option<String> {
    let list: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(single_name).collect(),
        other => single_name(other).into_iter().collect(),
    };
    let list: Vec<String> = list.into_iter().filter(|n| !n.is_empty()).collect();
    (!list.is_empty()).then(|| list.join(", "))
}

fn single_name(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean(s)),
        Value::Object(map) => map.get("name").and_then(as_text),
        _ => None,
    }
}

/// Text of an element's subtree with whitespace collapsed.
fn text_of(arena: &Arena<'_>, i: usize) -> String {
    clean(&text_of_raw(arena, i))
}

fn text_of_raw(arena: &Arena<'_>, i: usize) -> String {
    let mut out = String::new();
    for node in &arena.nodes[i..arena.nodes[i].end] {
        if let Item::Text(text) = node.item {
            out.push_str(text);
        }
    }
    out
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_byline_prefix(byline: &str) -> String {
    let lower = byline.to_ascii_lowercase();
    BYLINE_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .and_then(|p| byline.get(p.len()..))
        .map_or_else(|| byline.to_string(), |rest| rest.trim().to_string())
}

/// "Headline | The Site" → "Headline" when the tail names the publisher.
fn strip_site_suffix(title: &str, publisher: Option<&str>) -> String {
    let Some(publisher) = publisher else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(publisher.trim()) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn resolve(href: &str, base: Option<&str>) -> String {
    match base.and_then(|b| url::Url::parse(b).ok()) {
        Some(base) => base.join(href).map_or_else(|_| href.to_string(), |u| u.to_string()),
        None => href.to_string(),
    }
}
