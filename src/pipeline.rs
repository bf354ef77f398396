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
use crate::route::{self, Route, RouteOptions};
use crate::story::Story;

/// The data a check needs (gazetteer, rail networks, options), loaded once and reused
/// across stories.
pub struct Pipeline {
    /// The places waypoints resolve against (the bundled gazetteer by default).
    pub gazetteer: Gazetteer,
    /// How legs are measured: the default speed range and the rail network to route on.
    pub options: RouteOptions,
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
        })
    }

    /// Resolves, routes and checks one story.
    pub fn check(&self, story: &Story) -> Result<Outcome> {
        let route = route::build(story, &self.gazetteer, &self.options)?;
        let claims = claims::check_all(story, &route);
        Ok(Outcome {
            story: story.clone(),
            route,
            claims,
        })
    }
}
