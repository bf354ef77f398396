#!/usr/bin/env python3
"""Derive data/airports/airports.tsv: the world's airports that have an IATA code.

Re-runnable; needs pip and the network. Never run by CI or tests.

  python3 scripts/derive_airports.py

Source: `pip download airportsdata==20260905` (wheel), sha256-checked, file
airportsdata/airports.csv: 28,298 airports and landing strips keyed by ICAO code, with IATA
code where one is assigned, name, city, subdivision, country (ISO 3166-1 alpha-2), elevation,
latitude, longitude, IANA time zone and FAA location identifier. MIT licence, © Mike Borsetti
(the data is compiled from public sources; see the package's README).

Kept: the 7,884 rows with an IATA code, which are the airports news reports name ("Rzeszów
airport (RZE)"); the 20,414 without one are landing strips and heliports. Columns kept: IATA,
ICAO, name, city, country, latitude, longitude, time zone. Elevation, subdivision and the FAA
identifier are dropped. Values are copied as they are; rows are sorted by IATA code.

Output: data/airports/airports.tsv with a comment header naming the source and its hash.
"""

import csv
import hashlib
import io
import pathlib
import subprocess
import sys
import tempfile
import zipfile

PKG = "airportsdata==20260905"
WHEEL = "airportsdata-20260905-py3-none-any.whl"
SHA256 = "d7eaa9a57d373b0adaaae0d52da2af0bb0edf73f7baa170f7c415d3342bf4868"
OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "airports" / "airports.tsv"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary",
                        ":all:", "-d", tmp, PKG], check=True)
        wheel = pathlib.Path(tmp) / WHEEL
        got = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if got != SHA256:
            sys.exit(f"{WHEEL}: sha256 {got}, expected {SHA256}")
        with zipfile.ZipFile(wheel) as z:
            text = z.read("airportsdata/airports.csv").decode("utf-8")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["iata"]]
    rows.sort(key=lambda r: (r["iata"], r["icao"]))
    for r in rows:
        for k in ("iata", "icao", "name", "city", "country", "lat", "lon", "tz"):
            if "\t" in r[k] or "\n" in r[k]:
                sys.exit(f"{r['icao']}: a tab or newline in {k}")
        float(r["lat"]), float(r["lon"])
    lines = [
        "# Airports with an IATA code, from PyPI airportsdata 20260905 (airports.csv; MIT,",
        f"# (c) Mike Borsetti), wheel sha256 {SHA256[:8]}…{SHA256[-8:]}. Derived by",
        "# scripts/derive_airports.py; do not edit by hand.",
        "# iata\ticao\tname\tcity\tcountry\tlat\tlon\ttz",
    ]
    for r in rows:
        lines.append("\t".join(r[k] for k in
                               ("iata", "icao", "name", "city", "country", "lat", "lon", "tz")))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} airports, {OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
