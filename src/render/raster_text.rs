//! The labels of our own SVG (the map's and the chart's) drawn straight onto the raster, not
//! laid out by usvg: each `<text>` element the rasteriser can set itself is taken out of the
//! SVG before usvg reads it, shaped here (harfrust, tables built once per face for the
//! process) and placed as usvg places it (`text-anchor`, `letter-spacing`, `dy`, the font's
//! kerning), and each distinct glyph's outline, and its halo outline (the stroke of the glyph,
//! as a shape to fill), is computed once per face, size and stroke.
//!
//! Why: laying out the labels was three quarters of usvg's reading of the default map, and
//! stroking the same letters' halos again for every label a large part of drawing it.
//!
//! The element is replaced by an invisible marker path (`id="rc-text-N"`, no paint) at its
//! place in the document, so the label is drawn in its turn, under what comes after it, with
//! the transform of the groups around it. Only the subset of SVG text our writers emit is
//! taken: one run of left-to-right text in a bundled face, with plain attributes, in plain
//! groups (no clip, mask, filter or opacity around it). Anything else (an unknown attribute or
//! entity, a glyph the face lacks, right-to-left script) is left as `<text>` for usvg, so the
//! picture never depends on this pass understanding it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use harfrust::{ShaperData, UnicodeBuffer};
use resvg::tiny_skia::{self, Path, PathBuilder, PathSegment, Rect, Transform};
use skrifa::MetadataProvider;
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::prelude::{LocationRef, Size};
use skrifa::raw::TableProvider;

use super::fonts::{self, Face};
use super::style::FONT_FAMILY;

/// The id prefix of the marker paths that stand for the labels taken out.
pub(super) const MARKER: &str = "rc-text-";

/// A label taken out of the SVG, ready to draw: its glyphs placed in the element's user space.
pub(super) struct Label {
    /// Every glyph's outline, placed.
    fill_path: Path,
    fill: Option<tiny_skia::Color>,
    stroke: Option<LabelStroke>,
    /// The stroke is painted first (`paint-order="stroke"`).
    stroke_first: bool,
    /// The label's box in user space, its halo included.
    bounds: Rect,
}

struct LabelStroke {
    colour: tiny_skia::Color,
    stroke: tiny_skia::Stroke,
    /// The union of every glyph's stroke outline, placed: what stroking `fill_path` gives when
    /// the transform does not scale (shared by the glyphs of every label with this stroke).
    outline: Option<Path>,
}

/// `svg` with each `<text>` element this pass can draw replaced by a marker path, and the
/// labels the markers stand for (marker `N` is `labels[N]`). The SVG is returned as it is, with
/// no labels, when it has nothing to take or when its root sets attributes a label would
/// inherit.
pub(super) fn take_labels(svg: &str) -> (Cow<'_, str>, Vec<Label>) {
    // A style sheet could style the labels: leave them all to usvg.
    if !svg.contains("<text") || svg.contains(MARKER) || svg.contains("<style") || !plain_root(svg)
    {
        return (Cow::Borrowed(svg), Vec::new());
    }
    let mut glyphs = Glyphs::default();
    let mut labels = Vec::new();
    let mut out = String::with_capacity(svg.len());
    // Open elements that change how what is inside them is drawn (clip, mask, opacity…), or
    // that are not drawn at all (defs, clip paths): labels inside them are left to usvg.
    let mut open: Vec<bool> = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        // Comments and character data are copied as they are, whatever they hold.
        if let Some((opening, closing)) = [("<!--", "-->"), ("<![CDATA[", "]]>")]
            .into_iter()
            .find(|(o, _)| tail.starts_with(o))
        {
            let end = tail[opening.len()..]
                .find(closing)
                .map_or(tail.len(), |e| opening.len() + e + closing.len());
            out.push_str(&tail[..end]);
            rest = &tail[end..];
            continue;
        }
        let is_text = tail.starts_with("<text")
            && tail[5..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace());
        if is_text && !open.iter().any(|isolating| *isolating) {
            let Some(end) = tail.find("</text>").map(|e| e + "</text>".len()) else {
                out.push_str(tail);
                return (Cow::Owned(out), labels);
            };
            let element = &tail[..end];
            match label(element, &mut glyphs) {
                Some((label, transform)) => {
                    let (x, y) = (label.bounds.left(), label.bounds.top());
                    out.push_str(&format!(
                        r#"<path id="{MARKER}{}" d="M{x} {y}h1v1h-1z" fill="none"{transform}/>"#,
                        labels.len()
                    ));
                    labels.push(label);
                }
                None => out.push_str(element),
            }
            rest = &tail[end..];
            continue;
        }
        let Some(close) = tail.find('>') else {
            out.push_str(tail);
            return (Cow::Owned(out), labels);
        };
        let tag = &tail[..=close];
        if let Some(_name) = tag.strip_prefix("</") {
            open.pop();
        } else if !(tag.starts_with("<!") || tag.starts_with("<?") || tag.ends_with("/>")) {
            open.push(isolating(tag));
        }
        out.push_str(tag);
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    (Cow::Owned(out), labels)
}

/// Whether the root `<svg>` sets only what a label does not inherit, or inherits as the
/// rasteriser would take it anyway (the bundled family).
fn plain_root(svg: &str) -> bool {
    let Some(start) = svg.find("<svg") else {
        return false;
    };
    let Some(end) = svg[start..].find('>') else {
        return false;
    };
    let Some(attrs) = attributes(&svg[start + "<svg".len()..start + end]) else {
        return false;
    };
    attrs.iter().all(|(name, value)| match *name {
        "xmlns" | "width" | "height" | "viewBox" => true,
        "font-family" => value
            .split(',')
            .next()
            .is_some_and(|f| f.trim() == FONT_FAMILY),
        _ => false,
    })
}

/// Whether an element start tag changes how its content is drawn as a whole (anything but a
/// plain group, or a group with only a transform or an id).
fn isolating(tag: &str) -> bool {
    let body = tag.trim_end_matches('>').trim_end_matches('/');
    let Some(attrs) = body.strip_prefix("<g") else {
        return !body.starts_with("<svg");
    };
    if !(attrs.is_empty() || attrs.starts_with(char::is_whitespace)) {
        return true;
    }
    attributes(attrs).is_none_or(|a| a.iter().any(|(n, _)| !matches!(*n, "transform" | "id")))
}

/// `name="value"` pairs, or None if the text is not a plain list of them.
fn attributes(s: &str) -> Option<Vec<(&str, &str)>> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let (name, after) = rest.split_once("=\"")?;
        let (value, after) = after.split_once('"')?;
        out.push((name.trim(), value));
        rest = after.trim_start();
    }
    Some(out)
}

/// A face's bytes with its shaping tables and units per em, built once for the process.
struct Shaping {
    bytes: &'static [u8],
    data: ShaperData,
    upem: f32,
}

fn shaping(face: Face) -> Option<&'static Shaping> {
    static FACES: [OnceLock<Option<Shaping>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (slot, bytes) = match face {
        Face::Regular => (&FACES[0], fonts::REGULAR),
        Face::Bold => (&FACES[1], fonts::BOLD),
        Face::Oblique => (&FACES[2], fonts::OBLIQUE),
    };
    slot.get_or_init(|| {
        let font = harfrust::FontRef::new(bytes).ok()?;
        let upem = skrifa::FontRef::new(bytes)
            .ok()?
            .head()
            .ok()?
            .units_per_em();
        Some(Shaping {
            bytes,
            data: ShaperData::new(&font),
            upem: f32::from(upem),
        })
    })
    .as_ref()
}

/// Draws a glyph outline into a path, scaled from font units (y up) to pixels (y down).
struct Pen {
    path: PathBuilder,
    scale: f32,
}

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.path.move_to(x * self.scale, -y * self.scale);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.path.line_to(x * self.scale, -y * self.scale);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        let s = self.scale;
        self.path.quad_to(cx0 * s, -cy0 * s, x * s, -y * s);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let s = self.scale;
        (self.path).cubic_to(cx0 * s, -cy0 * s, cx1 * s, -cy1 * s, x * s, -y * s);
    }
    fn close(&mut self) {
        self.path.close();
    }
}

/// A glyph at a size, and a stroke of it: (face, glyph id, size's bits, stroke's key).
type GlyphKey = (Face, u32, u32, Option<(u32, u8)>);

/// Each distinct glyph's outline at a size (stroke key None), and its stroke outlines, made
/// once per SVG; None for a glyph with no outline (a space).
#[derive(Default)]
struct Glyphs(HashMap<GlyphKey, Option<Path>>);

impl Glyphs {
    fn outline(&mut self, face: Face, gid: u32, size: f32) -> Option<&Path> {
        let key = (face, gid, size.to_bits(), None);
        self.0
            .entry(key)
            .or_insert_with(|| {
                let s = shaping(face)?;
                let font = skrifa::FontRef::new(s.bytes).ok()?;
                let glyph = font.outline_glyphs().get(gid.into())?;
                let mut pen = Pen {
                    path: PathBuilder::new(),
                    scale: size / s.upem,
                };
                let settings = DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
                glyph.draw(settings, &mut pen).ok()?;
                pen.path.finish()
            })
            .as_ref()
    }

    /// The outline of the glyph stroked with `stroke` (no dashes), as a shape to fill.
    fn stroked(
        &mut self,
        face: Face,
        gid: u32,
        size: f32,
        stroke: &tiny_skia::Stroke,
    ) -> Option<&Path> {
        let join = stroke.line_join as u8;
        let key = (
            face,
            gid,
            size.to_bits(),
            Some((stroke.width.to_bits(), join)),
        );
        if !self.0.contains_key(&key) {
            let outline = self.outline(face, gid, size).cloned();
            let stroked = outline.and_then(|p| p.stroke(stroke, 1.0));
            self.0.insert(key, stroked);
        }
        self.0.get(&key)?.as_ref()
    }
}

/// The label an element (`<text …>…</text>`) draws, with the marker's transform attribute
/// (empty when it has none); None when it is outside the subset this pass draws.
fn label(element: &str, glyphs: &mut Glyphs) -> Option<(Label, String)> {
    let open_end = element.find('>')?;
    // A start tag that never closes before `</text>` is not a label (usvg rejects it).
    let body_end = element.len() - "</text>".len();
    if open_end >= body_end {
        return None;
    }
    let head = &element["<text".len()..open_end];
    let body = &element[open_end + 1..body_end];
    let a = parse_attrs(head)?;
    let text = content(body)?;
    let face = match (a.bold, a.italic) {
        (false, false) => Face::Regular,
        (true, false) => Face::Bold,
        (false, true) => Face::Oblique,
        (true, true) => return None,
    };
    if a.size <= 0.0 || !a.size.is_finite() || !supported_text(&text, a.spacing) {
        return None;
    }
    let dy = match a.dy.map(|d| length(d, a.size)) {
        None => 0.0,
        Some(Some(v)) => v,
        Some(None) => return None,
    };
    let placed = place(&text, face, &a, dy)?;
    let mut fill = PathBuilder::new();
    let mut outline = PathBuilder::new();
    let halo = a
        .stroke
        .as_ref()
        .map(|(_, s)| s.clone())
        .filter(|s| s.width > 1.0);
    for (gid, x, y) in &placed {
        if let Some(p) = glyphs.outline(face, *gid, a.size) {
            push_shifted(&mut fill, p, *x, *y);
        }
        if let Some(s) = &halo
            && let Some(p) = glyphs.stroked(face, *gid, a.size, s)
        {
            push_shifted(&mut outline, p, *x, *y);
        }
    }
    let fill_path = fill.finish()?;
    let outline = outline.finish();
    let mut bounds = fill_path.bounds();
    if let Some((_, s)) = &a.stroke {
        let grow = s.width * s.miter_limit.max(1.0) / 2.0 + 1.0;
        bounds = Rect::from_ltrb(
            bounds.left() - grow,
            bounds.top() - grow,
            bounds.right() + grow,
            bounds.bottom() + grow,
        )?;
    }
    let stroke = a.stroke.map(|(colour, stroke)| LabelStroke {
        colour,
        outline: if stroke.width > 1.0 { outline } else { None },
        stroke,
    });
    let transform = a
        .transform
        .map(|t| format!(r#" transform="{t}""#))
        .unwrap_or_default();
    Some((
        Label {
            fill_path,
            fill: a.fill,
            stroke,
            stroke_first: a.stroke_first,
            bounds,
        },
        transform,
    ))
}

/// Appends `path` to `to`, moved by (`dx`, `dy`).
fn push_shifted(to: &mut PathBuilder, path: &Path, dx: f32, dy: f32) {
    for seg in path.segments() {
        match seg {
            PathSegment::MoveTo(p) => to.move_to(p.x + dx, p.y + dy),
            PathSegment::LineTo(p) => to.line_to(p.x + dx, p.y + dy),
            PathSegment::QuadTo(p1, p) => to.quad_to(p1.x + dx, p1.y + dy, p.x + dx, p.y + dy),
            PathSegment::CubicTo(p1, p2, p) => to.cubic_to(
                p1.x + dx,
                p1.y + dy,
                p2.x + dx,
                p2.y + dy,
                p.x + dx,
                p.y + dy,
            ),
            PathSegment::Close => to.close(),
        }
    }
}

impl Label {
    /// The label's box in the raster's coordinates under `transform`.
    pub(super) fn reach(&self, transform: Transform) -> Option<Rect> {
        self.bounds.transform(transform)
    }

    /// Draws the label as resvg draws the `<text>` it was: stroke and fill in the element's
    /// paint order, anti-aliased.
    pub(super) fn draw(&self, transform: Transform, band: &mut tiny_skia::PixmapMut) {
        let paint = |c: tiny_skia::Color| {
            let mut p = tiny_skia::Paint::default();
            p.set_color(c);
            p.anti_alias = true;
            p
        };
        let fill = |band: &mut tiny_skia::PixmapMut| {
            if let Some(c) = self.fill {
                let rule = tiny_skia::FillRule::Winding;
                band.fill_path(&self.fill_path, &paint(c), rule, transform, None);
            }
        };
        let stroke = |band: &mut tiny_skia::PixmapMut| {
            let Some(s) = &self.stroke else { return };
            match &s.outline {
                // Only a move: the stroke outline made at scale 1 is the one tiny-skia makes.
                Some(outline) if transform.is_translate() => {
                    let rule = tiny_skia::FillRule::Winding;
                    band.fill_path(outline, &paint(s.colour), rule, transform, None);
                }
                _ => band.stroke_path(
                    &self.fill_path,
                    &paint(s.colour),
                    &s.stroke,
                    transform,
                    None,
                ),
            }
        };
        if self.stroke_first {
            stroke(band);
            fill(band);
        } else {
            fill(band);
            stroke(band);
        }
    }
}

/// The attributes a label may carry.
#[derive(Default)]
struct TextAttrs<'a> {
    x: f32,
    y: f32,
    dy: Option<&'a str>,
    anchor: &'a str,
    size: f32,
    bold: bool,
    italic: bool,
    spacing: f32,
    fill: Option<tiny_skia::Color>,
    stroke: Option<(tiny_skia::Color, tiny_skia::Stroke)>,
    stroke_first: bool,
    transform: Option<&'a str>,
}

/// The attributes of a `<text` start tag, or None if one is outside the subset.
fn parse_attrs(head: &str) -> Option<TextAttrs<'_>> {
    let mut a = TextAttrs {
        anchor: "start",
        fill: Some(tiny_skia::Color::BLACK),
        ..Default::default()
    };
    let mut size = None;
    let mut stroke_colour = None;
    let mut stroke = tiny_skia::Stroke {
        width: 1.0,
        ..Default::default()
    };
    for (name, value) in attributes(head)? {
        match name {
            "x" => a.x = value.parse().ok()?,
            "y" => a.y = value.parse().ok()?,
            "dy" => a.dy = Some(value),
            "text-anchor" if matches!(value, "start" | "middle" | "end") => a.anchor = value,
            "font-size" => size = Some(value.parse().ok()?),
            "font-weight" if value == "bold" => a.bold = true,
            "font-weight" if value == "normal" => {}
            "font-style" if value == "italic" => a.italic = true,
            "font-style" if value == "normal" => {}
            "font-family" if value == FONT_FAMILY => {}
            "letter-spacing" => a.spacing = value.parse().ok()?,
            "opacity" if value == "1" => {}
            "fill" => a.fill = paint(value)?,
            "stroke" => stroke_colour = paint(value)?,
            "stroke-width" => stroke.width = value.parse().ok()?,
            "stroke-linejoin" => {
                stroke.line_join = match value {
                    "miter" => tiny_skia::LineJoin::Miter,
                    "round" => tiny_skia::LineJoin::Round,
                    "bevel" => tiny_skia::LineJoin::Bevel,
                    _ => return None,
                }
            }
            "paint-order" if value == "stroke" => a.stroke_first = true,
            "paint-order" if value == "normal" => {}
            "transform" if value.starts_with("rotate(") && !value.contains(['&', '"']) => {
                a.transform = Some(value)
            }
            _ => return None,
        }
    }
    a.size = size?;
    if !(stroke.width.is_finite() && stroke.width >= 0.0) {
        return None;
    }
    a.stroke = stroke_colour
        .filter(|_| stroke.width > 0.0)
        .map(|c| (c, stroke));
    Some(a)
}

/// A paint attribute: Some(None) for `none`, the colour for `#rgb` or `#rrggbb`; None for
/// anything else.
fn paint(v: &str) -> Option<Option<tiny_skia::Color>> {
    if v == "none" {
        return Some(None);
    }
    let hex = v.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let n = u32::from_str_radix(hex, 16).ok()?;
    let (r, g, b) = match hex.len() {
        6 => (n >> 16, (n >> 8) & 0xff, n & 0xff),
        3 => ((n >> 8) * 17, ((n >> 4) & 0xf) * 17, (n & 0xf) * 17),
        _ => return None,
    };
    Some(Some(tiny_skia::Color::from_rgba8(
        r as u8, g as u8, b as u8, 255,
    )))
}

/// A `dy` length in pixels: a number, or one in `em` or `ex` (half an em, as usvg takes it).
fn length(v: &str, size: f32) -> Option<f32> {
    if let Some(n) = v.strip_suffix("em") {
        Some(n.parse::<f32>().ok()? * size)
    } else if let Some(n) = v.strip_suffix("ex") {
        Some(n.parse::<f32>().ok()? * size / 2.0)
    } else {
        v.strip_suffix("px").unwrap_or(v).parse().ok()
    }
}

/// The element's text as SVG's default white-space handling gives it: newlines removed, tabs
/// as spaces, ends trimmed, runs of spaces as one; entities decoded. None for markup inside or
/// an entity other than XML's five and numeric ones.
fn content(body: &str) -> Option<String> {
    if body.contains('<') {
        return None;
    }
    let decoded = unescape(body)?;
    let mut out = String::with_capacity(decoded.len());
    for c in decoded.chars() {
        match c {
            '\n' | '\r' => {}
            '\t' | ' ' => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    (!out.is_empty()).then_some(out)
}

/// XML's five entities and numeric character references decoded; None for any other `&`.
fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let (name, after) = rest[at + 1..].split_once(';')?;
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let n = match name.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => name.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(n)?
            }
        };
        out.push(c);
        rest = after;
    }
    out.push_str(rest);
    Some(out)
}

/// Text this pass lays out as usvg does: no right-to-left letters (usvg reorders them), and
/// letter-spacing only over ASCII (usvg leaves it out for cursive scripts).
fn supported_text(text: &str, spacing: f32) -> bool {
    let rtl = |c: char| {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
            || matches!(c, '\u{200F}' | '\u{202B}' | '\u{202E}' | '\u{2067}')
    };
    spacing.is_finite() && (spacing == 0.0 || text.is_ascii()) && !text.chars().any(rtl)
}

/// `text` shaped in `face` and placed at the element's anchor: (glyph id, x, y) of each glyph's
/// origin in user space. None when the face lacks a glyph (usvg would fall back to another).
fn place(text: &str, face: Face, a: &TextAttrs, dy: f32) -> Option<Vec<(u32, f32, f32)>> {
    let shaping = shaping(face)?;
    let font = harfrust::FontRef::new(shaping.bytes).ok()?;
    let shaper = shaping.data.shaper(&font).build();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(harfrust::Direction::LeftToRight);
    buffer.guess_segment_properties();
    let shaped = shaper.shape(buffer, harfrust::ShapeOptions::new());
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    if infos.iter().any(|g| g.glyph_id == 0) {
        return None;
    }
    let sx = a.size / shaping.upem;
    // Clusters as usvg forms them: the glyphs of one source character (or ligature), each
    // placed after the ones before it in font units; the cluster advances in pixels.
    let mut placed = Vec::with_capacity(infos.len());
    let mut advances: Vec<f32> = Vec::new();
    let mut in_cluster = 0.0f32;
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        if i == 0 || info.cluster != infos[i - 1].cluster {
            advances.push(0.0);
            in_cluster = 0.0;
        }
        let dx = in_cluster + pos.x_offset as f32;
        let gy = -(pos.y_offset as f32);
        placed.push((info.glyph_id, dx, gy, advances.len() - 1));
        in_cluster += pos.x_advance as f32;
        *advances.last_mut()? += pos.x_advance as f32 * sx;
    }
    let n = advances.len();
    for adv in advances.iter_mut().take(n.saturating_sub(1)) {
        *adv += a.spacing;
    }
    if advances.iter().any(|v| *v < 0.0) {
        return None;
    }
    let width: f32 = advances.iter().sum();
    let start = match a.anchor {
        "middle" => -width / 2.0,
        "end" => -width,
        _ => 0.0,
    };
    let mut cluster_x = Vec::with_capacity(n);
    let mut x = start;
    for adv in &advances {
        cluster_x.push(x);
        x += adv;
    }
    let (ox, oy) = (a.x, a.y + dy);
    Some(
        placed
            .into_iter()
            .map(|(gid, gx, gy, c)| (gid, ox + cluster_x[c] + sx * gx, oy + sx * gy))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" font-family="DejaVu Sans, sans-serif">"#;

    /// Labels in the subset become markers, in document order; everything else stays text.
    #[test]
    fn takes_the_labels_it_can_draw_and_leaves_the_rest() {
        let taken = [
            r##"<text x="5" y="20" text-anchor="start" font-size="12" fill="#111">Khasan &amp; km 857</text>"##,
            r##"<g transform="rotate(3 10 10)"><text x="5" y="40" text-anchor="middle" font-size="12" font-weight="bold" fill="#111" stroke="#fff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">Хасан</text></g>"##,
        ];
        let left = [
            r##"<text x="5" y="20" font-size="12" fill="#111">A<tspan>B</tspan></text>"##,
            r##"<text x="5" y="20" font-size="12" opacity="0.5" fill="#111">half</text>"##,
            r##"<g clip-path="url(#c)"><text x="5" y="20" font-size="12" fill="#111">clipped</text></g>"##,
            r##"<text x="5" y="20" font-size="12" font-weight="bold" font-style="italic">both</text>"##,
            r##"<text x="5" y="20" font-size="12">שלום</text>"##,
            r##"<text x="5" y="20" font-size="12" fill="url(#g)">gradient</text>"##,
            r##"<text x="5" y="20" font-size="12" class="x">styled</text>"##,
            r##"<text x="5" y="20" font-size="12">&nbsp;</text>"##,
            r##"<!-- <text x="5" y="20" font-size="12">a comment</text> -->"##,
        ];
        let svg = format!("{HEAD}{}{}</svg>", taken.concat(), left.concat());
        let (marked, labels) = take_labels(&svg);
        assert_eq!(labels.len(), 2);
        assert!(marked.contains(r#"id="rc-text-0""#) && marked.contains(r#"id="rc-text-1""#));
        assert!(marked.contains(r#"<g transform="rotate(3 10 10)"><path id="rc-text-1""#));
        assert_eq!(marked.matches("<text").count(), left.len());
        for l in left {
            assert!(marked.contains(l), "{l}");
        }
        // The halo: stroke drawn first, its outline made from the glyphs' own.
        let halo = labels[1].stroke.as_ref().unwrap();
        assert!(labels[1].stroke_first && halo.outline.is_some());
        assert!(labels[0].stroke.is_none() && !labels[0].stroke_first);
    }

    /// Nothing is taken when the root sets what a label would inherit, or when the SVG already
    /// uses the marker ids.
    #[test]
    fn leaves_every_label_when_it_cannot_tell_what_they_inherit() {
        let label = r##"<text x="5" y="20" font-size="12">Tumen</text>"##;
        for svg in [
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9" fill="red">{label}</svg>"#
            ),
            format!(r#"<svg xmlns="http://www.w3.org/2000/svg" font-family="serif">{label}</svg>"#),
            format!(r#"{HEAD}<path id="rc-text-0" d="M0 0h1"/>{label}</svg>"#),
            format!(r#"{HEAD}<style>text {{ fill: red }}</style>{label}</svg>"#),
        ] {
            let (marked, labels) = take_labels(&svg);
            assert!(labels.is_empty() && marked == svg, "{svg}");
        }
        let (_, labels) = take_labels(&format!("{HEAD}{label}</svg>"));
        assert_eq!(labels.len(), 1);
        // Broken markup is left for usvg to reject, without a panic here.
        for broken in [r#"<text x="a</text>"#, "<text>", "<text x=\"1\"></text"] {
            let svg = format!("{HEAD}{broken}</svg>");
            assert!(take_labels(&svg).1.is_empty(), "{broken}");
        }
    }

    /// Glyphs are placed as the anchor asks, and a repeated glyph is outlined once.
    #[test]
    fn anchors_place_the_text_and_glyphs_are_outlined_once() {
        let mut glyphs = Glyphs::default();
        let at = |anchor: &str, glyphs: &mut Glyphs| {
            let el = format!(
                r##"<text x="100" y="50" text-anchor="{anchor}" font-size="20" fill="#000">Tumen Tumen</text>"##
            );
            label(&el, glyphs).unwrap().0.bounds
        };
        let (start, middle, end) = (
            at("start", &mut glyphs),
            at("middle", &mut glyphs),
            at("end", &mut glyphs),
        );
        assert!((start.left() - 100.0).abs() < 3.0, "{start:?}");
        assert!((end.right() - 100.0).abs() < 3.0, "{end:?}");
        assert!(((middle.left() + middle.right()) / 2.0 - 100.0).abs() < 3.0);
        assert!((start.width() - end.width()).abs() < 0.01);
        // T, u, m, e, n at one size (the space has no outline): five outlines.
        assert_eq!(glyphs.0.len(), 6);
        assert_eq!(glyphs.0.values().filter(|p| p.is_some()).count(), 5);
    }
}
