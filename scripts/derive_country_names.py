"""Derive data/article/country_names.tsv: the names of every ISO 3166-1 country in the languages
article reading supports besides English (German, Spanish, Portuguese, French, Polish, Russian,
Ukrainian), so that "España", "Meksyk" or "Deutschland" in an article is read as a country, not as
a town of that name ("España", Philippines) or a city that carries it as another name.

Source: the Debian iso-codes translations shipped in PyPI `pycountry==24.6.1` (the same wheel
scripts/derive_world.py reads for the English names), `pycountry/locales/LANG/LC_MESSAGES/
iso3166-1.mo`; LGPL-2.1-or-later. Every msgid that is a country's name, official name or
common name in `pycountry/databases/iso3166-1.json` is joined to its alpha-2 code.

    python3 scripts/derive_country_names.py
"""

import gettext
import io
import json
import pathlib
import sys
import tempfile
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from pinned import fetch_wheel  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "article" / "country_names.tsv"
SPEC = "pycountry==24.6.1"
WHEEL = "pycountry-24.6.1-py3-none-any.whl"
SHA256 = "f1a4fb391cd7214f8eefd39556d740adcc233c778a27f8942c8dca351d6ce06f"
# The article languages other than English (src/claims/extract/language.rs), with the
# iso-codes locales that hold them.
LOCALES = {"de": ["de"], "es": ["es"], "pt": ["pt", "pt_BR"], "fr": ["fr"], "pl": ["pl"],
           "ru": ["ru"], "uk": ["uk"]}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        whl = fetch_wheel(SPEC, WHEEL, SHA256, tmp)
        with zipfile.ZipFile(whl) as z:
            countries = json.loads(z.read("pycountry/databases/iso3166-1.json"))["3166-1"]
            rows = set()
            for lang, locales in LOCALES.items():
                for loc in locales:
                    mo = z.read(f"pycountry/locales/{loc}/LC_MESSAGES/iso3166-1.mo")
                    t = gettext.GNUTranslations(io.BytesIO(mo))
                    for c in countries:
                        for field in ("name", "official_name", "common_name"):
                            english = c.get(field)
                            if not english:
                                continue
                            name = t.gettext(english).strip()
                            if name and name != english:
                                rows.add((c["alpha_2"], lang, name))
    lines = [
        "# Country names in the article languages other than English, one per row: ISO 3166-1",
        "# alpha-2 code, language (ISO 639-1), name. Derived by scripts/derive_country_names.py",
        f"# from the Debian iso-codes translations in PyPI {SPEC} (sha256 {SHA256[:8]}…{SHA256[-8:]});",
        "# LGPL-2.1-or-later. Read by src/claims/extract/countries.rs.",
        "# code\tlanguage\tname",
    ]
    lines += ["\t".join(r) for r in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()
