//! Country names in the article's own language ("España", "Meksyk", "Deutschland"), read as
//! countries (areas, not points) before the gazetteer is asked: otherwise "España" is a town of
//! that name in the Philippines, and "w Meksyku" Mexico City, which carries the name as another
//! name. The names come from `data/article/country_names.tsv` (Debian iso-codes' translations,
//! derived by `scripts/derive_country_names.py`); the English names are the gazetteer's own
//! ([`country_code`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Language;
use super::inflection;
use crate::gazetteer::{country_code, normalize};

/// (language code, normalised name) → ISO 3166-1 alpha-2 code.
fn table() -> &'static HashMap<(&'static str, String), &'static str> {
    static T: OnceLock<HashMap<(&'static str, String), &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let text: &'static str = include_str!("../../../data/article/country_names.tsv");
        let mut t = HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            if let (Some(code), Some(lang), Some(name)) = (cols.next(), cols.next(), cols.next()) {
                t.insert((lang, normalize(name)), code);
            }
        }
        t
    })
}

/// The country `name` names in an article in `lang`: its English name or code, else its name
/// in `lang` as written or in a form the sentence's grammar gives it ("w Meksyku" → Meksyk).
pub fn country_in(lang: Language, name: &str) -> Option<&'static str> {
    let name = name.strip_prefix("the ").unwrap_or(name);
    if let Some(code) = country_code(name) {
        return Some(code);
    }
    if lang == Language::English {
        return None;
    }
    let t = table();
    let named = |n: &str| t.get(&(lang.code(), normalize(n))).copied();
    named(name).or_else(|| inflection::forms(lang, name).iter().find_map(|f| named(f)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_in_the_article_language() {
        assert_eq!(country_in(Language::Spanish, "España"), Some("ES"));
        assert_eq!(country_in(Language::German, "Deutschland"), Some("DE"));
        assert_eq!(country_in(Language::Polish, "Meksyk"), Some("MX"));
        // Inflected: "w Meksyku" (locative).
        assert_eq!(country_in(Language::Polish, "Meksyku"), Some("MX"));
        assert_eq!(country_in(Language::English, "the Netherlands"), Some("NL"));
        // Only in the article's own language: an English article's "Espana" is not read so,
        // nor is a town a country.
        assert_eq!(country_in(Language::English, "España"), None);
        assert_eq!(country_in(Language::Spanish, "Madrid"), None);
        assert_eq!(country_in(Language::Polish, "Warszawy"), None);
    }
}
