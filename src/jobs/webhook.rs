//! The newsroom webhook's body, parsed: the draft, where to call back, and what identifies a revision.

use serde::{Deserialize, Deserializer};

use crate::extract::{self, Document};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("the body is not a webhook event: {0}")]
    Shape(String),
    #[error("article.{0} is required")]
    Missing(&'static str),
    #[error("{0} is not an http(s) URL")]
    BadUrl(String),
}

/// An id or revision may come as a string or a number; both name the same thing.
fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        S(String),
        N(serde_json::Number),
    }
    Ok(match Id::deserialize(d)? {
        Id::S(s) => s,
        Id::N(n) => n.to_string(),
    })
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Article {
    #[serde(deserialize_with = "id_string")]
    pub id: String,
    #[serde(deserialize_with = "id_string")]
    pub revision: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub body_html: Option<String>,
    #[serde(default)]
    pub body_text: Option<String>,
    #[serde(default)]
    pub sources: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct WebhookEvent {
    #[serde(default)]
    pub event: Option<String>,
    pub article: Article,
    #[serde(default)]
    pub callback_url: Option<String>,
}

impl WebhookEvent {
    pub fn parse(body: &[u8]) -> Result<Self, WebhookError> {
        let ev: WebhookEvent = serde_json::from_slice(body).map_err(|e| WebhookError::Shape(e.to_string()))?;
        if ev.article.id.trim().is_empty() {
            return Err(WebhookError::Missing("id"));
        }
        if ev.article.body_html.as_deref().is_none_or(str::is_empty)
            && ev.article.body_text.as_deref().is_none_or(str::is_empty)
        {
            return Err(WebhookError::Missing("body_html or body_text"));
        }
        for u in ev.callback_url.iter().chain(ev.article.sources.iter().flatten()) {
            if !is_http(u) {
                return Err(WebhookError::BadUrl(u.clone()));
            }
        }
        Ok(ev)
    }

    /// Same article, same revision: same job.
    pub fn dedupe_key(&self) -> String {
        format!("webhook:{}#{}", self.article.id, self.article.revision)
    }

    /// The draft as a document the claim finder reads.
    pub fn document(&self) -> Document {
        match (&self.article.body_html, &self.article.body_text) {
            (Some(html), _) if !html.trim().is_empty() => draft_document(html),
            (_, Some(text)) => extract::from_plain_text(text),
            _ => Document::default(),
        }
    }

    /// The sources to check against: those named, else the http(s) links in the body.
    pub fn source_urls(&self) -> Vec<String> {
        if let Some(s) = self.article.sources.as_ref().filter(|s| !s.is_empty()) {
            return s.clone();
        }
        let Some(html) = &self.article.body_html else {
            return Vec::new();
        };
        let doc = scraper::Html::parse_fragment(html);
        let a = scraper::Selector::parse("a[href]").expect("static selector");
        let mut out: Vec<String> = Vec::new();
        for el in doc.select(&a) {
            if let Some(href) = el.value().attr("href").map(str::trim) {
                if is_http(href) && !out.iter().any(|o| o == href) {
                    out.push(href.to_string());
                }
            }
        }
        out.truncate(crate::model::MAX_SOURCES);
        out
    }
}

/// A draft is all article: its paragraphs, list items and headings in order, with nothing judged boilerplate.
fn draft_document(html: &str) -> Document {
    let frag = scraper::Html::parse_fragment(html);
    let sel = scraper::Selector::parse("p, li, h1, h2, h3, h4, h5, h6, td").expect("static selector");
    let blocks: Vec<(extract::BlockKind, String)> = frag
        .select(&sel)
        .map(|el| {
            let kind = match el.value().name() {
                "li" => extract::BlockKind::ListItem,
                "td" => extract::BlockKind::TableRow,
                n if n.starts_with('h') => extract::BlockKind::Heading,
                _ => extract::BlockKind::Paragraph,
            };
            (
                kind,
                el.text()
                    .collect::<Vec<_>>()
                    .join("")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    if blocks.is_empty() {
        let text: String = frag.root_element().text().collect();
        return extract::from_plain_text(&text);
    }
    Document::from_blocks(extract::Metadata::default(), blocks)
}

fn is_http(u: &str) -> bool {
    url::Url::parse(u).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_may_be_numbers_and_the_key_names_the_revision() {
        let ev = WebhookEvent::parse(br#"{"article": {"id": 123, "revision": 7, "body_text": "x"}}"#).unwrap();
        assert_eq!(ev.dedupe_key(), "webhook:123#7");
    }

    #[test]
    fn a_draft_without_a_body_or_with_a_bad_callback_is_refused() {
        assert_eq!(
            WebhookEvent::parse(br#"{"article": {"id": "a", "revision": "1"}}"#).unwrap_err(),
            WebhookError::Missing("body_html or body_text")
        );
        assert!(matches!(
            WebhookEvent::parse(
                br#"{"article": {"id": "a", "revision": "1", "body_text": "x"}, "callback_url": "file:///x"}"#
            ),
            Err(WebhookError::BadUrl(_))
        ));
        assert!(matches!(WebhookEvent::parse(b"[1]"), Err(WebhookError::Shape(_))));
    }

    #[test]
    fn sources_default_to_the_links_in_the_body() {
        let ev = WebhookEvent::parse(
            br#"{"article": {"id": "a", "revision": "1", "body_html": "<p>See <a href='https://a.example/x'>this</a>, <a href='mailto:x@y'>mail</a> and <a href='https://a.example/x'>again</a>.</p>"}}"#,
        )
        .unwrap();
        assert_eq!(ev.source_urls(), vec!["https://a.example/x"]);
    }
}
