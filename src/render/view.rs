//! The view: page layout, the projection chosen for the area, and the metres → pixels transform.

use super::Error;
use super::projection::{Projection, Xy};
use super::scene::{MapOptions, MapScene};
use super::svg::Px;
use crate::coord::LatLon;
use crate::geodata::GeoRect;
use crate::geodesy::{self, Azimuth};
use crate::units::Length;

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn contains(&self, p: Px) -> bool {
        p.x >= self.x && p.x <= self.right() && p.y >= self.y && p.y <= self.bottom()
    }
    /// Area of the overlap with `o` (0 when apart).
    pub fn overlap(&self, o: &Rect) -> f64 {
        let w = self.right().min(o.right()) - self.x.max(o.x);
        let h = self.bottom().min(o.bottom()) - self.y.max(o.y);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }
    pub fn inflate(&self, d: f64) -> Rect {
        Rect {
            x: self.x - d,
            y: self.y - d,
            w: self.w + 2.0 * d,
            h: self.h + 2.0 * d,
        }
    }
}

/// Where things go on the page and how the earth maps onto it.
#[derive(Debug, Clone)]
pub struct View {
    pub proj: Projection,
    /// The map frame on the page (between the title band and the footer).
    pub frame: Rect,
    /// Pixels per projected metre.
    scale: f64,
    /// Projected metres at the frame's centre.
    centre_m: Xy,
    /// Type scale: 1.0 at 1600 × 1000.
    pub k: f64,
    pub width: f64,
    pub height: f64,
}

/// The scene's own points (legs, waypoints, crossings), which an automatic extent must show.
fn scene_points(scene: &MapScene) -> Vec<LatLon> {
    let total: usize = scene.legs.iter().map(|l| l.points.len()).sum();
    // A long GPS track is sampled (every `step`-th point plus each leg's extremes): the extent
    // comes out the same to well within the margin, at a fraction of the cost.
    let step = total.div_ceil(50_000).max(1);
    let mut pts = Vec::with_capacity(total / step + 8 * scene.legs.len() + 16);
    for leg in &scene.legs {
        pts.extend(leg.points.iter().step_by(step).copied());
        if step > 1 {
            let by = |f: fn(&LatLon) -> f64| {
                let min = leg
                    .points
                    .iter()
                    .copied()
                    .min_by(|a, b| f(a).total_cmp(&f(b)));
                let max = leg
                    .points
                    .iter()
                    .copied()
                    .max_by(|a, b| f(a).total_cmp(&f(b)));
                min.into_iter().chain(max)
            };
            pts.extend(by(|p| p.lat));
            pts.extend(by(|p| p.lon));
            pts.extend(leg.points.last().copied());
        }
    }
    pts.extend(scene.waypoints.iter().map(|w| w.at));
    pts.extend(scene.crossings.iter().map(|c| c.at));
    pts
}

/// The centre of the smallest longitude arc holding all `lons` (the route may cross 180°).
pub fn central_lon(lons: &[f64]) -> f64 {
    let mut v: Vec<f64> = lons.iter().map(|l| l.rem_euclid(360.0)).collect();
    v.sort_by(f64::total_cmp);
    let Some(&first) = v.first() else { return 0.0 };
    // The largest gap between neighbours (with wrap-around) is what the arc leaves out.
    let mut best_gap = first + 360.0 - v[v.len() - 1];
    let mut start = first;
    for w in v.windows(2) {
        if w[1] - w[0] > best_gap {
            best_gap = w[1] - w[0];
            start = w[1];
        }
    }
    let span = 360.0 - best_gap;
    let c = (start + span / 2.0).rem_euclid(360.0);
    if c > 180.0 { c - 360.0 } else { c }
}

impl View {
    /// Lays out the page and fits the projection to the extent (given, or around the scene).
    pub fn new(scene: &MapScene, opt: &MapOptions) -> Result<View, Error> {
        let (width, height) = (f64::from(opt.width_px), f64::from(opt.height_px));
        if !(200.0..=20_000.0).contains(&width) || !(150.0..=20_000.0).contains(&height) {
            return Err(Error::Size {
                width_px: opt.width_px,
                height_px: opt.height_px,
            });
        }
        // Type and furniture grow with the square root of the page size: a small map keeps
        // legible text, a poster does not get giant labels.
        let k = (width / 1600.0).min(height / 1000.0).sqrt().clamp(0.6, 2.5);
        let (head, foot) = (70.0 * k, 28.0 * k);
        let frame = Rect {
            x: 0.0,
            y: head,
            w: width,
            h: height - head - foot,
        };

        let (pts, margin) = match opt.extent {
            Some((sw, ne)) => {
                for p in [sw, ne] {
                    if LatLon::new(p.lat, p.lon).is_err() {
                        let item = "the extent".to_string();
                        return Err(Error::Position {
                            item,
                            lat: p.lat,
                            lon: p.lon,
                        });
                    }
                }
                if sw.lat >= ne.lat {
                    let reason = format!(
                        "extent's south-west latitude {} is not below its north-east latitude {}",
                        sw.lat, ne.lat
                    );
                    return Err(Error::Option { reason });
                }
                let east = if ne.lon < sw.lon {
                    ne.lon + 360.0
                } else {
                    ne.lon
                };
                let mut p = Vec::new();
                for i in 0..=8 {
                    let lon = sw.lon + (east - sw.lon) * f64::from(i) / 8.0;
                    let lon = if lon > 180.0 { lon - 360.0 } else { lon };
                    p.push(LatLon { lat: sw.lat, lon });
                    p.push(LatLon { lat: ne.lat, lon });
                    p.push(LatLon {
                        lat: (sw.lat + ne.lat) / 2.0,
                        lon,
                    });
                }
                (p, 0.0)
            }
            None if !(0.0..=5.0).contains(&opt.margin) => {
                let reason = format!(
                    "margin {} must be between 0 and 5 (a fraction of the route's span)",
                    opt.margin
                );
                return Err(Error::Option { reason });
            }
            None => (scene_points(scene), opt.margin),
        };
        if pts.is_empty() {
            return Err(Error::EmptyScene);
        }
        let lon0 =
            (central_lon(&pts.iter().map(|p| p.lon).collect::<Vec<_>>()) * 10.0).round() / 10.0;
        let (s, n) = pts.iter().fold((90.0f64, -90.0f64), |(s, n), p| {
            (s.min(p.lat), n.max(p.lat))
        });
        let proj = Projection::for_area((s * 10.0).round() / 10.0, (n * 10.0).round() / 10.0, lon0);
        let xy: Vec<Xy> = pts.iter().map(|p| proj.forward(*p)).collect();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in &xy {
            (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
        }
        let span = (x1 - x0).max(y1 - y0).max(20_000.0);
        let pad = margin * span;
        let (bw, bh) = (
            (x1 - x0 + 2.0 * pad).max(span * 0.3),
            (y1 - y0 + 2.0 * pad).max(span * 0.3),
        );
        let scale = (frame.w / bw).min(frame.h / bh);
        let centre_m = Xy {
            x: (x0 + x1) / 2.0,
            y: (y0 + y1) / 2.0,
        };
        Ok(View {
            proj,
            frame,
            scale,
            centre_m,
            k,
            width,
            height,
        })
    }

    /// A view of `frame` centred on `centre` at `m_per_px` projected metres per pixel (insets).
    pub fn fixed(proj: Projection, frame: Rect, centre: LatLon, m_per_px: f64, k: f64) -> View {
        let centre_m = proj.forward(centre);
        View {
            proj,
            frame,
            scale: 1.0 / m_per_px.max(1e-9),
            centre_m,
            k,
            width: frame.right(),
            height: frame.bottom(),
        }
    }

    /// Pixel position of projected metres.
    pub fn px_of(&self, m: Xy) -> Px {
        Px {
            x: self.frame.x + self.frame.w / 2.0 + (m.x - self.centre_m.x) * self.scale,
            y: self.frame.y + self.frame.h / 2.0 - (m.y - self.centre_m.y) * self.scale,
        }
    }

    /// Pixel position of a place.
    pub fn px(&self, p: LatLon) -> Px {
        self.px_of(self.proj.forward(p))
    }

    /// Pixel position of a basemap point in the clip rectangle's continuous longitudes.
    pub fn px_rel(&self, lon_deg: f64, lat_deg: f64) -> Px {
        self.px_of(
            self.proj
                .forward_rel(lat_deg, lon_deg - self.proj.lon0_deg()),
        )
    }

    /// The place at a pixel position.
    pub fn latlon(&self, p: Px) -> LatLon {
        let m = Xy {
            x: self.centre_m.x + (p.x - self.frame.x - self.frame.w / 2.0) / self.scale,
            y: self.centre_m.y - (p.y - self.frame.y - self.frame.h / 2.0) / self.scale,
        };
        self.proj.inverse(m)
    }

    /// The place at the centre of the frame.
    pub fn centre(&self) -> LatLon {
        self.latlon(Px {
            x: self.frame.x + self.frame.w / 2.0,
            y: self.frame.y + self.frame.h / 2.0,
        })
    }

    /// Ground length per pixel at the frame's centre, measured along a 10 km geodesic there.
    pub fn ground_per_px(&self) -> Length {
        let c = self.centre();
        let d = geodesy::direct(c, Azimuth::from_deg(90.0), Length::km(10.0));
        let (a, b) = (self.px(c), self.px(d));
        let px = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
        Length::m(10_000.0 / px.max(1e-9))
    }

    /// A longitude/latitude rectangle covering the frame (with a little slack), in the continuous
    /// longitude space around the central meridian.
    pub fn geo_rect(&self) -> GeoRect {
        let f = self.frame.inflate(self.frame.w.max(self.frame.h) * 0.03);
        let lon0 = self.proj.lon0_deg();
        let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for i in 0..=40 {
            let t = f64::from(i) / 40.0;
            for p in [
                Px {
                    x: f.x + t * f.w,
                    y: f.y,
                },
                Px {
                    x: f.x + t * f.w,
                    y: f.bottom(),
                },
                Px {
                    x: f.x,
                    y: f.y + t * f.h,
                },
                Px {
                    x: f.right(),
                    y: f.y + t * f.h,
                },
            ] {
                let ll = self.latlon(p);
                let d = (ll.lon - lon0 + 180.0).rem_euclid(360.0) - 180.0;
                (w, e, s, n) = (w.min(d), e.max(d), s.min(ll.lat), n.max(ll.lat));
            }
        }
        for pole in [90.0, -90.0] {
            if f.contains(self.px(LatLon {
                lat: pole * 0.999,
                lon: lon0,
            })) {
                (w, e) = (-180.0, 180.0);
                if pole > 0.0 { n = 90.0 } else { s = -90.0 }
            }
        }
        GeoRect {
            west: lon0 + w - 0.5,
            east: lon0 + e + 0.5,
            south: (s - 0.5).max(-90.0),
            north: (n + 0.5).min(90.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::scene::{LegMode, SceneLeg};

    fn scene(points: Vec<LatLon>) -> MapScene {
        MapScene {
            legs: vec![SceneLeg {
                mode: LegMode::Rail,
                points,
                schematic: true,
                track_unknown: false,
                recorded: false,
                label: String::new(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn central_lon_handles_antimeridian() {
        assert!(
            (central_lon(&[170.0, -170.0]) - 180.0).abs() < 1e-9
                || (central_lon(&[170.0, -170.0]) + 180.0).abs() < 1e-9
        );
        assert!((central_lon(&[10.0, 30.0]) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn scale_at_centre_matches_a_geodesic() {
        let pyongyang = LatLon {
            lat: 39.0339,
            lon: 125.7543,
        };
        let vladivostok = LatLon {
            lat: 43.1056,
            lon: 131.8735,
        };
        let v = View::new(&scene(vec![pyongyang, vladivostok]), &MapOptions::default()).unwrap();
        let c = v.centre();
        // 100 km north of the centre, measured on the ellipsoid, in pixels.
        let n = geodesy::direct(c, Azimuth::from_deg(0.0), Length::km(100.0));
        let (a, b) = (v.px(c), v.px(n));
        let px = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
        let per_px = v.ground_per_px().as_m();
        assert!((px * per_px - 100_000.0).abs() < 100.0, "{} m", px * per_px);
        // Both ends are inside the frame.
        assert!(v.frame.contains(v.px(pyongyang)) && v.frame.contains(v.px(vladivostok)));
    }

    #[test]
    fn route_across_the_antimeridian_fits() {
        let v = View::new(
            &scene(vec![
                LatLon {
                    lat: -18.1,
                    lon: 178.4,
                },
                LatLon {
                    lat: -13.8,
                    lon: -171.8,
                },
            ]),
            &MapOptions::default(),
        )
        .unwrap();
        let (a, b) = (
            v.px(LatLon {
                lat: -18.1,
                lon: 178.4,
            }),
            v.px(LatLon {
                lat: -13.8,
                lon: -171.8,
            }),
        );
        assert!(b.x > a.x && v.frame.contains(a) && v.frame.contains(b));
        let r = v.geo_rect();
        let inside = |lon: f64| {
            [-360.0, 0.0, 360.0]
                .iter()
                .any(|s| (r.west..=r.east).contains(&(lon + s)))
        };
        assert!(
            inside(178.4) && inside(-171.8) && r.east - r.west < 60.0,
            "{r:?}"
        );
    }

    #[test]
    fn empty_scene_and_bad_size_are_errors() {
        assert!(matches!(
            View::new(&MapScene::default(), &MapOptions::default()),
            Err(Error::EmptyScene)
        ));
        let opt = MapOptions {
            width_px: 10,
            ..Default::default()
        };
        assert!(matches!(
            View::new(&scene(vec![LatLon { lat: 0.0, lon: 0.0 }]), &opt),
            Err(Error::Size { .. })
        ));
    }
}
