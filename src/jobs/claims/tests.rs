//! The draft-claim finder measured against hand labels of the seeds, and its shapes.
use super::*;

/// What a fact-checker wants from a sentence, labelled by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Neither,
    Figure,
    Quotation,
    /// A figure outside a quoted fragment, and the fragment.
    Both,
}
use Label::{Both, Figure, Neither, Quotation};

impl Label {
    fn kinds(self) -> &'static [ClaimKind] {
        match self {
            Neither => &[],
            Figure => &[ClaimKind::Figure],
            Quotation => &[ClaimKind::Quotation],
            Both => &[ClaimKind::Figure, ClaimKind::Quotation],
        }
    }
}

/// Every sentence of `../shared/seeds/000_e51b3ad72da59253.txt` (the seed article), in order.
const SEED_000: &[(Label, &str)] = &[
    (Both, "The Metropolitan Police has dramatically been taken out of special measures - two-and-a-half years after a slew of scandals and “persistent concerns” about its performance were exposed, a watchdog announced."),
    (Both, "Her Majesty’s Inspectorate of Constabulary acted in June 2022 following Sarah Everard’s murder by a serving officer and failures in an investigation into serial killer Stephen Port resulted in a “chilling effect” on public confidence."),
    (Figure, "Systemic problems included a failure to log 69,000 crimes."),
    (Both, "The turnaround under Scotland Yard chief Sir Mark Rowley is remarkable given that in August last year HM Inspector of Constabulary Lee Freeman graded the force “inadequate” or “requires improvement” across seven out of eight areas, including managing the risks posed by registered sex offenders and online child abusers."),
    (Quotation, "On Thursday, Met Commissioner Sir Mark said exit from the watchdog’s enhanced monitoring process called Engage is “welcome recognition that we are on the right path to deliver on our promise to Londoners”."),
    (Figure, "Over 100 recommendations have been addressed."),
    (Neither, "Improvements are recognised in areas including call handling, child exploitation, public protection, culture and counter-corruption."),
    (Quotation, "Sir Mark added: “The progress we have made over the last two-and-a-half years would not have been possible without the unwavering passion, sense of duty, courage and hard work of our officers and staff in the face of some incredibly challenging circumstances."),
    (Quotation, "“The whole of the Met has worked to fix our broken foundations and make sure our officers are set up to deliver for London."),
    (Quotation, "“Their achievement is all the more extraordinary in a budget constrained, shrinking Met which is facing increased demand.”"),
    (Quotation, "At City Hall, London mayor Sir Sadiq Khan was set to welcome “significant improvement” on performance and transforming culture but indicate there is more to do."),
    (Quotation, "Writing for The Standard, Deputy Commissioner Dame Lynne Owens said: “Today’s news should though give communities encouragement."),
    (Quotation, "Our people have always been prepared to step forward into difficult situations, and now find themselves on a firmer footing to drive us – the Metropolitan Police – to be the best we can be.”"),
    (Figure, "In 2022, former Met boss Dame Cressida Dick was forced to step down when Sir Sadiq expressed displeasure at her handling of racist, misogynist and homophobic messages shared by a group of officers based at Charing Cross police station."),
    (Figure, "It came on top of a review by Baroness Louise Casey that found the Met to be institutionally racist, misogynist and homophobic after 33-year-old Ms Everard was kidnapped, raped and murdered by PC Couzens in March 2021."),
    (Figure, "Lady Elish Angiolini discovered a series of red flags were missed about Couzens who should never have been given a job with a history of offending dating back nearly 20 years."),
    (Quotation, "Home Secretary Yvette Cooper said: “In London and across the country, communities rightly expect the highest standards from their local force."),
    (Quotation, "“While the scale of the challenge is clear, and there have been many problems to deal with, the commitment and progress made by the Met Commissioner, Deputy Commissioner, officers and staff across the capital in raising standards is extremely important, and reflects the hard work and dedication of all those involved."),
    (Quotation, "“Everyone recognises that there is still more work that must be done to improve performance and restore public confidence, and I will continue to work closely with the Commissioner and the Mayor to ensure this is just the first step in a long-term mission to improve the Metropolitan Police and keep people safe across London.”"),
    (Quotation, "Sir Sadiq added: “I welcome His Majesty’s Inspectorate confirming that significant improvements are being made by the Met Police on both improved performance and transforming culture."),
    (Quotation, "“This is down to the hard work of the Commissioner, Deputy Commissioner, Met officers and staff, who are rebuilding public confidence and trust in the force, as well as record investment and support from City Hall."),
    (Quotation, "Emergency calls are now being answered faster, vetting is being strengthened and neighbourhood policing is being revitalised."),
    (Quotation, "“Having asked the His Majesty’s Inspectorate of Constabulary and Fire and Rescue Services to look in particular at concerns around child sexual exploitation, it’s reassuring that the Met Police have made significant improvements in this area, including around missing children and victim blaming language."),
    (Quotation, "“There’s still more to do, and as Mayor, I’ll continue to work with the Commissioner to ensure we drive through the further improvements needed as we build a safer London for everyone.”"),
    (Neither, "The Met said the force is responding more quickly to emergencies and Londoners get help when they need it most."),
    (Figure, "Around 86.2 per cent of 999 calls are answered within 10 seconds, compared with 77.6 per cent in 2024."),
    (Figure, "In January, it reached 90.9 per cent."),
    (Figure, "About 8,000 officers have been trained in the identification of child exploitation."),
    (Figure, "Hundreds more were deployed to domestic assault and sexual violence teams to protect women and girls."),
    (Figure, "A new neighbourhood policing model is bolstered by an additional 500 staff ranging from superintendents to community support officers."),
    (Figure, "More than 100 so-called bad apple officers. who do not meet the Met’s high standards, have been sacked and proactive work to identify around 300 potential criminals in uniform is being stepped up."),
];

/// Every sentence of `../shared/seeds/003_8531a66693a6d209.txt` (a press release as a page's text: navigation, a
/// dateline, bullets, a table of figures, boilerplate), in order.
const SEED_003: &[(Label, &str)] = &[
    (Neither, "Skip to main content"),
    (Neither, "Mayor of London logo London Assembly logo"),
    (Neither, "Home"),
    (Neither, "Mayor of London statement on Met exiting Special Measures"),
    (Neither, "Created on"),
    (Neither, "23 January 2025"),
    (Neither, "Mayor of London statement on Met exiting Special Measures"),
    (Quotation, "The Mayor of London, Sadiq Khan, said: “I welcome His Majesty’s Inspectorate confirming that significant improvements are being made by the Met Police on both improved performance and transforming culture."),
    (Quotation, "“This is down to the hard work of the Commissioner, Deputy Commissioner, Met officers and staff, who are rebuilding public confidence and trust in the force, as well as record investment and support from City Hall."),
    (Quotation, "Emergency calls are now being answered faster, vetting is being strengthened and neighbourhood policing is being revitalised."),
    (Quotation, "\"Having asked the HMICFRS to look in particular at concerns around child sexual exploitation, it's reassuring that the Met Police have made significant improvements in this area, including around missing children and victim blaming language."),
    (Quotation, "“There’s still more to do, and as Mayor, I’ll continue to work with the Commissioner to ensure we drive through the further improvements needed as we build a safer London for everyone.”"),
    (Neither, "Notes to editors"),
    (Neither, "The Mayor has put the Met on the path of far reaching systemic and cultural reform."),
    (Neither, "His focus on improving policing in London led to the appointment of a new Commissioner and Deputy Commissioner, the Baroness Casey Review and Sadiq is fully committed to turning the recommendations of the Baroness Casey review into long-lasting and meaningful change."),
    (Neither, "As Mayor, Sadiq has delivered a package of measures to support the Met to exit Special Measures/Engage as quickly as possible and to accelerate the root and branch reforms and systemic change to the Met’s performance and culture."),
    (Neither, "This includes:"),
    (Figure, "A record increase in police funding from City Hall, directly putting 1,300 extra police officers on the streets."),
    (Figure, "This financial year alone, the Mayor has put in a record £151m to bolster policing and crime prevention in London."),
    (Figure, "Since 2016, he’s doubled the funding the MPS receives from City Hall, taking it from 19 per cent of the Met’s total budget, to 25 per\u{a0}cent."),
    (Figure, "Enabled by this record funding, the MPS is spending nearly £480 million between 2023-24 and 2025-26 to address issues identified in the Engage process."),
    (Neither, "Moving quickly to fulfil a key recommendation of the Baroness Casey review and established a London Policing Board which meets regularly and is chaired by the mayor to support and scrutinise the urgent reform of the Met."),
    (Figure, "Directly funding nearly £15 million per year for the Met's Leadership Academy to support all Met leaders and line managers to raise standards across the Met Police Service."),
    (Figure, "This is on top of £3 million funding each year from City Hall to improve the service all victims of crime receive when they call the police."),
    (Figure, "Attending quarterly Engage process meetings (Policing Performance Overnight Group, led by HMICFRS since June 2022, with the Commissioner to ensure the Met’s reform and improvements are on track, and held fortnightly bilateral meetings with the Commissioner to go into further depth on progress and plans with the New Met for London plan."),
    (Neither, "Following His Majesty’s Inspectorate finding cause for concern, asked HMICFRS to review of the Met’s handling of child sexual and criminal exploitation."),
    (Neither, "The report’s findings led to improvements in the Met’s online child sexual abuse and exploitation teams."),
    (Figure, "The Commissioner then built on this to drive significant improvements in his New Met for London Plan which has now trained 8,000 officers in the identification of child exploitation, launched a new Children’s Strategy and significantly increased the number of officers in our child exploitation teams."),
    (Neither, "Nothing is more important to the Mayor than keeping Londoners safe and he is determined to continue leading from the front to be tough on crime and its complex causes to build a safer London for all."),
    (Figure, "Against the backdrop of devastating cuts to policing and youth services over the last 14 years by the previous Government, the Mayor’s record investment in the police and early intervention, through London’s Violence Reduction Unit, means the number of young people being injured with knives is down and there were fewer homicides of people under-25 in London last year than any year since 2003."),
    (Figure, "Crimes which have fallen over the Mayoralty\u{202f}(12-month\u{202f}period to May 2016 as compared to 12-month period to November 2024):"),
    (Figure, "Knife crime with injury victims aged under 25 years (down 24%)"),
    (Figure, "Gun Crime Lethal Barrel Discharge (down 40%)"),
    (Figure, "Violence with Injury (-7%)"),
    (Figure, "Homicide (down 11%, thirteen fewer offences)"),
    (Figure, "Burglary (down 22%)"),
    (Neither, "Need a document on this page in an accessible format?"),
    (Neither, "If you use assistive technology (such as a screen reader)\u{a0}and need\u{a0}a version of a PDF or other document on this page in a more accessible format, please get in touch via our\u{a0}online form\u{a0}and tell us which format you need."),
    (Neither, "It will also help us\u{a0}if you tell us which assistive technology you use."),
    (Figure, "We’ll consider your request and get back to you in 5 working days."),
];

/// A seed article from `../shared/seeds` beside the crate; `None` (the test skips) where it is not checked out.
fn seed(name: &str) -> Option<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = [
        root.join("../shared/seeds").join(name),
        root.join("../../shared/seeds").join(name),
    ]
    .into_iter()
    .find_map(|p| std::fs::read_to_string(p).ok());
    if found.is_none() {
        eprintln!("skipped: seed {name} not found beside the crate");
    }
    found
}

/// (true positives, false positives, false negatives) over (sentence, kind) pairs, and the same over sentences
/// (a sentence is right when it gives exactly the labelled kinds).
#[derive(Debug, Default, PartialEq)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    sentences_right: usize,
    sentences: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

/// Locates every labelled sentence in `text` (in order, nothing but white space and bullets between them, so
/// the table labels every sentence) and scores `claims` against the labels.
fn score(text: &str, labels: &[(Label, &str)], claims: &[DraftClaim], misses: &mut Vec<String>) -> Score {
    let mut at = 0;
    let mut score = Score::default();
    for &(label, sentence) in labels {
        let Some(found) = text[at..].find(sentence) else {
            panic!("sentence not found after byte {at}: {sentence}");
        };
        let gap = &text[at..at + found];
        assert!(
            gap.chars().all(|c| c.is_whitespace() || BULLETS.contains(&c)),
            "unlabelled text before {sentence:?}: {gap:?}"
        );
        let (start, end) = (at + found, at + found + sentence.len());
        at = end;
        let got: Vec<ClaimKind> = [ClaimKind::Figure, ClaimKind::Quotation]
            .into_iter()
            .filter(|k| claims.iter().any(|c| c.kind == *k && c.start < end && c.end > start))
            .collect();
        let want = label.kinds();
        score.tp += got.iter().filter(|k| want.contains(k)).count();
        score.fp += got.iter().filter(|k| !want.contains(k)).count();
        score.fn_ += want.iter().filter(|k| !got.contains(k)).count();
        score.sentences += 1;
        if got == want {
            score.sentences_right += 1;
        } else {
            misses.push(format!("want {want:?} got {got:?}: {sentence}"));
        }
    }
    assert!(
        text[at..].trim().is_empty(),
        "unlabelled text at the end: {:?}",
        &text[at..]
    );
    score
}

fn measure(name: &str, labels: &[(Label, &str)]) -> Option<Score> {
    let text = seed(name)?;
    let claims = from_text(&text);
    let mut misses = Vec::new();
    let s = score(&text, labels, &claims, &mut misses);
    eprintln!(
        "{name}: precision {:.3} recall {:.3} (tp {} fp {} fn {}), sentences right {}/{}",
        s.precision(),
        s.recall(),
        s.tp,
        s.fp,
        s.fn_,
        s.sentences_right,
        s.sentences
    );
    for m in &misses {
        eprintln!("  miss: {m}");
    }
    Some(s)
}

#[test]
fn seed_article_gives_every_figure_and_quotation_and_nothing_else() {
    let Some(s) = measure("000_e51b3ad72da59253.txt", SEED_000) else {
        return;
    };
    assert_eq!((s.fp, s.fn_, s.sentences_right), (0, 0, SEED_000.len()), "{s:?}");
}

#[test]
fn press_release_with_bullets_and_boilerplate_gives_its_claims() {
    let Some(s) = measure("003_8531a66693a6d209.txt", SEED_003) else {
        return;
    };
    assert_eq!((s.fp, s.fn_, s.sentences_right), (0, 0, SEED_003.len()), "{s:?}");
}

/// The measurement behind `DATE_SENTENCE_MIN_WORDS`: scores the seeds when date-only sentences never count,
/// always count, and count when they say something besides the date (the rule built).
#[test]
fn date_only_sentences_count_when_they_say_something_besides_the_date() {
    let policies: [(&str, DatePolicy); 3] = [
        ("never", |_, _| false),
        ("always", |_, _| true),
        ("with words", |s, f| states_figure(s, f)),
    ];
    let mut totals = Vec::new();
    for (policy, keep) in policies {
        let mut total = Score::default();
        for (name, labels) in [
            ("000_e51b3ad72da59253.txt", SEED_000),
            ("003_8531a66693a6d209.txt", SEED_003),
        ] {
            let Some(text) = seed(name) else { return };
            let mut claims = from_text(&text);
            // Re-decide the figure claims whose sentences hold dates only, under this policy.
            claims.retain(|c| c.kind == ClaimKind::Quotation || !dates_only(&c.claim));
            for (a, b) in sentence_ranges(&text) {
                let sentence = &text[a..b];
                let figures = quantity::extract(sentence, &Context::default());
                let outside_quotes = figures.iter().any(|f| {
                    let (fa, fb) = (a + f.start, a + f.end);
                    !claims
                        .iter()
                        .any(|c| c.kind == ClaimKind::Quotation && c.start <= fa && fb <= c.end)
                });
                if !figures.is_empty() && dates_only(sentence) && outside_quotes && keep(sentence, &figures) {
                    claims.push(DraftClaim {
                        claim: sentence.to_string(),
                        speaker: None,
                        kind: ClaimKind::Figure,
                        start: a,
                        end: b,
                    });
                }
            }
            let s = score(&text, labels, &claims, &mut Vec::new());
            total.tp += s.tp;
            total.fp += s.fp;
            total.fn_ += s.fn_;
        }
        eprintln!(
            "dates {policy}: precision {:.3} recall {:.3} (tp {} fp {} fn {})",
            total.precision(),
            total.recall(),
            total.tp,
            total.fp,
            total.fn_
        );
        totals.push(total);
    }
    let f1 = |s: &Score| 2.0 * s.precision() * s.recall() / (s.precision() + s.recall()).max(f64::EPSILON);
    assert!(totals.iter().all(|s| f1(s) <= f1(&totals[2])));
}

/// Whether a date-only sentence (given with its figures) is a figure claim.
type DatePolicy = fn(&str, &[Quantity]) -> bool;

fn dates_only(sentence: &str) -> bool {
    quantity::extract(sentence, &Context::default())
        .iter()
        .all(|f| f.unit == "date")
}

/// Sentence ranges of a plain-text draft, as `from_text` reads it.
fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let (body, at, _) = paragraph_of(line);
        let base = offset + at;
        out.extend(
            crate::text::split_sentences(body)
                .into_iter()
                .map(|(a, b)| (base + a, base + b)),
        );
        offset += line.len();
    }
    out
}

fn kinds_and_text(claims: &[DraftClaim]) -> Vec<(ClaimKind, &str, Option<&str>)> {
    claims
        .iter()
        .map(|c| (c.kind, c.claim.as_str(), c.speaker.as_deref()))
        .collect()
}

#[test]
fn sentence_without_figure_or_quotation_gives_nothing() {
    assert!(from_text("The council met on a wet evening.\nNothing was decided.").is_empty());
}

#[test]
fn figure_sentence_is_claimed_whole() {
    let text = "Intro line.\nAbout 8,000 officers have been trained. Nobody objected.";
    assert_eq!(
        kinds_and_text(&from_text(text)),
        vec![(ClaimKind::Figure, "About 8,000 officers have been trained.", None)]
    );
}

#[test]
fn dateline_alone_is_not_a_claim_but_a_dated_event_is() {
    let text = "Published on 23 January 2025\nThe inspectorate acted in June 2022 after the murder.";
    assert_eq!(
        kinds_and_text(&from_text(text)),
        vec![(
            ClaimKind::Figure,
            "The inspectorate acted in June 2022 after the murder.",
            None
        )]
    );
}

#[test]
fn figure_inside_a_quotation_makes_a_quotation_only() {
    let text = "Jane Smith, the chief executive, said: \u{201c}We hired 500 nurses last year.\u{201d}";
    assert_eq!(
        kinds_and_text(&from_text(text)),
        vec![(
            ClaimKind::Quotation,
            "We hired 500 nurses last year.",
            Some("Jane Smith")
        )]
    );
}

#[test]
fn figure_outside_a_quoted_fragment_gives_both_claims() {
    let text = "The inspector graded the force \u{201c}inadequate\u{201d} in seven out of eight areas.";
    let claims = from_text(text);
    assert_eq!(
        claims.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [ClaimKind::Figure, ClaimKind::Quotation]
    );
    assert_eq!(claims[0].claim, text);
    assert_eq!(claims[1].claim, "inadequate");
}

#[test]
fn quotation_over_several_sentences_and_paragraphs_is_split_per_sentence_with_its_speaker() {
    let text = "Sir Mark added: \u{201c}We have done it. It took years.\n\u{201c}The work goes on.\u{201d}";
    assert_eq!(
        kinds_and_text(&from_text(text)),
        vec![
            (ClaimKind::Quotation, "We have done it.", Some("Sir Mark")),
            (ClaimKind::Quotation, "It took years.", Some("Sir Mark")),
            (ClaimKind::Quotation, "The work goes on.", Some("Sir Mark")),
        ]
    );
}

#[test]
fn offsets_index_the_draft_text_through_bullets_indents_and_crlf() {
    let text = "Title\r\n\r\n  \u{2022} Knife crime (down 24%)  \r\n\t- Burglary fell by 22%.\r\n";
    let claims = from_text(text);
    assert_eq!(claims.len(), 2);
    for c in &claims {
        assert_eq!(&text[c.start..c.end], c.claim);
    }
    assert_eq!(claims[0].claim, "Knife crime (down 24%)");
    assert_eq!(claims[1].claim, "Burglary fell by 22%.");
}

#[test]
fn every_seed_claim_is_its_own_byte_range() {
    for name in ["000_e51b3ad72da59253.txt", "003_8531a66693a6d209.txt"] {
        let Some(text) = seed(name) else { return };
        for c in from_text(&text) {
            assert_eq!(&text[c.start..c.end], c.claim);
        }
    }
}

#[test]
fn html_draft_gives_the_same_claims_as_its_text() {
    let Some(text) = seed("000_e51b3ad72da59253.txt") else {
        return;
    };
    let html: String = text
        .lines()
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    let doc = crate::extract::extract(&format!("<html><body><article>{html}</article></body></html>"), None);
    let from_html = from_document(&doc);
    for c in &from_html {
        assert_eq!(&doc.text[c.start..c.end], c.claim);
    }
    assert_eq!(kinds_and_text(&from_html), kinds_and_text(&from_text(&text)));
}

#[test]
fn hard_wrapped_paragraph_is_read_as_one() {
    let text = "Sir Mark said: \u{201c}The progress we have made over the\r\nlast two years is real.\u{201d}\n\n\
                Unemployment fell to 4.2%\nin June.\nHeadline without a stop\nThe next paragraph.";
    let claims = from_text(text);
    assert_eq!(
        kinds_and_text(&claims),
        vec![
            (
                ClaimKind::Quotation,
                "The progress we have made over the\r\nlast two years is real.",
                Some("Sir Mark")
            ),
            (ClaimKind::Figure, "Unemployment fell to 4.2%\nin June.", None),
        ]
    );
    for c in &claims {
        assert_eq!(&text[c.start..c.end], c.claim);
    }
}

#[test]
fn speakerless_quotation_is_sent_to_the_checker_in_quote_marks() {
    let claims = from_text("Critics spoke of a \u{201c}chilling effect\u{201d} on confidence.");
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].check_text(), "\u{201c}chilling effect\u{201d}");
}

#[test]
fn single_quote_house_style_quotations_are_found() {
    let text = "Rishi Sunak told MPs: \u{2018}We will not raise taxes.\u{2019}\n\
                Jane Smith said the decision was 'disappointing' and that it's the officers' fault.";
    assert_eq!(
        kinds_and_text(&from_text(text)),
        vec![
            (ClaimKind::Quotation, "We will not raise taxes.", Some("Rishi Sunak")),
            (ClaimKind::Quotation, "disappointing", Some("Jane Smith")),
        ]
    );
}

#[test]
fn apostrophes_are_not_quotations() {
    assert!(from_text("It's the Met\u{2019}s view that the officers' pay and Jones\u{2019} plan matter.").is_empty());
}

#[test]
fn single_marks_inside_double_quotes_stay_nested() {
    let text = "He said \u{201c}it's the \u{2018}right\u{2019} call\u{201d} today.";
    assert_eq!(
        kinds_and_text(&from_text(text)),
        vec![(ClaimKind::Quotation, "it's the \u{2018}right\u{2019} call", None)]
    );
}

#[test]
fn quotation_loses_the_comma_before_its_attribution() {
    let claims = from_text("\u{201c}It is a scandal,\u{201d} said Jane Smith.");
    assert_eq!(
        kinds_and_text(&claims),
        vec![(ClaimKind::Quotation, "It is a scandal", Some("Jane Smith"))]
    );
}

#[test]
fn empty_and_blank_drafts_give_nothing() {
    assert!(from_text("").is_empty());
    assert!(from_text(" \n\n\t\r\n").is_empty());
    assert!(from_document(&Document::default()).is_empty());
}
