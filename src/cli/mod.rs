//! The command line: argument definitions (clap derive) and dispatch to one file per
//! subcommand. Only this module prints or reads the terminal.

mod archive;
mod argv;
mod batch;
mod check;
mod check_article;
mod claim_rows;
mod distance;
mod explain;
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
    /// Check a story's claims, print the report and write the map and GeoJSON into output/.
    Check(check::Args),
    /// Draw a story's route (or a GPS track) into output/: SVG, PNG, GeoJSON, GPX, KML.
    Map(map::Args),
    /// Look places up by name, in any spelling or script.
    Locate(locate::Args),
    /// The places nearest a position, with distance and bearing.
    Near(near::Args),
    /// Distance and bearing on the WGS84 ellipsoid between two places or coordinates.
    Distance(distance::Args),
    /// The bundled data, where it came from and its licence.
    Sources(sources::Args),
    /// The route through places in order: rail (railway km posts or --rail track) or direct;
    /// writes its map and GeoJSON into output/.
    Route(route::Args),
    /// Find the claims in plain-text articles and write a draft story file.
    Extract(extract::Args),
    /// Compile an OpenStreetMap rail file into a .rail network (`rail import FILE -o OUT`).
    Rail(rail::Args),
    /// Print a shell completion script: `routecheck completions bash > ~/.local/share/bash-completion/completions/routecheck`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `routecheck man > routecheck.1; man ./routecheck.1`.
    Man,
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
    /// One row per claim (file, story, claim, verdict, the numbers), for a spreadsheet.
    Csv,
}

/// Output options shared by commands that write files.
#[derive(Debug, Clone, clap::Args)]
pub struct OutArgs {
    /// Folder for maps and GeoJSON (created if need be).
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Overwrite files in the output folder that routecheck did not write.
    #[arg(long)]
    pub force: bool,
}

/// The command-line definition, with `--version` naming the bundled data's versions (`-V`
/// and the manual page keep the short version).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let version = VERSION.get_or_init(|| {
        let data = routecheck::sources::BUNDLED
            .iter()
            .chain(routecheck::sources::FROM_CRATES);
        let mut v = format!("{}\nbundled data:", env!("CARGO_PKG_VERSION"));
        for d in data {
            v.push_str(&format!("\n  {}: {}", d.path, d.origin));
        }
        v
    });
    Cli::command().long_version(version.as_str())
}

/// The process's arguments, with negative coordinates made safe from flag parsing
/// ([`argv::normalise`]).
pub fn args() -> Vec<std::ffi::OsString> {
    argv::normalise(std::env::args_os())
}

/// The width the report must fit: `COLUMNS` when set to a number, else the terminal's width
/// when standard output is a terminal, else none (piped output is not wrapped).
pub(crate) fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
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
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "routecheck", &mut script);
            emit_bytes(&mut stdout, &script)?;
            exit::OK
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command())
                .render(&mut page)
                .map_err(|e| miette::miette!("cannot write the manual page: {e}"))?;
            emit_bytes(&mut stdout, &page)?;
            exit::OK
        }
    };
    Ok(ExitCode::from(code))
}

/// Writes to standard output. A closed pipe (`| head`) means the reader has all it wants: the
/// process ends there with exit code 0, as `ripgrep` and `cat` do, rather than working on for
/// no one (the files already written are whole; nothing is half-written).
pub(crate) fn emit(out: &mut dyn std::io::Write, text: &str) -> miette::Result<()> {
    emit_bytes(out, text.as_bytes())
}

/// [`emit`] for bytes (a PNG to `--out -`).
pub(crate) fn emit_bytes(out: &mut dyn std::io::Write, bytes: &[u8]) -> miette::Result<()> {
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(miette::miette!("cannot write to standard output: {e}")),
    }
}

/// Writes a status line ("wrote …", a progress count) or an error to standard error, never to
/// standard output, where it would mix into piped data. A closed or full standard error
/// (`2>/dev/full`) is ignored: there is nowhere left to say so, and the exit code still tells.
pub(crate) fn note(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}").and_then(|_| err.flush());
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        super::Cli::command().debug_assert();
        super::command().debug_assert();
    }
}
