//! `routecheck extract ARTICLE.txt…`: find the claims in articles and write a draft story.

use std::path::{Path, PathBuf};

use routecheck::claims::extract::{Extraction, extract_all};
use routecheck::gazetteer::Gazetteer;

use super::places::load_gazetteer;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files (plain text), one or more; `-` reads standard input.
    #[arg(required = true, value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// The outlet each article comes from, in order (defaults to the outlet its dateline or
    /// sign-off names, "SEOUL, Sept. 12 (UPI) --", else the file name).
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,
    /// Write the draft story to this file instead of standard output (`-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Reads the articles and names their outlets.
pub fn read_articles(
    paths: &[PathBuf],
    outlets: &[String],
) -> miette::Result<Vec<(String, String)>> {
    paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text = super::input::read_text(p, "article", super::input::ARTICLE_LIMIT)?;
            let outlet = outlets
                .get(i)
                .cloned()
                .or_else(|| routecheck::claims::extract::outlet_of(&text))
                .unwrap_or_else(|| stem(p));
            Ok((outlet, text))
        })
        .collect()
}

fn stem(p: &Path) -> String {
    if super::input::is_dash(p) {
        return "stdin".to_string();
    }
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_string()
}

/// The draft's title: "Draft from a.txt, b.txt".
pub fn title(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            if super::input::is_dash(p) {
                return super::input::STDIN.to_string();
            }
            p.file_name()
                .and_then(|s| s.to_str())
                .unwrap_or("article")
                .to_string()
        })
        .collect();
    format!("Draft from {}", names.join(", "))
}

/// Extracts with the default gazetteer.
pub fn run_extraction(
    paths: &[PathBuf],
    outlets: &[String],
) -> miette::Result<(Extraction, Gazetteer)> {
    let articles = read_articles(paths, outlets)?;
    let gaz = load_gazetteer()?;
    Ok((extract_all(&articles, &gaz), gaz))
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let (x, _) = run_extraction(&a.articles, &a.outlet)?;
    let toml = x.to_toml(&title(&a.articles));
    super::note(&format!(
        "found {} quantities and {} claims; {} waypoints resolved, {} names not resolved, {} numbers not used (listed at the top of the draft)",
        x.quantities,
        x.claims.len(),
        x.waypoints.len(),
        x.unresolved.len(),
        x.notes.len()
    ));
    match a.output.as_deref().filter(|p| !super::input::is_dash(p)) {
        Some(path) => {
            super::output::check_target(path, a.force).map_err(super::files::output_error)?;
            super::output::atomic_write(path, toml.as_bytes())
                .map_err(super::files::output_error)?;
            super::note(&format!("wrote {}", path.display()));
        }
        None => super::emit(out, &toml)?,
    }
    Ok(super::exit::OK)
}
