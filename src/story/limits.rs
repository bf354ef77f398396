//! Up-front limits on what a story holds, checked when it is read, so that every story that
//! is accepted is checked and drawn in seconds: a title is one line on a map, not a megabyte
//! of text to rasterise, and a story names its stops, not every point of a GPS track (draw a
//! track with `map --track FILE`).

use toml::Spanned;

use super::Error;
use super::validate::Ctx;

/// The longest title, in characters (a headline is under 150).
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest subtitle, in characters.
pub const MAX_SUBTITLE_CHARS: usize = 300;
/// The longest text drawn as a label: a waypoint's `name`, an event's `what`.
pub const MAX_LABEL_CHARS: usize = 200;
/// The slowest travel speed a leg (or `route --speed`) may have, in km/h: 100 m an hour.
/// Slower figures are a wrong unit or a typo, and their arrival times run past the year 9999.
pub const MIN_TRAVEL_SPEED_KMH: f64 = 0.1;
/// The most waypoints a story names.
pub const MAX_WAYPOINTS: usize = 1000;

/// Refuses a text longer than `max` characters, at its span.
pub(super) fn text(cx: &Ctx, field: &str, t: &Spanned<String>, max: usize) -> Result<(), Error> {
    let chars = t.get_ref().chars().count();
    if chars <= max {
        return Ok(());
    }
    cx.err(
        t.span(),
        format!("{field} is {chars} characters long: at most {max} are drawn on a map"),
        format!("shorten it to {max} characters or fewer; put longer text in the claims' quotes"),
    )
}

/// Refuses a story with more than [`MAX_WAYPOINTS`] waypoints, at the first one too many.
pub(super) fn waypoints<T>(cx: &Ctx, waypoints: &[Spanned<T>]) -> Result<(), Error> {
    match waypoints.get(MAX_WAYPOINTS) {
        None => Ok(()),
        Some(extra) => cx.err(
            extra.span(),
            format!(
                "the story has {} waypoints: at most {MAX_WAYPOINTS} are read",
                waypoints.len()
            ),
            "name the stops the claims are about; draw a GPS track with `routecheck map --track FILE`",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Story;

    fn story(title: &str, name: &str, what: &str, waypoints: usize) -> String {
        let mut s = format!("[story]\nid = \"t\"\ntitle = \"{title}\"\n");
        for i in 0..waypoints {
            let lat = i as f64 * 0.001;
            s.push_str(&format!(
                "[[waypoints]]\nid = \"w{i}\"\nat = \"{lat:.3}, 10\"\nname = \"{name}\"\n"
            ));
        }
        s.push_str(&format!(
            "[[events]]\nid = \"e\"\nat = \"w0\"\nwhat = \"{what}\"\ntime = 2023-09-10\ntz = \"UTC\"\n"
        ));
        s
    }

    /// Issue 19, item 5: a title of a million characters took minutes to rasterise; texts
    /// drawn on the map are limited up front, at their place in the file.
    #[test]
    fn regression_issue_19_drawn_texts_are_limited_up_front() {
        let ok = "é".repeat(MAX_TITLE_CHARS);
        assert!(Story::parse(&story(&ok, "n", "w", 2), "t.toml").is_ok());
        let long = "x".repeat(MAX_TITLE_CHARS + 1);
        let e = Story::parse(&story(&long, "n", "w", 2), "t.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t.toml:3:9: the title is 201 characters long: at most 200"),
            "{e}"
        );
        let long = "x".repeat(MAX_LABEL_CHARS + 1);
        let e = Story::parse(&story("T", &long, "w", 2), "t.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("the waypoint's name is 201 characters"), "{e}");
        let e = Story::parse(&story("T", "n", &long, 2), "t.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("the event's `what` is 201 characters"), "{e}");
        let e = Story::parse(
            &format!("[story]\nsubtitle = \"{}\"\n", "s".repeat(301)),
            "t.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("t.toml:2:12: the subtitle is 301"), "{e}");
    }

    /// Issue 19, item 5: a story of 50,000 waypoints took over a minute (two steps were
    /// quadratic); the limit is checked before any is read, and names the first one too many.
    #[test]
    fn regression_issue_19_waypoints_are_limited_up_front() {
        let s = story("T", "n", "w", MAX_WAYPOINTS);
        assert_eq!(
            Story::parse(&s, "t.toml").unwrap().waypoints.len(),
            MAX_WAYPOINTS
        );
        let s = story("T", "n", "w", MAX_WAYPOINTS + 1);
        let e = Story::parse(&s, "t.toml").unwrap_err().to_string();
        let line = 4 + 4 * MAX_WAYPOINTS;
        assert!(
            e.starts_with(&format!(
                "t.toml:{line}:1: the story has 1001 waypoints: at most 1000 are read"
            )),
            "{e}"
        );
    }

    /// The line of each waypoint (found by a binary search of the newlines) is the line the
    /// messages name.
    #[test]
    fn waypoint_lines_match_the_text() {
        let s = story("T", "n", "w", 50).replace("[[waypoints]]\n", "[[waypoints]]\r\n\n");
        let parsed = Story::parse(&s, "t.toml").unwrap();
        for (i, w) in parsed.waypoints.iter().enumerate() {
            let at = s.match_indices("[[waypoints]]").nth(i).unwrap().0;
            assert_eq!(w.line, crate::story::error::line_col(&s, at).0, "{}", w.id);
        }
    }
}
