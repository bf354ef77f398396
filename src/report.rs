//! Claim reports: a terminal table (colour optional), Markdown a newsroom can paste, and JSON
//! with stable field names (schema `routecheck.claims/1`, documented in
//! `data/stories/README.md`).

use crate::claims::{Checked, Verdict};
use crate::route::Route;
use crate::story::Story;

/// The JSON schema name; bump it when a field changes meaning or disappears.
pub const JSON_SCHEMA: &str = "routecheck.claims/1";

/// Counts of verdicts: holds, off, contradicts, cannot check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub holds: usize,
    /// Loosely right ("north" for a bearing in the neighbouring half-sector).
    pub loosely_holds: usize,
    pub off: usize,
    pub contradicts: usize,
    pub cannot_check: usize,
}

impl Summary {
    pub fn of(checked: &[Checked]) -> Summary {
        let mut s = Summary::default();
        for c in checked {
            match c.verdict {
                Verdict::Holds => s.holds += 1,
                Verdict::LooselyHolds { .. } => s.loosely_holds += 1,
                Verdict::Off { .. } => s.off += 1,
                Verdict::Contradicts { .. } => s.contradicts += 1,
                Verdict::CannotCheck { .. } => s.cannot_check += 1,
            }
        }
        s
    }
    /// "9 claims: 5 hold, 2 off, 1 contradicts, 1 cannot be checked"; loosely holding claims
    /// are counted after those that hold when there are any ("4 hold, 1 holds loosely").
    pub fn line(&self) -> String {
        let n = self.holds + self.loosely_holds + self.off + self.contradicts + self.cannot_check;
        let loosely = match self.loosely_holds {
            0 => String::new(),
            1 => ", 1 holds loosely".into(),
            k => format!(", {k} hold loosely"),
        };
        format!(
            "{n} claim{}: {} hold{}{loosely}, {} off, {} contradict{}, {} cannot be checked",
            if n == 1 { "" } else { "s" },
            self.holds,
            if self.holds == 1 { "s" } else { "" },
            self.off,
            self.contradicts,
            if self.contradicts == 1 { "s" } else { "" },
            self.cannot_check
        )
    }
}

/// One-word verdict for tables: "holds", "off −12.5 %", "contradicts afp-speed", "cannot check".
pub fn verdict_word(v: &Verdict) -> String {
    match v {
        Verdict::Holds => "holds".into(),
        Verdict::LooselyHolds { actual } => format!("loosely holds ({actual})"),
        Verdict::Off {
            by_percent: Some(p),
            ..
        } => format!("off {p:+.1} %"),
        Verdict::Off { by, .. } => format!("off {by}"),
        Verdict::Contradicts { other, .. } => format!("contradicts {other}"),
        Verdict::CannotCheck { .. } => "cannot check".into(),
    }
}

fn colour_code(v: &Verdict) -> &'static str {
    match v {
        Verdict::Holds => "\x1b[32m",
        Verdict::LooselyHolds { .. } => "\x1b[36m",
        Verdict::Off { .. } => "\x1b[31m",
        Verdict::Contradicts { .. } => "\x1b[35m",
        Verdict::CannotCheck { .. } => "\x1b[33m",
    }
}

fn route_lines(story: &Story, route: &Route) -> Vec<String> {
    let _ = story;
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
            std::iter::once(head).chain(j.crossings.iter().map(crossing_line))
        })
        .collect()
}

/// "  crosses Tumen at km 852 (0.4 km from Tumangang)".
fn crossing_line(c: &crate::route::crossings::Crossing) -> String {
    let near = c
        .nearest_place
        .as_ref()
        .map(|n| format!(" ({:.1} km from {})", n.distance.as_km(), n.name))
        .unwrap_or_default();
    format!(
        "    crosses {} at km {:.0}{near}",
        c.line,
        c.from_start.as_km()
    )
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn shorten(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// A table for the terminal; `colour` adds ANSI colours to the verdicts (use it only when
/// standard output is a terminal).
pub fn table(story: &Story, route: &Route, checked: &[Checked], colour: bool) -> String {
    let mut s = format!("{}\n", story.meta.title);
    for l in route_lines(story, route) {
        s.push_str(&format!("  {l}\n"));
    }
    s.push('\n');
    let words: Vec<String> = checked.iter().map(|c| verdict_word(&c.verdict)).collect();
    let wv = words.iter().map(|w| width(w)).max().unwrap_or(0).max(7);
    let wi = checked
        .iter()
        .map(|c| width(&c.id))
        .max()
        .unwrap_or(0)
        .max(5);
    let wo = checked
        .iter()
        .map(|c| width(&c.outlet))
        .max()
        .unwrap_or(0)
        .max(6);
    let wc = checked
        .iter()
        .map(|c| width(&c.claimed).min(34))
        .max()
        .unwrap_or(0)
        .max(7);
    s.push_str(&format!(
        "{}  {}  {}  {}  COMPUTED\n",
        pad("VERDICT", wv),
        pad("CLAIM", wi),
        pad("OUTLET", wo),
        pad("CLAIMED", wc)
    ));
    let indent = " ".repeat(wv + 2);
    for (c, w) in checked.iter().zip(&words) {
        let word = if colour {
            format!("{}{}\x1b[0m", colour_code(&c.verdict), pad(w, wv))
        } else {
            pad(w, wv)
        };
        s.push_str(&format!(
            "{word}  {}  {}  {}  {}\n",
            pad(&c.id, wi),
            pad(&c.outlet, wo),
            pad(&shorten(&c.claimed, 34), wc),
            c.computed
        ));
        s.push_str(&format!("{indent}“{}”\n", shorten(&c.quote, 110)));
        s.push_str(&format!("{indent}{}\n", c.arithmetic));
        if let Verdict::CannotCheck { why } = &c.verdict
            && why != &c.arithmetic
        {
            s.push_str(&format!("{indent}cannot check: {why}\n"));
        }
        for p in &c.pairs {
            s.push_str(&format!("{indent}paired with {}: {}\n", p.other, p.why));
        }
    }
    s.push_str(&format!("\n{}\n", Summary::of(checked).line()));
    s
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// A Markdown report: summary, one table row per claim, then each claim's arithmetic.
pub fn markdown(story: &Story, route: &Route, checked: &[Checked]) -> String {
    let mut s = format!("# {}\n\n", md_cell(&story.meta.title));
    if let Some(sub) = &story.meta.subtitle {
        s.push_str(&format!("{}\n\n", md_cell(sub)));
    }
    for l in route_lines(story, route) {
        s.push_str(&format!("- Route: {}\n", md_cell(&l)));
    }
    s.push_str(&format!("\n**{}**\n\n", Summary::of(checked).line()));
    s.push_str("| Verdict | Claim | Outlet | Claimed | Computed |\n|---|---|---|---|---|\n");
    for c in checked {
        s.push_str(&format!(
            "| **{}** | [{}](#{}) | {} | {} | {} |\n",
            md_cell(&verdict_word(&c.verdict)),
            md_cell(&c.id),
            md_cell(&c.id),
            md_cell(&c.outlet),
            md_cell(&c.claimed),
            md_cell(&c.computed)
        ));
    }
    s.push_str("\n## The arithmetic\n");
    for c in checked {
        s.push_str(&format!(
            "\n### {}\n\n> {}\n\n— {}, checked as a {} claim.\n\n- **{}**: {}\n- Tolerance: {}\n",
            md_cell(&c.id),
            md_cell(&c.quote),
            md_cell(&c.outlet),
            c.kind,
            verdict_word(&c.verdict),
            md_cell(&c.arithmetic),
            if c.tolerance.is_empty() {
                "—".to_string()
            } else {
                md_cell(&c.tolerance)
            }
        ));
        if let Verdict::CannotCheck { why } = &c.verdict {
            s.push_str(&format!("- Why it cannot be checked: {}\n", md_cell(why)));
        }
        for p in &c.pairs {
            s.push_str(&format!(
                "- Paired with {}: {}\n",
                md_cell(&p.other),
                md_cell(&p.why)
            ));
        }
    }
    s
}

/// One claim in the JSON report (field names are part of the documented schema).
#[derive(serde::Serialize)]
struct JsonClaim<'a> {
    id: &'a str,
    outlet: &'a str,
    quote: &'a str,
    kind: &'a str,
    claimed: &'a str,
    computed: &'a str,
    tolerance: &'a str,
    verdict: &'static str,
    off_by_percent: Option<f64>,
    off_by: Option<&'a str>,
    contradicts: Option<&'a str>,
    why: Option<&'a str>,
    arithmetic: &'a str,
    pairs: &'a [crate::claims::Pair],
}

/// JSON: `{ "schema", "story", "journeys", "summary", "claims": [ … ] }`, one object per claim.
pub fn json(story: &Story, route: &Route, checked: &[Checked]) -> String {
    let claims: Vec<JsonClaim> = checked
        .iter()
        .map(|c| {
            let (off_by_percent, off_by, contradicts, why) = match &c.verdict {
                Verdict::Holds | Verdict::LooselyHolds { .. } => (None, None, None, None),
                Verdict::Off { by_percent, by } => (*by_percent, Some(by.as_str()), None, None),
                Verdict::Contradicts { other, why } => {
                    (None, None, Some(other.as_str()), Some(why.as_str()))
                }
                Verdict::CannotCheck { why } => (None, None, None, Some(why.as_str())),
            };
            JsonClaim {
                id: &c.id,
                outlet: &c.outlet,
                quote: &c.quote,
                kind: &c.kind,
                claimed: &c.claimed,
                computed: &c.computed,
                tolerance: &c.tolerance,
                verdict: c.verdict.word(),
                off_by_percent,
                off_by,
                contradicts,
                why,
                arithmetic: &c.arithmetic,
                pairs: &c.pairs,
            }
        })
        .collect();
    let round3 = |x: f64| (x * 1000.0).round() / 1000.0 + 0.0;
    let v = serde_json::json!({
        "schema": JSON_SCHEMA,
        "story": { "id": story.meta.id, "title": story.meta.title, "path": story.path },
        "journeys": route.journeys.iter().map(|j| serde_json::json!({
            "length_km": round3(j.length().as_km()),
            "marks": j.marks.iter().map(|m| serde_json::json!({"waypoint": m.waypoint, "km": round3(m.km.as_km())})).collect::<Vec<_>>(),
            "crossings": j.crossings.iter().map(|c| serde_json::json!({
                "line": c.line,
                "kind": c.kind,
                "lat": (c.at.lat * 1e6).round() / 1e6,
                "lon": (c.at.lon * 1e6).round() / 1e6,
                "km": round3(c.from_start.as_km()),
                "nearest_place": c.nearest_place.as_ref().map(|n| serde_json::json!({"name": n.name, "km": round3(n.distance.as_km())})),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "summary": Summary::of(checked),
        "claims": claims,
    });
    format!("{v:#}\n")
}

/// The same JSON on one line (JSON Lines, for many stories in one run).
pub fn json_line(story: &Story, route: &Route, checked: &[Checked]) -> String {
    let pretty = json(story, route, checked);
    match serde_json::from_str::<serde_json::Value>(&pretty) {
        Ok(v) => format!("{v}\n"),
        Err(_) => pretty.replace('\n', " ") + "\n",
    }
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
            pairs: vec![],
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

    #[test]
    fn markdown_cells_are_escaped() {
        assert_eq!(md_cell("a | b\nc"), "a \\| b c");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(pad("é", 3), "é  ");
    }
}
