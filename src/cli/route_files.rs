//! The map and GeoJSON of a `routecheck route` answer.

use routecheck::coord::LatLon;
use routecheck::export::{self, ExportLeg, ExportRoute, ExportWaypoint};
use routecheck::render::{self, LegMode, MapOptions, MapScene, SceneLeg, ScenePoint, WaypointKind};
use routecheck::story::slug;
use routecheck::units::Length;

use super::OutArgs;
use super::files::{CHECK_FORMATS, image_files, open_out, write_all};

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
    let id = format!("route-{}-{}", slug(&first.from), slug(&last.to)).to_lowercase();
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
            mode.as_str()
        }
    );
    let mut files = image_files(&id, &CHECK_FORMATS, || {
        render::svg(&scene, &MapOptions::default())
    })?;
    files.push((
        format!("{id}.geojson"),
        export::geojson(&export).into_bytes(),
    ));
    let mut dir = open_out(out)?;
    Ok(write_all(&mut dir, &files)?
        .iter()
        .map(|p| p.display().to_string())
        .collect())
}
