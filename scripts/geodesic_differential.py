#!/usr/bin/env python3
"""Differential test of routecheck's geodesy against GeographicLib itself.

Generates random geodesic problems (a fixed seed, so every run checks the same cases), solves
them with GeographicLib (the Python port by Charles Karney, the reference implementation) and
with `routecheck::geodesy` (through `examples/geodesic_batch.rs`), and reports the largest
differences. Optionally writes a stratified sample, with GeographicLib's answers, to
`tests/data/geodesic_reference.tsv`, which `tests/geodesic_reference.rs` checks on every
`cargo test`.

The cases include the hard ones: near-antipodal and exactly antipodal points, equatorial and
near-equatorial pairs (where the shortest path switches between the equator and a meridian),
points on and near the poles, pairs across the antimeridian, meridional pairs, very short
and coincident pairs, and whole-degree coordinates.

Setup (once; the only step that needs the network):

    python3 -m pip install geographiclib==2.1

Run from the repository root (builds the example with cargo first):

    python3 scripts/geodesic_differential.py                       # 100,000 inverse + 100,000 direct
    python3 scripts/geodesic_differential.py --sample tests/data/geodesic_reference.tsv

Exit status: 0 when every difference is within the targets, 1 otherwise. The targets are 1 µm
in distance (inverse), in position (direct), and in azimuth measured by how far it moves the
other end: Δazi (radians) × |m12|, where m12 is the reduced length, the factor that turns a
change of azimuth at one end into a sideways displacement at the other. Azimuths in degrees are
ill-conditioned for points micrometres apart (both libraries differ from the exact value by up
to 1e-3° there, i.e. 1e-13 m) and for nearly antipodal points (where m12 → 0 and every
azimuth reaches nearly the same point), so degrees are reported as information.
"""

import argparse
import math
import os
import random
import subprocess
import sys

import geographiclib
from geographiclib.geodesic import Geodesic

SEED = 20230912
PINNED = "2.1"
DIST_TARGET_M = 1e-6

WGS84 = Geodesic.WGS84


def wrap(lon):
    """Longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def clamp_lat(lat):
    return max(-90.0, min(90.0, lat))


def tiny(rng, lo_exp=-12, hi_exp=0):
    """A signed small number, log-uniform between 10**lo_exp and 10**hi_exp."""
    return rng.choice((-1.0, 1.0)) * 10.0 ** rng.uniform(lo_exp, hi_exp)


def uniform_point(rng):
    lat = math.degrees(math.asin(rng.uniform(-1.0, 1.0)))
    return lat, rng.uniform(-180.0, 180.0)


def inverse_case(rng, kind):
    """One (lat1, lon1, lat2, lon2) of the given kind."""
    if kind == "uniform":
        return (*uniform_point(rng), *uniform_point(rng))
    if kind == "near-antipodal":
        lat1, lon1 = uniform_point(rng)
        return lat1, lon1, clamp_lat(-lat1 + tiny(rng, -12, 0)), wrap(lon1 + 180.0 + tiny(rng, -12, 0.5))
    if kind == "antipodal":
        lat1, lon1 = uniform_point(rng)
        return lat1, lon1, -lat1, wrap(lon1 + 180.0)
    if kind == "equatorial":
        lat1 = rng.choice((0.0, tiny(rng, -15, -1)))
        lat2 = rng.choice((0.0, tiny(rng, -15, -1)))
        lon1 = rng.uniform(-180.0, 180.0)
        # Longitude differences all the way up to 180°, where the shortest path leaves the equator.
        dlon = rng.choice((rng.uniform(-180.0, 180.0), 180.0 - 10.0 ** rng.uniform(-10, 0.5)))
        return lat1, lon1, lat2, wrap(lon1 + dlon)
    if kind == "polar":
        def near_pole():
            pole = rng.choice((90.0, -90.0))
            return rng.choice((pole, pole - math.copysign(10.0 ** rng.uniform(-12, 0), pole)))
        lat1 = near_pole()
        lat2 = near_pole() if rng.random() < 0.5 else uniform_point(rng)[0]
        return lat1, rng.uniform(-180.0, 180.0), lat2, rng.uniform(-180.0, 180.0)
    if kind == "antimeridian":
        lon1 = rng.choice((180.0, -180.0, 180.0 - 10.0 ** rng.uniform(-12, 0.5)))
        lon2 = rng.choice((-180.0, 180.0, -180.0 + 10.0 ** rng.uniform(-12, 0.5)))
        return uniform_point(rng)[0], lon1, uniform_point(rng)[0], lon2
    if kind == "meridional":
        lat1, lon1 = uniform_point(rng)
        lat2 = uniform_point(rng)[0]
        return lat1, lon1, lat2, rng.choice((lon1, wrap(lon1 + 180.0)))
    if kind == "short":
        lat1, lon1 = uniform_point(rng)
        lat1 = max(-89.0, min(89.0, lat1))
        return lat1, lon1, clamp_lat(lat1 + tiny(rng, -12, -2)), wrap(lon1 + tiny(rng, -12, -2))
    if kind == "coincident":
        lat1, lon1 = uniform_point(rng)
        return lat1, lon1, lat1, lon1
    if kind == "whole-degrees":
        return (float(rng.randint(-90, 90)), float(rng.randint(-180, 180)),
                float(rng.randint(-90, 90)), float(rng.randint(-180, 180)))
    raise ValueError(kind)


INVERSE_KINDS = [
    ("uniform", 40), ("near-antipodal", 15), ("antipodal", 3), ("equatorial", 10), ("polar", 8),
    ("antimeridian", 8), ("meridional", 5), ("short", 6), ("coincident", 1), ("whole-degrees", 4),
]


def direct_case(rng):
    """One (kind, lat1, lon1, azi1, s12)."""
    kind = rng.choice(("uniform", "uniform", "polar", "cardinal", "long", "short"))
    lat1, lon1 = uniform_point(rng)
    azi1 = rng.uniform(-180.0, 180.0)
    s12 = rng.uniform(0.0, 20_003_931.0)
    if kind == "polar":
        pole = rng.choice((90.0, -90.0))
        lat1 = rng.choice((pole, pole - math.copysign(10.0 ** rng.uniform(-12, 0), pole)))
    elif kind == "cardinal":
        azi1 = rng.choice((0.0, 90.0, -90.0, 180.0, -180.0))
        lat1 = rng.choice((lat1, 0.0))
    elif kind == "long":
        s12 = rng.uniform(20_003_931.0, 60_000_000.0)  # past the antipode, round the world
    elif kind == "short":
        s12 = 10.0 ** rng.uniform(-6, 3)
    return kind, lat1, lon1, azi1, s12


def azi_diff(a, b):
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def run_batch(exe, lines, extra_args=()):
    res = subprocess.run([exe, *extra_args], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True)
    return [list(map(float, l.split())) for l in res.stdout.splitlines()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=100_000, help="inverse problems (and as many direct)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--exe", help="a built geodesic_batch example (default: build it with cargo)")
    ap.add_argument("--release", action="store_true", help="build the example in release mode")
    ap.add_argument("--sample", help="write 1,000 reference cases to this TSV file")
    args = ap.parse_args()

    if geographiclib.__version__ != PINNED:
        print(f"warning: geographiclib {geographiclib.__version__}, the pinned version is {PINNED}",
              file=sys.stderr)
    exe = args.exe
    if exe is None:
        cmd = ["cargo", "build", "--quiet", "--example", "geodesic_batch"]
        if args.release:
            cmd.append("--release")
        subprocess.run(cmd, check=True)
        exe = os.path.join("target", "release" if args.release else "debug", "examples",
                           "geodesic_batch")

    rng = random.Random(args.seed)
    kinds = [k for k, w in INVERSE_KINDS for _ in range(w)]
    inv_cases = [(k, *inverse_case(rng, k)) for k in (rng.choice(kinds) for _ in range(args.pairs))]
    dir_cases = [direct_case(rng) for _ in range(args.pairs)]

    # Inverse.
    ours = run_batch(exe, [" ".join(repr(x) for x in c[1:]) for c in inv_cases])
    assert len(ours) == len(inv_cases)
    inv_rows = []
    worst = {k: (0.0, None) for k in ("s12", "azi1", "azi2", "azi1_m", "azi2_m", "azi1_1m", "azi2_1m")}

    def note(name, d, row):
        if not d <= worst[name][0]:  # NaN counts as worst
            worst[name] = (d, row)

    for case, (s12, azi1, azi2) in zip(inv_cases, ours):
        kind, lat1, lon1, lat2, lon2 = case
        g = WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.STANDARD | Geodesic.REDUCEDLENGTH)
        row = (kind, lat1, lon1, lat2, lon2, g["s12"], g["azi1"], g["azi2"], g["m12"])
        inv_rows.append(row)
        note("s12", abs(s12 - g["s12"]), row)
        for name, ours_azi in (("azi1", azi1), ("azi2", azi2)):
            d = azi_diff(ours_azi, g[name])
            note(name, d, row)
            note(name + "_m", math.radians(d) * abs(g["m12"]), row)
            if g["s12"] >= 1.0:
                note(name + "_1m", d, row)

    # Direct: the position difference is measured in metres with GeographicLib.
    ours = run_batch(exe, [" ".join(repr(x) for x in c[1:]) for c in dir_cases], ["--direct"])
    assert len(ours) == len(dir_cases)
    dir_rows = []
    worst_pos = (0.0, None)
    for case, (lat2, lon2) in zip(dir_cases, ours):
        kind, lat1, lon1, azi1, s12 = case
        g = WGS84.Direct(lat1, lon1, azi1, s12, Geodesic.STANDARD | Geodesic.REDUCEDLENGTH)
        row = (kind, lat1, lon1, azi1, s12, g["lat2"], g["lon2"], g["azi2"], g["m12"])
        dir_rows.append(row)
        d = WGS84.Inverse(lat2, lon2, g["lat2"], g["lon2"], Geodesic.DISTANCE)["s12"]
        if not d <= worst_pos[0]:
            worst_pos = (d, row)

    print(f"GeographicLib {geographiclib.__version__} (Python), seed {args.seed}")
    print(f"{len(inv_cases):,} inverse problems: " + ", ".join(
        f"{k} {sum(1 for c in inv_cases if c[0] == k):,}" for k, _ in INVERSE_KINDS))
    for key, label, unit in (
        ("s12", "|Δs12|", "m"),
        ("azi1_m", "|Δazi1|·|m12| (displacement)", "m"),
        ("azi2_m", "|Δazi2|·|m12| (displacement)", "m"),
        ("azi1_1m", "|Δazi1| for s12 ≥ 1 m", "°"),
        ("azi2_1m", "|Δazi2| for s12 ≥ 1 m", "°"),
        ("azi1", "|Δazi1| at any distance", "°"),
        ("azi2", "|Δazi2| at any distance", "°"),
    ):
        print(f"  largest {label} = {worst[key][0]:.3e} {unit}\n      at {worst[key][1]}")
    print(f"{len(dir_cases):,} direct problems")
    print(f"  largest position difference = {worst_pos[0]:.3e} m\n      at {worst_pos[1]}")
    ok = all(worst[k][0] <= DIST_TARGET_M for k in ("s12", "azi1_m", "azi2_m")) \
        and worst_pos[0] <= DIST_TARGET_M
    print("within targets" if ok else "OUTSIDE TARGETS")

    if args.sample:
        write_sample(args.sample, args.seed, inv_rows, dir_rows)
    return 0 if ok else 1


def write_sample(path, seed, inv_rows, dir_rows):
    """800 inverse cases (every kind represented) and 200 direct ones, in the order generated."""
    srng = random.Random(seed + 1)
    by_kind = {}
    for r in inv_rows:
        by_kind.setdefault(r[0], []).append(r)
    picked = []
    total_w = sum(w for _, w in INVERSE_KINDS)
    for k, w in INVERSE_KINDS:
        rows = by_kind.get(k, [])
        picked += srng.sample(rows, min(len(rows), max(20, 800 * w // total_w)))
    picked = picked[:800]
    picked_dir = srng.sample(dir_rows, min(len(dir_rows), 1000 - len(picked)))
    with open(path, "w") as f:
        f.write(f"# Geodesic reference cases on WGS84 from GeographicLib {geographiclib.__version__} "
                f"(Python), generated by scripts/geodesic_differential.py --sample, seed {seed}.\n")
        f.write("# inv rows: inputs lat1 lon1 lat2 lon2; GeographicLib's s12 (m), azi1, azi2 (deg).\n")
        f.write("# dir rows: inputs lat1 lon1 azi1 s12; GeographicLib's lat2, lon2, azi2 (deg).\n")
        f.write("# m12: GeographicLib's reduced length (m), for azimuth tolerances.\n")
        f.write("op\tkind\tlat1\tlon1\tazi1\ts12\tlat2\tlon2\tazi2\tm12\n")
        for kind, lat1, lon1, lat2, lon2, s12, azi1, azi2, m12 in picked:
            f.write("\t".join(["inv", kind] + [repr(x) for x in (lat1, lon1, azi1, s12, lat2, lon2, azi2, m12)]) + "\n")
        for kind, lat1, lon1, azi1, s12, lat2, lon2, azi2, m12 in picked_dir:
            f.write("\t".join(["dir", kind] + [repr(x) for x in (lat1, lon1, azi1, s12, lat2, lon2, azi2, m12)]) + "\n")
    print(f"wrote {len(picked) + len(picked_dir)} cases to {path}")


if __name__ == "__main__":
    sys.exit(main())
