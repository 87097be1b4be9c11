"""The crash test's invariants, read after reconciliation (bench/crash.sh): one markdown table row on stdout.

Environment: CASE, OUT (CrashLoad's output directory), DB (a libpq URL), EVENT, BASE, TOKEN (a partner's), ERRORS.
"""
import json
import os
import subprocess
import urllib.request


def sql(query):
    result = subprocess.run(["psql", os.environ["DB"], "-At", "-F", "\t", "-c", query], check=True,
                            capture_output=True, text=True)
    return [line.split("\t") for line in result.stdout.splitlines() if line]


def one(query):
    return int(sql(query)[0][0])


out, event = os.environ["OUT"], os.environ["EVENT"]
summary = dict(line.split(" ", 1) for line in open(f"{out}/summary.txt").read().splitlines() if not line.startswith("error"))
acknowledged = [line.split() for line in open(f"{out}/acknowledged.txt").read().splitlines() if line]
LIVE = "('confirmed', 'transfer_sent', 'delivered')"

# Lost: an order the client was told is confirmed that is not confirmed (or not there) now.
confirmed = [order for order, status, _ in acknowledged if status == "confirmed"]
lost = 0
if confirmed:
    values = ",".join(f"('{order}')" for order in confirmed)
    lost = one(f"SELECT count(*) FROM (VALUES {values}) a(id) LEFT JOIN orders o ON o.id = a.id "
               f"WHERE o.id IS NULL OR o.status NOT IN {LIVE}")

# Seat errors: a live order whose quoted seats are not all sold to it, a sold seat that no live order holds.
seat_errors = one(f"""
    SELECT (SELECT count(*) FROM orders o JOIN quotes q ON q.id = o.quote_id WHERE o.status IN {LIVE}
            AND (SELECT count(*) FROM tickets t WHERE t.id = ANY (q.ticket_ids) AND t.sold AND t.hold_id = o.id)
                <> q.quantity)
         + (SELECT count(*) FROM tickets t WHERE t.event_id = '{event}' AND t.sold AND NOT EXISTS (
                SELECT 1 FROM orders o WHERE o.id = t.hold_id AND o.status IN {LIVE}))""")

# Ledger: per partner, the card charges posted equal the captured charges; no order charged twice in the ledger.
ledger = one("""
    WITH posted AS (SELECT partner_id, sum(-amount_minor) AS total FROM ledger_transactions WHERE type = 'charge'
                    GROUP BY partner_id),
         captured AS (SELECT a.partner_id, sum(a.amount_minor) AS total FROM payment_attempts a
                      JOIN orders o ON o.id = a.owner_id
                      WHERE a.kind = 'charge' AND a.status = 'succeeded' AND o.payment_status = 'captured'
                      GROUP BY a.partner_id)
    SELECT (SELECT count(*) FROM posted FULL JOIN captured USING (partner_id)
            WHERE posted.total IS DISTINCT FROM captured.total)
         + (SELECT count(*) FROM (SELECT order_id FROM ledger_transactions WHERE type = 'charge'
                                  GROUP BY order_id HAVING count(*) > 1) twice)""")

# Availability: what the API says each row has = its 50 seats - sold - held now.
counted = {name: 50 - int(sold) - int(held) for name, sold, held in sql(f"""
    SELECT r.name, count(*) FILTER (WHERE t.sold),
           count(*) FILTER (WHERE NOT t.sold AND t.hold_id IS NOT NULL AND t.held_until > now())
    FROM tickets t JOIN seat_rows r ON r.id = t.row_id WHERE t.event_id = '{event}' GROUP BY r.name""")}
request = urllib.request.Request(f"{os.environ['BASE']}/v1/events/{event}/sections/A/rows",
                                 headers={"Authorization": f"Bearer {os.environ['TOKEN']}"})
shown = {row["row_name"]: row["available_quantity"] for row in json.load(urllib.request.urlopen(request))["data"]}
rows_off = sum(1 for name, available in counted.items() if shown.get(name, 0) != available)

print(f"| {os.environ['CASE']} | {summary['requests']} | {len(acknowledged)} ({len(confirmed)} confirmed) | "
      f"{summary['answers_500']} | {summary['answers_503']} | {summary['no_answer']} | {os.environ['ERRORS']} | "
      f"{lost} | {seat_errors} | {ledger} | {rows_off} of {len(counted)} | {summary['unresolved']} |")
