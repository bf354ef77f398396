//! The command line: argument definitions (clap derive) and dispatch to one file per
//! subcommand. Only this module prints or reads the terminal.

mod check;
mod check_article;
mod distance;
mod extract;
mod files;
mod input;
mod json_out;
mod locate;
mod map;
mod near;
mod output;
mod places;
mod rail;
mod route;
mod sources;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit codes, as documented in the README.
pub mod exit {
    /// Every claim holds (or the command did its job).
    pub const OK: u8 = 0;
    /// At least one claim is off or contradicts another.
    pub const CLAIM_FAILS: u8 = 1;
    /// Bad input or another error.
    pub const ERROR: u8 = 2;
}

/// Check the distances, speeds, times and places in a travel story, and draw its route.
#[derive(Debug, Parser)]
#[command(name = "routecheck", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 all claims hold, 1 a claim is off or contradicts another, 2 bad input or error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// When to colour the report: auto (a terminal, unless NO_COLOR is set or TERM=dumb;
    /// CLICOLOR_FORCE forces it), always or never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorWhen,
}

/// `--color`: when to colour the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// The `--color` of this run, set once by [`run`].
static COLOR: std::sync::OnceLock<ColorWhen> = std::sync::OnceLock::new();

/// Whether the report on standard output is coloured: `--color`, else (auto) the
/// environment's conventions as `anstream` reads them: NO_COLOR, CLICOLOR_FORCE, TERM=dumb and
/// whether standard output is a terminal.
pub(crate) fn colour_stdout() -> bool {
    match COLOR.get().copied().unwrap_or(ColorWhen::Auto) {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a story's claims, print the report and write the map and GeoJSON.
    Check(check::Args),
    /// Draw a story's route (or a GPS track): SVG, PNG, GeoJSON, GPX, KML.
    Map(map::Args),
    /// Look places up by name, in any spelling or script.
    Locate(locate::Args),
    /// The places nearest a position, with distance and bearing.
    Near(near::Args),
    /// Distance and bearing on the WGS84 ellipsoid between two places or coordinates.
    Distance(distance::Args),
    /// The bundled data, where it came from and its licence.
    Sources(sources::Args),
    /// The route through places in order: rail (railway km posts or --rail track) or direct.
    Route(route::Args),
    /// Find the claims in plain-text articles and write a draft story file.
    Extract(extract::Args),
    /// Compile an OpenStreetMap rail file into a .rail network (`rail import FILE -o OUT`).
    Rail(rail::Args),
}

/// How reports are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// Markdown a newsroom can paste.
    Md,
    /// JSON with stable field names.
    Json,
}

/// Output options shared by commands that write files.
#[derive(Debug, Clone, clap::Args)]
pub struct OutArgs {
    /// Folder for maps and GeoJSON.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Overwrite files in the output folder that routecheck did not write.
    #[arg(long)]
    pub force: bool,
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> miette::Result<ExitCode> {
    let _ = COLOR.set(cli.color);
    let mut stdout = std::io::stdout().lock();
    let code = match cli.command {
        Command::Check(a) => check::run(a, &mut stdout)?,
        Command::Map(a) => map::run(a, &mut stdout)?,
        Command::Locate(a) => locate::run(a, &mut stdout)?,
        Command::Near(a) => near::run(a, &mut stdout)?,
        Command::Distance(a) => distance::run(a, &mut stdout)?,
        Command::Sources(a) => sources::run(a, &mut stdout)?,
        Command::Route(a) => route::run(a, &mut stdout)?,
        Command::Extract(a) => extract::run(a, &mut stdout)?,
        Command::Rail(a) => rail::run(a, &mut stdout)?,
    };
    Ok(ExitCode::from(code))
}

/// Writes to the terminal; a closed pipe (`| head`) is not an error.
pub(crate) fn emit(out: &mut dyn std::io::Write, text: &str) -> miette::Result<()> {
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(miette::miette!("cannot write to standard output: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
