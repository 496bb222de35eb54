"""Copies tipstats' normalized figures (data/*.csv) into SQLite for datasette,
with the region hierarchy flattened into region_members as tipstats does."""
import csv
import sqlite3
import sys

data, out = sys.argv[1], sys.argv[2]
db = sqlite3.connect(out)
db.execute("CREATE TABLE regions (code TEXT PRIMARY KEY, name TEXT, level TEXT, parent TEXT)")
db.execute("""CREATE TABLE observations (indicator_id TEXT, region_code TEXT, year INTEGER,
    month INTEGER, dimension TEXT, category TEXT, sex TEXT, age TEXT, seq INTEGER,
    value INTEGER, suppressed INTEGER, value_text TEXT, units INTEGER)""")
with open(f"{data}/regions.csv", newline="") as f:
    regions = list(csv.DictReader(f))
db.executemany("INSERT INTO regions VALUES (?, ?, ?, ?)",
               [(r["code"], r["name"], r["level"], r["parent"] or None) for r in regions])
with open(f"{data}/observations.csv", newline="") as f:
    rows = csv.reader(f)
    next(rows)
    db.executemany("INSERT INTO observations VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   ([None if v == "" else v for v in row] for row in rows))
parent = {r["code"]: r["parent"] or None for r in regions}
members = []
for code in parent:
    ancestor, depth = code, 0
    while ancestor is not None and depth < 16:
        members.append((ancestor, code))
        ancestor, depth = parent.get(ancestor), depth + 1
db.execute("CREATE TABLE region_members (ancestor TEXT, member TEXT)")
db.executemany("INSERT INTO region_members VALUES (?, ?)", members)
db.execute("CREATE INDEX observations_indicator ON observations (indicator_id, year)")
db.execute("CREATE INDEX members_ancestor ON region_members (ancestor, member)")
db.commit()
