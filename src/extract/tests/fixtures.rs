//! The three fixture pages the claim checks run against (`../shared/fixtures/pages`).

use std::path::PathBuf;

use crate::extract::{extract, BlockKind, Document};

/// A fixture page: next to the crate (`../shared`), else the workplace's shared folder.
fn fixture(name: &str) -> PathBuf {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/pages")
        .join(name);
    if beside.exists() {
        return beside;
    }
    PathBuf::from("/work/shared/fixtures/pages").join(name)
}

fn load(name: &str, encoding: &'static encoding_rs::Encoding) -> Document {
    let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"));
    let (html, _, _) = encoding.decode(&bytes);
    extract(&html, Some("https://example.org/page"))
}

#[test]
fn standard_page_keeps_the_whole_body_and_drops_furniture() {
    let doc = load("standard-met-special-measures.html", encoding_rs::UTF_8);
    let text = &doc.text;
    assert!(text.starts_with("The Metropolitan Police has dramatically"), "{text}");
    assert!(text.trim_end().ends_with("is being stepped up."), "{text}");
    assert!(text.contains("Around 86.2 per cent of 999 calls are answered within 10 seconds"));
    assert_eq!(doc.blocks.len(), 26, "every body paragraph, nothing else");
    for gone in [
        "cookies",
        "9.4 per cent",
        "Most read",
        "Sign up",
        "biggest London stories",
        "Share on",
        "rights reserved",
    ] {
        assert!(!text.contains(gone), "{gone:?} leaked");
    }
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Met Police taken out of special measures after two-and-a-half years")
    );
    assert_eq!(doc.meta.publisher.as_deref(), Some("The Standard"));
    assert_eq!(doc.meta.byline.as_deref(), Some("Crime Correspondent"));
    assert_eq!(doc.meta.published.as_deref(), Some("2025-01-23T11:02:00Z"));
    assert_eq!(doc.meta.language.as_deref(), Some("en-GB"));
}

#[test]
fn mayor_page_keeps_the_statement_notes_to_editors_and_every_bullet() {
    let doc = load("mayor-statement-met-special-measures.html", encoding_rs::UTF_8);
    let text = &doc.text;
    assert!(text.starts_with("The Mayor of London, Sadiq Khan, said:"), "{text}");
    assert!(text.contains("There’s still more to do"));
    let blocks: Vec<(BlockKind, &str)> = doc.blocks.iter().map(|b| (b.kind, doc.block_text(b))).collect();
    assert!(blocks.contains(&(BlockKind::Heading, "Notes to editors")));
    let crimes = blocks
        .iter()
        .position(|(_, t)| t.starts_with("Crimes which have fallen"))
        .expect("crimes paragraph");
    let after: Vec<&str> = blocks[crimes + 1..].iter().map(|(_, t)| *t).collect();
    assert_eq!(
        after,
        [
            "Knife crime with injury victims aged under 25 years (down 24%)",
            "Gun Crime Lethal Barrel Discharge (down 40%)",
            "Violence with Injury (-7%)",
            "Homicide (down 11%, thirteen fewer offences)",
            "Burglary (down 22%)",
        ]
    );
    let items = blocks.iter().filter(|(k, _)| *k == BlockKind::ListItem).count();
    assert_eq!(items, 14, "two notes, seven measures, five crimes");
    for gone in [
        "Skip to main content",
        "Who we are",
        "Need a document",
        "Kamal Chunchie Way",
    ] {
        assert!(!text.contains(gone), "{gone:?} leaked");
    }
    assert_eq!(doc.meta.published.as_deref(), Some("2025-01-23T12:00:00Z"));
}

#[test]
fn community_blog_keeps_the_post_and_drops_comments_and_widgets() {
    let doc = load("community-blog-999-calls.html", encoding_rs::WINDOWS_1252);
    let text = &doc.text;
    assert!(
        text.contains("around 80 per cent of 999 calls were answered within 10 seconds"),
        "{text}"
    );
    assert!(text.contains("the Met’s £480m reform budget"), "{text}");
    assert!(text.contains("We went along to the London Policing Board"));
    assert_eq!(doc.blocks.len(), 4, "four <br><br> paragraphs: {text}");
    for gone in [
        "nearer 70 per cent",
        "Categories",
        "Policing (42)",
        "open to the public",
        "Powered by",
    ] {
        assert!(!text.contains(gone), "{gone:?} leaked");
    }
}
