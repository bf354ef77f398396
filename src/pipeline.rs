//! The whole pipeline for one story, one way: [`Story`] → [`route::build`] → [`Route`] →
//! [`claims::check_all`] → [`Outcome`]. The report, the map, the chart and the exports all
//! read the one `Outcome`; none of them computes geography, times or verdicts of its own.
//!
//! ```no_run
//! use routecheck::{pipeline::Pipeline, story::Story};
//! let pipeline = Pipeline::new().unwrap();
//! let story = Story::load(std::path::Path::new("data/stories/kim-jong-un-train-2023-09.toml")).unwrap();
//! let outcome = pipeline.check(&story).unwrap();
//! for c in &outcome.claims {
//!     println!("{}: {}", c.id, c.verdict);
//! }
//! ```

use crate::claims::{self, Checked};
use crate::error::Result;
use crate::gazetteer::Gazetteer;
use std::sync::Arc;

use crate::route::crossings::LineIndex;
use crate::route::{self, Route, RouteOptions};
use crate::story::Story;

/// The data a check needs (gazetteer, rail networks, options), loaded once and reused
/// across stories, from any number of threads.
///
/// The geographic indexes are built once per `Pipeline`: the gazetteer's own (name and
/// position indexes) at the first check, and the R-tree of every river and land border segment
/// that crossings are found in at the second. A batch of a thousand stories reads the basemap
/// once, not a thousand times; a single story reads only the lines near its route, which
/// costs a tenth of indexing the world's (the crossings are the same either way).
pub struct Pipeline {
    /// The places waypoints resolve against (the bundled gazetteer by default). Rivers added
    /// after the first check are not in the crossings index: add places before checking.
    pub gazetteer: Gazetteer,
    /// How legs are measured: the default speed range and the rail network to route on.
    pub options: RouteOptions,
    /// The rivers and borders of the world, indexed at the second check.
    lines: std::sync::OnceLock<std::result::Result<Arc<LineIndex>, crate::geodata::Error>>,
    /// Whether a check has started: the first one reads the lines near its route instead.
    started: std::sync::atomic::AtomicBool,
}

/// A checked story: its route and every claim's verdict.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The story as it was checked.
    pub story: Story,
    /// The resolved waypoints, measured legs, crossings and event times.
    pub route: Route,
    /// Every claim of the story with its verdict, in the story's order.
    pub claims: Vec<Checked>,
}

impl Outcome {
    /// True when a claim is off or contradicts another (exit code 1).
    pub fn fails(&self) -> bool {
        self.claims.iter().any(|c| c.verdict.fails())
    }
}

impl Pipeline {
    /// Routes rail legs on `net` (a `--rail` file) and lets its named stations join the
    /// gazetteer for this run, as places whose source says they came from that file: a story
    /// naming "Pasila" then finds the station in the file.
    pub fn use_rail(&mut self, net: crate::network::RailNetwork, file: &str) {
        use crate::gazetteer::{Place, PlaceGeometry, PlaceKind, Source};
        let places = net
            .stations()
            .iter()
            .map(|s| {
                let id = match s.osm_node {
                    Some(n) => format!("node/{n}"),
                    None => format!("{:.6},{:.6}", s.at.lat, s.at.lon),
                };
                Place {
                    id: format!("rail-file:{id}"),
                    name: s.name.clone(),
                    aliases: s.other_names.clone(),
                    kind: PlaceKind::Station,
                    country: None,
                    admin1: None,
                    admin1_name: None,
                    geometry: PlaceGeometry::Point(s.at),
                    population: None,
                    tz: None,
                    source: Source {
                        dataset: format!("OpenStreetMap station in the --rail file {file} (ODbL)"),
                        id,
                    },
                }
            })
            .collect();
        self.gazetteer.add_places(places);
        self.options.rail = Some(std::sync::Arc::new(net));
    }

    /// Loads the bundled data.
    pub fn new() -> Result<Pipeline> {
        Ok(Pipeline {
            gazetteer: Gazetteer::load_default()?,
            options: RouteOptions::default(),
            lines: std::sync::OnceLock::new(),
            started: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Resolves, routes and checks one story.
    pub fn check(&self, story: &Story) -> Result<Outcome> {
        let first = !self
            .started
            .swap(true, std::sync::atomic::Ordering::Relaxed);
        let route = match &self.options.lines {
            Some(_) => route::build(story, &self.gazetteer, &self.options)?,
            None if first && self.lines.get().is_none() => {
                route::build(story, &self.gazetteer, &self.options)?
            }
            None => {
                let lines = self
                    .lines
                    .get_or_init(|| route::crossed::world_lines(&self.gazetteer).map(Arc::new))
                    .clone()
                    .map_err(route::Error::from)?;
                let options = RouteOptions {
                    lines: Some(lines),
                    ..self.options.clone()
                };
                route::build(story, &self.gazetteer, &options)?
            }
        };
        let claims = claims::check_all(story, &route);
        Ok(Outcome {
            story: story.clone(),
            route,
            claims,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 18: crossings found in the world index built once are the crossings found by
    /// reading the lines near each route afresh, for stories over rivers and borders.
    #[test]
    fn regression_issue_18_shared_line_index_finds_the_same_crossings() {
        let pipeline = Pipeline::new().unwrap();
        let stories = [
            crate::story::Story::parse(
                include_str!("../data/stories/kim-jong-un-train-2023-09.toml"),
                "kim.toml",
            )
            .unwrap(),
            crate::story::Story::parse(
                include_str!("../tests/stories/train-times-world-2013.toml"),
                "world.toml",
            )
            .unwrap(),
        ];
        // The first check reads the lines near its route; the world index is built at the second.
        pipeline.check(&stories[0]).unwrap();
        assert!(pipeline.lines.get().is_none());
        let mut total = 0;
        for story in &stories {
            let shared = pipeline.check(story).unwrap();
            let fresh = route::build(story, &pipeline.gazetteer, &RouteOptions::default()).unwrap();
            for (a, b) in shared.route.journeys.iter().zip(&fresh.journeys) {
                assert_eq!(a.crossings, b.crossings, "{}", story.meta.id);
                total += a.crossings.len();
            }
        }
        // The Kim story alone crosses the Taedong, the Tumen, the border and the Razdolnaya twice.
        assert!(total >= 5, "{total}");
        // The index is built once and shared.
        let first = pipeline.lines.get().unwrap().as_ref().unwrap().clone();
        pipeline.check(&stories[0]).unwrap();
        assert!(Arc::ptr_eq(
            &first,
            pipeline.lines.get().unwrap().as_ref().unwrap()
        ));
    }
}
