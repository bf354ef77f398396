#!/usr/bin/env python3
"""Recompute the named-line rail ratios quoted in data/circuity/circuity.toml and data/README.md.

Each ratio is a published line length (or chainage between the two terminals) divided by the
WGS84 geodesic between the two terminal stations, whose coordinates are quoted from the pages
named below. Needs `pip install geographiclib==2.1`. Never run by the tool, its tests or CI.

    python3 scripts/circuity_ratios.py
"""

from statistics import median

from geographiclib.geodesic import Geodesic


def dms(d, m, s):
    return d + m / 60 + s / 3600


# (name, terminal A (lat, lon), terminal B (lat, lon), published lengths in km, where read)
LINES = [
    (
        "Saint Petersburg-Moscow railway (Moscow Leningradsky - St Petersburg Moskovsky)",
        (dms(55, 46, 34), dms(37, 39, 19)),  # en.wikipedia Leningradsky railway station
        (dms(59, 55, 47), dms(30, 21, 44)),  # fr.wikipedia Gare de Moscou (it.frwiki.wiki mirror)
        [649.7],  # en.wikipedia Saint Petersburg-Moscow railway, line length
    ),
    (
        "Beijing-Shanghai HSR (Beijing South - Shanghai Hongqiao)",
        (39.86583, 116.37639),  # en.wikipedia Beijing South railway station
        (31.196306, 121.316139),  # wikimili.com Shanghai Hongqiao railway station
        [1302.890, 1318.0],  # en.wikipedia route table chainage at Hongqiao; line length
    ),
    (
        "Tokaido Shinkansen (Tokyo - Shin-Osaka)",
        (35.68083, 139.76694),  # aroundus.com Tokyo Station (GPS coordinates)
        (dms(34, 44, 1), dms(135, 30, 0)),  # fr/de.wikipedia Shin-Osaka station
        [515.4],  # en.wikipedia Tokaido Shinkansen, line length
    ),
    (
        "Tokaido Main Line (Tokyo - Shin-Osaka)",
        (35.68083, 139.76694),
        (dms(34, 44, 1), dms(135, 30, 0)),
        [552.6],  # fr.wikipedia Gare de Shin-Osaka: PK 552.6 of the Tokaido Main Line
    ),
    (
        "Trans-Siberian (Moscow Yaroslavsky - Vladivostok)",
        (dms(55, 46, 34), dms(37, 39, 29)),  # en.wikipedia Moscow Yaroslavsky (piglix.com mirror)
        (43.110833, 131.883333),  # fr.wikipedia Gare de Vladivostok (as in data/places)
        [9289.0],  # en.wikipedia Trans-Siberian Railway; torussia.net
    ),
]

# The default story's rail route, by the project's own km-post tables (data/rail/).
STORY = (
    "Pyongyang - Tumangang - Khasan - Vladivostok (default story, by km posts)",
    (39.004722, 125.736389),  # data/places curated: pyongyang-station
    (43.110833, 131.883333),  # data/places curated: vladivostok-station
    [1183.3, 1202.1],
)


def main():
    geod = Geodesic.WGS84
    firsts = []
    for name, a, b, lengths in LINES + [STORY]:
        s = geod.Inverse(a[0], a[1], b[0], b[1])["s12"] / 1000.0
        ratios = [length / s for length in lengths]
        shown = "; ".join(f"{length:.1f} km -> {r:.3f}" for length, r in zip(lengths, ratios))
        print(f"{name}: geodesic {s:.1f} km; {shown}")
        if (name, a, b, lengths) != STORY:
            firsts.append(ratios[0])
    print(f"trunk lines: n={len(firsts)} min {min(firsts):.3f} median {median(firsts):.3f} max {max(firsts):.3f}")


if __name__ == "__main__":
    main()
