"""Builds the on-sale catalogue of bench/onsale.sh through the operator API and writes the ids it needs to DIR.

The hot event: seated section S1 of 200 ranked rows x 50 seats (10,000 seats) and a GA floor FLOOR of 60,000 tickets.
200 cold events of S1 with 2 rows x 20 seats. Venue "with-hot" has the hot event and 19 cold ones, venue
"cold-only" 20 cold ones, so a search page of either has 20 events. Cost-table events: S1 of 1,000 / 10,000 / 60,000
seats (20 x 50, 200 x 50, 500 x 120) and a GA floor of the same size.
Usage: python3 bench/onsale_catalogue.py BASE OPERATOR_KEY DIR
"""
import datetime
import json
import sys
import urllib.error
import urllib.request

base, key, out = sys.argv[1], sys.argv[2], sys.argv[3]
starts = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")


def post(path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            return json.load(answer)["data"]
    except urllib.error.HTTPError as e:
        sys.exit("%s %s: %s" % (path, e.code, e.read().decode()))


def venue(name):
    return post("/admin/v1/venues", {"name": name, "city": "Bench", "country": "US", "timezone": "UTC"})["venue_id"]


def event(name, venue_id, rows, seats, ga=0):
    sections = [{"name": "S1", "rows": [{"name": str(r), "rank": r} for r in range(1, rows + 1)]}]
    if ga:
        sections.append({"name": "FLOOR", "is_ga": True})
    event_id = post("/admin/v1/events", {"name": name, "venue_id": venue_id, "event_datetime_utc": starts,
                                         "sections": sections})["event"]["event_id"]
    batches = [{"section_name": "S1", "row_name": str(r), "seat_from": 1, "seat_to": seats, "price": "%d.00" % (300 - r // 2),
                "delivery_types": ["mobile_transfer"]} for r in range(1, rows + 1)]
    if ga:
        batches.append({"section_name": "FLOOR", "quantity": ga, "price": "60.00", "delivery_types": ["mobile_transfer"]})
    post("/admin/v1/events/%s/tickets" % event_id, {"tickets": batches})
    return event_id


def write(name, lines):
    with open("%s/%s" % (out, name), "w") as f:
        f.write("\n".join(lines) + "\n")


with_hot, cold_only, other = venue("With hot"), venue("Cold only"), venue("Elsewhere")
hot = event("Onsale Hot Show", with_hot, 200, 50, ga=60_000)
cold = [event("Onsale Cold Show %d" % n, with_hot if n < 19 else cold_only if n < 39 else other, 2, 20)
        for n in range(200)]
write("hot", [hot])
write("cold", cold)
write("venue-with-hot", [with_hot])
write("venue-cold-only", [cold_only])
for size, rows, seats in [(1_000, 20, 50), (10_000, 200, 50), (60_000, 500, 120)]:
    write("cost-%d" % size, [event("Onsale Cost %d" % size, other, rows, seats, ga=size)])
