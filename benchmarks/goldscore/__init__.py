"""Scoring councilpapers' extraction against hand-made gold answers.

- `matching`: the rules for when a found record is a gold record (normalised or
  near-equal texts, names without titles, committees by containment), one-to-one;
- `entries`: one constructor per record type, used by both sides so gold and found
  records are built alike;
- `gold` / `found`: a gold file's expected entries, and what ingest found for its paper;
- `corpus`: which papers to ingest, ingesting them into a temporary home, skips;
- `report`: the tables, the misses and the JSON.

`benchmarks/gold_score.py` is the command; `benchmarks/gold/README.md` the contract.
"""
