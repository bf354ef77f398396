//! The Markdown report a newsroom can paste: summary, the places as resolved, one table row
//! per claim, then each claim's arithmetic. Text from the story is escaped: HTML can neither
//! run nor hide in it.

use super::{Summary, place_line, route_lines, verdict_word, warnings};
use crate::claims::{Checked, Verdict};
use crate::route::Route;
use crate::story::Story;

/// Text for a Markdown table cell or line: HTML and Markdown specials escaped, one line.
pub(crate) fn md_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '`' => out.push_str("\\`"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A Markdown report: summary, places, one table row per claim, then each claim's arithmetic.
pub fn markdown(story: &Story, route: &Route, checked: &[Checked]) -> String {
    let mut s = format!("# {}\n\n", md_cell(&story.meta.title));
    if let Some(sub) = &story.meta.subtitle {
        s.push_str(&format!("{}\n\n", md_cell(sub)));
    }
    for l in route_lines(route) {
        let line = l.trim_start();
        let bullet = if l.starts_with("    ") {
            "  -"
        } else {
            "- Route:"
        };
        s.push_str(&format!("{bullet} {}\n", md_cell(line)));
    }
    if !route.waypoints.is_empty() {
        s.push_str("\n## Places\n\n| Waypoint | Resolved to |\n|---|---|\n");
        for w in &route.waypoints {
            s.push_str(&format!(
                "| {} | {} |\n",
                md_cell(&w.id),
                md_cell(&place_line(w, false))
            ));
        }
        for (id, n) in warnings(route) {
            s.push_str(&format!(
                "\n> **Warning** ({}): {}\n",
                md_cell(id),
                md_cell(&n.text)
            ));
        }
    }
    s.push_str(&format!("\n**{}**\n\n", Summary::of(checked).line()));
    s.push_str("| Verdict | Claim | Outlet | Claimed | Computed |\n|---|---|---|---|---|\n");
    for c in checked {
        s.push_str(&format!(
            "| **{}** | {} | {} | {} | {} |\n",
            md_cell(&verdict_word(&c.verdict)),
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
        match &c.verdict {
            Verdict::CannotCheck { why } => {
                s.push_str(&format!("- Why it cannot be checked: {}\n", md_cell(why)));
            }
            Verdict::Plausible { why } | Verdict::Implausible { why, .. } => {
                s.push_str(&format!("- Why {}: {}\n", c.verdict.word(), md_cell(why)));
            }
            _ => {}
        }
        if let Some(ls) = &c.likely_source {
            s.push_str(&format!("- Likely source: {}\n", md_cell(&ls.to_string())));
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

#[cfg(test)]
mod tests {
    use super::md_cell;

    #[test]
    fn markdown_cells_are_escaped() {
        assert_eq!(md_cell("a | b\nc"), "a \\| b c");
        assert_eq!(
            md_cell("<script>x</script> [a](javascript:y)"),
            "&lt;script&gt;x&lt;/script&gt; \\[a\\](javascript:y)"
        );
    }
}
