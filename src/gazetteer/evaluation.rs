//! Measuring the gazetteer against names with reference coordinates from another source
//! (`data/eval/gazetteer_eval.tsv`: CLDR city names in twelve languages, Natural Earth
//! positions). `cargo run --example gazetteer_eval` prints the figures and every miss; a test
//! holds the thresholds.

use super::place::PlaceKind;
use super::{Context, Error, Gazetteer, Query};
use crate::coord::LatLon;
use crate::geodesy;

/// A name is resolved correctly when the chosen place is within this distance of the
/// reference coordinate.
pub const HIT_KM: f64 = 10.0;
/// Places at least this populous form the "large places" share.
pub const LARGE_POPULATION: u64 = 100_000;

/// One test name: the language it is written in, the name, the country it is in and where a
/// source other than GeoNames puts it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalName {
    /// BCP 47 language tag of the name's language ("ko", "ru").
    pub lang: String,
    /// The name as CLDR writes it in that language.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country the place is in.
    pub country: String,
    /// Natural Earth's position of the place, the reference a resolution is measured against.
    pub reference: LatLon,
}

/// One name's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalOutcome {
    /// The test name asked.
    pub name: EvalName,
    /// The chosen place ("Vladivostok (RU)") or the error.
    pub chosen: Result<String, String>,
    /// Distance from the chosen place to the reference, in km.
    pub off_km: Option<f64>,
    /// Whether the place is a large one (see [`LARGE_POPULATION`]).
    pub large: bool,
}

/// Within this distance of the reference, a miss is taken for the right place placed
/// differently by the two sources (Dubai's GeoNames and Natural Earth points are 15 km apart).
pub const NEAR_MISS_KM: f64 = 30.0;

/// Why a name missed: data the tables lack, or the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MissKind {
    /// No place has the name (an error, with or without suggestions): a missing name.
    NoSuchName,
    /// A place was chosen, far from the reference: another place outranked the right one, or
    /// the right one lacks the name and another has it.
    WrongPlace,
    /// A place within [`NEAR_MISS_KM`] of the reference: most likely the right place, where
    /// the two sources put it differently.
    NearMiss,
}

impl MissKind {
    /// How the evaluation's output names the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            MissKind::NoSuchName => "no place of that name",
            MissKind::WrongPlace => "a wrong place",
            MissKind::NearMiss => "the right place, 10-30 km off",
        }
    }
}

impl EvalOutcome {
    /// Whether the chosen place lies within [`HIT_KM`] of the reference (an error is a miss).
    pub fn hit(&self) -> bool {
        self.off_km.is_some_and(|d| d <= HIT_KM)
    }

    /// Why the name missed (`None` for a hit).
    pub fn miss_kind(&self) -> Option<MissKind> {
        match self.off_km {
            _ if self.hit() => None,
            None => Some(MissKind::NoSuchName),
            Some(d) if d <= NEAR_MISS_KM => Some(MissKind::NearMiss),
            Some(_) => Some(MissKind::WrongPlace),
        }
    }
}

/// Reads the evaluation table: lang, name, country, lat, lon, zone; '#' lines are comments.
pub fn parse_eval(text: &str) -> Result<Vec<EvalName>, Error> {
    let bad = |n: usize, what: &str| Error::CorruptData {
        file: "data/eval/gazetteer_eval.tsv",
        reason: format!("line {n}: {what}"),
    };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let [lang, name, country, lat, lon, _zone] = c[..] else {
            return Err(bad(n, &format!("{} columns, expected 6", c.len())));
        };
        let lat: f64 = lat
            .parse()
            .map_err(|_| bad(n, "latitude is not a number"))?;
        let lon: f64 = lon
            .parse()
            .map_err(|_| bad(n, "longitude is not a number"))?;
        out.push(EvalName {
            lang: lang.into(),
            name: name.into(),
            country: country.into(),
            reference: LatLon::new(lat, lon).map_err(|e| bad(n, &e.to_string()))?,
        });
    }
    Ok(out)
}

/// How a name is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The bare name, as a user would type it with nothing else.
    Bare,
    /// The name read in the context of its country ([`Context::in_country`]), as a story or
    /// an article about that country asks for it: a preference, not a filter.
    InCountry,
}

/// Resolves every name and measures how far the chosen place is from the reference. A place
/// counts as large when a GeoNames city of at least [`LARGE_POPULATION`] lies within
/// [`HIT_KM`] of the reference.
pub fn evaluate(g: &Gazetteer, names: &[EvalName], asked: Asked) -> Vec<EvalOutcome> {
    names
        .iter()
        .map(|n| {
            let large = g
                .near(n.reference, 5, Some(&[PlaceKind::City]))
                .iter()
                .any(|p| {
                    p.distance.as_m() <= HIT_KM * 1000.0
                        && p.population.unwrap_or(0) >= LARGE_POPULATION
                });
            let q = Query::name(n.name.clone());
            let ctx = match asked {
                Asked::Bare => Ok(Context::default()),
                Asked::InCountry => Context::default().in_country(&n.country),
            };
            let (chosen, off_km) = match ctx.and_then(|c| g.resolve_in(&q, &c)) {
                Ok(r) => {
                    let p = &r.place;
                    let cc = p.country.as_deref().unwrap_or("?");
                    let km = geodesy::distance(p.anchor(), n.reference).as_m() / 1000.0;
                    (Ok(format!("{} ({cc})", p.name)), Some(km))
                }
                Err(e) => (Err(e.to_string()), None),
            };
            EvalOutcome {
                name: n.clone(),
                chosen,
                off_km,
                large,
            }
        })
        .collect()
}

/// The share of outcomes that are hits, over all and over the large places: (hits, total).
pub fn shares(outcomes: &[EvalOutcome]) -> ((usize, usize), (usize, usize)) {
    let count = |it: &mut dyn Iterator<Item = &EvalOutcome>| {
        it.fold((0, 0), |(h, t), o| (h + usize::from(o.hit()), t + 1))
    };
    (
        count(&mut outcomes.iter()),
        count(&mut outcomes.iter().filter(|o| o.large)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_checked() {
        let n = parse_eval("# h\nru\tХасан\tRU\t42.4\t130.6\tAsia/Vladivostok\n").unwrap();
        assert_eq!(n[0].name, "Хасан");
        assert!(parse_eval("ru\tХасан\tRU\t42.4\n").is_err());
        assert!(parse_eval("ru\tХасан\tRU\t142.4\t130.6\tz\n").is_err());
    }

    #[test]
    fn a_hit_is_within_ten_km_of_the_reference() {
        let g = Gazetteer::load_default().unwrap();
        let names = parse_eval(
            "ru\tХасан\tRU\t42.4239\t130.6516\tz\nen\tHassan\tRU\t42.4239\t130.6516\tz\n",
        )
        .unwrap();
        let o = evaluate(&g, &names, Asked::Bare);
        assert!(o[0].hit() && !o[1].hit(), "{o:?}");
        assert!(!o[0].large);
        assert_eq!(shares(&o), ((1, 2), (0, 0)));
    }

    #[test]
    fn a_miss_says_whether_the_name_or_the_ranking_is_at_fault() {
        let name = parse_eval("ru\tХасан\tRU\t42.4\t130.6\tz\n").unwrap()[0].clone();
        let o = |chosen: Result<String, String>, off_km| EvalOutcome {
            name: name.clone(),
            chosen,
            off_km,
            large: false,
        };
        let place = || Ok("Khasan (RU)".to_string());
        assert_eq!(o(place(), Some(3.0)).miss_kind(), None);
        assert_eq!(o(place(), Some(15.0)).miss_kind(), Some(MissKind::NearMiss));
        assert_eq!(
            o(place(), Some(6151.0)).miss_kind(),
            Some(MissKind::WrongPlace)
        );
        assert_eq!(
            o(Err("no place is called".into()), None).miss_kind(),
            Some(MissKind::NoSuchName)
        );
    }
}
