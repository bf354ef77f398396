//! The words around a name that say it is a place ("in Khasan", "the city of Ussuriysk",
//! "Razdolnaya River"), or a part or an area ("Khasan Station", "Zhejiang Province"), in
//! English and in the other languages the reader supports ("en Mar del Plata", "nach Berlin",
//! "в Перемишль").

use super::Language;

/// Words before a name that say it is a place ("in Khasan", "bound for Vladivostok").
pub(super) const BEFORE: &[&str] = &[
    "in",
    "at",
    "to",
    "from",
    "into",
    "near",
    "via",
    "through",
    "towards",
    "toward",
    "outside",
    "across",
    "reach",
    "reached",
    "reaches",
    "reaching",
    "leave",
    "left",
    "leaves",
    "leaving",
    "visit",
    "visited",
    "visits",
    "visiting",
    "enter",
    "entered",
    "enters",
    "entering",
    "approaching",
    "approached",
    "between",
    "beyond",
    "past",
    "around",
    "onto",
    "inside",
    "within",
    "departed",
    "departing",
    "separate",
    "separates",
    "link",
    "links",
    "linking",
    "connects",
    "connecting",
    "joins",
    "joining",
    "circled",
    "bypassed",
    "landed",
    "destination",
];

/// Words before "of" that say the name after it is a place ("the city of Ussuriysk").
pub(super) const OF_PLACE: &[&str] = &[
    "beaches",
    "coast",
    "shores",
    "city",
    "town",
    "village",
    "port",
    "capital",
    "region",
    "province",
    "outskirts",
    "suburbs",
    "centre",
    "center",
    "district",
    "county",
    "state",
    "island",
    "gulf",
    "bay",
    "border",
    "municipality",
    "suburb",
    "heart",
];

/// Words after a name that say it is a place ("Razdolnaya River", "Khasan station").
pub(super) const AFTER: &[&str] = &[
    "river",
    "station",
    "airport",
    "port",
    "harbour",
    "harbor",
    "bridge",
    "border",
    "city",
    "railway",
    "crossing",
    "checkpoint",
    "terminal",
    "lake",
    "sea",
    "bay",
    "strait",
    "pass",
    "lies",
    "sits",
    "borders",
];

/// Words a name may carry after it and still name the place before them ("Khasan Station"
/// is Khasan, the "Indore Special" train runs to Indore): a prefix of a longer run resolves
/// when the rest is these. Not "Road" or "Street": "Thika Road" is a road in Nairobi.
pub(super) const FEATURE_TAIL: &[&str] = &[
    "station",
    "railway",
    "airport",
    "international",
    "port",
    "city",
    "express",
    "special",
    "mail",
    "line",
    "high-speed",
    "highway",
    "expressway",
    "route",
    // A main or central station's word in the languages that put it after the town's name
    // ("Przemyśl Główny", "Köln Hauptbahnhof", "Amsterdam Centraal", "Warszawa Centralna").
    "główny",
    "glowny",
    "hauptbahnhof",
    "hbf",
    "centraal",
    "centralna",
    "centralny",
];

/// Words after a name that make it an area, not a point ("Zhejiang Province").
pub(super) const AREA_TAIL: &[&str] = &[
    "province",
    "state",
    "prefecture",
    "oblast",
    "krai",
    "county",
    "district",
    "governorate",
    "territory",
];

/// Verbs of leaving that let "for" mark a destination ("left Pyongyang for Russia").
pub(super) const LEAVING: &[&str] = &[
    "left", "leaves", "leaving", "bound", "headed", "heading", "departed", "departs", "set",
    "boarded", "flew", "sailed",
];

/// Words before a name that say it is a place in an article in `lang` (prepositions of
/// place and movement, and the verbs of arriving and leaving), besides the English ones.
/// Words that are also frequent before people's or organisations' names (Spanish "a" and
/// "de", German "von", Polish "z") are left out.
pub(super) fn before_in(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::English => &[],
        Language::Spanish => &[
            "en", "desde", "hasta", "hacia", "entre", "rumbo", "llegó", "llegar", "salió",
            "partió", "cerca",
        ],
        Language::Portuguese => &[
            "em", "no", "na", "ao", "para", "até", "entre", "rumo", "chegou", "partiu", "perto",
        ],
        Language::French => &[
            "à",
            "en",
            "vers",
            "depuis",
            "jusqu'à",
            "entre",
            "rejoindre",
            "relie",
            "reliant",
            "près",
        ],
        Language::German => &[
            "in",
            "nach",
            "bis",
            "zwischen",
            "über",
            "ab",
            "richtung",
            "ziel",
            "erreicht",
            "verbindet",
            "bei",
        ],
        Language::Polish => &[
            "w",
            "we",
            "do",
            "przez",
            "między",
            "pod",
            "koło",
            "dotarł",
            "dotarła",
            "dojechał",
            "dworcu",
            "dworca",
            "stacji",
        ],
        Language::Russian => &[
            "в",
            "во",
            "из",
            "до",
            "через",
            "между",
            "под",
            "прибыл",
            "прибыли",
        ],
        Language::Ukrainian => &[
            "в",
            "у",
            "до",
            "з",
            "із",
            "через",
            "між",
            "під",
            "прибув",
            "прибули",
        ],
    }
}

/// Words before "of" that make the name after it a division, not its town ("the state of
/// Oaxaca", "the province of Hubei").
pub(super) const AREA_OF: &[&str] = &[
    "state",
    "province",
    "region",
    "county",
    "prefecture",
    "oblast",
    "governorate",
    "territory",
];

/// Words after "the" and a name that may still follow a town's name ("the Moscow of the
/// tsars" aside, English puts no article before a town: "onto the Neptune" is a ship).
pub(super) const AFTER_THE_TOWN: &[&str] = &[
    "station",
    "railway",
    "airport",
    "terminal",
    "port",
    "route",
    "line",
    "express",
    "region",
    "area",
    "border",
    "side",
    "bound",
    "office",
    "government",
    "authorities",
];

/// First parts of a hyphened word that make an adjective, not a route named for its ends:
/// "Trans-Siberian", "Sino-Russian", "Pan-American".
pub(super) const COMBINING: &[&str] = &[
    "trans", "pan", "anti", "sino", "high", "non", "long", "super", "ultra", "semi", "cross",
    "euro", "afro", "indo", "russo", "franco", "anglo", "austro", "greco", "italo", "ibero",
    "intra", "inter", "post", "pre", "neo", "ex",
];

/// The words that join names in a list ("Rabat and Kenitra", "Londres y Newcastle"), in
/// English and in `lang`.
pub(super) fn joiners(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::English => &["and", "or"],
        Language::Spanish => &["and", "or", "y", "e", "o", "u"],
        Language::Portuguese => &["and", "or", "e", "ou"],
        Language::French => &["and", "or", "et", "ou"],
        Language::German => &["and", "or", "und", "oder"],
        Language::Polish => &["and", "or", "i", "oraz", "lub"],
        Language::Russian => &["and", "or", "и", "или"],
        Language::Ukrainian => &["and", "or", "і", "й", "та", "або"],
    }
}

/// Plural nouns for places: "other cities, including Kenitra".
pub(super) const PLACE_NOUNS: &[&str] = &[
    "cities",
    "towns",
    "villages",
    "stations",
    "stops",
    "ports",
    "capitals",
    "airports",
    "places",
    "destinations",
];

/// The word for "of" in `lang` ("ciudad de", "ville de", "cidade do").
pub(super) fn of_in(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::Spanish => &["de", "del"],
        Language::Portuguese => &["de", "do", "da"],
        Language::French => &["de", "du", "d'"],
        _ => &[],
    }
}

/// Nouns before that "of" that say a place follows ("vecino de Brandsen", "la ville de Lyon",
/// "a cidade de Charlottesville").
pub(super) fn of_place_in(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::Spanish => &[
            "ciudad",
            "localidad",
            "pueblo",
            "vecino",
            "vecina",
            "vecinos",
            "estación",
            "puerto",
            "municipio",
            "partido",
            "aeropuerto",
        ],
        Language::Portuguese => &[
            "cidade",
            "município",
            "estação",
            "porto",
            "aeroporto",
            "vila",
            "moradores",
        ],
        Language::French => &["ville", "commune", "gare", "port", "aéroport", "village"],
        _ => &[],
    }
}

/// Compass words, the longest first ("north-east" before "north"): "425 miles north of
/// Pyongyang", and before "of" a place follows ("the north of Ussuriysk").
pub(super) const COMPASS: &[&str] = &[
    "north-east",
    "northeast",
    "north-west",
    "northwest",
    "south-east",
    "southeast",
    "south-west",
    "southwest",
    "north",
    "south",
    "east",
    "west",
];
