#!/usr/bin/env python3
"""pyosmium side of the import-throughput comparison (whole-process timings, never run by CI).

    python3 scripts/pyosmium_rail.py generate OUT.osm.pbf   # the 1,000,000-segment grid as PBF
    python3 scripts/pyosmium_rail.py read FILE.osm.pbf      # read its railways like `rail import`

`generate` writes the network of `benches/rail_osm.rs` (100 east-west and 100 north-south
`railway=rail` lines of 5,000 segments, 0.0002 degrees apart, crossing every 50 vertices, node
ids by grid position so crossings share a node) with pyosmium's writer, so both tools can time
the same file. `read` does with libosmium what `routecheck rail import` does with osmpbf: keep
the railway=rail/narrow_gauge/light_rail ways with the positions of their nodes (libosmium's
node-location index), and the station nodes, and print the counts. pyosmium is pinned by
version and sha256 and installed with pip into the cache folder:
    python3 scripts/pyosmium_rail.py --cache DIR read tests/data/Helsinki.osm.pbf
"""

import argparse
import os
import subprocess
import sys

PINNED = ("osmium==4.3.2", "f25c85085f4b2b26b10a430944112e2e1bf07e861fedac02079beb74af835622")
KEEP = {"rail", "narrow_gauge", "light_rail"}
LINES, SEGMENTS, CROSS_EVERY, STEP = 100, 5000, 50, 0.0002


def install(cache):
    target = os.path.join(cache, "pyosmium-site")
    if not os.path.exists(os.path.join(target, "osmium")):
        req = os.path.join(cache, "pyosmium-requirements.txt")
        with open(req, "w") as f:
            f.write(f"{PINNED[0]} --hash=sha256:{PINNED[1]}\n")
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--require-hashes",
             "--only-binary=:all:", "--target", target, "-r", req],
            check=True, stdout=sys.stderr,
        )
    sys.path.insert(0, target)


def generate(out):
    import osmium

    def nid(i, j):
        return i * (SEGMENTS + 1) + j + 1

    nodes = set()
    ways = []
    for r in range(LINES):
        i = r * CROSS_EVERY
        ways.append((r + 1, [(i, j) for j in range(SEGMENTS + 1)], "main"))
    for k in range(LINES):
        j = k * CROSS_EVERY
        ways.append((LINES + k + 1, [(i, j) for i in range(SEGMENTS + 1)], "branch"))
    for _, pts, _ in ways:
        nodes.update(pts)
    if os.path.exists(out):
        os.remove(out)
    w = osmium.SimpleWriter(out)
    for i, j in sorted(nodes, key=lambda p: nid(*p)):
        w.add_node(osmium.osm.mutable.Node(id=nid(i, j), location=(24.0 + j * STEP, 60.0 + i * STEP)))
    for wid, pts, usage in ways:
        w.add_way(osmium.osm.mutable.Way(id=wid, nodes=[nid(i, j) for i, j in pts],
                                         tags={"railway": "rail", "usage": usage}))
    w.close()
    print(out, os.path.getsize(out), "bytes,", len(nodes), "nodes,", len(ways), "ways")


def read(path):
    import osmium

    ways = []
    stations = []

    class Handler(osmium.SimpleHandler):
        def node(self, n):
            if n.tags.get("railway") in ("station", "halt") and "name" in n.tags:
                stations.append((n.id, n.location.lat, n.location.lon))

        def way(self, w):
            if w.tags.get("railway") not in KEEP:
                return
            ways.append((w.id, [(n.ref, n.location.lat, n.location.lon) if n.location.valid() else (n.ref, None, None)
                                for n in w.nodes]))

    Handler().apply_file(path, locations=True)
    print(len(ways), "railway ways,", sum(len(w[1]) for w in ways), "way nodes,", len(stations), "stations")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/routecheck-derive")
    ap.add_argument("action", choices=["generate", "read"])
    ap.add_argument("file")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    install(args.cache)
    (generate if args.action == "generate" else read)(args.file)


if __name__ == "__main__":
    main()
