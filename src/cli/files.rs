//! The files `check` and `map` write for a story, built in memory first so that nothing is
//! written when any of them fails.

use std::path::PathBuf;

use clap::ValueEnum;
use miette::Diagnostic;
use routecheck::export::export_route;
use routecheck::export::{self, ExportRoute};
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
}

impl FileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Svg => "svg",
            FileFormat::Png => "png",
            FileFormat::Geojson => "geojson",
            FileFormat::Gpx => "gpx",
            FileFormat::Kml => "kml",
        }
    }
}

/// The formats `check` writes unless told otherwise.
pub const CHECK_FORMATS: [FileFormat; 3] = [FileFormat::Svg, FileFormat::Png, FileFormat::Geojson];

/// A map that could not be drawn.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("cannot draw the map: {inner}")]
#[diagnostic(help(
    "check the story's coordinates and the map options (--width, --height, --extent)"
))]
pub struct RenderError {
    inner: render::Error,
}

/// The map scene of a checked story.
pub fn scene_of(c: &Outcome, gaz: &Gazetteer) -> MapScene {
    let rivers: Vec<_> = gaz.rivers().collect();
    render::scene(&c.story, &c.route, &rivers)
}

/// (file name, bytes) for each requested format, named after the story id, plus the
/// distance–time chart where the story has a timeline along a journey.
pub fn map_files(
    c: &Outcome,
    scene: &MapScene,
    formats: &[FileFormat],
    opt: &MapOptions,
) -> miette::Result<Files> {
    let id = &c.story.meta.id;
    let mut out = image_files(id, formats, || render::svg(scene, opt))?;
    let mut route = None;
    for f in formats {
        let writer: fn(&ExportRoute) -> String = match f {
            FileFormat::Svg | FileFormat::Png => continue,
            FileFormat::Geojson => export::geojson,
            FileFormat::Gpx => export::gpx,
            FileFormat::Kml => export::kml,
        };
        let text = writer(route.get_or_insert_with(|| export_route(&c.story, &c.route)));
        out.push((format!("{id}.{}", f.extension()), text.into_bytes()));
    }
    if let Some(chart) = routecheck::render::chart_scene(c) {
        let timeline = format!("{id}-timeline");
        out.extend(image_files(&timeline, formats, || {
            render::chart_svg(&chart, 1200, 700)
        })?);
    }
    Ok(out)
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

/// Writes every file or none: all names are checked (no foreign file in the way) before the
/// first is written. Returns the paths written.
pub fn write_all(dir: &mut OutputDir, files: &Files) -> miette::Result<Vec<PathBuf>> {
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    dir.check(&names).map_err(output_error)?;
    files
        .iter()
        .map(|(n, b)| dir.write(n, b).map_err(output_error))
        .collect()
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
