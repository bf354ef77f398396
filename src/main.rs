//! The `routecheck` command: parse arguments, run, map errors to exit codes.

mod cli;

use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    let args = match cli::command()
        .try_get_matches_from(cli::args())
        .and_then(|m| cli::Cli::from_arg_matches(&m))
    {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() {
                cli::exit::ERROR
            } else {
                cli::exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli::run(args) {
        Ok(code) => code,
        Err(report) => {
            // A full or closed standard error is not a panic: the exit code still tells.
            cli::note(&format!("{report:?}"));
            ExitCode::from(cli::exit::ERROR)
        }
    }
}

/// mimalloc for the command (see `Cargo.toml`'s `cli` feature for the measured reason).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
