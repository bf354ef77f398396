//! The bundled basemap: Natural Earth land, lakes, coastline and land borders at three levels of
//! detail, GSHHG/WDBII rivers at two, and country label points. All embedded with
//! `include_bytes!`, so the renderer works from any directory and offline.
//!
//! The files are "RCBM" (routecheck basemap), written by `scripts/derive_basemap.py`, whose
//! docstring specifies the format: a small header, then per part (one ring or one line) a
//! bounding box, a class byte, the point count and the byte length of a body of zigzag-varint
//! coordinate deltas. Parts off the map are skipped by their bounding box without decoding.

use super::Error;

/// Level of detail, chosen from the map's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// From Natural Earth 1:10m, simplified to about 300 m: regions up to ~2,000 km across.
    Fine,
    /// From 1:50m, simplified to about 1.5 km: continents.
    Medium,
    /// 1:110m as published: the world, and locator insets.
    Coarse,
}

/// A basemap layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// Land areas (polygons; class 1 rings are holes).
    Land,
    /// Large lakes (polygons).
    Lakes,
    /// Coastlines (lines).
    Coast,
    /// International land borders (lines; class 1 is disputed or indefinite).
    Borders,
    /// Rivers (lines), fine and medium levels only.
    Rivers,
    /// Country areas (one level, coarse), each ring tagged with its row in `countries.tsv`.
    Countries,
}

macro_rules! bm {
    ($f:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/basemap/", $f))
    };
}

/// The embedded bytes of a layer at a level (`None`: the layer has no such level, e.g. coarse rivers).
pub fn bytes(layer: Layer, level: Level) -> Option<&'static [u8]> {
    use Layer::*;
    use Level::*;
    Some(match (layer, level) {
        (Land, Fine) => bm!("land_fine.rcbm"),
        (Land, Medium) => bm!("land_medium.rcbm"),
        (Land, Coarse) => bm!("land_coarse.rcbm"),
        (Lakes, Fine) => bm!("lakes_fine.rcbm"),
        (Lakes, Medium) => bm!("lakes_medium.rcbm"),
        (Lakes, Coarse) => bm!("lakes_coarse.rcbm"),
        (Coast, Fine) => bm!("coast_fine.rcbm"),
        (Coast, Medium) => bm!("coast_medium.rcbm"),
        (Coast, Coarse) => bm!("coast_coarse.rcbm"),
        (Borders, Fine) => bm!("borders_fine.rcbm"),
        (Borders, Medium) => bm!("borders_medium.rcbm"),
        (Borders, Coarse) => bm!("borders_coarse.rcbm"),
        (Rivers, Fine) => bm!("rivers_fine.rcbm"),
        (Rivers, Medium) => bm!("rivers_medium.rcbm"),
        (Rivers, Coarse) => return None,
        (Countries, _) => bm!("countries.rcbm"),
    })
}

/// Natural Earth country label points: "name\tlon\tlat\tmin_label" rows.
pub const COUNTRIES_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/basemap/countries.tsv"
));

/// A country's name and where Natural Earth puts its label.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryLabel {
    /// The country's English name as Natural Earth gives it.
    pub name: String,
    /// The label point's longitude, in degrees.
    pub lon_deg: f64,
    /// The label point's latitude, in degrees.
    pub lat_deg: f64,
    /// Natural Earth's MIN_LABEL: the zoom level from which the name is shown (lower = bigger country).
    pub min_label: f64,
}

/// The country label table, in file order (sorted by name); a damaged row is an error naming
/// its line and column, never a country silently dropped.
pub fn countries() -> Result<Vec<CountryLabel>, Error> {
    #[derive(serde::Deserialize)]
    struct Row(String, f64, f64, f64);
    let rows = crate::rows::read::<Row>("data/basemap/countries.tsv", COUNTRIES_TSV, b'\t')?;
    Ok(rows
        .into_iter()
        .map(|Row(name, lon_deg, lat_deg, min_label)| CountryLabel {
            name,
            lon_deg,
            lat_deg,
            min_label,
        })
        .collect())
}

/// A rectangle in degrees; `west` may be below -180 or `east` above 180 when it crosses 180°.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoRect {
    /// Western edge: longitude in degrees.
    pub west: f64,
    /// Southern edge: latitude in degrees.
    pub south: f64,
    /// Eastern edge: longitude in degrees (above `west`).
    pub east: f64,
    /// Northern edge: latitude in degrees.
    pub north: f64,
}

/// A decoded part, with longitudes shifted into the rectangle's continuous longitude space.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Layer-specific class: land 0 outer / 1 hole; borders 0 settled / 1 disputed or indefinite.
    pub class: u8,
    /// Layer-specific id: for countries, the row of [`countries()`]; else 0.
    pub id: u16,
    /// (lon, lat) in degrees.
    pub points: Vec<[f64; 2]>,
}

fn rd_u32(b: &[u8], at: usize) -> Result<u32, Error> {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or(Error::Basemap {
            what: "truncated header",
        })
}

fn rd_i32(b: &[u8], at: usize) -> Result<i32, Error> {
    rd_u32(b, at).map(|u| u as i32)
}

fn varint(b: &[u8], pos: &mut usize) -> Result<i64, Error> {
    let mut v: u64 = 0;
    let mut shift = 0;
    loop {
        let byte = *b.get(*pos).ok_or(Error::Basemap {
            what: "truncated body",
        })?;
        *pos += 1;
        v |= u64::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return Ok(((v >> 1) as i64) ^ -((v & 1) as i64));
        }
        shift += 7;
        if shift > 63 {
            return Err(Error::Basemap {
                what: "varint too long",
            });
        }
    }
}

/// Every part of `data` whose bounding box meets `rect`, decoded, with longitudes shifted by a
/// multiple of 360° into the rectangle's space (a part may come out twice for a very wide rect).
pub fn read(data: &[u8], rect: GeoRect) -> Result<Vec<Part>, Error> {
    if data.get(0..4) != Some(b"RCBM") || data.get(4) != Some(&1) {
        return Err(Error::Basemap {
            what: "not an RCBM version 1 file",
        });
    }
    let scale = f64::from(rd_u32(data, 8)?);
    let nparts = rd_u32(data, 12)? as usize;
    let mut at = 16;
    let mut out = Vec::new();
    for _ in 0..nparts {
        let bbox = [
            rd_i32(data, at)?,
            rd_i32(data, at + 4)?,
            rd_i32(data, at + 8)?,
            rd_i32(data, at + 12)?,
        ];
        let class = *data.get(at + 16).ok_or(Error::Basemap {
            what: "truncated header",
        })?;
        let id = u16::from_le_bytes([
            data.get(at + 18).copied().unwrap_or(0),
            data.get(at + 19).copied().unwrap_or(0),
        ]);
        let npts = rd_u32(data, at + 20)? as usize;
        let nbytes = rd_u32(data, at + 24)? as usize;
        let body_at = at + 28;
        at = body_at + nbytes;
        let (w, s, e, n) = (
            bbox[0] as f64 / scale,
            bbox[1] as f64 / scale,
            bbox[2] as f64 / scale,
            bbox[3] as f64 / scale,
        );
        if n < rect.south || s > rect.north {
            continue;
        }
        for shift in [-360.0, 0.0, 360.0] {
            if e + shift < rect.west || w + shift > rect.east {
                continue;
            }
            let body = data.get(body_at..at).ok_or(Error::Basemap {
                what: "truncated body",
            })?;
            let mut pos = 0;
            let (mut x, mut y) = (0i64, 0i64);
            let mut points = Vec::with_capacity(npts);
            for _ in 0..npts {
                x += varint(body, &mut pos)?;
                y += varint(body, &mut pos)?;
                points.push([x as f64 / scale + shift, y as f64 / scale]);
            }
            out.push(Part { class, id, points });
        }
    }
    Ok(out)
}

/// Clips a closed ring to a rectangle (Sutherland–Hodgman). The result may run along the
/// rectangle's edges; draw it inside a clip path a little smaller than `rect`.
pub fn clip_ring(ring: &[[f64; 2]], r: GeoRect) -> Vec<[f64; 2]> {
    let mut pts: Vec<[f64; 2]> = ring.to_vec();
    let edges: [(usize, f64, bool); 4] = [
        (0, r.west, true),
        (0, r.east, false),
        (1, r.south, true),
        (1, r.north, false),
    ];
    for (axis, v, keep_greater) in edges {
        if pts.is_empty() {
            break;
        }
        let inside = |p: &[f64; 2]| {
            if keep_greater {
                p[axis] >= v
            } else {
                p[axis] <= v
            }
        };
        let mut next = Vec::with_capacity(pts.len());
        for i in 0..pts.len() {
            let cur = pts[i];
            let prev = pts[(i + pts.len() - 1) % pts.len()];
            let (ci, pi) = (inside(&cur), inside(&prev));
            if ci != pi {
                let t = (v - prev[axis]) / (cur[axis] - prev[axis]);
                let mut q = [
                    prev[0] + t * (cur[0] - prev[0]),
                    prev[1] + t * (cur[1] - prev[1]),
                ];
                q[axis] = v;
                next.push(q);
            }
            if ci {
                next.push(cur);
            }
        }
        pts = next;
    }
    pts
}

/// Splits a polyline into the runs whose segments may touch the rectangle.
pub fn clip_line(line: &[[f64; 2]], r: GeoRect) -> Vec<Vec<[f64; 2]>> {
    let mut runs = Vec::new();
    let mut cur: Vec<[f64; 2]> = Vec::new();
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        let hit = a[0].max(b[0]) >= r.west
            && a[0].min(b[0]) <= r.east
            && a[1].max(b[1]) >= r.south
            && a[1].min(b[1]) <= r.north;
        if hit {
            if cur.is_empty() {
                cur.push(a);
            }
            cur.push(b);
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if cur.len() >= 2 {
        runs.push(cur);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    const KOREA: GeoRect = GeoRect {
        west: 124.0,
        south: 37.0,
        east: 134.0,
        north: 45.0,
    };

    #[test]
    fn every_layer_decodes() {
        for layer in [
            Layer::Land,
            Layer::Lakes,
            Layer::Coast,
            Layer::Borders,
            Layer::Rivers,
        ] {
            for level in [Level::Fine, Level::Medium, Level::Coarse] {
                if let Some(b) = bytes(layer, level) {
                    let world = GeoRect {
                        west: -180.0,
                        south: -90.0,
                        east: 180.0,
                        north: 90.0,
                    };
                    let parts = read(b, world).unwrap();
                    assert!(!parts.is_empty(), "{layer:?} {level:?}");
                    assert!(
                        parts
                            .iter()
                            .flat_map(|p| &p.points)
                            .all(|p| p[1].abs() <= 90.0)
                    );
                }
            }
        }
    }

    #[test]
    fn korea_has_land_borders_and_rivers_at_fine_level() {
        let land = read(bytes(Layer::Land, Level::Fine).unwrap(), KOREA).unwrap();
        let borders = read(bytes(Layer::Borders, Level::Fine).unwrap(), KOREA).unwrap();
        let rivers = read(bytes(Layer::Rivers, Level::Fine).unwrap(), KOREA).unwrap();
        assert!(!land.is_empty() && !borders.is_empty() && rivers.len() > 20);
        // The North Korea–Russia border (the Tumen mouth, ~42.3°N 130.7°E) is in the data.
        let near_tumen = borders
            .iter()
            .flat_map(|p| &p.points)
            .any(|p| (p[0] - 130.65).abs() < 0.1 && (p[1] - 42.4).abs() < 0.1);
        assert!(near_tumen);
    }

    #[test]
    fn rejects_garbage_and_truncation() {
        assert!(read(b"nope", KOREA).is_err());
        let b = bytes(Layer::Lakes, Level::Coarse).unwrap();
        assert!(
            read(
                &b[..b.len() / 2],
                GeoRect {
                    west: -180.0,
                    south: -90.0,
                    east: 180.0,
                    north: 90.0
                }
            )
            .is_err()
        );
    }

    #[test]
    fn clipping_a_square() {
        let sq = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        let r = GeoRect {
            west: 5.0,
            south: -5.0,
            east: 15.0,
            north: 5.0,
        };
        let c = clip_ring(&sq, r);
        assert!(c.iter().all(|p| p[0] >= 5.0 && p[1] <= 5.0));
        assert_eq!(c.len(), 4);
        let runs = clip_line(
            &[
                [0.0, 0.0],
                [1.0, 0.0],
                [6.0, 0.0],
                [7.0, 0.0],
                [20.0, 20.0],
                [30.0, 30.0],
            ],
            r,
        );
        assert_eq!(runs.len(), 1);
    }

    #[test]
    fn country_labels_load() {
        let c = countries().unwrap();
        assert!(c.len() > 200);
        assert!(c.iter().any(|c| c.name == "North Korea"));
    }
}
