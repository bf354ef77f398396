//! A minimal SVG writer: fixed number formatting (one decimal, no "-0"), XML escaping, and path
//! data from pixel polylines. Writing SVG directly rather than through plotters' backend keeps
//! sub-pixel coordinates (plotters rounds to whole pixels), dashes, text halos, multi-ring paths
//! with even-odd fill and clip paths, all of which a printed map needs.

use std::fmt::Write;

/// A point in pixels (x right, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Px {
    pub x: f64,
    pub y: f64,
}

/// Formats a pixel value with one decimal, dropping ".0" and never printing "-0".
pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// Escapes text for an XML text node or attribute value ([`crate::xml::escape`]).
pub fn esc(s: &str) -> String {
    crate::xml::escape(s)
}

/// Appends "M x y L x y …" (and "Z" when `closed`) for one polyline to `d`.
pub fn push_path(d: &mut String, pts: &[Px], closed: bool) {
    let mut last = String::new();
    for (i, p) in pts.iter().enumerate() {
        let xy = format!("{} {}", num(p.x), num(p.y));
        if i > 0 && xy == last {
            continue;
        }
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&xy);
        last = xy;
    }
    if closed && !pts.is_empty() {
        d.push('Z');
    }
}

/// A `<path>` element with the given data and attributes (written as-is after the data).
pub fn path(out: &mut String, d: &str, attrs: &str) {
    if !d.is_empty() {
        let _ = writeln!(out, r#"<path d="{d}" {attrs}/>"#);
    }
}

/// Text anchoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn word(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A `<text>` element at `at` (baseline), rotated by `angle_deg` about `at` when non-zero.
pub fn text(out: &mut String, at: Px, anchor: Anchor, angle_deg: f64, attrs: &str, s: &str) {
    let rot = if angle_deg.abs() > 0.05 {
        format!(
            r#" transform="rotate({} {} {})""#,
            num(angle_deg),
            num(at.x),
            num(at.y)
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" text-anchor="{}"{rot} {attrs}>{}</text>"#,
        num(at.x),
        num(at.y),
        anchor.word(),
        esc(s)
    );
}

/// A text halo: an outline of the text in the background colour, drawn under it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Halo<'a> {
    /// The outline's colour.
    pub colour: &'a str,
    /// The outline's width, in pixels.
    pub width: f64,
}

/// A label with a halo: the same text twice, first as the outline (stroke only), then filled.
/// Every SVG renderer draws that alike; a single element with `paint-order="stroke"` is drawn
/// fill-then-stroke by renderers that ignore `paint-order` (cairosvg), hiding the letters.
/// `font_attrs` sets the font only (size, weight, spacing), never the paint.
#[allow(clippy::too_many_arguments)]
pub fn halo_text(
    out: &mut String,
    at: Px,
    anchor: Anchor,
    angle_deg: f64,
    font_attrs: &str,
    fill: &str,
    halo: Halo,
    s: &str,
) {
    let outline = format!(
        r#"{font_attrs} fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round""#,
        halo.colour,
        num(halo.width)
    );
    text(out, at, anchor, angle_deg, &outline, s);
    text(
        out,
        at,
        anchor,
        angle_deg,
        &format!(r#"{font_attrs} fill="{fill}""#),
        s,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_stable() {
        assert_eq!(num(12.04), "12");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(3.25), "3.3");
        assert_eq!(num(-7.66), "-7.7");
    }

    #[test]
    fn halo_is_an_outline_under_the_filled_text() {
        let mut out = String::new();
        let halo = Halo {
            colour: "#fff",
            width: 3.5,
        };
        halo_text(
            &mut out,
            Px { x: 1.0, y: 2.0 },
            Anchor::Start,
            0.0,
            r#"font-size="12""#,
            "#111",
            halo,
            "Khasan",
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains(r##"fill="none" stroke="#fff" stroke-width="3.5""##));
        assert!(lines[1].contains(r##"fill="#111""##) && !lines[1].contains("stroke"));
        assert!(!out.contains("paint-order"));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("A & B <\"c\">"), "A &amp; B &lt;&quot;c&quot;&gt;");
    }

    #[test]
    fn path_skips_repeated_points() {
        let mut d = String::new();
        push_path(
            &mut d,
            &[
                Px { x: 0.0, y: 0.0 },
                Px { x: 0.01, y: 0.0 },
                Px { x: 5.0, y: 5.0 },
            ],
            true,
        );
        assert_eq!(d, "M0 0L5 5Z");
    }
}
