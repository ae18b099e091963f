#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the repository's fixtures (and, when it
# is there, the shared corpus ../shared/corpus next to the repository).
# Files that do not exist in the fixtures (DOCX, ZIP exports, PDFs) are
# built from them or taken from the shared corpus. Idempotent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${SHARED_CORPUS:-$repo/../shared/corpus}
c=$here/corpus
mkdir -p "$c"/{markdown,text,json_resume,docx,latex,linkedin_zip,pdf,rubric_toml,config_toml}

copy() { # target, find args...
    local t=$1; shift
    find "$@" -type f -print0 2>/dev/null | while IFS= read -r -d '' f; do
        cp "$f" "$c/$t/$(echo "$f" | sed "s|$repo/||; s|^\.\./||; s|/|_|g")"
    done
}
copy markdown "$repo/fixtures" -name '*.md'
copy text "$repo/fixtures" -name '*.txt'
copy json_resume "$repo/fixtures" -name '*.json' -not -path '*/schemas/*'
copy latex "$repo/fixtures" -name '*.tex'
copy rubric_toml "$repo/rubrics" -name '*.toml'
if [ -d "$shared" ]; then
    copy markdown "$shared/resumes/md" -name '*.md'
    copy text "$shared/resumes/txt" -name '*.txt'
    copy json_resume "$shared/resumes/json" -name '*.json'
    copy latex "$shared/resumes/tex" -name '*.tex'
    copy docx "$shared/resumes/docx" -name '*.docx' -size -200k
    # Small PDFs only: the fuzzer's -max_len cuts the rest anyway.
    copy pdf "$shared" -name '*.pdf' -size -120k
fi

python3 - "$repo" "$shared" "$c" <<'PY'
import os, sys, zipfile, glob, html
repo, shared, c = sys.argv[1:]

def docx(path, paragraphs):
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{html.escape(p)}</w:t></w:r></w:p>'
        for p in paragraphs)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{body}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", doc)

for f in glob.glob(f"{repo}/fixtures/**/*.md", recursive=True)[:8]:
    lines = [l.lstrip("#-* ").rstrip() for l in open(f, encoding="utf-8").read().splitlines()]
    docx(f"{c}/docx/{os.path.basename(f)}.docx", [l for l in lines if l])

def export_zip(path, folder):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(os.listdir(folder)):
            if f.endswith(".csv"):
                z.write(os.path.join(folder, f), f)

export_zip(f"{c}/linkedin_zip/fixture_export.zip", f"{repo}/fixtures/linkedin/export")
for d in glob.glob(f"{shared}/linkedin/*_export_*"):
    export_zip(f"{c}/linkedin_zip/{os.path.basename(d)}.zip", d)

configs = {
    "full.toml": '''target = "senior"
track = "software-engineer"
fail-on = "warning"
select = ["M", "O001"]
ignore = ["P002"]
today = "2026-11"
resumes = ["resumes/*.md"]
profiles = ["linkedin/"]
max-file-size = 1048576
max-zip-members = 100
pdf-timeout = 5
max-pdf-pages = 10

[per-file-ignores]
"old/*.md" = ["M001"]

[[suppress]]
path = "resume.md"
rule = "M001"
text = "Helped the team"
reason = "kept on purpose"
''',
    "rubric.toml": 'rubric = "rubric.toml"\ntarget = "staff"\n',
    "empty.toml": "",
}
for name, text in configs.items():
    open(f"{c}/config_toml/{name}", "w").write(text)
PY
for t in "$c"/*; do echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"; done
