#!/usr/bin/env python3
"""Independent reference figures for routing on tests/data/Helsinki.osm.pbf.

Reads the extract with pyosmium (libosmium), not with routecheck's reader, keeps the railway
ways routecheck keeps (railway=rail, narrow_gauge or light_rail; a way is cut where a node has
no location), builds a networkx graph on OSM node ids with edges weighted by their WGS84
geodesic length (GeographicLib's Python port) and runs networkx's Dijkstra:

- A: the track node nearest the station node "Helsinki" (railway=station);
- B: the track node farthest from A along the track (network distance);
- C: the northernmost track node reachable from A.

It prints the nodes and the shortest-path lengths A-B and A-C; the output is committed as
tests/data/helsinki_reference.txt and compared by tests/rail_osm.rs within 1 %.
Dependencies are pinned by version and sha256 and installed with pip into the cache folder
(never at routecheck's run or test time). Run from the repository root:
    python3 scripts/reference_helsinki_rail.py [--cache DIR] > tests/data/helsinki_reference.txt
"""

import argparse
import os
import subprocess
import sys

PINNED = [
    ("osmium==4.3.2", "f25c85085f4b2b26b10a430944112e2e1bf07e861fedac02079beb74af835622"),
    ("networkx==3.6.1", "d47fbf302e7d9cbbb9e2555a0d267983d2aa476bac30e90dfbe5669bd57f3762"),
    ("geographiclib==2.1", "e2a873b9b9e7fc38721ad73d5f4e6c9ed140d428a339970f505c07056997d40b"),
]
PBF = "tests/data/Helsinki.osm.pbf"
KEEP = {"rail", "narrow_gauge", "light_rail"}


def install(cache):
    target = os.path.join(cache, "reference-site")
    req = os.path.join(cache, "reference-requirements.txt")
    with open(req, "w") as f:
        for spec, sha in PINNED:
            f.write(f"{spec} --hash=sha256:{sha}\n")
    if not os.path.exists(os.path.join(target, "networkx")):
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--require-hashes",
             "--only-binary=:all:", "--target", target, "-r", req],
            check=True, stdout=sys.stderr,
        )
    sys.path.insert(0, target)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/routecheck-derive")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    install(args.cache)
    import networkx as nx
    import osmium
    from geographiclib.geodesic import Geodesic

    geod = Geodesic.WGS84
    graph = nx.Graph()
    pos = {}
    stations = {}

    class Handler(osmium.SimpleHandler):
        def node(self, n):
            if n.tags.get("railway") == "station" and n.tags.get("name") == "Helsinki":
                stations[n.id] = (n.location.lat, n.location.lon)

        def way(self, w):
            if w.tags.get("railway") not in KEEP:
                return
            prev = None
            for nd in w.nodes:
                if not nd.location.valid():
                    prev = None
                    continue
                pos[nd.ref] = (nd.location.lat, nd.location.lon)
                if prev is not None and prev != nd.ref:
                    (la1, lo1), (la2, lo2) = pos[prev], pos[nd.ref]
                    d = geod.Inverse(la1, lo1, la2, lo2)["s12"]
                    graph.add_edge(prev, nd.ref, weight=d)
                prev = nd.ref

    Handler().apply_file(PBF, locations=True)
    (sid, (slat, slon)), = stations.items()
    a = min(graph.nodes, key=lambda n: (geod.Inverse(slat, slon, *pos[n])["s12"], n))
    dist = nx.single_source_dijkstra_path_length(graph, a, weight="weight")
    b = max(dist, key=lambda n: (dist[n], -n))
    c = max(dist, key=lambda n: (pos[n][0], -n))
    print(f"# {PBF}: {graph.number_of_nodes()} track nodes, {graph.number_of_edges()} track segments")
    print(f"# pyosmium {osmium.__version__ if hasattr(osmium, '__version__') else '4.3.2'}, networkx {nx.__version__}, geographiclib 2.1")
    print(f"station Helsinki node {sid} {slat:.7f} {slon:.7f}")
    for label, n in (("A", a), ("B", b), ("C", c)):
        print(f"node {label} {n} {pos[n][0]:.7f} {pos[n][1]:.7f}")
    print(f"length A B {dist[b]:.1f}")
    print(f"length A C {dist[c]:.1f}")


if __name__ == "__main__":
    main()
