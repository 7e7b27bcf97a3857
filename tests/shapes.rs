//! Page shapes beyond the dev set — a statistics table, hard-wrapped wire copy, a transcript — through the engine
//! with local files. Each case names the behaviour; a wrong `supported` is the failure that matters most.

use std::path::PathBuf;

use crosscheck::fetch::FetchOptions;
use crosscheck::model::{CheckInput, SourceRef, Verdict};
use crosscheck::sources::Registry;
use crosscheck::Engine;

fn page(name: &str) -> SourceRef {
    SourceRef::File(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pages").join(name))
}

fn verdict(claim: &str, speaker: Option<&str>, source: &str) -> Verdict {
    let engine = Engine::new(FetchOptions::from_settings(&Default::default()), Registry::default()).unwrap();
    let input = CheckInput::new(claim.into(), speaker.map(String::from), Some(vec![page(source)]), None).unwrap();
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(engine.check(&input))
        .verdict
}

const TABLE: &str = "regional-burglary-table.html";

#[test]
fn a_table_row_supports_its_own_figures() {
    assert_eq!(
        verdict("Burglaries in London fell 9.5% in 2024", None, TABLE),
        Verdict::Supported
    );
    assert_eq!(
        verdict("There were 55,210 burglaries in London in 2024", None, TABLE),
        Verdict::Supported
    );
}

#[test]
fn a_table_row_contradicts_a_reversed_direction() {
    assert_eq!(
        verdict("Burglaries in London rose 9.5% in 2024", None, TABLE),
        Verdict::Contradicted
    );
}

#[test]
fn a_figure_from_the_next_table_row_never_supports_another_region() {
    // Regression: a two-sentence window joined the North West row to the Wales row.
    assert_ne!(
        verdict("There were 29,870 burglaries in Wales in 2024", None, TABLE),
        Verdict::Supported
    );
}

#[test]
fn hard_wrapped_wire_copy_is_read_across_its_line_breaks() {
    let wire = "wire-hard-wrapped.txt";
    assert_eq!(
        verdict("The Met answers 86% of emergency calls within 10 seconds", None, wire),
        Verdict::Supported
    );
    assert_eq!(
        verdict("The Met answers 96% of emergency calls within 10 seconds", None, wire),
        Verdict::Contradicted
    );
}

#[test]
fn a_transcript_answer_is_checked_by_its_figures() {
    let t = "question-time-transcript.html";
    assert_eq!(
        verdict("Around 2,000 officers left the Met last year", None, t),
        Verdict::Supported
    );
    assert_eq!(
        verdict("3,000 officers left the Met last year", None, t),
        Verdict::Contradicted
    );
}
