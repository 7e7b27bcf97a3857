//! Tests of the quote module as a whole: each extraction shape, who is who, and the fixture pages (checking a claim
//! against a page is in `check_tests.rs`).

use super::*;
use crate::extract::{BlockKind, Document, Metadata};

pub(super) fn doc(paragraphs: &[&str]) -> Document {
    Document::from_blocks(
        Metadata::default(),
        paragraphs.iter().map(|p| (BlockKind::Paragraph, *p)),
    )
}

/// The quoted words and speakers of a document, for compact assertions.
fn said(d: &Document) -> Vec<(String, Option<String>)> {
    quotations(d)
        .into_iter()
        .map(|q| (d.text[q.start..q.end].to_string(), q.speaker))
        .collect()
}

fn speaker_of(d: &Document, words: &str) -> Option<String> {
    said(d)
        .into_iter()
        .find(|(w, _)| w.contains(words))
        .and_then(|(_, s)| s)
}

pub(super) fn checked(words: &str, speaker: Option<&str>, d: &Document) -> QuoteFinding {
    let c = QuoteClaim {
        words: words.to_string(),
        speaker: speaker.map(str::to_string),
    };
    check(&c, d, &quotations(d))
}

#[test]
fn inline_quote_takes_the_subject_of_said_earlier_in_the_sentence() {
    let d = doc(&[
        "The turnaround under Scotland Yard chief Sir Mark Rowley is remarkable.",
        "On Thursday, Met Commissioner Sir Mark said exit from the watchdog’s enhanced monitoring process called \
         Engage is “welcome recognition that we are on the right path to deliver on our promise to Londoners”.",
    ]);
    assert_eq!(
        said(&d),
        [(
            "welcome recognition that we are on the right path to deliver on our promise to Londoners".to_string(),
            Some("Sir Mark Rowley".to_string())
        )]
    );
}

#[test]
fn speaker_before_with_a_colon_opens_a_whole_paragraph_quote() {
    let d = doc(&["Home Secretary Yvette Cooper said: “In London and across the country, communities expect more.”"]);
    assert_eq!(speaker_of(&d, "communities expect").as_deref(), Some("Yvette Cooper"));
}

#[test]
fn name_in_apposition_after_a_role_is_the_speaker() {
    let d = doc(&[
        "The Mayor of London, Sadiq Khan, said: “I welcome the report.”",
        "The Mayor said more.",
    ]);
    assert_eq!(speaker_of(&d, "welcome the report").as_deref(), Some("Sadiq Khan"));
}

#[test]
fn speaker_after_the_closing_mark_is_found() {
    let d = doc(&[
        "Tariq Butt runs the shop.",
        "“We had no warning at all,” said Mr Butt.",
        "“It was a shock,” Jane Doe said.",
    ]);
    assert_eq!(speaker_of(&d, "no warning").as_deref(), Some("Tariq Butt"));
    assert_eq!(speaker_of(&d, "a shock").as_deref(), Some("Jane Doe"));
}

#[test]
fn unknown_short_form_keeps_its_written_form() {
    let d = doc(&["“We had no warning at all,” said Mr Butt."]);
    assert_eq!(speaker_of(&d, "no warning").as_deref(), Some("Mr Butt"));
}

#[test]
fn pronoun_after_the_quote_is_the_previous_named_speaker() {
    let d = doc(&[
        "Jane Doe said: “The plan is ready.”",
        "The council met on Monday.",
        "“We will start in May,” she said.",
    ]);
    assert_eq!(speaker_of(&d, "start in May").as_deref(), Some("Jane Doe"));
}

#[test]
fn every_speech_verb_in_the_table_attributes() {
    for verb in [
        "said",
        "added",
        "told reporters",
        "wrote",
        "says",
        "argued",
        "warned",
        "explained",
    ] {
        let d = doc(&[&format!("Jane Doe {verb}: “The plan is ready for the council.”")]);
        assert_eq!(speaker_of(&d, "plan is ready").as_deref(), Some("Jane Doe"), "{verb}");
    }
    let d = doc(&["According to Jane Doe, “the plan is ready for the council”."]);
    assert_eq!(speaker_of(&d, "plan is ready").as_deref(), Some("Jane Doe"));
}

#[test]
fn writing_for_a_paper_names_the_writer() {
    let d = doc(&[
        "Writing for The Standard, Deputy Commissioner Dame Lynne Owens said: “Today’s news should \
                  though give communities encouragement.”",
    ]);
    assert_eq!(speaker_of(&d, "give communities").as_deref(), Some("Dame Lynne Owens"));
}

#[test]
fn continuation_paragraph_keeps_speaker() {
    let d = doc(&[
        "Sir Mark Rowley leads the force.",
        "Sir Mark added: “The progress we have made would not have been possible without our officers.",
        "“The whole of the Met has worked to fix our broken foundations.",
        "\"Their achievement is all the more extraordinary.”",
        "Critics were unconvinced.",
    ]);
    let got = said(&d);
    assert_eq!(got.len(), 3);
    assert!(
        got.iter().all(|(_, s)| s.as_deref() == Some("Sir Mark Rowley")),
        "{got:?}"
    );
}

#[test]
fn continuation_switching_from_curly_to_straight_marks_keeps_speaker() {
    let d = doc(&[
        "The Mayor of London, Sadiq Khan, said: “I welcome the report.",
        "\"Having asked the inspectorate, it's reassuring that the Met has improved.",
        "“There’s still more to do.”",
    ]);
    assert_eq!(speaker_of(&d, "it's reassuring").as_deref(), Some("Sadiq Khan"));
    assert_eq!(speaker_of(&d, "still more to do").as_deref(), Some("Sadiq Khan"));
}

#[test]
fn blockquote_takes_the_dash_line_after_it() {
    let d = Document::from_blocks(
        Metadata::default(),
        [
            (BlockKind::Paragraph, "The minister was blunt."),
            (BlockKind::Blockquote, "We will not stand by while families suffer."),
            (BlockKind::Paragraph, "— Jane Doe, Housing Minister"),
        ],
    );
    assert_eq!(
        said(&d),
        [(
            "We will not stand by while families suffer.".to_string(),
            Some("Jane Doe".to_string())
        )]
    );
}

#[test]
fn embedded_post_with_a_dash_line_block_is_one_attributed_quotation() {
    let d = Document::from_blocks(
        Metadata::default(),
        [
            (
                BlockKind::Blockquote,
                "Yes this is real and the state spent half a million dollars on it",
            ),
            (
                BlockKind::Blockquote,
                "— Dianna E. Anderson (@diannaeanderson) November 18, 2019",
            ),
        ],
    );
    assert_eq!(
        said(&d),
        [(
            "Yes this is real and the state spent half a million dollars on it".to_string(),
            Some("Dianna E. Anderson".to_string())
        )]
    );
}

#[test]
fn blockquote_reporting_speech_is_read_like_a_paragraph() {
    let d = Document::from_blocks(
        Metadata::default(),
        [(
            BlockKind::Blockquote,
            "Prince Andrew told the BBC interviewer: “I took the judgement call.”",
        )],
    );
    assert_eq!(
        said(&d),
        [(
            "I took the judgement call.".to_string(),
            Some("Prince Andrew".to_string())
        )]
    );
}

#[test]
fn long_apposition_between_name_and_verb_still_attributes() {
    let d = doc(&[
        "\"Numerical experiments of this kind are particularly useful,\" Dylan Nelson, a postdoctoral fellow at \
                  the Max Planck Institute for Astrophysics in Munich, Germany, and co-author of the study, said in a \
                  statement.",
    ]);
    assert_eq!(speaker_of(&d, "Numerical").as_deref(), Some("Dylan Nelson"));
    let d = doc(&["“Our results reflected broad-based growth,” chairman, CEO and president Craig Menear said."]);
    assert_eq!(speaker_of(&d, "broad-based").as_deref(), Some("Craig Menear"));
    let d = doc(&["“We received an inquiry,” said a WeWork spokesperson when contacted by Reuters."]);
    assert_eq!(speaker_of(&d, "inquiry").as_deref(), Some("WeWork spokesperson"));
    let d = doc(&["Tom Smith said Jones was “a liar and a cheat”."]);
    assert_eq!(speaker_of(&d, "liar").as_deref(), Some("Tom Smith"));
    let d = doc(&["According to his aunt, Jane Starner, “He was brilliant from the start.”"]);
    assert_eq!(speaker_of(&d, "brilliant").as_deref(), Some("Jane Starner"));
}

#[test]
fn abbreviations_and_organisations_do_not_cut_or_steal_the_name() {
    let d = doc(&["\"We believe that justice has been served,\" said U.S. Attorney Nealy Cox."]);
    assert_eq!(speaker_of(&d, "justice").as_deref(), Some("Nealy Cox"));
    let d = doc(&[
        "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, told VOA that the claim “is patently false”.",
    ]);
    assert_eq!(speaker_of(&d, "patently").as_deref(), Some("Cmdr Sean Robertson"));
    let d = Document::from_blocks(
        Metadata::default(),
        [(
            BlockKind::Blockquote,
            "I love that they trademarked it.\n— Robert Maguire (@RobertMaguire_) November 18, 2019",
        )],
    );
    assert_eq!(
        said(&d),
        [(
            "I love that they trademarked it.".to_string(),
            Some("Robert Maguire".to_string())
        )]
    );
}

#[test]
fn listener_after_told_is_not_the_speaker() {
    let d = doc(&["Ian Hamilton, an expert in drug use, told Newsweek: “The researchers found regular use.”"]);
    assert_eq!(speaker_of(&d, "researchers").as_deref(), Some("Ian Hamilton"));
}

#[test]
fn apposition_between_name_and_verb_is_skipped() {
    let d = doc(&["Zippy Duvall, the president of the American Farm Bureau, said farmers faced “real hardship”."]);
    assert_eq!(speaker_of(&d, "hardship").as_deref(), Some("Zippy Duvall"));
}

#[test]
fn pronoun_prefers_the_sentence_subject_over_a_later_object() {
    let d = doc(&[
        "Israeli Prime Minister Benjamin Netanyahu praised the move.",
        "Netanyahu visited the Gush Etzion settlement bloc on Tuesday.",
        "“Here we are on a historic day,” he told settler leaders.",
    ]);
    assert_eq!(speaker_of(&d, "historic day").as_deref(), Some("Benjamin Netanyahu"));
}

#[test]
fn she_said_skips_a_man_named_since() {
    let d = doc(&[
        "Actress Mary Steenburgen said she felt strange after surgery.",
        "Director Tom Harper said he loved the song, and Mr Harper said: “It grabbed me by the heart.”",
        "She was more nervous about the studio than about anything else.",
        "“It was terrifying,” she said.",
    ]);
    assert_eq!(speaker_of(&d, "terrifying").as_deref(), Some("Mary Steenburgen"));
}

#[test]
fn titled_single_name_is_a_person_of_the_page() {
    let d = doc(&[
        "Prince Andrew gave an interview.",
        "“I remember it distinctly,” Andrew said.",
    ]);
    assert_eq!(speaker_of(&d, "distinctly").as_deref(), Some("Prince Andrew"));
}

#[test]
fn capitalised_words_that_spell_verbs_are_not_speech_verbs() {
    let d = doc(&["A “phase one” trade deal between the United States and China was supposed to be signed."]);
    assert_eq!(said(&d), [("phase one".to_string(), None)]);
}

#[test]
fn sentence_opening_participle_is_not_a_given_name() {
    let d = doc(&[
        "Apple chief executive Tim Cook spoke on Tuesday.",
        "Hosting Cook at Dreamforce was a coup.",
        "“I can feel his presence when I come here,” Cook said.",
    ]);
    assert_eq!(speaker_of(&d, "presence").as_deref(), Some("Tim Cook"));
}

#[test]
fn office_written_as_a_title_binds_the_role() {
    let d = doc(&[
        "President Donald Trump spoke.",
        "The president said that China “is going to have to make a deal”.",
    ]);
    assert_eq!(speaker_of(&d, "make a deal").as_deref(), Some("President Donald Trump"));
}

#[test]
fn dash_after_a_title_in_running_text_is_not_an_attribution() {
    let d =
        doc(&["He wrote about it in his book “Musicophilia” — Steenburgen wasn’t thrilled about the shift at all."]);
    assert_eq!(said(&d), [("Musicophilia".to_string(), None)]);
}

#[test]
fn short_title_later_in_the_paragraph_does_not_inherit_the_speaker() {
    let d =
        doc(&["“It just connected,” Tom Harper said, before Buckley, on the set of “Fargo,” had a similar feeling."]);
    assert_eq!(speaker_of(&d, "connected").as_deref(), Some("Tom Harper"));
    assert_eq!(speaker_of(&d, "Fargo"), None);
}

#[test]
fn blockquote_with_marks_and_dash_inside_drops_both() {
    let d = Document::from_blocks(
        Metadata::default(),
        [(BlockKind::Blockquote, "“Never again.” — Jane Doe")],
    );
    assert_eq!(said(&d), [("Never again.".to_string(), Some("Jane Doe".to_string()))]);
}

#[test]
fn straight_and_curly_marks_both_pair() {
    let d = doc(&["Jane Doe said \"the plan is ready\" and Tom Roe said “it is not”."]);
    let got = said(&d);
    assert_eq!(got[0], ("the plan is ready".to_string(), Some("Jane Doe".to_string())));
    assert_eq!(got[1], ("it is not".to_string(), Some("Tom Roe".to_string())));
}

#[test]
fn nested_single_quotes_stay_inside_the_quotation() {
    let d = doc(&["Jane Doe said: “They told us ‘wait and see’ for a year.”"]);
    assert_eq!(said(&d)[0].0, "They told us ‘wait and see’ for a year.");
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let d = doc(&[
        "It’s the Met’s best year since the 90s, and the ’90s were bad.",
        "Jane Doe said: “It’s fine.”",
    ]);
    assert_eq!(said(&d), [("It’s fine.".to_string(), Some("Jane Doe".to_string()))]);
}

#[test]
fn hard_wrapped_lines_keep_quote_and_speaker() {
    let d = doc(&["Home Secretary Yvette\nCooper said: “In London and across\nthe country, communities expect more.”"]);
    assert_eq!(speaker_of(&d, "communities expect").as_deref(), Some("Yvette Cooper"));
    let f = checked(
        "In London and across the country, communities expect more",
        Some("Yvette Cooper"),
        &d,
    );
    assert_eq!(f.outcome, Outcome::Supported);
}

#[test]
fn short_forms_and_roles_resolve_to_one_person() {
    let d = doc(&[
        "The turnaround under Scotland Yard chief Sir Mark Rowley is remarkable.",
        "London mayor Sir Sadiq Khan welcomed it.",
        "Met Commissioner Sir Mark said: “We are on the right path.”",
        "“It is a good day,” said the Commissioner.",
        "Mr Khan said: “I am pleased.”",
        "Sir Sadiq added: “There is more to do.”",
        "“We will keep going,” the Mayor said.",
    ]);
    for words in ["right path", "good day"] {
        assert_eq!(speaker_of(&d, words).as_deref(), Some("Sir Mark Rowley"), "{words}");
    }
    for words in ["pleased", "more to do", "keep going"] {
        assert_eq!(speaker_of(&d, words).as_deref(), Some("Sir Sadiq Khan"), "{words}");
    }
}

#[test]
fn deputy_is_not_the_commissioner() {
    let d = doc(&[
        "Met Commissioner Sir Mark Rowley and Deputy Commissioner Dame Lynne Owens spoke.",
        "“It is a good day,” said the Commissioner.",
        "“It is a long road,” said the Deputy Commissioner.",
    ]);
    assert_eq!(speaker_of(&d, "good day").as_deref(), Some("Sir Mark Rowley"));
    assert_eq!(speaker_of(&d, "long road").as_deref(), Some("Dame Lynne Owens"));
}

#[test]
fn phrase_running_into_a_lower_case_quotation_is_its_subject_not_the_speaker() {
    let d = doc(&[
        "As the Transport Minister, Owen Farrant, stood up, the opposition laughed.",
        "But as the Liberal member Nadia Kowalczyk put it, the Minister “has promised a revolution and delivered a \
         timetable”.",
    ]);
    assert_eq!(
        speaker_of(&d, "promised a revolution").as_deref(),
        Some("Nadia Kowalczyk")
    );
    let d = doc(&["“It works,” said the Minister, Owen Farrant."]);
    assert_eq!(speaker_of(&d, "It works").as_deref(), Some("Owen Farrant"));
}

#[test]
fn german_low_quotes_close_and_a_colon_sentence_names_the_speaker() {
    let d = doc(&[
        "Kämmerin Dr. Ulrike Brandstätter verteidigte den Entwurf: „Wir leben nicht über unsere Verhältnisse.“",
        "CDU-Fraktionschef Matthias Kornblum nannte den Haushalt dagegen „einen Offenbarungseid mit Ansage“. Seine \
         Fraktion war gescheitert.",
    ]);
    assert_eq!(
        said(&d),
        [
            (
                "Wir leben nicht über unsere Verhältnisse.".to_string(),
                Some("Dr Ulrike Brandstätter".to_string())
            ),
            (
                "einen Offenbarungseid mit Ansage".to_string(),
                Some("Matthias Kornblum".to_string())
            ),
        ]
    );
}

#[test]
fn french_speaker_after_the_quotation_with_the_verb_first() {
    let d = doc(&[
        "« C’est la meilleure saison », s’est félicité le président du CDT, Jean-Marc Delorme.",
        "« La saison a été bonne, mais les charges ont explosé », tempère Sandrine Vasseur, présidente de l’Union.",
    ]);
    assert_eq!(speaker_of(&d, "meilleure saison").as_deref(), Some("Jean-Marc Delorme"));
    assert_eq!(
        speaker_of(&d, "charges ont explosé").as_deref(),
        Some("Sandrine Vasseur")
    );
}

#[test]
fn he_said_is_the_subject_of_the_last_speech_verb_not_the_organisation() {
    let d = doc(&[
        "Kingsferry Airport is asking passengers not to travel.",
        "Kingsferry's chief operating officer, Marek Sobczak, said the failure was caused by a faulty update.",
        "“This was not a cyber attack,” he said.",
    ]);
    assert_eq!(speaker_of(&d, "cyber attack").as_deref(), Some("Marek Sobczak"));
    let d = doc(&[
        "“That’s perfect,” Boudreau said, after Bruce Boudreau saw the goal.",
        "Wild defenseman Ryan Suter, who joked about Parise’s sticks, could see the frustration.",
        "“He’s used to scoring goals,” he said.",
    ]);
    assert_eq!(speaker_of(&d, "scoring goals").as_deref(), Some("Ryan Suter"));
}

#[test]
fn compound_surname_without_the_given_name_is_the_same_person() {
    let d = doc(&[
        "Parise buried Joel Eriksson Ek’s feed.",
        "“I didn’t really see him coming,” Eriksson Ek said.",
    ]);
    assert_eq!(speaker_of(&d, "see him coming").as_deref(), Some("Joel Eriksson Ek"));
    assert!(same_person("Eriksson Ek", "Joel Eriksson Ek"));
}

#[test]
fn speech_participle_takes_the_subject_of_the_clause_before_it() {
    let d = doc(&[
        "During a speech, Donald Trump attacked Hillary Clinton for her record in Libya, saying, “She's \
         trigger-happy and very unstable.”",
        "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”",
    ]);
    assert_eq!(speaker_of(&d, "trigger-happy").as_deref(), Some("Donald Trump"));
    assert_eq!(speaker_of(&d, "50 points").as_deref(), Some("Hillary Clinton"));
}

#[test]
fn attributions_of_political_copy_name_the_speaker() {
    for (paragraph, words, speaker) in [
        (
            "“It’s an invasion,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, \
             said at an event.",
            "invasion",
            "Scott Pruitt",
        ),
        (
            "\"It was the least bad outcome,\" Mr. Morgan of the Sierra Club said.",
            "least bad",
            "Mr Morgan",
        ),
        (
            "“If the FBI wanted laptops, they’d get them,” Rep. Jim Jordan (R-Ohio), a panel member, said.",
            "wanted laptops",
            "Rep Jim Jordan",
        ),
        (
            "“They are 100 percent wrong,” said 9/11 widow Terry Strada.",
            "percent wrong",
            "Terry Strada",
        ),
        (
            "“This is mainly due to the wind,” Kurinji Selvaraj, a research analyst at the Delhi-based Council on \
             Energy, Environment and Water think tank told CBS News.",
            "due to the wind",
            "Kurinji Selvaraj",
        ),
        (
            "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., \
             said Tuesday.",
            "overridden",
            "Mitch McConnell",
        ),
        (
            "Campaign manager Robby Mook said as much in an interview, arguing that Trump “lashed out at our \
             generals”.",
            "lashed out",
            "Robby Mook",
        ),
        (
            "“He's right,” Flynn Smith, a surrogate, said on Fox News’s “Fox and Friends.” “I mean, there's a lot of \
             frustration.”",
            "frustration",
            "Flynn Smith",
        ),
    ] {
        assert_eq!(
            speaker_of(&doc(&[paragraph]), words).as_deref(),
            Some(speaker),
            "{paragraph}"
        );
    }
}

#[test]
fn title_that_is_a_surname_names_the_person() {
    let d = doc(&[
        "\"People say it doesn't matter,\" said Charlie King, a prominent Democrat.",
        "\"It's all about creating some enthusiasm,\" Mr. King added.",
        "\"We will see,\" said the King.",
    ]);
    assert_eq!(speaker_of(&d, "enthusiasm").as_deref(), Some("Charlie King"));
    assert_eq!(speaker_of(&d, "We will see").as_deref(), Some("King"));
}

#[test]
fn scare_quotes_without_a_speech_verb_have_no_speaker() {
    let d = doc(&["The force was graded “inadequate” across seven areas, a watchdog announced."]);
    assert_eq!(said(&d), [("inadequate".to_string(), None)]);
}

#[test]
fn same_person_ignores_titles_and_short_forms() {
    assert!(same_person("Mark Rowley", "Sir Mark Rowley"));
    assert!(same_person("Sadiq Khan", "Sir Sadiq Khan"));
    assert!(same_person("Khan", "Sadiq Khan"));
    assert!(same_person("Home Secretary Yvette Cooper", "yvette cooper"));
    assert!(!same_person("Mark Rowley", "Sadiq Khan"));
    assert!(!same_person("Mark Rowley", "Mark Smith"));
    assert!(!same_person("", "Sadiq Khan"));
}

#[path = "fixture_tests.rs"]
mod fixture_tests;
#[test]
fn title_between_two_quotations_of_one_speaker_does_not_break_the_chain() {
    let d = doc(&[
        "Retired Lt. Gen. Michael Flynn said Donald Trump was right.",
        "“He's absolutely right,” Flynn, a top Trump surrogate, said on Fox News’s “Fox and Friends.” “I mean, \
         there's a lot of frustration within the ranks.”",
    ]);
    assert_eq!(
        speaker_of(&d, "He's absolutely").as_deref(),
        Some("Lt Gen Michael Flynn")
    );
    assert_eq!(speaker_of(&d, "Fox and Friends"), None);
    assert_eq!(speaker_of(&d, "frustration").as_deref(), Some("Lt Gen Michael Flynn"));
}
