//! Claim reports for the terminal, Markdown and JSON.

use crate::claims::{Checked, Verdict};
use crate::route::Route;
use crate::story::Story;

/// One-word verdict for tables.
pub fn verdict_word(v: &Verdict) -> String {
    match v {
        Verdict::Holds => "holds".into(),
        Verdict::Off { by_percent } => format!("off by {by_percent:.0} %"),
        Verdict::Contradicts { other } => format!("contradicts {other}"),
        Verdict::CannotCheck { .. } => "cannot check".into(),
    }
}

/// A plain-text report: the route summary, then one block per claim.
pub fn text(story: &Story, route: &Route, checked: &[Checked]) -> String {
    let mut s = format!("{}\n", story.meta.title);
    for j in &route.journeys {
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
        s.push_str(&format!(
            "  {} ({}): {}\n",
            names.join(" → "),
            j.mode_summary(),
            j.length()
        ));
    }
    s.push('\n');
    for c in checked {
        s.push_str(&format!(
            "[{}] {} — {}\n  \"{}\"\n",
            verdict_word(&c.verdict),
            c.id,
            c.outlet,
            c.quote
        ));
        if let Verdict::CannotCheck { why } = &c.verdict {
            s.push_str(&format!("  {why}\n"));
        } else {
            s.push_str(&format!(
                "  computed {}; tolerance {}\n  {}\n",
                c.computed, c.tolerance, c.arithmetic
            ));
        }
    }
    s
}

/// JSON: `{ "story": …, "claims": [ … ] }`, pretty-printed.
pub fn json(story: &Story, route: &Route, checked: &[Checked]) -> String {
    format!("{:#}\n", json_value(story, route, checked))
}

/// The same JSON on one line (JSON Lines, for many stories in one run).
pub fn json_line(story: &Story, route: &Route, checked: &[Checked]) -> String {
    format!("{}\n", json_value(story, route, checked))
}

fn json_value(story: &Story, route: &Route, checked: &[Checked]) -> serde_json::Value {
    serde_json::json!({
        "story": { "id": story.meta.id, "title": story.meta.title, "path": story.path },
        "journeys": route.journeys.iter().map(|j| serde_json::json!({
            "length_km": (j.length().as_km() * 1000.0).round() / 1000.0,
            "marks": j.marks.iter().map(|m| serde_json::json!({"waypoint": m.waypoint, "km": (m.km.as_km() * 1000.0).round() / 1000.0})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "claims": checked,
    })
}
