#!/usr/bin/env bash
# Peer benchmarks: storyline against what a user would otherwise run, in
# the same hyperfine invocation so that ratios, not absolute times, are
# compared. Installs the peers with their ordinary clients into a scratch
# folder (proselint from PyPI in a venv, write-good from npm, poppler-utils
# and hyperfine from Debian) and prepares the inputs from ../shared/corpus.
#   bench/peers.sh [--quick]        (--quick: fewer runs, scaling to 9,620)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${CORPUS:-$root/../shared/corpus}
scratch=${SCRATCH:-/tmp/storyline-bench}
runs_one=30 runs_set=10 copies="1 10 104"
[ "${1:-}" = "--quick" ] && { runs_one=10; runs_set=3; copies="1 10"; }
mkdir -p "$scratch"
cd "$scratch"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need pdftotext; then
  apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine poppler-utils >/dev/null
fi
[ -x venv/bin/proselint ] || { python3 -m venv venv && venv/bin/pip install -q proselint; }
[ -x node_modules/.bin/write-good ] || npm install --silent --no-audit --no-fund write-good >/dev/null
(cd "$root" && cargo build --release --quiet)
sl="$root/target/release/storyline"
# The same code linked statically (glibc included) and not position-
# independent, as a release binary could ship: no dynamic loader and no
# load-time relocation, about 1.5 ms of a one-file run. On x86-64 Linux
# only, into its own target folder (the flags need an explicit --target,
# which keeps them off the proc-macros).
static=""
triple=x86_64-unknown-linux-gnu
if [ "$(uname -sm)" = "Linux x86_64" ]; then
  (cd "$root" && CARGO_TARGET_DIR="$root/target/static" RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" \
    cargo build --release --quiet --target "$triple") &&
    static="$root/target/static/$triple/release/storyline"
fi

# Inputs: 962 real resumes as text files; the corpus PDFs; one resume.
if [ ! -d txt962 ]; then
  mkdir txt962
  python3 - "$corpus/bulk/UpdatedResumeDataSet.csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8", errors="replace", newline="") as f:
    for i, row in enumerate(csv.DictReader(f)):
        open(f"txt962/r{i:04d}.txt", "w", encoding="utf-8").write(row["Resume"])
PY
fi
rm -rf pdf41 && mkdir pdf41 && cp "$corpus"/resumes/pdf/*.pdf "$corpus"/linkedin/pdf/*.pdf pdf41/ 2>/dev/null || true
find "$corpus/linkedin/pdf" -name '*.pdf' -exec sh -c 'cp "$1" "pdf41/$(basename "$(dirname "$1")")_$(basename "$1")"' _ {} \;
cp "$root/fixtures/example/resume.md" one.md
ls txt962/*.txt > txt962.list

echo "== one resume (start-up included)"
hyperfine -N -i -w 3 -r "$runs_one" --export-json one.json \
  "$sl check --no-config one.md" \
  "venv/bin/proselint check one.md" \
  "node_modules/.bin/write-good one.md" \
  ${static:+"$static check --no-config one.md"}

echo "== 962 real resumes, one invocation each tool"
hyperfine -i -w 1 -r "$runs_set" --export-json txt962.json \
  "$sl check --no-config txt962" \
  "venv/bin/proselint check txt962" \
  "xargs -a txt962.list wc -w"

echo "== start-up alone (empty-ish input)"
printf '# A\n' > tiny.md
hyperfine -N -i -w 3 -r "$runs_one" --export-json startup.json "$sl check --no-config tiny.md" "$sl rules"

echo "== 41 real PDFs: extract and lint vs pdftotext + proselint"
hyperfine -i -w 1 -r "$runs_set" --export-json pdf41.json \
  "$sl check --no-config pdf41" \
  "rm -rf pdftxt && mkdir pdftxt && for f in pdf41/*.pdf; do pdftotext -enc UTF-8 \"\$f\" pdftxt/\$(basename \"\$f\").txt; done && venv/bin/proselint check pdftxt"

echo "== peak memory (KiB)"
for cmd in "$sl check --no-config txt962" "$sl check --no-config pdf41"; do
  /usr/bin/time -f "%M KiB  $cmd" $cmd >/dev/null 2>/tmp/time.out || true
  tail -1 /tmp/time.out
done

# The same set repeated (hard links, one folder per copy): time should
# grow with the count and peak memory not at all (findings stream out).
echo "== scaling: the 962 resumes repeated, one invocation (seconds, peak KiB)"
for k in $copies; do
  d="rep$k"
  if [ ! -d "$d" ]; then
    for i in $(seq -w 1 "$k"); do mkdir -p "$d/c$i" && ln txt962/*.txt "$d/c$i/"; done
  fi
  n=$(find "$d" -name '*.txt' | wc -l)
  /usr/bin/time -f "%e s  %M KiB  $n resumes" "$sl" check --no-config --format json "$d" >/dev/null 2>/tmp/time.out || true
  tail -1 /tmp/time.out
done

python3 - <<'PY'
import json
def med(f, i): return json.load(open(f))["results"][i]["median"]
runs = json.load(open("one.json"))["results"]
one = [r["median"] for r in runs]
t = [med("txt962.json", i) for i in range(3)]
p = [med("pdf41.json", i) for i in range(2)]
print("\n== ratios (medians of the same hyperfine run)")
print(f"one resume: storyline {one[0]*1000:.1f} ms; proselint {one[1]/one[0]:.1f}x slower; write-good {one[2]/one[0]:.1f}x slower (target >= 20x proselint)")
if len(one) > 3:
    print(f"one resume, static build: storyline {one[3]*1000:.1f} ms; proselint {one[1]/one[3]:.1f}x slower")
print(f"962 resumes: storyline {t[0]*1000:.0f} ms; proselint {t[1]/t[0]:.0f}x slower (target >= 100x); storyline / wc -w = {t[0]/t[2]:.1f} (target <= 10)")
print(f"41 PDFs: storyline {p[0]*1000:.0f} ms; pdftotext+proselint {p[1]/p[0]:.1f}x slower (target >= 3x)")
PY
