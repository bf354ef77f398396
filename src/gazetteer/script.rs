//! The writing system of a query, and the countries that write their place names in it.
//!
//! GeoNames lists many alternate names per place in many scripts, so a name in one script can
//! belong to a small place whose own name it is and to a large place far away that merely has
//! a transcription in that script ("Хасан" is Khasan, Russia, and a Russian spelling of Hassan,
//! India). A query written in a script other than Latin most likely means a place where that
//! script is the local one, so candidates in those countries rank higher
//! ([`SCRIPT_BONUS`]). Latin queries get no preference: Latin is written everywhere.
//!
//! The country lists are the countries whose official language (or one of them) is written in
//! the script, as in the Unicode CLDR "likely subtags" data (language → script → territory).

/// A writing system that points at a set of countries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Cyrillic (Russian, Ukrainian, Serbian, Kazakh …).
    Cyrillic,
    /// Hangul (Korean).
    Hangul,
    /// Han characters without kana (Chinese, or Japanese written in kanji only).
    Han,
    /// Hiragana or katakana (Japanese).
    Kana,
    /// Arabic script (Arabic, Persian, Urdu …).
    Arabic,
    /// Greek.
    Greek,
    /// Hebrew.
    Hebrew,
    /// Thai.
    Thai,
    /// Georgian.
    Georgian,
    /// Armenian.
    Armenian,
    /// Devanagari (Hindi, Nepali, Marathi …).
    Devanagari,
}

/// How much a candidate in a country that writes the query's script gains: as much as a
/// primary name gains over an alias, so a small local place whose native name the query is
/// beats a foreign place up to about 1,000 times larger that only carries a transcription.
pub const SCRIPT_BONUS: f64 = 3.0;

impl Script {
    /// The script of a lookup key: the first character that decides it (kana anywhere makes it
    /// Japanese). `None` for Latin, digits and anything else.
    pub fn of(key: &str) -> Option<Script> {
        let mut found = None;
        for c in key.chars() {
            let s = match c as u32 {
                0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
                    Script::Cyrillic
                }
                0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7AF => {
                    Script::Hangul
                }
                0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => return Some(Script::Kana),
                0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
                0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFEFF => {
                    Script::Arabic
                }
                0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
                0x0590..=0x05FF => Script::Hebrew,
                0x0E00..=0x0E7F => Script::Thai,
                0x10A0..=0x10FF | 0x1C90..=0x1CBF => Script::Georgian,
                0x0530..=0x058F => Script::Armenian,
                0x0900..=0x097F => Script::Devanagari,
                _ => continue,
            };
            found.get_or_insert(s);
        }
        found
    }

    /// The script's English name ("Cyrillic").
    pub fn name(self) -> &'static str {
        match self {
            Script::Cyrillic => "Cyrillic",
            Script::Hangul => "Hangul",
            Script::Han => "Han (Chinese characters)",
            Script::Kana => "Japanese kana",
            Script::Arabic => "Arabic",
            Script::Greek => "Greek",
            Script::Hebrew => "Hebrew",
            Script::Thai => "Thai",
            Script::Georgian => "Georgian",
            Script::Armenian => "Armenian",
            Script::Devanagari => "Devanagari",
        }
    }

    /// The ISO 3166-1 codes of the countries that write place names in this script.
    pub fn countries(self) -> &'static [&'static str] {
        match self {
            Script::Cyrillic => &[
                "RU", "UA", "BY", "BG", "RS", "MK", "ME", "BA", "KZ", "KG", "TJ", "MN",
            ],
            Script::Hangul => &["KR", "KP"],
            Script::Han => &["CN", "TW", "HK", "MO", "SG", "JP"],
            Script::Kana => &["JP"],
            Script::Arabic => &[
                "SA", "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "QA", "SD",
                "SY", "TN", "YE", "PS", "MR", "IR", "AF", "PK", "EH",
            ],
            Script::Greek => &["GR", "CY"],
            Script::Hebrew => &["IL"],
            Script::Thai => &["TH"],
            Script::Georgian => &["GE"],
            Script::Armenian => &["AM"],
            Script::Devanagari => &["IN", "NP"],
        }
    }

    /// Whether a place in `country` ("RU", or "CN-KP" for a feature on a border) is written in
    /// this script locally.
    pub fn is_local_to(self, country: &str) -> bool {
        country.split('-').any(|c| self.countries().contains(&c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_scripts_apart() {
        assert_eq!(Script::of("хасан"), Some(Script::Cyrillic));
        assert_eq!(Script::of("평양"), Some(Script::Hangul));
        assert_eq!(Script::of("平壤"), Some(Script::Han));
        assert_eq!(Script::of("ウラジオストク"), Some(Script::Kana));
        assert_eq!(Script::of("東京タワー"), Some(Script::Kana));
        assert_eq!(Script::of("طرابلس"), Some(Script::Arabic));
        assert_eq!(Script::of("αθηνα"), Some(Script::Greek));
        assert_eq!(Script::of("תל אביב"), Some(Script::Hebrew));
        assert_eq!(Script::of("vladivostok"), None);
        assert_eq!(Script::of("ha noi"), None);
        assert_eq!(Script::of("12"), None);
    }

    #[test]
    fn knows_where_a_script_is_local() {
        assert!(Script::Cyrillic.is_local_to("RU"));
        assert!(!Script::Cyrillic.is_local_to("IN"));
        assert!(Script::Hangul.is_local_to("CN-KP"));
        assert!(!Script::Hangul.is_local_to("CN"));
        assert!(!Script::Arabic.is_local_to(""));
    }
}
