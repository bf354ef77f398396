//! `routecheck route A B C… [--mode rail|direct] [--speed 40-60km/h] [--depart TIME] [--rail FILE] [--json]`:
//! the route through places in order, measured by the same pipeline as `check`.
//!
//! The places become a story held in memory (one waypoint per place, a leg between each
//! consecutive pair, `--speed` as the legs' speed, `--depart` as an event at the first place),
//! and [`route::build`](routecheck::route::build) resolves, measures, crosses and times it.
//! What is printed, and the map and GeoJSON written, are read from that one route.

use std::path::PathBuf;
use std::time::Duration;

use clap::ValueEnum;
use miette::Report;

use routecheck::coord::LatLon;
use routecheck::gazetteer::{Gazetteer, Query};
use routecheck::network::RailNetwork;

use routecheck::pipeline::{Outcome, Pipeline};
use routecheck::route::timing::{SpeedRange, TimeWindow};
use routecheck::route::{self, Leg, Measure, Note, NoteKind, TimeSource};
use routecheck::story::{Event, LegSpec, Meta, Mode, Story, Waypoint, slug};
use routecheck::units::{Length, Speed, format_duration, parse_speed};

use super::json_out;

/// How the route travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RouteMode {
    /// By rail: the bundled railway line tables, or the track in --rail FILE.
    Rail,
    /// The geodesic between consecutive places.
    Direct,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Writes the route's map (SVG, PNG) and GeoJSON into the folder output/ (--out DIR to choose, --no-map for none); the route goes to standard output, the \"wrote …\" line to standard error."
)]
pub struct Args {
    /// Places in travel order (two or more): names or "lat, lon" ("-33.9,18.4" as typed).
    #[arg(required = true, num_args = 2..)]
    pub places: Vec<String>,
    /// How to travel.
    #[arg(long, value_enum, default_value = "rail")]
    pub mode: RouteMode,
    /// Speed or speed range for travel times, e.g. "60 km/h" or "40-60 km/h".
    #[arg(long)]
    pub speed: Option<String>,
    /// Local departure time at the first place, e.g. "2023-09-10T15:00".
    #[arg(long, value_name = "TIME")]
    pub depart: Option<String>,
    /// IANA time zone of --depart and the arrival times (default: UTC).
    #[arg(long, value_name = "ZONE", default_value = "UTC")]
    pub tz: String,
    /// Route rail legs on this track instead of the bundled line tables: an OpenStreetMap
    /// extract (.osm.pbf), OSM XML, Overpass JSON, GeoJSON LineStrings or a compiled .rail.
    #[arg(long, value_name = "FILE")]
    pub rail: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Don't write the map and GeoJSON.
    #[arg(long)]
    pub no_map: bool,
    #[command(flatten)]
    pub out: super::OutArgs,
}

/// The id of the `--depart` event in the story built from the arguments.
const DEPART: &str = "depart";

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let mut pipeline = Pipeline::new().map_err(Report::new)?;
    if let Some(path) = &a.rail {
        pipeline.use_rail(load_rail(path)?, &path.display().to_string());
    }
    let speed = match &a.speed {
        Some(s) => Some(speed_range(s)?),
        None => None,
    };
    let depart = match (&a.depart, speed) {
        (Some(t), Some(_)) => {
            Some(TimeWindow::at(t, &a.tz).map_err(|e| miette::miette!("--depart: {e}"))?)
        }
        (Some(_), None) => {
            return Err(miette::miette!(
                help = "add --speed, e.g. --speed \"40-60 km/h\"",
                "--depart needs --speed to work out arrival times"
            ));
        }
        (None, _) => None,
    };
    let (story, station_notes) = story_of(&a, &pipeline.gazetteer, speed, depart.as_ref())?;
    let mut c = pipeline
        .check(&story)
        .map_err(|e| explain(e, a.rail.is_some()))?;
    // The CLI placed these names at line-table stations: say so on the waypoints.
    for (w, note) in c.route.waypoints.iter_mut().zip(station_notes) {
        if let Some(n) = note {
            w.notes.insert(0, n);
        }
    }
    let arrival = depart.as_ref().and_then(|_| arrival(&c, &a.tz));
    let text = if a.json {
        json(&a, &c, speed, arrival.as_ref())
    } else {
        text(&c, speed, arrival.as_ref())
    };
    if !a.no_map {
        let scene = super::files::scene_of(&c, &pipeline.gazetteer);
        let opt = routecheck::render::MapOptions::default();
        let files = super::files::map_files(&c, &scene, &super::files::CHECK_FORMATS, &opt)?;
        let mut dir = super::files::open_out(&a.out)?;
        super::check::write_files(&mut dir, &files, &c.story.path)?;
    }
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}

/// Reads a `--rail FILE` network: .osm.pbf, OSM XML, Overpass JSON, GeoJSON or compiled .rail.
pub fn load_rail(path: &std::path::Path) -> miette::Result<RailNetwork> {
    super::rail::load(path).map(|(net, _)| net)
}

/// `--speed` text as a validated range.
fn speed_range(s: &str) -> miette::Result<(Speed, Speed)> {
    let (lo, hi) = parse_speed(s).map_err(|e| miette::miette!("--speed \"{s}\": {e}"))?;
    let v = SpeedRange::new(lo, hi).map_err(|e| miette::miette!("--speed \"{s}\": {e}"))?;
    Ok((v.low, v.high))
}

/// The places as a story: one waypoint each (ids are the places as typed, made unique), one
/// leg per consecutive pair, and the departure as an event at the first place. Also returns,
/// per waypoint, the note for a name placed at a line-table station.
fn story_of(
    a: &Args,
    gaz: &Gazetteer,
    speed: Option<(Speed, Speed)>,
    depart: Option<&TimeWindow>,
) -> miette::Result<(Story, Vec<Option<Note>>)> {
    let mut waypoints: Vec<Waypoint> = Vec::with_capacity(a.places.len());
    let mut notes = Vec::with_capacity(a.places.len());
    for text in &a.places {
        let id = unique_id(text.trim(), &waypoints);
        let mut w = Waypoint {
            id,
            place: None,
            at: None,
            name: None,
            country: None,
            kind: None,
            airport: None,
            // Not read from a file: no line to point at.
            line: 0,
        };
        let mut note = None;
        if super::places::is_coordinates(text) {
            let at = text
                .parse::<LatLon>()
                .map_err(|e| miette::miette!("\"{text}\": {e}"))?;
            w.name = Some(at.to_string());
            w.at = Some(at);
        } else if let Some((station, at, n)) = table_station(a, gaz, text) {
            w.name = Some(station);
            w.at = Some(at);
            note = Some(n);
        } else {
            w.place = Some(text.clone());
        }
        waypoints.push(w);
        notes.push(note);
    }
    let mode = match a.mode {
        RouteMode::Rail => Mode::Rail,
        RouteMode::Direct => Mode::Direct,
    };
    let legs = waypoints
        .windows(2)
        .map(|w| LegSpec {
            from: w[0].id.clone(),
            to: w[1].id.clone(),
            via: Vec::new(),
            mode,
            speed,
            dwell: None,
            line: 0,
        })
        .collect();
    let events = match (depart, waypoints.first()) {
        (Some(t), Some(first)) => {
            let local = t.earliest.datetime();
            vec![Event {
                id: DEPART.into(),
                at: first.id.clone(),
                what: "departure (--depart)".into(),
                earliest: local,
                latest: local,
                tz: Some(a.tz.clone()),
                source: None,
                line: 0,
            }]
        }
        _ => Vec::new(),
    };
    let first = a.places.first().map(String::as_str).unwrap_or_default();
    let last = a.places.last().map(String::as_str).unwrap_or_default();
    let title = a
        .places
        .iter()
        .map(|p| p.trim())
        .collect::<Vec<_>>()
        .join(" → ");
    let story = Story {
        path: "the route command line".into(),
        meta: Meta {
            id: format!("route-{}-{}", slug(first), slug(last)).to_lowercase(),
            title,
            subtitle: None,
            sources: Vec::new(),
        },
        waypoints,
        legs,
        events,
        claims: Vec::new(),
    };
    Ok((story, notes))
}

/// `text` as a waypoint id, with " (2)", " (3)", … when the same place comes again (a round
/// trip): ids are labels and must differ.
fn unique_id(text: &str, taken: &[Waypoint]) -> String {
    let used = |id: &str| taken.iter().any(|w| w.id == id);
    if !used(text) {
        return text.to_string();
    }
    (2..)
        .map(|n| format!("{text} ({n})"))
        .find(|id| !used(id))
        .unwrap_or_default()
}

/// By rail on the bundled line tables, a name the gazetteer does not know (or knows only as
/// a place more than the tables' snapping distance from the station of that name, so that
/// routing would fail) is placed at the station's own position, with a note saying so.
fn table_station(a: &Args, gaz: &Gazetteer, text: &str) -> Option<(String, LatLon, Note)> {
    if a.mode != RouteMode::Rail || a.rail.is_some() {
        return None;
    }
    let station = RailNetwork::bundled().ok()?.station(text)?;
    let at = station.at?;
    let looked = text.parse::<Query>().map(|q| gaz.resolve(&q));
    let why = match looked {
        Ok(Ok(r)) => {
            let d = routecheck::geodesy::distance(r.place.anchor(), at);
            if d <= RailNetwork::TABLE_TOLERANCE {
                return None;
            }
            format!(
                "\"{text}\" is the station {} of the bundled line tables, at {at}; the gazetteer's place of that name ({}, {}) is {d} away, so the station is used",
                station.name,
                r.place.name,
                r.place.country.as_deref().unwrap_or("no country"),
            )
        }
        _ => format!(
            "\"{text}\" is not in the gazetteer; it is the station {} of the bundled line tables, placed at the station's position {at}",
            station.name
        ),
    };
    Some((station.name, at, Note::new(NoteKind::Station, why)))
}

/// A pipeline error, said in the words of this command (its places and options, not a
/// story file's lines and fields).
fn explain(e: routecheck::Error, own_track: bool) -> Report {
    match e {
        routecheck::Error::Route(route::Error::Place { source, .. }) => Report::new(source),
        routecheck::Error::Route(route::Error::Rail { reason, .. }) if own_track => {
            miette::miette!(
                help = "give a --rail file whose track reaches every place, or measure the route with --mode direct",
                "{reason}"
            )
        }
        routecheck::Error::Route(route::Error::Rail { reason, .. }) => miette::miette!(
            help = "load real track with --rail FILE (GeoJSON), or measure the route with --mode direct",
            "{reason}"
        ),
        routecheck::Error::Route(route::Error::ZeroLength { from, to }) => miette::miette!(
            help = "give two different places in a row",
            "{from} → {to} has zero length: both places are at the same position"
        ),
        e => Report::new(e),
    }
}

/// The route's legs, in order (every consecutive pair of places continues the one journey,
/// unless a leg could not join it).
fn legs(c: &Outcome) -> impl Iterator<Item = &Leg> {
    c.route.journeys.iter().flat_map(|j| &j.legs)
}

fn name<'a>(c: &'a Outcome, id: &'a str) -> &'a str {
    c.route.waypoint(id).map_or(id, |w| w.name.as_str())
}

/// How the legs were measured, in words.
fn measure_words(c: &Outcome) -> String {
    let mut words: Vec<&str> = legs(c)
        .map(|l| match l.measure {
            Measure::Chainage => "railway km posts (chainage) from the bundled line tables",
            Measure::Track => "the track in the --rail file, on the WGS84 ellipsoid",
            Measure::Geodesic => "the geodesic on the WGS84 ellipsoid",
            Measure::Bounded => {
                "the straight line through the places, a lower bound (no line data)"
            }
        })
        .collect();
    words.dedup();
    words.join("; ")
}

fn total(c: &Outcome) -> Length {
    legs(c).map(|l| l.length).sum()
}

fn drawn(c: &Outcome) -> Length {
    legs(c).map(|l| l.geometry_length).sum()
}

fn schematic(c: &Outcome) -> bool {
    legs(c).any(|l| l.measure == Measure::Chainage)
}

/// Travel time over all legs at the `--speed` range: (fastest, slowest).
fn travel_time(c: &Outcome) -> Option<(Duration, Duration)> {
    legs(c).try_fold((Duration::ZERO, Duration::ZERO), |(lo, hi), l| {
        let (fast, slow) = l.time_range()?;
        Some((lo.saturating_add(fast), hi.saturating_add(slow)))
    })
}

/// Every note, with what it is about (a place or a leg), in route order, each once.
fn all_notes(c: &Outcome) -> Vec<(String, &Note)> {
    let mut v: Vec<(String, &Note)> = Vec::new();
    for w in &c.route.waypoints {
        v.extend(w.notes.iter().map(|n| (w.name.clone(), n)));
    }
    for l in legs(c) {
        let on = format!("{} → {}", name(c, &l.from), name(c, &l.to));
        v.extend(l.notes.iter().map(|n| (on.clone(), n)));
    }
    v
}

/// When the route reaches each place after the first, from the departure and the speeds.
struct Reached {
    waypoint: String,
    window: TimeWindow,
    source: TimeSource,
}

/// The departure and the arrival at each later place, in the `--tz` zone, to the minute.
struct Arrival {
    depart: jiff::ZonedDateTime,
    marks: Vec<Reached>,
}

fn arrival(c: &Outcome, tz: &str) -> Option<Arrival> {
    let zone = jiff::tz::TimeZone::get(tz).ok()?;
    let to_minute = |t: &jiff::ZonedDateTime| {
        let t = t.with_time_zone(zone.clone());
        t.round(jiff::Unit::Minute).unwrap_or(t)
    };
    let times: Vec<_> = c.route.journeys.iter().flat_map(|j| &j.times).collect();
    let depart = to_minute(&times.first()?.window.earliest);
    let marks = times
        .iter()
        .skip(1)
        .map(|m| Reached {
            waypoint: m.waypoint.clone(),
            window: TimeWindow {
                earliest: to_minute(&m.window.earliest),
                latest: to_minute(&m.window.latest),
            },
            source: m.source,
        })
        .collect();
    Some(Arrival { depart, marks })
}

fn text(c: &Outcome, speed: Option<(Speed, Speed)>, arrival: Option<&Arrival>) -> String {
    let mut s = String::new();
    let names: Vec<&str> = c.route.waypoints.iter().map(|w| w.name.as_str()).collect();
    s.push_str(&format!("{}\n", names.join(" → ")));
    for w in &c.route.waypoints {
        for n in &w.notes {
            s.push_str(&format!("  {}{}: {n}\n", warn(n), w.name));
        }
    }
    for l in legs(c) {
        s.push_str(&format!(
            "  {} → {}: {:.1} km\n",
            name(c, &l.from),
            name(c, &l.to),
            l.length.as_km()
        ));
        for n in &l.notes {
            s.push_str(&format!("      {}{n}\n", warn(n)));
        }
    }
    s.push_str(&format!(
        "  total {:.1} km by {}\n",
        total(c).as_km(),
        measure_words(c)
    ));
    if schematic(c) {
        s.push_str(&format!(
            "  drawn line {:.1} km (schematic: straight between stations)\n",
            drawn(c).as_km()
        ));
    }
    for x in c.route.crossings() {
        s.push_str(&format!("  {x}\n"));
    }
    if let (Some((lo, hi)), Some((fast, slow))) = (speed, travel_time(c)) {
        s.push_str(&format!(
            "  at {:.0}–{:.0} km/h: {} to {}\n",
            lo.as_kmh(),
            hi.as_kmh(),
            format_duration(fast),
            format_duration(slow)
        ));
    }
    if let Some(t) = arrival {
        s.push_str(&format!("  depart {}\n", t.depart));
        let (last, before) = match t.marks.split_last() {
            Some((l, b)) => (Some(l), b),
            None => (None, &[][..]),
        };
        for m in before {
            s.push_str(&format!(
                "  reach {} between {} and {}{}\n",
                name(c, &m.waypoint),
                m.window.earliest,
                m.window.latest,
                estimate(m.source)
            ));
        }
        if let Some(m) = last {
            s.push_str(&format!(
                "  arrive between {} and {}{}\n",
                m.window.earliest,
                m.window.latest,
                estimate(m.source)
            ));
        }
    }
    s
}

fn warn(n: &Note) -> &'static str {
    if n.kind.is_warning() { "check: " } else { "" }
}

fn estimate(source: TimeSource) -> &'static str {
    match source {
        TimeSource::Estimate => " (estimate from the departure and --speed)",
        TimeSource::Story => "",
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn json(a: &Args, c: &Outcome, speed: Option<(Speed, Speed)>, arrival: Option<&Arrival>) -> String {
    let time = speed.and(travel_time(c));
    let last = arrival.and_then(|t| t.marks.last());
    let v = serde_json::json!({
        "schema": json_out::ROUTE,
        "mode": match a.mode { RouteMode::Rail => "rail", RouteMode::Direct => "direct" },
        "measure": measure_words(c),
        "schematic": schematic(c),
        "length_km": round3(total(c).as_km()),
        "drawn_length_km": round3(drawn(c).as_km()),
        "legs": legs(c).map(|l| serde_json::json!({
            "from": name(c, &l.from), "to": name(c, &l.to),
            "length_km": round3(l.length.as_km()),
            "drawn_length_km": round3(l.geometry_length.as_km()),
            "lines": l.lines,
            "geometry": json_out::lines(std::slice::from_ref(&l.geometry)),
        })).collect::<Vec<_>>(),
        "time_min_h": time.map(|t| round3(t.0.as_secs_f64() / 3600.0)),
        "time_max_h": time.map(|t| round3(t.1.as_secs_f64() / 3600.0)),
        "snapped": all_notes(c).iter()
            .filter(|(_, n)| n.kind == NoteKind::Snap)
            .map(|(_, n)| n.text.clone())
            .collect::<Vec<_>>(),
        "notes": all_notes(c).iter().map(|(on, n)| serde_json::json!({
            "on": on, "kind": n.kind, "text": n.text,
        })).collect::<Vec<_>>(),
        "crossings": c.route.crossings().map(|x| {
            serde_json::json!({
                "name": x.line,
                "kind": x.kind,
                "km": round3(x.from_start.as_km()),
                "geometry": json_out::point(x.at),
                "nearest_place": x.nearest_place.as_ref().map(|n| n.name.clone()),
                "nearest_place_km": x.nearest_place.as_ref().map(|n| round3(n.distance.as_km())),
            })
        }).collect::<Vec<_>>(),
        "time_zone": arrival.and_then(|t| json_out::zone_name(&t.depart)),
        "depart": arrival.map(|t| json_out::rfc3339(&t.depart)),
        "arrive_earliest": last.map(|m| json_out::rfc3339(&m.window.earliest)),
        "arrive_latest": last.map(|m| json_out::rfc3339(&m.window.latest)),
        "arrivals": arrival.map(|t| t.marks.iter().map(|m| serde_json::json!({
            "place": name(c, &m.waypoint),
            "earliest": json_out::rfc3339(&m.window.earliest),
            "latest": json_out::rfc3339(&m.window.latest),
            "source": m.source,
        })).collect::<Vec<_>>()),
    });
    format!("{v:#}\n")
}
