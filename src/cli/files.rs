//! The files `check` and `map` write for a story, built in memory first so that nothing is
//! written when any of them fails.

use std::path::PathBuf;

use clap::ValueEnum;
use miette::Diagnostic;
use routecheck::export;
use routecheck::export::export_route;
use routecheck::gazetteer::Gazetteer;
use routecheck::pipeline::Outcome;
use routecheck::render::{self, MapOptions, MapScene};

use super::OutArgs;
use super::output::{self, OutputDir};

/// Named files in memory: (file name, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// An output file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum FileFormat {
    Svg,
    Png,
    Geojson,
    Gpx,
    Kml,
    /// The interactive map: one self-contained HTML file.
    Html,
}

impl FileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Svg => "svg",
            FileFormat::Png => "png",
            FileFormat::Geojson => "geojson",
            FileFormat::Gpx => "gpx",
            FileFormat::Kml => "kml",
            FileFormat::Html => "html",
        }
    }
}

/// The formats `check` writes unless told otherwise.
pub const CHECK_FORMATS: [FileFormat; 4] = [
    FileFormat::Svg,
    FileFormat::Png,
    FileFormat::Geojson,
    FileFormat::Html,
];

/// A map that could not be drawn.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("cannot draw the map: {inner}")]
#[diagnostic(help(
    "check the story's coordinates and the map options (--width, --height, --extent)"
))]
pub struct RenderError {
    inner: render::Error,
}

/// The map scene of a checked story, with the largest cities around it for context.
pub fn scene_of(c: &Outcome, gaz: &Gazetteer) -> MapScene {
    let rivers: Vec<_> = gaz.rivers().collect();
    let mut scene = render::scene(&c.story, &c.route, &rivers);
    scene.context_cities = render::context_cities(&scene, gaz);
    scene
}

/// (file name, bytes) for each requested format, named after the story id, plus the
/// distance–time chart where the story has a timeline along a journey. The map, the chart and
/// the HTML page are made on three threads; the files come out in the same order every time.
pub fn map_files(
    c: &Outcome,
    scene: &MapScene,
    formats: &[FileFormat],
    opt: &MapOptions,
) -> miette::Result<Files> {
    let id = &c.story.meta.id;
    let chart = routecheck::render::chart_scene(c);
    let timeline = format!("{id}-timeline");
    let (map, html, chart_files) = std::thread::scope(|s| {
        let chart_job = chart.as_ref().map(|chart| {
            s.spawn(|| image_files(&timeline, formats, || render::chart_svg(chart, 1200, 700)))
        });
        let html_job = formats
            .contains(&FileFormat::Html)
            .then(|| s.spawn(|| render::html(&render::html_map(c, scene), opt)));
        let map = image_files(id, formats, || render::svg(scene, opt));
        (map, html_job.map(join), chart_job.map(join))
    });
    let mut html = html.transpose().map_err(|e| RenderError { inner: e })?;
    let mut out = map?;
    let mut route = None;
    for f in formats {
        let text = match f {
            FileFormat::Svg | FileFormat::Png => continue,
            FileFormat::Geojson => {
                export::geojson(route.get_or_insert_with(|| export_route(&c.story, &c.route)))
            }
            FileFormat::Gpx => {
                export::gpx(route.get_or_insert_with(|| export_route(&c.story, &c.route)))
            }
            FileFormat::Kml => {
                export::kml(route.get_or_insert_with(|| export_route(&c.story, &c.route)))
            }
            FileFormat::Html => match html.take() {
                Some(text) => text,
                None => continue,
            },
        };
        out.push((format!("{id}.{}", f.extension()), text.into_bytes()));
    }
    if let Some(files) = chart_files {
        out.extend(files?);
    }
    Ok(out)
}

/// A scoped thread's result; its panic, if it panicked, carries on in the caller.
fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
}

/// The SVG and PNG among `formats`, named `<stem>.svg` / `<stem>.png`: the drawing is made
/// once and the PNG rasterised from it.
pub fn image_files(
    stem: &str,
    formats: &[FileFormat],
    draw: impl FnOnce() -> Result<String, render::Error>,
) -> miette::Result<Files> {
    let (want_svg, want_png) = (
        formats.contains(&FileFormat::Svg),
        formats.contains(&FileFormat::Png),
    );
    if !want_svg && !want_png {
        return Ok(Vec::new());
    }
    let fail = |e| RenderError { inner: e };
    let svg = draw().map_err(fail)?;
    let mut out = Vec::new();
    if want_png {
        out.push((
            format!("{stem}.png"),
            render::png::rasterise(&svg).map_err(fail)?,
        ));
    }
    if want_svg {
        out.insert(0, (format!("{stem}.svg"), svg.into_bytes()));
    }
    Ok(out)
}

/// Writes every file or none (see [`OutputDir::write_all`]), for `owner` (the story file, named
/// if another story of the same run would write the same names). Returns the paths written.
pub fn write_all(dir: &mut OutputDir, files: &Files, owner: &str) -> miette::Result<Vec<PathBuf>> {
    let written = dir.write_all(files, owner).map_err(output_error)?;
    let cleaned = std::mem::take(&mut dir.cleaned);
    if cleaned > 0 {
        eprintln!(
            "removed {cleaned} temporary file(s) an interrupted run left in the output folder"
        );
    }
    Ok(written)
}

/// The output folder of `--out` / `--force`.
pub fn open_out(out: &OutArgs) -> miette::Result<OutputDir> {
    if super::input::is_dash(&out.out) {
        return Err(miette::miette!(
            help = "use `routecheck map STORY --format geojson --out -` for one file on standard output, or --no-map",
            "--out - (standard output) takes one file: this command writes its report there"
        ));
    }
    OutputDir::open(&out.out, out.force).map_err(output_error)
}

/// An output error with what to do about it.
pub fn output_error(e: output::Error) -> miette::Report {
    match e.help() {
        Some(h) => miette::miette!(help = h, "{e}"),
        None => miette::miette!("{e}"),
    }
}
