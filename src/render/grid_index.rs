//! A uniform grid over the map frame that answers "which boxes may touch this rectangle?", so
//! that placing each label looks at its neighbours instead of every label, marker and route
//! segment drawn so far (placing n labels was quadratic: 8,000 waypoints took seconds).
//!
//! A query returns a superset of the items that touch the rectangle, in insertion order, so a
//! sum over them equals the sum over all items (the others add exactly nothing).

use super::view::Rect;

/// Cell size in pixels: about one short label high, a few wide.
const CELL_PX: f64 = 32.0;

/// Items (by index) bucketed by the grid cells their bounding boxes cover.
#[derive(Debug, Clone)]
pub struct GridIndex {
    origin_x: f64,
    origin_y: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
    /// Items with a non-finite coordinate: checked by every query.
    everywhere: Vec<usize>,
    len: usize,
}

impl GridIndex {
    /// An empty index over `frame` (items outside it go to its edge cells).
    pub fn new(frame: Rect) -> GridIndex {
        let cols = cells_across(frame.w);
        let rows = cells_across(frame.h);
        GridIndex {
            origin_x: if frame.x.is_finite() { frame.x } else { 0.0 },
            origin_y: if frame.y.is_finite() { frame.y } else { 0.0 },
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            everywhere: Vec::new(),
            len: 0,
        }
    }

    /// Adds the next item (index = number added before) with this bounding box.
    pub fn push(&mut self, bbox: Rect) {
        let id = self.len;
        self.len += 1;
        match self.span(&bbox) {
            Some((c0, c1, r0, r1)) => {
                for r in r0..=r1 {
                    for c in c0..=c1 {
                        self.cells[r * self.cols + c].push(id);
                    }
                }
            }
            None => self.everywhere.push(id),
        }
    }

    /// The items whose boxes may touch `r`, ascending.
    pub fn near(&self, r: &Rect) -> Vec<usize> {
        let Some((c0, c1, r0, r1)) = self.span(r) else {
            return (0..self.len).collect();
        };
        // Each cell lists its items in the order they were added: merge the lists (and the
        // non-finite items) in one pass, dropping the items found in several cells.
        let mut lists: Vec<&[usize]> = Vec::with_capacity((c1 - c0 + 1) * (r1 - r0 + 1) + 1);
        lists.push(&self.everywhere);
        for row in r0..=r1 {
            for c in c0..=c1 {
                lists.push(&self.cells[row * self.cols + c]);
            }
        }
        lists.retain(|l| !l.is_empty());
        let mut out = Vec::new();
        while let Some(next) = lists.iter().filter_map(|l| l.first()).min().copied() {
            out.push(next);
            for l in &mut lists {
                if l.first() == Some(&next) {
                    *l = &l[1..];
                }
            }
            lists.retain(|l| !l.is_empty());
        }
        out
    }

    /// The cell columns and rows a box covers (clamped to the grid), or None when a coordinate
    /// is not finite.
    fn span(&self, b: &Rect) -> Option<(usize, usize, usize, usize)> {
        if ![b.x, b.y, b.w, b.h].iter().all(|v| v.is_finite()) {
            return None;
        }
        let col = |x: f64| cell(x - self.origin_x, self.cols);
        let row = |y: f64| cell(y - self.origin_y, self.rows);
        let (x0, x1) = (b.x.min(b.x + b.w), b.x.max(b.x + b.w));
        let (y0, y1) = (b.y.min(b.y + b.h), b.y.max(b.y + b.h));
        Some((col(x0), col(x1), row(y0), row(y1)))
    }
}

fn cells_across(len_px: f64) -> usize {
    if len_px.is_finite() && len_px > 0.0 {
        ((len_px / CELL_PX).ceil() as usize).clamp(1, 4096)
    } else {
        1
    }
}

/// The cell of an offset, clamped to 0..n (one cell of slack either side is in the edge cells).
fn cell(offset_px: f64, n: usize) -> usize {
    let i = (offset_px / CELL_PX).floor();
    if i <= 0.0 { 0 } else { (i as usize).min(n - 1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    /// Every item that overlaps a query is among those returned, wherever it is (inside the
    /// frame, across it, outside it, or not finite).
    #[test]
    fn near_returns_every_overlapping_item() {
        let frame = rect(0.0, 0.0, 400.0, 300.0);
        let mut g = GridIndex::new(frame);
        let items = [
            rect(10.0, 10.0, 20.0, 10.0),
            rect(100.0, 100.0, 50.0, 50.0),
            rect(-50.0, -50.0, 500.0, 400.0),
            rect(390.0, 290.0, 100.0, 100.0),
            rect(f64::NAN, 0.0, 1.0, 1.0),
            rect(200.0, 150.0, 0.0, 0.0),
        ];
        for r in items {
            g.push(r);
        }
        let mut state = 7u64;
        let mut next = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        for _ in 0..2000 {
            let q = rect(
                next() * 500.0 - 50.0,
                next() * 400.0 - 50.0,
                next() * 80.0,
                next() * 40.0,
            );
            let near = g.near(&q);
            assert!(near.windows(2).all(|w| w[0] < w[1]));
            for (i, r) in items.iter().enumerate() {
                if r.overlap(&q) > 0.0 {
                    assert!(near.contains(&i), "item {i} {r:?} missed by {q:?}");
                }
            }
            assert!(near.contains(&4), "a non-finite item is always checked");
        }
        // A far corner query does not return the small item at the other corner.
        assert!(!g.near(&rect(350.0, 250.0, 10.0, 10.0)).contains(&0));
    }
}
