//! `routecheck extract ARTICLE.txt…`: find the claims in articles and write a draft story.

use std::path::{Path, PathBuf};

use routecheck::claims::extract::{Article, Extraction, extract_articles};
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
    /// The publication date of each article, in order (YYYY-MM-DD): the year of a date the
    /// text gives without one ("left on July 5"), when the text names no full date.
    #[arg(long, value_name = "DATE")]
    pub date: Vec<String>,
    /// Write the draft story to this file instead of standard output (`-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Reads the articles, names their outlets and reads their publication dates.
pub fn read_articles(
    paths: &[PathBuf],
    outlets: &[String],
    dates: &[String],
) -> miette::Result<Vec<Article>> {
    if dates.len() > paths.len() {
        miette::bail!(
            help = "give one --date per article, in the order of the articles",
            "{} --date values for {} articles",
            dates.len(),
            paths.len()
        );
    }
    let published: Vec<jiff::civil::Date> = dates
        .iter()
        .map(|d| publication_date(d))
        .collect::<miette::Result<_>>()?;
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
            Ok(Article {
                outlet,
                text,
                published: published.get(i).copied(),
            })
        })
        .collect()
}

/// A publication date as `--date` or an archive record gives it: "2023-09-12", or the date of
/// an RFC 3339 time ("2023-09-12T08:30:00Z").
pub fn publication_date(text: &str) -> miette::Result<jiff::civil::Date> {
    let t = text.trim();
    let day = t
        .get(..10)
        .filter(|_| t.len() == 10 || t.as_bytes().get(10) == Some(&b'T'));
    day.and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .ok_or_else(|| {
            miette::miette!(
                help = "write the date as YYYY-MM-DD, e.g. 2023-09-12",
                "publication date {:?} is not a date",
                t.chars().take(40).collect::<String>()
            )
        })
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
    dates: &[String],
) -> miette::Result<(Extraction, Gazetteer)> {
    let articles = read_articles(paths, outlets, dates)?;
    let gaz = load_gazetteer()?;
    Ok((extract_articles(&articles, &gaz), gaz))
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let (x, _) = run_extraction(&a.articles, &a.outlet, &a.date)?;
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
