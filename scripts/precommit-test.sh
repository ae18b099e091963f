#!/usr/bin/env bash
# End-to-end test of the pre-commit hook: a temporary git repository uses
# this repository's `storyline` hook (language: rust, built by pre-commit
# with cargo), fails on a resume with findings and passes once it is fixed.
# Installs pre-commit from PyPI into a throwaway virtual environment.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$root" rev-parse HEAD)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet pre-commit
export PRE_COMMIT_HOME="$scratch/cache"
pc="$scratch/venv/bin/pre-commit"

work="$scratch/portfolio"
mkdir -p "$work"
cd "$work"
git init --quiet
git config user.email ci@example.invalid
git config user.name ci
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: storyline
        args: [--today, "2026-11"]
YAML
cp "$root/fixtures/example/resume.md" resume.md
git add -A

if "$pc" run --files resume.md >"$scratch/bad.log" 2>&1; then
  cat "$scratch/bad.log"
  echo "FAIL: the hook passed a resume with findings" >&2
  exit 1
fi
grep -q "weak-opener" "$scratch/bad.log" || { cat "$scratch/bad.log"; echo "FAIL: no findings shown" >&2; exit 1; }
echo "ok: the hook fails on the resume with findings"

cp "$root/fixtures/precommit/resume-fixed.md" resume.md
git add -A
if ! "$pc" run --files resume.md >"$scratch/good.log" 2>&1; then
  cat "$scratch/good.log"
  echo "FAIL: the hook failed on the fixed resume" >&2
  exit 1
fi
echo "ok: the hook passes on the fixed resume"
