//! The whole pipeline for one story: resolve the waypoints, build the route, check the claims.
//!
//! ```no_run
//! use routecheck::{checker::Checker, story::Story};
//! let checker = Checker::new().unwrap();
//! let story = Story::load(std::path::Path::new("data/stories/kim-jong-un-train-2023-09.toml")).unwrap();
//! let outcome = checker.check(&story).unwrap();
//! for c in &outcome.claims {
//!     println!("{}: {:?}", c.id, c.verdict);
//! }
//! ```

mod chart;
mod crossings;

pub use chart::chart;
pub use crossings::add_crossings;

use crate::claims::{self, Checked};
use crate::error::Result;
use crate::gazetteer::Gazetteer;
use crate::route::{self, Route, RouteOptions};
use crate::story::Story;

/// The data a check needs, loaded once and reused across stories.
pub struct Checker {
    pub gazetteer: Gazetteer,
    pub options: RouteOptions,
}

/// A checked story: its route and every claim's verdict.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub story: Story,
    pub route: Route,
    pub claims: Vec<Checked>,
}

impl Outcome {
    /// True when a claim is off or contradicts another (exit code 1).
    pub fn fails(&self) -> bool {
        self.claims.iter().any(|c| c.verdict.fails())
    }
}

impl Checker {
    /// Loads the bundled data.
    pub fn new() -> Result<Checker> {
        Ok(Checker {
            gazetteer: Gazetteer::load_default()?,
            options: RouteOptions::default(),
        })
    }

    /// Resolves, routes and checks one story.
    pub fn check(&self, story: &Story) -> Result<Outcome> {
        let waypoints = route::resolve_waypoints(story, &self.gazetteer)?;
        // An article with only unit conversions has nothing to route; its claims still run.
        let mut route = if story.legs.is_empty() && waypoints.is_empty() && !story.claims.is_empty()
        {
            Route {
                waypoints,
                journeys: Vec::new(),
            }
        } else {
            Route::build(story, waypoints, &self.options)?
        };
        add_crossings(&mut route, &self.gazetteer);
        let claims = claims::check_all(story, &route);
        Ok(Outcome {
            story: story.clone(),
            route,
            claims,
        })
    }
}
