//! `routecheck map [STORY] [--track FILE]`: draw a story's route (and/or a GPS track) and write
//! the map and GIS files.

use std::path::PathBuf;

use clap::ValueEnum;
use routecheck::coord::LatLon;
use routecheck::render::{
    self, LegMode, MapOptions, MapScene, SceneLeg, ScenePoint, Theme, WaypointKind,
};
use routecheck::story::Story;

use super::OutArgs;
use super::check::{DEFAULT_STORY, DEFAULT_STORY_PATH};
use super::files::{FileFormat, Files, image_files, map_files, scene_of};

/// Colours of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Writes into the folder output/ by default (--out DIR to choose); --out - writes one file to standard output (--format geojson --out -). The \"wrote …\" line goes to standard error."
)]
pub struct Args {
    /// Story file (TOML), or `-` for standard input. Without it (and without --track), the
    /// bundled default story.
    pub story: Option<PathBuf>,
    /// Files to write, comma-separated: svg, png, geojson, gpx, kml, html [default:
    /// svg,png,geojson,html; svg,png for a track alone].
    #[arg(long, value_enum, value_delimiter = ',')]
    pub format: Vec<FileFormat>,
    /// A GPS track to draw (GeoJSON LineString/MultiLineString or GPX), alone or over the story.
    #[arg(long, value_name = "FILE")]
    pub track: Option<PathBuf>,
    /// Map width in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Map height in pixels.
    #[arg(long, default_value_t = 1000)]
    pub height: u32,
    /// Area to show, as "south-west lat, lon, north-east lat, lon" (default: fit the route).
    /// A leading minus (or the Unicode minus −) is south or west: --extent -10,35,40,60.
    #[arg(long, value_name = "LAT,LON,LAT,LON", value_parser = parse_extent, allow_hyphen_values = true)]
    pub extent: Option<(LatLon, LatLon)>,
    /// Colour theme.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    #[command(flatten)]
    pub out: OutArgs,
}

fn parse_extent(s: &str) -> Result<(LatLon, LatLon), String> {
    let n: Vec<f64> = s
        .split(',')
        .map(|p| {
            p.trim()
                .replace('\u{2212}', "-")
                .parse::<f64>()
                .map_err(|_| format!("\"{}\" is not a number", p.trim()))
        })
        .collect::<Result<_, _>>()?;
    let [a, b, c, d] = n[..] else {
        return Err("give four numbers: south-west lat, lon, north-east lat, lon".into());
    };
    let sw = LatLon::new(a, b).map_err(|e| e.to_string())?;
    let ne = LatLon::new(c, d).map_err(|e| e.to_string())?;
    if ne.lat <= sw.lat {
        return Err("the north-east latitude must be greater than the south-west one".into());
    }
    Ok((sw, ne))
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let opt = MapOptions {
        width_px: a.width,
        height_px: a.height,
        extent: a.extent,
        theme: match a.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        },
        ..MapOptions::default()
    };
    let track = match &a.track {
        Some(p) => {
            let text = super::input::read_text(p, "track", super::input::TRACK_LIMIT)?;
            let lines = render::track::read(&text).map_err(|e| {
                miette::miette!(
                    help = "a track is a GeoJSON LineString/MultiLineString or a GPX <trk>",
                    "{}: {e}",
                    p.display()
                )
            })?;
            Some((p.clone(), lines))
        }
        None => None,
    };
    let checker = routecheck::pipeline::Pipeline::new()?;
    let story = match (&a.story, &track) {
        (Some(p), _) => Some(super::check::load_story(p)?),
        (None, None) => Some(Story::parse(DEFAULT_STORY, DEFAULT_STORY_PATH)?),
        (None, Some(_)) => None,
    };
    let (name, files) = match story {
        Some(story) => {
            let c = checker.check(&story)?;
            let mut scene = scene_of(&c, &checker.gazetteer);
            if let Some((_, lines)) = &track {
                add_track(&mut scene, lines);
            }
            let formats = if a.format.is_empty() {
                super::files::CHECK_FORMATS.to_vec()
            } else {
                a.format.clone()
            };
            (
                c.story.meta.id.clone(),
                map_files(&c, &scene, &formats, &opt)?,
            )
        }
        None => {
            let (path, lines) = track
                .as_ref()
                .ok_or_else(|| miette::miette!("nothing to draw"))?;
            let formats = if a.format.is_empty() {
                vec![FileFormat::Svg, FileFormat::Png]
            } else {
                a.format.clone()
            };
            track_files(path, lines, &formats, &opt)?
        }
    };
    if super::input::is_dash(&a.out.out) {
        return to_stdout(&name, &a.format, &files, out);
    }
    let mut dir = super::files::open_out(&a.out)?;
    let written: Vec<String> = super::files::write_all(&mut dir, &files, &name)?
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    super::note(&format!("{name}: wrote {}", written.join(", ")));
    Ok(super::exit::OK)
}

/// `--out -`: the one file asked for (`--format` names exactly one) on standard output. The
/// distance–time chart, a second drawing, is not written there; a note says so.
fn to_stdout(
    name: &str,
    formats: &[FileFormat],
    files: &Files,
    out: &mut dyn std::io::Write,
) -> miette::Result<u8> {
    let [format] = formats else {
        return Err(miette::miette!(
            help = "name one: --format geojson --out - (or svg, png, gpx, kml)",
            "--out - writes one file to standard output: give --format exactly one format"
        ));
    };
    let wanted = format!("{name}.{}", format.extension());
    let Some((_, bytes)) = files.iter().find(|(n, _)| *n == wanted) else {
        return Err(miette::miette!(
            "{name}: no {} file was made",
            format.extension()
        ));
    };
    let left: Vec<&str> = files
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| *n != wanted)
        .collect();
    if !left.is_empty() {
        super::note(&format!(
            "{name}: wrote {wanted} to standard output; not written: {} (use --out DIR)",
            left.join(", ")
        ));
    }
    super::emit_bytes(out, bytes)?;
    Ok(super::exit::OK)
}

/// Adds a GPS track to a scene as a road-styled line with its start and end marked.
fn add_track(scene: &mut MapScene, lines: &[Vec<LatLon>]) {
    for l in lines.iter().filter(|l| l.len() >= 2) {
        scene.legs.push(SceneLeg {
            mode: LegMode::Road,
            points: l.clone(),
            schematic: false,
            track_unknown: false,
            recorded: true,
            label: "track".into(),
        });
    }
}

/// Files for a track drawn on its own, named after the track file.
fn track_files(
    path: &std::path::Path,
    lines: &[Vec<LatLon>],
    formats: &[FileFormat],
    opt: &MapOptions,
) -> miette::Result<(String, Files)> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("track");
    let id = routecheck::story::file_slug(stem);
    let mut scene = MapScene {
        title: stem.to_string(),
        ..MapScene::default()
    };
    add_track(&mut scene, lines);
    let ends = [
        lines.first().and_then(|l| l.first()),
        lines.last().and_then(|l| l.last()),
    ];
    for (i, p) in ends.into_iter().flatten().enumerate() {
        let kind = if i == 0 {
            WaypointKind::Origin
        } else {
            WaypointKind::Destination
        };
        scene.waypoints.push(ScenePoint {
            name: if i == 0 { "start" } else { "end" }.into(),
            kind,
            at: *p,
            km_from_start: None,
            km_at_least: false,
        });
    }
    let track_km: routecheck::units::Length = lines
        .iter()
        .map(|l| routecheck::geodesy::path_length(l))
        .sum();
    scene.subtitle = format!("{} along the track (WGS84)", track_km);
    if let Some(other) = formats
        .iter()
        .find(|f| !matches!(f, FileFormat::Svg | FileFormat::Png))
    {
        return Err(miette::miette!(
            help = "use --format svg,png for a track alone, or give a story to export its route",
            "--format {} needs a story: a track alone has no route to export",
            other.extension()
        ));
    }
    let files = image_files(&id, formats, || render::svg(&scene, opt))?;
    Ok((id, files))
}
