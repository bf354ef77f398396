//! Airports' short names, as news reports write them ("Heathrow", "Schiphol", "O'Hare",
//! "Charles de Gaulle"), derived from each airport's full name by one rule:
//!
//! 1. Only a name with the word "Airport" (or "Aerodrome", or the same word in another
//!    language) has a short name: air bases, fields and strips keep their full names.
//! 2. The name splits into parts at that word ("Amsterdam | Schiphol"), at a bracket
//!    ("Leonardo Da Vinci | Fiumicino") and at a spaced dash ("Galeao | Antonio Carlos
//!    Jobim").
//! 3. Each part loses the words that say what kind of airport it is ("International",
//!    "Regional", …), the joining words at its ends ("de", "of"), and a leading name of the
//!    airport's city ("London Heathrow" → "Heathrow", "Chicago O'Hare" → "O'Hare").
//! 4. What is left is a short name unless it is the city's own name (that is "CITY airport",
//!    an alias already) or one generic word ("Capital" of "Beijing Capital").
//!
//! A short name is ranked as a town of 10,000 people found by its name (see
//! [`Hit::AirportShortName`](super::lookup::Hit)): a larger town of that name comes first
//! (Narita, Luton), a smaller one far away after (Heathrow, Florida).

use super::normalize::normalize;

/// The words, as keys, that make a name an airport's (rule 1).
const AIRPORT_WORDS: &[&str] = &[
    "airport",
    "aerodrome",
    "aeroporto",
    "aeropuerto",
    "aeroport",
    "flughafen",
];

/// Words that say what kind of airport it is, dropped wherever they stand (rule 3).
const KIND_WORDS: &[&str] = &[
    "international",
    "intl",
    "regional",
    "domestic",
    "municipal",
    "internacional",
    "internazionale",
];

/// Joining words dropped at the ends of a part (rule 3).
const JOINING_WORDS: &[&str] = &[
    "de", "del", "da", "do", "di", "of", "the", "at", "and", "y", "e", "la", "le",
];

/// Single words that name no particular airport (rule 4).
const GENERIC_WORDS: &[&str] = &[
    "capital",
    "county",
    "city",
    "central",
    "metropolitan",
    "general",
    "memorial",
    "field",
    "island",
    "islands",
    "national",
    "state",
    "executive",
    "downtown",
    "north",
    "south",
    "east",
    "west",
    "new",
    "old",
    "air",
    "base",
    "heliport",
    "airfield",
];

/// The short-name keys of the airport called `name` whose city is `city` (see the module
/// docs), each once; none for a name without an airport word.
pub(crate) fn short_name_keys(name: &str, city: &str) -> Vec<String> {
    let key = normalize(name);
    if !key.split(' ').any(|w| AIRPORT_WORDS.contains(&w)) {
        return Vec::new();
    }
    // The city field may hold two places ("Chitose / Tomakomai", "Arnavutköy, Istanbul").
    let cities: Vec<String> = city
        .split([',', '/'])
        .map(normalize)
        .filter(|c| !c.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    for part in parts(name) {
        let words: Vec<&str> = part.split(' ').collect();
        for piece in words.split(|w| AIRPORT_WORDS.contains(w)) {
            let Some(short) = shorten(piece, &cities) else {
                continue;
            };
            if !out.contains(&short) {
                out.push(short);
            }
        }
    }
    out
}

/// The name's parts as keys, split at brackets and spaced dashes (rule 2).
fn parts(name: &str) -> Vec<String> {
    let mut segments: Vec<&str> = Vec::new();
    let mut rest = name;
    while let Some(open) = rest.find('(') {
        segments.push(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(')').unwrap_or(after.len());
        segments.push(&after[..close]);
        rest = after.get(close + 1..).unwrap_or("");
    }
    segments.push(rest);
    (segments.iter())
        .flat_map(|s| s.split(" - "))
        .map(normalize)
        .filter(|k| !k.is_empty())
        .collect()
}

/// One part's words as a short name (rules 3 and 4), if any is left.
fn shorten(words: &[&str], cities: &[String]) -> Option<String> {
    let mut w: Vec<&str> = (words.iter().copied())
        .filter(|w| !KIND_WORDS.contains(w) && !w.is_empty())
        .collect();
    let trim = |w: &mut Vec<&str>| {
        while w.first().is_some_and(|x| JOINING_WORDS.contains(x)) {
            w.remove(0);
        }
        while w.last().is_some_and(|x| JOINING_WORDS.contains(x)) {
            w.pop();
        }
    };
    trim(&mut w);
    let joined = w.join(" ");
    if let Some(city) = cities.iter().find(|c| joined.starts_with(&format!("{c} "))) {
        w.drain(..city.split(' ').count());
        trim(&mut w);
    }
    let short = w.join(" ");
    let generic = w.len() == 1 && GENERIC_WORDS.contains(&w[0]);
    let too_short = short.chars().count() < 3;
    let is_city = cities.contains(&short);
    (!short.is_empty() && !generic && !too_short && !is_city).then_some(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(name: &str, city: &str) -> Vec<String> {
        short_name_keys(name, city)
    }

    #[test]
    fn a_leading_city_and_the_kind_words_are_dropped() {
        assert_eq!(short("London Heathrow Airport", "London"), ["heathrow"]);
        assert_eq!(
            short("Chicago O'Hare International Airport", "Chicago"),
            ["ohare"]
        );
        assert_eq!(
            short("Singapore Changi International Airport", "Singapore"),
            ["changi"]
        );
        assert_eq!(
            short("Sheremetyevo International Airport", "Moscow"),
            ["sheremetyevo"]
        );
        assert_eq!(
            short("Charles de Gaulle International Airport", "Paris"),
            ["charles de gaulle"]
        );
        assert_eq!(
            short("Berlin-Tegel International Airport", "Berlin"),
            ["tegel"]
        );
    }

    #[test]
    fn the_name_splits_at_the_airport_word_brackets_and_dashes() {
        assert_eq!(
            short("Amsterdam Airport Schiphol", "Amsterdam"),
            ["schiphol"]
        );
        assert_eq!(
            short(
                "Leonardo Da Vinci (Fiumicino) International Airport",
                "Rome"
            ),
            ["leonardo da vinci", "fiumicino"]
        );
        assert_eq!(
            short(
                "Galeao - Antonio Carlos Jobim International Airport",
                "Rio De Janeiro"
            ),
            ["galeao", "antonio carlos jobim"]
        );
        assert_eq!(short("Pattimura Airport Ambon", "Ambon"), ["pattimura"]);
    }

    #[test]
    fn a_city_name_alone_a_generic_word_or_no_airport_word_gives_none() {
        assert!(short("Vladivostok International Airport", "Vladivostok").is_empty());
        assert!(
            short(
                "Frankfurt am Main International Airport",
                "Frankfurt am Main"
            )
            .is_empty()
        );
        assert!(short("Beijing Capital International Airport", "Beijing").is_empty());
        assert!(short("Aviano Air Base", "Aviano").is_empty());
        assert!(short("Ralph C Weiser Field", "Fort Smith").is_empty());
        assert!(short("Istanbul Airport", "Arnavutköy, Istanbul").is_empty());
        assert!(short("", "").is_empty());
    }
}
