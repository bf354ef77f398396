//! What is not a place, however many towns share its name: news agencies, outlets, airlines
//! and organisations (listed in `data/article/not_places.tsv` with their sources), demonyms
//! and language names (derived from the bundled countries table, `data/world/countries.tsv`),
//! people's titles, and the words that make a name an organisation's.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::gazetteer::normalize;

const LISTED: &str = include_str!("../../../data/article/not_places.tsv");
const COUNTRIES: &str = include_str!("../../../data/world/countries.tsv");

/// Why a name is not read as a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotPlace {
    /// Listed in `data/article/not_places.tsv`: a news agency, an outlet, an airline…
    Listed(&'static str),
    /// A demonym or language of a country ("Russian", "North Korean").
    Demonym(&'static str),
    /// A name right after a title ("President", "leader"): a person.
    Person(String),
    /// A name with an organisation's word in it ("… Agency", "Air …", "… Ministry").
    Organisation(String),
    /// Letters in capitals ("TASS", "KCNA") outside a dateline: an acronym.
    Acronym,
    /// The subject of "said", "told", "reported": a speaker, not where the trip went.
    Speaker(String),
    /// Part of a longer name that is not a place ("Un" in "Kim Jong Un").
    PartOf(String),
    /// An area, not a point: a province or state ("Zhejiang Province", "Guizhou").
    Area(String),
    /// A capitalised word with nothing around it saying it is a place, and no well-known place
    /// of that name.
    NoEvidence,
    /// A name right after "the" ("onto the Neptune"): a ship's, a train's or a building's, as
    /// English puts no article before a town's name.
    AfterThe,
    /// A sentence's capitalised first word that the article also writes in lower case ("Para
    /// o dia 6 de agosto" beside "para a viagem"): a word of the language, not a name.
    Word,
    /// A name several places share whose pick ("Kent (US, city)") lies far from every other
    /// place of the article, in a country it does not name: a namesake of something the
    /// tables do not hold (a county, a station, a square).
    FarNamesake(String),
    /// A name its sentence puts inside another place ("London's Waterloo station", "Santa
    /// Apolónia (Lisboa)") whose town of that name lies this many km from it.
    Inside(String, u64),
}

impl std::fmt::Display for NotPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotPlace::Listed(what) => write!(f, "a {what}"),
            NotPlace::Demonym(c) => write!(f, "a demonym or language (of {c})"),
            NotPlace::Person(t) => write!(f, "a person (after \"{t}\")"),
            NotPlace::Organisation(w) => write!(f, "an organisation (\"{w}\")"),
            NotPlace::Acronym => f.write_str("an acronym"),
            NotPlace::Speaker(v) => write!(f, "a speaker (before \"{v}\")"),
            NotPlace::PartOf(n) => write!(f, "part of the name \"{n}\""),
            NotPlace::Area(w) => write!(f, "an area, not a point (a {w})"),
            NotPlace::AfterThe => f.write_str(
                "a name right after \"the\" (a ship's, a train's or a building's: English puts no article before a town's name)",
            ),
            NotPlace::Word => f.write_str(
                "a sentence's first word that the article also writes in lower case: a word, not a name",
            ),
            NotPlace::FarNamesake(p) => write!(
                f,
                "its only readings are namesakes such as {p}, far from every other place of the article"
            ),
            NotPlace::Inside(owner, km) => write!(
                f,
                "a part of {owner} (a station, district or square the tables do not hold); the town of that name is {km} km from it"
            ),
            NotPlace::NoEvidence => f.write_str(
                "nothing around it says it is a place (no \"in\", \"to\", \"from\", \"near\", \"… River\"), and no large place has that name",
            ),
        }
    }
}

struct Lists {
    listed: HashMap<String, &'static str>,
    demonyms: HashMap<String, &'static str>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut listed = HashMap::new();
        for line in LISTED.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            if let (Some(name), Some(what)) = (cols.next(), cols.next()) {
                listed.insert(normalize(name), what);
            }
        }
        let mut demonyms = HashMap::new();
        let mut countries = Vec::new();
        for line in COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
            let Some(names) = line.split('\t').nth(2) else {
                continue;
            };
            for name in names.split('|').filter(|n| !n.contains(',')) {
                countries.push(normalize(name));
                for d in demonym_forms(name) {
                    demonyms.entry(normalize(&d)).or_insert(name);
                }
            }
        }
        // A form that is itself a country's name stays a place.
        for c in &countries {
            demonyms.remove(c);
        }
        Lists { listed, demonyms }
    })
}

/// The adjective forms English makes from a country's name, by its ending: Russia → Russian,
/// Korea → Korean, China → Chinese, Japan → Japanese, Germany → German, Iraq → Iraqi,
/// Uzbekistan → Uzbek, Poland → Polish. Irregular ones (French, Dutch, Swiss) are not made.
fn demonym_forms(country: &str) -> Vec<String> {
    let n = country.trim();
    let mut out = Vec::new();
    let strip = |s: &str| n.strip_suffix(s).map(str::to_string);
    if n.ends_with("ia") {
        out.push(format!("{n}n"));
    } else if let Some(stem) = strip("a") {
        out.push(format!("{n}n"));
        out.push(format!("{stem}ese"));
    } else if let Some(stem) = strip("y") {
        out.push(stem.clone());
        out.push(format!("{stem}ian"));
    } else if let Some(stem) = strip("istan") {
        out.push(format!("{n}i"));
        out.push(stem);
    } else if let Some(stem) = strip("stan") {
        out.push(format!("{n}i"));
        out.push(stem);
    } else if let Some(stem) = strip("land") {
        out.push(format!("{stem}ish"));
        out.push(format!("{n}er"));
        // Poland → Polish: the stem keeps the "l".
        out.push(format!("{stem}lish"));
    } else if let Some(stem) = strip("on") {
        out.push(format!("{stem}ese"));
    } else if n.ends_with('e') {
        out.push(format!("{n}an"));
    } else if n.ends_with(|c: char| c.is_ascii_alphabetic() && !"aeiouy".contains(c)) {
        out.push(format!("{n}i"));
        out.push(format!("{n}ian"));
        out.push(format!("{n}ese"));
    }
    out
}

/// Whether a name (matched whole) is listed, or a demonym, and so not a place.
pub fn listed(name: &str) -> Option<NotPlace> {
    let key = normalize(name);
    let key = key.strip_prefix("the ").unwrap_or(&key);
    let l = lists();
    if let Some(what) = l.listed.get(key) {
        return Some(NotPlace::Listed(what));
    }
    l.demonyms.get(key).map(|c| NotPlace::Demonym(c))
}

/// Words before a name that make it a person's: titles and roles.
pub const TITLES: &[&str] = &[
    "president",
    "leader",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mayor",
    "general",
    "gen",
    "colonel",
    "captain",
    "chairman",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen",
    "rep",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lady",
    "lord",
    "director",
    "ambassador",
    "envoy",
    "correspondent",
    "reporter",
    "analyst",
    "professor",
    "prof",
    "chief",
    "commander",
    "dictator",
    "counterpart",
    "pilot",
    "driver",
    "captain",
    "officer",
];

/// Words inside a name that make it an organisation's ("Air Koryo", "Russian Railways").
const ORGANISATION_WORDS: &[&str] = &[
    "air",
    "airlines",
    "airline",
    "airways",
    "aviation",
    "agency",
    "news",
    "ministry",
    "council",
    "party",
    "corporation",
    "corp",
    "company",
    "railways",
    "times",
    "post",
    "press",
    "television",
    "tv",
    "radio",
    "university",
    "forum",
    "committee",
    "service",
    "office",
    "army",
    "navy",
    "institute",
    "bank",
    "group",
    "media",
    "journal",
    "daily",
    "herald",
    "tribune",
    "gazette",
    "inc",
    "ltd",
    "foundation",
    "association",
    "union",
    "league",
    "club",
    "fc",
    "cup",
    "games",
    "olympics",
    "summit",
    "conference",
    "project",
    "initiative",
    "programme",
    "program",
    "operation",
];

/// The organisation word in a name, if any.
pub fn organisation_word(name: &str) -> Option<&'static str> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            ORGANISATION_WORDS.iter().find(|o| **o == w).copied()
        })
        .next()
}

/// Verbs after a name that make it a speaker ("Moscow said", "Reuters reported").
pub const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "reported",
    "reports",
    "added",
    "announced",
    "confirmed",
    "stated",
    "wrote",
    "writes",
    "claimed",
    "denied",
    "insisted",
    "warned",
    "quoted",
    "cited",
];

/// Whether a word is letters in capitals only, two or more ("TASS", "KCNA").
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_come_from_the_countries_table() {
        for (word, country) in [
            ("Russian", "Russia"),
            ("North Korean", "North Korea"),
            ("South Korean", "South Korea"),
            ("Chinese", "China"),
            ("Japanese", "Japan"),
            ("German", "Germany"),
            ("Iraqi", "Iraq"),
            ("Polish", "Poland"),
            ("Indian", "India"),
        ] {
            assert_eq!(listed(word), Some(NotPlace::Demonym(country)), "{word}");
        }
        // Country names themselves are not demonyms.
        assert_eq!(listed("Russia"), None);
        assert_eq!(listed("Vladivostok"), None);
    }

    #[test]
    fn agencies_and_airlines_are_listed() {
        assert_eq!(listed("TASS"), Some(NotPlace::Listed("news agency")));
        assert_eq!(listed("Tass"), Some(NotPlace::Listed("news agency")));
        assert_eq!(listed("Air Koryo"), Some(NotPlace::Listed("airline")));
        assert!(listed("the Kremlin").is_some());
    }

    #[test]
    fn organisation_words_and_acronyms() {
        assert_eq!(
            organisation_word("Korean Central News Agency"),
            Some("news")
        );
        assert_eq!(organisation_word("Air Koryo"), Some("air"));
        assert_eq!(organisation_word("Ussuriysk"), None);
        assert!(is_acronym("KCNA") && is_acronym("U.S.") && !is_acronym("Tass"));
    }
}
