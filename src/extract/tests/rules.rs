//! One test per extraction rule, on small hand-written pages.

use super::{extract, kinds, page, para, text_of};
use crate::extract::{from_plain_text, BlockKind};

fn article(inner: &str) -> String {
    format!(
        "<article class=\"story\">{}{}{inner}{}</article>",
        para("The council published its annual figures on Monday"),
        para("Officers answered most emergency calls within the target time"),
        para("The mayor said the results showed steady progress"),
    )
}

#[test]
fn reader_comments_are_dropped() {
    let text = text_of(&format!(
        "{}<div id=\"comments\"><div class=\"comment\">I heard it was nearer 70 per cent, honestly, from a \
         friend who works there and knows these things well.</div></div>",
        article("")
    ));
    assert!(text.contains("annual figures"));
    assert!(!text.contains("nearer 70 per cent"), "{text}");
}

#[test]
fn table_rows_keep_their_header() {
    let doc = extract(
        &page(&article(
            "<table><tr><th>Region</th><th>Calls answered</th></tr>\
             <tr><td>London</td><td>86.2%</td></tr><tr><td>Kent</td><td>80.1%</td></tr></table>",
        )),
        None,
    );
    let rows: Vec<&str> = kinds(&doc)
        .into_iter()
        .filter(|(k, _)| *k == BlockKind::TableRow)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        rows,
        [
            "Region: London; Calls answered: 86.2%",
            "Region: Kent; Calls answered: 80.1%"
        ]
    );
}

#[test]
fn table_header_in_thead_with_td_cells_is_used() {
    let doc = extract(
        &page(&article(
            "<table><thead><tr><td>Year</td><td>Homicides</td></tr></thead>\
             <tbody><tr><td>2024</td><td>109</td></tr></tbody></table>",
        )),
        None,
    );
    assert!(doc.text.contains("Year: 2024; Homicides: 109"), "{}", doc.text);
}

#[test]
fn layout_tables_are_read_as_paragraphs() {
    let text = text_of(&format!(
        "<table><tr><td><table><tr><td>x</td></tr></table>{}</td></tr></table>",
        article("")
    ));
    assert!(
        text.contains("The council published its annual figures on Monday, which"),
        "{text}"
    );
    assert!(!text.contains("; "), "{text}");
}

#[test]
fn bulleted_fact_lists_become_list_items() {
    let doc = extract(
        &page(&article(
            "<p>Crimes which have fallen:</p><ul><li>Burglary (down 22%)</li><li>Homicide (down 11%)</li></ul>",
        )),
        None,
    );
    let items: Vec<&str> = kinds(&doc)
        .into_iter()
        .filter(|(k, _)| *k == BlockKind::ListItem)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(items, ["Burglary (down 22%)", "Homicide (down 11%)"]);
    assert!(doc.text.contains("Crimes which have fallen:"));
}

#[test]
fn double_br_splits_paragraphs_and_single_br_is_a_space() {
    let long = "words that make this a real paragraph of reading text, with commas, and more, and more";
    let doc = extract(
        &page(&format!(
            "<div class=\"post-text\">First {long}.<br><br>Second line one<br>continues {long}.<br>\n<br>Third {long}.</div>"
        )),
        None,
    );
    let blocks: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
    assert_eq!(blocks.len(), 3, "{blocks:?}");
    assert!(blocks[1].starts_with("Second line one continues"), "{blocks:?}");
}

#[test]
fn cookie_banner_and_newsletter_box_are_dropped() {
    let text = text_of(&format!(
        "<div class=\"cookie-banner\">We use cookies. 100 per cent of our partners agree, and so on and so forth.</div>\
         {}<div class=\"newsletter-signup\"><h3>Sign up</h3><p>Get the 5 biggest London stories in your inbox \
         every morning, with figures, analysis and comment.</p></div>",
        article("")
    ));
    assert!(!text.contains("cookies"), "{text}");
    assert!(!text.contains("biggest London stories"), "{text}");
}

#[test]
fn navigation_footer_and_share_bars_are_dropped() {
    let text = text_of(&format!(
        "<nav><ul><li><a href=\"/\">News</a></li><li><a href=\"/s\">Sport</a></li></ul></nav>\
         <div class=\"share-tools\"><a href=\"#\">Share on X</a></div>{}\
         <footer><p>Copyright 2025 Evening Standard Ltd. All rights reserved, everywhere, always.</p></footer>",
        article("")
    ));
    assert!(!text.contains("Sport"));
    assert!(!text.contains("Share on X"));
    assert!(!text.contains("All rights reserved"));
}

#[test]
fn scripts_styles_and_json_blobs_are_dropped() {
    let text = text_of(&format!(
        "<script>var figures = \"99.9 per cent\";</script><style>.a{{color:red}}</style>\
         <script type=\"application/json\">{{\"rate\": \"42 per cent\"}}</script>{}",
        article("")
    ));
    assert!(!text.contains("99.9"));
    assert!(!text.contains("42 per cent"));
    assert!(!text.contains("color"));
}

#[test]
fn most_read_and_related_lists_are_dropped() {
    let text = text_of(&format!(
        "<main>{}<aside class=\"related\"><h2>Most read</h2><ol><li><a href=\"/r\">London rents rise 9.4 per cent \
         in a year</a></li></ol></aside><div class=\"most-read\"><p>Knife crime up 3 per cent, figures show, in a \
         list of the stories readers opened most.</p></div></main>",
        article("")
    ));
    assert!(!text.contains("9.4 per cent"), "{text}");
    assert!(!text.contains("Knife crime up"), "{text}");
}

#[test]
fn headings_inside_the_body_are_kept_and_the_headline_is_not() {
    let doc = extract(
        &page(&article("<h1>Headline of the story</h1><h3>Notes to editors</h3>")),
        None,
    );
    assert!(kinds(&doc).contains(&(BlockKind::Heading, "Notes to editors")));
    assert!(!doc.text.contains("Headline of the story"));
}

#[test]
fn blockquotes_are_kept_as_blockquote_blocks() {
    let doc = extract(
        &page(&article(
            "<blockquote>We are on the right path, said the commissioner.</blockquote>",
        )),
        None,
    );
    assert!(kinds(&doc).contains(&(
        BlockKind::Blockquote,
        "We are on the right path, said the commissioner."
    )));
}

#[test]
fn captions_are_kept_only_when_they_carry_figures() {
    let text = text_of(&article(
        "<figure><figcaption>New Scotland Yard (PA Archive)</figcaption></figure>\
         <figure><figcaption>Calls answered within 10 seconds rose to 86.2%</figcaption></figure>",
    ));
    assert!(!text.contains("PA Archive"), "{text}");
    assert!(text.contains("rose to 86.2%"), "{text}");
}

#[test]
fn hidden_elements_are_dropped() {
    let text = text_of(&article(
        "<p style=\"display: none\">A hidden paragraph that should never be read as text by anyone.</p>\
         <div hidden>Another hidden one.</div>",
    ));
    assert!(!text.contains("hidden"), "{text}");
}

#[test]
fn article_split_across_sections_is_kept_whole() {
    let section =
        |s: &str| format!("<section class=\"outer\"><div class=\"wrap\"><div class=\"c\">{s}</div></div></section>");
    let text = text_of(&format!(
        "<div class=\"post\">{}<section class=\"outer\"><figure></figure></section>{}</div>",
        section(&[para("First part of the story"), para("More of the first part")].concat()),
        section(&[para("Second part of the story"), para("More of the second part")].concat()),
    ));
    assert!(text.contains("First part of the story"), "{text}");
    assert!(text.contains("Second part of the story"), "{text}");
}

#[test]
fn teaser_lists_after_the_article_are_dropped() {
    let teaser = |t: &str| {
        format!(
            "<li><article class=\"more-posts-view\"><h5><a href=\"/x\">{t}</a></h5><p>An excerpt of another story \
             that goes on for a while, with commas, names, and places.</p></article></li>"
        )
    };
    let text = text_of(&format!(
        "<main>{}</main><div class=\"more-news\"><ul>{}{}</ul></div>",
        article(""),
        teaser("One"),
        teaser("Two")
    ));
    assert!(!text.contains("An excerpt of another story"), "{text}");
}

#[test]
fn block_offsets_point_into_the_text() {
    let doc = extract(&page(&article("<h2>Background</h2><ul><li>A fact.</li></ul>")), None);
    assert!(!doc.blocks.is_empty());
    for pair in doc.blocks.windows(2) {
        assert_eq!(&doc.text[pair[0].end..pair[1].start], "\n\n");
    }
    for block in &doc.blocks {
        assert_eq!(doc.block_text(block), doc.block_text(block).trim());
    }
}

#[test]
fn plain_text_paragraphs_split_on_blank_lines() {
    let doc = from_plain_text("First line\ncontinues.\n\n\nSecond paragraph.\n");
    assert_eq!(doc.text, "First line continues.\n\nSecond paragraph.");
    assert_eq!(doc.blocks.len(), 2);
}

#[test]
fn page_without_paragraphs_keeps_its_text() {
    let text = text_of("<div><span>Short note.</span></div>");
    assert_eq!(text, "Short note.");
}

#[test]
fn json_ld_article_body_stands_in_for_a_script_rendered_page() {
    let body = "First paragraph of the story, with the figure of 86.2 per cent that readers came for.\n\
                Second paragraph, which the page would have drawn with script after loading, and more words \
                that a reader would have seen had the script run, about the force, the calls and the target.";
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{}</script></head><body><div id=\"app\"></div>\
         <p>Loading the story, please wait</p></body></html>",
        serde_json::json!({"@type": "NewsArticle", "headline": "H", "articleBody": body})
    );
    let doc = extract(&html, None);
    assert_eq!(doc.blocks.len(), 2, "{}", doc.text);
    assert!(doc.text.starts_with("First paragraph of the story"));
}

#[test]
fn json_ld_article_body_does_not_replace_a_full_page() {
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"Short \
         summary.\"}}</script></head><body>{}</body></html>",
        article("")
    );
    assert!(extract(&html, None)
        .text
        .contains("The council published its annual figures"));
}

#[test]
fn notes_to_editors_box_is_kept_even_in_an_aside() {
    let text = text_of(&article(
        "<aside class=\"box\"><h3>Notes to <b>editors</b></h3><ul><li>Calls answered within 10 seconds: 86.2%</li>\
         <li>Officers trained: 8,000</li></ul></aside><aside><h3>Related</h3><p>Another story</p></aside>",
    ));
    assert!(text.contains("Notes to editors"), "{text}");
    assert!(text.contains("Officers trained: 8,000"), "{text}");
    assert!(!text.contains("Another story"), "{text}");
}

#[test]
fn sentence_mostly_made_of_a_link_is_kept_but_a_link_line_is_not() {
    let text = text_of(&article(
        "<p>The suspect was convicted and <a href=\"/s\">sentenced to life in federal prison last Thursday</a>.</p>\
         <p><a href=\"/x\">Man Shot at Dallas Gas Station Dies at Hospital</a></p>",
    ));
    assert!(text.contains("sentenced to life in federal prison"), "{text}");
    assert!(!text.contains("Gas Station"), "{text}");
}

#[test]
fn credit_and_promotion_lines_are_dropped() {
    let text = text_of(&article(
        "<p>Reporting by A Reporter; editing by An Editor</p><p>Jane Doe contributed to this report.</p>\
         <p>Get the latest updates in your inbox. Subscribe to our newsletters.</p>",
    ));
    assert!(!text.contains("Reporting by"), "{text}");
    assert!(!text.contains("contributed to this report"), "{text}");
    assert!(!text.contains("Subscribe to our"), "{text}");
    assert!(text.contains("annual figures"));
}

#[test]
fn table_header_spanning_columns_names_each_column() {
    let doc = extract(
        &page(&article(
            "<table><tr><th>Force</th><th colspan=\"2\">Calls answered</th></tr>\
             <tr><td colspan=\"1\">Met</td><td>86.2%</td><td>90.9%</td></tr>\
             <tr><td colspan=\"2\">Total</td><td>88%</td></tr></table>",
        )),
        None,
    );
    assert!(
        doc.text
            .contains("Force: Met; Calls answered: 86.2%; Calls answered: 90.9%"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("Force: Total; Calls answered: 88%"), "{}", doc.text);
}

#[test]
fn layout_table_with_the_article_in_one_cell_is_not_data() {
    let cell = [
        para("The council published its annual figures on Monday"),
        para("Officers answered most emergency calls within the target time"),
        para("The mayor said the results showed steady progress"),
        para("The report will be debated at the next meeting of the board"),
        para("Campaigners said the figures hid a wide gap between boroughs"),
        para("The force said it would publish monthly figures from next year"),
        para("Residents can read the full report on the council's website"),
    ]
    .concat();
    let text = text_of(&format!(
        "<table><tr><td>Home</td><td>News</td><td>Contact</td><td>About</td><td>Help</td><td>Jobs</td></tr>\
         <tr><td>A</td><td>B</td><td>C</td><td>D</td><td>E</td><td>{cell}</td></tr></table>"
    ));
    assert!(text.contains("\n\nOfficers answered most emergency calls"), "{text}");
}

#[test]
fn debate_speeches_under_linked_speaker_headings_are_kept_whole() {
    let speech = |who: &str, words: &str| {
        format!(
            "<section class=\"speech\"><h3><a href=\"/members/x\">{who}</a></h3><div class=\"speech__text\">{}{}\
             </div></section>",
            para(words),
            para("And the Assembly should know it")
        )
    };
    let text = text_of(&format!(
        "<main><h1>Statement</h1><div class=\"record\">{}{}<p class=\"interjection\">Members: Hear, hear.</p>{}\
         </div></main>",
        speech("The Minister for Transport (Owen Farrant)", "I wish to update Members"),
        speech("Beatrix Colquhoun (Kestlegate South) (Con)", "I thank the Minister"),
        speech("Owen Farrant", "I will take no lessons from her"),
    ));
    for kept in [
        "The Minister for Transport (Owen Farrant)",
        "Beatrix Colquhoun (Kestlegate South) (Con)",
        "I thank the Minister",
        "Members: Hear, hear.",
        "Owen Farrant\n\nI will take no lessons",
    ] {
        assert!(text.contains(kept), "{kept} missing from {text}");
    }
}

#[test]
fn linked_headline_over_a_blurb_is_still_dropped() {
    let text = text_of(&article(
        "<div class=\"caption\"><h2><a href=\"/v/1\">Watch: the mayor on the figures</a></h2><p>The mayor \
         discusses how the figures were gathered and what they show for each borough.</p></div>",
    ));
    assert!(!text.contains("Watch: the mayor"), "{text}");
}

#[test]
fn programme_credit_line_is_kept_for_a_transcript() {
    let turn = |who: &str, words: &str| format!("<p class=\"turn\"><strong>{who}:</strong> {words}</p>");
    let text = text_of(&format!(
        "<main><article><p class=\"programme-header\">The Morning Briefing &middot; Presented by Dominic Reyes</p>\
         <h1>Transcript</h1><div class=\"transcript\">{}{}{}</div></article></main>",
        turn(
            "PRESENTER",
            "Nurseries say they simply can't find the staff, and parents say the same. Can you?"
        ),
        turn(
            "CARYS PENNOCK",
            "We already have. We've recruited 9,000 extra staff, and there are more places now."
        ),
        turn(
            "PRESENTER",
            "With respect, Minister, that is a slogan, not a plan, and the federation disagrees."
        ),
    ));
    assert!(
        text.starts_with("The Morning Briefing · Presented by Dominic Reyes\n\nPRESENTER:"),
        "{text}"
    );
}
