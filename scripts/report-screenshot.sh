#!/usr/bin/env bash
# Renders the HTML report of the bundled example resume, opens it in
# headless Chromium, and saves a screenshot to docs/report.png (or $1).
# Fails when the page logs anything to the console (an error, an uncaught
# exception, a blocked request, a CSP violation) or when its script did
# not run.
# Installs Debian's chromium (and the Inter font the screenshot uses) with
# apt-get when missing. Not part of `cargo test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${1:-docs/report.png}
width=${REPORT_WIDTH:-1200}
height=${REPORT_HEIGHT:-2600}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

find_chromium() { command -v chromium || command -v chromium-browser || true; }
need=()
[ -n "$(find_chromium)" ] || need+=(chromium)
if command -v fc-list >/dev/null && ! fc-list : family | grep -qi '^Inter'; then
  need+=(fonts-inter)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} with apt-get" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
chrome=$(find_chromium)
[ -n "$chrome" ] || fail "chromium is not installed"

# The report exits 1 because the example has findings; 2 would be an error.
page="$scratch/report.html"
status=0
cargo run --quiet -- report --no-config --today 2026-11 fixtures/example/resume.md -o "$page" || status=$?
[ "$status" -le 1 ] || fail "storyline report exited with $status"
[ -s "$page" ] || fail "no report written"

flags=(
  --headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run
  --enable-logging=stderr --v=0 --hide-scrollbars --force-device-scale-factor=1
  --virtual-time-budget=3000
)

# shoot PAGE PNG WIDTH HEIGHT: the DOM after the script ran and a
# screenshot; fails on any console message, or when the script did not run.
shoot() {
  local page=$1 png=$2 w=$3 h=$4 url="file://$1"
  "$chrome" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$scratch")" \
    --dump-dom "$url" >"$scratch/dom.html" 2>"$scratch/dom.log" || fail "chromium --dump-dom failed (see above)"
  "$chrome" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$scratch")" \
    --window-size="$w,$h" --screenshot="$png" "$url" \
    >"$scratch/shot.out" 2>"$scratch/shot.log" || fail "chromium --screenshot failed"
  # The page logs nothing by design, and Chromium logs console.error like any
  # other message ("INFO:CONSOLE:1] ..."; older builds "ERROR:CONSOLE(1)"), so
  # any console line from the page fails, as do uncaught exceptions and
  # blocked requests.
  if grep -hE 'CONSOLE[:(]|Uncaught|Refused to|Content Security Policy' \
    "$scratch/dom.log" "$scratch/shot.log"; then
    fail "the page logged to the console (above): $page"
  fi
  # The script unhides the filter bar and fills in its count.
  grep -q '<form class="filters" hidden' "$scratch/dom.html" && fail "the filter bar is still hidden: the script did not run"
  grep -q 'findings shown</output>' "$scratch/dom.html" || fail "the filter script did not run"
  grep -q '<svg[^>]*class="timeline channel-resume"' "$scratch/dom.html" || fail "no resume timeline in the page"
  [ -s "$png" ] || fail "no screenshot taken"
}

shoot "$page" "$scratch/shot.png" "$width" "$height"

mkdir -p "$(dirname "$out")"
cp "$scratch/shot.png" "$out"
echo "ok: $out (${width}x${height}), the page logged nothing to the console"

# A real resume against a real export with many roles (the corpus, when it
# is beside the repository), wide and at 420 px, next to the first shot.
corpus=${CORPUS:-$root/../shared/corpus}
if [ -d "$corpus/linkedin/bsdpunk_export_2018" ]; then
  real="$scratch/real.html"
  status=0
  cargo run --quiet -- report --no-config --today 2026-11 \
    "$corpus/resumes/txt/bsdpunk_FullResume_zwsp.txt" \
    --profile "$corpus/linkedin/bsdpunk_export_2018" -o "$real" || status=$?
  [ "$status" -le 1 ] || fail "storyline report of the real pair exited with $status"
  grep -c 'class="role-bar' "$real" | awk '$1 < 20 { exit 1 }' || fail "the real pair's report draws fewer than 20 roles"
  stem="${out%.png}"
  shoot "$real" "$stem-linkedin.png" "$width" 1800
  shoot "$real" "$stem-narrow.png" 420 2400
  echo "ok: $stem-linkedin.png and $stem-narrow.png (the real pair's report, 1200 and 420 px wide)"
fi
