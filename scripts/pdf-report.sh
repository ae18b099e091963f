#!/usr/bin/env bash
# Corpus report for the PDF reader: builds the release binary, then runs
# scripts/pdf-report.py on the corpus (default ../shared/corpus).
# pdftotext (Debian: poppler-utils) is optional; without it no recall.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/pdf-report.py --bin target/release/storyline "${1:-../shared/corpus}"
