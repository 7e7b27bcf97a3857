//! The tables the extractor reads: which tags hold no reading text, which are blocks, what class and id names say
//! about a subtree, and which short lines are page furniture.
//!
//! Kept as data so a reader can scan them and a test can iterate them; the rules that use them live in `blocks`
//! and `select`.

use super::BlockKind;

/// Tags whose whole subtree never holds reading text.
pub(crate) const NEVER_TEXT_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "canvas", "iframe",
    "object", "embed", "video", "audio", "source", "track", "picture", "img", "map", "button", "select", "option",
    "textarea", "input", "label", "dialog",
];

/// Tags that usually hold page furniture; dropped unless the subtree holds most of the page's prose.
pub(crate) const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "header", "menu", "form"];

/// Tags that start and end a block of text; everything else is inline.
pub(crate) const BLOCK_TAGS: &[(&str, BlockKind)] = &[
    ("p", BlockKind::Paragraph),
    ("div", BlockKind::Paragraph),
    ("section", BlockKind::Paragraph),
    ("article", BlockKind::Paragraph),
    ("main", BlockKind::Paragraph),
    ("body", BlockKind::Paragraph),
    ("center", BlockKind::Paragraph),
    ("address", BlockKind::Paragraph),
    ("details", BlockKind::Paragraph),
    ("summary", BlockKind::Paragraph),
    ("fieldset", BlockKind::Paragraph),
    ("hgroup", BlockKind::Paragraph),
    ("figure", BlockKind::Paragraph),
    ("hr", BlockKind::Paragraph),
    ("h1", BlockKind::Heading),
    ("h2", BlockKind::Heading),
    ("h3", BlockKind::Heading),
    ("h4", BlockKind::Heading),
    ("h5", BlockKind::Heading),
    ("h6", BlockKind::Heading),
    ("ul", BlockKind::Paragraph),
    ("ol", BlockKind::Paragraph),
    ("dl", BlockKind::Paragraph),
    ("li", BlockKind::ListItem),
    ("dd", BlockKind::ListItem),
    ("dt", BlockKind::ListItem),
    ("blockquote", BlockKind::Blockquote),
    ("pre", BlockKind::Preformatted),
    ("figcaption", BlockKind::Caption),
    ("caption", BlockKind::Caption),
    ("table", BlockKind::Paragraph),
    ("thead", BlockKind::Paragraph),
    ("tbody", BlockKind::Paragraph),
    ("tfoot", BlockKind::Paragraph),
    ("tr", BlockKind::Paragraph),
    ("td", BlockKind::Paragraph),
    ("th", BlockKind::Paragraph),
];

/// The block kind a tag opens, if it is a block tag.
pub(crate) fn block_kind(tag: &str) -> Option<BlockKind> {
    BLOCK_TAGS.iter().find(|(name, _)| *name == tag).map(|(_, kind)| *kind)
}

/// Tags whose own text is a paragraph (scores go to the parent), as opposed to containers that hold paragraphs.
pub(crate) const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dd",
    "dt",
    "pre",
    "blockquote",
    "td",
    "th",
    "tr",
    "figcaption",
];

/// Class or id fragments that mark a subtree as furniture whatever else the name says.
pub(crate) const ALWAYS_BOILERPLATE: &[&str] = &[
    "footer",
    "comment",
    "disqus",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "outbrain",
    "taboola",
    "breadcrumb",
    "share",
    "sharing",
    "related",
    "mostread",
    "most-read",
    "most_read",
    "mostpopular",
    "most-popular",
    "trending",
    "recommend",
    "promo",
    "sponsor",
    "advert",
    "byline",
    "author-bio",
    "standfirst",
    "skip-link",
    "visually-hidden",
    "sr-only",
    "screen-reader",
];

/// Class or id tokens that mark a story's furniture even inside the article ("post-meta", "article-author").
pub(crate) const ALWAYS_BOILERPLATE_TOKENS: &[&str] = &["meta", "dateline", "author", "byline", "foot", "copyright"];

/// Class or id fragments that mark furniture unless the name also says it is the article ("content-with-sidebar").
pub(crate) const LIKELY_BOILERPLATE: &[&str] = &[
    "sidebar",
    "widget",
    "navbar",
    "navigation",
    "masthead",
    "popup",
    "modal",
    "overlay",
];

/// Class or id tokens (whole words between `-`, `_`, spaces) that mark furniture unless the name also says it is
/// the article.
pub(crate) const BOILERPLATE_TOKENS: &[&str] = &[
    "nav",
    "menu",
    "ad",
    "ads",
    "aside",
    "tags",
    "tag",
    "toolbar",
    "pagination",
    "pager",
    "print",
    "subscription",
    "banner",
    "header",
    "topbar",
    "login",
    "rating",
    "more",
    "teaser",
    "teasers",
    "archive",
    "latest",
    "recirc",
    "next",
    "prev",
    "previous",
    "alert",
    "notification",
    "notifications",
];

/// Class or id fragments that mark picture captions, credits and galleries: their text is a caption.
pub(crate) const CAPTION_HINTS: &[&str] = &["caption", "credit", "gallery", "slide"];

/// Openings of boxes that hold what checks are made against: kept even in an `<aside>` or a box named like furniture
/// (compared lower-case, at the start of the box's text).
pub(crate) const KEPT_BOX_TITLES: &[&str] = &[
    "notes to editors",
    "note to editors",
    "notes for editors",
    "editor's note",
    "editors' note",
    "editor’s note",
    "key facts",
    "key figures",
    "facts and figures",
    "fact box",
    "factbox",
    "in numbers",
    "methodology",
];

/// Phrases that make a short line a programme's credit (`… · Presented by Dominic Reyes`): a transcript's
/// `PRESENTER:` labels refer to it, so it is kept with the text even in a box named like furniture (compared
/// lower-case, anywhere in a line of at most [`CREDIT_MAX_CHARS`]).
pub(crate) const CREDIT_PHRASES: &[&str] = &["presented by", "hosted by", "interviewed by", "chaired by"];

/// Longer lines than this are not credits, whatever they contain.
pub(crate) const CREDIT_MAX_CHARS: usize = 200;

/// Whether `text` is a programme's credit line.
pub(crate) fn is_credit_line(text: &str) -> bool {
    text.len() <= CREDIT_MAX_CHARS && {
        let lower = text.to_lowercase();
        CREDIT_PHRASES.iter().any(|p| lower.contains(p))
    }
}

/// Class or id fragments that mark the article itself.
pub(crate) const CONTENT_HINTS: &[&str] = &[
    "article", "content", "entry", "post", "story", "body", "text", "main", "blog",
];

/// Starts of lines that are page furniture (compared lower-case).
pub(crate) const FURNITURE_PREFIXES: &[&str] = &[
    "©",
    "copyright ©",
    "copyright (c)",
    "all rights reserved",
    "reporting by",
    "(reporting by",
    "additional reporting by",
    "editing by",
    "like this story?",
    "tell us what you think",
];

/// Phrases that make a short line (under [`FURNITURE_PHRASE_MAX_CHARS`]) a credit or a promotion wherever they stand.
pub(crate) const FURNITURE_PHRASES: &[&str] = &[
    "contributed to this report",
    "sign up for our",
    "subscribe to our",
    "follow us on",
    "click here to",
    "click here for",
];

/// Longer lines than this are prose even when they contain a furniture phrase.
pub(crate) const FURNITURE_PHRASE_MAX_CHARS: usize = 200;

/// Short lines that are page furniture wherever they stand (compared lower-case, whole line).
pub(crate) const FURNITURE_LINES: &[&str] = &[
    "advertisement",
    "advertisements",
    "advert",
    "explore further",
    "ad",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "email",
    "print",
    "read more",
    "continue reading",
    "related",
    "related articles",
    "related stories",
    "more on this story",
    "most read",
    "most popular",
    "comments",
    "leave a comment",
    "sign up",
    "subscribe",
    "follow us",
    "image",
    "photo",
    "video",
    "click here",
    "back to top",
];
