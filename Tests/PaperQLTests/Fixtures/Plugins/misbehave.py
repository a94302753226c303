#!/usr/bin/env python3
# A plugin that misbehaves on purpose, for PluginTests. The mode is the first argument:
# good, crash, hang, garbage, unknown, oldprotocol, silent. With a second argument, it appends a
# line per paper received to that file (to prove the cache spares it).
import json, sys, time

mode = sys.argv[1]
log = sys.argv[2] if len(sys.argv) > 2 else None
if log:
    with open(log, "a") as f:
        f.write("started\n")
seen = 0
for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "describe":
        if mode == "silent":
            time.sleep(60)
        version = 0 if mode == "oldprotocol" else 1
        print(json.dumps({"type": "describe", "protocol": version, "name": "probe", "version": "1",
                          "fields": [{"name": "letters", "type": "number", "summary": "letters in the title"},
                                     {"name": "first_word", "type": "string"}]}), flush=True)
        continue
    seen += 1
    if log:
        with open(log, "a") as f:
            f.write("paper\n")
    if mode == "crash" and seen == 2:
        sys.stderr.write("probe: something broke\n")
        sys.exit(3)
    if mode == "hang" and seen == 2:
        time.sleep(60)
    if mode == "garbage" and seen == 2:
        print("this is not json", flush=True)
        continue
    paper_id = "not-" + message["id"] if mode == "unknown" else message["id"]
    title = message["title"]
    first = title.split()[0] if title else ""
    print(json.dumps({"type": "values", "id": paper_id,
                      "values": {"letters": sum(c.isalpha() for c in title),
                                 "first_word": [{"value": first, "field": "title", "start": 0, "end": len(first)}]}}), flush=True)
