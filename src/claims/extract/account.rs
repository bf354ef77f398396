//! The article's own clock account of a trip as a `timeline` claim: a departure event
//! ("departed Ibadan at 8:00 am") and the last arrival after it ("arrived at Ebute Meta around
//! 10:40 am") are the trip's elapsed time, checked against the duration the article states
//! for that trip ("Each leg of the journey lasts 2 hours 40 minutes", "20 hours after the
//! departure from Tokyo"), or, when it states none, drafted for the average speed it implies.
//!
//! A departure is paired with the latest arrival at another place that follows it with no
//! other departure in between (a new leg) and within a fortnight; the same pair read twice
//! (a timetable and the day's account) is one claim.

use super::classify::amount;
use super::{Extraction, Language, collapse, quantities_in, slug};
use crate::story::{ClaimKind, ClaimSpec, Event};

/// How an event's wording ([`super::timeline`]'s `what`) places it in a trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Departure,
    Arrival,
}

const DEPARTURES: &[&str] = &[
    "took off from",
    "set off from",
    "set out from",
    "pulled out of",
    "departed",
    "departs",
    "left",
    "leaves",
];
const ARRIVALS: &[&str] = &[
    "pulled into",
    "arrived at",
    "arrives at",
    "landed at",
    "reached",
    "reaches",
];

fn role(e: &Event) -> Option<Role> {
    let starts = |ws: &[&str]| ws.iter().any(|w| e.what.starts_with(&format!("{w} ")));
    if starts(DEPARTURES) {
        Some(Role::Departure)
    } else if starts(ARRIVALS) {
        Some(Role::Arrival)
    } else {
        None
    }
}

/// The longest trip an account is read across.
const LONGEST_DAYS: i32 = 14;

/// Words saying a duration is another trip's, not the one the clock times tell: a usual,
/// former or planned time.
const OTHER_TRIP: &[&str] = &[
    "usual",
    "normally",
    "current",
    "used to",
    "previous",
    "instead of",
    "compared",
    "will ",
    "would ",
    "solía",
    "habitual",
    "antes",
    "normalmente",
];

/// Whether a duration, with the words of its sentence `before` and `after` it, is the time
/// elapsed on the trip: "20 hours after the departure", "16 hours later", "after being at
/// sea for eight days" (the clause it ends opens with "after"), not a delay or a wait.
fn elapsed(before: &str, after: &str) -> bool {
    let next = after.trim_start().to_lowercase();
    if next.starts_with("after") || next.starts_with("later") {
        return true;
    }
    let clause = before
        .rsplit([',', ';', '(', '—', '–'])
        .next()
        .unwrap_or_default()
        .trim_start()
        .to_lowercase();
    (clause.starts_with("after ") || clause.contains(" after "))
        && !["delay", "wait", "late", "stop", "halt"]
            .iter()
            .any(|w| clause.contains(w))
}

/// The (departure, arrival) index pairs among `events`.
fn pairs(events: &[Event]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, d) in events.iter().enumerate() {
        if role(d) != Some(Role::Departure) {
            continue;
        }
        let new_leg = |a: &Event| {
            events.iter().any(|o| {
                role(o) == Some(Role::Departure) && o.earliest > d.latest && o.earliest < a.earliest
            })
        };
        let arrival = events
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                role(a) == Some(Role::Arrival)
                    && a.at != d.at
                    && a.earliest > d.latest
                    && (a.earliest.date() - d.latest.date()).get_days() <= LONGEST_DAYS
                    && !new_leg(a)
            })
            .max_by_key(|(_, a)| a.earliest)
            .map(|(j, _)| j);
        if let Some(j) = arrival {
            let same = |&(pi, pj): &(usize, usize)| {
                pj == j
                    && events[pi].at == d.at
                    && events[pi].earliest == d.earliest
                    && events[pi].latest == d.latest
            };
            if !out.iter().any(same) {
                out.push((i, j));
            }
        }
    }
    out
}

/// Words after a duration that count it from the trip's departure ("20 hours after the
/// departure from Tokyo"), whatever the event it is said with.
const FROM_DEPARTURE: &[&str] = &[
    "after the departure",
    "after departure",
    "after departing",
    "after leaving",
    "after it left",
    "after setting off",
    "after setting out",
    "after take-off",
    "after takeoff",
    "after taking off",
];

/// Events whose sentence counts a duration from the departure ("docked by 5:40 am, 20 hours
/// after the departure from Tokyo"), each with the last departure before it: the trip may
/// end where it began (a ship towed back), so neither its place nor its wording need be an
/// arrival's. Events already paired are left out.
fn since_departure(
    text: &str,
    lang: Language,
    events: &[Event],
    spans: &[(usize, usize)],
    paired: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (k, e) in events.iter().enumerate() {
        if role(e) == Some(Role::Departure) || paired.iter().any(|&(_, j)| j == k) {
            continue;
        }
        let (s, end) = spans[k];
        let counted = quantities_in(lang, text, s, end).iter().any(|f| {
            let next = text[f.end..end].trim_start().to_lowercase();
            f.quantity.dimension() == crate::units::Dimension::Duration
                && FROM_DEPARTURE.iter().any(|w| next.starts_with(w))
        });
        if !counted {
            continue;
        }
        let departure = events
            .iter()
            .enumerate()
            .filter(|(_, d)| role(d) == Some(Role::Departure) && d.latest < e.earliest)
            .max_by_key(|(_, d)| d.latest)
            .map(|(i, _)| i);
        if let Some(i) = departure {
            out.push((i, k));
        }
    }
    out
}

/// Whether a drafted claim is a trip's duration with no speed stated (the bound
/// [`super::trip::speed_bound`] drafts, "1–350 km/h"), between the places it names.
fn trip_duration(c: &ClaimSpec) -> Option<(&str, &str)> {
    match &c.kind {
        ClaimKind::DurationAtSpeed {
            distance: None,
            from: Some(from),
            to: Some(to),
            speed,
            ..
        } if speed.text.starts_with("1–") => Some((from, to)),
        _ => None,
    }
}

/// Adds the timeline claims of one article: `events` and `claims` are where its events and
/// claims begin in `x`; `spans` holds each of its events' sentence (byte range in `text`, an
/// article in `lang`).
pub(super) fn clock_claims(
    x: &mut Extraction,
    (text, lang): (&str, Language),
    outlet: &str,
    (events, claims): (usize, usize),
    spans: &[(usize, usize)],
) {
    let own = &x.events[events..];
    if own.len() != spans.len() {
        return;
    }
    let mut found = pairs(own);
    found.extend(since_departure(text, lang, own, spans, &found));
    let prefix = match slug(outlet) {
        p if p.is_empty() => "claim".to_string(),
        p => p,
    };
    let mut drafted: Vec<(ClaimSpec, Option<String>)> = Vec::new();
    for &(i, j) in &found {
        let (d, a) = (&own[i], &own[j]);
        // A duration said with the arrival or departure as elapsed since the other.
        let said = [spans[j], spans[i]].into_iter().find_map(|(s, e)| {
            quantities_in(lang, text, s, e).into_iter().find_map(|f| {
                let d = amount(text, &f, true)?;
                (elapsed(&text[s..f.start], &text[f.end..e])
                    && d.quantity.dimension() == crate::units::Dimension::Duration)
                    .then_some((d, (s, e)))
            })
        });
        // Else the article's one trip duration between either end of the account, when the
        // article tells one trip by the clock and does not give it as another trip's time.
        let stated = said
            .map(|(d, span)| (d, collapse(&text[span.0..span.1]), None))
            .or_else(|| {
                if found.len() != 1 {
                    return None;
                }
                let mut trips = x.claims[claims..].iter().filter(|c| {
                    trip_duration(c)
                        .is_some_and(|(f, t)| [f, t].iter().any(|p| *p == d.at || *p == a.at))
                });
                let c = trips.next()?;
                let lower = c.quote.to_lowercase();
                if trips.next().is_some() || OTHER_TRIP.iter().any(|w| lower.contains(w)) {
                    return None;
                }
                match &c.kind {
                    ClaimKind::DurationAtSpeed { duration, .. } => {
                        Some((duration.clone(), c.quote.clone(), Some(c.id.clone())))
                    }
                    _ => None,
                }
            });
        let (duration, quote, by) = match stated {
            Some((dur, quote, by)) => (Some(dur), quote, by),
            None => (None, collapse(&text[spans[j].0..spans[j].1]), None),
        };
        let claim = ClaimSpec {
            id: String::new(),
            outlet: outlet.to_string(),
            quote,
            topic: None,
            kind: ClaimKind::Timeline {
                from_event: d.id.clone(),
                to_event: a.id.clone(),
                duration,
                when: None,
            },
        };
        drafted.push((claim, by));
    }
    // A trip duration the account checks is replaced by the timeline claim, in its place.
    for (mut c, by) in drafted {
        let mut n = x
            .claims
            .iter()
            .filter(|c| c.id.starts_with(&prefix))
            .count();
        loop {
            n += 1;
            let id = format!("{prefix}-timeline-{n}");
            if !x.claims.iter().any(|o| o.id == id) {
                c.id = id;
                break;
            }
        }
        match by.and_then(|id| x.claims.iter().position(|o| o.id == id)) {
            Some(k) => {
                x.trip_claims.retain(|t| *t != x.claims[k].id);
                x.claims[k] = c;
            }
            None => x.claims.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::wire_article;
    use crate::story::ClaimKind;

    fn timelines(text: &str) -> Vec<(String, Option<String>, String)> {
        wire_article(text)
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Timeline {
                    from_event,
                    to_event,
                    duration,
                    ..
                } => Some((
                    format!("{from_event} → {to_event}"),
                    duration.as_ref().map(|d| d.text.clone()),
                    c.quote.clone(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_trip_duration_is_checked_against_the_articles_clock_account() {
        let text = "The train from London to Edinburgh takes 4 hours 20 minutes. \
            Today, the train left London at 8:00 am. It reached Edinburgh at 12:20 pm.";
        let got = timelines(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "left-london → reached-edinburgh");
        assert_eq!(got[0].1.as_deref(), Some("260 minutes"));
        assert!(got[0].2.starts_with("The train from London"));
        // The trip duration is not drafted a second time on its own.
        let x = wire_article(text);
        assert!(
            !x.claims
                .iter()
                .any(|c| c.kind.name() == "duration_at_speed"),
            "{:?}",
            x.claims
        );
        x.to_story("t", "t.toml").unwrap();
    }

    #[test]
    fn a_usual_time_is_another_trips_and_leaves_the_account_without_a_figure() {
        let got = timelines(
            "The train from London to Edinburgh usually takes 4 hours 20 minutes. \
             Today, the train left London at 8:00 am. It reached Edinburgh at 1:20 pm.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, None);
        assert!(got[0].2.starts_with("It reached Edinburgh"));
    }

    #[test]
    fn a_duration_said_as_elapsed_beside_the_arrival_is_the_figure() {
        let got = timelines(
            "Today, the train left London at 8:00 am. \
             It reached Edinburgh at 1:20 pm, five hours after the departure from London.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("five hours"));
        // A delay is no elapsed time.
        let got = timelines(
            "Today, the train left London at 8:00 am. \
             It reached Edinburgh at 1:20 pm after a delay of 40 minutes.",
        );
        assert_eq!(got[0].1, None, "{got:?}");
    }

    #[test]
    fn no_account_without_an_arrival_at_another_place_after_the_departure() {
        // An arrival before the departure, at the same place, or after a new departure.
        assert!(
            timelines("Today, the train reached Edinburgh at 7:00 am. It left London at 8:00 am.")
                .is_empty()
        );
        assert!(
            timelines("Today, the train left London at 8:00 am. It reached London at 9:00 am.")
                .is_empty()
        );
        assert_eq!(
            timelines(
                "Today, the train left London at 8:00 am. It reached Edinburgh at 1:00 pm. \
                 It left Edinburgh at 2:00 pm."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_duration_counted_from_the_departure_pairs_a_return_to_the_same_place() {
        let got = timelines(
            "Today, the ship departed London at 7:45 am. \
             It was back at the dock in London by around 5:40 pm, ten hours after the departure from London.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "departed-london → at-london");
        assert_eq!(got[0].1.as_deref(), Some("ten hours"));
        // Without the words that count it from the departure, no claim.
        assert!(
            timelines(
                "Today, the ship departed London at 7:45 am. \
                 It was back at the dock in London by around 5:40 pm, ten hours late."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_elapsed_clause_opens_with_after() {
        assert!(super::elapsed("After being at sea for ", " on a trip"));
        assert!(super::elapsed("It docked ", " later."));
        assert!(!super::elapsed("It docked, ", " behind schedule"));
        assert!(!super::elapsed("It docked after a wait of ", "."));
    }
}
