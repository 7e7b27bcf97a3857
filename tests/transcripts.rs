//! Quotation claims on transcripts, through the engine with local files: speakers given only by contribution labels,
//! with no quote marks. A wrong `supported` is the failure that matters most.

use std::path::PathBuf;

use crosscheck::fetch::FetchOptions;
use crosscheck::model::{CheckInput, SourceRef, Verdict};
use crosscheck::sources::Registry;
use crosscheck::Engine;

fn page(name: &str) -> SourceRef {
    SourceRef::File(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pages").join(name))
}

fn verdict(claim: &str, speaker: Option<&str>, sources: &[&str]) -> Verdict {
    let engine = Engine::new(FetchOptions::from_settings(&Default::default()), Registry::default()).unwrap();
    let sources = sources.iter().map(|s| page(s)).collect();
    let input = CheckInput::new(claim.into(), speaker.map(String::from), Some(sources), None).unwrap();
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(engine.check(&input))
        .verdict
}

const QUESTION_TIME: &str = "question-time-transcript.html";
const DEBATE: &str = "assembly-debate-transcript.html";
const COLUMN: &str = "column-on-the-debate.html";

#[test]
fn an_answer_under_an_office_label_is_the_office_holders() {
    let answer = "Around 2,000 officers left the service last year, and we recruited 1,500 new ones.";
    assert_eq!(verdict(answer, Some("the Mayor"), &[QUESTION_TIME]), Verdict::Supported);
    assert_eq!(
        verdict(answer, Some("Susan Hall"), &[QUESTION_TIME]),
        Verdict::Misattributed
    );
    assert_eq!(
        verdict(
            "That is a net loss of 500 officers.",
            Some("the Mayor"),
            &[QUESTION_TIME]
        ),
        Verdict::Misattributed
    );
}

#[test]
fn a_speech_under_a_linked_heading_is_the_members() {
    assert_eq!(
        verdict(
            "A bus pass is not a luxury; it is a lifeline.",
            Some("Owen Farrant"),
            &[DEBATE]
        ),
        Verdict::Supported
    );
    assert_eq!(
        verdict(
            "Rhian Tudor said \"Now it runs every two hours, and not at all on Sundays.\"",
            None,
            &[DEBATE]
        ),
        Verdict::Supported
    );
}

#[test]
fn words_said_about_the_member_answered_are_the_speakers_not_hers() {
    let words = "I will take no lessons from her on buses.";
    assert_eq!(
        verdict(words, Some("Beatrix Colquhoun"), &[DEBATE]),
        Verdict::Misattributed
    );
    assert_eq!(verdict(words, Some("the Minister"), &[DEBATE]), Verdict::Supported);
}

#[test]
fn the_chairs_words_are_the_chairs() {
    let words = "I will not have Members shouting across the Chamber.";
    assert_eq!(verdict(words, Some("Owen Farrant"), &[DEBATE]), Verdict::Misattributed);
    assert_eq!(
        verdict(words, Some("the Presiding Officer"), &[DEBATE]),
        Verdict::Supported
    );
}

#[test]
fn a_changed_figure_inside_a_contribution_is_a_misquote() {
    assert_eq!(
        verdict(
            "240 buses is fewer than one in four of the 1,310 buses on our roads.",
            Some("Samir Haddad"),
            &[DEBATE]
        ),
        Verdict::Misquoted
    );
}

#[test]
fn a_column_that_gives_the_words_to_someone_else_makes_the_pair_mixed() {
    let words = "The Minister has promised a revolution and delivered a timetable.";
    assert_eq!(
        verdict(words, Some("Beatrix Colquhoun"), &[DEBATE, COLUMN]),
        Verdict::Mixed
    );
    assert_eq!(
        verdict(words, Some("Samir Haddad"), &[DEBATE, COLUMN]),
        Verdict::Misattributed
    );
    assert_eq!(
        verdict(
            "A bus pass is not a luxury; it is a lifeline.",
            Some("Owen Farrant"),
            &[DEBATE, COLUMN]
        ),
        Verdict::Mixed
    );
}
