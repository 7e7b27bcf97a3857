//! One readable sentence for the answer's `summary`: the verdict in words, with the deciding passage and source.

use crate::model::{CheckInput, Evidence, SourceStatus, Stance, Verdict};

/// Longest passage quoted in a summary, in characters.
const MAX_QUOTED: usize = 160;

pub fn unreadable(sources: &[SourceStatus]) -> String {
    if sources.is_empty() {
        return "No sources to read: name sources or add them to the registry.".into();
    }
    let why: Vec<String> = sources.iter().map(|s| format!("{} ({})", s.url, s.status)).collect();
    format!("No source could be read: {}.", why.join(", "))
}

pub fn of(verdict: Verdict, input: &CheckInput, evidence: &[Evidence], read: usize) -> String {
    let with = |stance: Stance| evidence.iter().filter(move |e| e.stance == stance);
    let cite = |e: &Evidence| format!("\"{}\" ({})", clip(&e.passage), name(e));
    match verdict {
        Verdict::Supported => {
            let n = with(Stance::Supports).count();
            let first = with(Stance::Supports).next().map(cite).unwrap_or_default();
            format!("Matches {n} source{}: {first}.", plural(n))
        }
        Verdict::Contradicted => {
            let n = with(Stance::Contradicts).count();
            let first = with(Stance::Contradicts).next();
            let diff = first
                .and_then(|e| e.differences.first())
                .map(|d| {
                    if d.source == d.claim {
                        // the same figure as written: what differs is its direction or what it is a share of
                        format!(
                            " The source's {} goes the other way or measures something else.",
                            d.source
                        )
                    } else {
                        format!(" The source says {} where the claim says {}.", d.source, d.claim)
                    }
                })
                .unwrap_or_default();
            format!(
                "Contradicted by {n} source{}: {}.{diff}",
                plural(n),
                first.map(cite).unwrap_or_default()
            )
        }
        Verdict::Mixed => {
            let s: Vec<String> = with(Stance::Supports).map(name).collect();
            let c: Vec<String> = with(Stance::Contradicts).map(name).collect();
            format!(
                "Sources disagree: {} support{} it, {} contradict{} it.",
                s.join(", "),
                verb_s(s.len()),
                c.join(", "),
                verb_s(c.len())
            )
        }
        Verdict::Misquoted => {
            let e = with(Stance::Contradicts).next();
            let changes: Vec<String> = e
                .map(|e| {
                    e.differences
                        .iter()
                        .map(|d| format!("{:?} for {:?}", d.claim, d.source))
                        .collect()
                })
                .unwrap_or_default();
            let who = e
                .and_then(|e| e.speaker.clone())
                .or_else(|| input.speaker.clone())
                .unwrap_or_else(|| "The source".into());
            format!(
                "{who} said something close but not this: {}. Changed: {}.",
                e.map(cite).unwrap_or_default(),
                changes.join(", ")
            )
        }
        Verdict::Misattributed => {
            let e = with(Stance::Contradicts).next();
            let real = e
                .and_then(|e| e.speaker.clone())
                .unwrap_or_else(|| "someone else".into());
            let claimed = input.speaker.clone().unwrap_or_else(|| "the named speaker".into());
            format!(
                "These words are {real}'s, not {claimed}'s: {}.",
                e.map(cite).unwrap_or_default()
            )
        }
        Verdict::NotFound => {
            let m = with(Stance::Mentions).count();
            if m == 0 {
                format!("Read {read} source{}; none says anything about this.", plural(read))
            } else {
                format!(
                    "Read {read} source{}; {m} touch{} on the subject but none states this.",
                    plural(read),
                    if m == 1 { "es" } else { "" }
                )
            }
        }
        Verdict::Unverifiable => "No source could be read.".into(),
    }
}

fn name(e: &Evidence) -> String {
    e.publisher
        .clone()
        .or_else(|| e.title.clone())
        .unwrap_or_else(|| e.source.clone())
}

fn clip(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_QUOTED {
        return flat;
    }
    let cut: String = flat.chars().take(MAX_QUOTED).collect();
    format!("{}…", cut.trim_end())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn verb_s(n: usize) -> &'static str {
    if n == 1 {
        "s"
    } else {
        ""
    }
}
