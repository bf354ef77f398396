#!/usr/bin/env python3
"""Copy Leaflet 1.9.4 (the interactive HTML map's library) into vendor/leaflet-1.9.4/ from npm.

Source: npm leaflet@1.9.4 (BSD-2-Clause, licence kept as vendor/leaflet-1.9.4/LICENSE). Fetched
with `npm pack` (not at run time) and checked by sha256; the files are copied unchanged. The
HTML writer (src/render/html/vendor.rs) inlines them: it drops the source-map comment and turns
the CSS's `url(images/…)` into data: URLs, so the page requests nothing. Run from the
repository root:
    python3 scripts/fetch_leaflet.py [--cache DIR]
"""

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile

PKG = "leaflet@1.9.4"
TGZ = "leaflet-1.9.4.tgz"
# The registry's own dist.integrity for this tarball is
# sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==
SHA = "84c65a256e50657896f54c33bd857b6849ebe94c817803be818bf32a3dde0b77"
OUT = "vendor/leaflet-1.9.4"
FILES = [
    "LICENSE",
    "dist/leaflet.js",
    "dist/leaflet.css",
    "dist/images/layers.png",
    "dist/images/layers-2x.png",
    "dist/images/marker-icon.png",
    "dist/images/marker-icon-2x.png",
    "dist/images/marker-shadow.png",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/routecheck-derive")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    path = os.path.join(args.cache, TGZ)
    if not os.path.exists(path):
        subprocess.run(["npm", "pack", PKG], cwd=args.cache, check=True)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != SHA:
        sys.exit(f"{TGZ}: sha256 {digest} != pinned {SHA}")
    with tarfile.open(path) as tf:
        for name in FILES:
            data = tf.extractfile("package/" + name).read()
            out = os.path.join(OUT, name.removeprefix("dist/"))
            os.makedirs(os.path.dirname(out), exist_ok=True)
            open(out, "wb").write(data)
            print(out, len(data))


if __name__ == "__main__":
    main()
