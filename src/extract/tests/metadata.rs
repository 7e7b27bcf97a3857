//! Metadata from JSON-LD, OpenGraph, `<meta>` and markup.

use crate::extract::extract;

fn meta_of(head: &str, body: &str, url: Option<&str>) -> crate::extract::Metadata {
    extract(&format!("<html><head>{head}</head><body>{body}</body></html>"), url).meta
}

#[test]
fn json_ld_graph_gives_title_author_dates_and_publisher() {
    let meta = meta_of(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Met exits special measures","datePublished":"2025-01-23T11:02:00Z",
             "dateModified":"2025-01-24","author":[{"@type":"Person","name":"A Reporter"},{"name":"B Writer"}],
             "publisher":{"@type":"Organization","name":"The Standard"},"inLanguage":"en-GB"}]}</script>"#,
        "",
        None,
    );
    assert_eq!(meta.title.as_deref(), Some("Met exits special measures"));
    assert_eq!(meta.byline.as_deref(), Some("A Reporter, B Writer"));
    assert_eq!(meta.published.as_deref(), Some("2025-01-23T11:02:00Z"));
    assert_eq!(meta.modified.as_deref(), Some("2025-01-24"));
    assert_eq!(meta.publisher.as_deref(), Some("The Standard"));
    assert_eq!(meta.language.as_deref(), Some("en-GB"));
}

#[test]
fn json_ld_top_level_array_is_read() {
    let meta = meta_of(
        r#"<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"H",
            "author":"Plain Name"}]</script>"#,
        "",
        None,
    );
    assert_eq!(meta.title.as_deref(), Some("H"));
    assert_eq!(meta.byline.as_deref(), Some("Plain Name"));
}

#[test]
fn broken_json_ld_is_ignored() {
    let meta = meta_of(
        r#"<script type="application/ld+json">{"@type": "NewsArticle", </script><title>T</title>"#,
        "",
        None,
    );
    assert_eq!(meta.title.as_deref(), Some("T"));
}

#[test]
fn opengraph_and_meta_fill_what_json_ld_lacks() {
    let meta = meta_of(
        r#"<meta property="og:title" content="OG title"><meta property="og:site_name" content="Paper">
           <meta name="author" content="C Author"><meta property="article:published_time" content="2024-05-01">
           <meta property="article:modified_time" content="2024-05-02"><meta property="og:locale" content="en_GB">"#,
        "",
        None,
    );
    assert_eq!(meta.title.as_deref(), Some("OG title"));
    assert_eq!(meta.publisher.as_deref(), Some("Paper"));
    assert_eq!(meta.byline.as_deref(), Some("C Author"));
    assert_eq!(meta.published.as_deref(), Some("2024-05-01"));
    assert_eq!(meta.modified.as_deref(), Some("2024-05-02"));
    assert_eq!(meta.language.as_deref(), Some("en_GB"));
}

#[test]
fn title_tag_loses_the_site_suffix() {
    let meta = meta_of(
        r#"<title>Story | Paper</title><meta property="og:site_name" content="Paper">"#,
        "",
        None,
    );
    assert_eq!(meta.title.as_deref(), Some("Story"));
}

#[test]
fn canonical_link_is_resolved_against_the_page_url() {
    let meta = meta_of(
        r#"<link rel="canonical" href="/news/story">"#,
        "",
        Some("https://example.org/a?b=c"),
    );
    assert_eq!(meta.canonical_url.as_deref(), Some("https://example.org/news/story"));
    let meta = meta_of("", "", Some("https://example.org/a"));
    assert_eq!(meta.canonical_url.as_deref(), Some("https://example.org/a"));
}

#[test]
fn html_lang_and_time_datetime_are_used() {
    let doc = extract(
        r#"<html lang="pt-BR"><body><time datetime="2019-11-18T10:00:00Z">18 Nov</time><p>x</p></body></html>"#,
        None,
    );
    assert_eq!(doc.meta.language.as_deref(), Some("pt-BR"));
    assert_eq!(doc.meta.published.as_deref(), Some("2019-11-18T10:00:00Z"));
    assert_eq!(doc.published_date(), chrono::NaiveDate::from_ymd_opt(2019, 11, 18));
}

#[test]
fn rel_author_link_gives_the_byline() {
    let meta = meta_of(
        "",
        r#"<div>By <a rel="author" href="/a">Crime Correspondent</a></div>"#,
        None,
    );
    assert_eq!(meta.byline.as_deref(), Some("Crime Correspondent"));
}

#[test]
fn meta_tag_with_several_keys_counts_for_each() {
    let meta = meta_of(
        r#"<meta property="article:published" itemprop="datePublished dateCreated" content="2019-11-19T11:00:09Z">
           <meta property="article:modified" itemprop="dateModified" content="2019-11-19T12:00:00Z">"#,
        "",
        None,
    );
    assert_eq!(meta.published.as_deref(), Some("2019-11-19T11:00:09Z"));
    assert_eq!(meta.modified.as_deref(), Some("2019-11-19T12:00:00Z"));
}

#[test]
fn byline_loses_its_by() {
    let meta = meta_of(r#"<meta name="byl" content="By Jamelle Bouie">"#, "", None);
    assert_eq!(meta.byline.as_deref(), Some("Jamelle Bouie"));
}
