//! `crosscheck check --file claims.jsonl`: many claims, each distinct source read once, with a progress bar on
//! the terminal and one answer per line on stdout.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Deserialize;

use super::{source_ref, Format};
use crate::model::{CheckInput, SourceRef};
use crate::Engine;

/// Claims verified between two redraws of the progress bar.
const CHUNK: usize = 20;
const BAR_WIDTH: usize = 30;

#[derive(Debug, Deserialize)]
struct Line {
    claim: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    id: Option<String>,
}

pub async fn run(
    engine: &Engine,
    path: &Path,
    default_sources: Option<Vec<SourceRef>>,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let raw = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let items: Vec<_> = raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let line: Line =
                serde_json::from_str(l).map_err(|e| anyhow::anyhow!("{} line {}: {e}", path.display(), i + 1))?;
            let own: Vec<SourceRef> = line.sources.iter().map(|s| source_ref(s)).collect();
            let sources = if own.is_empty() {
                default_sources.clone()
            } else {
                Some(own)
            };
            Ok(CheckInput::new(line.claim, line.speaker, sources, line.id))
        })
        .collect::<anyhow::Result<_>>()?;
    let total = items.len();
    let bar = std::io::stderr().is_terminal();
    let mut stdout = std::io::stdout().lock();
    let mut done = 0;
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        let chunk: Vec<_> = items.by_ref().take(CHUNK).collect();
        done += chunk.len();
        for answer in engine.check_batch(chunk).await {
            match (answer, format) {
                (Ok(a), Format::Json) => writeln!(stdout, "{}", serde_json::to_string(&a)?)?,
                (Ok(a), Format::Text) => writeln!(stdout, "{:<13} {}", a.verdict.as_str(), a.claim)?,
                (Err(e), Format::Json) => writeln!(stdout, "{}", serde_json::json!({"error": e.to_string()}))?,
                (Err(e), Format::Text) => writeln!(stdout, "{:<13} {e}", "error")?,
            }
        }
        if bar {
            draw(done, total);
        }
    }
    if bar {
        eprintln!();
    }
    Ok(ExitCode::SUCCESS)
}

fn draw(done: usize, total: usize) {
    let filled = (done * BAR_WIDTH).checked_div(total).unwrap_or(BAR_WIDTH);
    eprint!(
        "\r[{}{}] {done}/{total}",
        "#".repeat(filled),
        "-".repeat(BAR_WIDTH - filled)
    );
    let _ = std::io::stderr().flush();
}
