#!/bin/sh
# Runs the fuzz targets in fuzz/ (libFuzzer through cargo-fuzz, nightly Rust), each for
# SECONDS (default 600), one job each, from the committed seeds plus the corpus kept from
# earlier runs. Not part of CI. Crashes land in fuzz/artifacts/<target>/; each run's last
# lines (runs, coverage, time) go to fuzz/logs/<target>.log.
#
#   scripts/fuzz.sh                 # every target, 10 minutes each
#   scripts/fuzz.sh 3600 osm_xml    # one target for an hour
#
# Needs: rustup's nightly toolchain, `cargo install cargo-fuzz`, a C++ compiler (libFuzzer).
set -eu
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH=${1:-600}
shift 2>/dev/null || true
TARGETS=${*:-"story quantity coord extract track rail_geojson osm_xml overpass rail_file archive map_text"}
rustup toolchain list | grep -q '^nightly' || { echo "needs the nightly toolchain: rustup toolchain install nightly" >&2; exit 2; }
cargo +nightly fuzz --version >/dev/null 2>&1 || { echo "needs cargo-fuzz: cargo install cargo-fuzz" >&2; exit 2; }
mkdir -p logs
cargo +nightly fuzz build --sanitizer none --debug-assertions
for t in $TARGETS; do
    mkdir -p "corpus/$t"
    dict=""
    [ -f "$t.dict" ] && dict="-dict=$t.dict"
    # The PBF reader starts from a real extract (the test fixture), not from nothing.
    if [ "$t" = rail_file ] && [ ! -f corpus/rail_file/Helsinki.osm.pbf ]; then
        cp ../tests/data/Helsinki.osm.pbf corpus/rail_file/
    fi
    max_len=""
    [ "$t" = rail_file ] && max_len="-max_len=1048576"
    echo "== $t: $SECONDS_EACH s"
    # shellcheck disable=SC2086
    if cargo +nightly fuzz run --sanitizer none --debug-assertions "$t" "corpus/$t" "seeds/$t" -- \
        $dict $max_len -max_total_time="$SECONDS_EACH" -print_final_stats=1 > "logs/$t.full" 2>&1
    then status=ok; else status=FAILED; fi
    tail -n 40 "logs/$t.full" > "logs/$t.log" && rm "logs/$t.full"
    echo "$t: $status"
    grep -E '^Done|stat::number_of_executed_units|stat::average_exec_per_sec' "logs/$t.log" || true
done
