//! The command line: `serve`, `check`, `extract`, `eval` (see `../shared/API.md`). Each command parses its
//! arguments, calls the library, and prints; the printing lives in `output`.

mod batch;
mod eval;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::Settings;
use crate::fetch::FetchOptions;
use crate::model::{CheckInput, SourceRef};
use crate::sources::Registry;
use crate::Engine;

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Checks claims — figures and quotations — against their sources."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP service (configuration from CROSSCHECK_* variables and crosscheck.toml).
    Serve,
    /// Check one claim; with no --source, against the registry in sources/.
    Check {
        /// The claim, e.g. "86.2% of 999 calls in 10 seconds".
        #[arg(required_unless_present = "file")]
        claim: Option<String>,
        /// Check every claim of a JSON-lines file instead (one check request a line: claim, speaker, sources, id).
        #[arg(long, conflicts_with = "claim")]
        file: Option<PathBuf>,
        /// The person the claim quotes (checks it as a quotation).
        #[arg(long)]
        speaker: Option<String>,
        /// A source URL or local file; repeat for several.
        #[arg(long = "source")]
        sources: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the main text of a page (a URL or a local file).
    Extract {
        target: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Exit 0 when the local service answers /healthz (for container health checks).
    #[command(hide = true)]
    Healthcheck,
    /// Score the engine on a labelled claim file (JSON lines) over a folder of pages.
    Eval {
        claims: PathBuf,
        #[arg(long)]
        pages: PathBuf,
    },
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = Settings::load()?;
    crate::telemetry::init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    match cli.command {
        Command::Serve => runtime.block_on(serve(settings)),
        Command::Healthcheck => runtime.block_on(healthcheck(&settings)),
        Command::Check {
            claim,
            file,
            speaker,
            sources,
            format,
        } => {
            let engine = engine(&settings, true)?;
            let refs: Option<Vec<SourceRef>> =
                (!sources.is_empty()).then(|| sources.iter().map(|s| source_ref(s)).collect());
            if let Some(path) = file {
                return runtime.block_on(batch::run(&engine, &path, refs, format));
            }
            let input = CheckInput::new(claim.unwrap_or_default(), speaker, refs, None)?;
            let answer = runtime.block_on(engine.check(&input));
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&answer)?),
                Format::Text => print!("{}", output::check_text(&answer, output::color_wanted())),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { target, format } => {
            let engine = engine(&settings, false)?;
            let read = runtime.block_on(engine.read_all(&[source_ref(&target)])).remove(0);
            let page = read.outcome.map_err(|e| anyhow::anyhow!("{}: {e}", read.label))?;
            match format {
                Format::Text => println!("{}", page.doc.text),
                Format::Json => println!("{}", serde_json::to_string_pretty(&output::extract_json(&page))?),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { claims, pages } => {
            let engine = engine(&settings, false)?;
            let all_right = runtime.block_on(eval::run(&engine, &claims, &pages))?;
            Ok(if all_right {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<ExitCode> {
    let bind = settings.bind;
    let app = crate::http::Application::build(settings)?;
    tracing::info!(%bind, port = app.port(), "crosscheck serving");
    app.run_until_stopped().await?;
    Ok(ExitCode::SUCCESS)
}

async fn healthcheck(settings: &Settings) -> anyhow::Result<ExitCode> {
    let mut addr = settings.bind;
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(2))
        .build()?;
    let ok = client
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .is_ok_and(|r| r.status().is_success());
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn engine(settings: &Settings, with_registry: bool) -> anyhow::Result<Engine> {
    let registry = if with_registry {
        Registry::load(&settings.sources_dir)?
    } else {
        Registry::default()
    };
    Ok(Engine::new(FetchOptions::from_settings(settings), registry)?)
}

/// A CLI source: an http(s) URL, or else a local file.
pub fn source_ref(s: &str) -> SourceRef {
    match url::Url::parse(s) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => SourceRef::Url(u),
        _ => SourceRef::File(PathBuf::from(s)),
    }
}
