//! The labelled article corpus (tests/corpus/): each excerpt `NN-slug.txt` (a header of
//! `Key: value` lines, a blank line, then the article text) beside its hand-made label file
//! `NN-slug.toml`. The format is described in tests/corpus/README.md; this module reads it
//! and checks every label against its excerpt (each name, figure and quote must be found in
//! the text as written, each coordinate must be a valid latitude and longitude).
//!
//! Shared by `examples/eval.rs` and `tests/corpus_eval.rs` (included with `#[path]`), so that
//! the figures the example prints and the floors the test holds come from the same code.

#![allow(dead_code)]

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The folder of the corpus, from the crate root.
pub const CORPUS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// The claim kinds of the story format a label may use (`routecheck::story::KINDS`).
pub const CLAIM_KINDS: &[&str] = &[
    "distance",
    "duration_at_speed",
    "saving",
    "speed",
    "conversion",
    "direction",
    "crossing",
    "timeline",
    "flight",
    "interval",
    "time_zone",
    "nearest",
];

/// The verdicts a label may expect (`Verdict::word`).
pub const VERDICTS: &[&str] = &[
    "holds",
    "loosely_holds",
    "plausible",
    "implausible",
    "off",
    "contradicts",
    "cannot_check",
];

/// One excerpt with its header and its labels.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file stem ("01-ecns-chongqing-guiyang").
    pub name: String,
    /// Outlet, date, URL and title from the excerpt's header.
    pub header: Header,
    /// The article text the engine reads (everything after the header's blank line).
    pub body: String,
    /// The hand-made labels.
    pub label: Label,
}

/// The header of an excerpt.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// The outlet that published the article ("China Daily").
    pub outlet: String,
    /// Its publication date, YYYY-MM-DD (YYYY-MM when the page gives only the month).
    pub date: String,
    /// Where it was read.
    pub url: String,
    /// Its headline.
    pub title: String,
    /// The language of the text (ISO 639-1, "en" unless stated).
    pub language: String,
}

/// The labels of one excerpt.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Points the article means (towns, stations, airports, ports), with reference positions.
    #[serde(default)]
    pub places: Vec<PlaceLabel>,
    /// Places with no single position (countries, provinces, seas, rivers): named, not scored
    /// at 10 km.
    #[serde(default)]
    pub areas: Vec<AreaLabel>,
    /// Capitalised words that are not places (agencies, airlines, people, projects): traps.
    #[serde(default)]
    pub not_places: Vec<NotPlace>,
    /// Every distance, speed and duration as written.
    #[serde(default)]
    pub quantities: Vec<QuantityLabel>,
    /// Timeline events (when something happened, in which time zone).
    #[serde(default)]
    pub events: Vec<EventLabel>,
    /// The claims a fact-checker would check, with the verdict expected.
    #[serde(default)]
    pub claims: Vec<ClaimLabel>,
}

/// A place the article means, with its reference position.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceLabel {
    /// The name as written in the excerpt.
    pub name: String,
    /// "lat, lon" in decimal degrees (WGS84).
    pub at: String,
    /// Where the position comes from: "GeoNames cities500 ID (...)" or a page's URL.
    pub source: String,
}

/// A place without a single position.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaLabel {
    /// The name as written.
    pub name: String,
    /// country, province, state, region, sea, river, ...
    pub kind: String,
}

/// A word that looks like a place name and is not one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotPlace {
    /// The words as written.
    pub text: String,
    /// What it is ("news agency", "airline", "person").
    pub is: String,
}

/// A value or a range ("40–60 km/h").
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// One figure.
    One(f64),
    /// A range, low then high.
    Range([f64; 2]),
}

impl Value {
    /// (low, high).
    pub fn span(self) -> (f64, f64) {
        match self {
            Value::One(v) => (v, v),
            Value::Range([lo, hi]) => (lo, hi),
        }
    }
}

/// A distance, speed or duration as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityLabel {
    /// The words as written, figure and unit ("347-km", "two hours").
    pub text: String,
    /// The figure as written (first figure, not any conversion in parentheses).
    pub value: Value,
    /// Its unit, one of [`UNITS`].
    pub unit: String,
    /// A conversion the article gives in parentheses, "572 mi".
    #[serde(default)]
    pub conversion: Option<String>,
    /// False when the figure is not about the journey ("a 14-day trip" in a list of tours).
    #[serde(default = "yes")]
    pub travel: bool,
}

fn yes() -> bool {
    true
}

/// A timeline event.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventLabel {
    /// The words that date it, as written ("at 8:50 a.m.").
    pub text: String,
    /// What happened ("the first train left Chongqing").
    pub what: String,
    /// When, as precisely as the article says: "2018-01-25T08:50", "2018-01-25",
    /// "2023-09-10T12:00/18:00" for a window.
    pub when: String,
    /// The IANA time zone the article's clock is in.
    pub zone: String,
}

/// A claim a fact-checker would check.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimLabel {
    /// One of [`CLAIM_KINDS`].
    pub kind: String,
    /// The words of the claim as written (a part of one sentence).
    pub quote: String,
    /// The verdict expected, one of [`VERDICTS`].
    pub verdict: String,
    /// Why: the reference figures and the arithmetic.
    pub why: String,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    /// metres
    Length,
    /// metres per second
    Speed,
    /// seconds
    Duration,
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dim::Length => "length",
            Dim::Speed => "speed",
            Dim::Duration => "duration",
        })
    }
}

/// The units a label may use, with what they measure and their size in SI units. Written
/// here, not taken from the engine, so that the yardstick does not share the engine's parser.
pub const UNITS: &[(&str, Dim, f64)] = &[
    ("m", Dim::Length, 1.0),
    ("km", Dim::Length, 1000.0),
    ("mi", Dim::Length, 1609.344),
    ("nmi", Dim::Length, 1852.0),
    ("ft", Dim::Length, 0.3048),
    ("yd", Dim::Length, 0.9144),
    ("km/h", Dim::Speed, 1000.0 / 3600.0),
    ("mph", Dim::Speed, 1609.344 / 3600.0),
    ("kn", Dim::Speed, 1852.0 / 3600.0),
    ("m/s", Dim::Speed, 1.0),
    ("km/d", Dim::Speed, 1000.0 / 86_400.0),
    ("mi/d", Dim::Speed, 1609.344 / 86_400.0),
    ("s", Dim::Duration, 1.0),
    ("min", Dim::Duration, 60.0),
    ("h", Dim::Duration, 3600.0),
    ("d", Dim::Duration, 86_400.0),
    ("wk", Dim::Duration, 604_800.0),
    ("mo", Dim::Duration, 2_629_746.0),
    ("yr", Dim::Duration, 31_556_952.0),
];

/// What `unit` measures and its size in SI units.
pub fn unit(unit: &str) -> Option<(Dim, f64)> {
    UNITS
        .iter()
        .find(|(u, _, _)| *u == unit)
        .map(|&(_, d, si)| (d, si))
}

impl QuantityLabel {
    /// What it measures and its (low, high) value in SI units.
    pub fn si(&self) -> Option<(Dim, (f64, f64))> {
        let (d, k) = unit(&self.unit)?;
        let (lo, hi) = self.value.span();
        Some((d, (lo * k, hi * k)))
    }
}

/// Parses "lat, lon" in decimal degrees; `None` unless both are numbers in range.
pub fn lat_lon(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once(',')?;
    let lat: f64 = a.trim().parse().ok()?;
    let lon: f64 = b.trim().parse().ok()?;
    let ok = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
    ok.then_some((lat, lon))
}

/// Splits an excerpt into its header and its text.
pub fn parse_excerpt(text: &str) -> Result<(Header, String), String> {
    let Some((head, body)) = text.split_once("\n\n") else {
        return Err("no blank line after the header (Outlet:, Date:, URL: lines)".into());
    };
    let mut h = Header {
        language: "en".into(),
        ..Header::default()
    };
    for line in head.lines() {
        let Some((k, v)) = line.split_once(':') else {
            return Err(format!(
                "header line {line:?} is not `Key: value` (the header ends at the first blank line)"
            ));
        };
        let v = v.trim().to_string();
        match k.trim() {
            "Outlet" => h.outlet = v,
            "Date" => h.date = v,
            "URL" => h.url = v,
            "Title" => h.title = v,
            "Language" => h.language = v,
            other => return Err(format!("unknown header key {other:?}")),
        }
    }
    for (k, v) in [("Outlet", &h.outlet), ("Date", &h.date), ("URL", &h.url)] {
        if v.is_empty() {
            return Err(format!("the header has no {k}: line"));
        }
    }
    Ok((h, body.trim().to_string()))
}

/// Reads one excerpt and its label file.
pub fn load_article(txt: &Path) -> Result<Article, String> {
    let name = txt
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("{}: no file name", txt.display()))?
        .to_string();
    let text = std::fs::read_to_string(txt).map_err(|e| format!("{}: {e}", txt.display()))?;
    let (header, body) = parse_excerpt(&text).map_err(|e| format!("{}: {e}", txt.display()))?;
    let toml_path = txt.with_extension("toml");
    let toml_text = std::fs::read_to_string(&toml_path).map_err(|e| {
        format!(
            "{}: {e} (every excerpt needs its label file)",
            toml_path.display()
        )
    })?;
    let label: Label =
        toml::from_str(&toml_text).map_err(|e| format!("{}: {e}", toml_path.display()))?;
    Ok(Article {
        name,
        header,
        body,
        label,
    })
}

/// Every excerpt of the corpus folder, in file-name order.
pub fn load_corpus(dir: &str) -> Result<Vec<Article>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| load_article(p)).collect()
}

/// True for "YYYY-MM-DD" or "YYYY-MM" with a real month and day.
pub fn date_ok(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => num(y, 4) && num(m, 2) && num(d, 2) && s.parse::<jiff::civil::Date>().is_ok(),
        _ => false,
    }
}

/// Lower case with runs of white space made one space, for finding quotes in text.
pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Article {
    /// What is wrong with the labels, one sentence each (empty when they are sound).
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if !date_ok(&self.header.date) {
            p.push(format!(
                "header date {:?} is not YYYY-MM-DD (or YYYY-MM when the page gives only the month)",
                self.header.date
            ));
        }
        let body = norm(&self.body);
        let mut absent = |what: &str, text: &str| {
            if !body.contains(&norm(text)) {
                p.push(format!("{what} {text:?} is not in the excerpt as written"));
            }
        };
        for l in &self.label.places {
            absent("place", &l.name);
        }
        for l in &self.label.areas {
            absent("area", &l.name);
        }
        for l in &self.label.not_places {
            absent("not-a-place", &l.text);
        }
        for l in &self.label.quantities {
            absent("quantity", &l.text);
        }
        for l in &self.label.events {
            absent("event", &l.text);
        }
        for l in &self.label.claims {
            absent("claim quote", &l.quote);
        }
        for l in &self.label.places {
            if lat_lon(&l.at).is_none() {
                p.push(format!(
                    "place {:?}: `at = {:?}` is not \"lat, lon\" within ±90, ±180",
                    l.name, l.at
                ));
            }
            if l.source.trim().is_empty() {
                p.push(format!("place {:?} cites no source", l.name));
            }
        }
        for l in &self.label.quantities {
            if unit(&l.unit).is_none() {
                p.push(format!(
                    "quantity {:?}: unknown unit {:?} (use one of {})",
                    l.text,
                    l.unit,
                    UNITS.iter().map(|u| u.0).collect::<Vec<_>>().join(", ")
                ));
            }
            let (lo, hi) = l.value.span();
            if !(lo.is_finite() && hi.is_finite() && 0.0 <= lo && lo <= hi) {
                p.push(format!("quantity {:?}: bad value {lo}..{hi}", l.text));
            }
        }
        for l in &self.label.events {
            if jiff::tz::TimeZone::get(&l.zone).is_err() {
                p.push(format!(
                    "event {:?}: {:?} is not an IANA time zone",
                    l.what, l.zone
                ));
            }
        }
        for l in &self.label.claims {
            if !CLAIM_KINDS.contains(&l.kind.as_str()) {
                p.push(format!("claim {:?}: unknown kind {:?}", l.quote, l.kind));
            }
            if !VERDICTS.contains(&l.verdict.as_str()) {
                p.push(format!(
                    "claim {:?}: unknown verdict {:?}",
                    l.quote, l.verdict
                ));
            }
            if l.why.trim().is_empty() {
                p.push(format!("claim {:?} gives no reason", l.quote));
            }
        }
        p
    }
}
