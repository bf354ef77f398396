//! The terminal report: the route with its notes and crossings, the places as resolved, then
//! one block per claim.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::text::{clean, pad, shorten, width};
use super::wrap::{leading_spaces, wrap_into};
use super::{Summary, place_line, route_lines, verdict_word, warnings};
use crate::claims::{Checked, Verdict};
use crate::route::Route;
use crate::story::Story;

/// [`table`] fitted to a terminal `max_width` cells wide: a longer line wraps at spaces (a
/// word wider than the line is cut), its continuation indented under the block it belongs
/// to, so nothing is lost. `None` (output to a pipe or a file): lines as long as they need.
pub fn table_fit(
    story: &Story,
    route: &Route,
    checked: &[Checked],
    colour: bool,
    max_width: Option<usize>,
) -> String {
    let text = table(story, route, checked, colour);
    let Some(max) = max_width else {
        return text;
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in lines.iter().enumerate() {
        let indent = leading_spaces(line);
        // Continue under the next line's indentation when it is deeper (a claim's row
        // continues under its quote), else four cells in.
        let next = lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .map(|l| leading_spaces(l))
            .filter(|n| *n > indent)
            .unwrap_or(indent + 4);
        wrap_into(&mut out, line, max, next);
    }
    out
}

/// The style of a verdict word.
fn style(v: &Verdict) -> Style {
    let colour = match v {
        Verdict::Holds => AnsiColor::Green,
        Verdict::LooselyHolds { .. } => AnsiColor::BrightGreen,
        Verdict::Plausible { .. } => AnsiColor::Cyan,
        Verdict::Implausible { .. } => AnsiColor::Yellow,
        Verdict::Off { .. } => AnsiColor::Red,
        Verdict::Contradicts { .. } => AnsiColor::Magenta,
        Verdict::CannotCheck { .. } => AnsiColor::Yellow,
    };
    Style::new().fg_color(Some(colour.into()))
}

/// A table for the terminal; `colour` adds ANSI colours to the verdicts and warnings (the
/// caller decides, from `--color`, `NO_COLOR`, `CLICOLOR_FORCE`, `TERM` and whether standard
/// output is a terminal). Text from the story is cleaned of control characters.
pub fn table(story: &Story, route: &Route, checked: &[Checked], colour: bool) -> String {
    let paint = |st: Style, text: &str| {
        if colour {
            format!("{st}{text}{st:#}")
        } else {
            text.to_string()
        }
    };
    let warn = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
    let mut s = format!("{}\n", clean(&story.meta.title));
    for l in route_lines(route) {
        let _ = writeln!(s, "  {}", clean(&l));
    }
    if !route.waypoints.is_empty() {
        s.push_str("\nPLACES\n");
        let wi = route
            .waypoints
            .iter()
            .map(|w| width(&w.id))
            .max()
            .unwrap_or(0);
        for w in &route.waypoints {
            let _ = writeln!(
                s,
                "  {}  {}",
                pad(&clean(&w.id), wi),
                clean(&place_line(w, true))
            );
        }
        for (id, n) in warnings(route) {
            let head = paint(warn, "warning");
            let _ = writeln!(s, "  {head}: {}: {}", clean(id), clean(&n.text));
        }
    }
    s.push('\n');
    let words: Vec<String> = checked.iter().map(|c| verdict_word(&c.verdict)).collect();
    let wv = words.iter().map(|w| width(w)).max().unwrap_or(0).max(7);
    let col = |f: &dyn Fn(&Checked) -> usize, min: usize| {
        checked.iter().map(f).max().unwrap_or(0).max(min)
    };
    let wi = col(&|c| width(&c.id), 5);
    let wo = col(&|c| width(&c.outlet), 6);
    let wc = col(&|c| width(&c.claimed).min(34), 7);
    let _ = writeln!(
        s,
        "{}  {}  {}  {}  COMPUTED",
        pad("VERDICT", wv),
        pad("CLAIM", wi),
        pad("OUTLET", wo),
        pad("CLAIMED", wc)
    );
    let indent = " ".repeat(wv + 2);
    for (c, w) in checked.iter().zip(&words) {
        let word = paint(style(&c.verdict), &pad(w, wv));
        let _ = writeln!(
            s,
            "{word}  {}  {}  {}  {}",
            pad(&clean(&c.id), wi),
            pad(&clean(&c.outlet), wo),
            pad(&shorten(&clean(&c.claimed), 34), wc),
            clean(&c.computed)
        );
        let _ = writeln!(s, "{indent}“{}”", shorten(&clean(&c.quote), 110));
        let _ = writeln!(s, "{indent}{}", clean(&c.arithmetic));
        match &c.verdict {
            Verdict::CannotCheck { why } if why != &c.arithmetic => {
                let _ = writeln!(s, "{indent}cannot check: {}", clean(why));
            }
            Verdict::Plausible { why } | Verdict::Implausible { why, .. } => {
                let _ = writeln!(s, "{indent}{}: {}", c.verdict.word(), clean(why));
            }
            _ => {}
        }
        if let Some(ls) = &c.likely_source {
            let _ = writeln!(s, "{indent}likely source: {}", clean(&ls.to_string()));
        }
        for p in &c.pairs {
            let _ = writeln!(
                s,
                "{indent}paired with {}: {}",
                clean(&p.other),
                clean(&p.why)
            );
        }
    }
    let _ = writeln!(s, "\n{}", Summary::of(checked).line());
    s
}
