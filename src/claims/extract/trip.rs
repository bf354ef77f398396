//! The trip a sentence's figure is about when the sentence does not name both ends: "los 385
//! kilómetros que separan estas dos grandes ciudades", "the journey takes 3 hours 45 minutes",
//! "podróż do Przemyśla ma trwać ok. 6,5 godziny". The two places are the sentence's own, else
//! its one place and the town named before it, else the last two towns the article named;
//! every assumed pair is said in the draft. A trip's duration is checked against the fastest
//! speed the article gives, as an upper bound on the average.

use super::journey::Role;
use crate::gazetteer::{Place, PlaceKind};
use crate::story::Amount;
use crate::units::Dimension;
use std::sync::Arc;

/// Two places a sentence names, in the order it names them.
pub type Two = (Arc<Place>, Arc<Place>);

/// The two places a trip figure joins, in travel order, and how they were chosen (`None`: the
/// sentence names both).
#[derive(Debug, Clone)]
pub struct Pair {
    pub from: Arc<Place>,
    pub to: Arc<Place>,
    pub assumed: Option<String>,
}

/// A place a trip can start or end at: not a river, a sea or another area.
pub fn is_town(p: &Place) -> bool {
    !matches!(p.kind, PlaceKind::River | PlaceKind::Sea | PlaceKind::Other) && !p.is_line()
}

/// The pair a trip figure in this sentence is about. `two` is the sentence's own pair (see
/// `classify`), `here` the towns the sentence names with the role their travel word gives,
/// `before` the towns the article named before this sentence (most recent last, each once).
pub fn pair(
    two: Option<&Two>,
    here: &[(Arc<Place>, Option<Role>)],
    before: &[Arc<Place>],
) -> Option<Pair> {
    if let Some((a, b)) = two {
        return Some(Pair {
            from: a.clone(),
            to: b.clone(),
            assumed: None,
        });
    }
    let towns: Vec<&(Arc<Place>, Option<Role>)> = here.iter().filter(|(p, _)| is_town(p)).collect();
    match towns.as_slice() {
        [(q, role)] => {
            let p = before.iter().rev().find(|p| p.name != q.name)?;
            let (from, to) = if *role == Some(Role::Start) {
                (q.clone(), p.clone())
            } else {
                (p.clone(), q.clone())
            };
            Some(Pair {
                assumed: Some(format!(
                    "{} → {}: the sentence names {} only; the other end is {}, the place the article named before it",
                    from.name, to.name, q.name, p.name
                )),
                from,
                to,
            })
        }
        [] => {
            let [.., a, b] = before else { return None };
            Some(Pair {
                assumed: Some(format!(
                    "{} → {}: the sentence names no place; these are the last two places the article named",
                    a.name, b.name
                )),
                from: a.clone(),
                to: b.clone(),
            })
        }
        _ => None,
    }
}

/// For a length of the trip (its sentence passed [`length_of_trip`]: "a total of", "this
/// route", "the trip") that the last two towns named do not fit: the whole journey, from the
/// first town the article named (`before`, in order) to the last, an assumption the draft
/// states. The caller checks that it fits.
pub fn whole_journey(before: &[Arc<Place>]) -> Option<Pair> {
    let towns: Vec<&Arc<Place>> = before.iter().filter(|p| is_town(p)).collect();
    let (Some(a), Some(b)) = (towns.first(), towns.last()) else {
        return None;
    };
    (towns.len() > 2).then(|| Pair {
        assumed: Some(format!(
            "{} → {}: the last two towns named do not fit it; the whole journey, from the first town the article named to the last",
            a.name, b.name
        )),
        from: (*a).clone(),
        to: (*b).clone(),
    })
}

/// Words before a town the trip passes on its way ("über Brno", "via Lyon").
const VIA: &[&str] = &[
    "via",
    "through",
    "über",
    "por",
    "par",
    "przez",
    "через",
    "pelo",
    "pela",
];

/// The pair a figure's own clause names: "Von Wien aus über Brno soll in zwei Stunden Prag
/// erreicht werden können, in rund drei Stunden Dresden" gives Wien → Prag for the first
/// figure and Wien → Dresden for the second. The clause runs from the last comma, colon,
/// semicolon, dash or bracket (or other figure) before the figure to the next one after it.
/// Two towns in it: those two, the one a travel word makes the start first. One town: it and
/// the town the sentence starts the trip from ("von Wien aus", "from Paris"). Otherwise the
/// number of towns the clause names (0 or 1), for the caller to fall back on. `here` holds the sentence's towns with their roles and
/// where each is first named; `others` the byte ranges of the sentence's other figures.
pub fn clause_pair(
    text: &str,
    (s_start, s_end): (usize, usize),
    (at, end): (usize, usize),
    others: &[(usize, usize)],
    here: &[(Arc<Place>, Option<Role>, usize)],
) -> Result<Pair, usize> {
    const BREAKS: &[char] = &[',', ':', ';', '—', '–', '(', ')'];
    let mut lo = text[s_start..at]
        .rfind(BREAKS)
        .map_or(s_start, |i| s_start + i + 1);
    let mut hi = text[end..s_end].find(BREAKS).map_or(s_end, |i| end + i);
    for &(a, b) in others {
        if b <= at {
            lo = lo.max(b);
        } else if a >= end {
            hi = hi.min(a);
        }
    }
    let mut inside: Vec<&(Arc<Place>, Option<Role>, usize)> = here
        .iter()
        .filter(|(p, _, i)| is_town(p) && (lo..hi).contains(i))
        .collect();
    // "Von Wien aus über Brno … Prag": a town the trip goes by is not one of its ends, when
    // the clause names two others.
    let via = |i: usize| {
        let w = text[s_start..i]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        VIA.contains(&w.as_str())
    };
    if inside.iter().filter(|t| !via(t.2)).count() >= 2 {
        inside.retain(|t| !via(t.2));
    }
    let rank = |r: Option<Role>| r.unwrap_or(Role::Pass);
    // "eight hours from Anyang and 4.5 hours from Bozhou to get to Shanghai": with more than
    // two towns, the start nearest the figure and the clause's end.
    let nearest_start = inside
        .iter()
        .filter(|t| t.1 == Some(Role::Start))
        .min_by_key(|t| t.2.abs_diff(at));
    let end_town = inside.iter().find(|t| t.1 == Some(Role::Head));
    if inside.len() > 2
        && let (Some(a), Some(b)) = (nearest_start, end_town)
    {
        return Ok(Pair {
            from: a.0.clone(),
            to: b.0.clone(),
            assumed: None,
        });
    }
    match inside.as_slice() {
        // A start alone in the clause: the trip runs to the town the sentence makes its end.
        [q] if q.1 == Some(Role::Start) => here
            .iter()
            .find(|(p, r, _)| *r == Some(Role::Head) && p.name != q.0.name && is_town(p))
            .map(|(p, _, _)| Pair {
                from: q.0.clone(),
                to: p.clone(),
                assumed: None,
            })
            .ok_or(1),
        [a, b, ..] => {
            let (x, y) = if rank(b.1) < rank(a.1) {
                (b, a)
            } else {
                (a, b)
            };
            Ok(Pair {
                from: x.0.clone(),
                to: y.0.clone(),
                assumed: None,
            })
        }
        [q] => here
            .iter()
            .find(|(p, r, _)| *r == Some(Role::Start) && p.name != q.0.name && is_town(p))
            .map(|(p, _, _)| Pair {
                from: p.clone(),
                to: q.0.clone(),
                assumed: None,
            })
            .ok_or(1),
        [] => Err(0),
    }
}

/// Whether the duration at `at..end` is a time saved or added ("cut by 20 minutes", "95
/// minutes earlier", "um 40 Minuten", "на 40 минут"), not a trip's own duration.
pub fn is_saving(text: &str, (at, end): (usize, usize)) -> bool {
    const BEFORE: &[&str] = &["by", "um", "на", "o", "de", "en"];
    const SAVED_VERBS: &[&str] = &[
        "cut", "cuts", "shave", "shaves", "shaved", "save", "saves", "saved", "slash", "slashing",
        "reduce", "reduced", "trimmed",
    ];
    const AFTER: &[&str] = &[
        "faster",
        "off",
        "less",
        "shorter",
        "quicker",
        "earlier",
        "early",
        "late",
        "sooner",
        "longer",
        "more",
        "schneller",
        "weniger",
        "früher",
        "menos",
        "más",
        "moins",
        "plus",
        "быстрее",
        "меньше",
        "раньше",
        "szybciej",
        "krócej",
    ];
    // A hedge between the word and the figure is skipped: "by at least two hours", "um
    // rund 40 Minuten".
    const HEDGE: &[&str] = &[
        "at",
        "least",
        "about",
        "around",
        "more",
        "than",
        "nearly",
        "almost",
        "some",
        "roughly",
        "approximately",
        "over",
        "just",
        "under",
        "less",
        "rund",
        "etwa",
        "knapp",
        "mindestens",
        "au",
        "moins",
        "environ",
        "cerca",
        "unos",
        "casi",
        "около",
        "почти",
        "ok",
        "około",
    ];
    let before: Vec<String> = text[..at]
        .split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .skip_while(|w| HEDGE.contains(&w.as_str()))
        .take(4)
        .collect();
    // "by up to three hours": the cap's words stand between "by" and the figure.
    let before: Vec<String> = match before.as_slice() {
        [to, up, rest @ ..] if to == "to" && up == "up" => rest.to_vec(),
        _ => before,
    };
    let after = text[end..]
        .split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    let by = before
        .first()
        .is_some_and(|w| BEFORE[..4].contains(&w.as_str()))
        || (before.first().is_some_and(|w| BEFORE.contains(&w.as_str()))
            && before
                .iter()
                .any(|w| w.starts_with("reduc") || w.starts_with("acort")));
    let verb = before
        .iter()
        .take(2)
        .any(|w| SAVED_VERBS.contains(&w.as_str()));
    by || verb || AFTER.contains(&after.as_str())
}

/// Words of a hope or a possibility ("had hoped today's journey might take less than two
/// hours"): what follows is not asserted, so it is no claim.
const UNASSERTED: &[&str] = &[
    "hope",
    "hoped",
    "hopes",
    "hoping",
    "might",
    "wish",
    "hofft",
    "hoffte",
    "könnte",
    "espère",
    "espérait",
    "pourrait",
    "espera",
    "esperaba",
    "podría",
    "nadzie",
    "надеял",
    "мог бы",
];

/// Whether the sentence only hopes for or supposes a figure.
pub fn unasserted(sentence_lower: &str) -> bool {
    sentence_lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| UNASSERTED.contains(&w))
        || UNASSERTED
            .iter()
            .filter(|u| u.contains(' ') || u.len() > 6)
            .any(|u| sentence_lower.contains(u))
}

/// Whether an assumed pair fits a figure: a route is never shorter than the straight line
/// between its ends, and rarely more than 1.5 times it (the rail and road circuity bands of
/// data/circuity/circuity.toml end below that); a trip's average over the straight line
/// does not exceed its top speed. An assumption that makes the article's figure impossible
/// is more likely wrong than the article, so it is not drafted (a note says so).
pub fn fits(p: &Pair, figure: &Amount, bound: Option<&Amount>) -> Result<(), String> {
    if p.assumed.is_none() {
        return Ok(());
    }
    let km = crate::geodesy::distance(p.from.anchor(), p.to.anchor()).as_m() / 1000.0;
    let (lo, hi) = figure.si();
    let misfit = match figure.dimension() {
        Dimension::Length => km > hi / 1000.0 * 1.05 || km * 1.5 < lo / 1000.0,
        Dimension::Duration => bound.is_some_and(|b| {
            let (_, v_hi) = b.si();
            hi > 0.0 && km * 1000.0 / hi > v_hi * 1.05
        }),
        _ => false,
    };
    if misfit {
        Err(format!(
            "\"{}\": the places assumed for it, {} → {} ({km:.0} km apart in a straight line), do not fit it; not drafted",
            figure.text, p.from.name, p.to.name
        ))
    } else {
        Ok(())
    }
}

/// [`pair`] for a sentence before the article names its places ("The 10-hour overnight
/// journey …" at the top of a story about Przemyśl and Kyiv): the first towns the article
/// names after it, said in the draft.
pub fn pair_after(here: &[(Arc<Place>, Option<Role>)], after: &[Arc<Place>]) -> Option<Pair> {
    let towns: Vec<&(Arc<Place>, Option<Role>)> = here.iter().filter(|(p, _)| is_town(p)).collect();
    let (from, to) = match towns.as_slice() {
        [(q, role)] => {
            let p = after.iter().find(|p| p.name != q.name)?;
            if *role == Some(Role::Start) {
                (q.clone(), p.clone())
            } else {
                (p.clone(), q.clone())
            }
        }
        [] => {
            let [a, b, ..] = after else { return None };
            (a.clone(), b.clone())
        }
        _ => return None,
    };
    Some(Pair {
        assumed: Some(format!(
            "{} → {}: the sentence does not name both and the article names them only after it",
            from.name, to.name
        )),
        from,
        to,
    })
}

/// Words saying a length is the trip's or the line's: "the line", "diese Strecke", "que
/// separan", "маршрута", and the verbs of covering it ("covering 142 km", "cubrir los 628
/// kilómetros", "parcourir").
const LENGTH_OF_TRIP: &[&str] = &[
    "cover",
    "cubrir",
    "cubre",
    "cobrir",
    "parcour",
    "distance",
    "journey",
    "trip",
    "route",
    "line",
    "railway",
    "separa",
    "recorr",
    "trayecto",
    "strecke",
    "trajet",
    "ligne",
    "trasa",
    "podróż",
    "маршрут",
    "протяжен",
    "расстоян",
    "відстан",
];

/// Words saying a length is the straight line, not the way by road or rail.
const STRAIGHT_LINE: &[&str] = &[
    "as the crow flies",
    "in a straight line",
    "straight-line",
    "luftlinie",
    "vol d'oiseau",
    "en línea recta",
    "em linha reta",
    "w linii prostej",
    "по прямой",
];

/// Whether the sentence says its length is the straight line ("Luftlinie ist die Strecke
/// zwischen Wien und Berlin 524 Kilometer lang").
pub fn straight_line(sentence_lower: &str) -> bool {
    STRAIGHT_LINE.iter().any(|w| sentence_lower.contains(w))
}

/// Whether the sentence says a length is the trip's or the line's own.
pub fn length_of_trip(sentence_lower: &str) -> bool {
    LENGTH_OF_TRIP.iter().any(|w| sentence_lower.contains(w))
}

/// The fastest a train runs in scheduled service ([`crate::claims`]' top-speed table,
/// data/article/top_speeds.tsv, cited there): the upper bound on a rail trip's average.
pub fn rail_top() -> Option<Amount> {
    super::super::top_speed::top(crate::story::Mode::Rail)
}

/// The speed a trip's duration is checked against: at most `top`, as "1–T km/h" (see
/// `claims/top_speed.rs`).
pub fn speed_bound(top: &Amount) -> Option<Amount> {
    super::super::top_speed::band(top)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(name: &str) -> Arc<Place> {
        Arc::new(Place::test_point(name, PlaceKind::City, 50.0, 20.0))
    }

    #[test]
    fn a_sentence_with_one_place_takes_the_place_named_before() {
        let before = [town("Kyiv"), town("Lviv")];
        let p = pair(None, &[(town("Przemyśl"), Some(Role::Head))], &before).unwrap();
        assert_eq!(
            (p.from.name.as_str(), p.to.name.as_str()),
            ("Lviv", "Przemyśl")
        );
        assert!(p.assumed.unwrap().contains("named before"));
        // "from Przemyśl": the sentence's place is the start.
        let p = pair(None, &[(town("Przemyśl"), Some(Role::Start))], &before).unwrap();
        assert_eq!(p.from.name, "Przemyśl");
    }

    #[test]
    fn a_sentence_with_no_place_takes_the_last_two_and_says_so() {
        let before = [town("Buenos Aires"), town("Mar del Plata")];
        let p = pair(None, &[], &before).unwrap();
        assert_eq!(p.to.name, "Mar del Plata");
        assert!(p.assumed.unwrap().contains("last two places"));
        assert!(pair(None, &[], &before[..1]).is_none());
        // Three places in the sentence and no pair of its own: no guess.
        let three = [(town("A"), None), (town("B"), None), (town("C"), None)];
        assert!(pair(None, &three, &before).is_none());
    }

    #[test]
    fn a_sentence_before_the_places_takes_the_first_named_after_it() {
        let after = [town("Przemyśl"), town("Kyiv"), town("Lviv")];
        let p = pair_after(&[], &after).unwrap();
        assert_eq!(
            (p.from.name.as_str(), p.to.name.as_str()),
            ("Przemyśl", "Kyiv")
        );
        assert!(p.assumed.unwrap().contains("only after it"));
        let p = pair_after(&[(town("Kyiv"), Some(Role::Head))], &after).unwrap();
        assert_eq!(
            (p.from.name.as_str(), p.to.name.as_str()),
            ("Przemyśl", "Kyiv")
        );
        assert!(pair_after(&[], &after[..1]).is_none());
    }

    #[test]
    fn an_assumed_pair_must_fit_the_figure() {
        let a = Place::test_point("Buenos Aires", PlaceKind::City, -34.6037, -58.3816);
        let b = Place::test_point("Mar del Plata", PlaceKind::City, -38.0055, -57.5426);
        let l = Place::test_point("London", PlaceKind::City, 51.5074, -0.1278);
        let assumed = |from: &Place, to: &Place| Pair {
            from: Arc::new(from.clone()),
            to: Arc::new(to.clone()),
            assumed: Some("assumed".into()),
        };
        let km = |t: &str| Amount::try_from(t.to_string()).unwrap();
        assert!(fits(&assumed(&a, &b), &km("385 km"), None).is_ok());
        // 11,000 km apart: the 444 km are not between them.
        let e = fits(&assumed(&b, &l), &km("444 km"), None).unwrap_err();
        assert!(e.contains("do not fit"), "{e}");
        // 383 km in 30 minutes is over a 300 km/h top speed.
        let top = km("1–300 km/h");
        assert!(fits(&assumed(&a, &b), &km("30 minutes"), Some(&top)).is_err());
        assert!(fits(&assumed(&a, &b), &km("5 hours"), Some(&top)).is_ok());
        // A pair the sentence names is never second-guessed.
        let named = Pair {
            assumed: None,
            ..assumed(&b, &l)
        };
        assert!(fits(&named, &km("444 km"), None).is_ok());
    }

    #[test]
    fn a_figure_takes_the_places_of_its_own_clause() {
        let t = "Von Wien aus über Brno soll in zwei Stunden Prag erreicht werden können, in rund drei Stunden Dresden.";
        let at = |w: &str| t.find(w).unwrap();
        let here = [
            (town("Wien"), Some(Role::Start), at("Wien")),
            (town("Prag"), None, at("Prag")),
            (town("Dresden"), None, at("Dresden")),
        ];
        let fig = |w: &str| (at(w), at(w) + w.len());
        let others = [fig("zwei Stunden"), fig("drei Stunden")];
        let p = clause_pair(t, (0, t.len()), fig("zwei Stunden"), &others, &here).unwrap();
        assert_eq!((p.from.name.as_str(), p.to.name.as_str()), ("Wien", "Prag"));
        let p = clause_pair(t, (0, t.len()), fig("drei Stunden"), &others, &here).unwrap();
        assert_eq!(
            (p.from.name.as_str(), p.to.name.as_str()),
            ("Wien", "Dresden")
        );
        // No place in the clause: not settled here.
        let t = "It takes 3 hours, he said.";
        assert_eq!(
            clause_pair(t, (0, t.len()), (9, 16), &[], &[]).unwrap_err(),
            0
        );
    }

    #[test]
    fn a_time_saved_is_not_a_trips_duration() {
        let s = |t: &str, w: &str| {
            let a = t.find(w).unwrap();
            is_saving(t, (a, a + w.len()))
        };
        assert!(s(
            "Eurostar plans to cut the travel time by 20 minutes.",
            "20 minutes"
        ));
        assert!(s("trains will reach 95 minutes earlier", "95 minutes"));
        assert!(s("hope to shave 20 minutes off that", "20 minutes"));
        assert!(s("может сократиться примерно на 40 минут", "40 минут"));
        assert!(!s(
            "The journey takes 2 hours 45 minutes.",
            "2 hours 45 minutes"
        ));
        assert!(!s("Paris-Rennes en 1h25 au lieu de 2h04.", "1h25"));
    }

    #[test]
    fn a_hope_is_not_asserted() {
        assert!(unasserted(
            "the eurostar company had hoped today's journey might take less than two hours"
        ));
        assert!(!unasserted("the journey takes two hours"));
        assert!(!unasserted("the mighty train"));
    }

    #[test]
    fn the_rail_top_speed_is_the_cited_row() {
        let top = rail_top().unwrap();
        assert_eq!(top.text, "up to 350 km/h");
        assert_eq!(speed_bound(&top).unwrap().text, "1–350 km/h");
    }

    #[test]
    fn the_speed_bound_is_the_top_speed_with_no_lower_bound() {
        let top = Amount::try_from("up to 186 mph".to_string()).unwrap();
        let b = speed_bound(&top).unwrap();
        assert_eq!(b.text, "1–299 km/h");
        assert!(speed_bound(&Amount::try_from("5 km".to_string()).unwrap()).is_none());
        assert!(length_of_trip(
            "los 385 kilómetros que separan estas dos grandes ciudades"
        ));
        assert!(!length_of_trip("a 20-metre tower"));
    }

    #[test]
    fn a_time_saved_with_a_hedge_is_still_saved() {
        let t = "It reduces travel time between two cities by at least two hours.";
        let a = t.find("two hours").unwrap();
        assert!(is_saving(t, (a, a + "two hours".len())));
        let t = "It reduces travel time to at least two hours.";
        let a = t.find("two hours").unwrap();
        assert!(!is_saving(t, (a, a + "two hours".len())));
        // "by up to three hours" is saved; "up to three hours" alone is a trip's time.
        let t = "It cuts the travel time of long-distance trains by up to three hours.";
        let a = t.find("three hours").unwrap();
        assert!(is_saving(t, (a, a + "three hours".len())));
        let t = "The trip takes up to three hours.";
        let a = t.find("three hours").unwrap();
        assert!(!is_saving(t, (a, a + "three hours".len())));
        // "95 minutes early" is a time saved, not a trip's.
        let t = "The Bhopal-Jodhpur Express will reach 95 minutes early.";
        let a = t.find("95 minutes").unwrap();
        assert!(is_saving(t, (a, a + "95 minutes".len())));
    }

    #[test]
    fn a_town_passed_on_the_way_is_not_an_end_of_the_clause() {
        let t = "Von Wien aus über Brno soll in zwei Stunden Prag erreicht werden können.";
        let at = |w: &str| t.find(w).unwrap();
        let here = [
            (town("Wien"), Some(Role::Start), at("Wien")),
            (town("Brno"), Some(Role::Pass), at("Brno")),
            (town("Prag"), None, at("Prag")),
        ];
        let (a, b) = (at("zwei"), at("zwei") + "zwei Stunden".len());
        let p = clause_pair(t, (0, t.len()), (a, b), &[], &here).unwrap();
        assert_eq!((p.from.name.as_str(), p.to.name.as_str()), ("Wien", "Prag"));
    }

    #[test]
    fn a_sea_is_no_end_of_a_trip() {
        assert!(!is_town(&Place::test_point(
            "Indian Ocean",
            PlaceKind::Sea,
            -20.0,
            80.0
        )));
        assert!(is_town(&town("Dodoma")));
    }

    #[test]
    fn each_start_runs_to_the_end_the_sentence_names() {
        let t = "It will only take eight hours from Anyang in Henan and 4.5 hours from Bozhou in Anhui to get to Shanghai.";
        let at = |w: &str| t.find(w).unwrap();
        let here = [
            (town("Anyang"), Some(Role::Start), at("Anyang")),
            (town("Bozhou"), Some(Role::Start), at("Bozhou")),
            (town("Shanghai"), Some(Role::Head), at("Shanghai")),
        ];
        let eight = (at("eight"), at("eight") + "eight hours".len());
        let half = (at("4.5"), at("4.5") + "4.5 hours".len());
        let p = clause_pair(t, (0, t.len()), eight, &[half], &here).unwrap();
        assert_eq!(
            (p.from.name.as_str(), p.to.name.as_str()),
            ("Anyang", "Shanghai")
        );
        let p = clause_pair(t, (0, t.len()), half, &[eight], &here).unwrap();
        assert_eq!(
            (p.from.name.as_str(), p.to.name.as_str()),
            ("Bozhou", "Shanghai")
        );
    }

    #[test]
    fn the_straight_line_is_said_in_several_languages() {
        assert!(straight_line(
            "luftlinie ist die strecke zwischen wien und berlin 524 kilometer lang"
        ));
        assert!(straight_line("it is 400 miles as the crow flies"));
        assert!(straight_line("à 400 km à vol d'oiseau"));
        assert!(!straight_line("the 400-mile rail line"));
    }

    #[test]
    fn a_total_is_the_whole_journeys() {
        let before = [town("Mexico City"), town("Querétaro"), town("Guadalajara")];
        let p = whole_journey(&before).unwrap();
        assert_eq!(
            (p.from.name.as_str(), p.to.name.as_str()),
            ("Mexico City", "Guadalajara")
        );
        assert!(p.assumed.unwrap().contains("whole journey"));
        // Only two towns: the last two are the whole journey already.
        assert!(whole_journey(&before[1..]).is_none());
    }
}
