//! Shell lines with the `routecheck` under test first on the PATH, and tools that may be
//! missing (the README's pipelines: jq, GNU parallel, GDAL), for the tests that run them.

use std::path::Path;
use std::process::Output;

/// Runs a shell line in `dir` with `routecheck` first on the PATH, and no other variable than
/// PATH and HOME (GDAL reads its configuration from the environment; GNU parallel wants HOME).
pub fn shell(line: &str, dir: &Path) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("routecheck");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = std::process::Command::new("sh");
    c.args(["-c", line])
        .current_dir(dir)
        .env_clear()
        .env("PATH", path);
    if let Some(home) = std::env::var_os("HOME") {
        c.env("HOME", home);
    }
    c.output().unwrap()
}

/// True when every tool of `tools` can be run; else prints SKIPPED with `why` for the part of
/// the test that needs them.
pub fn installed(tools: &[&str], why: &str) -> bool {
    let line = tools
        .iter()
        .map(|t| format!("command -v {t}"))
        .collect::<Vec<_>>()
        .join(" && ");
    let found = shell(&line, Path::new(".")).status.success();
    if !found {
        println!("SKIPPED {why}");
    }
    found
}
