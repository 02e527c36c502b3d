#!/usr/bin/env python3
"""Writes a provisioning JSON file for the billing benchmark: N customers, one account each (ACC-1001, ACC-1002, ...
the accounts `centrex generate --accounts N` spreads its calls over), spread over the provinces and the US, plans,
subscriptions started on various days, a payment for every third customer. Never committed: output goes to bench/data/."""
import json
import sys

customers = int(sys.argv[1])
out = sys.argv[2]
provinces = [("QC", "America/Toronto"), ("ON", "America/Toronto"), ("NS", "America/Halifax"), ("BC", "America/Vancouver"),
             ("AB", "America/Edmonton"), ("MB", "America/Winnipeg"), ("SK", "America/Regina"), ("NB", "America/Moncton"),
             ("NL", "America/St_Johns"), ("PE", "America/Halifax"), (None, "America/New_York")]
plans = ["PLAN-BASIC", "PLAN-PRO", "PLAN-UNLTD"]
doc = {
    "format": "centrex-provisioning/1",
    "customers": [], "accounts": [], "subscriptions": [], "payments": [],
    "products": [
        {"id": "PLAN-BASIC", "name": "Business Basic", "monthly_fee": "19.99", "free_north_america_minutes": 100},
        {"id": "PLAN-PRO", "name": "Business Pro", "monthly_fee": "34.99", "free_north_america_minutes": 300},
        {"id": "PLAN-UNLTD", "name": "Business Unlimited", "monthly_fee": "59.99", "free_north_america_minutes": 3000},
    ],
    "discount_plans": [],
}
for i in range(customers):
    province, zone = provinces[i % len(provinces)]
    cid, aid = f"C{i:06d}", f"ACC-{1001 + i}"
    doc["customers"].append({
        "id": cid, "company": f"Bench Customer {i} Ltd.", "contact": f"Contact {i}", "email": f"billing{i}@bench.example",
        "address": {"street": f"{100 + i} Main St", "city": "Somewhere", "province": province,
                    "country": "CA" if province else "US", "postal_code": "A1A 1A1" if province else "10001"},
        "currency": "CAD", "time_zone": zone, "send_statistic": ["full", "summary", "none"][i % 3]})
    doc["accounts"].append({"id": aid, "customer": cid, "type": "credit", "credit_limit": "500.00", "requires_911": province is not None and i % 2 == 0})
    doc["subscriptions"].append({"id": f"S{i:06d}", "account": aid, "product": plans[i % 3], "start": f"2026-{9 + (i % 2):02d}-{1 + (i % 28):02d}"})
    if i % 3 == 0:
        doc["payments"].append({"id": f"P{i:06d}", "customer": cid, "received": "2026-10-10", "amount": "25.00", "method": "card", "reference": f"AUTH {i}"})
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f)
