#!/usr/bin/env python3
"""A PaperQL extractor plugin in Python: the GPUs and TPUs a paper mentions.

PaperQL starts this program once per load and talks to it in JSON lines (protocol 1, see
docs/PLUGINS.md): it asks what the plugin provides, then streams papers on stdin; the plugin
answers each with its values and where in the text they were found.

    paperql query --plugin Examples/plugins/gpu_mentions.py 'papers where has gpus select id, gpus'
"""
import json
import re
import sys

PATTERN = re.compile(r"\b(A100|H100|H800|A800|V100|L40S?|A6000|T4|RTX ?\d{4}|TPU ?v\d)\b")


def describe():
    return {
        "type": "describe",
        "protocol": 1,
        "name": "gpus",
        "version": "1.0",
        "fields": [
            {"name": "gpus", "type": "list<string>", "summary": "GPUs and TPUs the paper mentions (A100, H100, TPU v4, ...)"}
        ],
    }


def values(paper):
    found = []
    for field in ("title", "abstract"):
        for match in PATTERN.finditer(paper.get(field) or ""):
            name = match.group(1).replace(" ", "")
            found.append({"value": name, "field": field, "start": match.start(1), "end": match.end(1)})
    return {"gpus": found}


def main():
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        message = json.loads(line)
        if message.get("type") == "describe":
            out.write(json.dumps(describe()) + "\n")
            out.flush()
        elif message.get("type") == "paper":
            out.write(json.dumps({"type": "values", "id": message["id"], "values": values(message)}) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
