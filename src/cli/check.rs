//! `routecheck check [STORY]`: check a story's claims and draw its route.

use std::io::IsTerminal;
use std::path::PathBuf;

use miette::{Diagnostic, Report};
use routecheck::claims;
use routecheck::report;
use routecheck::route::{self, Route, RouteOptions};
use routecheck::story::Story;

use super::places::load_gazetteer;
use super::{Format, OutArgs};

/// The bundled default story: Kim Jong Un's train to Russia, September 2023.
pub const DEFAULT_STORY_PATH: &str = "data/stories/kim-jong-un-train-2023-09.toml";
const DEFAULT_STORY: &str = include_str!("../../data/stories/kim-jong-un-train-2023-09.toml");

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Story file (TOML). Without it (and without --article), the bundled default story is
    /// checked.
    #[arg(conflicts_with = "article")]
    pub story: Option<PathBuf>,
    /// Check plain-text articles instead of a story: extract their claims, then check them.
    #[arg(long, value_name = "FILE")]
    pub article: Vec<PathBuf>,
    /// The outlet of each --article, in order (defaults to the file name).
    #[arg(long, value_name = "NAME", requires = "article")]
    pub outlet: Vec<String>,
    /// Report format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Same as --format json.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub out: OutArgs,
}

/// A route error with what to do about it.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{inner}")]
struct RouteError {
    inner: route::Error,
    #[help]
    help: Option<String>,
}

impl From<route::Error> for RouteError {
    fn from(source: route::Error) -> Self {
        let help = match &source {
            route::Error::Place { .. } => Some("fix the waypoint's `place` in the story, add `country`, or give `at = \"lat, lon\"`".into()),
            _ => None,
        };
        RouteError {
            inner: source,
            help,
        }
    }
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let (story, gaz) = if a.article.is_empty() {
        let story = match &a.story {
            Some(p) => Story::load(p)?,
            None => Story::parse(DEFAULT_STORY, DEFAULT_STORY_PATH)?,
        };
        (story, load_gazetteer()?)
    } else {
        let (x, gaz) = super::extract::run_extraction(&a.article, &a.outlet)?;
        let toml = x.to_toml(&super::extract::title(&a.article));
        let name = format!("{} (extracted)", a.article[0].display());
        (Story::parse(&toml, &name)?, gaz)
    };
    let waypoints =
        route::resolve_waypoints(&story, &gaz).map_err(|e| Report::new(RouteError::from(e)))?;
    let route = if story.legs.is_empty() && waypoints.is_empty() {
        // Nothing to route (an article with conversions only): claims that need no route
        // are still checked.
        Route {
            waypoints,
            journeys: Vec::new(),
        }
    } else {
        Route::build(&story, waypoints, &RouteOptions::default())
            .map_err(|e| Report::new(RouteError::from(e)))?
    };
    let checked = claims::check_all(&story, &route);
    let format = if a.json { Format::Json } else { a.format };
    let text = match format {
        Format::Json => report::json(&story, &route, &checked),
        Format::Md => report::markdown(&story, &route, &checked),
        Format::Table => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            report::table(&story, &route, &checked, colour)
        }
    };
    super::emit(out, &text)?;
    let fails = checked.iter().any(|c| c.verdict.fails());
    Ok(if fails {
        super::exit::CLAIM_FAILS
    } else {
        super::exit::OK
    })
}
