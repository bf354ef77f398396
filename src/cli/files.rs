//! The files `check` and `map` write for a story, built in memory first so that nothing is
//! written when any of them fails.

use clap::ValueEnum;
use miette::Diagnostic;
use routecheck::checker::Outcome;
use routecheck::gazetteer::Gazetteer;
use routecheck::render::{self, MapOptions, MapScene};
use routecheck::{export, render::export_route};

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

/// (file name, bytes) for each requested format, named after the story id.
pub fn map_files(
    c: &Outcome,
    scene: &MapScene,
    formats: &[FileFormat],
    opt: &MapOptions,
) -> miette::Result<Files> {
    let id = &c.story.meta.id;
    let draw = |e| RenderError { inner: e };
    let mut svg: Option<String> = None;
    let mut out = Vec::new();
    for f in formats {
        let bytes = match f {
            FileFormat::Svg | FileFormat::Png => {
                if svg.is_none() {
                    svg = Some(render::svg(scene, opt).map_err(draw)?);
                }
                let text = svg.as_deref().unwrap_or_default();
                if *f == FileFormat::Svg {
                    text.as_bytes().to_vec()
                } else {
                    render::png::rasterise(text).map_err(draw)?
                }
            }
            FileFormat::Geojson => export::geojson(&export_route(&c.story, &c.route)).into_bytes(),
            FileFormat::Gpx => export::gpx(&export_route(&c.story, &c.route)).into_bytes(),
            FileFormat::Kml => export::kml(&export_route(&c.story, &c.route)).into_bytes(),
        };
        out.push((format!("{id}.{}", f.extension()), bytes));
    }
    // The distance–time chart, where the story has a timeline along a journey.
    if let Some(chart) = routecheck::checker::chart(c) {
        let (w, h) = (1200, 700);
        if formats.contains(&FileFormat::Svg) {
            let svg = render::chart_svg(&chart, w, h).map_err(draw)?;
            out.push((format!("{id}-timeline.svg"), svg.into_bytes()));
        }
        if formats.contains(&FileFormat::Png) {
            out.push((
                format!("{id}-timeline.png"),
                render::chart_png(&chart, w, h).map_err(draw)?,
            ));
        }
    }
    Ok(out)
}
