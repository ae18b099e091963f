#!/usr/bin/env python3
"""Checks the LinkedIn "Save to PDF" reader against the corpus. Stdlib only.

For every profile PDF under CORPUS/linkedin/pdf (the files there and
linkedin-profile-reader_fixtures/*/Profile.pdf) it runs `storyline extract`
and prints the format and channel it was read as and what it found. Where a
parser's expected JSON Resume stands beside the PDF (Profile.expected.json)
it compares the name (basics.name), the headline (basics.label), the number
of positions (work[]) and each position's company, title, start, end and
location, and
prints the agreement per file and in total. Then it reads every resume PDF
under CORPUS/resumes/pdf and reports any that is taken for a LinkedIn
profile (none must be).

    scripts/linkedin-pdf-check.py [--bin target/debug/storyline] [--check] [CORPUS]

CORPUS defaults to ../shared/corpus (from the repository root). With
--check the exit status is 1 when any profile is not read as linkedin-pdf
or any compared field disagrees (after the known differences below).

Known differences, where the expected JSON is wrong or differs in form only
(each verified against the PDF's text):

- zhaoqi: basics.label is "in neurological diseases.", the second line of
  a headline that wraps; storyline joins both lines ("Scientist at
  Gladstone Institutes, studying the role of innate immunity in
  neurological diseases."). The expected value is the wrong one.
- kanishka: basics.name is "Kanishka Manna"; the PDF prints "Kanishka
  Manna, PhD" and storyline keeps it as printed. A credential suffix after
  a comma is dropped before comparing (formatting only).
- Dates: the expected JSON writes a current role as a null endDate;
  storyline writes "present" (the output contract). Both mean the same.
- benjamin: basics.label starts with "-- " as the PDF prints it; both
  sides agree.
"""

import argparse
import json
import os
import re
import subprocess
import sys

# Expected values known to be wrong: (profile folder, field) -> the value
# the PDF actually prints, which storyline must give.
CORRECTIONS = {
    ("zhaoqi", "headline"): "Scientist at Gladstone Institutes, studying the role of "
    "innate immunity in neurological diseases.",
}

CREDENTIAL = re.compile(r",\s*(?:PhD|Ph\.D\.|MD|MBA|MSc|MS|BSc|BS|CPA|PE|PMP)\.?$")


def norm(s):
    """Whitespace and dash forms do not count."""
    if s is None:
        return None
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(s.split())


def norm_name(s):
    return CREDENTIAL.sub("", norm(s) or "")


def norm_date(s):
    """A null end and "present" mean the same; YYYY-MM-DD compares by month."""
    if s in (None, "", "present"):
        return "present"
    return s[:7]


def extract(binary, path):
    out = subprocess.run(
        [binary, "extract", path], capture_output=True, text=True, timeout=120
    )
    if out.returncode != 0:
        return None, out.stderr.strip()
    return json.loads(out.stdout), None


def profiles(corpus):
    base = os.path.join(corpus, "linkedin", "pdf")
    found = []
    for name in sorted(os.listdir(base)):
        path = os.path.join(base, name)
        if name.lower().endswith(".pdf"):
            found.append((name, path, None))
    fixtures = os.path.join(base, "linkedin-profile-reader_fixtures")
    if os.path.isdir(fixtures):
        for name in sorted(os.listdir(fixtures)):
            pdf = os.path.join(fixtures, name, "Profile.pdf")
            expected = os.path.join(fixtures, name, "Profile.expected.json")
            if os.path.isfile(pdf):
                found.append(
                    (name, pdf, expected if os.path.isfile(expected) else None)
                )
    return found


def compare(folder, doc, expected):
    """Yields (field, agrees, got, want) for every compared field."""
    basics = expected.get("basics", {})
    want_name = CORRECTIONS.get((folder, "name"), basics.get("name"))
    yield "name", norm_name(doc["name"]) == norm_name(want_name), doc["name"], want_name
    want_label = CORRECTIONS.get((folder, "headline"), basics.get("label"))
    yield "headline", norm(doc["headline"]) == norm(want_label), doc["headline"], want_label
    work = expected.get("work", [])
    roles = doc["roles"]
    yield "positions", len(roles) == len(work), len(roles), len(work)
    for i, (r, w) in enumerate(zip(roles, work)):
        pairs = [
            ("company", norm(r["company"]), norm(w.get("name"))),
            ("title", norm(r["title"]), norm(w.get("position"))),
            ("start", norm_date(r["start"]), norm_date(w.get("startDate"))),
            ("end", norm_date(r["end"]), norm_date(w.get("endDate"))),
            ("location", norm(r["location"]), norm(w.get("location"))),
        ]
        for field, got, want in pairs:
            yield f"work[{i}].{field}", got == want, got, want


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpus")
    ap.add_argument("--bin", default="target/debug/storyline")
    ap.add_argument("--check", action="store_true", help="exit 1 on any disagreement")
    args = ap.parse_args()

    total_agree = total_fields = 0
    failures = 0
    for folder, path, expected_path in profiles(args.corpus):
        doc, err = extract(args.bin, path)
        label = os.path.relpath(path, args.corpus)
        if doc is None:
            print(f"{label}: ERROR {err}")
            failures += 1
            continue
        kind = f"{doc['format']}/{doc['channel']}"
        bullets = sum(len(r["bullets"]) for r in doc["roles"])
        found = (
            f"{kind}, {len(doc['roles'])} positions, {bullets} bullets, "
            f"{len(doc['skills'])} skills, {len(doc['education'])} schools"
        )
        if doc["format"] != "linkedin-pdf" or doc["channel"] != "linkedin":
            failures += 1
            print(f"{label}: NOT READ AS A PROFILE ({found})")
            continue
        if expected_path is None:
            print(f"{label}: {found} (no expected JSON)")
            continue
        with open(expected_path, encoding="utf-8") as f:
            expected = json.load(f)
        results = list(compare(folder, doc, expected))
        agree = sum(1 for _, ok, _, _ in results if ok)
        total_agree += agree
        total_fields += len(results)
        print(f"{label}: {agree}/{len(results)} fields agree ({found})")
        for field, ok, got, want in results:
            if not ok:
                failures += 1
                print(f"    {field}: got {got!r}, expected {want!r}")
    resumes = os.path.join(args.corpus, "resumes", "pdf")
    if os.path.isdir(resumes):
        names = sorted(n for n in os.listdir(resumes) if n.lower().endswith(".pdf"))
        misread = []
        for name in names:
            doc, _ = extract(args.bin, os.path.join(resumes, name))
            if doc is not None and doc["channel"] != "resume":
                misread.append(name)
        failures += len(misread)
        print(
            f"resumes/pdf: {len(names) - len(misread)}/{len(names)} read as resumes"
            + "".join(f"\n    taken for a profile: {n}" for n in misread)
        )
    if total_fields:
        print(
            f"total: {total_agree}/{total_fields} fields agree "
            f"({100.0 * total_agree / total_fields:.1f}%), {failures} problem(s)"
        )
    if args.check and failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
