//! Turns the raw TOML into a [`Story`], checking references, units, times and names.

use std::collections::HashSet;

use toml::Spanned;

use super::events::event;
use super::raw::{RawLeg, RawStory, RawWaypoint};
use super::{Error, LegSpec, Meta, Mode, Story, Waypoint};
use crate::coord::LatLon;
use crate::units;

/// Checks that a reference names a declared waypoint and returns the id.
pub(super) type KnownId<'a> = dyn Fn(&Spanned<String>, &str) -> Result<String, Error> + 'a;

pub(super) struct Ctx<'a> {
    text: &'a str,
    path: &'a str,
    /// Byte offsets of the text's newlines, for the line of each waypoint, leg and event
    /// (counting from the top each time was quadratic in the number of waypoints).
    newlines: Vec<usize>,
}

impl Ctx<'_> {
    pub(super) fn err<T>(
        &self,
        span: std::ops::Range<usize>,
        msg: impl Into<String>,
        help: impl Into<String>,
    ) -> Result<T, Error> {
        Err(Error::at(
            self.path,
            self.text,
            Some(span),
            msg,
            Some(help.into()),
        ))
    }
    /// The 1-based line of a span's start.
    pub(super) fn line(&self, span: &std::ops::Range<usize>) -> usize {
        self.newlines.partition_point(|&nl| nl < span.start) + 1
    }
}

pub(super) fn validate(raw: RawStory, text: &str, path: &str) -> Result<Story, Error> {
    let cx = Ctx {
        text,
        path,
        newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
    };
    let meta = meta(&cx, &raw)?;
    super::limits::waypoints(&cx, &raw.waypoints)?;
    // The spans of the ids, for messages about duplicates (taken from TOML, so they are
    // byte ranges of the text whatever its line endings).
    let id_spans: Vec<_> = raw
        .waypoints
        .iter()
        .map(|w| w.get_ref().id.span())
        .collect();
    let airport_spans: Vec<_> = (raw.waypoints.iter())
        .map(|w| w.get_ref().airport.as_ref().map(Spanned::span))
        .collect();
    let waypoints = raw
        .waypoints
        .into_iter()
        .map(|w| waypoint(&cx, w))
        .collect::<Result<Vec<_>, _>>()?;
    let mut ids = HashSet::new();
    for (w, span) in waypoints.iter().zip(id_spans) {
        if !ids.insert(w.id.as_str()) {
            return cx.err(
                span,
                format!("waypoint id \"{}\" is used twice", w.id),
                "give each waypoint its own id",
            );
        }
    }
    let known = |s: &Spanned<String>, what: &str| -> Result<String, Error> {
        if ids.contains(s.get_ref().as_str()) {
            return Ok(s.get_ref().clone());
        }
        let mut names: Vec<&str> = ids.iter().copied().collect();
        names.sort_by(|a, b| {
            strsim::jaro_winkler(b, s.get_ref())
                .total_cmp(&strsim::jaro_winkler(a, s.get_ref()))
                .then(a.cmp(b))
        });
        let help = match names.first() {
            Some(best) => format!(
                "did you mean \"{best}\"? Waypoint ids: {}",
                names.join(", ")
            ),
            None => "add a [[waypoints]] table with this id".to_string(),
        };
        cx.err(
            s.span(),
            format!("{what} \"{}\" is not a waypoint id", s.get_ref()),
            help,
        )
    };
    let mut legs = Vec::new();
    for l in raw.legs {
        legs.push(leg(&cx, l, &known)?);
    }
    super::airport::check_used(&cx, &waypoints, &airport_spans, &legs)?;
    let mut events = Vec::new();
    let mut event_ids = HashSet::new();
    for e in raw.events {
        let span = e.span();
        let ev = event(&cx, e, &known)?;
        if !event_ids.insert(ev.id.clone()) {
            return cx.err(
                span,
                format!("event id \"{}\" is used twice", ev.id),
                "give each event its own id",
            );
        }
        events.push(ev);
    }
    let mut claims = Vec::new();
    let mut claim_ids = HashSet::new();
    for c in raw.claims {
        let span = c.span();
        let claim = c.into_inner();
        if !claim_ids.insert(claim.id.clone()) {
            return cx.err(
                span,
                format!("claim id \"{}\" is used twice", claim.id),
                "give each claim its own id",
            );
        }
        let wp_ids: Vec<&str> = waypoints.iter().map(|w| w.id.as_str()).collect();
        let ev_ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        if let Err(e) = super::validate_claim(&claim, &wp_ids, &ev_ids) {
            return cx.err(span, e.to_string(), e.help());
        }
        claims.push(claim);
    }
    Ok(Story {
        path: path.to_string(),
        meta,
        waypoints,
        legs,
        events,
        claims,
    })
}

/// The id of a story that gives none: its file's stem, as a slug.
pub(super) fn default_id(path: &str) -> String {
    let stem = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("story");
    super::file_slug(stem)
}

fn meta(cx: &Ctx, raw: &RawStory) -> Result<Meta, Error> {
    let id = match &raw.story.id {
        Some(id) => {
            let v = id.get_ref();
            let ok = !v.is_empty()
                && v.len() <= 80
                && !v.starts_with('.')
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
            if !ok {
                return cx.err(
                    id.span(),
                    format!("story id \"{v}\" cannot name output files"),
                    "use letters, digits, '-', '_' or '.' (up to 80), e.g. id = \"kim-train-2023-09\"",
                );
            }
            v.clone()
        }
        None => default_id(cx.path),
    };
    use super::limits::{MAX_SUBTITLE_CHARS, MAX_TITLE_CHARS, text};
    if let Some(t) = &raw.story.title {
        text(cx, "the title", t, MAX_TITLE_CHARS)?;
    }
    if let Some(t) = &raw.story.subtitle {
        text(cx, "the subtitle", t, MAX_SUBTITLE_CHARS)?;
    }
    Ok(Meta {
        title: (raw.story.title.as_ref())
            .map(|t| t.get_ref().clone())
            .unwrap_or_else(|| id.clone()),
        id,
        subtitle: raw.story.subtitle.as_ref().map(|t| t.get_ref().clone()),
        sources: raw.story.sources.clone(),
    })
}

fn waypoint(cx: &Ctx, w: Spanned<RawWaypoint>) -> Result<Waypoint, Error> {
    let line = cx.line(&w.span());
    let span = w.span();
    let w = w.into_inner();
    let id = w.id.get_ref().trim();
    if id.is_empty() {
        return cx.err(
            w.id.span(),
            "waypoint id is empty",
            "give the waypoint a short id, e.g. id = \"khasan\"",
        );
    }
    let at = match &w.at {
        Some(s) => Some(s.get_ref().parse::<LatLon>().or_else(|e| {
            cx.err(
                s.span(),
                e.to_string(),
                "write at = \"lat, lon\" in degrees, e.g. at = \"42.43, 130.64\"",
            )
        })?),
        None => None,
    };
    if w.place.is_none() && at.is_none() {
        return cx.err(
            span,
            format!("waypoint \"{id}\" has neither `place` nor `at`"),
            "add place = \"<name to look up>\" or at = \"lat, lon\"",
        );
    }
    if let Some(p) = &w.place
        && p.get_ref().trim().is_empty()
    {
        return cx.err(
            p.span(),
            "place name is empty",
            "write the name to look up, e.g. place = \"Khasan\"",
        );
    }
    let kind = match &w.kind {
        Some(k) => Some(
            k.get_ref()
                .parse()
                .or_else(|e: String| cx.err(k.span(), e, "e.g. kind = \"station\""))?,
        ),
        None => None,
    };
    let country = match &w.country {
        Some(c) => {
            let v = c.get_ref().trim().to_ascii_uppercase();
            if v.len() != 2 || !v.chars().all(|ch| ch.is_ascii_alphabetic()) {
                return cx.err(
                    c.span(),
                    format!("country \"{}\" is not a two-letter ISO code", c.get_ref()),
                    "e.g. country = \"RU\"",
                );
            }
            Some(v)
        }
        None => None,
    };
    if let Some(n) = &w.name {
        super::limits::text(cx, "the waypoint's name", n, super::limits::MAX_LABEL_CHARS)?;
    }
    let airport = match &w.airport {
        Some(a) => super::airport::parse(cx, a)?,
        None => None,
    };
    Ok(Waypoint {
        id: id.to_string(),
        place: w.place.map(|p| p.into_inner()),
        at,
        name: w.name.map(|n| n.into_inner()),
        country,
        kind,
        airport,
        line,
    })
}

fn leg(cx: &Ctx, l: Spanned<RawLeg>, known: &KnownId) -> Result<LegSpec, Error> {
    let line = cx.line(&l.span());
    let l = l.into_inner();
    let from = known(&l.from, "leg start")?;
    let to = known(&l.to, "leg end")?;
    let via = l
        .via
        .iter()
        .map(|v| known(v, "via"))
        .collect::<Result<Vec<_>, _>>()?;
    let mode = match l.mode.get_ref().trim().to_ascii_lowercase().as_str() {
        "rail" | "train" => Mode::Rail,
        "air" | "flight" | "plane" => Mode::Air,
        "road" | "car" | "bus" => Mode::Road,
        "direct" | "straight" => Mode::Direct,
        other => {
            return cx.err(
                l.mode.span(),
                format!("unknown mode \"{other}\""),
                "use mode = \"rail\", \"air\", \"road\" or \"direct\"",
            );
        }
    };
    if from == to && via.is_empty() {
        return cx.err(
            l.to.span(),
            format!("leg goes from \"{from}\" to itself"),
            "a leg needs two different waypoints",
        );
    }
    let speed = match &l.speed {
        Some(s) => Some(speed(cx, s)?),
        None => None,
    };
    let dwell = match &l.dwell {
        Some(d) => Some(
            units::parse_duration(d.get_ref())
                .or_else(|e| cx.err(d.span(), e.to_string(), "e.g. dwell = \"2 hours\""))?,
        ),
        None => None,
    };
    Ok(LegSpec {
        from,
        to,
        via,
        mode,
        speed,
        dwell,
        line,
    })
}

fn speed(cx: &Ctx, s: &Spanned<String>) -> Result<(units::Speed, units::Speed), Error> {
    let text = s.get_ref().trim();
    if text.starts_with(['-', '−']) {
        return cx.err(
            s.span(),
            format!("speed \"{text}\" is negative"),
            "a speed must be positive, e.g. speed = \"60 km/h\"",
        );
    }
    let (lo, hi) = units::parse_speed(text).or_else(|e| {
        cx.err(
            s.span(),
            e.to_string(),
            "e.g. speed = \"60 km/h\" or speed = \"40-60 km/h\"",
        )
    })?;
    if lo.as_mps() <= 0.0 {
        return cx.err(
            s.span(),
            format!("speed \"{text}\" is zero"),
            "a speed must be positive, e.g. speed = \"60 km/h\"",
        );
    }
    let min_kmh = super::limits::MIN_TRAVEL_SPEED_KMH;
    if lo.as_kmh() < min_kmh {
        return cx.err(
            s.span(),
            format!("speed \"{text}\" is below {min_kmh} km/h (100 m an hour)"),
            "check the figure and its unit, e.g. speed = \"60 km/h\"",
        );
    }
    Ok((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::super::Story;

    const BASE: &str = "[[waypoints]]\nid = \"a\"\nplace = \"Pyongyang\"\n[[waypoints]]\nid = \"b\"\nat = \"43.1, 131.9\"\n";

    fn err(extra: &str) -> String {
        let text = format!("{BASE}{extra}");
        match Story::parse(&text, "t.toml") {
            Ok(_) => panic!("expected an error for {extra}"),
            Err(e) => format!(
                "{e} | {}",
                miette::Diagnostic::help(&e)
                    .map(|h| h.to_string())
                    .unwrap_or_default()
            ),
        }
    }

    #[test]
    fn parses_a_small_story() {
        let text = format!(
            "{BASE}[[legs]]\nfrom = \"a\"\nto = \"b\"\nmode = \"rail\"\nspeed = \"40-60 km/h\"\n[[events]]\nid = \"dep\"\nat = \"a\"\nwhat = \"left\"\nearliest = 2023-09-10T12:00:00\nlatest = 2023-09-10T18:00:00\n"
        );
        let s = Story::parse(&text, "dir/my trip.toml").unwrap();
        assert_eq!(s.meta.id, "my-trip");
        assert_eq!(s.legs[0].mode, super::Mode::Rail);
        assert!((s.legs[0].speed.unwrap().1.as_kmh() - 60.0).abs() < 1e-9);
        assert_eq!(s.events[0].latest.hour(), 18);
        assert_eq!(s.waypoints[1].line, 4);
    }

    #[test]
    fn bad_input_names_line_and_fix() {
        let e = err("[[legs]]\nfrom = \"a\"\nto = \"bb\"\nmode = \"rail\"\n");
        assert!(
            e.contains("t.toml:9:") && e.contains("did you mean \"b\""),
            "{e}"
        );
        let e = err("[[legs]]\nfrom = \"a\"\nto = \"b\"\nmode = \"rail\"\nspeed = \"-60 km/h\"\n");
        assert!(e.contains("negative") && e.contains(":11:"), "{e}");
        let e = err("[[legs]]\nfrom = \"a\"\nto = \"b\"\n");
        assert!(e.contains("missing field `mode`"), "{e}");
        let e = err("[[legs]]\nfrom = \"a\"\nto = \"b\"\nmode = \"boat\"\n");
        assert!(e.contains("unknown mode"), "{e}");
        let e = err("[[waypoints]]\nid = \"c\"\nat = \"91, 200\"\n");
        assert!(e.contains("latitude 91"), "{e}");
        let e = err("[[waypoints]]\nid = \"a\"\nplace = \"X\"\n");
        assert!(e.contains("used twice") && e.contains("t.toml:8:6:"), "{e}");
        let e = err("[story]\nid = \"../../etc\"\n");
        assert!(e.contains("cannot name output files"), "{e}");
        let e = err(
            "[[events]]\nid = \"x\"\nat = \"a\"\nwhat = \"w\"\ntime = 2023-09-10T12:00:00+09:00\n",
        );
        assert!(e.contains("local times"), "{e}");
        let e = err(
            "[[events]]\nid = \"x\"\nat = \"a\"\nwhat = \"w\"\ntime = 2023-09-10\ntz = \"Mars/Base\"\n",
        );
        assert!(e.contains("unknown time zone"), "{e}");
        let e = err("title = [");
        assert!(e.contains("t.toml:7:"), "{e}");
    }

    /// Issue 8: the line of a duplicate waypoint id was recomputed from `str::lines()`, which
    /// drops "\r", so with CRLF line endings the message pointed at the wrong place.
    #[test]
    fn regression_issue_8_duplicate_id_position_with_crlf_line_endings() {
        let text =
            format!("{BASE}[[waypoints]]\nid = \"a\"\nat = \"1, 2\"\n").replace('\n', "\r\n");
        let e = Story::parse(&text, "t.toml").unwrap_err().to_string();
        assert!(
            e.starts_with("t.toml:8:6: waypoint id \"a\" is used twice"),
            "{e}"
        );
    }
}
