//! Namesakes: a name in another script that GeoNames gives to one place of a shared name is
//! read as that name, so the other places called so are candidates too.
//!
//! GeoNames sometimes files a name in Chinese, Japanese or Arabic under the wrong one of
//! several places with the same English name: "安克雷奇" (Anchorage) sits on Anchorage,
//! Kentucky (2,420 people), not on Anchorage, Alaska (291,247), and "ハリファクス" only on
//! Halifax, England. Such a name is a transliteration of the English name, not of one place:
//! the places whose primary name is that of the alias's place join the candidates as
//! [`Hit::Namesake`], ranked one order of magnitude of population below the alias's own place
//! (see [`Hit::bonus`]), so that a far larger namesake, or one in the asked country or near
//! the story's other places, is chosen, and a namesake of like size is not. The same holds
//! for a close spelling in another script ("أنشوراج" is one letter from Anchorage, Kentucky's
//! Arabic name): its place's namesakes join one edit further.

use super::lookup::Hit;
use super::normalize::normalize;
use super::{Ent, Gazetteer};

/// At most this many places' names are followed for one query (a common name in another
/// script may be an alias of many places).
const MAX_FOLLOWED: usize = 8;

impl Gazetteer {
    /// The namesakes of the world places that `hits` found by an alias: world places whose
    /// primary name is the same as one of theirs, not already among the hits.
    pub(crate) fn namesakes(&self, hits: &[(Ent, Hit)]) -> Vec<(Ent, Hit)> {
        let Some(w) = &self.world else {
            return Vec::new();
        };
        // The names followed, each with the hit its namesakes get: a namesake of a place
        // found by a close spelling is one edit further (1.5 points, as a namesake's 1).
        let mut keys: Vec<(String, Hit)> = Vec::new();
        for (e, h) in hits {
            let as_namesake = match h {
                Hit::Alias => Hit::Namesake,
                Hit::Fuzzy(d) => Hit::Fuzzy(d.saturating_add(1)),
                _ => continue,
            };
            if let Ent::World(i) = e
                && let Some(r) = w.rec(*i as usize)
            {
                let k = normalize(w.pool_str(r.name_off));
                if !k.is_empty() && !keys.iter().any(|(x, _)| *x == k) && keys.len() < MAX_FOLLOWED
                {
                    keys.push((k, as_namesake));
                }
            }
        }
        let mut out = Vec::new();
        for (k, as_namesake) in &keys {
            for (e, h) in self.exact_hits(k, k).unwrap_or_default() {
                if matches!(e, Ent::World(_))
                    && h == Hit::Name
                    && !hits.iter().any(|(x, _)| *x == e)
                    && !out.iter().any(|(x, _)| *x == e)
                {
                    out.push((e, *as_namesake));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Gazetteer, Query};

    fn gaz() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer::load_default().unwrap())
    }

    fn resolve(q: &str) -> (String, String) {
        let r = gaz().resolve(&q.parse::<Query>().unwrap()).unwrap();
        (r.place.name, r.place.admin1_name.unwrap_or_default())
    }

    #[test]
    fn a_name_filed_under_a_small_namesake_finds_the_large_place() {
        // GeoNames files 安克雷奇 under Anchorage, Kentucky only.
        assert_eq!(resolve("安克雷奇"), ("Anchorage".into(), "Alaska".into()));
    }

    #[test]
    fn the_asked_country_chooses_among_namesakes() {
        // سان خوان is filed under San Juan, Puerto Rico (418,140 people); San Juan, Argentina
        // (109,123) is found when the country is asked.
        assert_eq!(resolve("سان خوان").1, "San Juan");
        let r = gaz().resolve(&"سان خوان, AR".parse().unwrap()).unwrap();
        assert_eq!(r.place.country.as_deref(), Some("AR"));
        // ハリファクス is filed under Halifax, England; Halifax, the capital of Nova Scotia,
        // is five times larger and a capital.
        assert_eq!(resolve("ハリファクス").1, "Nova Scotia");
    }

    #[test]
    fn the_place_that_holds_the_name_keeps_it_against_smaller_namesakes() {
        assert_eq!(resolve("Хасан").0, "Khasan");
        assert_eq!(resolve("평양").0, "Pyongyang");
        assert_eq!(resolve("Лондон"), ("London".into(), "England".into()));
    }

    #[test]
    fn a_close_spelling_in_another_script_also_brings_the_namesakes() {
        // "أنشوراج" is one letter from the Arabic name GeoNames files under Anchorage,
        // Kentucky; Anchorage, Alaska is the same name and 120 times larger.
        assert_eq!(resolve("أنشوراج"), ("Anchorage".into(), "Alaska".into()));
    }
}
