//! What the whole article says that a single sentence may lean on: the top speed it gives
//! ("designed for 350 km/h", "a top speed of 90 km/h"); and the words that tell a speed the
//! line or vehicle can reach from the journey's own, and a trip's duration from other spans.

use super::scan::Found;
use crate::story::{Amount, Hedge};
use crate::units::Dimension;

/// What the article as a whole gives.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The fastest speed the article gives, as an upper bound ("up to 350 km/h").
    pub top_speed: Option<Amount>,
    /// Every length the article gives, with its byte offset: "covered the journey in 2hr48 at
    /// an average of 329.3 km/h" leans on the "922 km" route the sentence before gives.
    pub lengths: Vec<(usize, Amount)>,
    /// Whether the article's journey is by rail (its first mode word is a train's): a trip's
    /// duration is then bounded by the fastest scheduled trains when the article gives no speed.
    pub rail: bool,
    /// The start of each sentence, and whether its words say a flight ("flew", "plane",
    /// "flight"): "The 9,000-mile trip" right after "The Qantas Airways flight from … Perth …
    /// to London Heathrow" is that flight.
    pub flights: Vec<(usize, bool)>,
}

/// Words saying a speed is what a line or vehicle can do, not what the journey did: a design
/// speed, a maximum, a limit ("can reach 350 km/h", "designed for", "velocidad máxima"). "A
/// top speed of just 60 km/h" and "no faster than" stay claims: they cap the journey's
/// average, which a timeline checks.
const CAPABILITY: &[&str] = &[
    "can reach",
    "could reach",
    "capable of",
    "design",
    "maximum",
    "limited to",
    "upgrade",
    "able to",
    "speeds up to",
    "speeds of up to",
    "accelerate to",
    "will run at",
    "will hit",
    "conçue pour",
    "conçu pour",
    "conçus pour",
    "vitesse de pointe",
    "velocidad punta",
    "spitzengeschwindigkeit",
    "máxima",
    "höchstgeschwindigkeit",
    "bis zu",
    "maksymaln",
    "максимальн",
];

/// Whether the sentence gives a speed as a capability or limit, not the journey's own.
pub fn capability(sentence_lower: &str) -> bool {
    CAPABILITY.iter().any(|w| sentence_lower.contains(w))
}

/// Words saying a duration is how long a trip takes ("travel time", "journey", "takes",
/// "Fahrzeit", "el viaje dura", "podróż … ma trwać", "прибувати").
const TRIP: &[&str] = &[
    "journey",
    "trip",
    "travel time",
    "ride",
    "take",
    "took",
    "taking",
    "shorten",
    "cut ",
    "cuts ",
    "reduce",
    "away from",
    "voyage",
    "fahrzeit",
    "fahrtzeit",
    "reise",
    "viaje",
    "dura ",
    "tardó",
    "tarda",
    "recorr",
    "viagem",
    "podróż",
    "trwa",
    "прибува",
    "в пути",
    "у дорозі",
    "поездк",
    "поїздк",
    "erreich",
    "ankunft",
    "ankommen",
    "dauert",
    "durée",
    "trajet",
    "temps de",
    "relier",
    "trayecto",
    "tiempo de viaje",
    "llegar",
    "czas podróży",
    "время в пути",
    "час у дорозі",
];

/// Whether the sentence speaks of a trip's duration.
pub fn trip(sentence_lower: &str) -> bool {
    TRIP.iter().any(|w| sentence_lower.contains(w))
}

impl Article {
    /// The context of one article: `found` is every quantity of the article `text`.
    pub fn new(text: &str, found: &[Found]) -> Article {
        let top_speed = found
            .iter()
            .filter(|f| f.quantity.dimension() == Dimension::Speed)
            .max_by(|a, b| {
                a.quantity
                    .value
                    .hi_si()
                    .total_cmp(&b.quantity.value.hi_si())
            })
            .and_then(|f| {
                let q = f.english.as_deref().unwrap_or(&text[f.start..f.end]);
                // The figure alone (not a conversion), as an upper bound.
                let q = q.split(" (").next().unwrap_or(q);
                Amount::try_from(format!("up to {q}")).ok()
            })
            .filter(|a| a.hedge == Hedge::AtMost);
        let lengths = found
            .iter()
            .filter(|f| f.quantity.dimension() == Dimension::Length)
            .filter_map(|f| {
                let q = f.english.as_deref().unwrap_or(&text[f.start..f.end]);
                let q = q.split(" (").next().unwrap_or(q);
                Some((f.start, Amount::try_from(q.to_string()).ok()?))
            })
            .collect();
        Article {
            top_speed,
            lengths,
            rail: false,
            flights: Vec::new(),
        }
    }

    /// Whether the sentence right before the one starting at byte `start` says a flight.
    pub fn flight_before(&self, start: usize) -> bool {
        let i = self.flights.partition_point(|(s, _)| *s < start);
        i > 0 && self.flights[i - 1].1
    }

    /// The last length the article gives before byte `at`.
    pub fn length_before(&self, at: usize) -> Option<&Amount> {
        self.lengths
            .iter()
            .rev()
            .find(|(i, _)| *i < at)
            .map(|(_, a)| a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capability_and_trip_words() {
        assert!(capability(
            "while the trains can reach 350 kilometers per hour, the speed will be limited"
        ));
        assert!(capability("la velocidad máxima es de 90 km/h."));
        assert!(!capability(
            "kim's train travels at around 60 kilometres per hour"
        ));
        assert!(trip(
            "it cuts travel time between chongqing and guiyang to 2 hours"
        ));
        assert!(trip("el viaje dura seis horas y 45 minutos"));
        assert!(!trip("the talks lasted two days"));
        // Issue 15, this round: a speed a train can accelerate to is a capability, and the
        // trip words of the other languages.
        assert!(capability(
            "allows thalys to accelerate to up to 300 kilometers per hour"
        ));
        assert!(trip("soll in zwei stunden prag erreicht werden können"));
        assert!(trip("réduire la durée du trajet entre les deux villes"));
        // A line's or a train's speed in the future tense or as its design, in English,
        // French, Spanish and German.
        assert!(capability("the railway will run at 200 km per hour."));
        assert!(capability(
            "the train will hit 186 miles (299.3 km) per hour"
        ));
        assert!(capability(
            "conçue pour la circulation de trains à des vitesses comprises entre 200 et 400 kilomètres à l'heure"
        ));
        assert!(capability(
            "con una velocidad punta de 300 kilómetros por hora"
        ));
        assert!(!capability("the train ran at 60 km/h for most of the way"));
    }

    #[test]
    fn the_top_speed_is_an_upper_bound() {
        let text = "It can reach 350 km/h but runs at 300 km/h.";
        let found = super::super::scan::quantities(text, 0, text.len());
        let a = Article::new(text, &found);
        let s = a.top_speed.unwrap();
        assert_eq!(s.text, "up to 350 km/h");
        assert_eq!(s.hedge, Hedge::AtMost);
        let text = "The 922km (572miles) route opened. It ran 1,000 km later.";
        let found = super::super::scan::quantities(text, 0, text.len());
        let a = Article::new(text, &found);
        assert_eq!(a.length_before(30).unwrap().text, "922km");
        assert!(a.length_before(3).is_none());
    }
}
