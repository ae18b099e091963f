#!/usr/bin/env bash
# Builds storyline (release) and runs scripts/robustness.py on the shared
# corpus; arguments go to the script (e.g. -n 20 --check).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/robustness.py --bin target/release/storyline "$@"
