//! The map and GeoJSON of a `routecheck route` answer.

use routecheck::coord::LatLon;
use routecheck::export::{self, ExportLeg, ExportRoute, ExportWaypoint};
use routecheck::output::OutputDir;
use routecheck::render::{self, LegMode, MapOptions, MapScene, SceneLeg, ScenePoint, WaypointKind};
use routecheck::units::Length;

use super::OutArgs;
use super::check::output_error;

/// One measured leg, as the route command has it.
pub struct RouteLeg {
    pub geometry: Vec<LatLon>,
    pub from: String,
    pub to: String,
    pub length: Length,
}

/// Writes `route-<first>-<last>.svg|png|geojson` and returns the paths written.
pub fn write(
    out: &OutArgs,
    legs: &[RouteLeg],
    mode: LegMode,
    schematic: bool,
) -> miette::Result<Vec<String>> {
    let (Some(first), Some(last)) = (legs.first(), legs.last()) else {
        return Ok(Vec::new());
    };
    let slug = |s: &str| -> String {
        let t: String = s
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        t.split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    };
    let id = format!("route-{}-{}", slug(&first.from), slug(&last.to));
    let mut scene = MapScene {
        title: format!("{} → {}", first.from, last.to),
        ..MapScene::default()
    };
    let mut export = ExportRoute {
        name: scene.title.clone(),
        ..ExportRoute::default()
    };
    let mut km = Length::ZERO;
    for (i, l) in legs.iter().enumerate() {
        let kind = if i == 0 {
            WaypointKind::Origin
        } else {
            WaypointKind::Stop
        };
        if let Some(p) = l.geometry.first() {
            scene.waypoints.push(ScenePoint {
                name: l.from.clone(),
                kind,
                at: *p,
                km_from_start: Some(km),
            });
            export.waypoints.push(ExportWaypoint {
                name: l.from.clone(),
                kind: "waypoint".into(),
                at: *p,
                km_from_start: km,
                time_range: None,
            });
        }
        scene.legs.push(SceneLeg {
            mode,
            points: l.geometry.clone(),
            schematic,
            label: format!("{} → {}", l.from, l.to),
        });
        export.legs.push(ExportLeg {
            mode,
            points: l.geometry.clone(),
            length: l.length,
            km_from: km,
            km_to: km + l.length,
            schematic,
            time_range: None,
        });
        km = km + l.length;
    }
    if let Some(p) = last.geometry.last() {
        scene.waypoints.push(ScenePoint {
            name: last.to.clone(),
            kind: WaypointKind::Destination,
            at: *p,
            km_from_start: Some(km),
        });
        export.waypoints.push(ExportWaypoint {
            name: last.to.clone(),
            kind: "waypoint".into(),
            at: *p,
            km_from_start: km,
            time_range: None,
        });
    }
    scene.subtitle = format!(
        "{km} ({})",
        if schematic {
            "railway km posts; line drawn between stations"
        } else {
            mode.word()
        }
    );
    let svg = render::svg(&scene, &MapOptions::default())
        .map_err(|e| miette::miette!("cannot draw the map: {e}"))?;
    let png =
        render::png::rasterise(&svg).map_err(|e| miette::miette!("cannot draw the map: {e}"))?;
    let files = [
        (format!("{id}.svg"), svg.into_bytes()),
        (format!("{id}.png"), png),
        (
            format!("{id}.geojson"),
            export::geojson(&export).into_bytes(),
        ),
    ];
    let mut dir = OutputDir::open(&out.out, out.force).map_err(output_error)?;
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    dir.check(&names).map_err(output_error)?;
    files
        .iter()
        .map(|(n, b)| {
            dir.write(n, b)
                .map(|p| p.display().to_string())
                .map_err(output_error)
        })
        .collect()
}
