//! Legs that share track (an outbound trip and its return, or two journeys on one line) drawn
//! side by side: where a stretch of a leg runs along another leg, it moves half a gap to the
//! right of its own direction of travel, so a trip out and back shows as two parallel lines,
//! each with its own arrows, instead of one on top of the other.

use super::grid_index::GridIndex;
use super::labels::segment_hits;
use super::svg::Px;
use super::view::Rect;

/// How close (in pixels) a segment must run to another leg to count as sharing its track.
const SHARED_PX: f64 = 1.0;

/// The legs, with every stretch they share with another leg offset by `gap_px / 2` to the
/// right of travel. Legs that share nothing come back unchanged.
pub fn side_by_side(legs: Vec<Vec<Px>>, gap_px: f64) -> Vec<Vec<Px>> {
    if legs.len() < 2 {
        return legs;
    }
    // Every segment of every leg, indexed by where it is.
    let mut segs: Vec<(usize, Px, Px)> = Vec::new();
    let mut bounds = Rect {
        x: f64::MAX,
        y: f64::MAX,
        w: 0.0,
        h: 0.0,
    };
    let (mut x1, mut y1) = (f64::MIN, f64::MIN);
    for p in legs
        .iter()
        .flatten()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
    {
        bounds.x = bounds.x.min(p.x);
        bounds.y = bounds.y.min(p.y);
        x1 = x1.max(p.x);
        y1 = y1.max(p.y);
    }
    if x1 < bounds.x {
        return legs;
    }
    bounds.w = x1 - bounds.x;
    bounds.h = y1 - bounds.y;
    let mut grid = GridIndex::new(bounds);
    for (i, leg) in legs.iter().enumerate() {
        for w in leg.windows(2) {
            segs.push((i, w[0], w[1]));
            grid.push(Rect {
                x: w[0].x,
                y: w[0].y,
                w: w[1].x - w[0].x,
                h: w[1].y - w[0].y,
            });
        }
    }
    // A point is on another leg's track when a segment of that leg passes within SHARED_PX.
    let on_other = |leg: usize, p: Px| {
        let probe = Rect {
            x: p.x - SHARED_PX,
            y: p.y - SHARED_PX,
            w: 2.0 * SHARED_PX,
            h: 2.0 * SHARED_PX,
        };
        grid.near(&probe)
            .into_iter()
            .any(|s| segs[s].0 != leg && segment_hits(segs[s].1, segs[s].2, &probe))
    };
    legs.iter()
        .enumerate()
        .map(|(i, leg)| {
            let shared: Vec<bool> = leg
                .windows(2)
                .map(|w| {
                    let mid = Px {
                        x: (w[0].x + w[1].x) / 2.0,
                        y: (w[0].y + w[1].y) / 2.0,
                    };
                    on_other(i, w[0]) && on_other(i, mid) && on_other(i, w[1])
                })
                .collect();
            if !shared.contains(&true) {
                return leg.clone();
            }
            (0..leg.len())
                .map(|v| {
                    let before = v.checked_sub(1).filter(|s| shared[*s]);
                    let after = Some(v).filter(|s| *s < shared.len() && shared[*s]);
                    // The mean direction of the shared segments at this vertex.
                    let (mut dx, mut dy) = (0.0, 0.0);
                    for s in before.into_iter().chain(after) {
                        let (a, b) = (leg[s], leg[s + 1]);
                        let len = ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
                        if len > 0.0 {
                            dx += (b.x - a.x) / len;
                            dy += (b.y - a.y) / len;
                        }
                    }
                    let len = (dx * dx + dy * dy).sqrt();
                    if len < 1e-9 {
                        return leg[v];
                    }
                    // Right of travel on screen (y down): (-dy, dx).
                    let off = gap_px / 2.0 / len;
                    Px {
                        x: leg[v].x - dy * off,
                        y: leg[v].y + dx * off,
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn px(x: f64, y: f64) -> Px {
        Px { x, y }
    }

    /// Issue 17: an outbound leg and its return on the same track come apart by the gap, one
    /// on each side; a leg that shares nothing is unchanged.
    #[test]
    fn regression_issue_17_out_and_back_are_drawn_side_by_side() {
        let out = vec![px(10.0, 50.0), px(100.0, 50.0), px(200.0, 50.0)];
        let back: Vec<Px> = out.iter().rev().copied().collect();
        let apart = vec![px(10.0, 200.0), px(200.0, 220.0)];
        let legs = side_by_side(vec![out.clone(), back, apart.clone()], 4.0);
        // Eastbound moves south (right of travel on screen), westbound north.
        assert!(
            legs[0].iter().all(|p| (p.y - 52.0).abs() < 1e-9),
            "{:?}",
            legs[0]
        );
        assert!(
            legs[1].iter().all(|p| (p.y - 48.0).abs() < 1e-9),
            "{:?}",
            legs[1]
        );
        for (a, b) in legs[0].iter().zip(legs[1].iter().rev()) {
            assert!((a.x - b.x).abs() < 1e-9);
        }
        assert_eq!(legs[2], apart);
    }

    /// Legs that only meet at a station (one ends where the next begins) stay where they are.
    #[test]
    fn consecutive_legs_are_not_offset() {
        let a = vec![px(0.0, 0.0), px(100.0, 0.0)];
        let b = vec![px(100.0, 0.0), px(100.0, 100.0)];
        let legs = side_by_side(vec![a.clone(), b.clone()], 4.0);
        assert_eq!(legs, vec![a, b]);
    }
}
