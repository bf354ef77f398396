//! One leg of a route: its geometry, its length and how that length was measured.

use std::time::Duration;

use super::Error;
use crate::coord::LatLon;
use crate::geodesy;
use crate::story::{LegSpec, Mode};
use crate::units::{Length, Speed};

/// How a leg's length was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The railways' own km posts (chainage) from line tables.
    Chainage,
    /// The geodesic on the WGS84 ellipsoid (air and direct legs).
    Geodesic,
    /// Geodesic segments through the waypoints in order: a stand-in where no line data covers
    /// the leg; shorter than the real track.
    Schematic,
}

/// A measured leg.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Leg {
    pub from: String,
    pub to: String,
    pub via: Vec<String>,
    pub mode: Mode,
    /// The leg's length by `measure`.
    pub length: Length,
    pub measure: Measure,
    /// What is drawn: geodesic-densified for air and direct legs, through stations for rail.
    pub geometry: Vec<LatLon>,
    /// Geodesic length of `geometry` (equals `length` unless measured by chainage).
    pub geometry_length: Length,
    /// Distance from the start of the journey to this leg's start.
    pub km_start: Length,
    pub speed: Option<(Speed, Speed)>,
    pub dwell: Option<Duration>,
    /// Where the length came from, in words, for the report.
    pub notes: Vec<String>,
    /// km marks of the via points and the end, consumed by the route builder.
    #[serde(skip)]
    pub(super) stop_marks: Vec<(String, Length)>,
}

impl Leg {
    /// Measures a leg through `stops` (its start, vias and end with positions).
    pub(super) fn measure(
        spec: &LegSpec,
        stops: &[(String, LatLon)],
        km_start: Length,
        default_speed: Option<(Speed, Speed)>,
    ) -> Result<Leg, Error> {
        let points: Vec<LatLon> = stops.iter().map(|s| s.1).collect();
        let mut geometry = Vec::new();
        let mut stop_marks = Vec::new();
        let mut run = km_start;
        for (i, w) in points.windows(2).enumerate() {
            let seg = geodesy::distance(w[0], w[1]);
            let drawn = match spec.mode {
                Mode::Air | Mode::Direct | Mode::Road => {
                    geodesy::densify(w[0], w[1], Length::km(10.0))
                }
                Mode::Rail => vec![w[0], w[1]],
            };
            if !geometry.is_empty() {
                geometry.pop();
            }
            geometry.extend(drawn);
            run = run + seg;
            stop_marks.push((stops[i + 1].0.clone(), run));
        }
        let length = run - km_start;
        if length.as_m() <= 0.0 {
            return Err(Error::ZeroLength {
                from: spec.from.clone(),
                to: spec.to.clone(),
            });
        }
        let (measure, notes) = match spec.mode {
            Mode::Rail => (
                Measure::Schematic,
                vec!["schematic: geodesic segments through the waypoints; no line table covers this leg".to_string()],
            ),
            Mode::Air | Mode::Direct => (Measure::Geodesic, vec!["geodesic on the WGS84 ellipsoid".to_string()]),
            Mode::Road => (Measure::Schematic, vec!["schematic: geodesic through the waypoints (no road network)".to_string()]),
        };
        Ok(Leg {
            from: spec.from.clone(),
            to: spec.to.clone(),
            via: spec.via.clone(),
            mode: spec.mode,
            length,
            measure,
            geometry_length: length,
            geometry,
            km_start,
            speed: spec.speed.or(default_speed),
            dwell: spec.dwell,
            notes,
            stop_marks,
        })
    }

    /// Time to travel the leg at its slowest and fastest speed (fastest first), if it has one.
    pub fn time_range(&self) -> Option<(Duration, Duration)> {
        let (lo, hi) = self.speed?;
        Some((self.length / hi, self.length / lo))
    }
}
