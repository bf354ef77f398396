//! Resolve-in-context on the bundled gazetteer: same-named places told apart by a neighbour.
//!
//! Each row names a place that several places share, a neighbour of one of them (resolved on
//! its own, unambiguously), and the country and GeoNames first-level division ("CC.code") the
//! name must then resolve to. Every name appears twice, once beside each of two of its
//! places, so no row passes by always choosing the biggest place.

use super::*;

/// (name, neighbour, expected "CC" or "CC.admin1"), two rows per name.
const PAIRS: &[(&str, &str, &str)] = &[
    ("Alexandria", "Washington, US", "US.VA"),
    ("Alexandria", "Cairo", "EG.06"),
    ("Kingston", "Ottawa", "CA.08"),
    ("Kingston", "Montego Bay", "JM"),
    ("Córdoba", "Seville", "ES.51"),
    ("Córdoba", "Rosario", "AR.05"),
    ("Tripoli", "Beirut", "LB.09"),
    ("Tripoli", "Misrata", "LY"),
    ("Razdolnoye", "Ussuriysk", "RU.59"),
    ("Razdolnoye", "Simferopol", "UA"),
    ("Paris", "Dallas", "US.TX"),
    ("Paris", "Lyon", "FR"),
    ("London", "Detroit", "CA.08"),
    ("London", "Coventry", "GB.ENG"),
    ("Birmingham", "Montgomery, US", "US.AL"),
    ("Birmingham", "Coventry", "GB.ENG"),
    ("Portland", "Bangor, US", "US.ME"),
    ("Portland", "Seattle", "US.OR"),
    ("Valencia", "Caracas", "VE.07"),
    ("Valencia", "Alicante", "ES.60"),
    ("Perth", "Dundee", "GB.SCT"),
    ("Perth", "Fremantle", "AU.08"),
    ("Hyderabad", "Karachi", "PK.05"),
    ("Hyderabad", "Bangalore", "IN"),
    ("San Jose", "Cartago, CR", "CR.08"),
    ("San Jose", "San Francisco", "US.CA"),
    ("Georgetown", "Butterworth, MY", "MY.09"),
    ("Georgetown", "Paramaribo", "GY"),
    ("Salamanca", "Guanajuato", "MX.11"),
    ("Salamanca", "Valladolid, ES", "ES.55"),
    ("León", "Oviedo", "ES.55"),
    ("León", "Managua", "NI"),
    ("Granada", "Managua", "NI"),
    ("Granada", "Málaga", "ES.51"),
    ("Cambridge", "Boston", "US.MA"),
    ("Cambridge", "Peterborough, GB", "GB.ENG"),
    ("Sydney", "Halifax, CA", "CA.07"),
    ("Sydney", "Wollongong", "AU.02"),
    ("Dover", "Canterbury, GB", "GB.ENG"),
    ("Dover", "Philadelphia", "US.DE"),
    ("Athens", "Atlanta", "US.GA"),
    ("Athens", "Piraeus", "GR"),
    ("Moscow", "Spokane", "US.ID"),
    ("Moscow", "Tver", "RU"),
    ("Odessa", "Midland, US", "US.TX"),
    ("Odessa", "Mykolaiv", "UA"),
    ("Lincoln", "Omaha", "US.NE"),
    ("Lincoln", "Nottingham", "GB.ENG"),
    ("Toledo", "Detroit", "US.OH"),
    ("Toledo", "Madrid", "ES"),
    ("Naples", "Fort Myers", "US.FL"),
    ("Naples", "Salerno", "IT"),
    ("Rome", "Chattanooga", "US.GA"),
    ("Rome", "Perugia", "IT"),
    ("Manchester", "Nashua", "US.NH"),
    ("Manchester", "Liverpool", "GB.ENG"),
    ("Hamilton", "Auckland", "NZ"),
    ("Hamilton", "Buffalo", "CA.08"),
    ("Bergen", "Alkmaar", "NL.07"),
    ("Bergen", "Stavanger", "NO"),
    ("Richmond", "Norfolk, US", "US.VA"),
    ("Richmond", "Croydon", "GB.ENG"),
    ("Durham", "Raleigh", "US.NC"),
    ("Durham", "Sunderland", "GB.ENG"),
    ("Saint-Denis", "Saint-Pierre, RE", "RE"),
    ("Saint-Denis", "Paris, FR", "FR"),
    ("Mérida", "Badajoz", "ES.57"),
    ("Mérida", "Cancún", "MX"),
    ("Springfield", "Chicago", "US.IL"),
    ("Springfield", "Boston", "US.MA"),
];

fn neighbour(g: &Gazetteer, name: &str) -> crate::coord::LatLon {
    g.resolve(&name.parse().unwrap())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .place
        .anchor()
}

#[test]
fn a_neighbour_picks_the_right_one_of_same_named_places() {
    let g = Gazetteer::load_default().unwrap();
    assert!(PAIRS.len() >= 60, "at least 30 names, each in two places");
    let mut wrong = Vec::new();
    for (name, near, want) in PAIRS {
        let ctx = Context::default().near(neighbour(&g, near));
        let r = g.resolve_in(&name.parse().unwrap(), &ctx).unwrap();
        let got = match &r.place.admin1 {
            Some(a) if want.contains('.') => a.clone(),
            _ => r.place.country.clone().unwrap_or_default(),
        };
        if got != *want {
            wrong.push(format!("{name} near {near}: {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_table_comes_in_pairs_and_each_pair_needs_its_context() {
    // Without a context a name resolves to one place, so in every pair at least one row is a
    // choice the context had to change.
    let g = Gazetteer::load_default().unwrap();
    for pair in PAIRS.chunks(2) {
        let [(a, near_a, want_a), (b, near_b, want_b)] = pair else {
            panic!("rows come in pairs")
        };
        assert_eq!(a, b);
        assert_ne!(want_a, want_b, "{a}");
        let changed = [near_a, near_b].iter().any(|near| {
            let ctx = Context::default().near(neighbour(&g, near));
            let r = g.resolve_in(&a.parse().unwrap(), &ctx).unwrap();
            r.context.is_some_and(|c| c.changed_choice)
        });
        assert!(changed, "{a}: neither neighbour changed the choice");
    }
}

#[test]
fn the_context_says_when_it_changed_the_choice() {
    let g = Gazetteer::load_default().unwrap();
    let q: Query = "Tripoli".parse().unwrap();
    let plain = g.resolve(&q).unwrap();
    assert_eq!(plain.place.country.as_deref(), Some("LY"));
    assert_eq!(plain.context, None);
    let ctx = Context::default().near(neighbour(&g, "Beirut"));
    let r = g.resolve_in(&q, &ctx).unwrap();
    assert_eq!(r.place.country.as_deref(), Some("LB"));
    let c = r.context.unwrap();
    assert!(c.changed_choice && c.bonus > 0.0);
    assert!(c.nearest_km.unwrap() < 100.0, "{c:?}");
    assert!(r.why().contains("fits the context"), "{}", r.why());
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["context"]["changed_choice"], true);
    // A context that agrees with the plain choice changes nothing and says so.
    let ctx = Context::default().near(neighbour(&g, "Misrata"));
    let r = g.resolve_in(&q, &ctx).unwrap();
    assert_eq!(r.place.id, plain.place.id);
    assert!(!r.context.unwrap().changed_choice);
    assert!(!r.why().contains("fits the context"));
}

#[test]
fn countries_and_regions_in_the_context_prefer_without_filtering() {
    let g = Gazetteer::load_default().unwrap();
    let q: Query = "Victoria".parse().unwrap();
    let seychelles = Context::default().in_country("SC").unwrap();
    assert_eq!(
        g.resolve_in(&q, &seychelles)
            .unwrap()
            .place
            .country
            .as_deref(),
        Some("SC")
    );
    // Razdolnoye: Primorye's by region, Crimea's by country.
    let q: Query = "Razdolnoye".parse().unwrap();
    let primorye = Context::default().in_region("Primorye");
    let r = g.resolve_in(&q, &primorye).unwrap();
    assert_eq!(r.place.admin1.as_deref(), Some("RU.59"));
    let ukraine = Context::default().in_country("UA").unwrap();
    let r = g.resolve_in(&q, &ukraine).unwrap();
    assert_eq!(r.place.country.as_deref(), Some("UA"));
    // A context country with no such place still finds the place elsewhere.
    let r = g
        .resolve_in(&"Vladivostok".parse().unwrap(), &ukraine)
        .unwrap();
    assert_eq!(r.place.country.as_deref(), Some("RU"));
    // An empty context is a plain resolve.
    let plain = g.resolve(&q).unwrap();
    assert_eq!(g.resolve_in(&q, &Context::default()).unwrap(), plain);
}

#[test]
fn a_context_country_outweighs_a_larger_capital_of_the_same_name() {
    let g = Gazetteer::load_default().unwrap();
    let argentina = Context::default().in_country("AR").unwrap();
    for name in ["San Juan", "سان خوان", "Σαν Χουάν"] {
        let q: Query = name.parse().unwrap();
        let r = g.resolve_in(&q, &argentina).unwrap();
        assert_eq!(r.place.country.as_deref(), Some("AR"), "{name}");
    }
    // Without the context, the capital of Puerto Rico.
    let r = g.resolve(&"San Juan".parse().unwrap()).unwrap();
    assert_eq!(r.place.country.as_deref(), Some("PR"));
}

#[test]
fn issue_16_a_transliterations_namesakes_are_candidates_in_context() {
    let g = Gazetteer::load_default().unwrap();
    // "Κρέστον" is, in Latin, an alias of Creston, Iowa only; Creston, British Columbia
    // shares that place's name and is chosen in the context of Canada.
    let q: Query = "Κρέστον".parse().unwrap();
    let canada = Context::default().in_country("CA").unwrap();
    let r = g.resolve_in(&q, &canada).unwrap();
    assert_eq!(
        (r.place.name.as_str(), r.place.country.as_deref()),
        ("Creston", Some("CA"))
    );
    assert_eq!(r.matched, MatchKind::Fuzzy);
    // Without the context, the place the transliteration names.
    let r = g.resolve(&q).unwrap();
    assert_eq!(r.place.country.as_deref(), Some("US"));
}
