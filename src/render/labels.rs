//! Label placement, one solver for every label on the static map: each label offers candidate
//! positions (around its marker, along its line, centred on an area, at a graticule tick) in
//! order of preference, and takes the first that fits: inside the frame, clear of every label
//! placed before it, of markers and map furniture, and not crossing the route. Labels come in
//! priority order (route places first, sea names last, see `annotate::LabelRole`), so when there
//! is no room the least important label is the one dropped; a label never goes on top of
//! another or across the route.

use super::grid_index::GridIndex;
use super::svg::{Anchor, Px};
use super::view::Rect;

/// Where a label went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// The label's box (for a rotated label, the axis-aligned box around it).
    pub rect: Rect,
    /// How the text is anchored: at `rect.x` (start), the middle, or `rect.right()` (end).
    pub anchor: Anchor,
    /// Rotation in degrees (0 except for labels along lines).
    pub angle_deg: f64,
    /// Centre of the (possibly rotated) label.
    pub centre: Px,
    /// A short leader line (from the marker's edge to the label) when the label had to move
    /// away from its marker.
    pub leader: Option<[Px; 2]>,
}

/// Everything a new label must avoid.
#[derive(Debug, Clone)]
pub struct Placer {
    frame: Rect,
    /// The least space between two labels, in pixels.
    gap_px: f64,
    labels: Vec<Rect>,
    blocks: Vec<Rect>,
    segments: Vec<(Px, Px)>,
    /// Where each of the above is, so that a candidate is checked against its neighbours only.
    label_grid: GridIndex,
    block_grid: GridIndex,
    segment_grid: GridIndex,
}

/// Does segment a–b touch rectangle r? (Liang–Barsky.)
pub fn segment_hits(a: Px, b: Px, r: &Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - r.x),
        (dx, r.right() - a.x),
        (-dy, a.y - r.y),
        (dy, r.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

impl Placer {
    /// A placer for labels that must stay inside `frame`, `gap_px` apart from one another.
    pub fn new(frame: Rect, gap_px: f64) -> Placer {
        Placer {
            frame,
            gap_px,
            labels: Vec::new(),
            blocks: Vec::new(),
            segments: Vec::new(),
            label_grid: GridIndex::new(frame),
            block_grid: GridIndex::new(frame),
            segment_grid: GridIndex::new(frame),
        }
    }

    /// Something labels must not cover (a marker, the legend, the inset).
    pub fn block(&mut self, r: Rect) {
        self.blocks.push(r);
        self.block_grid.push(r);
    }

    /// A line labels should not cross (the route).
    pub fn avoid_line(&mut self, line: &[Px]) {
        for w in line.windows(2) {
            self.segments.push((w[0], w[1]));
            self.segment_grid.push(Rect {
                x: w[0].x,
                y: w[0].y,
                w: w[1].x - w[0].x,
                h: w[1].y - w[0].y,
            });
        }
    }

    /// Does a label box fit: inside the frame (3 px in), clear of every label and block, and
    /// at least 1.5 px from every route segment?
    pub fn fits(&self, r: &Rect) -> bool {
        let inner = self.frame.inflate(-3.0);
        let finite = [r.x, r.y, r.w, r.h].iter().all(|v| v.is_finite());
        if !finite
            || r.x < inner.x
            || r.y < inner.y
            || r.right() > inner.right()
            || r.bottom() > inner.bottom()
        {
            return false;
        }
        // Only the neighbours the grids return can touch the box.
        let clear_of = |grid: &GridIndex, items: &[Rect], r: &Rect| {
            grid.near(r).into_iter().all(|i| items[i].overlap(r) == 0.0)
        };
        let spaced = r.inflate(self.gap_px);
        if !clear_of(&self.label_grid, &self.labels, &spaced)
            || !clear_of(&self.block_grid, &self.blocks, r)
        {
            return false;
        }
        let padded = r.inflate(1.5);
        !(self.segment_grid.near(&padded).into_iter())
            .any(|i| segment_hits(self.segments[i].0, self.segments[i].1, &padded))
    }

    /// Takes the most preferred of `candidates` (box, anchor, preference: lower first) that
    /// [fits](Placer::fits), and reserves its box. None when none fits: the caller drops the
    /// label (or tries a shorter form of it).
    pub fn place(&mut self, candidates: &[(Rect, Anchor, f64)]) -> Option<Placement> {
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by(|a, b| candidates[*a].2.total_cmp(&candidates[*b].2).then(a.cmp(b)));
        let i = order.into_iter().find(|i| self.fits(&candidates[*i].0))?;
        let (rect, anchor, _) = candidates[i];
        self.labels.push(rect);
        self.label_grid.push(rect);
        Some(Placement {
            rect,
            anchor,
            angle_deg: 0.0,
            centre: Px {
                x: rect.x + rect.w / 2.0,
                y: rect.y + rect.h / 2.0,
            },
            leader: None,
        })
    }

    /// Places a `w` × `h` label beside a marker of radius `r` at `at`: eight directions, near
    /// then farther out (with a leader line), east and west preferred (as cartographers do).
    pub fn place_point(&mut self, at: Px, r: f64, w: f64, h: f64) -> Option<Placement> {
        let mut cands = Vec::with_capacity(32);
        for (ring, gap) in [
            (0.0, r + 3.0),
            (40.0, r + 14.0),
            (90.0, r + 30.0),
            (140.0, r + 55.0),
        ] {
            let d = gap * std::f64::consts::FRAC_1_SQRT_2;
            let dirs: [(f64, f64, Anchor, f64); 8] = [
                (at.x + gap, at.y - h / 2.0, Anchor::Start, 0.0),
                (at.x - gap - w, at.y - h / 2.0, Anchor::End, 2.0),
                (at.x + d, at.y - d - h, Anchor::Start, 4.0),
                (at.x + d, at.y + d, Anchor::Start, 5.0),
                (at.x - d - w, at.y - d - h, Anchor::End, 6.0),
                (at.x - d - w, at.y + d, Anchor::End, 7.0),
                (at.x - w / 2.0, at.y - gap - h, Anchor::Middle, 8.0),
                (at.x - w / 2.0, at.y + gap, Anchor::Middle, 9.0),
            ];
            for (x, y, a, pref) in dirs {
                cands.push((Rect { x, y, w, h }, a, pref + ring));
            }
        }
        let pl = self.place(&cands)?;
        // Labels from the outer rings get a leader line from the marker's edge.
        // Half a pixel inside the label, or its centre line when it is thinner than that (an
        // empty name is zero wide).
        let near = pl.rect.inflate(-0.5);
        let q = Px {
            x: at
                .x
                .clamp(near.x.min(near.right()), near.right().max(near.x)),
            y: at
                .y
                .clamp(near.y.min(near.bottom()), near.bottom().max(near.y)),
        };
        let dist = ((q.x - at.x).powi(2) + (q.y - at.y).powi(2)).sqrt();
        let leader = (dist > r + 10.0).then(|| {
            let s = Px {
                x: at.x + (q.x - at.x) * r / dist,
                y: at.y + (q.y - at.y) * r / dist,
            };
            [s, q]
        });
        Some(Placement { leader, ..pl })
    }

    /// Places a `w` × `h` label along a pixel polyline, rotated to follow it, at the first
    /// straight-enough stretch (trying the middle first) that avoids other labels.
    pub fn place_along(&mut self, line: &[Px], w: f64, h: f64) -> Option<Placement> {
        let mut cum = vec![0.0];
        for s in line.windows(2) {
            let l =
                cum[cum.len() - 1] + ((s[1].x - s[0].x).powi(2) + (s[1].y - s[0].y).powi(2)).sqrt();
            cum.push(l);
        }
        let total = *cum.last()?;
        if total < w * 1.2 {
            return None;
        }
        let at = |s: f64| -> Px {
            let i = cum.partition_point(|c| *c < s).clamp(1, line.len() - 1);
            let t = ((s - cum[i - 1]) / (cum[i] - cum[i - 1]).max(1e-9)).clamp(0.0, 1.0);
            Px {
                x: line[i - 1].x + t * (line[i].x - line[i - 1].x),
                y: line[i - 1].y + t * (line[i].y - line[i - 1].y),
            }
        };
        let mut cands = Vec::new();
        for (n, f) in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88]
            .iter()
            .enumerate()
        {
            let s = f * total;
            if s - w / 2.0 < 0.0 || s + w / 2.0 > total {
                continue;
            }
            let (a, b, c) = (at(s - w / 2.0), at(s + w / 2.0), at(s));
            let chord = ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
            if chord < 0.85 * w {
                continue;
            }
            let mut ang = (b.y - a.y).atan2(b.x - a.x).to_degrees();
            if ang > 90.0 {
                ang -= 180.0;
            } else if ang < -90.0 {
                ang += 180.0;
            }
            let (sin, cos) = ang.to_radians().sin_cos();
            for side in [-1.0, 1.0] {
                let off = side * (h * 0.5 + 3.0);
                let centre = Px {
                    x: c.x - sin * off,
                    y: c.y + cos * off,
                };
                let bw = w * cos.abs() + h * sin.abs();
                let bh = w * sin.abs() + h * cos.abs();
                let rect = Rect {
                    x: centre.x - bw / 2.0,
                    y: centre.y - bh / 2.0,
                    w: bw,
                    h: bh,
                };
                cands.push((
                    rect,
                    centre,
                    ang,
                    n as f64 * 3.0 + if side < 0.0 { 0.0 } else { 1.0 },
                ));
            }
        }
        let boxes: Vec<(Rect, Anchor, f64)> = cands
            .iter()
            .map(|(r, _, _, p)| (*r, Anchor::Middle, *p))
            .collect();
        let placed = self.place(&boxes)?;
        let (_, centre, ang, _) = cands.iter().find(|(r, ..)| *r == placed.rect)?;
        Some(Placement {
            angle_deg: *ang,
            centre: *centre,
            ..placed
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 400.0,
        h: 300.0,
    };

    #[test]
    fn segment_rect_intersection() {
        let r = Rect {
            x: 10.0,
            y: 10.0,
            w: 10.0,
            h: 10.0,
        };
        assert!(segment_hits(
            Px { x: 0.0, y: 15.0 },
            Px { x: 30.0, y: 15.0 },
            &r
        ));
        assert!(!segment_hits(
            Px { x: 0.0, y: 0.0 },
            Px { x: 30.0, y: 5.0 },
            &r
        ));
        assert!(segment_hits(
            Px { x: 12.0, y: 12.0 },
            Px { x: 13.0, y: 13.0 },
            &r
        ));
    }

    #[test]
    fn labels_do_not_collide() {
        let mut p = Placer::new(FRAME, 0.0);
        let a = p
            .place_point(Px { x: 200.0, y: 150.0 }, 5.0, 80.0, 16.0)
            .unwrap();
        let b = p
            .place_point(Px { x: 205.0, y: 152.0 }, 5.0, 80.0, 16.0)
            .unwrap();
        assert_eq!(a.rect.overlap(&b.rect), 0.0);
        assert_eq!(a.anchor, Anchor::Start);
    }

    #[test]
    fn avoids_the_route_and_the_frame_edge() {
        let mut p = Placer::new(FRAME, 0.0);
        // A route running east from the marker: the label should not sit on it.
        p.avoid_line(&[Px { x: 100.0, y: 150.0 }, Px { x: 390.0, y: 150.0 }]);
        let a = p
            .place_point(Px { x: 100.0, y: 150.0 }, 5.0, 60.0, 14.0)
            .unwrap();
        assert!(!segment_hits(
            Px { x: 100.0, y: 150.0 },
            Px { x: 390.0, y: 150.0 },
            &a.rect
        ));
        // Near the right edge the label goes west.
        let b = p
            .place_point(Px { x: 390.0, y: 50.0 }, 5.0, 60.0, 14.0)
            .unwrap();
        assert!(b.rect.right() <= 397.0);
    }

    #[test]
    fn labels_are_dropped_when_crowded() {
        let mut p = Placer::new(FRAME, 0.0);
        p.block(FRAME);
        assert!(
            p.place_point(Px { x: 200.0, y: 150.0 }, 5.0, 60.0, 14.0)
                .is_none()
        );
    }

    #[test]
    fn along_a_line_follows_its_angle() {
        let mut p = Placer::new(FRAME, 0.0);
        let line: Vec<Px> = (0..=10)
            .map(|i| Px {
                x: 50.0 + 30.0 * f64::from(i),
                y: 50.0 + 15.0 * f64::from(i),
            })
            .collect();
        let pl = p.place_along(&line, 80.0, 12.0).unwrap();
        assert!((pl.angle_deg - 26.565).abs() < 0.1, "{}", pl.angle_deg);
    }

    /// Issue 17: a label that can only go across the route is dropped, never drawn over it.
    #[test]
    fn regression_issue_17_a_label_never_crosses_the_route() {
        let mut p = Placer::new(FRAME, 0.0);
        // A zigzag route through every candidate position around the marker.
        let mut zig = Vec::new();
        for i in 0..=80 {
            let x = 40.0 + 4.0 * f64::from(i);
            zig.push(Px { x, y: 40.0 });
            zig.push(Px {
                x: x + 2.0,
                y: 260.0,
            });
        }
        p.avoid_line(&zig);
        assert!(
            p.place_point(Px { x: 200.0, y: 150.0 }, 5.0, 60.0, 14.0)
                .is_none()
        );
        // Clear of the route, the same label fits.
        let mut q = Placer::new(FRAME, 0.0);
        q.avoid_line(&[Px { x: 0.0, y: 290.0 }, Px { x: 400.0, y: 290.0 }]);
        assert!(
            q.place_point(Px { x: 200.0, y: 150.0 }, 5.0, 60.0, 14.0)
                .is_some()
        );
    }

    /// Issue 17: many labels on one spot each take a free place (farther rings, with leaders)
    /// or are dropped; no two placed boxes overlap or come closer than the gap.
    #[test]
    fn regression_issue_17_a_crowd_of_labels_keeps_its_gap() {
        let mut p = Placer::new(FRAME, 3.0);
        let placed: Vec<Placement> = (0..12)
            .filter_map(|i| {
                let at = Px {
                    x: 200.0 + f64::from(i % 3) * 4.0,
                    y: 150.0 + f64::from(i / 3) * 3.0,
                };
                p.place_point(at, 4.0, 70.0, 14.0)
            })
            .collect();
        assert!(placed.len() >= 8, "{}", placed.len());
        assert!(placed.iter().any(|pl| pl.leader.is_some()));
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert_eq!(a.rect.inflate(2.9).overlap(&b.rect), 0.0, "{a:?} {b:?}");
            }
        }
    }

    /// Found by the `map_text` fuzz target: a zero-wide label (an empty name) made the leader
    /// line's clamp panic (min > max).
    #[test]
    fn regression_fuzz_an_empty_label_is_placed_without_panic() {
        let mut p = Placer::new(FRAME, 0.0);
        let a = p
            .place_point(Px { x: 100.0, y: 150.0 }, 5.0, 0.0, 0.0)
            .unwrap();
        assert!(a.leader.is_none(), "{a:?}");
    }
}
