//! The command with a clean environment, and an article written to a file, for the
//! article-reading tests (tests/cli_article.rs, tests/cli_article_trips.rs).

use assert_cmd::Command;

/// `routecheck` with no inherited environment.
pub fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

/// Writes `text` to `dir/name` and returns its path.
pub fn article(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write article");
    p
}
