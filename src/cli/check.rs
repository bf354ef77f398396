//! `routecheck check [STORY | DIR | -]`: check a story's claims and draw its route.
//!
//! A folder is a batch ([`super::batch`]); `--articles FILE.jsonl` an archive of articles
//! ([`super::archive`]). One story (a file, standard input, `--article` texts or the bundled
//! default) is checked here.

use std::path::{Path, PathBuf};

use routecheck::pipeline::{Outcome, Pipeline};
use routecheck::report;
use routecheck::story::{MAX_STORY_BYTES, Story};

use super::input::{STDIN, is_dash};
use super::output::OutputDir;
use super::{Format, OutArgs};

/// The bundled default story: Kim Jong Un's train to Russia, September 2023.
pub const DEFAULT_STORY_PATH: &str = "data/stories/kim-jong-un-train-2023-09.toml";
pub const DEFAULT_STORY: &str = include_str!("../../data/stories/kim-jong-un-train-2023-09.toml");

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Maps, the timeline chart and GeoJSON are written into the folder output/ (--out DIR to choose, --no-map for none); the report goes to standard output, the \"wrote …\" lines to standard error.\n\nExit codes: 0 every claim holds (or is plausible, or cannot be checked), 1 a claim is off or contradicts another (--exit-zero: 0), 2 bad input or error."
)]
pub struct Args {
    /// Story file (TOML), a folder of them (checked in parallel, with a summary table), or `-`
    /// for standard input. Without it (and without --article/--articles), the bundled default
    /// story.
    #[arg(conflicts_with_all = ["article", "articles"])]
    pub story: Option<PathBuf>,
    /// Check plain-text articles instead of a story (`-` reads standard input): extract their
    /// places, journey and claims, then check them (`--article a.txt b.txt` reads several as
    /// one story).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub article: Vec<PathBuf>,
    /// An archive of articles, one JSON object a line ({"id", "text", "outlet", "date"}): each
    /// is checked alone and gets one JSON result line, in order, in constant memory (`-` reads
    /// standard input). No maps are drawn.
    #[arg(long, value_name = "FILE.jsonl", conflicts_with = "article")]
    pub articles: Option<PathBuf>,
    /// The outlet of each --article, in order (defaults to the outlet its dateline or sign-off
    /// names, else the file name).
    #[arg(long, value_name = "NAME", requires = "article")]
    pub outlet: Vec<String>,
    /// The publication date of each --article, in order (YYYY-MM-DD): the year of a date the
    /// text gives without one, when the text names no full date.
    #[arg(long, value_name = "DATE", requires = "article")]
    pub date: Vec<String>,
    /// Report format. For a folder, json is JSON Lines (one line per file, failed files as
    /// error records) and csv is one row per claim of every file.
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
    /// Exit 0 even when a claim is off or contradicts another (errors still exit 2), for
    /// pipelines that only want the report.
    #[arg(long)]
    pub exit_zero: bool,
    /// Print one claim in full (quote, figures, tolerance, arithmetic, pairings) instead of
    /// the report; writes no files.
    #[arg(long, value_name = "CLAIM_ID", conflicts_with_all = ["articles", "format", "json"])]
    pub explain: Option<String>,
    #[command(flatten)]
    pub out: OutArgs,
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let code = run_checks(&a, out)?;
    Ok(if a.exit_zero && code == super::exit::CLAIM_FAILS {
        super::exit::OK
    } else {
        code
    })
}

fn run_checks(a: &Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let format = if a.json { Format::Json } else { a.format };
    let mut checker = Pipeline::new()?;
    if let Some(path) = &a.rail {
        checker.use_rail(super::route::load_rail(path)?, &path.display().to_string());
    }
    if let Some(archive) = &a.articles {
        if matches!(format, Format::Md | Format::Csv) {
            return Err(miette::miette!(
                help =
                    "leave out --format: each line of the result is the JSON report of one article",
                "--articles writes JSON Lines only"
            ));
        }
        return super::archive::run(&checker, archive, out);
    }
    let maps = !a.no_map && a.explain.is_none();
    let mut dir = if maps {
        Some(super::files::open_out(&a.out)?)
    } else {
        None
    };
    if !a.article.is_empty() {
        return super::check_article::run(a, &checker, format, dir.as_mut(), out);
    }
    let (story, file) = match &a.story {
        Some(p) if !is_dash(p) && p.is_dir() => {
            if a.explain.is_some() {
                return Err(miette::miette!(
                    help = "name the story file: check FOLDER/STORY.toml --explain ID",
                    "--explain shows one claim of one story: {} is a folder",
                    p.display()
                ));
            }
            return super::batch::run(&checker, p, format, dir.as_mut(), out);
        }
        Some(p) => (load_story(p)?, super::input::shown(p)),
        None => (
            Story::parse(DEFAULT_STORY, DEFAULT_STORY_PATH)?,
            DEFAULT_STORY_PATH.to_string(),
        ),
    };
    let c = checker.check(&story)?;
    if let Some(id) = &a.explain {
        let text = super::explain::claim(&c, id)?;
        super::emit(out, &text)?;
        return Ok(exit_code(&c));
    }
    let files = match dir.as_ref() {
        Some(_) => map_files(&c, &checker.gazetteer)?,
        None => Vec::new(),
    };
    if let Some(dir) = dir.as_mut() {
        write_files(dir, &files, &file)?;
    }
    let text = match format {
        Format::Csv => super::claim_rows::csv(&[super::claim_rows::of(&file, &c)])?,
        _ => report_text(&c, format, false),
    };
    super::emit(out, &text)?;
    if let Some(why) = fail_reason(&c) {
        super::note(&why);
    }
    Ok(exit_code(&c))
}

/// A story file, or `-`: standard input.
pub fn load_story(p: &Path) -> miette::Result<Story> {
    if is_dash(p) {
        let text = super::input::read_text(p, "story", MAX_STORY_BYTES)?;
        Ok(Story::parse(&text, STDIN)?)
    } else {
        Ok(Story::load(p)?)
    }
}

/// Prints the report of one checked story, writes its files, and returns its exit code (for
/// `--article`, which builds its story from the articles).
pub(super) fn finish(
    c: &Outcome,
    gaz: &routecheck::gazetteer::Gazetteer,
    format: Format,
    one_line: bool,
    dir: Option<&mut OutputDir>,
    out: &mut dyn std::io::Write,
) -> miette::Result<u8> {
    if let Some(dir) = dir {
        write_files(dir, &map_files(c, gaz)?, &c.story.path)?;
    }
    let text = match format {
        Format::Csv => super::claim_rows::csv(&[super::claim_rows::of(&c.story.path, c)])?,
        _ => report_text(c, format, one_line),
    };
    super::emit(out, &text)?;
    if let Some(why) = fail_reason(c) {
        super::note(&why);
    }
    Ok(exit_code(c))
}

/// The map, chart and GeoJSON of a checked story, in memory (empty for a story with no places,
/// such as an article with only unit conversions: there is nothing to draw).
pub fn map_files(
    c: &Outcome,
    gaz: &routecheck::gazetteer::Gazetteer,
) -> miette::Result<super::files::Files> {
    if c.route.waypoints.is_empty() && c.route.journeys.is_empty() {
        return Ok(Vec::new());
    }
    let scene = super::files::scene_of(c, gaz);
    let opt = routecheck::render::MapOptions::default();
    super::files::map_files(c, &scene, &super::files::CHECK_FORMATS, &opt)
}

/// Writes `files` into `dir` (all or none) and says so on standard error; `owner` names the
/// story they belong to (two stories of one run may not write the same file).
pub fn write_files(
    dir: &mut OutputDir,
    files: &super::files::Files,
    owner: &str,
) -> miette::Result<()> {
    if !files.is_empty() {
        note_written(&super::files::write_all(dir, files, owner)?);
    }
    Ok(())
}

fn note_written(written: &[PathBuf]) {
    if !written.is_empty() {
        let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        super::note(&format!("wrote {}", names.join(", ")));
    }
}

/// The report of one story in `format` (table, Markdown or JSON; `one_line` JSON for JSON
/// Lines). The table fits the terminal's width when standard output is one.
pub fn report_text(c: &Outcome, format: Format, one_line: bool) -> String {
    match format {
        Format::Json if one_line => report::json_line(&c.story, &c.route, &c.claims),
        Format::Json => report::json(&c.story, &c.route, &c.claims),
        Format::Md => report::markdown(&c.story, &c.route, &c.claims),
        Format::Table | Format::Csv => report::table_fit(
            &c.story,
            &c.route,
            &c.claims,
            super::colour_stdout(),
            super::terminal_width(),
        ),
    }
}

/// 1 when a claim is off or contradicts another, else 0.
pub fn exit_code(c: &Outcome) -> u8 {
    if c.fails() {
        super::exit::CLAIM_FAILS
    } else {
        super::exit::OK
    }
}

/// Why the exit code is 1, in a line: "exit code 1: afp-distance is off, upi-speed
/// contradicts afp-speed (--exit-zero exits 0 regardless)"; None when nothing fails.
pub fn fail_reason(c: &Outcome) -> Option<String> {
    use routecheck::claims::Verdict;
    let failing: Vec<String> = c
        .claims
        .iter()
        .filter_map(|k| match &k.verdict {
            Verdict::Off { .. } => Some(format!("{} is off", k.id)),
            Verdict::Contradicts { other, .. } => Some(format!("{} contradicts {other}", k.id)),
            _ => None,
        })
        .collect();
    if failing.is_empty() {
        return None;
    }
    let shown = failing.len().min(5);
    let more = match failing.len() - shown {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    Some(format!(
        "exit code 1: {}{more} (--exit-zero exits 0 regardless)",
        failing[..shown].join(", ")
    ))
}
