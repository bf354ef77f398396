//! Figures in articles not written in English: numbers as the language writes them ("1.200"
//! and "6,5" in German, "9 288" in Russian, "viereinhalb", "seis horas y media", "тыс. км"),
//! unit words ("Stunden", "kilómetros", "godziny", "км/ч", "годин") and hedges ("knapp",
//! "casi", "ok.", "около"). Each figure is also written out in English ("6.5 hours"), the
//! form the draft story's claims carry and the story parser reads.

use super::language::Language;
use crate::story::Hedge;
use crate::units::{LengthUnit, Quantity, QuantityRange, SpeedUnit, TimeUnit, Unit};

/// A figure read in a language other than English.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure as parsed.
    pub quantity: Quantity,
    /// Bytes of the text it used.
    pub used: usize,
    /// The figure in English ("6.5 hours"), as a story file writes it.
    pub english: String,
}

use LengthUnit::{Foot, Kilometre, Metre, Mile, NauticalMile};
use SpeedUnit::{Kmh, Knot, Mph, Mps};
use TimeUnit::{Day, Hour, Minute, Second, Week};
use Unit::{Duration as D, Length as L, Speed as S};

/// Unit symbols every language writes.
const SYMBOLS: &[(&str, Unit)] = &[
    ("km/h", S(Kmh)),
    ("kmh", S(Kmh)),
    ("mph", S(Mph)),
    ("m/s", S(Mps)),
    ("km", L(Kilometre)),
    ("miles", L(Mile)),
    ("mile", L(Mile)),
    ("knots", S(Knot)),
    ("nmi", L(NauticalMile)),
    ("min", D(Minute)),
    ("ft", L(Foot)),
    ("m", L(Metre)),
    ("h", D(Hour)),
];

const GERMAN: &[(&str, Unit)] = &[
    ("kilometern pro stunde", S(Kmh)),
    ("kilometer pro stunde", S(Kmh)),
    ("stundenkilometern", S(Kmh)),
    ("stundenkilometer", S(Kmh)),
    ("km/std", S(Kmh)),
    ("seemeilen", L(NauticalMile)),
    ("seemeile", L(NauticalMile)),
    ("kilometern", L(Kilometre)),
    ("kilometers", L(Kilometre)),
    ("kilometer", L(Kilometre)),
    ("metern", L(Metre)),
    ("meter", L(Metre)),
    ("meilen", L(Mile)),
    ("meile", L(Mile)),
    ("knoten", S(Knot)),
    ("stunden", D(Hour)),
    ("stunde", D(Hour)),
    ("std.", D(Hour)),
    ("std", D(Hour)),
    ("minuten", D(Minute)),
    ("minute", D(Minute)),
    ("sekunden", D(Second)),
    ("tagen", D(Day)),
    ("tage", D(Day)),
    ("tag", D(Day)),
    ("wochen", D(Week)),
    ("woche", D(Week)),
];

const SPANISH: &[(&str, Unit)] = &[
    ("kilómetros por hora", S(Kmh)),
    ("kilometros por hora", S(Kmh)),
    ("kilómetros", L(Kilometre)),
    ("kilometros", L(Kilometre)),
    ("kilómetro", L(Kilometre)),
    ("kilometro", L(Kilometre)),
    ("metros", L(Metre)),
    ("metro", L(Metre)),
    ("millas náuticas", L(NauticalMile)),
    ("millas", L(Mile)),
    ("milla", L(Mile)),
    ("nudos", S(Knot)),
    ("horas", D(Hour)),
    ("hora", D(Hour)),
    ("minutos", D(Minute)),
    ("minuto", D(Minute)),
    ("segundos", D(Second)),
    ("días", D(Day)),
    ("dias", D(Day)),
    ("día", D(Day)),
    ("semanas", D(Week)),
    ("semana", D(Week)),
];

const PORTUGUESE: &[(&str, Unit)] = &[
    ("quilômetros por hora", S(Kmh)),
    ("quilómetros por hora", S(Kmh)),
    ("quilometros por hora", S(Kmh)),
    ("quilômetros", L(Kilometre)),
    ("quilómetros", L(Kilometre)),
    ("quilometros", L(Kilometre)),
    ("quilômetro", L(Kilometre)),
    ("quilómetro", L(Kilometre)),
    ("metros", L(Metre)),
    ("metro", L(Metre)),
    ("milhas náuticas", L(NauticalMile)),
    ("milhas", L(Mile)),
    ("milha", L(Mile)),
    ("nós", S(Knot)),
    ("horas", D(Hour)),
    ("hora", D(Hour)),
    ("minutos", D(Minute)),
    ("minuto", D(Minute)),
    ("segundos", D(Second)),
    ("dias", D(Day)),
    ("dia", D(Day)),
    ("semanas", D(Week)),
    ("semana", D(Week)),
];

const FRENCH: &[(&str, Unit)] = &[
    ("kilomètres par heure", S(Kmh)),
    ("kilomètres à l'heure", S(Kmh)),
    ("kilomètres à l’heure", S(Kmh)),
    ("kilomètres-heure", S(Kmh)),
    ("kilomètres", L(Kilometre)),
    ("kilomètre", L(Kilometre)),
    ("mètres", L(Metre)),
    ("mètre", L(Metre)),
    ("milles nautiques", L(NauticalMile)),
    ("milles", L(NauticalMile)),
    ("nœuds", S(Knot)),
    ("noeuds", S(Knot)),
    ("heures", D(Hour)),
    ("heure", D(Hour)),
    ("minutes", D(Minute)),
    ("minute", D(Minute)),
    ("secondes", D(Second)),
    ("jours", D(Day)),
    ("jour", D(Day)),
    ("semaines", D(Week)),
    ("semaine", D(Week)),
];

const POLISH: &[(&str, Unit)] = &[
    ("kilometrów na godzinę", S(Kmh)),
    ("km/godz.", S(Kmh)),
    ("km/godz", S(Kmh)),
    ("kilometrów", L(Kilometre)),
    ("kilometry", L(Kilometre)),
    ("kilometr", L(Kilometre)),
    ("metrów", L(Metre)),
    ("metry", L(Metre)),
    ("mil morskich", L(NauticalMile)),
    ("węzłów", S(Knot)),
    ("węzły", S(Knot)),
    ("godziny", D(Hour)),
    ("godzin", D(Hour)),
    ("godzinę", D(Hour)),
    ("godzina", D(Hour)),
    ("godz.", D(Hour)),
    ("minut", D(Minute)),
    ("minuty", D(Minute)),
    ("minutę", D(Minute)),
    ("sekund", D(Second)),
    ("dni", D(Day)),
    ("dzień", D(Day)),
    ("doby", D(Day)),
    ("tygodnie", D(Week)),
    ("tygodni", D(Week)),
    ("tydzień", D(Week)),
    ("mil", L(Mile)),
];

const RUSSIAN: &[(&str, Unit)] = &[
    ("километров в час", S(Kmh)),
    ("км в час", S(Kmh)),
    ("км/час", S(Kmh)),
    ("км/ч", S(Kmh)),
    ("километров", L(Kilometre)),
    ("километра", L(Kilometre)),
    ("километр", L(Kilometre)),
    ("км", L(Kilometre)),
    ("метров", L(Metre)),
    ("метра", L(Metre)),
    ("метр", L(Metre)),
    ("миль", L(Mile)),
    ("мили", L(Mile)),
    ("узлов", S(Knot)),
    ("узла", S(Knot)),
    ("часов", D(Hour)),
    ("часа", D(Hour)),
    ("час", D(Hour)),
    ("ч.", D(Hour)),
    ("ч", D(Hour)),
    ("минут", D(Minute)),
    ("минуты", D(Minute)),
    ("минуту", D(Minute)),
    ("мин.", D(Minute)),
    ("мин", D(Minute)),
    ("секунд", D(Second)),
    ("суток", D(Day)),
    ("сутки", D(Day)),
    ("дней", D(Day)),
    ("дня", D(Day)),
    ("день", D(Day)),
    ("недель", D(Week)),
    ("недели", D(Week)),
    ("неделю", D(Week)),
    ("м", L(Metre)),
];

const UKRAINIAN: &[(&str, Unit)] = &[
    ("кілометрів на годину", S(Kmh)),
    ("км/год", S(Kmh)),
    ("кілометрів", L(Kilometre)),
    ("кілометри", L(Kilometre)),
    ("кілометр", L(Kilometre)),
    ("км", L(Kilometre)),
    ("метрів", L(Metre)),
    ("метри", L(Metre)),
    ("миль", L(Mile)),
    ("вузлів", S(Knot)),
    ("годин", D(Hour)),
    ("години", D(Hour)),
    ("годину", D(Hour)),
    ("година", D(Hour)),
    ("год.", D(Hour)),
    ("хвилин", D(Minute)),
    ("хвилини", D(Minute)),
    ("хвилину", D(Minute)),
    ("хв", D(Minute)),
    ("секунд", D(Second)),
    ("діб", D(Day)),
    ("доби", D(Day)),
    ("днів", D(Day)),
    ("дні", D(Day)),
    ("день", D(Day)),
    ("тижнів", D(Week)),
    ("тижні", D(Week)),
    ("тиждень", D(Week)),
    ("м", L(Metre)),
];

/// Number words ("vier", "seis", "półtorej", "два").
fn number_words(lang: Language) -> &'static [(&'static str, f64)] {
    match lang {
        Language::English => &[],
        Language::German => &[
            ("anderthalb", 1.5),
            ("eineinhalb", 1.5),
            ("einer", 1.0),
            ("einem", 1.0),
            ("einen", 1.0),
            ("eine", 1.0),
            ("ein", 1.0),
            ("zwei", 2.0),
            ("drei", 3.0),
            ("vier", 4.0),
            ("fünf", 5.0),
            ("sechs", 6.0),
            ("sieben", 7.0),
            ("acht", 8.0),
            ("neun", 9.0),
            ("zehn", 10.0),
            ("elf", 11.0),
            ("zwölf", 12.0),
            ("zwanzig", 20.0),
            ("dreißig", 30.0),
            ("vierzig", 40.0),
            ("fünfzig", 50.0),
            ("hundert", 100.0),
            ("tausend", 1000.0),
        ],
        Language::Spanish => &[
            ("una", 1.0),
            ("uno", 1.0),
            ("un", 1.0),
            ("dos", 2.0),
            ("tres", 3.0),
            ("cuatro", 4.0),
            ("cinco", 5.0),
            ("seis", 6.0),
            ("siete", 7.0),
            ("ocho", 8.0),
            ("nueve", 9.0),
            ("diez", 10.0),
            ("once", 11.0),
            ("doce", 12.0),
            ("quince", 15.0),
            ("veinte", 20.0),
            ("treinta", 30.0),
            ("cuarenta", 40.0),
            ("cincuenta", 50.0),
            ("cien", 100.0),
            ("media", 0.5),
        ],
        Language::Portuguese => &[
            ("uma", 1.0),
            ("um", 1.0),
            ("dois", 2.0),
            ("duas", 2.0),
            ("três", 3.0),
            ("quatro", 4.0),
            ("cinco", 5.0),
            ("seis", 6.0),
            ("sete", 7.0),
            ("oito", 8.0),
            ("nove", 9.0),
            ("dez", 10.0),
            ("onze", 11.0),
            ("doze", 12.0),
            ("quinze", 15.0),
            ("vinte", 20.0),
            ("trinta", 30.0),
            ("quarenta", 40.0),
            ("cinquenta", 50.0),
            ("cem", 100.0),
            ("meia", 0.5),
        ],
        Language::French => &[
            ("une", 1.0),
            ("un", 1.0),
            ("deux", 2.0),
            ("trois", 3.0),
            ("quatre", 4.0),
            ("cinq", 5.0),
            ("six", 6.0),
            ("sept", 7.0),
            ("huit", 8.0),
            ("neuf", 9.0),
            ("dix", 10.0),
            ("onze", 11.0),
            ("douze", 12.0),
            ("quinze", 15.0),
            ("vingt", 20.0),
            ("trente", 30.0),
            ("quarante", 40.0),
            ("cinquante", 50.0),
            ("cent", 100.0),
        ],
        Language::Polish => &[
            ("półtorej", 1.5),
            ("półtora", 1.5),
            ("jeden", 1.0),
            ("jedna", 1.0),
            ("jedną", 1.0),
            ("dwa", 2.0),
            ("dwie", 2.0),
            ("trzy", 3.0),
            ("cztery", 4.0),
            ("pięć", 5.0),
            ("sześć", 6.0),
            ("siedem", 7.0),
            ("osiem", 8.0),
            ("dziewięć", 9.0),
            ("dziesięć", 10.0),
            ("dwanaście", 12.0),
            ("piętnaście", 15.0),
            ("dwadzieścia", 20.0),
            ("trzydzieści", 30.0),
            ("sto", 100.0),
            ("pół", 0.5),
        ],
        Language::Russian => &[
            ("полтора", 1.5),
            ("полторы", 1.5),
            ("один", 1.0),
            ("одна", 1.0),
            ("одну", 1.0),
            ("одни", 1.0),
            ("два", 2.0),
            ("две", 2.0),
            ("двое", 2.0),
            ("три", 3.0),
            ("трое", 3.0),
            ("четыре", 4.0),
            ("пять", 5.0),
            ("шесть", 6.0),
            ("семь", 7.0),
            ("восемь", 8.0),
            ("девять", 9.0),
            ("десять", 10.0),
            ("двенадцать", 12.0),
            ("пятнадцать", 15.0),
            ("двадцать", 20.0),
            ("тридцать", 30.0),
            ("сорок", 40.0),
            ("пятьдесят", 50.0),
            ("сто", 100.0),
        ],
        Language::Ukrainian => &[
            ("півтори", 1.5),
            ("півтора", 1.5),
            ("один", 1.0),
            ("одна", 1.0),
            ("одну", 1.0),
            ("два", 2.0),
            ("дві", 2.0),
            ("три", 3.0),
            ("чотири", 4.0),
            ("п'ять", 5.0),
            ("п’ять", 5.0),
            ("шість", 6.0),
            ("сім", 7.0),
            ("вісім", 8.0),
            ("дев'ять", 9.0),
            ("дев’ять", 9.0),
            ("десять", 10.0),
            ("дванадцять", 12.0),
            ("п'ятнадцять", 15.0),
            ("двадцять", 20.0),
            ("тридцять", 30.0),
            ("сорок", 40.0),
            ("сто", 100.0),
        ],
    }
}

/// "and a half" after a number word glued to it ("viereinhalb"), or after the unit
/// ("seis horas y media", "duas horas e meia", "два с половиной часа").
fn half_suffix(lang: Language) -> Option<&'static str> {
    match lang {
        Language::German => Some("einhalb"),
        _ => None,
    }
}

/// The conjunction joining a bigger and a smaller unit ("2 horas y 44 minutos").
fn conjunctions(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::English => &[],
        Language::German => &[" und ", " "],
        Language::Spanish => &[" y ", " "],
        Language::Portuguese => &[" e ", " "],
        Language::French => &[" et ", " "],
        Language::Polish => &[" i ", " "],
        Language::Russian => &[" и ", " "],
        Language::Ukrainian => &[" і ", " й ", " "],
    }
}

/// "… and a half" after the unit.
fn halves(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::Spanish => &[" y media", " y medio"],
        Language::Portuguese => &[" e meia", " e meio"],
        Language::French => &[" et demie", " et demi"],
        Language::German => &[" und eine halbe", " und ein halb"],
        _ => &[],
    }
}

/// Words multiplying the number before them ("1,5 тыс. км", "2 mil kilómetros").
fn multipliers(lang: Language) -> &'static [(&'static str, f64)] {
    match lang {
        Language::English => &[],
        Language::German => &[("tausend", 1000.0), ("tsd.", 1000.0), ("mio.", 1e6)],
        Language::Spanish | Language::Portuguese => &[("mil", 1000.0)],
        Language::French => &[("mille", 1000.0)],
        Language::Polish => &[("tys.", 1000.0), ("tysięcy", 1000.0), ("tysiące", 1000.0)],
        Language::Russian => &[
            ("тыс.", 1000.0),
            ("тысяч", 1000.0),
            ("тысячи", 1000.0),
            ("млн", 1e6),
        ],
        Language::Ukrainian => &[
            ("тис.", 1000.0),
            ("тисяч", 1000.0),
            ("тисячі", 1000.0),
            ("млн", 1e6),
        ],
    }
}

/// Hedge words before a figure, with what they mean.
fn hedges(lang: Language) -> &'static [(&'static str, Hedge)] {
    match lang {
        Language::English => &[],
        Language::German => &[
            ("knapp", Hedge::Nearly),
            ("fast", Hedge::Nearly),
            ("beinahe", Hedge::Nearly),
            ("etwa", Hedge::About),
            ("rund", Hedge::About),
            ("ca.", Hedge::About),
            ("circa", Hedge::About),
            ("ungefähr", Hedge::About),
            ("gut", Hedge::JustOver),
            ("bis zu", Hedge::AtMost),
            ("höchstens", Hedge::AtMost),
            ("weniger als", Hedge::AtMost),
            ("unter", Hedge::AtMost),
            ("mehr als", Hedge::AtLeast),
            ("mindestens", Hedge::AtLeast),
            ("über", Hedge::AtLeast),
        ],
        Language::Spanish => &[
            ("casi", Hedge::Nearly),
            ("cerca de", Hedge::About),
            ("unos", Hedge::About),
            ("unas", Hedge::About),
            ("aproximadamente", Hedge::About),
            ("alrededor de", Hedge::About),
            ("hasta", Hedge::AtMost),
            ("menos de", Hedge::AtMost),
            ("más de", Hedge::AtLeast),
            ("al menos", Hedge::AtLeast),
        ],
        Language::Portuguese => &[
            ("quase", Hedge::Nearly),
            ("cerca de", Hedge::About),
            ("aproximadamente", Hedge::About),
            ("uns", Hedge::About),
            ("umas", Hedge::About),
            ("até", Hedge::AtMost),
            ("menos de", Hedge::AtMost),
            ("mais de", Hedge::AtLeast),
            ("pelo menos", Hedge::AtLeast),
        ],
        Language::French => &[
            ("presque", Hedge::Nearly),
            ("près de", Hedge::Nearly),
            ("environ", Hedge::About),
            ("quelque", Hedge::About),
            ("jusqu'à", Hedge::AtMost),
            ("moins de", Hedge::AtMost),
            ("plus de", Hedge::AtLeast),
            ("au moins", Hedge::AtLeast),
        ],
        Language::Polish => &[
            ("prawie", Hedge::Nearly),
            ("niemal", Hedge::Nearly),
            ("około", Hedge::About),
            ("ok.", Hedge::About),
            ("blisko", Hedge::Nearly),
            ("ponad", Hedge::AtLeast),
            ("co najmniej", Hedge::AtLeast),
            ("mniej niż", Hedge::AtMost),
        ],
        Language::Russian => &[
            ("почти", Hedge::Nearly),
            ("около", Hedge::About),
            ("примерно", Hedge::About),
            ("порядка", Hedge::About),
            ("приблизительно", Hedge::About),
            ("более", Hedge::AtLeast),
            ("больше", Hedge::AtLeast),
            ("свыше", Hedge::AtLeast),
            ("не менее", Hedge::AtLeast),
            ("менее", Hedge::AtMost),
            ("не более", Hedge::AtMost),
        ],
        Language::Ukrainian => &[
            ("майже", Hedge::Nearly),
            ("близько", Hedge::About),
            ("приблизно", Hedge::About),
            ("понад", Hedge::AtLeast),
            ("більше", Hedge::AtLeast),
            ("щонайменше", Hedge::AtLeast),
            ("менше", Hedge::AtMost),
        ],
    }
}

fn units(lang: Language) -> &'static [(&'static str, Unit)] {
    match lang {
        Language::English => &[],
        Language::German => GERMAN,
        Language::Spanish => SPANISH,
        Language::Portuguese => PORTUGUESE,
        Language::French => FRENCH,
        Language::Polish => POLISH,
        Language::Russian => RUSSIAN,
        Language::Ukrainian => UKRAINIAN,
    }
}

/// Whether `t` starts with `word` (case-insensitive, letter by letter) ending at a word
/// boundary; returns the bytes it used.
fn starts_with_word(t: &str, word: &str) -> Option<usize> {
    let mut ti = t.char_indices();
    for wc in word.chars() {
        let (_, tc) = ti.next()?;
        if tc.to_lowercase().ne(wc.to_lowercase()) && !(wc == '\'' && tc == '\u{2019}') {
            return None;
        }
    }
    let used = ti.next().map_or(t.len(), |(i, _)| i);
    let boundary = word.ends_with('.')
        || word.ends_with('/')
        || t[used..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
    boundary.then_some(used)
}

/// The longest entry of `list` that `t` starts with, as a whole word.
fn longest<T: Copy>(t: &str, list: &[(&'static str, T)]) -> Option<(T, usize)> {
    list.iter()
        .filter_map(|(w, v)| starts_with_word(t, w).map(|n| (*v, n, w.len())))
        .max_by_key(|x| x.2)
        .map(|(v, n, _)| (v, n))
}

const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// A number as `lang` writes it in digits: groups of three after a space (or a dot where the
/// language groups with dots), then a decimal comma. A dot before three digits in a language
/// that does not group with dots is not read (the caller notes it as ambiguous).
fn digits(lang: Language, t: &str) -> Option<(f64, usize)> {
    let b = t.as_bytes();
    let run = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = run(0);
    if first == 0 {
        return None;
    }
    let mut s = t[..first].to_string();
    let mut i = first;
    if first <= 3 {
        loop {
            let rest = &t[i..];
            let sep = if lang.dot_groups() && rest.starts_with('.') {
                Some(1)
            } else {
                SPACES
                    .iter()
                    .find(|c| rest.starts_with(**c))
                    .map(|c| c.len_utf8())
            };
            let Some(sl) = sep else { break };
            if i + sl >= b.len() || run(i + sl) != 3 {
                break;
            }
            s.push_str(&t[i + sl..i + sl + 3]);
            i += sl + 3;
        }
    }
    let rest = &t[i..];
    if let Some(after) = rest.strip_prefix(',')
        && run(i + 1) > 0
    {
        let n = run(i + 1);
        s.push('.');
        s.push_str(&after[..n]);
        i += 1 + n;
    } else if let Some(after) = rest.strip_prefix('.')
        && run(i + 1) > 0
    {
        let n = run(i + 1);
        // "6.5" in a language that groups with dots would have been "6,5"; "1.200" in one
        // that does not is ambiguous: neither is read.
        if lang.dot_groups() || n == 3 {
            return None;
        }
        s.push('.');
        s.push_str(&after[..n]);
        i += 1 + n;
    }
    Some((s.parse().ok()?, i))
}

/// A number in digits or words, with a multiplier after it ("1,5 тыс.").
fn number(lang: Language, t: &str) -> Option<(f64, usize)> {
    let (mut v, mut i) = match digits(lang, t) {
        Some(x) => x,
        None => {
            let (v, n) = longest(t, number_words(lang)).or_else(|| glued_half(lang, t))?;
            (v, n)
        }
    };
    let rest = &t[i..];
    let gap = rest.len() - rest.trim_start_matches(SPACES).len();
    if gap > 0
        && let Some((k, n)) = longest(&rest[gap..], multipliers(lang))
    {
        v *= k;
        i += gap + n;
    }
    Some((v, i))
}

/// "viereinhalb", "zweieinhalb": a number word with "einhalb" glued on.
fn glued_half(lang: Language, t: &str) -> Option<(f64, usize)> {
    let suffix = half_suffix(lang)?;
    let word_end = t
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(t.len(), |(i, _)| i);
    let word = t[..word_end].to_lowercase();
    let head = word.strip_suffix(suffix)?;
    let (_, v) = number_words(lang).iter().find(|(w, _)| *w == head)?;
    Some((v + 0.5, word_end))
}

/// A number and its unit: "6,5 godziny", "1.200 km", "300 Kilometern pro Stunde".
fn value_unit(lang: Language, t: &str) -> Option<(QuantityRange, usize)> {
    let (lo, mut i) = number(lang, t)?;
    let mut hi = lo;
    for sep in ["-", "–", "—", " - ", " – ", " — "] {
        if let Some(after) = t[i..].strip_prefix(sep)
            && let Some((v, n)) = digits(lang, after)
            && v > lo
        {
            hi = v;
            i += sep.len() + n;
            break;
        }
    }
    let rest = &t[i..];
    let unit_at = rest.trim_start_matches(SPACES).trim_start_matches('-');
    i += rest.len() - unit_at.len();
    let (unit, n) = longest(unit_at, units(lang)).or_else(|| longest(unit_at, SYMBOLS))?;
    Some((QuantityRange { lo, hi, unit }, i + n))
}

/// Reads a figure at the start of `t` in `lang`, with a smaller unit after a bigger one
/// ("dos horas y 44 minutos", "7 ч 30 мин"), "and a half" ("seis horas y media") and a
/// conversion in parentheses.
/// Words joining the two ends of a range ("entre 200 et 400 km/h", "zwischen 200 und 300
/// km/h", "de 6 a 8 horas", "od 5 do 7 godzin", "от 5 до 7 часов").
const RANGE_WORDS: &[&str] = &[
    " et ", " und ", " bis ", " y ", " a ", " e ", " i ", " do ", " и ", " до ", " і ", " – ", "–",
    "-",
];

/// "200 et 400 kilomètres à l'heure": a number, a range word, and a figure with its unit.
fn range(lang: Language, t: &str) -> Option<(QuantityRange, usize)> {
    let (lo, n) = number(lang, t)?;
    let rest = &t[n..];
    let (w, after) = RANGE_WORDS
        .iter()
        .find_map(|w| rest.strip_prefix(w).map(|a| (w.len(), a)))?;
    let (hi, m) = value_unit(lang, after)?;
    (hi.lo == hi.hi && lo > 0.0 && lo < hi.lo).then_some((
        QuantityRange {
            lo,
            hi: hi.hi,
            unit: hi.unit,
        },
        n + w + m,
    ))
}

pub fn scan(lang: Language, t: &str) -> Option<Figure> {
    if lang == Language::English {
        return None;
    }
    let (mut q, mut used) = range(lang, t).or_else(|| value_unit(lang, t))?;
    if let Unit::Duration(big) = q.unit {
        let rest = &t[used..];
        if let Some(n) = halves(lang).iter().find_map(|h| starts_with_word(rest, h)) {
            q.lo += 0.5;
            q.hi += 0.5;
            used += n;
        } else if q.lo == q.hi
            && let Some((small, n)) = conjunctions(lang).iter().find_map(|c| {
                let after = rest.strip_prefix(c)?;
                let (s, n) = value_unit(lang, after)?;
                Some((s, c.len() + n))
            })
            && let Unit::Duration(su) = small.unit
            && su.seconds() < big.seconds()
            && small.lo == small.hi
        {
            let k = big.seconds() / su.seconds();
            q = QuantityRange {
                lo: q.lo * k + small.lo,
                hi: q.hi * k + small.lo,
                unit: small.unit,
            };
            used += n;
        }
    }
    let mut conversion = None;
    let rest = &t[used..];
    let trimmed = rest.trim_start();
    if let Some(inner) = trimmed.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && let Some((c, n)) = value_unit(lang, &inner[..close])
        && inner[n..close].trim().is_empty()
        && c.unit.dimension() == q.unit.dimension()
    {
        conversion = Some(c);
        used += rest.len() - trimmed.len() + 1 + close + 1;
    }
    if !(q.lo.is_finite() && q.hi.is_finite() && q.lo > 0.0 && q.hi >= q.lo) {
        return None;
    }
    let mut english = written(&q);
    if let Some(c) = &conversion {
        english.push_str(&format!(" ({})", written(c)));
    }
    Some(Figure {
        quantity: Quantity {
            value: q,
            conversion,
        },
        used,
        english,
    })
}

/// A value and unit in the words an English story file uses ("6.5 hours", "40-60 km/h").
pub(super) fn written(q: &QuantityRange) -> String {
    let unit = match q.unit {
        L(Kilometre) => "km",
        L(Metre) => "m",
        L(Mile) => "miles",
        L(NauticalMile) => "nautical miles",
        L(Foot) => "feet",
        S(Kmh) => "km/h",
        S(Mph) => "mph",
        S(Knot) => "knots",
        S(Mps) => "m/s",
        D(Second) => "seconds",
        D(Minute) => "minutes",
        D(Hour) => "hours",
        D(Day) => "days",
        D(Week) => "weeks",
    };
    if q.lo == q.hi {
        format!("{} {unit}", q.lo)
    } else {
        format!("{}-{} {unit}", q.lo, q.hi)
    }
}

/// The hedge ending at the end of `before` in `lang` ("… knapp", "… ok."), with the
/// English words for it.
pub fn hedge_before(lang: Language, before: &str) -> Option<(Hedge, &'static str)> {
    let b = before.trim_end_matches(SPACES);
    let lower = b.to_lowercase();
    let (_, h) = hedges(lang)
        .iter()
        .filter(|(w, _)| {
            lower.ends_with(w)
                && lower[..lower.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .max_by_key(|(w, _)| w.len())?;
    let words = match h {
        Hedge::Plain => "",
        Hedge::About => "about",
        Hedge::Nearly => "nearly",
        Hedge::JustOver => "just over",
        Hedge::AtLeast => "at least",
        Hedge::AtMost => "up to",
        Hedge::Exactly => "exactly",
    };
    Some((*h, words))
}

/// Whether the word at the start of `t` can start a figure in `lang` (a digit or a number
/// word), so that scanning need not try every word.
pub fn may_start(lang: Language, t: &str) -> bool {
    let Some(c) = t.chars().next() else {
        return false;
    };
    c.is_ascii_digit() || longest(t, number_words(lang)).is_some() || glued_half(lang, t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lang: Language, t: &str) -> (String, &str) {
        let f = scan(lang, t).unwrap_or_else(|| panic!("nothing read in {t:?}"));
        (f.english, &t[..f.used])
    }

    #[test]
    fn thousands_and_decimals_as_each_language_writes_them() {
        assert_eq!(
            read(Language::German, "1.200 km lang"),
            ("1200 km".into(), "1.200 km")
        );
        assert_eq!(
            read(Language::Spanish, "1.200,5 kilómetros"),
            ("1200.5 km".into(), "1.200,5 kilómetros")
        );
        assert_eq!(read(Language::German, "1,5 Stunden").0, "1.5 hours");
        assert_eq!(read(Language::Polish, "6,5 godziny").0, "6.5 hours");
        assert_eq!(read(Language::Ukrainian, "6,5 годин").0, "6.5 hours");
        assert_eq!(read(Language::Russian, "9 288 км").0, "9288 km");
        assert_eq!(read(Language::Russian, "9\u{a0}288 км").0, "9288 km");
        assert_eq!(read(Language::Russian, "1,5 тыс. км").0, "1500 km");
        assert_eq!(read(Language::Ukrainian, "2 тис. км").0, "2000 km");
        // A dot before three digits in Russian copy could be either: not read.
        assert!(scan(Language::Russian, "1.200 км").is_none());
        // English is the units parser's business.
        assert!(scan(Language::English, "1,200 km").is_none());
    }

    #[test]
    fn unit_words_and_number_words() {
        assert_eq!(
            read(Language::German, "300 Kilometern pro Stunde unterwegs").0,
            "300 km/h"
        );
        assert_eq!(read(Language::German, "viereinhalb Stunden").0, "4.5 hours");
        assert_eq!(read(Language::German, "vier Stunden").0, "4 hours");
        assert_eq!(read(Language::German, "90 Minuten").0, "90 minutes");
        assert_eq!(read(Language::Spanish, "seis horas y media").0, "6.5 hours");
        assert_eq!(
            read(Language::Spanish, "dos horas y 44 minutos"),
            ("164 minutes".into(), "dos horas y 44 minutos")
        );
        assert_eq!(read(Language::Spanish, "una hora menos").0, "1 hours");
        assert_eq!(read(Language::Portuguese, "190 quilômetros").0, "190 km");
        assert_eq!(read(Language::Russian, "120 км/ч").0, "120 km/h");
        assert_eq!(read(Language::Russian, "семь суток").0, "7 days");
        assert_eq!(read(Language::Russian, "7 ч 30 мин").0, "450 minutes");
        assert_eq!(read(Language::Ukrainian, "два тижні").0, "2 weeks");
        assert_eq!(read(Language::Polish, "160 km/h").0, "160 km/h");
        assert_eq!(read(Language::French, "deux heures").0, "2 hours");
        // A number without a unit is no figure; nor is a word that only looks like one.
        assert!(scan(Language::German, "vier Ministerpräsidenten").is_none());
        assert!(scan(Language::Spanish, "una ciudad").is_none());
    }

    #[test]
    fn hedges_in_other_languages() {
        assert_eq!(
            hedge_before(Language::German, "In knapp "),
            Some((Hedge::Nearly, "nearly"))
        );
        assert_eq!(
            hedge_before(Language::Polish, "w drodze ok. "),
            Some((Hedge::About, "about"))
        );
        assert_eq!(
            hedge_before(Language::German, "mit bis zu "),
            Some((Hedge::AtMost, "up to"))
        );
        assert_eq!(
            hedge_before(Language::Russian, "поезд идёт около "),
            Some((Hedge::About, "about"))
        );
        assert_eq!(hedge_before(Language::German, "Rundfahrt "), None);
        assert_eq!(
            hedge_before(Language::Spanish, "las casi"),
            Some((Hedge::Nearly, "nearly"))
        );
    }

    #[test]
    fn ranges_are_read_with_their_unit() {
        assert_eq!(
            read(Language::French, "200 et 400 kilomètres à l'heure."),
            ("200-400 km/h".into(), "200 et 400 kilomètres à l'heure")
        );
        assert_eq!(read(Language::Spanish, "siete y ocho horas").0, "7-8 hours");
        assert_eq!(read(Language::German, "200 bis 300 km/h").0, "200-300 km/h");
        // A lone figure is still a figure, and a bigger first end is no range.
        assert_eq!(
            read(Language::French, "400 kilomètres à l'heure").0,
            "400 km/h"
        );
        assert!(scan(Language::German, "300 bis 200 km").is_none());
    }
}
