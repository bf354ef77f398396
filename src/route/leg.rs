//! One leg of a route: its geometry, its length and how that length was measured.

use std::time::Duration;

use super::Error;
use super::circuity::{self, Bounds};
use super::note::{Note, NoteKind};
use crate::coord::LatLon;
use crate::geodesy;
use crate::network::{self, RailNetwork, Waypoint};
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
    /// No line data covers the leg: its length is the geodesic through its waypoints, a hard
    /// lower bound, with the band where rail or road routes usually lie ([`Leg::bounds`]).
    Bounded,
    /// Along the user's own track geometry (`--rail FILE`), measured on the WGS84 ellipsoid.
    Track,
}

/// A stop a leg passes: its waypoint id (a label), display name, position, and the name a
/// railway may know it by (the resolved place's name; none for coordinates).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Stop {
    pub id: String,
    pub label: String,
    pub at: LatLon,
    pub network_name: Option<String>,
    /// The resolved place's country (ISO code), for the circuity figure.
    pub country: Option<String>,
}

/// A measured leg.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Leg {
    /// The id of the waypoint the leg starts at.
    pub from: String,
    /// The id of the waypoint the leg ends at.
    pub to: String,
    /// The ids of the waypoints it passes through, in order.
    pub via: Vec<String>,
    /// How the leg travels.
    pub mode: Mode,
    /// The leg's length by `measure`.
    pub length: Length,
    /// How `length` was obtained.
    pub measure: Measure,
    /// The railway lines a rail leg runs on, in travel order (empty for other legs).
    pub lines: Vec<String>,
    /// What is drawn: geodesic-densified for air and direct legs, through stations for rail.
    pub geometry: Vec<LatLon>,
    /// Geodesic length of `geometry` (equals `length` unless measured by chainage).
    pub geometry_length: Length,
    /// Distance from the start of the journey to this leg's start.
    pub km_start: Length,
    /// The speed range (slowest, fastest) the story gives the leg, or the default speed.
    pub speed: Option<(Speed, Speed)>,
    /// Time stopped at the end of the leg, if the story gives one.
    pub dwell: Option<Duration>,
    /// For a `Bounded` leg: the straight line (its `length`) and the usual band.
    pub bounds: Option<Bounds>,
    /// Where the length came from and what was assumed, for the report.
    pub notes: Vec<Note>,
    /// km marks of the via points and the end, consumed by the route builder.
    #[serde(skip)]
    pub(super) stop_marks: Vec<(String, Length)>,
}

impl Leg {
    /// Measures a leg through `stops` (its start, vias and end with positions). Rail legs go
    /// on `rail` (the user's track) or else the bundled line tables; there is no silent
    /// fallback to a straight line when neither covers them.
    pub(super) fn measure(
        spec: &LegSpec,
        stops: &[Stop],
        km_start: Length,
        default_speed: Option<(Speed, Speed)>,
        rail: Option<&RailNetwork>,
    ) -> Result<Leg, Error> {
        let (measured, bounds) = match spec.mode {
            Mode::Rail => match measure_rail(spec, stops, km_start, rail)? {
                Ok(m) => (m, None),
                Err(uncovered) => bounded(spec, stops, km_start, Some(uncovered))?,
            },
            Mode::Road => bounded(spec, stops, km_start, None)?,
            Mode::Air | Mode::Direct => (measure_geodesic(spec, stops, km_start), None),
        };
        let Measured {
            length,
            measure,
            lines,
            geometry,
            geometry_length,
            stop_marks,
            notes,
        } = measured;
        if length.as_m() <= 0.0 {
            return Err(Error::ZeroLength {
                from: spec.from.clone(),
                to: spec.to.clone(),
            });
        }
        Ok(Leg {
            from: spec.from.clone(),
            to: spec.to.clone(),
            via: spec.via.clone(),
            mode: spec.mode,
            length,
            measure,
            lines,
            geometry_length,
            geometry,
            km_start,
            speed: spec.speed.or(default_speed),
            dwell: spec.dwell,
            bounds,
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

/// The leg as the story's words say it travelled: a `direct` leg in a story whose text names
/// one surface mode (a train, a car) and no other is measured as that mode, since a straight
/// line is only a lower bound on a train's or a car's route, never the route. Returns the
/// spec to measure and the note that says so (none when the leg is kept as written).
pub(super) fn as_stated(
    spec: &LegSpec,
    stated: Option<&crate::story::StatedMode>,
) -> (LegSpec, Option<Note>) {
    let surface = stated.filter(|s| matches!(s.mode, Mode::Rail | Mode::Road));
    match surface {
        Some(s) if spec.mode == Mode::Direct => {
            let note = Note::new(
                NoteKind::Mode,
                format!(
                    "the leg is written `direct`, but the story says the trip was by {} (\"{}\" in its {}): a straight line is only a lower bound on a {} route, so the leg is measured as {}",
                    s.mode.as_str(),
                    s.word,
                    s.place,
                    s.mode.as_str(),
                    s.mode.as_str()
                ),
            );
            let mut stated = spec.clone();
            stated.mode = s.mode;
            (stated, Some(note))
        }
        _ => (spec.clone(), None),
    }
}

/// A measured leg's parts, before the leg is assembled.
struct Measured {
    length: Length,
    measure: Measure,
    lines: Vec<String>,
    geometry: Vec<LatLon>,
    geometry_length: Length,
    stop_marks: Vec<(String, Length)>,
    notes: Vec<Note>,
}

/// Air, direct and road legs: geodesics through the stops (densified for drawing).
fn measure_geodesic(spec: &LegSpec, stops: &[Stop], km_start: Length) -> Measured {
    let mut geometry: Vec<LatLon> = Vec::new();
    let mut stop_marks = Vec::new();
    let mut run = km_start;
    for (i, w) in stops.windows(2).enumerate() {
        let drawn = geodesy::densify(w[0].at, w[1].at, Length::km(10.0));
        if !geometry.is_empty() {
            geometry.pop();
        }
        geometry.extend(drawn);
        run = run + geodesy::distance(w[0].at, w[1].at);
        stop_marks.push((stops[i + 1].id.clone(), run));
    }
    let length = run - km_start;
    Measured {
        length,
        measure: Measure::Geodesic,
        lines: Vec::new(),
        geometry,
        geometry_length: length,
        stop_marks,
        notes: vec![Note::new(
            NoteKind::Measure,
            format!(
                "geodesic on the WGS84 ellipsoid ({} leg)",
                spec.mode.as_str()
            ),
        )],
    }
}

/// A rail or road leg that no line data covers: the geodesic through its stops is its length
/// (a lower bound), and the published circuity of the mode gives the band where the real
/// route usually lies. `uncovered` says why the rail network could not route it.
fn bounded(
    spec: &LegSpec,
    stops: &[Stop],
    km_start: Length,
    uncovered: Option<String>,
) -> Result<(Measured, Option<Bounds>), Error> {
    let straight = measure_geodesic(spec, stops, km_start);
    let length = straight.length;
    let table = circuity::table().map_err(|e| Error::Circuity(e.to_string()))?;
    // The country's own figure when the whole leg is in one country.
    let countries: Vec<Option<&str>> = stops.iter().map(|s| s.country.as_deref()).collect();
    let country = match countries.first() {
        Some(Some(c)) if countries.iter().all(|x| *x == Some(*c)) => Some(*c),
        _ => None,
    };
    let Some(f) = circuity::factor_for(table, spec.mode, country) else {
        return Ok((measure_geodesic(spec, stops, km_start), None));
    };
    let b = circuity::bound(length, f);
    let what = match spec.mode {
        Mode::Rail => "track",
        _ => "road",
    };
    let mut notes = Vec::new();
    if let Some(why) = uncovered {
        notes.push(Note::new(NoteKind::Estimate, why));
    }
    notes.push(Note::new(
        NoteKind::Estimate,
        format!(
            "the {what} is not known: {:.1} km is the straight line through the waypoints, a lower bound; {} routes are usually {:.2}–{:.2}× the straight line (published circuity, {} figure in data/circuity/circuity.toml), so about {:.0}–{:.0} km; routes round seas or through mountains can be longer",
            length.as_km(),
            spec.mode.as_str(),
            f.low,
            f.high,
            f.scope,
            b.band.0.as_km(),
            b.band.1.as_km()
        ),
    ));
    let measured = Measured {
        measure: Measure::Bounded,
        notes,
        ..straight
    };
    Ok((measured, Some(b)))
}

/// Rail legs: shortest path on the rail network through the stops. `Ok(Err(why))` when the
/// network does not cover a stop or does not join them (the leg is then bounded); `Err` for
/// a leg that cannot be measured at all.
fn measure_rail(
    spec: &LegSpec,
    stops: &[Stop],
    km_start: Length,
    rail: Option<&RailNetwork>,
) -> Result<Result<Measured, String>, Error> {
    let fail = |e: network::Error| match e {
        network::Error::ZeroLength { .. } => Error::ZeroLength {
            from: spec.from.clone(),
            to: spec.to.clone(),
        },
        e => Error::Rail {
            from: spec.from.clone(),
            to: spec.to.clone(),
            reason: e.to_string(),
        },
    };
    let net = match rail {
        Some(n) => n,
        None => RailNetwork::bundled().map_err(fail)?,
    };
    // Only the resolved place's name may choose a station: a story's id is a label.
    let waypoints: Vec<Waypoint> = stops
        .iter()
        .map(|s| Waypoint {
            name: s.network_name.clone().unwrap_or_default(),
            at: Some(s.at),
        })
        .collect();
    let r = match net.route(&waypoints) {
        Ok(r) => r,
        Err(network::Error::NoCoverage { nearest, .. }) => {
            // A line just out of reach is worth naming; one in another country is not.
            let near = nearest
                .filter(|(_, d)| d.as_km() < 100.0)
                .map(|(n, d)| format!(" (the nearest is {n}, {d} away)"))
                .unwrap_or_default();
            let data = if rail.is_some() {
                "the --rail file"
            } else {
                "the bundled line tables"
            };
            return Ok(Err(format!(
                "no railway line in {data} covers every stop of this leg{near}"
            )));
        }
        Err(network::Error::Unreachable { from, to }) => {
            return Ok(Err(format!(
                "the loaded railway lines do not join {from} and {to}"
            )));
        }
        Err(e) => return Err(fail(e)),
    };
    let mut run = km_start;
    let mut stop_marks = Vec::new();
    for (l, stop) in r.legs.iter().zip(stops.iter().skip(1)) {
        run = run + l.length;
        stop_marks.push((stop.id.clone(), run));
    }
    let mut lines: Vec<String> = r.legs.iter().flat_map(|l| l.lines.clone()).collect();
    lines.dedup();
    let (measure, mut notes) = match r.measure {
        network::Measure::Chainage => (
            Measure::Chainage,
            vec![
                Note::new(
                    NoteKind::Measure,
                    format!("railway km posts (chainage) along {}", lines.join(", ")),
                ),
                Note::new(
                    NoteKind::Measure,
                    format!(
                        "drawn line {:.1} km, schematic: straight between the stations the tables locate",
                        r.geometry_length.as_km()
                    ),
                ),
            ],
        ),
        network::Measure::Geometry => {
            let mut notes = vec![Note::new(
                NoteKind::Measure,
                "along the track in the --rail file, on the WGS84 ellipsoid",
            )];
            notes.extend(r.legs.iter().filter_map(posts_note));
            (Measure::Track, notes)
        }
    };
    for (w, stop) in r.waypoints.iter().zip(stops) {
        if let Some(node) = w.station_osm_node {
            notes.push(Note::new(
                NoteKind::Snap,
                format!(
                    "{}: the OpenStreetMap station {} (node {node}) in the --rail file, on the track beside it",
                    stop.label, w.matched
                ),
            ));
            continue;
        }
        // A stop found on the network at its own position is no choice; one moved further
        // than this is.
        if w.distance.as_m() > 500.0 {
            notes.push(Note::new(
                NoteKind::Snap,
                format!(
                    "{}: on the network at {} ({} away)",
                    stop.label, w.matched, w.distance
                ),
            ));
        }
    }
    Ok(Ok(Measured {
        length: r.length,
        measure,
        lines,
        geometry: r.geometry,
        geometry_length: r.geometry_length,
        stop_marks,
        notes,
    }))
}

/// The railway's own km posts a track leg passes (OpenStreetMap `railway:position`), set
/// beside the measured length: "km posts 10.0 → 11.0 (2 posts, railway:position) between
/// km 0.4 and 1.5 of A → B: the posts differ by 1.0 km over 1.1 km of track". Posts count only
/// along one line's numbering, so the difference is shown, not used as the measure.
fn posts_note(l: &network::RailLeg) -> Option<Note> {
    let (first, last) = (l.posts.first()?, l.posts.last()?);
    let text = if l.posts.len() == 1 {
        format!(
            "one km post on {} → {}: {:.3} (railway:position, node {}) at {:.1} km from the leg's start",
            l.from,
            l.to,
            first.km_post,
            first.osm_node,
            first.from_leg_start.as_km()
        )
    } else {
        format!(
            "km posts {:.3} → {:.3} ({} posts, railway:position) between km {:.1} and {:.1} of {} → {}: the posts differ by {:.3} km over {:.3} km of track; they measure one line's numbering only",
            first.km_post,
            last.km_post,
            l.posts.len(),
            first.from_leg_start.as_km(),
            last.from_leg_start.as_km(),
            l.from,
            l.to,
            (last.km_post - first.km_post).abs(),
            (last.from_leg_start - first.from_leg_start).as_km()
        )
    };
    Some(Note::new(NoteKind::Measure, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(mode: Mode, from: &str, to: &str, via: &[&str]) -> LegSpec {
        LegSpec {
            from: from.into(),
            to: to.into(),
            via: via.iter().map(|v| v.to_string()).collect(),
            mode,
            speed: None,
            dwell: None,
            line: 1,
        }
    }

    /// A stop resolved to a place of the same name as its id.
    fn stop(id: &str, lat: f64, lon: f64) -> Stop {
        Stop {
            id: id.to_string(),
            label: id.to_string(),
            at: LatLon { lat, lon },
            network_name: Some(id.to_string()),
            country: None,
        }
    }

    #[test]
    fn rail_legs_use_the_line_tables_chainage() {
        let stops = [
            stop("pyongyang", 39.0339, 125.7543),
            stop("tumangang", 42.4217, 130.6026),
        ];
        let leg = Leg::measure(
            &spec(Mode::Rail, "pyongyang", "tumangang", &[]),
            &stops,
            Length::ZERO,
            None,
            None,
        )
        .unwrap();
        assert_eq!(leg.measure, Measure::Chainage);
        // 800.2 (P'yŏngra) + 42.6 (Hambuk) + 9.5 (Hongŭi Line).
        assert!(
            (leg.length.as_km() - 852.3).abs() < 1e-6,
            "{}",
            leg.length.as_km()
        );
        assert!(leg.geometry_length < leg.length);
        assert!(
            leg.notes[0].text.contains("P'yŏngra Line"),
            "{:?}",
            leg.notes
        );
    }

    #[test]
    fn a_via_point_off_the_tables_snaps_to_the_nearest_station_and_says_so() {
        let stops = [
            stop("tumangang", 42.4217, 130.6026),
            stop("bridge", 42.4211, 130.6322),
            stop("khasan", 42.428, 130.645),
        ];
        let leg = Leg::measure(
            &spec(Mode::Rail, "tumangang", "khasan", &["bridge"]),
            &stops,
            Length::km(852.3),
            None,
            None,
        )
        .unwrap();
        assert!((leg.length.as_km() - 5.0).abs() < 1e-9);
        assert_eq!(leg.stop_marks.len(), 2);
        assert!((leg.stop_marks[1].1.as_km() - 857.3).abs() < 1e-9);
        assert!(
            leg.notes
                .iter()
                .any(|n| n.text.starts_with("bridge: on the network at Khasan")),
            "{:?}",
            leg.notes
        );
    }

    /// Issue 13: a rail leg no line data covers is bounded, not refused and not a route.
    #[test]
    fn rail_legs_outside_the_tables_are_bounded() {
        let stops = [stop("paris", 48.8566, 2.3522), stop("lyon", 45.764, 4.8357)];
        let leg = Leg::measure(
            &spec(Mode::Rail, "paris", "lyon", &[]),
            &stops,
            Length::ZERO,
            None,
            None,
        )
        .unwrap();
        assert_eq!(leg.measure, Measure::Bounded);
        let straight = geodesy::distance(stops[0].at, stops[1].at);
        assert_eq!(leg.length, straight);
        let b = leg.bounds.as_ref().unwrap();
        assert_eq!(b.straight, straight);
        assert!(b.band.0 >= straight && b.band.1 > b.band.0, "{b:?}");
        assert!(
            leg.notes
                .iter()
                .any(|n| n.kind == NoteKind::Estimate && n.text.contains("lower bound")),
            "{:?}",
            leg.notes
        );
    }

    #[test]
    fn rail_legs_follow_a_users_track_when_given() {
        let track =
            r#"{"type":"LineString","coordinates":[[2.3522,48.8566],[3.5,47.5],[4.8357,45.764]]}"#;
        let net = RailNetwork::from_geojson(track).unwrap();
        let stops = [stop("paris", 48.8566, 2.3522), stop("lyon", 45.764, 4.8357)];
        let leg = Leg::measure(
            &spec(Mode::Rail, "paris", "lyon", &[]),
            &stops,
            Length::ZERO,
            None,
            Some(&net),
        )
        .unwrap();
        assert_eq!(leg.measure, Measure::Track);
        let want = geodesy::path_length(&[
            stops[0].at,
            LatLon {
                lat: 47.5,
                lon: 3.5,
            },
            stops[1].at,
        ]);
        assert!((leg.length.as_m() - want.as_m()).abs() < 0.01);
        let air = Leg::measure(
            &spec(Mode::Air, "paris", "lyon", &[]),
            &stops,
            Length::ZERO,
            None,
            None,
        )
        .unwrap();
        assert_eq!(air.measure, Measure::Geodesic);
        assert!(air.length < leg.length);
    }
}
