#!/usr/bin/env python3
"""Derive data/places/antarctic_stations.tsv: the Antarctic research stations that have
their own time zone, with the position the time-zone database gives them.

Re-runnable; needs pip and the network. Never run by CI or tests.

  python3 scripts/derive_antarctic_stations.py

Source: `pip download tzdata==2025.2` (IANA time zone database, public domain), sha256-checked,
file tzdata/zoneinfo/zone.tab: one row per zone with its country, the position of its
principal place (ISO 6709, degrees and minutes or seconds) and a comment. Kept: the rows of
country AQ (Antarctica), each a research station (the tz source file `antarctica` describes
each: https://github.com/eggert/tz/blob/main/antarctica). The name is the comment when it is
one name ("Casey", "Dumont-d'Urville"), else the zone's own ("Antarctica/McMurdo" →
"McMurdo"); aliases are "NAME Station" and "NAME station", as news reports write them, and
the zone's name when it differs ("DumontDUrville"). The position is converted to decimal
degrees as written, with no other change; the zone is the row's own.

Output: rows in the curated-places format of data/places/curated.tsv (kind city: GeoNames
files McMurdo Station as a populated place), under a comment header naming the source.
"""

import pathlib
import re
import sys
import tempfile
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from pinned import fetch_wheel  # noqa: E402

TZDATA = ("tzdata==2025.2", "tzdata-2025.2-py2.py3-none-any.whl",
          "1a403fada01ff9221ca8044d701868fa132215d84beb92242d9acd2147f667a8")
OUT = (pathlib.Path(__file__).resolve().parent.parent / "data" / "places"
       / "antarctic_stations.tsv")


def iso6709(text):
    """'-6617+11031' or '-690022+0393524' → (lat, lon) in decimal degrees."""
    m = re.fullmatch(r"([+-])(\d{2})(\d{2})(\d{2})?([+-])(\d{3})(\d{2})(\d{2})?", text)
    if not m:
        sys.exit(f"zone.tab: cannot read the position {text!r}")
    def deg(sign, d, mi, s):
        v = int(d) + int(mi) / 60 + (int(s) / 3600 if s else 0)
        return -v if sign == "-" else v
    return deg(*m.group(1, 2, 3, 4)), deg(*m.group(5, 6, 7, 8))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        whl = fetch_wheel(*TZDATA, tmp)
        with zipfile.ZipFile(whl) as z:
            zone_tab = z.read("tzdata/zoneinfo/zone.tab").decode()
    rows = []
    for line in zone_tab.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if cols[0] != "AQ":
            continue
        zone = cols[2]
        comment = cols[3] if len(cols) > 3 else ""
        zone_name = zone.split("/")[-1].replace("_", " ")
        name = comment if comment and " - " not in comment and "," not in comment else zone_name
        lat, lon = iso6709(cols[1])
        aliases = [f"{name} Station", f"{name} station"]
        if zone_name != name:
            aliases.append(zone_name)
        slug = re.sub(r"[^a-z]+", "-", name.lower()).strip("-")
        rows.append("\t".join([
            f"curated:antarctic-{slug}", name, "city", "AQ", "", f"{lat:.6f}", f"{lon:.6f}",
            zone, "|".join(aliases), "IANA tz zone.tab (PyPI tzdata 2025.2, public domain)",
            zone, f"research station; zone.tab position {cols[1]}",
        ]))
    header = [
        "# Antarctic research stations with their own time zone, from IANA tz zone.tab",
        "# (PyPI tzdata==2025.2, public domain, wheel sha256 " + TZDATA[2][:8] + "…"
        + TZDATA[2][-8:] + "). Derived by scripts/derive_antarctic_stations.py; do not edit.",
        "# id\tname\tkind\tcountry\tadmin1\tlat\tlon\ttz\taliases (|)\tsource dataset"
        "\tsource id or page\tnote",
    ]
    OUT.write_text("\n".join(header + sorted(rows)) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} stations")


if __name__ == "__main__":
    main()
