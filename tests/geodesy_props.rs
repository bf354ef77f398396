//! Property tests for the geometry at the bottom of routecheck: geodesy on WGS84, `LatLon`
//! and its conversions, and the parsing and formatting of quantities.
//!
//! The strategies deliberately over-sample the awkward places: the poles, the equator, the
//! antimeridian and (near-)antipodal pairs.

use proptest::prelude::*;
use routecheck::coord::LatLon;
use routecheck::geodesy::{self, Azimuth, Compass8};
use routecheck::units::{
    self, Length, LengthUnit, Speed, SpeedUnit, group_thousands, parse_duration, parse_length,
    parse_quantity, parse_speed,
};

/// Half the length of a meridian on WGS84: the longest shortest path (GeographicLib).
const HALF_MERIDIAN_M: f64 = 20_003_931.458_625_447;

// ---------------------------------------------------------------------------------------------
// Strategies

/// Latitudes: uniform, plus the poles, the equator and values just off them.
fn lat() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => -90.0..=90.0f64,
        1 => Just(90.0),
        1 => Just(-90.0),
        1 => Just(0.0),
        1 => (1e-12..1.0f64, any::<bool>()).prop_map(|(e, n)| if n { -90.0 + e } else { 90.0 - e }),
        1 => -1e-9..1e-9f64,
    ]
}

/// Longitudes: uniform, plus ±180 and values just inside the antimeridian.
fn lon() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => -180.0..=180.0f64,
        1 => Just(180.0),
        1 => Just(-180.0),
        1 => Just(0.0),
        1 => (1e-12..1.0f64, any::<bool>()).prop_map(|(e, w)| if w { -180.0 + e } else { 180.0 - e }),
    ]
}

fn point() -> impl Strategy<Value = LatLon> {
    (lat(), lon()).prop_map(|(lat, lon)| LatLon { lat, lon })
}

fn wrap(lon: f64) -> f64 {
    let w = (lon + 180.0).rem_euclid(360.0) - 180.0;
    if w < -180.0 { -180.0 } else { w }
}

/// The exact antipode of a point.
fn antipode(p: LatLon) -> LatLon {
    LatLon {
        lat: -p.lat,
        lon: wrap(p.lon + 180.0),
    }
}

/// Pairs of points, a good share of them near-antipodal or straddling the antimeridian.
fn pair() -> impl Strategy<Value = (LatLon, LatLon)> {
    prop_oneof![
        4 => (point(), point()),
        2 => (point(), -1e-3..1e-3f64, -1e-3..1e-3f64).prop_map(|(p, dlat, dlon)| {
            let q = antipode(p);
            (p, LatLon { lat: (q.lat + dlat).clamp(-90.0, 90.0), lon: wrap(q.lon + dlon) })
        }),
        1 => (-90.0..=90.0f64, 179.0..=180.0f64, -90.0..=90.0f64, -180.0..=-179.0f64)
            .prop_map(|(a, b, c, d)| (LatLon { lat: a, lon: b }, LatLon { lat: c, lon: d })),
        1 => (point(), -1e-6..1e-6f64, -1e-6..1e-6f64).prop_map(|(p, dlat, dlon)| {
            (p, LatLon { lat: (p.lat + dlat).clamp(-90.0, 90.0), lon: wrap(p.lon + dlon) })
        }),
    ]
}

fn m(a: LatLon, b: LatLon) -> f64 {
    geodesy::distance(a, b).as_m()
}

// ---------------------------------------------------------------------------------------------
// Geodesy

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn distance_is_symmetric((a, b) in pair()) {
        let (ab, ba) = (m(a, b), m(b, a));
        prop_assert!((ab - ba).abs() <= 1e-8, "d(a,b) = {ab}, d(b,a) = {ba}");
    }

    #[test]
    fn distance_to_itself_is_zero(a in point()) {
        prop_assert_eq!(m(a, a), 0.0);
    }

    #[test]
    fn distance_is_finite_non_negative_and_at_most_half_a_meridian((a, b) in pair()) {
        let d = m(a, b);
        prop_assert!(d.is_finite() && d >= 0.0, "{d}");
        prop_assert!(d <= HALF_MERIDIAN_M + 1e-6, "{d}");
    }

    #[test]
    fn triangle_inequality((a, b) in pair(), c in point()) {
        let (ab, bc, ac) = (m(a, b), m(b, c), m(a, c));
        prop_assert!(ac <= ab + bc + 1e-6, "d(a,c) = {ac} > d(a,b) + d(b,c) = {}", ab + bc);
    }

    #[test]
    fn direct_after_inverse_lands_within_a_millimetre((a, b) in pair()) {
        let inv = geodesy::inverse(a, b);
        let b2 = geodesy::direct(a, inv.initial, inv.distance);
        let miss = m(b, b2);
        prop_assert!(miss < 1e-3, "missed {b:?} by {miss} m, landed at {b2:?}");
    }

    #[test]
    fn inverse_after_direct_recovers_the_distance_and_azimuth(
        a in point(), azi in 0.0..360.0f64, s in 1.0..19_900_000.0f64,
    ) {
        // Shorter than the distance to the cut point (π b ≈ 19,970 km at the least), so the
        // geodesic from `a` is the shortest path and the inverse must find it.
        let b = geodesy::direct(a, Azimuth::from_deg(azi), Length::m(s));
        prop_assert!((-90.0..=90.0).contains(&b.lat) && (-180.0..=180.0).contains(&b.lon), "{b:?}");
        let inv = geodesy::inverse(a, b);
        prop_assert!((inv.distance.as_m() - s).abs() < 1e-6 * s.max(1.0),
            "{a:?} → {azi}° {s} m → {b:?}: inverse says {} m", inv.distance.as_m());
        if a.lat.abs() < 89.0 && s > 1_000.0 && s < 19_000_000.0 {
            // Away from the poles (where azimuths depend on the meridian chosen) and from
            // the antipodal region (where several geodesics compete).
            let err = inv.initial.angle_to(Azimuth::from_deg(azi));
            prop_assert!(err < 1e-6, "azimuth {} vs {azi}", inv.initial.deg());
        }
    }

    #[test]
    fn azimuths_are_in_0_360((a, b) in pair()) {
        let inv = geodesy::inverse(a, b);
        for z in [inv.initial.deg(), inv.final_.deg()] {
            prop_assert!((0.0..360.0).contains(&z), "{z}");
        }
    }

    #[test]
    fn azimuth_from_any_finite_degrees_is_normalised(deg in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
        let z = Azimuth::from_deg(deg).deg();
        prop_assert!((0.0..360.0).contains(&z), "{deg} → {z}");
        if deg.abs() < 1e6 {
            // z and deg name the same direction: they differ by a whole number of turns.
            let off = (z - deg).rem_euclid(360.0);
            prop_assert!(off.min(360.0 - off) < 1e-9, "{deg} → {z}");
        }
    }

    #[test]
    fn antipodes_are_half_a_meridian_apart(a in point()) {
        let d = m(a, antipode(a));
        prop_assert!((d - HALF_MERIDIAN_M).abs() < 1e-6, "{a:?}: {d}");
    }

    #[test]
    fn longitude_180_and_minus_180_are_the_same_meridian(la in lat(), b in point()) {
        let east = LatLon { lat: la, lon: 180.0 };
        let west = LatLon { lat: la, lon: -180.0 };
        prop_assert!(m(east, west) < 1e-9);
        prop_assert!((m(east, b) - m(west, b)).abs() < 1e-6);
    }

    #[test]
    fn distance_does_not_depend_on_longitude_origin((a, b) in pair(), shift in -360.0..360.0f64) {
        let turn = |p: LatLon| LatLon { lat: p.lat, lon: wrap(p.lon + shift) };
        let (d, dt) = (m(a, b), m(turn(a), turn(b)));
        // Wrapping rounds the longitudes (≈ 3e-14° ≈ 3 nm); allow for that.
        prop_assert!((d - dt).abs() < 1e-6, "{d} vs {dt}");
    }

    #[test]
    fn all_longitudes_meet_at_the_poles(lon1 in lon(), lon2 in lon(), b in point(), north in any::<bool>()) {
        let pole = if north { 90.0 } else { -90.0 };
        let p1 = LatLon { lat: pole, lon: lon1 };
        let p2 = LatLon { lat: pole, lon: lon2 };
        prop_assert!(m(p1, p2) < 1e-6);
        prop_assert!((m(p1, b) - m(p2, b)).abs() < 1e-6);
    }

    #[test]
    fn densified_lines_keep_their_ends_and_step(
        (a, b) in pair(), step_km in 1.0..5_000.0f64,
    ) {
        let line = geodesy::densify(a, b, Length::km(step_km));
        prop_assert_eq!(line.first(), Some(&a));
        prop_assert_eq!(line.last(), Some(&b));
        for w in line.windows(2) {
            prop_assert!(LatLon::new(w[1].lat, w[1].lon).is_ok(), "{:?}", w[1]);
            prop_assert!(m(w[0], w[1]) <= step_km * 1000.0 + 1e-3);
        }
    }

    #[test]
    fn path_length_is_the_sum_of_its_segments(pts in proptest::collection::vec(point(), 0..8)) {
        let sum: f64 = pts.windows(2).map(|w| m(w[0], w[1])).sum();
        prop_assert_eq!(geodesy::path_length(&pts).as_m(), sum);
    }
}

#[test]
fn compass_points_round_trip() {
    for c in Compass8::ALL {
        assert_eq!(c.azimuth().compass8(), c);
        assert_eq!(Compass8::parse(c.word()), Some(c));
        assert_eq!(Compass8::parse(&format!("{c:?}")), Some(c));
    }
}

// ---------------------------------------------------------------------------------------------
// LatLon

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn latlon_point_round_trip_is_exact(p in point()) {
        let g: geo::Point = p.into();
        prop_assert_eq!((g.x(), g.y()), (p.lon, p.lat));
        prop_assert_eq!(LatLon::try_from(g).unwrap(), p);
        let c: geo::Coord = p.into();
        prop_assert_eq!(LatLon::try_from(c).unwrap(), p);
    }

    #[test]
    fn latlon_new_accepts_exactly_the_valid_range(lat in proptest::num::f64::ANY, lon in proptest::num::f64::ANY) {
        let valid = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
        prop_assert_eq!(LatLon::new(lat, lon).is_ok(), valid, "{} {}", lat, lon);
        prop_assert_eq!(geo::Point::new(lon, lat).try_into().ok().map(|p: LatLon| (p.lat, p.lon)),
            valid.then_some((lat, lon)));
    }

    #[test]
    fn decimal_text_round_trips_exactly(p in point(), sep in prop_oneof![Just(", "), Just(","), Just(" "), Just("; ")]) {
        // Rust's `Display` for f64 is the shortest text that reads back to the same number.
        let text = format!("{}{sep}{}", p.lat, p.lon);
        prop_assert_eq!(text.parse::<LatLon>(), Ok(p), "{}", text);
    }

    #[test]
    fn display_reads_back_to_within_its_precision(p in point()) {
        let shown = p.to_string();
        let back: LatLon = shown.parse().map_err(|e| TestCaseError::fail(format!("{shown}: {e}")))?;
        prop_assert!((back.lat - p.lat).abs() <= 0.5e-4 + 1e-12, "{shown} → {back:?}");
        prop_assert!((back.lon - p.lon).abs() <= 0.5e-4 + 1e-12, "{shown} → {back:?}");
    }

    #[test]
    fn degrees_minutes_seconds_with_hemispheres(
        d_lat in 0u32..90, m_lat in 0u32..60, s_lat in 0u32..60,
        d_lon in 0u32..180, m_lon in 0u32..60, s_lon in 0u32..60,
        south in any::<bool>(), west in any::<bool>(), lon_first in any::<bool>(),
    ) {
        let lat = (d_lat as f64 + m_lat as f64 / 60.0 + s_lat as f64 / 3600.0) * if south { -1.0 } else { 1.0 };
        let lon = (d_lon as f64 + m_lon as f64 / 60.0 + s_lon as f64 / 3600.0) * if west { -1.0 } else { 1.0 };
        let la = format!("{d_lat}°{m_lat}′{s_lat}″{}", if south { 'S' } else { 'N' });
        let lo = format!("{d_lon}°{m_lon}′{s_lon}″{}", if west { 'W' } else { 'E' });
        let text = if lon_first { format!("{lo} {la}") } else { format!("{la} {lo}") };
        let p: LatLon = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert!((p.lat - lat).abs() < 1e-12 && (p.lon - lon).abs() < 1e-12, "{text} → {p:?}");
    }

    #[test]
    fn coordinate_parsing_never_panics(s in "\\PC{0,40}") {
        let _ = s.parse::<LatLon>();
    }

    #[test]
    fn parsed_coordinates_are_always_valid(s in "[-+0-9.,; °′″'\"NSEWdm]{0,30}") {
        if let Ok(p) = s.parse::<LatLon>() {
            prop_assert!(LatLon::new(p.lat, p.lon).is_ok(), "{s} → {p:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Units

fn length_unit() -> impl Strategy<Value = (&'static str, LengthUnit)> {
    prop_oneof![
        Just(("km", LengthUnit::Kilometre)),
        Just(("kilometres", LengthUnit::Kilometre)),
        Just(("kilometers", LengthUnit::Kilometre)),
        Just(("miles", LengthUnit::Mile)),
        Just(("mi", LengthUnit::Mile)),
        Just(("m", LengthUnit::Metre)),
        Just(("metres", LengthUnit::Metre)),
        Just(("nmi", LengthUnit::NauticalMile)),
        Just(("nautical miles", LengthUnit::NauticalMile)),
        Just(("feet", LengthUnit::Foot)),
    ]
}

fn speed_unit() -> impl Strategy<Value = (&'static str, SpeedUnit)> {
    prop_oneof![
        Just(("km/h", SpeedUnit::Kmh)),
        Just(("kph", SpeedUnit::Kmh)),
        Just(("kilometres per hour", SpeedUnit::Kmh)),
        Just(("mph", SpeedUnit::Mph)),
        Just(("miles per hour", SpeedUnit::Mph)),
        Just(("knots", SpeedUnit::Knot)),
        Just(("m/s", SpeedUnit::Mps)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn grouped_kilometres_parse_to_exact_metres(n in 0u64..10_000_000_000) {
        let text = format!("{} km", group_thousands(n as f64));
        prop_assert_eq!(parse_length(&text), Ok(Length::m(n as f64 * 1000.0)), "{}", text);
        prop_assert_eq!(group_thousands(n as f64).replace(',', ""), n.to_string());
    }

    #[test]
    fn whole_numbers_in_any_length_unit(n in 0u32..1_000_000, (word, unit) in length_unit(), grouped in any::<bool>()) {
        let num = if grouped { group_thousands(n as f64) } else { n.to_string() };
        let text = format!("{num} {word}");
        prop_assert_eq!(parse_length(&text), Ok(Length::new(n as f64, unit)), "{}", text);
    }

    #[test]
    fn decimals_in_any_speed_unit(whole in 0u32..2000, frac in 0u32..100, (word, unit) in speed_unit()) {
        let text = format!("{whole}.{frac:02} {word}");
        let v: f64 = format!("{whole}.{frac:02}").parse().unwrap();
        let (lo, hi) = parse_speed(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(lo, Speed::new(v, unit));
        prop_assert_eq!(lo, hi);
    }

    #[test]
    fn speed_ranges_keep_their_order(a in 0u32..500, d in 0u32..500, (word, unit) in speed_unit(),
        sep in prop_oneof![Just("-"), Just("–"), Just(" to ")]) {
        let text = format!("{a}{sep}{} {word}", a + d);
        let (lo, hi) = parse_speed(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(lo, Speed::new(a as f64, unit));
        prop_assert_eq!(hi, Speed::new((a + d) as f64, unit));
    }

    #[test]
    fn whole_hours_parse_exactly(h in 0u32..100_000) {
        let d = parse_duration(&format!("{h} hours")).unwrap();
        prop_assert_eq!(d, std::time::Duration::from_secs(h as u64 * 3600));
    }

    #[test]
    fn length_display_reads_back(m in 0.0..1e9f64) {
        let l = Length::m(m);
        let shown = l.to_string();
        let back = parse_length(&shown).map_err(|e| TestCaseError::fail(format!("{shown}: {e}")))?;
        let km = l.as_km();
        let want = if km >= 100.0 {
            Length::km(km.round())
        } else {
            back // checked by the tolerance below
        };
        prop_assert_eq!(back, want, "{}", shown);
        let tol = if km >= 100.0 { 500.0 } else if km >= 1.0 { 50.0 } else { 0.5 };
        prop_assert!((back.as_m() - m).abs() <= tol + 1e-6, "{shown} → {back:?} from {m}");
    }

    #[test]
    fn speed_display_reads_back(kmh in 0.0..5_000.0f64) {
        let shown = Speed::kmh(kmh).to_string();
        let (lo, _) = parse_speed(&shown).map_err(|e| TestCaseError::fail(format!("{shown}: {e}")))?;
        prop_assert!((lo.as_kmh() - kmh).abs() <= 0.05 + 1e-9, "{shown} from {kmh}");
    }

    #[test]
    fn conversions_are_the_exact_definitions(x in -1e12..1e12f64) {
        prop_assert_eq!(Length::km(x).as_m(), x * 1000.0);
        prop_assert_eq!(Length::miles(x).as_m(), x * 1609.344);
        prop_assert_eq!(Length::nmi(x).as_m(), x * 1852.0);
        prop_assert_eq!(Length::new(x, LengthUnit::Foot).as_m(), x * 0.3048);
        prop_assert_eq!(Speed::mph(x).as_mps(), x * 1609.344 / 3600.0);
        prop_assert_eq!(Speed::knots(x).as_mps(), x * 1852.0 / 3600.0);
        // Out and back again, to within rounding.
        for u in [LengthUnit::Metre, LengthUnit::Kilometre, LengthUnit::Mile, LengthUnit::NauticalMile, LengthUnit::Foot] {
            let back = Length::new(x, u).in_unit(u);
            prop_assert!((back - x).abs() <= 4.0 * f64::EPSILON * x.abs(), "{u:?}: {x} → {back}");
        }
        for u in [SpeedUnit::Kmh, SpeedUnit::Mph, SpeedUnit::Knot, SpeedUnit::Mps] {
            let back = Speed::new(x, u).in_unit(u);
            prop_assert!((back - x).abs() <= 4.0 * f64::EPSILON * x.abs(), "{u:?}: {x} → {back}");
        }
    }

    #[test]
    fn integer_kilometres_are_exact_in_metres(n in -(1i64 << 40)..(1i64 << 40)) {
        prop_assert_eq!(Length::km(n as f64).as_m(), (n * 1000) as f64);
        prop_assert_eq!(Length::km(n as f64).as_km(), n as f64);
    }

    #[test]
    fn quantity_parsing_never_panics_and_stays_in_bounds(s in "\\PC{0,40}") {
        if let Ok(q) = parse_quantity(&s) {
            prop_assert!(q.value.lo.is_finite() && q.value.lo >= 0.0 && q.value.hi >= q.value.lo, "{s}: {q:?}");
        }
        if let Ok((_, used)) = units::scan_quantity(&s) {
            prop_assert!(used <= s.len() && s.is_char_boundary(used), "{s}: used {used}");
        }
        let _ = parse_duration(&s);
    }

    #[test]
    fn number_words_never_panic(s in "[a-zA-Z0-9 ,.½¼¾/-]{0,40}") {
        let _ = units::parse_number_words(&s);
    }
}
