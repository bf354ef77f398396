//! Claim reports, all read from one [`Outcome`](crate::pipeline::Outcome): a terminal table
//! (colour optional), Markdown a newsroom can paste, and JSON with stable field names (schema
//! `routecheck.claims/2`, documented in `data/stories/README.md` and by the JSON Schema
//! `docs/schema/claims.schema.json`). Each shows every place the
//! story resolved (and how), every note on a leg, the crossings, and every claim's arithmetic.

mod json;
mod markdown;
mod table;
mod text;
mod wrap;

pub use json::{json, json_line};
pub use markdown::markdown;
pub use table::{table, table_fit};
pub use wrap::wrap_hanging;

use crate::claims::{Checked, Verdict};
use crate::route::{Resolved, ResolvedWaypoint, Route};

/// The JSON schema name; bump it when a field changes meaning or disappears.
pub const JSON_SCHEMA: &str = "routecheck.claims/2";

/// Counts of verdicts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Claims that hold within their wording's tolerance.
    pub holds: usize,
    /// Loosely right ("north" for a bearing in the neighbouring half-sector).
    pub loosely_holds: usize,
    /// Claims the data bounds without settling, and that lie within the bounds.
    pub plausible: usize,
    /// Claims far outside what the bounds make usual.
    pub implausible: usize,
    /// Claims outside their tolerance.
    pub off: usize,
    /// Claims that disagree with another claim of the story.
    pub contradicts: usize,
    /// Claims that could not be checked for want of data.
    pub cannot_check: usize,
}

impl Summary {
    /// Counts the verdicts of `checked`.
    pub fn of(checked: &[Checked]) -> Summary {
        let mut s = Summary::default();
        for c in checked {
            match c.verdict {
                Verdict::Holds => s.holds += 1,
                Verdict::LooselyHolds { .. } => s.loosely_holds += 1,
                Verdict::Plausible { .. } => s.plausible += 1,
                Verdict::Implausible { .. } => s.implausible += 1,
                Verdict::Off { .. } => s.off += 1,
                Verdict::Contradicts { .. } => s.contradicts += 1,
                Verdict::CannotCheck { .. } => s.cannot_check += 1,
            }
        }
        s
    }
    /// "9 claims: 5 hold, 2 off, 1 contradicts, 1 cannot be checked", with "N hold(s)
    /// loosely", "N plausible" and "N implausible" when there are any.
    pub fn line(&self) -> String {
        let n = self.holds
            + self.loosely_holds
            + self.plausible
            + self.implausible
            + self.off
            + self.contradicts
            + self.cannot_check;
        let mut parts = vec![format!(
            "{} hold{}",
            self.holds,
            if self.holds == 1 { "s" } else { "" }
        )];
        if self.loosely_holds > 0 {
            parts.push(format!(
                "{} hold{} loosely",
                self.loosely_holds,
                if self.loosely_holds == 1 { "s" } else { "" }
            ));
        }
        if self.plausible > 0 {
            parts.push(format!("{} plausible", self.plausible));
        }
        if self.implausible > 0 {
            parts.push(format!("{} implausible", self.implausible));
        }
        parts.push(format!("{} off", self.off));
        parts.push(format!(
            "{} contradict{}",
            self.contradicts,
            if self.contradicts == 1 { "s" } else { "" }
        ));
        parts.push(format!("{} cannot be checked", self.cannot_check));
        format!(
            "{n} claim{}: {}",
            if n == 1 { "" } else { "s" },
            parts.join(", ")
        )
    }
}

/// One-word verdict for tables: "holds", "off −12.5 %", "contradicts afp-speed", "cannot check".
pub fn verdict_word(v: &Verdict) -> String {
    match v {
        Verdict::Holds => "holds".into(),
        Verdict::LooselyHolds { actual } => format!("loosely holds ({actual})"),
        Verdict::Plausible { .. } => "plausible".into(),
        Verdict::Implausible { ratio, .. } => format!("implausible {ratio:.2}×"),
        Verdict::Off {
            by_percent: Some(p),
            ..
        } => format!("off {p:+.1} %"),
        Verdict::Off { by, .. } => format!("off {by}"),
        Verdict::Contradicts { other, .. } => format!("contradicts {other}"),
        Verdict::CannotCheck { .. } => "cannot check".into(),
    }
}

/// The route in lines: per journey its marks, length and measures, then each leg's notes and
/// each crossing, indented.
fn route_lines(route: &Route) -> Vec<String> {
    route
        .journeys
        .iter()
        .flat_map(|j| {
            let names: Vec<&str> = j
                .marks
                .iter()
                .map(|m| {
                    route
                        .waypoint(&m.waypoint)
                        .map(|w| w.name.as_str())
                        .unwrap_or(&m.waypoint)
                })
                .collect();
            let mut measures: Vec<String> = j
                .legs
                .iter()
                .map(|l| format!("{:?}", l.measure).to_lowercase())
                .collect();
            measures.dedup();
            let head = format!(
                "{} ({}): {} ({})",
                names.join(" → "),
                j.mode_summary(),
                j.length(),
                measures.join(", ")
            );
            let notes = j.legs.iter().flat_map(|l| {
                l.notes
                    .iter()
                    .map(move |n| format!("    {} → {}: {n}", l.from, l.to))
            });
            std::iter::once(head)
                .chain(notes)
                .chain(j.crossings.iter().map(crossing_line))
        })
        .collect()
}

/// How a waypoint resolved, in a phrase: "Pyongyang (city, KP, Pyongyang) · 39.0339° N,
/// 125.7543° E · GeoNames cities500 1871859", or "given as coordinates · …". `brief` keeps
/// only the source's dataset name (the table); the full reference goes to Markdown and JSON.
fn place_line(w: &ResolvedWaypoint, brief: bool) -> String {
    let what = match &w.place {
        Some(p) => {
            let mut parts = vec![p.kind.to_string()];
            parts.extend(p.country.clone());
            parts.extend(p.admin1_name.clone().or_else(|| p.admin1.clone()));
            let source = if brief {
                let d = &p.source.dataset;
                let name = d.split(" (").next().unwrap_or(d);
                if p.source.id.len() <= 12 {
                    format!("{name} {}", p.source.id)
                } else {
                    name.to_string()
                }
            } else {
                p.source.to_string()
            };
            format!("{} ({}) · {} · {source}", p.name, parts.join(", "), w.at)
        }
        None => format!("given as coordinates · {}", w.at),
    };
    let how = match &w.how {
        Resolved::Gazetteer { query, .. } if w.place.as_ref().is_some_and(|p| &p.name != query) => {
            format!("\"{query}\" → ")
        }
        _ => String::new(),
    };
    format!("{how}{what}")
}

/// Waypoints with a note a reader must see (ambiguous or fuzzy), as (id, note) pairs.
fn warnings(route: &Route) -> impl Iterator<Item = (&str, &crate::route::Note)> {
    route.waypoints.iter().flat_map(|w| {
        w.notes
            .iter()
            .filter(|n| n.kind.is_warning())
            .map(move |n| (w.id.as_str(), n))
    })
}

/// "    crosses Tumen at km 852 (0.4 km from Tumangang)".
fn crossing_line(c: &crate::route::crossings::Crossing) -> String {
    format!("    {c}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(id: &str, verdict: Verdict) -> Checked {
        Checked {
            id: id.into(),
            outlet: "Paper | A".into(),
            quote: "a quote".into(),
            kind: "distance".into(),
            claimed: "5 km".into(),
            computed: "5.1 km".into(),
            tolerance: "±5 %".into(),
            verdict,
            arithmetic: "5 km vs 5.1 km".into(),
            figures: None,
            pairs: vec![],
            hedge: None,
            likely_source: None,
        }
    }

    #[test]
    fn summary_counts_each_verdict() {
        let c = [
            checked("a", Verdict::Holds),
            checked("b", Verdict::Holds),
            checked(
                "c",
                Verdict::Off {
                    by_percent: Some(12.0),
                    by: "+0.6 km".into(),
                },
            ),
            checked("d", Verdict::CannotCheck { why: "x".into() }),
        ];
        assert_eq!(
            Summary::of(&c).line(),
            "4 claims: 2 hold, 1 off, 0 contradict, 1 cannot be checked"
        );
        assert_eq!(verdict_word(&c[2].verdict), "off +12.0 %");
    }

    /// Issue 14: a direction in the neighbouring half-sector is counted apart from "holds".
    #[test]
    fn regression_issue_14_loosely_holding_claims_are_counted() {
        let loose = Verdict::LooselyHolds {
            actual: "north-east".into(),
        };
        let c = [checked("a", Verdict::Holds), checked("b", loose.clone())];
        let s = Summary::of(&c);
        assert_eq!((s.holds, s.loosely_holds), (1, 1));
        assert_eq!(
            s.line(),
            "2 claims: 1 holds, 1 holds loosely, 0 off, 0 contradict, 0 cannot be checked"
        );
        assert_eq!(verdict_word(&loose), "loosely holds (north-east)");
        assert_eq!(loose.word(), "loosely_holds");
        assert!(!loose.fails());
    }
}
