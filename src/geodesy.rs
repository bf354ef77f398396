//! Distances, azimuths and positions on the WGS84 ellipsoid (Karney's algorithms, through
//! `geographiclib-rs`), compass words, and geodesic lines densified for drawing.
//!
//! ```
//! use routecheck::{coord::LatLon, geodesy};
//! let pyongyang = LatLon { lat: 39.0339, lon: 125.7543 };
//! let vladivostok = LatLon { lat: 43.1056, lon: 131.8735 };
//! let inv = geodesy::inverse(pyongyang, vladivostok);
//! assert!((inv.distance.as_km() - 684.469).abs() < 0.001);
//! assert_eq!(inv.initial.compass8(), geodesy::Compass8::NE);
//! ```

use std::fmt;
use std::sync::OnceLock;

use geographiclib_rs::{
    DirectGeodesic, Geodesic, GeodesicLine, InverseGeodesic, capability as caps,
};

use crate::coord::LatLon;
use crate::units::Length;

fn wgs84() -> &'static Geodesic {
    static G: OnceLock<Geodesic> = OnceLock::new();
    G.get_or_init(Geodesic::wgs84)
}

/// An azimuth in degrees clockwise from true north, normalised to [0, 360).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, serde::Serialize)]
#[serde(transparent)]
pub struct Azimuth {
    deg: f64,
}

impl Azimuth {
    /// An azimuth from degrees clockwise from north (any value; it is normalised).
    ///
    /// ```
    /// use routecheck::geodesy::Azimuth;
    /// assert_eq!(Azimuth::from_deg(-90.0).deg(), 270.0);
    /// ```
    pub fn from_deg(deg: f64) -> Self {
        let d = deg.rem_euclid(360.0);
        Azimuth {
            deg: if d >= 360.0 { 0.0 } else { d },
        }
    }
    /// The azimuth in degrees clockwise from true north, in [0, 360).
    pub fn deg(self) -> f64 {
        self.deg
    }
    /// The nearest of the eight compass points (sectors 45° wide, centred on each point).
    pub fn compass8(self) -> Compass8 {
        Compass8::ALL[((self.deg + 22.5) / 45.0).floor() as usize % 8]
    }
    /// Smallest angle between this azimuth and `other`, in degrees [0, 180].
    pub fn angle_to(self, other: Azimuth) -> f64 {
        let d = (self.deg - other.deg).abs() % 360.0;
        d.min(360.0 - d)
    }
}

impl fmt::Display for Azimuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}°", self.deg)
    }
}

/// The eight principal compass points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Compass8 {
    /// North (0°).
    N,
    /// North-east (45°).
    NE,
    /// East (90°).
    E,
    /// South-east (135°).
    SE,
    /// South (180°).
    S,
    /// South-west (225°).
    SW,
    /// West (270°).
    W,
    /// North-west (315°).
    NW,
}

impl Compass8 {
    /// The eight points clockwise from north.
    pub const ALL: [Compass8; 8] = [
        Compass8::N,
        Compass8::NE,
        Compass8::E,
        Compass8::SE,
        Compass8::S,
        Compass8::SW,
        Compass8::W,
        Compass8::NW,
    ];
    /// The azimuth at the centre of this point's sector.
    pub fn azimuth(self) -> Azimuth {
        let i = Compass8::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Azimuth::from_deg(i as f64 * 45.0)
    }
    /// "north", "north-east", …
    pub fn word(self) -> &'static str {
        match self {
            Compass8::N => "north",
            Compass8::NE => "north-east",
            Compass8::E => "east",
            Compass8::SE => "south-east",
            Compass8::S => "south",
            Compass8::SW => "south-west",
            Compass8::W => "west",
            Compass8::NW => "north-west",
        }
    }
    /// Reads "north", "North-East", "northeast", "NE", "north east".
    ///
    /// ```
    /// use routecheck::geodesy::Compass8;
    /// assert_eq!(Compass8::parse("North-East"), Some(Compass8::NE));
    /// assert_eq!(Compass8::parse("sw"), Some(Compass8::SW));
    /// ```
    pub fn parse(s: &str) -> Option<Compass8> {
        let k: String = s
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        Some(match k.as_str() {
            "n" | "north" | "northward" | "northwards" | "northern" => Compass8::N,
            "ne" | "northeast" | "northeastern" => Compass8::NE,
            "e" | "east" | "eastward" | "eastwards" | "eastern" => Compass8::E,
            "se" | "southeast" | "southeastern" => Compass8::SE,
            "s" | "south" | "southward" | "southwards" | "southern" => Compass8::S,
            "sw" | "southwest" | "southwestern" => Compass8::SW,
            "w" | "west" | "westward" | "westwards" | "western" => Compass8::W,
            "nw" | "northwest" | "northwestern" => Compass8::NW,
            _ => return None,
        })
    }
}

impl fmt::Display for Compass8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// The solution of the inverse geodesic problem between two points.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Inverse {
    /// Length of the geodesic (shortest path on the ellipsoid).
    pub distance: Length,
    /// Azimuth of the geodesic at the first point.
    pub initial: Azimuth,
    /// Forward azimuth of the geodesic at the second point.
    pub final_: Azimuth,
}

/// Solves the inverse problem on WGS84: distance and azimuths from `a` to `b`.
///
/// ```
/// use routecheck::{coord::LatLon, geodesy::inverse};
/// // GeographicLib's own example: JFK to Singapore Changi.
/// let jfk = LatLon { lat: 40.64, lon: -73.78 };
/// let sin = LatLon { lat: 1.36, lon: 103.99 };
/// let inv = inverse(jfk, sin);
/// assert!((inv.distance.as_m() - 15_347_512.941).abs() < 1e-3);
/// ```
pub fn inverse(a: LatLon, b: LatLon) -> Inverse {
    let (s12, azi1, azi2, _a12): (f64, f64, f64, f64) = wgs84().inverse(a.lat, a.lon, b.lat, b.lon);
    Inverse {
        distance: Length::m(s12),
        initial: Azimuth::from_deg(azi1),
        final_: Azimuth::from_deg(azi2),
    }
}

/// Geodesic distance on WGS84 between two points.
///
/// ```
/// use routecheck::{coord::LatLon, geodesy::distance};
/// let p = LatLon { lat: 0.0, lon: 0.0 };
/// let q = LatLon { lat: 0.0, lon: 1.0 };
/// assert!((distance(p, q).as_m() - 111_319.491).abs() < 0.001);
/// ```
pub fn distance(a: LatLon, b: LatLon) -> Length {
    let s12: f64 = wgs84().inverse(a.lat, a.lon, b.lat, b.lon);
    Length::m(s12)
}

/// Mean radius of the WGS84 ellipsoid, (2a + b) / 3, in metres: the sphere of [`nearest`]'s
/// first pass.
const MEAN_RADIUS_M: f64 = 6_371_008.771_4;

/// How far, as a share, a distance on the sphere of [`MEAN_RADIUS_M`] may lie from the geodesic
/// distance on WGS84 between the same two points: the ellipsoid's radii of curvature run from
/// 6,335 km to 6,400 km, within 0.6 % of the mean, and the bound allows 2 %
/// (`the_sphere_stays_within_its_bound_of_the_ellipsoid` checks it across the globe).
const SPHERE_SLACK: f64 = 0.02;

/// Great-circle distance in metres on the sphere of [`MEAN_RADIUS_M`] (haversine).
fn sphere_m(a: LatLon, b: LatLon) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * MEAN_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// The item of `items` nearest `at` on the ellipsoid, by its position `pos`: its index and its
/// geodesic distance; the first of equals wins, `None` when `items` is empty.
///
/// The answer is the one measuring every geodesic gives; only the items whose distance on a
/// sphere lies within the sphere's error of the least one are measured on the ellipsoid.
///
/// ```
/// use routecheck::{coord::LatLon, geodesy};
/// let towns = [LatLon { lat: 43.1, lon: 131.9 }, LatLon { lat: 42.4, lon: 130.6 }];
/// let (i, d) = geodesy::nearest(LatLon { lat: 42.3, lon: 130.7 }, &towns, |p| *p).unwrap();
/// assert_eq!(i, 1);
/// assert_eq!(d, geodesy::distance(LatLon { lat: 42.3, lon: 130.7 }, towns[1]));
/// ```
pub fn nearest<T>(at: LatLon, items: &[T], pos: impl Fn(&T) -> LatLon) -> Option<(usize, Length)> {
    let sphere: Vec<f64> = items.iter().map(|t| sphere_m(at, pos(t))).collect();
    let least = sphere.iter().copied().min_by(f64::total_cmp)?;
    let reach = least * (1.0 + SPHERE_SLACK) / (1.0 - SPHERE_SLACK) + 1.0;
    let mut best: Option<(usize, Length)> = None;
    for (i, s) in sphere.iter().enumerate() {
        if *s > reach {
            continue;
        }
        let d = distance(at, pos(&items[i]));
        if best.is_none_or(|(_, b)| d.as_m() < b.as_m()) {
            best = Some((i, d));
        }
    }
    best
}

/// Solves the direct problem: the point `length` from `from` along azimuth `azimuth`.
/// The longitude is wrapped to [-180, 180].
///
/// ```
/// use routecheck::{coord::LatLon, geodesy::{direct, distance, Azimuth}, units::Length};
/// let a = LatLon { lat: 39.03, lon: 125.75 };
/// let b = direct(a, Azimuth::from_deg(30.0), Length::km(500.0));
/// assert!((distance(a, b).as_km() - 500.0).abs() < 1e-9);
/// ```
pub fn direct(from: LatLon, azimuth: Azimuth, length: Length) -> LatLon {
    let (lat2, lon2): (f64, f64) = wgs84().direct(from.lat, from.lon, azimuth.deg(), length.as_m());
    LatLon {
        lat: lat2.clamp(-90.0, 90.0),
        lon: crate::coord::wrap_lon(lon2),
    }
}

/// Sum of the geodesic lengths of the segments of a polyline.
///
/// ```
/// use routecheck::{coord::LatLon, geodesy::{path_length, distance}};
/// let pts = [LatLon { lat: 0.0, lon: 0.0 }, LatLon { lat: 0.0, lon: 1.0 }, LatLon { lat: 1.0, lon: 1.0 }];
/// let total = path_length(&pts);
/// assert_eq!(total, distance(pts[0], pts[1]) + distance(pts[1], pts[2]));
/// ```
pub fn path_length(points: &[LatLon]) -> Length {
    points.windows(2).map(|w| distance(w[0], w[1])).sum()
}

/// Points along the geodesic from `a` to `b`, no more than `max_step` apart, both ends included.
/// Used to draw air legs as the curves they are.
///
/// ```
/// use routecheck::{coord::LatLon, geodesy::densify, units::Length};
/// let a = LatLon { lat: 39.0, lon: 125.7 };
/// let b = LatLon { lat: 43.1, lon: 131.9 };
/// let line = densify(a, b, Length::km(50.0));
/// assert_eq!(line.first(), Some(&a));
/// assert!(line.len() > 10);
/// ```
pub fn densify(a: LatLon, b: LatLon, max_step: Length) -> Vec<LatLon> {
    let inv = inverse(a, b);
    let total = inv.distance.as_m();
    let step = max_step.as_m().max(1.0);
    let n = ((total / step).ceil() as usize).clamp(1, 100_000);
    let mut out = Vec::with_capacity(n + 1);
    out.push(a);
    // One geodesic line from `a`, read at each step: the points `direct` would give, without
    // setting the line up again for each.
    let mask = caps::LATITUDE | caps::LONGITUDE | caps::DISTANCE_IN;
    let line = GeodesicLine::new(
        wgs84(),
        a.lat,
        a.lon,
        inv.initial.deg(),
        Some(mask),
        None,
        None,
    );
    for i in 1..n {
        let (_, lat, lon, ..) = line._gen_position(false, total * i as f64 / n as f64, mask);
        out.push(LatLon {
            lat: lat.clamp(-90.0, 90.0),
            lon: crate::coord::wrap_lon(lon),
        });
    }
    out.push(b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }

    #[test]
    fn the_sphere_stays_within_its_bound_of_the_ellipsoid() {
        // A grid over the globe, poles and antimeridian included, every pair of its points.
        let mut pts = Vec::new();
        for lat in (-90..=90).step_by(15) {
            for lon in (-180..180).step_by(30) {
                pts.push(ll(lat as f64, lon as f64 + 0.37));
            }
        }
        let mut worst: f64 = 0.0;
        for a in &pts {
            for b in &pts {
                let g = distance(*a, *b).as_m();
                if g > 1.0 {
                    worst = worst.max((sphere_m(*a, *b) / g - 1.0).abs());
                }
            }
        }
        assert!(worst < SPHERE_SLACK / 2.0, "worst {worst}");
        assert!(worst > 0.001, "the test measures nothing: {worst}");
    }

    #[test]
    fn nearest_agrees_with_measuring_every_geodesic() {
        let places: Vec<LatLon> = (0..400)
            .map(|i| {
                let f = i as f64;
                ll((f * 7.31).sin() * 80.0, (f * 3.17).cos() * 179.0)
            })
            .collect();
        for k in 0..200 {
            let f = k as f64;
            let at = ll((f * 1.9).cos() * 85.0, (f * 5.3).sin() * 179.9);
            let slow = places
                .iter()
                .enumerate()
                .map(|(i, p)| (i, distance(at, *p)))
                .min_by(|x, y| x.1.as_m().total_cmp(&y.1.as_m()));
            assert_eq!(nearest(at, &places, |p| *p), slow);
        }
        assert_eq!(nearest(ll(0.0, 0.0), &places[..0], |p| *p), None);
        // Equal distances: the first wins, as `min_by` would have it.
        let twins = [ll(1.0, 0.0), ll(-1.0, 0.0)];
        assert_eq!(nearest(ll(0.0, 0.0), &twins, |p| *p).unwrap().0, 0);
    }

    #[test]
    fn densified_points_are_the_direct_solutions() {
        let (a, b) = (ll(39.03, 125.75), ll(-33.9, 18.4));
        let inv = inverse(a, b);
        let line = densify(a, b, Length::km(500.0));
        let n = line.len() - 1;
        for (i, p) in line.iter().enumerate().take(n).skip(1) {
            let want = direct(
                a,
                inv.initial,
                Length::m(inv.distance.as_m() * i as f64 / n as f64),
            );
            assert_eq!(*p, want, "point {i}");
        }
        assert_eq!(line[n], b);
    }

    /// Reference values computed with GeographicLib (Python `geographiclib` 2.0, WGS84).
    #[test]
    fn matches_geographiclib_reference_to_the_millimetre() {
        let cases: [(LatLon, LatLon, f64, f64, f64); 3] = [
            (
                ll(40.64, -73.78),
                ll(1.36, 103.99),
                15347512.940513,
                3.305773,
                177.487840,
            ),
            (
                ll(0.0, 0.0),
                ll(0.5, 179.5),
                19936288.578965,
                25.671873,
                154.327085,
            ),
            (
                ll(39.0392, 125.7625),
                ll(43.1155, 131.8855),
                685000.967394,
                46.678345,
                50.706367,
            ),
        ];
        for (a, b, s12, azi1, azi2) in cases {
            let inv = inverse(a, b);
            assert!(
                (inv.distance.as_m() - s12).abs() < 1e-3,
                "{a:?}→{b:?}: {}",
                inv.distance.as_m()
            );
            assert!((inv.initial.deg() - azi1).abs() < 1e-6);
            assert!((inv.final_.deg() - azi2).abs() < 1e-6);
        }
    }

    #[test]
    fn compass_sectors() {
        assert_eq!(Azimuth::from_deg(0.0).compass8(), Compass8::N);
        assert_eq!(Azimuth::from_deg(22.4).compass8(), Compass8::N);
        assert_eq!(Azimuth::from_deg(22.6).compass8(), Compass8::NE);
        assert_eq!(Azimuth::from_deg(359.0).compass8(), Compass8::N);
        assert_eq!(Azimuth::from_deg(225.0).compass8(), Compass8::SW);
        assert_eq!(
            Azimuth::from_deg(350.0).angle_to(Azimuth::from_deg(10.0)),
            20.0
        );
    }

    #[test]
    fn antimeridian_and_poles() {
        let a = ll(0.0, 179.5);
        let b = ll(0.0, -179.5);
        assert!((distance(a, b).as_km() - 111.319).abs() < 0.001);
        let line = densify(a, b, Length::km(10.0));
        assert!(line.iter().all(|p| (-180.0..=180.0).contains(&p.lon)));
        let p = direct(ll(89.9, 0.0), Azimuth::from_deg(0.0), Length::km(50.0));
        assert!(p.lat <= 90.0);
        assert_eq!(distance(a, a), Length::ZERO);
    }
}
