//! The draft story an extraction gives: as TOML for the user to correct ([`Extraction::to_toml`]),
//! its legs ([`Extraction::legs`]) and as a story to check ([`Extraction::to_story`]).

use super::{DraftWaypoint, Extraction, journey};
use crate::gazetteer::PlaceKind;
use crate::story::{ClaimSpec, LegSpec, Mode, Story, Waypoint};

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

impl Extraction {
    /// The draft story as TOML: every place read, legs joining the journey's stops
    /// ([`Extraction::legs`]), the claims, and comments listing what could not be resolved or
    /// used and the choices made.
    pub fn to_toml(&self, title: &str) -> String {
        let mut s = String::from(
            "# Draft story written by `routecheck extract`: check the waypoints, the legs and each claim\n# before relying on it. Format: data/stories/README.md.\n",
        );
        if !self.unresolved.is_empty() {
            s.push_str("#\n# Names the gazetteer could not resolve (add them as waypoints with `at = \"lat, lon\"` if\n# they are places):\n");
            for u in &self.unresolved {
                s.push_str(&format!("#   - {u}\n"));
            }
        }
        if !self.not_places.is_empty() {
            s.push_str("#\n# Names not read as places (a place of that name exists; add it as a waypoint if the\n# article means it):\n");
            for n in &self.not_places {
                s.push_str(&format!("#   - {}\n", n.replace('\n', " ")));
            }
        }
        if !self.choices.is_empty() {
            s.push_str("#\n# Places chosen by the article's context:\n");
            for n in &self.choices {
                s.push_str(&format!("#   - {}\n", n.replace('\n', " ")));
            }
        }
        if !self.notes.is_empty() {
            s.push_str("#\n# Numbers found but not turned into claims:\n");
            for n in &self.notes {
                s.push_str(&format!("#   - {}\n", n.replace('\n', " ")));
            }
        }
        s.push_str(&format!("\n[story]\ntitle = {}\n", toml_str(title)));
        for w in &self.waypoints {
            s.push_str(&format!(
                "\n[[waypoints]]\nid = {}\nplace = {}\n",
                toml_str(&w.id),
                toml_str(&w.place.name)
            ));
            if let Some(c) = w.country() {
                s.push_str(&format!("country = {}\n", toml_str(c)));
            }
            if let Some(k) = w.kind() {
                s.push_str(&format!("kind = {}\n", toml_str(k.as_str())));
            }
        }
        for e in &self.events {
            s.push_str(&format!(
                "\n[[events]]\nid = {}\nat = {}\nwhat = {}\ntime = {}\n",
                toml_str(&e.id),
                toml_str(&e.at),
                toml_str(&e.what),
                e.earliest.strftime("%Y-%m-%dT%H:%M:%S"),
            ));
            if let Some(tz) = &e.tz {
                s.push_str(&format!("tz = {}\n", toml_str(tz)));
            }
            if let Some(src) = &e.source {
                s.push_str(&format!("source = {}\n", toml_str(src)));
            }
        }
        for leg in self.legs() {
            s.push_str(&format!(
                "\n[[legs]]\nfrom = {}\nto = {}\nmode = \"{}\"\n",
                toml_str(&leg.from),
                toml_str(&leg.to),
                leg.mode.as_str()
            ));
        }
        #[derive(serde::Serialize)]
        struct Claims<'a> {
            claims: &'a [ClaimSpec],
        }
        match toml::to_string(&Claims {
            claims: &self.claims,
        }) {
            Ok(t) if !self.claims.is_empty() => {
                s.push('\n');
                s.push_str(&t);
                if !s.ends_with('\n') {
                    s.push('\n');
                }
            }
            Ok(_) => s.push_str("\n# No claims found.\n"),
            Err(e) => s.push_str(&format!("\n# Claims could not be written: {e}\n")),
        }
        s
    }
}

impl DraftWaypoint {
    /// The country the draft qualifies the place with: its two-letter code, if it has one.
    fn country(&self) -> Option<&str> {
        self.place.country.as_deref().filter(|c| c.len() == 2)
    }

    /// The kind the draft asks for: a river (so that the name finds the river, not a town of
    /// that name); other places are looked up by name alone.
    fn kind(&self) -> Option<PlaceKind> {
        (self.place.kind == PlaceKind::River).then_some(PlaceKind::River)
    }
}

impl Extraction {
    /// The legs of the draft: the journey's stops in travel order ([`journey`]), each leg with
    /// the mode its sentence states, else the articles' mode. An article that names fewer
    /// than two stops gets legs joining the places its claims use, in order of first mention.
    pub fn legs(&self) -> Vec<LegSpec> {
        let fallback = match self.mode {
            "rail" => Mode::Rail,
            "air" => Mode::Air,
            "road" => Mode::Road,
            _ => Mode::Direct,
        };
        let ordered = journey::order(&self.stops, Some(fallback));
        let pairs: Vec<(String, String, Option<Mode>)> = if ordered.len() >= 2 {
            ordered
                .windows(2)
                .map(|w| (w[0].0.clone(), w[1].0.clone(), w[1].1))
                .collect()
        } else {
            let stops: Vec<&DraftWaypoint> = self
                .waypoints
                .iter()
                .filter(|w| w.place.kind != PlaceKind::River && self.claim_places.contains(&w.id))
                .collect();
            stops
                .windows(2)
                .map(|w| (w[0].id.clone(), w[1].id.clone(), None))
                .collect()
        };
        self.direct_legs
            .iter()
            .map(|(a, b)| (a.clone(), b.clone(), None))
            .chain(pairs)
            .chain(
                self.trip_legs
                    .iter()
                    .map(|(a, b)| (a.clone(), b.clone(), None)),
            )
            .map(|(from, to, mode)| LegSpec {
                from,
                to,
                via: Vec::new(),
                mode: mode.unwrap_or(fallback),
                speed: None,
                dwell: None,
                line: 0,
            })
            .collect()
    }

    /// The draft story as a [`Story`] value, with the same waypoints, legs and claims as
    /// [`Extraction::to_toml`] writes, checked by [`Story::from_parts`] (the parser's rules,
    /// claim validation included). `path` names the story in messages and gives it its id,
    /// as a story file's name does.
    pub fn to_story(&self, title: &str, path: &str) -> Result<Story, crate::story::Error> {
        let waypoints = self
            .waypoints
            .iter()
            .map(|w| Waypoint {
                id: w.id.clone(),
                place: Some(w.place.name.clone()),
                at: None,
                name: None,
                country: w.country().map(|c| c.to_ascii_uppercase()),
                kind: w.kind(),
                airport: None,
                line: 0,
            })
            .collect();
        let legs = self.legs();
        Story::from_parts(
            path,
            title,
            waypoints,
            legs,
            self.events.clone(),
            self.claims.clone(),
        )
    }
}
