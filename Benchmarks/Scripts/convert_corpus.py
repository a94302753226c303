#!/usr/bin/env python3
"""Rewrite a JSON-lines corpus as CSV or BibTeX, for the per-format import benchmarks.

    convert_corpus.py IN.jsonl OUT.csv
    convert_corpus.py IN.jsonl OUT.bib

The format follows OUT's extension. Every record keeps its id, title, abstract, authors,
categories and date, so the three files hold the same papers. Standard library only.
"""

import csv
import json
import sys


def bibtex_escape(text):
    # Braces would end the field early; the generator writes none, but keep the output valid.
    return text.replace("{", "(").replace("}", ")")


def main():
    if len(sys.argv) != 3 or not sys.argv[2].endswith((".csv", ".bib")):
        sys.exit(__doc__.strip())
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8", newline="") as out:
        if target.endswith(".csv"):
            writer = csv.writer(out)
            writer.writerow(["id", "title", "abstract", "authors", "categories", "date"])
            for line in lines:
                p = json.loads(line)
                writer.writerow([p["id"], p["title"], p["abstract"], p["authors"], p["categories"], p["update_date"]])
        else:
            for line in lines:
                p = json.loads(line)
                authors = " and ".join(a.strip() for a in p["authors"].replace(" and ", ", ").split(","))
                out.write("@article{%s,\n" % p["id"])
                out.write("  title = {%s},\n" % bibtex_escape(p["title"]))
                out.write("  abstract = {%s},\n" % bibtex_escape(p["abstract"]))
                out.write("  author = {%s},\n" % bibtex_escape(authors))
                out.write("  keywords = {%s},\n" % p["categories"])
                out.write("  year = {%s},\n" % p["update_date"][:4])
                out.write("}\n\n")


if __name__ == "__main__":
    main()
