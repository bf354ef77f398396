//! The travel words of the other languages the extractor reads: the word before a place that
//! makes it where a trip starts ("von Wien aus", "desde Madrid", "de Paris à Lyon", "из
//! Москвы в"), passes ("über Brno", "через") or heads ("nach Berlin", "hasta", "vers",
//! "до"); which of them are prepositions that count only near a word of travel; and the
//! beginnings of those words of travel ("Zug", "tren", "trajet", "поезд").

use super::Language;
use super::journey::Role;

/// The cues of `lang` (besides the English ones, which every article may use).
pub(super) fn cues_in(lang: Language) -> &'static [(&'static str, Role)] {
    use Role::{Head, Pass, Start};
    match lang {
        Language::English => &[],
        Language::German => &[
            ("von", Start),
            ("ab", Start),
            ("aus", Start),
            ("zwischen", Start),
            ("über", Pass),
            ("durch", Pass),
            ("nach", Head),
            ("bis", Head),
            ("richtung", Head),
        ],
        Language::Spanish => &[
            ("desde", Start),
            ("de", Start),
            ("entre", Start),
            ("salió", Start),
            ("partió", Start),
            ("por", Pass),
            ("llegó", Pass),
            ("llegar", Pass),
            ("hasta", Head),
            ("hacia", Head),
            ("a", Head),
            ("para", Head),
        ],
        Language::Portuguese => &[
            ("desde", Start),
            ("de", Start),
            ("do", Start),
            ("da", Start),
            ("entre", Start),
            ("partiu", Start),
            ("por", Pass),
            ("pelo", Pass),
            ("pela", Pass),
            ("chegou", Pass),
            ("até", Head),
            ("para", Head),
            ("rumo", Head),
            ("a", Head),
            ("ao", Head),
        ],
        Language::French => &[
            ("depuis", Start),
            ("de", Start),
            ("du", Start),
            ("entre", Start),
            ("relie", Start),
            ("reliant", Start),
            ("par", Pass),
            ("à", Head),
            ("au", Head),
            ("vers", Head),
            ("jusqu'à", Head),
            ("rejoindre", Head),
        ],
        Language::Russian => &[
            ("из", Start),
            ("от", Start),
            ("с", Start),
            ("между", Start),
            ("через", Pass),
            ("прибыл", Pass),
            ("прибыли", Pass),
            ("в", Head),
            ("во", Head),
            ("до", Head),
        ],
        Language::Ukrainian => &[
            ("з", Start),
            ("із", Start),
            ("від", Start),
            ("між", Start),
            ("через", Pass),
            ("прибув", Pass),
            ("прибули", Pass),
            ("в", Head),
            ("у", Head),
            ("до", Head),
        ],
        Language::Polish => &[
            ("z", Start),
            ("ze", Start),
            ("od", Start),
            ("między", Start),
            ("przez", Pass),
            ("dotarł", Pass),
            ("dotarła", Pass),
            ("do", Head),
        ],
    }
}

/// The cues of `lang` that are prepositions, not verbs of travel: they count only with a word
/// of travel shortly before ("la ciudad de México" is no trip; "el tren de Madrid a
/// Barcelona" is).
pub(super) fn weak_in(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::English => &[],
        Language::German => &[
            "von", "ab", "aus", "zwischen", "über", "durch", "nach", "bis",
        ],
        Language::Spanish => &["desde", "de", "entre", "por", "hasta", "hacia", "a", "para"],
        Language::Portuguese => &[
            "desde", "de", "do", "da", "entre", "por", "pelo", "pela", "até", "para", "a", "ao",
        ],
        Language::French => &["depuis", "de", "du", "entre", "par", "à", "au", "vers"],
        Language::Russian => &["из", "от", "с", "между", "через", "в", "во", "до"],
        Language::Ukrainian => &["з", "із", "від", "між", "через", "в", "у", "до"],
        Language::Polish => &["z", "ze", "od", "między", "przez", "do"],
    }
}

/// Beginnings of the words of travel of `lang`.
pub(super) fn travel_in(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::English => &[],
        Language::German => &[
            "zug",
            "züge",
            "fahr",
            "reise",
            "bahn",
            "flug",
            "flieg",
            "strecke",
            "verbind",
            "ice",
            "kilometer",
            "stunde",
            "minute",
            "unterweg",
            "erreich",
            "ankunft",
            "ankomm",
        ],
        Language::Spanish => &[
            "tren", "viaj", "trayect", "recorr", "vuelo", "ruta", "línea", "linea", "lleg",
            "salió", "salida", "partió", "kilómet", "kilomet", "hora", "minuto", "march", "camin",
            "autobús", "barco",
        ],
        Language::Portuguese => &[
            "comboio",
            "trem",
            "viag",
            "trajet",
            "percurs",
            "voo",
            "rota",
            "linha",
            "cheg",
            "partiu",
            "quilómet",
            "quilômet",
            "hora",
            "minuto",
            "march",
        ],
        Language::French => &[
            "train",
            "tgv",
            "trajet",
            "voyag",
            "liaison",
            "vol",
            "ligne",
            "reli",
            "rejoindre",
            "arriv",
            "parti",
            "kilom",
            "heure",
            "minute",
            "march",
        ],
        Language::Russian => &[
            "поезд",
            "рейс",
            "пут",
            "езд",
            "дорог",
            "маршрут",
            "экспресс",
            "самол",
            "прибы",
            "отправ",
            "километр",
            "час",
            "минут",
        ],
        Language::Ukrainian => &[
            "поїзд",
            "потяг",
            "рейс",
            "шлях",
            "їзд",
            "маршрут",
            "прибу",
            "відправ",
            "кілометр",
            "годин",
            "хвилин",
        ],
        Language::Polish => &[
            "pociąg", "podróż", "jazd", "lot", "tras", "lini", "dotar", "przyjech", "wyjech",
            "kilometr", "godzin", "minut",
        ],
    }
}

/// Words of `lang` that may stand between a travel word and its place: articles and the
/// nouns "city", "station".
pub(super) fn filler_in(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::English => &[],
        Language::German => &[
            "der",
            "die",
            "dem",
            "den",
            "das",
            "stadt",
            "hauptstadt",
            "bahnhof",
        ],
        Language::Spanish => &["la", "el", "los", "las", "ciudad", "capital", "estación"],
        Language::Portuguese => &["o", "os", "as", "cidade", "capital", "estação"],
        Language::French => &["la", "le", "les", "l", "ville", "capitale", "gare"],
        Language::Russian => &["города", "город", "столицы", "вокзала", "станции"],
        Language::Ukrainian => &["міста", "місто", "столиці", "вокзалу", "станції"],
        Language::Polish => &["miasta", "stolicy", "dworca", "stacji"],
    }
}
