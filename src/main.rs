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

/// Has the allocator hand freed memory back to the system at once rather than after its
/// delay (mimalloc's `purge_delay`, about a second by default): for `rail import`, whose
/// buffers are freed pass by pass, so that its peak memory is what it holds, not what it held.
/// A check keeps the delay: its short-lived buffers are reused faster kept than returned.
pub fn free_memory_at_once() {
    // mimalloc.h (v3, the version libmimalloc-sys builds): `mi_option_purge_delay` is the
    // 16th option of `mi_option_e`; `void mi_option_set(mi_option_t option, long value)`.
    const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: a plain setter of one of mimalloc's options, callable at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}
