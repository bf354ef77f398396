//! Map projections on the WGS84 ellipsoid, chosen for the area shown.
//!
//! Mid-latitude areas get a Lambert conformal conic with standard parallels at one sixth and five
//! sixths of the area's latitude span (Snyder, *Map Projections: A Working Manual*, USGS 1987,
//! eq. 15-1…15-11); areas within 10° of the equator, or straddling it, get a Mercator. Both are
//! conformal, so a scale bar is right in every direction at the point where it is measured.
//! Longitudes are taken relative to the central meridian in (-180°, 180°], so an area that
//! crosses the antimeridian projects in one piece.

use crate::coord::LatLon;

const A: f64 = 6_378_137.0;
const F: f64 = 1.0 / 298.257_223_563;

/// A projected position in metres (x east, y north).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Xy {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Lcc {
        n: f64,
        af: f64,
        rho0: f64,
        lat1_deg: f64,
        lat2_deg: f64,
    },
    Mercator,
}

/// A conformal projection centred on an area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    kind: Kind,
    lon0_deg: f64,
}

fn ecc() -> f64 {
    (F * (2.0 - F)).sqrt()
}

/// Snyder's m: cos φ / sqrt(1 − e² sin² φ).
fn m_of(phi: f64) -> f64 {
    let e = ecc();
    phi.cos() / (1.0 - e * e * phi.sin().powi(2)).sqrt()
}

/// Snyder's t: tan(π/4 − φ/2) / ((1 − e sin φ)/(1 + e sin φ))^(e/2).
fn t_of(phi: f64) -> f64 {
    let e = ecc();
    let es = e * phi.sin();
    (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - es) / (1.0 + es)).powf(e / 2.0)
}

/// Inverse of t: latitude from t by fixed-point iteration (Snyder eq. 7-9).
fn phi_of_t(t: f64) -> f64 {
    let e = ecc();
    let mut phi = std::f64::consts::FRAC_PI_2 - 2.0 * t.atan();
    for _ in 0..15 {
        let es = e * phi.sin();
        phi = std::f64::consts::FRAC_PI_2
            - 2.0 * (t * ((1.0 - es) / (1.0 + es)).powf(e / 2.0)).atan();
    }
    phi
}

/// `lon - lon0` wrapped into (-180, 180].
fn rel_lon(lon_deg: f64, lon0_deg: f64) -> f64 {
    let d = (lon_deg - lon0_deg).rem_euclid(360.0);
    if d > 180.0 { d - 360.0 } else { d }
}

impl Projection {
    /// The projection for an area from `lat_s` to `lat_n` (degrees) centred on `lon0`.
    pub fn for_area(lat_s_deg: f64, lat_n_deg: f64, lon0_deg: f64) -> Projection {
        let (s, n) = (
            lat_s_deg.min(lat_n_deg).clamp(-85.0, 85.0),
            lat_s_deg.max(lat_n_deg).clamp(-85.0, 85.0),
        );
        let mid = (s + n) / 2.0;
        if s * n <= 0.0 || mid.abs() < 10.0 {
            return Projection {
                kind: Kind::Mercator,
                lon0_deg,
            };
        }
        let span = n - s;
        Projection::lcc(s + span / 6.0, n - span / 6.0, mid, lon0_deg)
    }

    /// Lambert conformal conic with standard parallels `lat1`, `lat2` and origin (`lat0`, `lon0`).
    pub fn lcc(lat1_deg: f64, lat2_deg: f64, lat0_deg: f64, lon0_deg: f64) -> Projection {
        let (p1, p2, p0) = (
            lat1_deg.to_radians(),
            lat2_deg.to_radians(),
            lat0_deg.to_radians(),
        );
        let (m1, m2) = (m_of(p1), m_of(p2));
        let (t1, t2) = (t_of(p1), t_of(p2));
        let n = if (lat1_deg - lat2_deg).abs() < 1e-9 {
            p1.sin()
        } else {
            (m1.ln() - m2.ln()) / (t1.ln() - t2.ln())
        };
        let af = A * m1 / (n * t1.powf(n));
        let rho0 = af * t_of(p0).powf(n);
        Projection {
            kind: Kind::Lcc {
                n,
                af,
                rho0,
                lat1_deg,
                lat2_deg,
            },
            lon0_deg,
        }
    }

    /// The central meridian in degrees.
    pub fn lon0_deg(&self) -> f64 {
        self.lon0_deg
    }

    /// Projects a position to metres.
    pub fn forward(&self, p: LatLon) -> Xy {
        let lat = p.lat.clamp(-89.5, 89.5).to_radians();
        let dlon = rel_lon(p.lon, self.lon0_deg).to_radians();
        self.forward_rad(lat, dlon)
    }

    /// Projects a position whose longitude is already relative to the central meridian and may
    /// run past ±180° (used for clipped basemap parts in a continuous longitude space).
    pub(crate) fn forward_rel(&self, lat_deg: f64, dlon_deg: f64) -> Xy {
        self.forward_rad(
            lat_deg.clamp(-89.5, 89.5).to_radians(),
            dlon_deg.to_radians(),
        )
    }

    fn forward_rad(&self, lat: f64, dlon: f64) -> Xy {
        match self.kind {
            Kind::Lcc { n, af, rho0, .. } => {
                let rho = af * t_of(lat).powf(n);
                let theta = n * dlon;
                Xy {
                    x: rho * theta.sin(),
                    y: rho0 - rho * theta.cos(),
                }
            }
            Kind::Mercator => Xy {
                x: A * dlon,
                y: -A * t_of(lat).ln(),
            },
        }
    }

    /// The position at projected metres `xy` (longitude wrapped to [-180, 180]).
    pub fn inverse(&self, xy: Xy) -> LatLon {
        let (lat, dlon) = match self.kind {
            Kind::Lcc { n, af, rho0, .. } => {
                let dy = rho0 - xy.y;
                let rho = n.signum() * (xy.x * xy.x + dy * dy).sqrt();
                let theta = if n > 0.0 {
                    xy.x.atan2(dy)
                } else {
                    (-xy.x).atan2(-dy)
                };
                let t = (rho / af).powf(1.0 / n);
                (phi_of_t(t), theta / n)
            }
            Kind::Mercator => (phi_of_t((-xy.y / A).exp()), xy.x / A),
        };
        let lon = crate::coord::wrap_lon(self.lon0_deg + dlon.to_degrees());
        LatLon {
            lat: lat.to_degrees().clamp(-90.0, 90.0),
            lon,
        }
    }

    /// One line for the map's corner, e.g.
    /// "Lambert conformal conic, standard parallels 40.2°N and 42.9°N, central meridian 129.0°E, WGS84".
    pub fn describe(&self) -> String {
        let lon = fmt_deg(self.lon0_deg, 'E', 'W');
        match self.kind {
            Kind::Lcc {
                lat1_deg, lat2_deg, ..
            } => format!(
                "Lambert conformal conic, standard parallels {} and {}, central meridian {lon}, WGS84",
                fmt_deg(lat1_deg, 'N', 'S'),
                fmt_deg(lat2_deg, 'N', 'S')
            ),
            Kind::Mercator => format!("Mercator, central meridian {lon}, WGS84"),
        }
    }
}

/// "42.5°N", "73.0°W".
fn fmt_deg(v: f64, pos: char, neg: char) -> String {
    format!("{:.1}°{}", v.abs(), if v >= 0.0 { pos } else { neg })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geodesy;
    use crate::units::Length;

    #[test]
    fn lcc_matches_snyder_worked_example_shape() {
        // Round trip and conformality near the standard parallels.
        let p = Projection::lcc(33.0, 45.0, 23.0, -96.0);
        for (lat, lon) in [(35.0, -75.0), (23.0, -96.0), (50.0, -120.0)] {
            let xy = p.forward(LatLon { lat, lon });
            let back = p.inverse(xy);
            assert!(
                (back.lat - lat).abs() < 1e-9 && (back.lon - lon).abs() < 1e-9,
                "{back:?}"
            );
        }
        // Origin projects to (0, 0).
        let o = p.forward(LatLon {
            lat: 23.0,
            lon: -96.0,
        });
        assert!(o.x.abs() < 1e-6 && o.y.abs() < 1e-6);
    }

    #[test]
    fn scale_is_true_on_standard_parallels() {
        let p = Projection::lcc(40.0, 44.0, 42.0, 129.0);
        for lat in [40.0, 44.0] {
            let a = LatLon { lat, lon: 129.0 };
            let b = geodesy::direct(a, geodesy::Azimuth::from_deg(90.0), Length::km(1.0));
            let (pa, pb) = (p.forward(a), p.forward(b));
            let proj_m = ((pa.x - pb.x).powi(2) + (pa.y - pb.y).powi(2)).sqrt();
            assert!((proj_m - 1000.0).abs() < 0.05, "lat {lat}: {proj_m}");
        }
    }

    #[test]
    fn picks_mercator_near_equator_and_wraps_antimeridian() {
        let p = Projection::for_area(-5.0, 8.0, 100.0);
        assert!(p.describe().starts_with("Mercator"));
        let q = Projection::for_area(-20.0, -15.0, 179.0);
        let a = q.forward(LatLon {
            lat: -17.0,
            lon: 178.5,
        });
        let b = q.forward(LatLon {
            lat: -17.0,
            lon: -179.5,
        });
        assert!(
            b.x > a.x && b.x - a.x < 250_000.0,
            "east of 180° stays east: {a:?} {b:?}"
        );
        let back = q.inverse(b);
        assert!((back.lon + 179.5).abs() < 1e-9);
    }
}
