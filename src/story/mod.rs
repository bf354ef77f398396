//! The story file: a travel story's waypoints, legs, timeline and claims, in TOML.
//!
//! The format is documented in `data/stories/README.md`. Parsing checks everything it can
//! without the gazetteer (fields, units, times, references between waypoints, legs, events and
//! claims) and reports problems with the file, line and column and what to write instead.
//!
//! ```
//! let text = r#"
//! [story]
//! title = "A short hop"
//! [[waypoints]]
//! id = "a"
//! place = "Pyongyang"
//! [[waypoints]]
//! id = "b"
//! at = "43.1155, 131.8855"
//! name = "Vladivostok"
//! [[legs]]
//! from = "a"
//! to = "b"
//! mode = "air"
//! "#;
//! let story = routecheck::story::Story::parse(text, "hop.toml").unwrap();
//! assert_eq!(story.legs.len(), 1);
//! ```

mod airport;
mod assemble;
mod claim;
mod claim_validate;
mod error;
mod events;
mod hedge;
pub mod limits;
mod raw;
mod stated_mode;
mod time_idiom;
mod validate;

use std::path::Path;
use std::time::Duration;

pub use airport::AirportChoice;
pub(crate) use claim::parse_date;
pub use claim::{Amount, ClaimKind, ClaimSpec, DistanceMeasure, IntervalAmount, KINDS, TimeUnit};
pub use claim_validate::{Error as ClaimError, validate as validate_claim};
pub use error::Error;
pub use hedge::Hedge;
pub use stated_mode::{StatedMode, sole_stated_mode, stated_modes};
pub use time_idiom::{DayRelation, ZoneOffset};

use crate::coord::LatLon;
use crate::gazetteer::PlaceKind;
use crate::units::Speed;

/// The largest story file [`Story::load`] reads. Story files are short; this only keeps a
/// mistaken argument (an article, a disk image, `/dev/zero`) from filling the memory.
pub const MAX_STORY_BYTES: u64 = 8 << 20;

/// A parsed, validated story.
#[derive(Debug, Clone)]
pub struct Story {
    /// Where it was read from (for messages and `--sources`).
    pub path: String,
    /// The `[story]` table: id, title and the articles the claims come from.
    pub meta: Meta,
    /// The `[[waypoints]]`, in file order.
    pub waypoints: Vec<Waypoint>,
    /// The `[[legs]]`, in file order (the order of travel).
    pub legs: Vec<LegSpec>,
    /// The `[[events]]` of the timeline, in file order.
    pub events: Vec<Event>,
    /// The `[[claims]]` to check, in file order.
    pub claims: Vec<ClaimSpec>,
}

/// What the story is about.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Meta {
    /// A short id used to name output files ("kim-train-2023-09"); defaults to the file stem.
    pub id: String,
    /// The story's headline, printed above reports and maps.
    pub title: String,
    /// A second line under the title (dates, outlets), if the story gives one.
    pub subtitle: Option<String>,
    /// The articles the claims come from.
    pub sources: Vec<Article>,
}

/// One article the story draws on.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The news organisation ("AP", "Reuters"), as claims name it in their `outlet`.
    pub outlet: String,
    /// The article's headline.
    pub title: Option<String>,
    /// The publication date as the story file writes it ("2023-09-12").
    pub date: Option<String>,
    /// Where the article can be read.
    pub url: Option<String>,
}

/// A named point of the story: a gazetteer query or explicit coordinates.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Waypoint {
    /// The key legs, events and claims use to refer to it.
    pub id: String,
    /// How to find it: a gazetteer query ("Khasan", "Tumangang station").
    pub place: Option<String>,
    /// Explicit position (used instead of the gazetteer when given).
    pub at: Option<LatLon>,
    /// Display name (defaults to the gazetteer's name or the id).
    pub name: Option<String>,
    /// Only accept gazetteer places in this country (ISO 3166-1 alpha-2 code, "RU").
    pub country: Option<String>,
    /// Only accept gazetteer places of this kind (a station rather than the town).
    pub kind: Option<PlaceKind>,
    /// Air legs start or end at this airport rather than at the place's point (`airport`).
    pub airport: Option<AirportChoice>,
    /// 1-based line in the story file, for messages; 0 for a story built in memory
    /// ([`Story::from_parts`]).
    pub line: usize,
}

/// How a leg travels.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// By railway: on the railways' own distances where line tables cover it.
    Rail,
    /// By air: the geodesic.
    Air,
    /// By road: measured as the geodesic through the waypoints (no road network yet).
    Road,
    /// A straight (geodesic) line, for "as the crow flies".
    Direct,
}

impl Mode {
    /// The mode as story files and JSON write it: "rail", "air", "road" or "direct".
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Rail => "rail",
            Mode::Air => "air",
            Mode::Road => "road",
            Mode::Direct => "direct",
        }
    }
}

/// A leg between two waypoints.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LegSpec {
    /// The id of the waypoint the leg starts at.
    pub from: String,
    /// The id of the waypoint the leg ends at.
    pub to: String,
    /// Waypoints the leg passes through, in order (for routing; they get km marks too).
    pub via: Vec<String>,
    /// How the leg travels, which decides how it is measured.
    pub mode: Mode,
    /// Speed or range of speeds the story assumes for this leg.
    pub speed: Option<(Speed, Speed)>,
    /// Time stopped at the end of this leg (e.g. a gauge change).
    pub dwell: Option<Duration>,
    /// 1-based line in the story file; 0 for a story built in memory.
    pub line: usize,
}

/// A timeline event: something that happened at a waypoint within a local-time window.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Event {
    /// The key claims use to refer to the event.
    pub id: String,
    /// Waypoint id.
    pub at: String,
    /// What happened, in words ("crossed into Russia").
    pub what: String,
    /// The start of the local civil time window in which it happened, in the zone `tz` (or the
    /// waypoint's zone).
    pub earliest: jiff::civil::DateTime,
    /// The end of the window, in the same zone as `earliest`.
    pub latest: jiff::civil::DateTime,
    /// IANA zone; when absent, the waypoint's place zone is used.
    pub tz: Option<String>,
    /// Where the time comes from (an outlet or a quote), if the story says.
    pub source: Option<String>,
    /// 1-based line in the story file; 0 for a story built in memory.
    pub line: usize,
}

/// A file-name-safe form of any text: ASCII letters, digits, '-' and '_' kept, every other run
/// of characters one '-', at most 80 characters; "output" if nothing is left.
///
/// ```
/// assert_eq!(routecheck::story::slug("my trip (v2).gpx"), "my-trip-v2-gpx");
/// assert_eq!(routecheck::story::slug("Пхеньян"), "output");
/// ```
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 80 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "output".to_string()
    } else {
        out.to_string()
    }
}

/// A file name for a story or track named `text` (a file stem): like [`slug`], but other
/// scripts are transliterated first, so that "Москва" and "Київ" give "Moskva" and "Kyiv"
/// rather than both "output"; text with nothing to transliterate gets "output-" and a checksum
/// of the text, still one name per text.
///
/// ```
/// use routecheck::story::file_slug;
/// assert_eq!(file_slug("Пхеньян"), "Pkhen-ian");
/// assert_eq!(file_slug("平壤 2023"), "Ping-Rang-2023");
/// assert_eq!(file_slug("my trip (v2)"), "my-trip-v2");
/// assert_ne!(file_slug("☃"), file_slug("☄"));
/// ```
pub fn file_slug(text: &str) -> String {
    let s = slug(&deunicode::deunicode(text));
    if s != "output" || text.trim().is_empty() {
        return s;
    }
    // FNV-1a 32-bit of the original text: a stable, short, distinct suffix.
    let mut h: u32 = 0x811c9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x01000193);
    }
    format!("output-{h:08x}")
}

/// Whether `bytes` look like UTF-16 text, and which kind: a byte-order mark, or (without one)
/// a NUL byte in most odd (little-endian) or even (big-endian) positions of the first 4 KiB,
/// as ASCII text in UTF-16 has and UTF-8 text never does (TOML allows no NUL byte at all).
fn utf16_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe]) {
        return Some("little-endian, with a byte-order mark");
    }
    if bytes.starts_with(&[0xfe, 0xff]) {
        return Some("big-endian, with a byte-order mark");
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros_at = |parity: usize| {
        (head.iter().skip(parity).step_by(2))
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let most = |n: usize| n * 10 >= pairs * 6;
    let few = |n: usize| n * 10 <= pairs;
    if most(odd) && few(even) {
        Some("little-endian, without a byte-order mark")
    } else if most(even) && few(odd) {
        Some("big-endian, without a byte-order mark")
    } else {
        None
    }
}

impl Story {
    /// Reads and validates a story file of at most [`MAX_STORY_BYTES`].
    pub fn load(path: &Path) -> Result<Story, Error> {
        use std::io::Read;
        let display = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::io(&display, &e))?;
        // Read no more than the limit (plus one byte to notice): `check /dev/zero` or a
        // 50 MB article must not fill the memory.
        let mut bytes = Vec::new();
        file.take(MAX_STORY_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(&display, &e))?;
        if bytes.len() as u64 > MAX_STORY_BYTES {
            return Err(Error::TooLarge {
                path: display,
                limit_mib: MAX_STORY_BYTES >> 20,
            });
        }
        if let Some(encoding) = utf16_encoding(&bytes) {
            return Err(Error::Utf16 {
                path: display,
                encoding,
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            path: display.clone(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Story::parse(&text, &display)
    }

    /// Parses and validates story text; `path` is used in messages.
    pub fn parse(text: &str, path: &str) -> Result<Story, Error> {
        let raw: raw::RawStory =
            toml::from_str(text).map_err(|e| Error::from_toml(path, text, &e))?;
        validate::validate(raw, text, path)
    }

    /// The waypoint with this id, if the story has one.
    pub fn waypoint(&self, id: &str) -> Option<&Waypoint> {
        self.waypoints.iter().find(|w| w.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 19, item 9: UTF-16 without a byte-order mark was read as TOML ("key with no
    /// value"); both byte orders are named, and UTF-8 text (even with a stray NUL) is not.
    #[test]
    fn regression_issue_19_utf16_without_a_bom_is_named() {
        let text = "[story]\ntitle = \"A hop\"\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            utf16_encoding(&le),
            Some("little-endian, without a byte-order mark")
        );
        assert_eq!(
            utf16_encoding(&be),
            Some("big-endian, without a byte-order mark")
        );
        assert_eq!(utf16_encoding(text.as_bytes()), None);
        assert_eq!(utf16_encoding(b"title = \"a\0b\"\n[story]\n"), None);
        assert_eq!(utf16_encoding(b""), None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        std::fs::write(&path, &be).unwrap();
        let e = Story::load(&path).unwrap_err().to_string();
        assert!(
            e.ends_with("is not UTF-8 text: it is UTF-16 (big-endian, without a byte-order mark)"),
            "{e}"
        );
    }
}
