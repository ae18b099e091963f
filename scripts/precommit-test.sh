#!/usr/bin/env bash
# End-to-end test of the pre-commit hooks, run with exactly the snippet the
# README shows: its `rev:` must be the version tag of Cargo.toml, and its
# repository URL is replaced by a local clone of this repository that
# carries that tag. Checks, for the README's hook (`storyline-system`, with
# the built binary on PATH) and for the cargo-built `storyline` hook: a
# resume with findings fails the commit, the fixed one passes, and a resume
# named like neither resume nor cv (jane-doe.md) is still linted, while a
# README.md is not. Installs pre-commit from PyPI into a throwaway venv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

version=$(sed -n 's/^version = "\(.*\)"$/v\1/p' "$root/Cargo.toml" | head -1)
# The README's snippet: the yaml block after its "# .pre-commit-config.yaml" line.
snippet=$(awk '/^# \.pre-commit-config\.yaml/{on=1} on&&/^```/{exit} on' "$root/README.md")
[ -n "$snippet" ] || { echo "FAIL: no pre-commit snippet in README.md" >&2; exit 1; }
rev=$(printf '%s\n' "$snippet" | sed -n 's/^ *rev: *\([^ ]*\).*/\1/p')
[ "$rev" = "$version" ] || { echo "FAIL: README's rev '$rev' is not the release tag '$version' of Cargo.toml" >&2; exit 1; }
url=$(printf '%s\n' "$snippet" | sed -n 's/^ *- repo: *\([^ ]*\).*/\1/p')

# This repository as it would be published, tagged: its work tree's tracked
# files (`git stash create` commits them without touching the work tree).
head=$(git -C "$root" stash create)
head=${head:-$(git -C "$root" rev-parse HEAD)}
git clone --quiet --no-checkout "$root" "$scratch/published"
git -C "$scratch/published" fetch --quiet "$root" "$head"
git -C "$scratch/published" tag -f "$version" "$head" >/dev/null

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
export PATH="$root/target/release:$PATH"

python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet pre-commit
export PRE_COMMIT_HOME="$scratch/cache"
pc="$scratch/venv/bin/pre-commit"

run_case() { # hook-id config
  local hook=$1 config=$2 work="$scratch/portfolio-$1"
  mkdir -p "$work"
  cd "$work"
  git init --quiet
  git config user.email ci@example.invalid
  git config user.name ci
  printf '%s\n' "$config" > .pre-commit-config.yaml
  printf '# My portfolio\n\nProjects I built.\n' > README.md
  cp "$root/fixtures/example/resume.md" jane-doe.md
  git add -A

  if "$pc" run --all-files >"$scratch/bad.log" 2>&1; then
    cat "$scratch/bad.log"; echo "FAIL ($hook): the hook passed a resume with findings" >&2; exit 1
  fi
  grep -q "weak-opener" "$scratch/bad.log" || { cat "$scratch/bad.log"; echo "FAIL ($hook): no findings shown for jane-doe.md" >&2; exit 1; }
  grep -q "jane-doe.md" "$scratch/bad.log" || { cat "$scratch/bad.log"; echo "FAIL ($hook): jane-doe.md not linted" >&2; exit 1; }
  if grep -q "README.md" "$scratch/bad.log"; then
    cat "$scratch/bad.log"; echo "FAIL ($hook): README.md was linted as a resume" >&2; exit 1
  fi
  echo "ok ($hook): the hook lints jane-doe.md, skips README.md, and fails on its findings"

  cp "$root/fixtures/precommit/resume-fixed.md" jane-doe.md
  git add -A
  if ! "$pc" run --all-files >"$scratch/good.log" 2>&1; then
    cat "$scratch/good.log"; echo "FAIL ($hook): the hook failed on the fixed resume" >&2; exit 1
  fi
  echo "ok ($hook): the hook passes on the fixed resume"
}

# Exactly the README's snippet, pointed at the local clone.
run_case storyline-system "${snippet//$url/$scratch/published}"
# The cargo-built hook: the same snippet with the other id.
run_case storyline "$(printf '%s\n' "${snippet//$url/$scratch/published}" | sed 's/- id: storyline-system.*/- id: storyline/')"
