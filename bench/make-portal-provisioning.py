#!/usr/bin/env python3
"""Writes the provisioning JSON of the portal benchmark (issue 16): N customers with A accounts each (ACC-1001, ACC-1002,
... in order: the accounts `centrex generate --accounts N*A` spreads its calls over), plus customer C-BIG with one account
BIG-1 for the 1-million-row xDR download. Never committed: output goes to bench/data/."""
import json
import sys

customers, per = int(sys.argv[1]), int(sys.argv[2])
out = sys.argv[3]
zones = ["America/Toronto", "America/Vancouver", "America/Halifax", "America/Edmonton", "America/Winnipeg"]
provinces = ["ON", "BC", "NS", "AB", "MB"]
doc = {"format": "centrex-provisioning/1", "customers": [], "accounts": []}
for c in range(customers + 1):
    big = c == customers
    cid = "C-BIG" if big else f"C{c:06d}"
    doc["customers"].append({
        "id": cid, "company": f"Bench Customer {c} Ltd.", "contact": f"Contact {c}", "email": f"billing{c}@bench.example",
        "address": {"street": f"{100 + c} Main St", "city": "Somewhere", "province": provinces[c % 5], "country": "CA", "postal_code": "A1A 1A1"},
        "currency": "CAD", "time_zone": zones[c % 5]})
    for a in ([0] if big else range(per)):
        aid = "BIG-1" if big else f"ACC-{1001 + c * per + a}"
        doc["accounts"].append({"id": aid, "customer": cid, "type": "credit", "credit_limit": "500.00"})
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f)
