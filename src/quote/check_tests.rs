//! Tests of checking a quotation claim against a page: verbatim, changed, someone else's, nothing close.

use super::tests::{checked, doc};
use super::*;
use crate::extract::Document;

fn met_page() -> Document {
    doc(&[
        "The turnaround under Scotland Yard chief Sir Mark Rowley is remarkable.",
        "Sir Mark added: “The whole of the Met has worked to fix our broken foundations and make sure our officers \
         are set up to deliver for London.”",
        "Sir Sadiq Khan added: “I welcome His Majesty’s Inspectorate confirming that significant improvements are \
         being made by the Met Police on both improved performance and transforming culture.",
        "“There’s still more to do, and as Mayor, I’ll continue to work with the Commissioner.”",
        "Writing for The Standard, Dame Lynne Owens said: “Today’s news should though give communities \
         encouragement.”",
        "The Met said the force is responding more quickly to emergencies.",
    ])
}

#[test]
fn part_of_a_longer_quote_by_the_speaker_is_supported() {
    let f = checked("fix our broken foundations", Some("Mark Rowley"), &met_page());
    assert_eq!(f.outcome, Outcome::Supported);
    assert_eq!(f.speaker.as_deref(), Some("Sir Mark Rowley"));
    assert!(met_page().text[f.start..f.end].contains("The whole of the Met"));
}

#[test]
fn straight_apostrophe_matches_a_curly_one() {
    assert_eq!(
        checked("There's still more to do", Some("Sadiq Khan"), &met_page()).outcome,
        Outcome::Supported
    );
}

#[test]
fn changed_word_is_misquoted_with_the_edit() {
    let f = checked(
        "I welcome His Majesty's Inspectorate confirming that dramatic improvements are being made by the Met Police",
        Some("Sadiq Khan"),
        &met_page(),
    );
    assert_eq!(f.outcome, Outcome::Misquoted);
    assert_eq!(
        f.differences,
        [WordEdit {
            claim: "dramatic".into(),
            source: "significant".into()
        }]
    );
}

#[test]
fn added_and_dropped_words_are_misquoted_with_both_edits() {
    let f = checked(
        "Today's news should give communities great encouragement",
        Some("Lynne Owens"),
        &met_page(),
    );
    assert_eq!(f.outcome, Outcome::Misquoted);
    assert_eq!(
        f.differences,
        [
            WordEdit {
                claim: String::new(),
                source: "though".into()
            },
            WordEdit {
                claim: "great".into(),
                source: String::new()
            }
        ]
    );
}

#[test]
fn words_of_someone_else_are_misattributed_to_the_real_speaker() {
    let f = checked("There's still more to do", Some("Mark Rowley"), &met_page());
    assert_eq!(f.outcome, Outcome::Misattributed);
    assert_eq!(f.speaker.as_deref(), Some("Sir Sadiq Khan"));
}

#[test]
fn nothing_close_is_not_found() {
    let f = checked(
        "The Met has finally fixed every one of its broken foundations",
        Some("Yvette Cooper"),
        &met_page(),
    );
    assert_eq!(f.outcome, Outcome::NotFound);
}

#[test]
fn reported_speech_of_the_speaker_is_supported_but_narration_is_not() {
    let d = doc(&[
        "Sir Mark Rowley leads the force.",
        "On Thursday, Sir Mark said exit from the monitoring process is welcome news for London.",
        "Officers have been trained in the identification of child exploitation.",
    ]);
    let f = checked(
        "exit from the monitoring process is welcome news",
        Some("Mark Rowley"),
        &d,
    );
    assert_eq!(f.outcome, Outcome::Supported);
    let f = checked(
        "trained in the identification of child exploitation",
        Some("Mark Rowley"),
        &d,
    );
    assert_eq!(f.outcome, Outcome::NotFound);
}

#[test]
fn one_word_change_in_a_long_quote_is_never_supported() {
    let d = met_page();
    let original = "The whole of the Met has worked to fix our broken foundations and make sure our officers";
    let words: Vec<&str> = original.split(' ').collect();
    for k in 0..words.len() {
        let mut changed = words.clone();
        changed[k] = "purple";
        let f = checked(&changed.join(" "), None, &d);
        assert_ne!(f.outcome, Outcome::Supported, "{}", changed.join(" "));
        let f = checked(&changed.join(" "), Some("Mark Rowley"), &d);
        assert_eq!(f.outcome, Outcome::Misquoted, "{}", changed.join(" "));
    }
}

#[test]
fn claim_without_speaker_is_supported_anywhere_on_the_page() {
    let f = checked("the force is responding more quickly", None, &met_page());
    assert_eq!(f.outcome, Outcome::Supported);
    assert_eq!(f.speaker, None);
    let f = checked("fix our broken foundations", None, &met_page());
    assert_eq!(f.speaker.as_deref(), Some("Sir Mark Rowley"));
}

#[test]
fn quotation_with_an_ellipsis_matches_its_parts_in_order() {
    let f = checked(
        "The whole of the Met ... make sure our officers are set up",
        Some("Mark Rowley"),
        &met_page(),
    );
    assert_eq!(f.outcome, Outcome::Supported);
    let f = checked(
        "make sure our officers are set up … The whole of the Met",
        Some("Mark Rowley"),
        &met_page(),
    );
    assert_ne!(f.outcome, Outcome::Supported);
}

#[test]
fn claimed_speaker_written_as_a_role_resolves_on_the_page() {
    let d = doc(&[
        "London mayor Sir Sadiq Khan welcomed the report.",
        "Sir Sadiq said: “There is more to do.”",
    ]);
    assert_eq!(
        checked("There is more to do", Some("the Mayor"), &d).outcome,
        Outcome::Supported
    );
    assert_eq!(
        checked("There is more to do", Some("the Commissioner"), &d).outcome,
        Outcome::Misattributed
    );
}

#[test]
fn quotation_interrupted_by_its_attribution_is_one_quotation() {
    let d = doc(&["“We will see the industry shake out a bit,” Kevin Mayer said. “Not everyone will succeed.”"]);
    let words = "We will see the industry shake out a bit. Not everyone will succeed.";
    assert_eq!(checked(words, Some("Kevin Mayer"), &d).outcome, Outcome::Supported);
    assert_eq!(checked(words, Some("Bob Iger"), &d).outcome, Outcome::Misattributed);
    let d = doc(&[
        "“We will see the industry shake out a bit,” Kevin Mayer said. “Not everyone will succeed,” \
                   Bob Iger added.",
    ]);
    assert_ne!(checked(words, Some("Kevin Mayer"), &d).outcome, Outcome::Supported);
}

#[test]
fn unattributed_words_belong_to_the_first_person_their_sentence_names() {
    let d = doc(&[
        "Senate leader Harry Reid has been pounding Donald Trump for weeks.",
        "In recent weeks, Reid has gone after Trump as a “human leech who will bleed the country”.",
    ]);
    let words = "human leech who will bleed the country";
    assert_eq!(checked(words, Some("Harry Reid"), &d).outcome, Outcome::Supported);
    assert_ne!(checked(words, Some("Donald Trump"), &d).outcome, Outcome::Supported);
}

#[test]
fn source_quoting_less_of_the_words_is_shorter_not_otherwise() {
    let d = doc(&["Jane Doe said: “We will rebuild the station, and we will open it.” The council met later."]);
    let words = "We will rebuild the station, and we will open it by the spring of next year.";
    let f = checked(words, Some("Jane Doe"), &d);
    assert_eq!((f.outcome, f.shorter), (Outcome::Misquoted, true));
    let f = checked(
        "We will rebuild the station, and we will close it.",
        Some("Jane Doe"),
        &d,
    );
    assert_eq!((f.outcome, f.shorter), (Outcome::Misquoted, false));
    let f = checked(
        "They will rebuild the station, and we will open it.",
        Some("Jane Doe"),
        &d,
    );
    assert_eq!((f.outcome, f.shorter), (Outcome::Misquoted, false));
}
