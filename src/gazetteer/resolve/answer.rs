//! What a resolution answers: the chosen place, the other candidates, and the sentence
//! saying why, written only when asked for.

use crate::coord::LatLon;
use crate::gazetteer::{Place, PlaceKind, Query};

/// How the query matched the chosen place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The place's primary name.
    Exact,
    /// One of its other names (any script), or a curated alias.
    Alias,
    /// A close spelling (small edit distance); check it.
    Fuzzy,
}

/// A place that matched, as listed among alternatives and suggestions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    /// The place's id, for [`super::super::Gazetteer::get`].
    pub id: String,
    /// The place's primary name.
    pub name: String,
    /// What kind of feature it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code, where known.
    pub country: Option<String>,
    /// First-level administrative area (GeoNames code such as "RU.59" for world places).
    pub admin1: Option<String>,
    /// Its GeoNames name ("Primorye"), where known.
    pub admin1_name: Option<String>,
    /// Population, where the source gives one.
    pub population: Option<u64>,
    /// The place's anchor point ([`Place::anchor`]).
    pub location: LatLon,
    /// How the query's name matched this place.
    pub matched: MatchKind,
    /// The ranking score (higher is chosen first); for explanations, not for comparison
    /// across queries.
    pub score: f64,
}

impl Candidate {
    /// "Razdol'noye (RU, RU.59, city, pop 7,567)".
    pub fn describe(&self) -> String {
        describe(
            &self.name,
            self.country.as_deref(),
            self.admin1_name.as_deref().or(self.admin1.as_deref()),
            self.kind,
            self.population,
        )
    }
}

fn describe(
    name: &str,
    country: Option<&str>,
    admin1: Option<&str>,
    kind: PlaceKind,
    population: Option<u64>,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(country.map(str::to_string));
    parts.extend(admin1.map(str::to_string));
    parts.push(kind.to_string());
    if let Some(p) = population {
        parts.push(format!("pop {}", crate::units::group_thousands(p as f64)));
    }
    format!("{name} ({})", parts.join(", "))
}

/// The answer to a query: the chosen place, how it matched, the other candidates, and (from
/// [`Resolution::why`]) why. Serialises with `why` as a field.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The chosen place.
    pub place: Place,
    /// How the query's name matched it.
    pub matched: MatchKind,
    /// Other places that matched, best first (at most 9).
    pub alternatives: Vec<Candidate>,
    /// True when another candidate is nearly as strong: the caller should show the list and
    /// suggest a qualifier.
    pub ambiguous: bool,
    /// The query this answers.
    pub query: Query,
    /// What the context did, for [`Gazetteer::resolve_in`](crate::gazetteer::Gazetteer::resolve_in)
    /// with a context that scored any candidate; `None` otherwise.
    pub context: Option<InContext>,
}

/// What a [`Context`](crate::gazetteer::Context) did for the chosen place.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct InContext {
    /// The score the context gave the chosen place (nearness, country, region).
    pub bonus: f64,
    /// Distance from the chosen place to the nearest context point, in kilometres.
    #[serde(rename = "nearest_km")]
    pub nearest_km: Option<f64>,
    /// Whether, without the context, another place would have been chosen.
    pub changed_choice: bool,
}

impl Resolution {
    /// One or two sentences on what matched and why this place was chosen. Written on
    /// demand: most lookups (a story's waypoints) never show it.
    pub fn why(&self) -> String {
        let p = &self.place;
        let chosen = describe(
            &p.name,
            p.country.as_deref(),
            p.admin1_name.as_deref().or(p.admin1.as_deref()),
            p.kind,
            p.population,
        );
        let why = explain(
            &self.query,
            &chosen,
            p,
            self.matched,
            &self.alternatives,
            self.ambiguous,
        );
        let script = crate::gazetteer::Script::of(&crate::gazetteer::normalize(&self.query.text));
        let local =
            |cc: Option<&str>| script.is_some_and(|sc| cc.is_some_and(|c| sc.is_local_to(c)));
        let why = match script {
            Some(sc)
                if local(p.country.as_deref())
                    && self
                        .alternatives
                        .iter()
                        .any(|a| !local(a.country.as_deref())) =>
            {
                format!(
                    "{why} The name is written in {} script, so places in countries that write it rank first.",
                    sc.name()
                )
            }
            _ => why,
        };
        match self.context {
            Some(c) if c.changed_choice => {
                let near = c
                    .nearest_km
                    .map(|km| {
                        format!(
                            " ({} km from the nearest)",
                            crate::units::group_thousands(km.round())
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{why} Chosen over a stronger match by name alone because it fits the context: the story's other places{near}, countries or region."
                )
            }
            _ => why,
        }
    }
}

impl serde::Serialize for Resolution {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Resolution", 6)?;
        st.serialize_field("place", &self.place)?;
        st.serialize_field("matched", &self.matched)?;
        st.serialize_field("alternatives", &self.alternatives)?;
        st.serialize_field("ambiguous", &self.ambiguous)?;
        st.serialize_field("context", &self.context)?;
        st.serialize_field("why", &self.why())?;
        st.end()
    }
}

fn explain(
    q: &Query,
    chosen: &str,
    place: &Place,
    matched: MatchKind,
    others: &[Candidate],
    ambiguous: bool,
) -> String {
    let how = match matched {
        MatchKind::Exact => format!("\"{}\" is the name of {chosen}", q.text),
        MatchKind::Alias => format!("\"{}\" is another name for {chosen}", q.text),
        MatchKind::Fuzzy => format!(
            "no place is called \"{}\"; the closest spelling is {chosen} (check it)",
            q.text
        ),
    };
    if others.is_empty() {
        return format!("{how}.");
    }
    let n = others.len() + 1;
    // A country that would pick another place: not one the chosen place is also in ("RU"
    // does not set a Russian town apart from a China–Russia river).
    let chosen_cc = place.country.as_deref();
    let chosen_in = |c: &str| chosen_cc.is_some_and(|cc| cc.split('-').any(|x| x == c));
    let other_cc = others
        .iter()
        .find_map(|o| o.country.as_deref().filter(|c| !chosen_in(c)))
        .filter(|_| q.country.is_none());
    // Likewise a state or province ("Springfield, Massachusetts").
    let other_region = others
        .iter()
        .find_map(|o| {
            o.admin1_name
                .as_deref()
                .filter(|r| Some(*r) != place.admin1_name.as_deref())
        })
        .filter(|_| q.region.is_none());
    let t = &q.text;
    let hint = match (other_cc, other_region) {
        (Some(cc), Some(r)) => format!(
            " Add a country (\"{t}, {cc}\"), a state or province (\"{t}, {r}\") or a kind to choose another."
        ),
        (Some(cc), None) => format!(" Add a country (\"{t}, {cc}\") or a kind to choose another."),
        (None, Some(r)) => {
            format!(" Add a state or province (\"{t}, {r}\") or a kind to choose another.")
        }
        (None, None) => {
            " Add a kind (station, bridge, border, river, city) to choose another.".to_string()
        }
    };
    let lead = if ambiguous { "ambiguous: " } else { "" };
    format!(
        "{lead}{how}; {n} places match, chosen as the strongest match by name and importance (population, capital or seat, curated feature).{hint}"
    )
}
