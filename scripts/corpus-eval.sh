#!/usr/bin/env bash
# Runs storyline over the shared corpus and reports what it found.
#   scripts/corpus-eval.sh            # report
#   scripts/corpus-eval.sh --check    # report, and fail on a crash or a wrong exit status
# CORPUS defaults to ../shared/corpus beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/corpus_eval.py --bin target/release/storyline --corpus "${CORPUS:-../shared/corpus}" "$@"
