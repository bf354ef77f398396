#!/usr/bin/env python3
"""Copy the bundled DejaVu Sans fonts into data/fonts/ from the pinned npm package.

Source: npm dejavu-fonts-ttf@2.37.3 (Bitstream Vera / DejaVu licence, free). Fetched with
`npm pack` (not at run time) and checked by sha256. Run from the repository root:
    python3 scripts/fetch_fonts.py [--cache DIR]
"""

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile

TGZ = "dejavu-fonts-ttf-2.37.3.tgz"
SHA = "b7013ac58f9225250619db82cfb72e99c37ca8195f2b5a06a9e6a95bc5e1c84a"
FILES = ["ttf/DejaVuSans.ttf", "ttf/DejaVuSans-Bold.ttf", "ttf/DejaVuSans-Oblique.ttf", "LICENSE"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/routecheck-derive")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    path = os.path.join(args.cache, TGZ)
    if not os.path.exists(path):
        subprocess.run(["npm", "pack", "dejavu-fonts-ttf@2.37.3"], cwd=args.cache, check=True)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != SHA:
        sys.exit(f"{TGZ}: sha256 {digest} != pinned {SHA}")
    os.makedirs("data/fonts", exist_ok=True)
    with tarfile.open(path) as tf:
        for name in FILES:
            data = tf.extractfile("package/" + name).read()
            out = "data/fonts/" + ("LICENSE-DejaVu.txt" if name == "LICENSE" else os.path.basename(name))
            open(out, "wb").write(data)
            print(out, len(data))


if __name__ == "__main__":
    main()
