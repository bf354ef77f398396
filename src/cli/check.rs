//! `routecheck check [STORY | DIR]`: check a story's claims and draw its route.
//!
//! With a folder, every `*.toml` in it is checked in name order, one at a time (memory stays
//! bounded), each with its own report; a bad file is reported and the others still run.

use std::path::{Path, PathBuf};

use miette::Report;
use routecheck::pipeline::{Outcome, Pipeline};
use routecheck::report;
use routecheck::story::Story;

use super::output::OutputDir;
use super::{Format, OutArgs};

/// The bundled default story: Kim Jong Un's train to Russia, September 2023.
pub const DEFAULT_STORY_PATH: &str = "data/stories/kim-jong-un-train-2023-09.toml";
pub const DEFAULT_STORY: &str = include_str!("../../data/stories/kim-jong-un-train-2023-09.toml");

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Story file (TOML), or a folder of them. Without it (and without --article), the bundled
    /// default story.
    #[arg(conflicts_with = "article")]
    pub story: Option<PathBuf>,
    /// Check plain-text articles instead of a story: extract their places, journey and claims,
    /// then check them (`--article a.txt b.txt` reads several as one story).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub article: Vec<PathBuf>,
    /// The outlet of each --article, in order (defaults to the outlet its dateline or sign-off
    /// names, else the file name).
    #[arg(long, value_name = "NAME", requires = "article")]
    pub outlet: Vec<String>,
    /// Report format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Same as --format json.
    #[arg(long)]
    pub json: bool,
    /// Route rail legs on this track instead of the bundled line tables: an OpenStreetMap
    /// extract (.osm.pbf), OSM XML, Overpass JSON, GeoJSON LineStrings or a compiled .rail.
    #[arg(long, value_name = "FILE")]
    pub rail: Option<PathBuf>,
    /// Don't write map or GeoJSON files.
    #[arg(long)]
    pub no_map: bool,
    #[command(flatten)]
    pub out: OutArgs,
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let format = if a.json { Format::Json } else { a.format };
    let mut checker = Pipeline::new()?;
    if let Some(path) = &a.rail {
        checker.use_rail(super::route::load_rail(path)?, &path.display().to_string());
    }
    let mut dir = if a.no_map {
        None
    } else {
        Some(super::files::open_out(&a.out)?)
    };
    if !a.article.is_empty() {
        return super::check_article::run(&a, &checker, format, dir.as_mut(), out);
    }
    match &a.story {
        Some(p) if p.is_dir() => run_dir(&checker, p, format, dir.as_mut(), out),
        Some(p) => {
            let c = checker.check(&Story::load(p)?)?;
            finish(&c, &checker.gazetteer, format, false, dir.as_mut(), out)
        }
        None => {
            let c = checker.check(&Story::parse(DEFAULT_STORY, DEFAULT_STORY_PATH)?)?;
            finish(&c, &checker.gazetteer, format, false, dir.as_mut(), out)
        }
    }
}

/// Prints the report, writes the files, and returns the exit code for one story.
pub(super) fn finish(
    c: &Outcome,
    gaz: &routecheck::gazetteer::Gazetteer,
    format: Format,
    one_line: bool,
    dir: Option<&mut OutputDir>,
    out: &mut dyn std::io::Write,
) -> miette::Result<u8> {
    let mut written = Vec::new();
    // A story with no places (an article with only unit conversions) has no map to draw.
    let drawable = !c.route.waypoints.is_empty() || !c.route.journeys.is_empty();
    if let Some(dir) = dir.filter(|_| drawable) {
        let scene = super::files::scene_of(c, gaz);
        let opt = routecheck::render::MapOptions::default();
        let files = super::files::map_files(c, &scene, &super::files::CHECK_FORMATS, &opt)?;
        written = super::files::write_all(dir, &files, &c.story.path)?;
    }
    let mut text = match format {
        Format::Json if one_line => report::json_line(&c.story, &c.route, &c.claims),
        Format::Json => report::json(&c.story, &c.route, &c.claims),
        Format::Md => report::markdown(&c.story, &c.route, &c.claims),
        Format::Table => report::table(&c.story, &c.route, &c.claims, super::colour_stdout()),
    };
    if format != Format::Json && !written.is_empty() {
        text.push_str(&format!(
            "\nwrote {}\n",
            written
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    super::emit(out, &text)?;
    Ok(if c.fails() {
        super::exit::CLAIM_FAILS
    } else {
        super::exit::OK
    })
}

fn run_dir(
    checker: &Pipeline,
    dir_path: &Path,
    format: Format,
    mut dir: Option<&mut OutputDir>,
    out: &mut dyn std::io::Write,
) -> miette::Result<u8> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir_path)
        .map_err(|e| miette::miette!("cannot read folder {}: {e}", dir_path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(miette::miette!(
            help = "story files end in .toml; see data/stories/ for examples",
            "no story files (*.toml) in {}",
            dir_path.display()
        ));
    }
    let (mut worst, mut errors) = (super::exit::OK, 0usize);
    for f in &files {
        let result = Story::load(f)
            .map_err(routecheck::Error::from)
            .and_then(|s| checker.check(&s));
        let code = match result {
            Ok(c) => finish(
                &c,
                &checker.gazetteer,
                format,
                true,
                dir.as_deref_mut(),
                out,
            ),
            Err(e) => Err(Report::new(e)),
        };
        match code {
            Ok(code) => worst = worst.max(code),
            Err(e) => {
                errors += 1;
                eprintln!("{e:?}");
            }
        }
    }
    eprintln!(
        "checked {} story files, {} with errors",
        files.len(),
        errors
    );
    Ok(if errors > 0 {
        super::exit::ERROR
    } else {
        worst
    })
}
