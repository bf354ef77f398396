//! Scoring article reading against the labelled corpus: places (a place found counts when
//! within [`HIT_KM`] of a labelled one), quantities (same dimension, same value, at the words
//! the label quotes), claims (same kind, from the sentence the label quotes), the verdicts of
//! the claims matched, and whether `routecheck check --article` would stop with exit 2.
//!
//! [`run_engine`] is the one place that calls the engine; everything else reads its [`Found`],
//! so the scorer is tested on hand-made cases without the engine. Shared by `examples/eval.rs`
//! and `tests/corpus_eval.rs` (included with `#[path]`); needs `corpus_labels` beside it.

#![allow(dead_code)]

use std::fmt;

use geographiclib_rs::{Geodesic, InverseGeodesic};

use super::corpus_labels::{Article, Dim, lat_lon, norm};
use routecheck::story::ClaimKind;

/// A place found counts when it lies within this many kilometres of a labelled place.
pub const HIT_KM: f64 = 10.0;

/// Relative tolerance for a quantity's value (parsing, not rounding: labels give the figure
/// as written).
pub const VALUE_TOLERANCE: f64 = 0.005;

/// A place the engine resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundPlace {
    /// The gazetteer's name for it.
    pub name: String,
    /// Its kind ("city", "river", ...).
    pub kind: String,
    /// Its country code, if any.
    pub country: String,
    /// Its position (the first point of a line feature).
    pub at: (f64, f64),
    /// True for a line feature (a river).
    pub line: bool,
}

/// A quantity the engine found.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuantity {
    /// Byte range in the article text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// What it measures.
    pub dim: Dim,
    /// (low, high) in SI units.
    pub si: (f64, f64),
}

/// A claim the engine drafted.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundClaim {
    /// Its id in the draft story.
    pub id: String,
    /// Its kind ("distance").
    pub kind: String,
    /// The sentence it comes from.
    pub quote: String,
    /// The verdict the check gave it (`Verdict::word`), when the draft could be checked.
    pub verdict: Option<String>,
    /// The figure it checks as the draft wrote it ("7,275-mile"), when it has one.
    pub figure: Option<String>,
}

/// A timeline event the engine drafted.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundEvent {
    /// Local date and time, "2018-01-25T08:50".
    pub when: String,
    /// The IANA zone it is in: the event's own, else its place's.
    pub zone: Option<String>,
}

/// What the engine made of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// The timeline events of the draft story.
    pub events: Vec<FoundEvent>,
    /// The places of the draft story.
    pub places: Vec<FoundPlace>,
    /// Every quantity found.
    pub quantities: Vec<FoundQuantity>,
    /// The claims of the draft story.
    pub claims: Vec<FoundClaim>,
    /// The error `check --article` would stop with (exit 2), if any.
    pub error: Option<String>,
}

/// Runs the engine on one article the way `routecheck check --article FILE --outlet OUTLET`
/// does: extract, build the draft story, check it. An error from the last two steps is the
/// CLI's exit 2 (reading the file, the CLI's only other failure, cannot fail here).
pub fn run_engine(a: &Article, pipeline: &routecheck::pipeline::Pipeline) -> Found {
    use routecheck::claims::extract::{
        Article as Read, Language, extract_articles, quantities_in, sentences,
    };
    use routecheck::gazetteer::PlaceGeometry;
    use routecheck::units::Unit;
    // The header's publication date, as `check --articles` passes an archive's (a month
    // alone is read as its first day: only the year is used).
    let published = format!("{}-01", a.header.date)
        .get(..10)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let read = Read {
        outlet: a.header.outlet.clone(),
        text: a.body.clone(),
        published,
    };
    let x = extract_articles(&[read], &pipeline.gazetteer);
    let places = x
        .waypoints
        .iter()
        .filter_map(|w| {
            let (at, line) = match &w.place.geometry {
                PlaceGeometry::Point(p) => ((p.lat, p.lon), false),
                PlaceGeometry::Lines(ls) => {
                    let p = ls.first()?.first()?;
                    ((p.lat, p.lon), true)
                }
            };
            Some(FoundPlace {
                name: w.place.name.clone(),
                kind: w.place.kind.as_str().to_string(),
                country: w.place.country.clone().unwrap_or_default(),
                at,
                line,
            })
        })
        .collect();
    let quantities = sentences(&a.body)
        .iter()
        .flat_map(|s| quantities_in(Language::detect(&a.body), &a.body, s.start, s.end))
        .map(|f| {
            let u = f.quantity.value.unit;
            let dim = match u {
                Unit::Length(_) => Dim::Length,
                Unit::Speed(_) => Dim::Speed,
                Unit::Duration(_) => Dim::Duration,
            };
            FoundQuantity {
                start: f.start,
                end: f.end,
                dim,
                si: (f.quantity.value.lo * u.si(), f.quantity.value.hi * u.si()),
            }
        })
        .collect();
    let mut claims: Vec<FoundClaim> = x
        .claims
        .iter()
        .map(|c| FoundClaim {
            id: c.id.clone(),
            kind: c.kind.name().to_string(),
            quote: c.quote.clone(),
            verdict: None,
            figure: figure_of(&c.kind),
        })
        .collect();
    let events = x
        .events
        .iter()
        .map(|e| FoundEvent {
            when: e.earliest.strftime("%Y-%m-%dT%H:%M").to_string(),
            zone: e.tz.clone().or_else(|| {
                x.waypoints
                    .iter()
                    .find(|w| w.id == e.at)
                    .and_then(|w| w.place.zone())
            }),
        })
        .collect();
    let title = format!("Draft from {}.txt", a.name);
    let path = format!("{}.txt (extracted)", a.name);
    // As `check --article` does: a draft that is no story is a "cannot check" report (exit 0);
    // legs that cannot be measured are dropped and the claims checked without them; only a
    // failure of that too is an error (exit 2).
    let checked = match x.to_story(&title, &path) {
        Err(_) => None,
        Ok(story) if story.waypoints.is_empty() && story.claims.is_empty() => None,
        Ok(story) => Some(pipeline.check(&story).or_else(|e| {
            if story.legs.is_empty() {
                return Err(e);
            }
            let mut bare = story.clone();
            bare.legs.clear();
            pipeline.check(&bare)
        })),
    };
    let error = match checked {
        None => None,
        Some(Ok(outcome)) => {
            for c in &mut claims {
                c.verdict = outcome
                    .claims
                    .iter()
                    .find(|k| k.id == c.id)
                    .map(|k| k.verdict.word().to_string());
            }
            None
        }
        Some(Err(e)) => Some(e.to_string()),
    };
    Found {
        events,
        places,
        quantities,
        claims,
        error,
    }
}

/// Right and wrong answers of one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Answers found that match a label.
    pub right: usize,
    /// Answers found.
    pub found: usize,
    /// Labels matched by an answer.
    pub hit: usize,
    /// Labels.
    pub labelled: usize,
}

impl Counts {
    /// right / found (1 when nothing was found: no wrong answer given).
    pub fn precision(self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
    /// hit / labelled (1 when nothing was labelled).
    pub fn recall(self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.hit as f64 / self.labelled as f64
        }
    }
    /// The harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// The sum of two counts.
    pub fn add(self, o: Counts) -> Counts {
        Counts {
            right: self.right + o.right,
            found: self.found + o.found,
            hit: self.hit + o.hit,
            labelled: self.labelled + o.labelled,
        }
    }
}

/// One thing the engine got wrong in one article.
#[derive(Debug, Clone, PartialEq)]
pub enum Miss {
    /// A place found that is not within [`HIT_KM`] of any place the article means.
    WrongPlace {
        /// The place found.
        place: FoundPlace,
        /// The nearest labelled place and its distance in km.
        nearest: Option<(String, f64)>,
        /// The not-a-place label it looks like ("TASS: news agency").
        trap: Option<String>,
    },
    /// A labelled place with no place found within [`HIT_KM`].
    MissedPlace {
        /// The name as written.
        name: String,
    },
    /// A labelled quantity not found (or found with another value).
    MissedQuantity {
        /// The words as written.
        text: String,
    },
    /// A quantity found where the labels have none.
    SpuriousQuantity {
        /// The words found.
        text: String,
    },
    /// A labelled claim not drafted.
    MissedClaim {
        /// Its kind.
        kind: String,
        /// Its words.
        quote: String,
    },
    /// A claim drafted that no label asks for.
    SpuriousClaim {
        /// Its kind.
        kind: String,
        /// The sentence it comes from.
        quote: String,
        /// The verdict it was given.
        verdict: Option<String>,
    },
    /// A claim matched whose verdict differs from the one expected.
    Verdict {
        /// Its kind.
        kind: String,
        /// Its words (the label's).
        quote: String,
        /// Expected.
        expected: String,
        /// Given (none when the draft could not be checked).
        got: Option<String>,
    },
    /// A labelled timeline event not drafted (or drafted with another date, time or zone).
    MissedEvent {
        /// The words that date it.
        text: String,
        /// When, as labelled.
        when: String,
        /// Its zone, as labelled.
        zone: String,
    },
    /// A timeline event drafted that no label matches.
    SpuriousEvent {
        /// When, as drafted.
        when: String,
        /// Its zone, as drafted.
        zone: Option<String>,
    },
    /// `check --article` would stop with exit 2.
    Exit2 {
        /// The error.
        error: String,
    },
}

impl Miss {
    /// The kind of miss, for the totals ("wrong place").
    pub fn kind(&self) -> &'static str {
        match self {
            Miss::WrongPlace { .. } => "wrong place",
            Miss::MissedPlace { .. } => "missed place",
            Miss::MissedQuantity { .. } => "missed quantity",
            Miss::SpuriousQuantity { .. } => "spurious quantity",
            Miss::MissedClaim { .. } => "missed claim",
            Miss::SpuriousClaim { .. } => "spurious claim",
            Miss::Verdict { .. } => "other verdict",
            Miss::MissedEvent { .. } => "missed event",
            Miss::SpuriousEvent { .. } => "spurious event",
            Miss::Exit2 { .. } => "exit 2",
        }
    }
}

fn short(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 90 {
        format!("{}…", s.chars().take(89).collect::<String>())
    } else {
        s
    }
}

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.kind())?;
        match self {
            Miss::WrongPlace {
                place,
                nearest,
                trap,
            } => {
                write!(
                    f,
                    "{} ({}, {}) at {:.4}, {:.4}",
                    place.name, place.kind, place.country, place.at.0, place.at.1
                )?;
                if let Some((n, km)) = nearest {
                    write!(f, "; nearest labelled place {n} is {km:.0} km away")?;
                }
                if let Some(t) = trap {
                    write!(f, "; looks like the trap {t}")?;
                }
                Ok(())
            }
            Miss::MissedPlace { name } => write!(f, "{name}"),
            Miss::MissedQuantity { text } => write!(f, "{text:?}"),
            Miss::SpuriousQuantity { text } => write!(f, "{text:?}"),
            Miss::MissedClaim { kind, quote } => write!(f, "{kind} {:?}", short(quote)),
            Miss::SpuriousClaim {
                kind,
                quote,
                verdict,
            } => write!(
                f,
                "{kind} ({}) from {:?}",
                verdict.as_deref().unwrap_or("not checked"),
                short(quote)
            ),
            Miss::Verdict {
                kind,
                quote,
                expected,
                got,
            } => write!(
                f,
                "{kind} {:?}: expected {expected}, got {}",
                short(quote),
                got.as_deref().unwrap_or("no verdict")
            ),
            Miss::MissedEvent { text, when, zone } => write!(f, "{text:?} {when} {zone}"),
            Miss::SpuriousEvent { when, zone } => {
                write!(f, "{when} {}", zone.as_deref().unwrap_or("no zone"))
            }
            Miss::Exit2 { error } => write!(f, "{}", short(error)),
        }
    }
}

/// The scores of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Timeline events (date, time and zone as labelled).
    pub events: Counts,
    /// Places.
    pub places: Counts,
    /// Quantities.
    pub quantities: Counts,
    /// Claims.
    pub claims: Counts,
    /// Matched claims whose verdict is the one expected, of those matched.
    pub verdicts: (usize, usize),
    /// Claims refuted (off, contradicts) where the label expects no refutation, matched or
    /// spurious: the worst failure of a fact-checking tool.
    pub false_refutations: usize,
    /// True when `check --article` would exit 2.
    pub exit2: bool,
    /// Everything it got wrong.
    pub misses: Vec<Miss>,
}

/// Whether a drafted event is the labelled one: the same date; the same time (or within the
/// window) when the label gives one; the same zone.
pub fn event_matches(label: &super::corpus_labels::EventLabel, e: &FoundEvent) -> bool {
    let (date, time) = e.when.split_once('T').unwrap_or((&e.when, ""));
    let (l_date, l_time) = label.when.split_once('T').unwrap_or((&label.when, ""));
    let time_ok = match l_time.split_once('/') {
        Some((lo, hi)) => lo <= time && time <= hi,
        None => l_time.is_empty() || l_time == time,
    };
    date == l_date && time_ok && e.zone.as_deref() == Some(label.zone.as_str())
}

/// Events: each label matched by at most one drafted event; the labels and events left
/// over are misses.
fn score_events(
    labels: &[super::corpus_labels::EventLabel],
    found: &[FoundEvent],
) -> (Counts, Vec<Miss>) {
    let mut misses = Vec::new();
    let mut used = vec![false; found.len()];
    let mut c = Counts {
        found: found.len(),
        labelled: labels.len(),
        ..Counts::default()
    };
    for l in labels {
        if let Some(i) = (0..found.len()).find(|&i| !used[i] && event_matches(l, &found[i])) {
            used[i] = true;
            c.hit += 1;
            c.right += 1;
        } else {
            misses.push(Miss::MissedEvent {
                text: l.text.clone(),
                when: l.when.clone(),
                zone: l.zone.clone(),
            });
        }
    }
    for (e, u) in found.iter().zip(&used) {
        if !u {
            misses.push(Miss::SpuriousEvent {
                when: e.when.clone(),
                zone: e.zone.clone(),
            });
        }
    }
    (c, misses)
}

/// Geodesic distance on WGS84 in km between two (lat, lon) positions.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let m: f64 = Geodesic::wgs84().inverse(a.0, a.1, b.0, b.1);
    m / 1000.0
}

fn fold(s: &str) -> String {
    norm(s)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect()
}

/// Byte ranges where `needle` occurs in `hay`, case-insensitively, white space as written.
fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let (h, n) = (hay.to_lowercase(), needle.to_lowercase());
    if n.is_empty() || h.len() != hay.len() {
        // Lower-casing changed byte lengths: fall back to an exact search.
        return hay
            .match_indices(needle)
            .map(|(i, m)| (i, i + m.len()))
            .collect();
    }
    h.match_indices(&n).map(|(i, m)| (i, i + m.len())).collect()
}

/// The numbers written in digits in a text, their group separators dropped ("7,275-mile"
/// gives "7275"; "1.200 km" gives "1200").
fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|w| w.chars().filter(char::is_ascii_digit).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The figure a drafted claim checks, as written in the draft: the length, speed or
/// duration it is about.
fn figure_of(kind: &ClaimKind) -> Option<String> {
    match kind {
        ClaimKind::Distance { value, .. }
        | ClaimKind::Speed { value, .. }
        | ClaimKind::Conversion { value } => Some(value.text.clone()),
        ClaimKind::DurationAtSpeed { duration, .. } | ClaimKind::Flight { duration, .. } => {
            Some(duration.text.clone())
        }
        ClaimKind::Timeline { duration, .. } => duration.as_ref().map(|d| d.text.clone()),
        ClaimKind::Saving {
            after,
            before,
            saved,
            ..
        } => after
            .as_ref()
            .or(before.as_ref())
            .or(saved.as_ref())
            .map(|d| d.text.clone()),
        _ => None,
    }
}

/// Whether a drafted claim's kind is the label's. The `saving` kind (a trip's time before and
/// after, the time saved) came after most labels were written, which give such a claim as
/// the closest kind the format had then: `timeline` (the article's arithmetic) or
/// `duration_at_speed` (the new time on the route). A drafted saving matches either.
fn same_kind(drafted: &str, labelled: &str) -> bool {
    drafted == labelled
        || (drafted == "saving" && matches!(labelled, "timeline" | "duration_at_speed"))
}

fn refutes(verdict: &str) -> bool {
    matches!(verdict, "off" | "contradicts")
}

/// Scores what the engine found in one article against its labels.
pub fn score(a: &Article, f: &Found) -> Score {
    let mut s = Score::default();
    let l = &a.label;
    // Places.
    let labelled: Vec<(&str, (f64, f64))> = l
        .places
        .iter()
        .filter_map(|p| lat_lon(&p.at).map(|at| (p.name.as_str(), at)))
        .collect();
    let mut places: Vec<&FoundPlace> = Vec::new();
    for p in &f.places {
        if !places.contains(&p) {
            places.push(p);
        }
    }
    s.places.found = places.len();
    s.places.labelled = labelled.len();
    for p in &places {
        let right = if p.line {
            l.areas
                .iter()
                .any(|ar| fold(&ar.name).contains(&fold(&p.name)))
        } else {
            labelled.iter().any(|(_, at)| km(p.at, *at) <= HIT_KM)
        };
        if right {
            s.places.right += 1;
        } else {
            let nearest = labelled
                .iter()
                .map(|(n, at)| (n.to_string(), km(p.at, *at)))
                .min_by(|x, y| x.1.total_cmp(&y.1));
            let name = fold(&p.name);
            let trap = l
                .not_places
                .iter()
                .find(|t| {
                    let t = fold(&t.text);
                    t.split(' ').any(|w| w.len() > 2 && name.contains(w))
                        || name.split(' ').any(|w| w.len() > 2 && t.contains(w))
                })
                .map(|t| format!("{:?} ({})", t.text, t.is));
            s.misses.push(Miss::WrongPlace {
                place: (*p).clone(),
                nearest,
                trap,
            });
        }
    }
    for (name, at) in &labelled {
        if places.iter().any(|p| !p.line && km(p.at, *at) <= HIT_KM) {
            s.places.hit += 1;
        } else {
            s.misses.push(Miss::MissedPlace {
                name: name.to_string(),
            });
        }
    }
    // Quantities: one found quantity per label, same dimension and value, overlapping the
    // words the label quotes.
    let close = |a: f64, b: f64| (a - b).abs() <= VALUE_TOLERANCE * a.abs().max(b.abs());
    let mut used = vec![false; f.quantities.len()];
    s.quantities.found = f.quantities.len();
    s.quantities.labelled = l.quantities.len();
    for q in &l.quantities {
        let Some((dim, (lo, hi))) = q.si() else {
            s.misses.push(Miss::MissedQuantity {
                text: q.text.clone(),
            });
            continue;
        };
        let spans = occurrences(&a.body, &q.text);
        let m = f.quantities.iter().enumerate().position(|(i, g)| {
            !used[i]
                && g.dim == dim
                && close(g.si.0, lo)
                && close(g.si.1, hi)
                && spans.iter().any(|&(b, e)| g.start < e && b < g.end)
        });
        match m {
            Some(i) => {
                used[i] = true;
                s.quantities.hit += 1;
                s.quantities.right += 1;
            }
            None => s.misses.push(Miss::MissedQuantity {
                text: q.text.clone(),
            }),
        }
    }
    for (g, u) in f.quantities.iter().zip(&used) {
        if !u {
            let text = a.body.get(g.start..g.end).unwrap_or("?").to_string();
            s.misses.push(Miss::SpuriousQuantity { text });
        }
    }
    // Claims: one drafted claim per label, same kind, from the sentence the label quotes.
    let mut used = vec![false; f.claims.len()];
    s.claims.found = f.claims.len();
    s.claims.labelled = l.claims.len();
    for c in &l.claims {
        let want = norm(&c.quote);
        let fits = |i: usize, g: &FoundClaim| {
            !used[i] && same_kind(&g.kind, &c.kind) && norm(&g.quote).contains(&want)
        };
        // Two figures of one sentence ("at 9,009 miles … longer than the 7,275-mile route"):
        // the label quoting one figure is matched to the claim of that figure, and never to
        // the claim of a figure its quote does not hold.
        let quoted = numbers(&c.quote);
        // A figure the draft rewrote ("2 hours 45 minutes" as "165 minutes") says nothing.
        let agrees = |g: &FoundClaim| {
            let own = g.figure.as_deref().map(numbers).unwrap_or_default();
            let sentence = numbers(&g.quote);
            let as_written = !own.is_empty() && own.iter().all(|n| sentence.contains(n));
            !as_written || quoted.is_empty() || own.iter().all(|n| quoted.contains(n))
        };
        let m = f
            .claims
            .iter()
            .enumerate()
            .position(|(i, g)| {
                fits(i, g)
                    && !quoted.is_empty()
                    && g.figure.as_deref().is_some_and(|t| {
                        let own = numbers(t);
                        !own.is_empty() && own.iter().all(|n| quoted.contains(n))
                    })
            })
            .or_else(|| {
                f.claims
                    .iter()
                    .enumerate()
                    .position(|(i, g)| fits(i, g) && agrees(g))
            });
        match m {
            Some(i) => {
                used[i] = true;
                s.claims.hit += 1;
                s.claims.right += 1;
                let got = f.claims[i].verdict.clone();
                s.verdicts.1 += 1;
                if got.as_deref() == Some(c.verdict.as_str()) {
                    s.verdicts.0 += 1;
                } else {
                    if got.as_deref().is_some_and(refutes) && !refutes(&c.verdict) {
                        s.false_refutations += 1;
                    }
                    s.misses.push(Miss::Verdict {
                        kind: c.kind.clone(),
                        quote: c.quote.clone(),
                        expected: c.verdict.clone(),
                        got,
                    });
                }
            }
            None => s.misses.push(Miss::MissedClaim {
                kind: c.kind.clone(),
                quote: c.quote.clone(),
            }),
        }
    }
    for (g, u) in f.claims.iter().zip(&used) {
        if !u {
            if g.verdict.as_deref().is_some_and(refutes) {
                s.false_refutations += 1;
            }
            s.misses.push(Miss::SpuriousClaim {
                kind: g.kind.clone(),
                quote: g.quote.clone(),
                verdict: g.verdict.clone(),
            });
        }
    }
    let (events, event_misses) = score_events(&l.events, &f.events);
    s.events = events;
    s.misses.extend(event_misses);
    if let Some(e) = &f.error {
        s.exit2 = true;
        s.misses.push(Miss::Exit2 { error: e.clone() });
    }
    s
}

/// The corpus's figures: sums over the articles (micro-averaged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    /// Articles scored.
    pub articles: usize,
    /// Places.
    pub places: Counts,
    /// Quantities.
    pub quantities: Counts,
    /// Claims.
    pub claims: Counts,
    /// Timeline events.
    pub events: Counts,
    /// Verdicts as expected, of claims matched.
    pub verdicts: (usize, usize),
    /// Claims refuted that should not be.
    pub false_refutations: usize,
    /// Articles on which `check --article` would exit 2.
    pub exit2: usize,
    /// Misses by kind, in first-seen order.
    pub misses: Vec<(&'static str, usize)>,
}

/// Sums the scores of the articles.
pub fn totals(scores: &[Score]) -> Totals {
    let mut t = Totals::default();
    for s in scores {
        t.articles += 1;
        t.places = t.places.add(s.places);
        t.quantities = t.quantities.add(s.quantities);
        t.claims = t.claims.add(s.claims);
        t.events = t.events.add(s.events);
        t.verdicts.0 += s.verdicts.0;
        t.verdicts.1 += s.verdicts.1;
        t.false_refutations += s.false_refutations;
        t.exit2 += usize::from(s.exit2);
        for m in &s.misses {
            match t.misses.iter_mut().find(|(k, _)| *k == m.kind()) {
                Some((_, n)) => *n += 1,
                None => t.misses.push((m.kind(), 1)),
            }
        }
    }
    t
}

/// One line of figures: "places P 0.41 (7/17) R 0.18 (3/17) · quantities ...".
pub fn line(places: Counts, quantities: Counts, claims: Counts) -> String {
    format!(
        "places P {:.2} ({}/{}) R {:.2} ({}/{}) · quantities P {:.2} R {:.2} F1 {:.2} ({}/{} found, {} labelled) · claims P {:.2} R {:.2} F1 {:.2} ({}/{} drafted, {} labelled)",
        places.precision(),
        places.right,
        places.found,
        places.recall(),
        places.hit,
        places.labelled,
        quantities.precision(),
        quantities.recall(),
        quantities.f1(),
        quantities.right,
        quantities.found,
        quantities.labelled,
        claims.precision(),
        claims.recall(),
        claims.f1(),
        claims.right,
        claims.found,
        claims.labelled,
    )
}
